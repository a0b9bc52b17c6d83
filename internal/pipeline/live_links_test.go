package pipeline_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"
	"github.com/zzia/press/internal/pipeline"
)

// brokenLinks updates the preview, wants it to fail on broken links and
// those to be what a full build of the same sources finds (diagnostics,
// their order and their hints), and returns them.
func (ls *liveSite) brokenLinks(step string, events ...fsnotify.Event) string {
	ls.t.Helper()
	_, err := ls.live.Update(events)
	var got *pipeline.Error
	if !errors.As(err, &got) {
		ls.t.Fatalf("%s: got %v, want broken links", step, err)
	}
	_, err = pipeline.Memory(ls.opts)
	var want *pipeline.Error
	if !errors.As(err, &want) {
		ls.t.Fatalf("%s: a full build gave %v, want broken links", step, err)
	}
	if !reflect.DeepEqual(got.Diagnostics, want.Diagnostics) {
		ls.t.Errorf("%s: the preview found\n%v\na full build\n%v", step, got, want)
	}
	return got.Error()
}

// The preview checks again only the pages that changed and those linking
// to what changed: a page that is not rendered again finds its links
// broken when their target, or the target's heading, goes, as a full
// build does.
func TestLiveLinkCheckAfterEdits(t *testing.T) {
	pipeline.CheckLinksAgainstFull(t)
	ls := openLive(t)
	const (
		target = "content/news/2026-11-20-link-target.md"
		page   = "/news/2026-11-20-link-target/"
		about  = "content/about.md"
	)
	text := "---\ntitle: 链接的目标\ndate: 2026-11-20\nsummary: 目标。\n---\n正文。\n\n## Alpha section\n\n正文。\n"
	ls.update([]fsnotify.Event{ls.write(target, text)})
	aboutText := ls.read(about)
	ls.update([]fsnotify.Event{ls.write(about, aboutText+"\n见[目标]("+page+")与[其小节]("+page+"#alpha-section)。\n")})
	ls.sameAsFull("links added")

	// The heading renamed: the about page, not rendered again, links
	// into a heading that is gone.
	msg := ls.brokenLinks("heading renamed", ls.write(target, strings.Replace(text, "Alpha", "Beta", 1)))
	if !strings.Contains(msg, about) || !strings.Contains(msg, page+"#alpha-section") {
		t.Errorf("heading renamed: %s, want the about page's link into it", msg)
	}
	ls.update([]fsnotify.Event{ls.write(target, text)})
	ls.sameAsFull("heading back")

	// The target removed, then a page added: the links into it are broken.
	msg = ls.brokenLinks("target removed", ls.remove(target))
	if !strings.Contains(msg, about) || !strings.Contains(msg, page) {
		t.Errorf("target removed: %s, want the about page's links to it", msg)
	}
	ls.update([]fsnotify.Event{ls.write(target, text)})
	ls.update([]fsnotify.Event{ls.write("content/news/2026-11-21-other.md", "---\ntitle: 另一篇\ndate: 2026-11-21\nsummary: 另。\n---\n另一篇。\n")})
	ls.sameAsFull("page added")

	// A link made broken in a page, close to a page's address: the hint
	// is a full build's.
	msg = ls.brokenLinks("link made broken", ls.write(about, aboutText+"\n见[目标](/news/2026-11-20-link-targte/)。\n"))
	if !strings.Contains(msg, "/news/2026-11-20-link-targte/") {
		t.Errorf("link made broken: %s", msg)
	}
	ls.update([]fsnotify.Event{ls.write(about, aboutText)})
	ls.sameAsFull("link fixed")
}
