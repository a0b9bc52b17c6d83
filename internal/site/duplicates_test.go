package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/testsite"
)

// TestPageCannotTakeOverAnother: a url or an alias that is another page's
// address, or a static file's, fails the build naming both sources, at the
// line that asked for it.
func TestPageCannotTakeOverAnother(t *testing.T) {
	src := testsite.Copy(t, minimal)
	files := map[string]string{
		"content/posts/takeover.md": "---\ntitle: Takeover\nurl: \"/posts/first/\"\n---\nmine now\n",
		"content/posts/redirect.md": "---\ntitle: Redirect\ndate: 2024-01-01\naliases: [\"/posts/second/\"]\n---\nthere\n",
		"content/posts/static.md":   "---\ntitle: Over static\nurl: /robots-fixture.txt\n---\nx\n",
	}
	testsite.WriteFiles(t, src, files)
	for _, dest := range []string{"", t.TempDir()} {
		_, err := Build(Options{Source: src, Dest: dest, CacheDir: t.TempDir()})
		var be *BuildError
		if !errors.As(err, &be) {
			t.Fatalf("want a BuildError, got %v", err)
		}
		want := []string{
			"content/posts/redirect.md:4:1: /posts/second/index.html is written by both content/posts/redirect.md and content/posts/second.md",
			"content/posts/static.md:3:1: /robots-fixture.txt is written by both content/posts/static.md and static/robots-fixture.txt",
			"content/posts/takeover.md:3:1: /posts/first/index.html is written by both content/posts/first.md and content/posts/takeover.md",
		}
		got := be.Error()
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("missing %q in:\n%s", w, got)
			}
		}
		if len(be.Diagnostics) != len(want) {
			t.Errorf("want %d diagnostics, got:\n%s", len(want), got)
		}
	}
}

func TestOwnURLIsNoDuplicate(t *testing.T) {
	src := testsite.Copy(t, minimal)
	os.WriteFile(filepath.Join(src, "content", "about.md"), []byte("---\ntitle: About\nurl: /about/\naliases: [/old-about/]\n---\nx\n"), 0o644)
	if _, err := Build(Options{Source: src, CacheDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
}

// TestWriteFileKeepsHugosFiles: a generated file never replaces a page.
func TestWriteFileKeepsHugosFiles(t *testing.T) {
	for _, dest := range []string{"", t.TempDir()} {
		res, err := Build(Options{Source: minimal, Dest: dest, CacheDir: t.TempDir()})
		if err != nil {
			t.Fatal(err)
		}
		err = res.WriteFile("posts/first/index.html", []byte("generated"))
		var be *BuildError
		if !errors.As(err, &be) || !strings.Contains(be.Error(), "/posts/first/index.html") {
			t.Errorf("want a refusal naming the page, got %v", err)
		}
	}
}
