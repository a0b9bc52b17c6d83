package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// TestSwapWithoutExchange replaces an output by two renames, as on file
// systems without an atomic exchange: the new output is in place and
// nothing is left beside it.
func TestSwapWithoutExchange(t *testing.T) {
	saved := exchange
	defer func() { exchange = saved }()
	for name, ex := range map[string]func(a, b string) error{
		"exchange":    saved,
		"two renames": func(a, b string) error { return errors.ErrUnsupported },
	} {
		t.Run(name, func(t *testing.T) {
			exchange = ex
			dir := t.TempDir()
			target := filepath.Join(dir, "public")
			os.MkdirAll(target, 0o755)
			os.WriteFile(filepath.Join(target, "index.html"), []byte("old"), 0o644)
			stage := filepath.Join(dir, stagePrefix+"public-1")
			os.MkdirAll(stage, 0o755)
			os.WriteFile(filepath.Join(stage, "index.html"), []byte("new"), 0o644)
			old, err := swap(stage, target)
			if err != nil {
				t.Fatal(err)
			}
			if b, _ := os.ReadFile(filepath.Join(target, "index.html")); string(b) != "new" {
				t.Errorf("output holds %q", b)
			}
			if b, _ := os.ReadFile(filepath.Join(old, "index.html")); string(b) != "old" {
				t.Errorf("the previous output went to %s holding %q", old, b)
			}
			removeAll(old)
			if entries, _ := os.ReadDir(dir); len(entries) != 1 {
				t.Errorf("left: %v", entries)
			}
		})
	}
}
