package search_test

import (
	"bytes"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"testing"

	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/linkcheck"
	"github.com/zzia/press/internal/search"
)

// extractAgrees checks that the search extracts from page what it
// extracted with a tokenizer pass of its own, alone and in a pass shared
// with the link check (before and after it).
func extractAgrees(t *testing.T, name string, src []byte) {
	t.Helper()
	for _, c := range []struct {
		how           string
		before, after []htmlscan.Visitor
	}{
		{"alone", nil, nil},
		{"links after", nil, []htmlscan.Visitor{linkcheck.NewPages().Visitor(name)}},
		{"links before", []htmlscan.Visitor{linkcheck.NewPages().Visitor(name)}, nil},
	} {
		if d := search.ExtractDiff(src, c.before, c.after); d != "" {
			t.Errorf("%s (%s): %s", name, c.how, d)
		}
	}
}

// The tricky pages of htmlscan's tests: raw text, comments, attributes
// without values, self-closing tags, entities, ignored and nested ignored
// sections, pages not to be indexed.
func TestSharedScanTrickyPages(t *testing.T) {
	names, err := filepath.Glob("../htmlscan/testdata/*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	for _, n := range names {
		src, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		extractAgrees(t, filepath.Base(n), src)
	}
}

// bundledPages are the HTML pages of the bundled site, by name.
func bundledPages(t testing.TB) map[string][]byte {
	dir := bundled(t)
	pages := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".html" {
			return err
		}
		pages[p], err = os.ReadFile(filepath.Join(dir, filepath.FromSlash(p)))
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 100 {
		t.Fatalf("%d pages, want the whole bundled site", len(pages))
	}
	return pages
}

// Every page of the bundled site.
func TestSharedScanBundledSite(t *testing.T) {
	for name, src := range bundledPages(t) {
		extractAgrees(t, name, src)
	}
}

// BenchmarkPageScan reads every page of the bundled site for the link
// check and the search index: in one tokenizer pass shared by both, and in
// a pass each (as before htmlscan).
func BenchmarkPageScan(b *testing.B) {
	pages := bundledPages(b)
	size := 0
	for _, src := range pages {
		size += len(src)
	}
	b.Run("shared", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			links, sp := linkcheck.NewPages(), search.NewPages()
			for name, src := range pages {
				htmlscan.Scan(bytes.NewReader(src), links.Visitor(name), sp.Visitor(name))
			}
		}
	})
	b.Run("separate", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			links, sp := linkcheck.NewPages(), search.NewPages()
			for name, src := range pages {
				links.Add(name, src)
				sp.Add(name, src)
			}
		}
	})
}
