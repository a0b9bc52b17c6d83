package tempdir

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// TestSweep leaves in a temporary directory what press processes leave:
// the directory of one that died (its lock file free), one of a process
// still running (its lock held), an old one of a press without lock files,
// a fresh one being made, and an unrelated one. Only the dead ones go.
func TestSweep(t *testing.T) {
	parent := t.TempDir()
	mk := func(name string, lock bool) string {
		d := filepath.Join(parent, name)
		os.MkdirAll(d, 0o755)
		os.WriteFile(filepath.Join(d, "f"), []byte("x"), 0o644)
		if lock {
			os.WriteFile(d+".lock", []byte("1\n"), 0o600)
		}
		return d
	}
	dead := mk("press-gen-dead", true)
	alive := mk("press-gen-alive", true)
	old := mk("press-config-old", false)
	fresh := mk("press-config-fresh", false)
	other := mk("other-old", false)
	long := time.Now().Add(-time.Hour)
	os.Chtimes(old, long, long)
	os.Chtimes(other, long, long)

	// Another process's lock: a separate open file description, locked.
	f, err := os.OpenFile(alive+".lock", os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		t.Fatal(err)
	}

	sweepIn(parent, "press-gen-", "press-config-")

	for _, d := range []string{dead, dead + ".lock", old} {
		if _, err := os.Stat(d); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s was not swept", filepath.Base(d))
		}
	}
	for _, d := range []string{alive, alive + ".lock", fresh, other} {
		if _, err := os.Stat(d); err != nil {
			t.Errorf("%s was swept: %v", filepath.Base(d), err)
		}
	}
}

// TestMakeAndRemove: a directory made here holds its lock until removed,
// so a sweep leaves it alone.
func TestMakeAndRemove(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	d, err := Make("press-gen-")
	if err != nil {
		t.Fatal(err)
	}
	if SweepOne(d) {
		t.Fatal("a live directory was swept")
	}
	Remove(d)
	for _, p := range []string{d, d + ".lock"} {
		if _, err := os.Stat(p); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s is left", p)
		}
	}
}
