package publication

import (
	"bytes"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// fixture is the small site of the tests: one issue, one white paper, one
// newsletter.
var fixture = filepath.Join("..", "..", "testdata", "publications", "site")

var boxRE = regexp.MustCompile(`/(MediaBox|BleedBox|TrimBox) \[([0-9. ]+)\]`)

// pageBoxes returns the boxes of the PDF's first page object.
func pageBoxes(t *testing.T, pdf []byte) map[string][4]float64 {
	t.Helper()
	i := bytes.Index(pdf, []byte("/Type /Page "))
	if i < 0 {
		t.Fatal("no page object")
	}
	end := bytes.Index(pdf[i:], []byte("endobj"))
	out := map[string][4]float64{}
	for _, m := range boxRE.FindAllSubmatch(pdf[i:i+end], -1) {
		var v [4]float64
		for k, f := range strings.Fields(string(m[2])) {
			v[k], _ = strconv.ParseFloat(f, 64)
		}
		out[string(m[1])] = v
	}
	if _, ok := out["MediaBox"]; !ok {
		// A page of the document's size inherits the MediaBox of /Pages.
		if m := boxRE.FindSubmatch(pdf[bytes.Index(pdf, []byte("/Type /Pages")):]); m != nil && string(m[1]) == "MediaBox" {
			var v [4]float64
			for k, f := range strings.Fields(string(m[2])) {
				v[k], _ = strconv.ParseFloat(f, 64)
			}
			out["MediaBox"] = v
		}
	}
	return out
}

func TestPageBoxes(t *testing.T) {
	const mmPt = 72 / 25.4
	trimW, trimH := 185*mmPt, 260*mmPt // 16K
	bleed := 3 * mmPt
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.02 }
	for _, print := range []bool{false, true} {
		res, l, err := Build(Options{Source: fixture, Print: print})
		if err != nil || l.HasErrors() {
			t.Fatal(err, l)
		}
		pdf := res.Files["journal/2026-1/journal-2026-1.pdf"]
		b := pageBoxes(t, pdf)
		media := b["MediaBox"]
		if !print {
			if _, ok := b["BleedBox"]; ok {
				t.Error("screen edition has a BleedBox")
			}
			if _, ok := b["TrimBox"]; ok {
				t.Error("screen edition has a TrimBox")
			}
			if !near(media[2], trimW) || !near(media[3], trimH) {
				t.Errorf("screen MediaBox %v, want the trimmed page %.2f×%.2f", media, trimW, trimH)
			}
			continue
		}
		// MediaBox > BleedBox > TrimBox: 3 mm of bleed around the trim,
		// and an 8 mm slug around the bleed for the crop marks.
		slug := 8 * mmPt
		if !near(media[2], trimW+2*bleed+2*slug) || !near(media[3], trimH+2*bleed+2*slug) {
			t.Errorf("print MediaBox %v, want trim + 2×(3 + 8) mm", media)
		}
		if bb := b["BleedBox"]; !near(bb[0], slug) || !near(bb[2], slug+2*bleed+trimW) || !near(bb[3], slug+2*bleed+trimH) {
			t.Errorf("BleedBox %v, want 3 mm around the trim", bb)
		}
		tb := b["TrimBox"]
		o := slug + bleed
		if !near(tb[0], o) || !near(tb[1], o) || !near(tb[2], o+trimW) || !near(tb[3], o+trimH) {
			t.Errorf("TrimBox %v, want [%.2f %.2f %.2f %.2f]", tb, o, o, o+trimW, o+trimH)
		}
		if n := bytes.Count(pdf, []byte("/TrimBox")); n != res.Pages["/journal/2026-1"].Pages {
			t.Errorf("%d pages have a TrimBox, want all %d", n, res.Pages["/journal/2026-1"].Pages)
		}
		if !res.Pages["/journal/2026-1"].Print {
			t.Error("the page data does not say the PDF is the printer's edition")
		}
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, _, err := Build(Options{Source: fixture})
	if err != nil {
		t.Fatal(err)
	}
	b, _, err := Build(Options{Source: fixture, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Files) != 5 {
		t.Errorf("%d files, want 3 PDFs and the e-mail edition's 2", len(a.Files))
	}
	for name, x := range a.Files {
		if !bytes.Equal(x, b.Files[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	if !bytes.Contains(a.Files["journal/2026-1/journal-2026-1.pdf"], []byte("/CreationDate (D:20260331")) {
		t.Error("the issue's PDF is not dated by the issue's date")
	}
}

func TestCache(t *testing.T) {
	site := t.TempDir()
	if err := os.CopyFS(site, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	build := func() *Result {
		t.Helper()
		res, l, err := Build(Options{Source: site, CacheDir: cache})
		if err != nil || l.HasErrors() {
			t.Fatal(err, l)
		}
		return res
	}
	first := build()
	if first.Typeset != 3 || first.Cached != 0 {
		t.Fatalf("cold build: %d typeset, %d cached; want 3 and 0", first.Typeset, first.Cached)
	}
	second := build()
	if second.Typeset != 0 || second.Cached != 3 {
		t.Errorf("unchanged build: %d typeset, %d cached; want 0 and 3", second.Typeset, second.Cached)
	}
	for name, b := range first.Files {
		if !bytes.Equal(b, second.Files[name]) {
			t.Errorf("%s from the cache differs", name)
		}
	}
	if !equalPages(first.Pages, second.Pages) {
		t.Error("page data from the cache differs")
	}

	// One article changes: only its issue is typeset again.
	art := filepath.Join(site, "content/journal/2026-1/hangye/index.md")
	src, _ := os.ReadFile(art)
	os.WriteFile(art, append(src, []byte("\n新增一段。\n")...), 0o644)
	third := build()
	if third.Typeset != 1 || third.Cached != 2 {
		t.Errorf("one article changed: %d typeset, %d cached; want 1 and 2", third.Typeset, third.Cached)
	}
	// One image changes: only its white paper is typeset again.
	img := filepath.Join(site, "content/whitepapers/test-baipishu/01-gaishu/fig-1.png")
	b, _ := os.ReadFile(img)
	b[len(b)-20] ^= 0xff // in the IEND chunk's neighbourhood: still the same picture size
	os.WriteFile(img, b, 0o644)
	fourth := build()
	if fourth.Typeset != 1 || fourth.Cached != 2 {
		t.Errorf("one image changed: %d typeset, %d cached; want 1 and 2", fourth.Typeset, fourth.Cached)
	}
	// The edition is part of the key.
	res, _, err := Build(Options{Source: site, CacheDir: cache, Print: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Typeset != 3 {
		t.Errorf("print edition: %d typeset, want 3", res.Typeset)
	}
	// The cache is where it was asked to be, and nowhere in the site.
	entries, _ := filepath.Glob(filepath.Join(cache, "pdf", "*.pdf"))
	if len(entries) != 3+1+1+3 {
		t.Errorf("%d cached PDFs, want 8", len(entries))
	}
	filepath.WalkDir(site, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".pdf") {
			t.Errorf("a PDF was written into the site: %s", p)
		}
		return nil
	})
}

func equalPages(a, b map[string]PageData) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

func TestBadMetadata(t *testing.T) {
	site := t.TempDir()
	if err := os.CopyFS(site, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	edit := func(rel, old, new string) {
		p := filepath.Join(site, rel)
		b, _ := os.ReadFile(p)
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s lacks %q", rel, old)
		}
		os.WriteFile(p, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644)
	}
	edit("content/journal/2026-1/hangye/index.md", "column: 行业观察", "column: 行业观测")
	edit("content/journal/2026-1/_index.md", "cover: cover.png", "cover: fengmian.png")
	edit("content/newsletter/2026-01.md", "date: 2026-04-15", "date: 2026-13-45")
	edit("content/whitepapers/test-baipishu/_index.md", "title: 测试白皮书\n", "")
	_, l, err := Build(Options{Source: site})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`content/journal/2026-1/_index.md:7: cover image "fengmian.png" not found`,
		`content/journal/2026-1/hangye/index.md:4: unknown column "行业观测"`,
		`content/newsletter/2026-01.md:3: bad date "2026-13-45"`,
		`content/whitepapers/test-baipishu/_index.md:1: the white paper's title is missing`,
	}
	got := l.Error()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("diagnostics lack %q:\n%s", w, got)
		}
	}
	if !strings.Contains(got, `did you mean "行业观察"`) {
		t.Errorf("no suggestion for the unknown column:\n%s", got)
	}
	if !l.HasErrors() {
		t.Error("bad metadata did not stop the build")
	}
}

func TestEmailEdition(t *testing.T) {
	res, l, err := Build(Options{Source: fixture})
	if err != nil || l.HasErrors() {
		t.Fatal(err, l)
	}
	html := string(res.Files["newsletter/2026-01/email.html"])
	text := string(res.Files["newsletter/2026-01/email.txt"])
	if len(html) == 0 || len(html) >= 100*1024 {
		t.Fatalf("e-mail edition is %d bytes, want some and under 100 KB", len(html))
	}
	for _, want := range []string{`width="600"`, `<table role="presentation"`, "简讯 2026年第1期", "2026年第1期（总第1期）",
		`href="https://www.zzia.example/journal/2026-1/"`,                    // a site link made absolute
		`href="https://www.zzia.example/newsletter/2026-01/"`,                // the web edition
		`https://www.zzia.example/newsletter/2026-01/newsletter-2026-01.pdf`, // the PDF
	} {
		if !strings.Contains(html, want) {
			t.Errorf("e-mail edition lacks %s", want)
		}
	}
	// CSS is inlined: elements carry their style; only the media query is left in <style>.
	if !regexp.MustCompile(`<h2[^>]* style="[^"]*border-left:4px solid #0b4a8b`).MatchString(html) {
		t.Error("the section headings have no inline style")
	}
	for _, m := range regexp.MustCompile(`(?s)<style[^>]*>(.*?)</style>`).FindAllStringSubmatch(html, -1) {
		if css := strings.TrimSpace(m[1]); css != "" && !strings.HasPrefix(css, "@media") {
			t.Errorf("a style sheet is left in the head: %.80s", css)
		}
	}
	for _, m := range regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllStringSubmatch(html, -1) {
		u := m[1]
		if !strings.HasPrefix(u, "https://") && !strings.HasPrefix(u, "mailto:") && !strings.HasPrefix(u, "#") {
			t.Errorf("relative URL in the e-mail edition: %s", u)
		}
	}
	if !strings.Contains(text, "简讯 2026年第1期") || !strings.Contains(text, "会务动态") || strings.Contains(text, "<") {
		t.Errorf("plain-text alternative is not the newsletter as text:\n%s", text)
	}
	if !strings.Contains(text, "\r\n") {
		t.Error("plain-text alternative has no CRLF line ends")
	}
	if d := res.Pages["/newsletter/2026-01"]; d.Email != "newsletter/2026-01/email.html" || d.Text != "newsletter/2026-01/email.txt" {
		t.Errorf("page data: %+v", d)
	}
}

// The printer's edition warns about images under 300 ppi at their printed
// size; the screen edition does not.
func TestLowResolutionImagesInPrint(t *testing.T) {
	for _, print := range []bool{false, true} {
		_, l, err := Build(Options{Source: fixture, Print: print})
		if err != nil || l.HasErrors() {
			t.Fatal(err, l)
		}
		n := 0
		for _, d := range l {
			if strings.Contains(d.Message, "pixels per inch") {
				n++
			}
		}
		if print && n == 0 {
			t.Error("print edition: no warning about the fixture's 96-ppi figures")
		}
		if !print && n > 0 {
			t.Errorf("screen edition: %d resolution warnings", n)
		}
	}
}
