package content

import (
	"errors"
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// within fails the test when f does not return within a generous bound: a
// FIFO or /dev/zero read would block or run for ever.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { f(); close(done) }()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatal("did not return: the read blocks or never ends")
	}
}

// specialFiles makes a content folder holding what must not be read: a
// FIFO, a link to /dev/zero, a file of more than MaxFileSize, and a good
// page beside them.
func specialFiles(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "content")
	os.MkdirAll(filepath.Join(dir, "news"), 0o755)
	if err := syscall.Mkfifo(filepath.Join(dir, "news", "fifo.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "news", "zero.md")); err != nil {
		t.Fatal(err)
	}
	big := make([]byte, MaxFileSize+1)
	for i := range big {
		big[i] = 'a'
	}
	os.WriteFile(filepath.Join(dir, "news", "big.md"), big, 0o644)
	os.WriteFile(filepath.Join(dir, "news", "ok.md"), []byte("---\ntitle: ok\n---\nfine\n"), 0o644)
	return dir
}

func TestReadFileRefusesSpecialFiles(t *testing.T) {
	dir := specialFiles(t)
	for name, want := range map[string]error{
		"fifo.md": ErrNotRegular,
		"zero.md": ErrNotRegular,
		"big.md":  ErrTooLarge,
	} {
		within(t, func() {
			_, err := ReadFile(filepath.Join(dir, "news", name))
			if !errors.Is(err, want) {
				t.Errorf("%s: want %v, got %v", name, want, err)
			}
		})
	}
	if b, err := ReadFile(filepath.Join(dir, "news", "ok.md")); err != nil || !strings.Contains(string(b), "fine") {
		t.Errorf("ok.md: %q %v", b, err)
	}
}

func TestCheckReportsSpecialFiles(t *testing.T) {
	dir := specialFiles(t)
	root := filepath.Dir(dir)
	within(t, func() {
		l := Check(msg.En, root, dir)
		got := l.Error()
		for _, want := range []string{
			"content/news/fifo.md: not a regular file but a named pipe (FIFO)",
			"content/news/zero.md: not a regular file but a symbolic link to /dev/zero (a device)",
			"content/news/big.md: larger than 8 MiB",
		} {
			if !strings.Contains(got, want) {
				t.Errorf("missing %q in:\n%s", want, got)
			}
		}
		if len(l) != 3 {
			t.Errorf("want 3 problems, got:\n%s", got)
		}
		zh := Check(msg.Zh, root, dir)
		if got := zh.Error(); !strings.Contains(got, "content/news/zero.md: 不是普通文件，而是指向 /dev/zero 的符号链接（设备文件）") {
			t.Errorf("Chinese:\n%s", got)
		}
	})
}
