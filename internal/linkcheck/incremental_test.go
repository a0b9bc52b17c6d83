package linkcheck

import (
	"fmt"
	"math/rand/v2"
	"path"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

// incSite is a site that changes, its pages scanned as a generator writes
// them (known) and checked by a Checker from one change to the next.
type incSite struct {
	t     *testing.T
	fs    fstest.MapFS
	known *Pages
	c     Checker
}

const incBase = "https://h.example/"

// write adds or replaces a file; an HTML page is scanned as it is written.
func (s *incSite) write(name, data string) {
	s.fs[name] = &fstest.MapFile{Data: []byte(data)}
	if path.Ext(name) == ".html" {
		s.known.Add(name, []byte(data))
	}
}

func (s *incSite) remove(name string) { delete(s.fs, name) }

// check wants the Checker's result to be a full check's, and returns it.
func (s *incSite) check(step string) []Broken {
	s.t.Helper()
	got, err := s.c.Check(s.fs, incBase, s.known)
	if err != nil {
		s.t.Fatalf("%s: %v", step, err)
	}
	want, err := CheckPages(s.fs, incBase, s.known)
	if err != nil {
		s.t.Fatal(err)
	}
	// The pages known are the site's: a check reading every page agrees.
	if fresh, err := Check(s.fs, incBase); err != nil || !reflect.DeepEqual(fresh, want) {
		s.t.Fatalf("%s: the test's known pages are not the site's: %v, %v", step, fresh, err)
	}
	if !reflect.DeepEqual(got, want) {
		s.t.Fatalf("%s: incremental check\n%v\nwant (full check)\n%v", step, got, want)
	}
	return got
}

// wantBroken checks the site and wants exactly the broken references want
// (page and target).
func (s *incSite) wantBroken(step string, want ...string) {
	s.t.Helper()
	var got []string
	for _, b := range s.check(step) {
		got = append(got, b.Page+" "+b.Target+" "+b.Reason)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		s.t.Errorf("%s: broken\n%s\nwant\n%s", step, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// After each kind of change, the incremental check finds what a full check
// finds, including in the pages that did not change but link to what did.
func TestCheckerAfterEdits(t *testing.T) {
	s := &incSite{t: t, fs: fstest.MapFS{}, known: NewPages()}
	const about = `<h2 id="team">Team</h2><a href="../news/#n1">news</a>`
	s.write("index.html", `<main id="main"><a href="/about/">a</a><a href="/about/#team">t</a><a href="/about">no slash</a>
<a href="/later/">later</a><a href="#main">self</a><img src="/img/logo.png"><a href="files/report.pdf">pdf</a></main>`)
	s.write("about/index.html", about)
	s.write("news/index.html", `<h2 id="n1">N1</h2><a href="/about/#team">team</a><a href="../files/report.pdf">pdf</a>`)
	s.write("files/report.pdf", "%PDF")
	s.write("img/logo.png", "png")
	s.write("index.xml", `<rss><link>https://h.example/news/</link><link>https://h.example/about/#team</link></rss>`)
	s.write("sitemap.xml", `<urlset><url><loc>https://h.example/about/</loc></url></urlset>`)
	s.wantBroken("first check", "index.html /later/ missing")
	s.wantBroken("nothing changed", "index.html /later/ missing")

	s.write("later/index.html", `later`)
	s.wantBroken("page added")

	s.remove("about/index.html")
	s.wantBroken("page removed",
		"index.html /about missing", "index.html /about/ missing", "index.html /about/#team missing",
		"index.xml https://h.example/about/#team missing", "news/index.html /about/#team missing",
		"sitemap.xml https://h.example/about/ missing")

	s.write("about/index.html", `<h2 id="people">Team</h2><a href="../news/#n1">news</a>`)
	s.wantBroken("page added again without the anchor",
		"index.html /about/#team missing anchor", "news/index.html /about/#team missing anchor")

	s.write("about/index.html", about)
	s.wantBroken("anchor added back")

	s.write("news/index.html", `<h2 id="n2">N1</h2><a href="/about/#team">team</a><a href="../files/report.pdf">pdf</a>`)
	s.wantBroken("anchor renamed", "about/index.html ../news/#n1 missing anchor")

	s.write("about/index.html", `<h2 id="team">Team</h2><a href="../news/#n2">news</a>`)
	s.wantBroken("broken link fixed")

	s.write("later/index.html", `<a href="/nowhere/">x</a>`)
	s.wantBroken("link made broken", "later/index.html /nowhere/ missing")

	s.remove("files/report.pdf")
	s.wantBroken("static file removed", "index.html files/report.pdf missing",
		"later/index.html /nowhere/ missing", "news/index.html ../files/report.pdf missing")

	s.remove("img/logo.png")
	s.write("index.xml", `<rss><link>https://h.example/gone/</link></rss>`)
	s.wantBroken("static file removed, feed changed",
		"index.html /img/logo.png missing", "index.html files/report.pdf missing", "index.xml https://h.example/gone/ missing",
		"later/index.html /nowhere/ missing", "news/index.html ../files/report.pdf missing")

	s.write("files/report.pdf", "%PDF")
	s.write("img/logo.png", "png")
	s.write("index/x.html", `<a href="/index.html#main">home</a><a href="/#nothing">home</a>`)
	s.wantBroken("files added", "index.xml https://h.example/gone/ missing",
		"index/x.html /#nothing missing anchor", "later/index.html /nowhere/ missing")

	s.write("index.html", `<main id="other"></main>`)
	s.wantBroken("home's anchor removed", "index.xml https://h.example/gone/ missing",
		"index/x.html /#nothing missing anchor", "index/x.html /index.html#main missing anchor",
		"later/index.html /nowhere/ missing")

	s.remove("index.html")
	s.wantBroken("home removed", "index.xml https://h.example/gone/ missing",
		"index/x.html /#nothing missing", "index/x.html /index.html#main missing",
		"later/index.html /nowhere/ missing")

	// Another base URL: everything is checked against it.
	got, err := s.c.Check(s.fs, "https://other.example/", s.known)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := CheckPages(s.fs, "https://other.example/", s.known)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("another base: %v, want %v", got, want)
	}
}

// A file the Checker is told is stale (the preview's sitemap before it is
// made again) is not checked while it is, and is checked as soon as it is
// not: its references that broke meanwhile are reported then, and a page
// linking to it still finds it.
func TestCheckerLeavesStaleFiles(t *testing.T) {
	fs := fstest.MapFS{}
	known := NewPages()
	write := func(name, data string) {
		fs[name] = &fstest.MapFile{Data: []byte(data)}
		if path.Ext(name) == ".html" {
			known.Add(name, []byte(data))
		}
	}
	stale := false
	c := Checker{Stale: func(name string) bool { return stale && name == "sitemap.xml" }}
	check := func(step string, want ...string) {
		t.Helper()
		got, err := c.Check(fs, incBase, known)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, b := range got {
			lines = append(lines, b.Page+" "+b.Target)
		}
		if strings.Join(lines, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: broken\n%s\nwant\n%s", step, strings.Join(lines, "\n"), strings.Join(want, "\n"))
		}
	}
	write("index.html", `<a href="/sitemap.xml">map</a><a href="/old/">old</a>`)
	write("old/index.html", `old`)
	write("sitemap.xml", `<urlset><url><loc>https://h.example/old/</loc></url></urlset>`)
	check("first check")

	// The page goes; the sitemap, not made again yet, still lists it.
	delete(fs, "old/index.html")
	write("index.html", `<a href="/sitemap.xml">map</a>`)
	stale = true
	check("sitemap stale")
	check("sitemap still stale")

	// Checked again when no longer stale: as it is, then as made again.
	stale = false
	check("sitemap checked as it is", "sitemap.xml https://h.example/old/")
	write("sitemap.xml", `<urlset><url><loc>https://h.example/</loc></url></urlset>`)
	check("sitemap made again")
}

// Random changes to a small site whose pages link to one another: after
// each, the incremental check finds what a full check finds.
func TestCheckerRandomEdits(t *testing.T) {
	rnd := rand.New(rand.NewPCG(13, 2026))
	s := &incSite{t: t, fs: fstest.MapFS{}, known: NewPages()}
	const nPages, nFiles = 10, 4
	ids := []string{"a", "b", "c"}
	page := func(i int) string {
		if i == 0 {
			return "index.html"
		}
		return fmt.Sprintf("p%d/index.html", i)
	}
	content := func() string {
		var b strings.Builder
		for _, id := range ids {
			if rnd.IntN(2) == 0 {
				fmt.Fprintf(&b, `<h2 id="%s"></h2>`, id)
			}
		}
		for range rnd.IntN(6) {
			k, id := rnd.IntN(nPages), ids[rnd.IntN(len(ids))]
			dir := "/" + strings.TrimSuffix(page(k), "index.html")
			refs := []string{dir, dir + "#" + id, strings.TrimSuffix(dir, "/"), "#" + id, "../" + dir[1:] + "#" + id,
				fmt.Sprintf("/f%d.png", rnd.IntN(nFiles)), fmt.Sprintf("f%d.png", rnd.IntN(nFiles)), "https://h.example" + dir}
			fmt.Fprintf(&b, `<a href="%s">x</a>`, refs[rnd.IntN(len(refs))])
		}
		return b.String()
	}
	feed := func() string {
		var b strings.Builder
		for range rnd.IntN(4) {
			fmt.Fprintf(&b, "<loc>https://h.example/p%d/</loc>", rnd.IntN(nPages))
		}
		return b.String()
	}
	for i := range nPages {
		if rnd.IntN(3) > 0 {
			s.write(page(i), content())
		}
	}
	broken := 0
	for step := range 400 {
		switch op := rnd.IntN(10); {
		case op < 4: // a page written, new or again
			s.write(page(rnd.IntN(nPages)), content())
		case op < 6:
			s.remove(page(rnd.IntN(nPages)))
		case op < 8:
			f := fmt.Sprintf("f%d.png", rnd.IntN(nFiles))
			if rnd.IntN(2) == 0 {
				f = strings.TrimSuffix(page(rnd.IntN(nPages)), "index.html") + f
			}
			if _, ok := s.fs[f]; ok {
				s.remove(f)
			} else {
				s.write(f, "png")
			}
		case op < 9:
			s.write("sitemap.xml", feed())
		default: // several at once
			for range 3 {
				s.write(page(rnd.IntN(nPages)), content())
			}
			s.remove(page(rnd.IntN(nPages)))
		}
		broken += len(s.check(fmt.Sprintf("step %d", step)))
	}
	if broken == 0 {
		t.Error("no broken links in any step: the test checks nothing")
	}
}
