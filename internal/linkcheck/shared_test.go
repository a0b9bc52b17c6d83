package linkcheck_test

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/linkcheck"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/search"
	"github.com/zzia/press/internal/testsite"
)

// agree checks that the link check finds in page what it found with a
// tokenizer pass of its own, alone and in a pass shared with the search
// index (before and after it).
func agree(t *testing.T, name string, src []byte) {
	t.Helper()
	for _, c := range []struct {
		how           string
		before, after []htmlscan.Visitor
	}{
		{"alone", nil, nil},
		{"search after", nil, []htmlscan.Visitor{search.NewPages().Visitor(name)}},
		{"search before", []htmlscan.Visitor{search.NewPages().Visitor(name)}, nil},
	} {
		if d := linkcheck.ScanDiff(src, c.before, c.after); d != "" {
			t.Errorf("%s (%s): %s", name, c.how, d)
		}
	}
}

// The tricky pages of htmlscan's tests: raw text, comments, attributes
// without values, self-closing tags, entities, ignored sections, pages the
// search stops reading early.
func TestSharedScanTrickyPages(t *testing.T) {
	names, err := filepath.Glob(filepath.Join(testsite.Root(), "internal", "htmlscan", "testdata", "*.html"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		agree(t, filepath.Base(n), src)
	}
}

// Every page of the bundled site.
func TestSharedScanBundledSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the bundled site")
	}
	tmp := t.TempDir()
	out := filepath.Join(tmp, "public")
	if _, err := pipeline.Build(pipeline.Options{Source: testsite.Root(), Dest: out, CacheDir: filepath.Join(tmp, "cache")}); err != nil {
		t.Fatal(err)
	}
	n := 0
	err := fs.WalkDir(os.DirFS(out), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		src, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p)))
		if err != nil {
			return err
		}
		agree(t, p, src)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 100 {
		t.Errorf("%d pages, want the whole bundled site", n)
	}
}
