package pipeline_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testsite"
)

// A page that reads the same as in the last build is taken from the scan
// cache, not scanned again; the output, search index included, is what a
// build without the cache makes; and the link check still sees every
// link of a page taken from the cache.
func TestScanCacheTakesUnchangedPages(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	testsite.WriteFiles(t, src, map[string]string{
		"content/search.md":      "---\ntitle: 搜索\n---\n",
		"content/posts/links.md": "---\ntitle: 链接\n---\n见[图](/img/doc.png)和[第一篇](/posts/first/)，生僻字𠀾，表情😀。\n",
		"static/img/doc.png":     "png",
	})
	cache := t.TempDir()
	build := func() (*pipeline.Result, string, error) {
		t.Helper()
		out := filepath.Join(t.TempDir(), "public")
		res, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: cache})
		return res, out, err
	}
	first, firstOut, err := build()
	if err != nil {
		t.Fatal(err)
	}
	if first.Scanned < 4 || first.Cached != 0 {
		t.Fatalf("first build: %d of %d pages from the cache", first.Cached, first.Scanned)
	}
	if len(searchFiles(t, firstOut)) == 0 {
		t.Fatal("no search index")
	}
	second, secondOut, err := build()
	if err != nil {
		t.Fatal(err)
	}
	if second.Cached != second.Scanned || second.Scanned != first.Scanned {
		t.Errorf("an unchanged site: %d of %d pages from the cache, want all %d", second.Cached, second.Scanned, first.Scanned)
	}
	if d := diffTrees(tree(t, firstOut), tree(t, secondOut)); len(d) > 0 {
		t.Errorf("the build from the cache differs:\n%s", strings.Join(d, "\n"))
	}

	// An edited page (and the lists that show it) is scanned again.
	testsite.WriteFiles(t, src, map[string]string{
		"content/posts/links.md": "---\ntitle: 链接\n---\n见[图](/img/doc.png)和[第一篇](/posts/first/)，生僻字𠀾𪚥，表情😀。\n",
	})
	third, thirdOut, err := build()
	if err != nil {
		t.Fatal(err)
	}
	if third.Cached == 0 || third.Cached == third.Scanned {
		t.Errorf("one page edited: %d of %d pages from the cache", third.Cached, third.Scanned)
	}
	if !strings.Contains(read(t, thirdOut, "posts/links/index.html"), "𪚥") {
		t.Error("the edit is not in the output")
	}
	equalsCleanBuild(t, pipeline.Options{Source: src, CacheDir: t.TempDir()}, thirdOut)

	// The image the unchanged page links to is gone: the page's links,
	// taken from the cache, are checked all the same.
	os.Remove(filepath.Join(src, "static", "img", "doc.png"))
	_, _, err = build()
	var be *pipeline.Error
	if !errors.As(err, &be) || len(be.Diagnostics) != 1 || !strings.Contains(be.Diagnostics[0].String(), "links to /img/doc.png, which does not exist") {
		t.Fatalf("want the broken link to /img/doc.png, got %v", err)
	}
}
