package pipeline_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"
	"github.com/zzia/press/internal/pipeline"

	"github.com/zzia/press/internal/testsite"
)

// extraNews are n news articles, enough to give the news list a second
// page (pagerSize 10).
func extraNews(n int) []string {
	var rels []string
	for i := range n {
		rels = append(rels, fmt.Sprintf("content/news/2026-11-%02d-extra.md", i+1))
	}
	return rels
}

func extraArticle(i int) string {
	return fmt.Sprintf("---\ntitle: 补充动态第%d篇\ndate: 2026-11-%02d\nsummary: 补充。\n---\n补充的正文。\n", i+1, i+1)
}

const secondNewsPage = "news/page/2/index.html"

// Articles added together all appear (Hugo's partial rebuild alone adds
// only the first); a list that shrinks loses its last paginator page, in
// the preview and in a build over the previous output: no stale file is
// left.
func TestStalePaginatorPagesDisappear(t *testing.T) {
	ls := openLive(t)
	if _, err := fs.Stat(ls.out, secondNewsPage); err == nil {
		t.Fatalf("the bundled news list already has a second page: pick more articles")
	}
	var events []fsnotify.Event
	for i, rel := range extraNews(10) {
		events = append(events, ls.write(rel, extraArticle(i)))
	}
	ls.update(events)
	for _, rel := range extraNews(10) {
		page := strings.TrimSuffix(strings.TrimPrefix(rel, "content/"), ".md") + "/index.html"
		if !strings.Contains(ls.page(page), "补充的正文") {
			t.Errorf("the added article %s is not in the preview", rel)
		}
	}
	if !strings.Contains(ls.page(secondNewsPage), "<html") {
		t.Fatal("the longer news list has no second page in the preview")
	}
	ls.sameAsFull("articles added")
	events = nil
	for _, rel := range extraNews(10) {
		events = append(events, ls.remove(rel))
	}
	ls.update(events)
	if _, err := fs.Stat(ls.out, secondNewsPage); err == nil {
		t.Error("the preview still serves the second page of the shrunken news list")
	}
	ls.sameAsFull("articles deleted")

	// press build over the previous output.
	src := testsite.Bundled(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: pagesToday}
	for i, rel := range extraNews(10) {
		os.WriteFile(filepath.Join(src, filepath.FromSlash(rel)), []byte(extraArticle(i)), 0o644)
	}
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(secondNewsPage))); err != nil {
		t.Fatalf("the longer news list has no second page in the build: %v", err)
	}
	for _, rel := range extraNews(10) {
		os.Remove(filepath.Join(src, filepath.FromSlash(rel)))
	}
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatal(err)
	}
	for _, gone := range []string{secondNewsPage, "news/page/2", "news/2026-11-01-extra/index.html", "news/2026-11-01-extra"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(gone))); err == nil {
			t.Errorf("%s is still in the output after the list shrank", gone)
		}
	}
	equalsCleanBuild(t, opts, out)
}
