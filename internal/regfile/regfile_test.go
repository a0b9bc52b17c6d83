package regfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// A regular file is opened, with its size; a folder and a missing path
// are not, the folder with ErrNotRegular.
func TestOpen(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(p, []byte("甲乙"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, st, err := Open(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if b, err := io.ReadAll(f); err != nil || string(b) != "甲乙" || st.Size() != int64(len(b)) {
		t.Errorf("Open(file): read %q (%v), size %d", b, err, st.Size())
	}
	var pe *fs.PathError
	if _, _, err := Open(dir); !errors.Is(err, ErrNotRegular) || !errors.As(err, &pe) || pe.Op != "open" || pe.Path != dir {
		t.Errorf("Open(folder) = %v, want open %s: %v", err, dir, ErrNotRegular)
	}
	if _, _, err := Open(filepath.Join(dir, "missing")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open(missing) = %v, want not exist", err)
	}
}
