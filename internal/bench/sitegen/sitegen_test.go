package sitegen

import (
	"crypto/sha256"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func hashTree(t *testing.T, dir string) string {
	h := sha256.New()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(dir, p)
			fmt.Fprintf(h, "%s\x00%x\n", rel, sha256.Sum256(b))
		}
		return nil
	})
	return fmt.Sprintf("%x", h.Sum(nil))
}

func TestGenerateIsDeterministic(t *testing.T) {
	theme := filepath.Join("..", "..", "..")
	a, b := t.TempDir(), t.TempDir()
	if err := Generate(a, theme, 50, 7); err != nil {
		t.Fatal(err)
	}
	if err := Generate(b, theme, 50, 7); err != nil {
		t.Fatal(err)
	}
	if hashTree(t, a) != hashTree(t, b) {
		t.Error("the same n and seed gave different sites")
	}
	var articles int
	filepath.WalkDir(filepath.Join(a, "content"), func(p string, d fs.DirEntry, err error) error {
		if strings.HasPrefix(filepath.Base(p), "article-") {
			articles++
			src, _ := os.ReadFile(p)
			s := string(src)
			if !strings.HasPrefix(s, "---\ntitle:") || !strings.Contains(s, "## ") {
				t.Errorf("%s lacks front matter or headings", p)
			}
		}
		return nil
	})
	if articles != 50 {
		t.Errorf("%d articles, want 50", articles)
	}
}
