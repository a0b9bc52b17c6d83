package linkcheck

import (
	"testing"
	"testing/fstest"
	"unsafe"
)

// The pages a build collects are held while the whole site is rendered:
// a page's references and ids are slices of their length, and an id or a
// reference that other pages have too (the templates' nav, main, menu
// links) is one string for all of them.
func TestPagesHoldLittle(t *testing.T) {
	ps := NewPages()
	ps.Add("a/index.html", []byte(`<nav id="nav"><a href="/">home</a><a href="/news/">news</a><a href="/about/">about</a></nav><main id="main"><h2 id="x">x</h2></main>`))
	ps.Add("b/index.html", []byte(`<nav id="nav"><a href="/">home</a><a href="/news/">news</a><a href="/about/">about</a></nav><main id="main"></main>`))
	a, b := ps.get("a/index.html"), ps.get("b/index.html")
	if len(a.refs) != 3 || cap(a.refs) != len(a.refs) {
		t.Errorf("a page's 3 references are in a slice of length %d, capacity %d", len(a.refs), cap(a.refs))
	}
	if len(a.ids) != 3 || cap(a.ids) != len(a.ids) {
		t.Errorf("a page's 3 ids are in a slice of length %d, capacity %d", len(a.ids), cap(a.ids))
	}
	if unsafe.StringData(a.refs[1]) != unsafe.StringData(b.refs[1]) {
		t.Error("two pages' same reference are two strings")
	}
	if !a.ids.has("main") || !b.ids.has("main") || unsafe.StringData(a.ids[0]) != unsafe.StringData(b.ids[0]) {
		t.Errorf("two pages' same id are two strings: %q %q", a.ids, b.ids)
	}
}

// A page without any id still has its anchors checked: none is there.
func TestAnchorIntoPageWithoutIDs(t *testing.T) {
	site := fstest.MapFS{
		"index.html":   {Data: []byte(`<a href="/a/#x">x</a><a href="/a/#top">top</a>`)},
		"a/index.html": {Data: []byte(`<p>no ids</p>`)},
	}
	checkFinds(t, site, "https://h.example/", []Broken{{"index.html", "/a/#x", "missing anchor", ""}})
}
