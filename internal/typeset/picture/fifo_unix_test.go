//go:build unix

package picture

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// A FIFO named as a figure is refused at once: opening it would wait for
// a writer, and the build with it.
func TestLoadRefusesAFIFO(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "photo.png")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := Load(fifo)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("Load(FIFO) = %v, want an error saying it is not a regular file", err)
		}
	case <-time.After(time.Minute):
		t.Fatal("Load waits on a FIFO named as a figure")
	}
}
