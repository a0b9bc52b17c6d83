package site

import (
	"os"
	"testing"
	"testing/synctest"
	"time"

	"github.com/spf13/afero"
)

// TestGateWaitsForReady checks that no operation reaches a staging
// directory that is still being seeded: each waits until Ready is closed,
// then happens.
func TestGateWaitsForReady(t *testing.T) {
	ops := map[string]func(fs afero.Fs) error{
		"Create":    func(fs afero.Fs) error { _, err := fs.Create("/new.html"); return err },
		"Mkdir":     func(fs afero.Fs) error { return fs.Mkdir("/d", 0o755) },
		"MkdirAll":  func(fs afero.Fs) error { return fs.MkdirAll("/a/b", 0o755) },
		"Open":      func(fs afero.Fs) error { _, err := fs.Open("/old.html"); return err },
		"OpenFile":  func(fs afero.Fs) error { _, err := fs.OpenFile("/old.html", os.O_RDWR, 0); return err },
		"Remove":    func(fs afero.Fs) error { return fs.Remove("/old.html") },
		"RemoveAll": func(fs afero.Fs) error { return fs.RemoveAll("/old.html") },
		"Rename":    func(fs afero.Fs) error { return fs.Rename("/old.html", "/renamed.html") },
		"Stat":      func(fs afero.Fs) error { _, err := fs.Stat("/old.html"); return err },
		"Chmod":     func(fs afero.Fs) error { return fs.Chmod("/old.html", 0o600) },
		"Chown":     func(fs afero.Fs) error { return fs.Chown("/old.html", os.Getuid(), os.Getgid()) },
		"Chtimes":   func(fs afero.Fs) error { return fs.Chtimes("/old.html", time.Unix(0, 0), time.Unix(0, 0)) },
	}
	for name, op := range ops {
		synctest.Test(t, func(t *testing.T) {
			base := afero.NewMemMapFs()
			afero.WriteFile(base, "/old.html", []byte("old"), 0o644)
			ready := make(chan struct{})
			var done bool
			var err error
			go func() {
				err = op(gateFs{base, ready})
				done = true
			}()
			synctest.Wait()
			if done {
				t.Fatalf("%s went through before the stage was ready", name)
			}
			close(ready)
			synctest.Wait()
			if !done {
				t.Fatalf("%s still waits after the stage was ready", name)
			}
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
		})
	}
}
