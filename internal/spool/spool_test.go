package spool

import (
	"bufio"
	"errors"
	"io"
	"os"
	"testing"
)

// Records built in Record's buffer come back as they were put, strings
// included (Chinese, empty), and nothing is left in the folder, before or
// after Close.
func TestRecordsComeBack(t *testing.T) {
	dir := t.TempDir()
	f, err := Create(dir, "spool-*")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"news/2026-10-23/index.html", "", "郑州市信息化促进会 🎉", "𠀀"}
	for _, s := range want {
		if !f.Put(AppendString(f.Record(), s)) {
			t.Fatal("Put failed")
		}
	}
	if rec := f.Record(); len(rec) != 0 || cap(rec) == 0 {
		t.Errorf("Record gave %d bytes of %d, want an empty buffer used before", len(rec), cap(rec))
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 && f.removed {
		t.Errorf("the spool's name is still in the folder: %v", left)
	}
	r, err := f.Reader()
	if err != nil {
		t.Fatal(err)
	}
	var buf []byte
	for _, w := range want {
		b, err := ReadString(r, buf)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != w {
			t.Errorf("read %q, want %q", b, w)
		}
		buf = b
	}
	if _, err := ReadString(r, buf); err != io.EOF {
		t.Errorf("after the last record: %v, want io.EOF", err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("Close left %v", left)
	}
}

// A string cut short is an unexpected end, not the end of the records.
func TestCutStringIsUnexpected(t *testing.T) {
	b := AppendString(nil, "一二三")
	r := bufio.NewReader(&cut{b[:len(b)-2]})
	if _, err := ReadString(r, nil); !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("err = %v, want io.ErrUnexpectedEOF", err)
	}
}

type cut struct{ b []byte }

func (c *cut) Read(p []byte) (int, error) {
	if len(c.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, c.b)
	c.b = c.b[n:]
	return n, nil
}
