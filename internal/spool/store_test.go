package spool

import (
	"bufio"
	"os"
	"testing"
)

// words is a store of strings, the record being the name, then the value.
func words() *Store[string] {
	return NewStore(func(b []byte, name, v string) []byte {
		return AppendString(AppendString(b, name), v)
	}, func(r *bufio.Reader) (string, string, error) {
		name, err := ReadString(r, nil)
		if err != nil {
			return "", "", err
		}
		v, err := ReadString(r, nil)
		return string(name), string(v), UnexpectedEOF(err)
	})
}

// Values wait in the file until the first Get, and are the same read
// back; a record handed over by Add is taken back by Put; Close leaves no
// file.
func TestStore(t *testing.T) {
	dir := t.TempDir()
	s := words()
	if err := s.Spill(dir, "words-*"); err != nil {
		t.Fatal(err)
	}
	recs := map[string][]byte{}
	for name, v := range map[string]string{"a": "生僻字𠀾", "b": "表情😀", "c": ""} {
		s.Add(name, v, func(rec []byte) { recs[name] = append([]byte(nil), rec...) })
	}
	if s.Held() != 0 {
		t.Errorf("%d values in memory before the first Get", s.Held())
	}
	if v, ok := s.Get("b"); !ok || v != "表情😀" {
		t.Errorf("b = %q, %v", v, ok)
	}
	if _, ok := s.Get("d"); ok {
		t.Error("a name never added was found")
	}
	for how, st := range map[string]*Store[string]{"in memory": words(), "on disk": words()} {
		if how == "on disk" {
			st.Spill(dir, "words-*")
		}
		for name, rec := range recs {
			if err := st.Put(rec); err != nil {
				t.Fatalf("%s: %s: %v", how, name, err)
			}
		}
		if v, ok := st.Get("a"); !ok || v != "生僻字𠀾" {
			t.Errorf("%s: a put back = %q, %v", how, v, ok)
		}
		st.Close()
	}
	rec := recs["a"]
	if err := words().Put(rec[:len(rec)-2]); err == nil {
		t.Error("a record cut short was taken")
	}
	if err := words().Put(append(append([]byte(nil), rec...), 'x')); err == nil {
		t.Error("a record with bytes after it was taken")
	}
	if err := s.Close(); err != nil {
		t.Error(err)
	}
	if left, _ := os.ReadDir(dir); len(left) > 0 {
		t.Errorf("files left: %v", left)
	}
}

// With CheckWith, a record Put into a store with a file is read by the
// check, not decoded (decode may keep what it reads, as an interner does)
// until the first Get; a bad record is still refused, and one put into a
// store in memory is decoded at once.
func TestStoreCheckWith(t *testing.T) {
	decoded := 0
	checked := func() *Store[string] {
		s := words()
		decode := s.decode
		s.decode = func(r *bufio.Reader) (string, string, error) {
			decoded++
			return decode(r)
		}
		return s.CheckWith(func(r *bufio.Reader) error {
			_, _, err := decode(r)
			return err
		})
	}
	rec := AppendString(AppendString(nil, "a"), "生僻字𠀾")
	s := checked()
	if err := s.Spill(t.TempDir(), "words-*"); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Put(rec); err != nil {
		t.Fatal(err)
	}
	if decoded != 0 || s.Held() != 0 {
		t.Errorf("a record put into the file: decoded %d times, %d values in memory", decoded, s.Held())
	}
	if err := s.Put(rec[:len(rec)-2]); err == nil {
		t.Error("a record cut short was taken")
	}
	if v, ok := s.Get("a"); !ok || v != "生僻字𠀾" || decoded != 1 {
		t.Errorf("a put back = %q, %v (decoded %d times)", v, ok, decoded)
	}
	mem := checked()
	if err := mem.Put(rec); err != nil {
		t.Fatal(err)
	}
	if v, ok := mem.Get("a"); !ok || v != "生僻字𠀾" {
		t.Errorf("in memory: a put back = %q, %v", v, ok)
	}
}
