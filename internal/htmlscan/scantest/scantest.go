// Package scantest holds what the tests of htmlscan's readers share: the
// pages to read (htmlscan's tricky test pages, a built site's pages) and the
// check that a reader finds the same in a pass shared with another reader,
// before or after it, as in a pass of its own.
package scantest

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/zzia/press/internal/htmlscan"
)

// Diff compares what a reader finds in src in one htmlscan pass with the
// visitors before and after it (and in a pass of its own) with what it
// found before the pass was shared; "" when all agree.
type Diff func(src []byte, before, after []htmlscan.Visitor) string

// Agree checks with diff that a reader finds in the page name the same
// alone and in a pass shared with the visitor other makes, before and
// after it.
func Agree(t *testing.T, name string, src []byte, diff Diff, other func(name string) htmlscan.Visitor) {
	t.Helper()
	for _, c := range []struct {
		how           string
		before, after []htmlscan.Visitor
	}{
		{"alone", nil, nil},
		{"other reader after", nil, []htmlscan.Visitor{other(name)}},
		{"other reader before", []htmlscan.Visitor{other(name)}, nil},
	} {
		if d := diff(src, c.before, c.after); d != "" {
			t.Errorf("%s (%s): %s", name, c.how, d)
		}
	}
}

// AgreeAll checks every page of pages, by name, with Agree.
func AgreeAll(t *testing.T, pages map[string][]byte, diff Diff, other func(name string) htmlscan.Visitor) {
	t.Helper()
	for name, src := range pages {
		Agree(t, name, src, diff, other)
	}
}

// TrickyPages are htmlscan's test pages, by file name: raw text, comments,
// attributes without values, self-closing tags, entities, ignored and
// nested ignored sections, pages not to be indexed, a truncated page.
func TrickyPages(t testing.TB) map[string][]byte {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	names, err := filepath.Glob(filepath.Join(filepath.Dir(self), "..", "testdata", "*.html"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	pages := map[string][]byte{}
	for _, n := range names {
		if pages[filepath.Base(n)], err = os.ReadFile(n); err != nil {
			t.Fatal(err)
		}
	}
	return pages
}

// SitePages are the HTML pages of the built site in dir, by slash path; it
// fails the test when there are fewer than least.
func SitePages(t testing.TB, dir string, least int) map[string][]byte {
	t.Helper()
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
	if len(pages) < least {
		t.Fatalf("%d pages in %s, want at least %d", len(pages), dir, least)
	}
	return pages
}
