//go:build unix

package testenv

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// FIFOError makes a FIFO named name in a temporary folder, calls read on
// it and returns read's error. A reader that opens the FIFO waits for a
// writer that never comes: after a minute the test fails, saying so.
func FIFOError(t *testing.T, name string, read func(path string) error) error {
	t.Helper()
	fifo := filepath.Join(t.TempDir(), name)
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- read(fifo) }()
	select {
	case err := <-done:
		return err
	case <-time.After(time.Minute):
		t.Fatalf("reading the FIFO %s waits for a writer", name)
		return nil
	}
}
