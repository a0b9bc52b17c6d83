package pipeline_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testsite"
)

// The caches a build keeps for the next: the search index's files, and
// what the scan of each page found.

// A clean build of an unchanged site links the search index's files from
// the cache instead of writing them; the output is what a build without
// the cache makes; and a later build that changes the index never writes
// through those links into the cache.
func TestCleanBuildLinksSearchIndex(t *testing.T) {
	src := testsite.Bundled(t)
	cache := t.TempDir()
	build := func(dest string) string {
		t.Helper()
		out := filepath.Join(t.TempDir(), dest)
		if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: cache, Today: pagesToday}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	first := build("first")
	second := build("second")
	if d := diffTrees(tree(t, first), tree(t, second)); len(d) > 0 {
		t.Fatalf("the build with the index from the cache differs from the first:\n%s", strings.Join(d, "\n"))
	}
	// The site's own folder of kept files, made by the second build.
	matches, _ := filepath.Glob(filepath.Join(cache, "search", "*", "index.files"))
	if len(matches) != 1 {
		t.Fatalf("want one folder of kept files, got %v", matches)
	}
	kept := matches[0]
	index := searchFiles(t, second)
	if len(index) < 3 {
		t.Fatalf("only %d search index files", len(index))
	}
	for _, rel := range index {
		got, err := os.Stat(filepath.Join(second, rel))
		if err != nil {
			t.Fatal(err)
		}
		b := []byte(read(t, second, rel))
		sum := sha256.Sum256(b)
		want, err := os.Stat(filepath.Join(kept, hex.EncodeToString(sum[:])))
		if err != nil {
			t.Fatalf("%s: no file with its bytes in the cache: %v", rel, err)
		}
		if !os.SameFile(got, want) {
			t.Errorf("%s was written, not linked from the cache", rel)
		}
	}

	// An edited article changes the index: the build over the output
	// replaces the linked files and leaves the cache's bytes as they were.
	art := filepath.Join(src, filepath.FromSlash(article))
	b, _ := os.ReadFile(art)
	os.WriteFile(art, []byte(strings.Replace(string(b), "10月20日至23日", "十月二十日至二十三日𠀾😀", 1)), 0o644)
	if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: second, CacheDir: cache, Today: pagesToday}); err != nil {
		t.Fatal(err)
	}
	if d := diffTrees(tree(t, first), tree(t, second)); len(d) == 0 {
		t.Fatal("the edit changed nothing")
	}
	entries, err := os.ReadDir(kept)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(kept, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if sum := sha256.Sum256(b); hex.EncodeToString(sum[:]) != e.Name() {
			t.Errorf("the cache's file %s was written through a link", e.Name())
		}
	}
	equalsCleanBuild(t, pipeline.Options{Source: src, CacheDir: t.TempDir(), Today: pagesToday}, second)
}

// searchFiles lists the search index's files in out (slash-separated).
func searchFiles(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	for rel := range testsite.ReadFiles(t, out) {
		if strings.HasPrefix(rel, "search/") && rel != "search/index.html" {
			files = append(files, rel)
		}
	}
	return files
}

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

// Two sites sharing a cache folder keep their caches apart: building one
// does not evict the other's.
func TestSitesShareACacheFolder(t *testing.T) {
	a := testsite.Copy(t, fixture("minimal"))
	b := testsite.Copy(t, fixture("minimal"))
	testsite.WriteFiles(t, b, map[string]string{"content/posts/third.md": "---\ntitle: 第三篇𠀾\n---\n只在第二个站点。\n"})
	cache := t.TempDir()
	build := func(src string) *pipeline.Result {
		t.Helper()
		res, err := pipeline.Build(pipeline.Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	build(a)
	build(b)
	for name, src := range map[string]string{"the first site": a, "the second site": b} {
		if res := build(src); res.Cached != res.Scanned {
			t.Errorf("%s, built again after the other: %d of %d pages from the cache", name, res.Cached, res.Scanned)
		}
	}
}

// The validation keeps the files it found clean: a build parses only new
// bytes, and a problem in a file found clean before is reported all the
// same.
func TestValidationVerdictsKept(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	cache := t.TempDir()
	build := func() error {
		_, err := pipeline.Build(pipeline.Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), CacheDir: cache})
		return err
	}
	if err := build(); err != nil {
		t.Fatal(err)
	}
	kept, _ := filepath.Glob(filepath.Join(cache, "validate", "*", "clean"))
	if len(kept) != 1 {
		t.Fatalf("want the site's verdicts file, got %v", kept)
	}
	b, err := os.ReadFile(kept[0])
	if err != nil {
		t.Fatal(err)
	}
	contentFiles := 0
	filepath.WalkDir(filepath.Join(src, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") {
			contentFiles++
		}
		return nil
	})
	if n := len(b)/sha256.Size - 1; n != contentFiles {
		t.Errorf("%d files kept clean, want all %d", n, contentFiles)
	}
	// A file found clean before, now with a bad date (and a rare
	// character): reported.
	post := filepath.Join(src, "content", "posts", "first.md")
	orig, _ := os.ReadFile(post)
	os.WriteFile(post, []byte("---\ntitle: 第一篇𠀾\ndate: 2026-13-45\n---\n正文。\n"), 0o644)
	var be *pipeline.Error
	if err := build(); !errors.As(err, &be) || !strings.Contains(be.Error(), "content/posts/first.md:3") {
		t.Fatalf("want the bad date in content/posts/first.md reported, got %v", err)
	}
	os.WriteFile(post, orig, 0o644)
	if err := build(); err != nil {
		t.Fatal(err)
	}
}
