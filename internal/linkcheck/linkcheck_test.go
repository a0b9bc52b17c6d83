package linkcheck

import (
	"reflect"
	"testing"
	"testing/fstest"
)

func TestCheck(t *testing.T) {
	site := fstest.MapFS{
		"index.html": {Data: []byte(`<html><body id="top"><a href="/about/">ok</a><a href="/about/#team">anchor ok</a>
<a href="/about/#nobody">bad anchor</a><a href="/missing/">missing</a><a href="#main">self</a><main id="main"></main>
<img src="/img/logo.png"><img src="img/missing.png" srcset="/img/logo.png 1x, /img/2x.png 2x">
<a href="https://other.example/x">external</a><a href="mailto:a@b.example">mail</a><a href="https://www.site.example/about/">own host</a>
<a href="https://www.site.example/gone/">own host missing</a><link rel="stylesheet" href="/css/a.css"><script src="/js/none.js"></script></body></html>`)},
		"about/index.html": {Data: []byte(`<h2 id="team">Team</h2><a href="../">up</a><a href="report.pdf">pdf</a><a href="../index.html#main">back</a>`)},
		"about/report.pdf": {Data: []byte("%PDF")},
		"img/logo.png":     {Data: []byte("png")},
		"css/a.css":        {Data: []byte("")},
		"index.xml":        {Data: []byte(`<rss><channel><link>https://www.site.example/</link><item><link>https://www.site.example/news/gone/</link></item></channel></rss>`)},
	}
	checkFinds(t, site, "https://www.site.example/", []Broken{
		{"index.html", "/about/#nobody", "missing anchor", ""},
		{"index.html", "/img/2x.png", "missing", ""},
		{"index.html", "/js/none.js", "missing", ""},
		{"index.html", "/missing/", "missing", ""},
		{"index.html", "https://www.site.example/gone/", "missing", ""},
		{"index.html", "img/missing.png", "missing", ""},
		{"index.xml", "https://www.site.example/news/gone/", "missing", ""},
	})
}

// A missing anchor names the target page's closest id when one is close:
// a heading with an emoji, whose id Hugo makes without it, or a typo.
func TestMissingAnchorNear(t *testing.T) {
	site := fstest.MapFS{
		"index.html":   {Data: []byte(`<a href="/a/#%E5%B0%8F%E7%BB%93%F0%9F%98%80">emoji</a><a href="/a/#membr-fees">typo</a><a href="/a/#zzzzzz">far</a>`)},
		"a/index.html": {Data: []byte(`<h2 id="小结">小结😀</h2><h2 id="member-fees">会费</h2><h2 id="member-feet">x</h2>`)},
	}
	checkFinds(t, site, "https://h.example/", []Broken{
		{"index.html", "/a/#%E5%B0%8F%E7%BB%93%F0%9F%98%80", "missing anchor", "小结"},
		{"index.html", "/a/#membr-fees", "missing anchor", "member-fees"},
		{"index.html", "/a/#zzzzzz", "missing anchor", ""},
	})
}

// checkFinds checks site (base URL base) and wants exactly want.
func checkFinds(t *testing.T, site fstest.MapFS, base string, want []Broken) {
	t.Helper()
	got, err := Check(site, base)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%v\nwant\n%v", got, want)
	}
}

func TestBasePathPrefix(t *testing.T) {
	site := fstest.MapFS{
		"index.html":   {Data: []byte(`<a href="/sub/a/">ok</a><a href="/sub/b/">bad</a>`)},
		"a/index.html": {Data: []byte(`x`)},
	}
	got, _ := Check(site, "https://h.example/sub/")
	if len(got) != 1 || got[0].Target != "/sub/b/" {
		t.Errorf("got %v", got)
	}
}

// The same reference text on several pages: an absolute one is broken on
// each page that has it, a relative one only where it does not resolve,
// and a fragment-only one is looked up in its own page.
func TestSameReferenceOnManyPages(t *testing.T) {
	site := fstest.MapFS{
		"a/index.html":   {Data: []byte(`<a href="/gone/">x</a><img src="photo.jpg"><a href="#s">s</a><h2 id="s">S</h2>`)},
		"a/photo.jpg":    {Data: []byte("jpg")},
		"b/index.html":   {Data: []byte(`<a href="/gone/">x</a><img src="photo.jpg"><a href="#s">s</a>`)},
		"c/d/index.html": {Data: []byte(`<a href="/gone/">x</a><img src="../../a/photo.jpg"><img src="photo.jpg">`)},
	}
	checkFinds(t, site, "https://h.example/", []Broken{
		{"a/index.html", "/gone/", "missing", ""},
		{"b/index.html", "#s", "missing anchor", ""},
		{"b/index.html", "/gone/", "missing", ""},
		{"b/index.html", "photo.jpg", "missing", ""},
		{"c/d/index.html", "/gone/", "missing", ""},
		{"c/d/index.html", "photo.jpg", "missing", ""},
	})
}
