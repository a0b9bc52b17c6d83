package pipeline_test

import (
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"

	"github.com/gohugoio/hugo/hugolib"

	"github.com/zzia/press/internal/pipeline"
)

// TestArticleEditRendersWhatShowsIt edits one news article in the preview
// and checks what Hugo rendered again: the article, the pages that list it
// (the news section, the home page, the feeds and the sitemap), and not
// the journal, the white papers, the newsletter or the gallery, whose pages
// read their own sections. Hugo v0.165.0 renders those again on every
// rebuild (it takes every section's dates for changed); press builds Hugo
// with a fix (internal/hugopatch), and this test fails without it.
func TestArticleEditRendersWhatShowsIt(t *testing.T) {
	if !hugoPatched() {
		t.Fatal("this test binary embeds Hugo without press's fix (internal/hugopatch): run it with make test, which builds with GOFLAGS=-modfile=.build/press.mod")
	}
	ls := openLive(t)
	article := "content/news/2026-09-18-informatization-seminar.md"
	ls.update([]fsnotify.Event{ls.write(article, ls.read(article)+"\n\n本文已更新。\n")})
	written := ls.live.Written()
	for _, want := range []string{"news/2026-09-18-informatization-seminar/index.html", "news/index.html", "index.html"} {
		if !slices.Contains(written, want) {
			t.Errorf("the edit did not render %s again; written: %v", want, written)
		}
	}
	// The sitemap is left until it is asked for (Live.Complete).
	if slices.Contains(written, "sitemap.xml") || !ls.live.Stale("/sitemap.xml") {
		t.Errorf("the edit rendered the sitemap again, or did not mark it stale; written: %v", written)
	}
	if err := ls.live.Complete(); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(ls.live.Written(), "sitemap.xml") {
		t.Errorf("Complete did not render the sitemap; written: %v", ls.live.Written())
	}
	for _, w := range written {
		if !strings.HasSuffix(w, ".html") && !strings.HasSuffix(w, ".xml") {
			continue // page resources Hugo publishes again as they are
		}
		for _, other := range []string{"journal/", "whitepapers/", "newsletter/", "gallery/", "members/", "activities/"} {
			if strings.HasPrefix(w, other) {
				t.Errorf("an edit of a news article rendered %s again", w)
			}
		}
	}
	if !strings.Contains(ls.page("news/2026-09-18-informatization-seminar/index.html"), "本文已更新") {
		t.Error("the article's page does not show the edit")
	}
	ls.sameAsFull("article edited")
}

// hugoPatched tells whether the test binary was built with Hugo replaced
// by press's patched copy: Hugo's code then comes from its folder (test
// binaries carry no module list, but their code carries its file names).
func hugoPatched() bool {
	file, _ := runtime.FuncForPC(reflect.ValueOf(hugolib.NewHugoSites).Pointer()).FileLine(0)
	return strings.Contains(filepath.ToSlash(file), "/hugo-"+strings.TrimPrefix(pipeline.HugoVersion(), "v")+"-press/")
}

// TestMemberEditRendersWhatShowsIt edits one member's introduction in the
// preview: Hugo renders its page again, and no page outside the member
// directory (the sitemap is left until it is asked for). Hugo v0.165.0 takes every changed page of a
// content adapter for a new one and renders ten pages "surrounding" the
// adapter again with everything that reads them (the home page, the
// top-level pages and their feeds); press builds Hugo with a fix
// (internal/hugopatch), and this test fails without it.
func TestMemberEditRendersWhatShowsIt(t *testing.T) {
	if !hugoPatched() {
		t.Fatal("this test binary embeds Hugo without press's fix (internal/hugopatch): run it with make test, which builds with GOFLAGS=-modfile=.build/press.mod")
	}
	ls := openLive(t)
	const rel = "data/members/m01-erqi.yaml"
	orig := ls.read(rel)
	const intro = "  本单位为促进会**副会长单位**"
	if !strings.Contains(orig, intro) {
		t.Fatalf("%s: no %q to edit", rel, intro)
	}
	ls.update([]fsnotify.Event{ls.write(rel, strings.Replace(orig, intro, "  本单位简介已更新。"+intro[2:], 1))})
	written := ls.live.Written()
	if !slices.Contains(written, "members/m01-erqi/index.html") {
		t.Errorf("the edit did not render the member's page again; written: %v", written)
	}
	for _, w := range written {
		if (strings.HasSuffix(w, ".html") || strings.HasSuffix(w, ".xml")) && !strings.HasPrefix(w, "members/") {
			t.Errorf("an edit of a member's introduction rendered %s again", w)
		}
	}
	if !strings.Contains(ls.page("members/m01-erqi/index.html"), "本单位简介已更新") {
		t.Error("the member's page does not show the edit")
	}
	ls.sameAsFull("member's introduction edited")
}
