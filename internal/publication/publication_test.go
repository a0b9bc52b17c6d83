package publication

import (
	"bytes"
	"io/fs"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/siteconfig"
	"github.com/zzia/press/internal/typeset/box"
)

// fixture is the small site of the tests: one issue, one white paper, one
// newsletter.
var fixture = filepath.Join("..", "..", "testdata", "publications", "site")

// copySite copies the fixture into a temporary folder the test may change.
func copySite(t testing.TB) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(fixture, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(fixture, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// load reads the fixture's configuration and documents.
func load(t testing.TB, dir string) (*composer, *Catalog) {
	t.Helper()
	cfg, l := loadConfig(dir)
	if l.HasErrors() {
		t.Fatal(l)
	}
	cat, l := Discover(dir, false)
	if l.HasErrors() {
		t.Fatal(l)
	}
	return &composer{cfg: cfg}, cat
}

// printedLine is the text of the runs on one baseline of a page.
func lineText(p box.Page, y0, y1 float64) []*box.Text {
	var out []*box.Text
	for _, b := range p.Boxes {
		if t, ok := b.(*box.Text); ok && t.Y >= y0 && t.Y <= y1 {
			out = append(out, t)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].X < out[j].X })
	return out
}

// anchors maps every anchor name to its page index.
func anchors(doc *box.Document) map[string]int {
	m := map[string]int{}
	for i, p := range doc.Pages {
		for _, b := range p.Boxes {
			if a, ok := b.(*box.Anchor); ok {
				if _, dup := m[a.Name]; !dup {
					m[a.Name] = i
				}
			}
		}
	}
	return m
}

// footer returns the lowest text of a page: its running foot.
func footer(p box.Page) string {
	maxY := -1.0
	for _, b := range p.Boxes {
		if t, ok := b.(*box.Text); ok && t.Y > maxY {
			maxY = t.Y
		}
	}
	var s strings.Builder
	for _, t := range lineText(p, maxY-0.5, maxY+0.5) {
		s.WriteString(t.Text)
	}
	return strings.TrimSpace(s.String())
}

// checkContents checks every entry of the contents: the page number
// printed at the end of its line is the number printed on the page its
// link leads to, and that page carries the entry's title.
func checkContents(t *testing.T, doc *box.Document, wantEntries int) {
	t.Helper()
	at := anchors(doc)
	n := 0
	for pi, p := range doc.Pages {
		for _, b := range p.Boxes {
			l, ok := b.(*box.Link)
			if !ok || l.Dest == "" {
				continue
			}
			target, ok := at[l.Dest]
			if !ok {
				t.Errorf("page %d: contents link to %q, which is nowhere", pi+1, l.Dest)
				continue
			}
			if target <= pi {
				continue // not a contents entry
			}
			runs := lineText(p, l.Y, l.Y+l.H)
			if len(runs) == 0 {
				t.Errorf("page %d: contents entry for %q has no text", pi+1, l.Dest)
				continue
			}
			num := runs[len(runs)-1].Text
			tp := doc.Pages[target]
			if num != tp.Label {
				t.Errorf("contents entry %q (page %d) gives page %q; the heading is on the page numbered %q", l.Dest, pi+1, num, tp.Label)
			}
			if f := footer(tp); f != num && !strings.Contains(f, num) {
				t.Errorf("contents entry %q gives page %q; the page prints %q at its foot", l.Dest, num, f)
			}
			n++
		}
	}
	if n != wantEntries {
		t.Errorf("the contents have %d entries, want %d", n, wantEntries)
	}
}

func TestJournalContentsPageNumbers(t *testing.T) {
	c, cat := load(t, fixture)
	d, _, err := c.journalDoc(cat.Issues[0])
	if err != nil {
		t.Fatal(err)
	}
	// The editor's note and three articles.
	checkContents(t, d.doc, 4)
	// Every article starts on the page the metadata says.
	for _, a := range cat.Issues[0].Articles {
		if d.meta.Starts[a.Path] < 5 || d.meta.Labels[a.Path] != d.doc.Pages[d.meta.Starts[a.Path]-1].Label {
			t.Errorf("%s: starts on page %d labelled %q", a.Path, d.meta.Starts[a.Path], d.meta.Labels[a.Path])
		}
	}
	// Covers front and back; the body starts on a right-hand page.
	if n := len(d.doc.Pages); n%2 != 0 {
		t.Errorf("%d pages: the back cover is not a left-hand page", n)
	}
	first := d.meta.Starts[cat.Issues[0].Path]
	_ = first
}

func TestWhitepaperContentsPageNumbers(t *testing.T) {
	c, cat := load(t, fixture)
	d, _, err := c.whitepaperDoc(cat.Whitepapers[0])
	if err != nil {
		t.Fatal(err)
	}
	// Two chapters with two sections each, and the references.
	checkContents(t, d.doc, 7)
	text := allText(d.doc)
	for _, want := range []string{"第一章　概述", "1.1　编写背景", "1.1.1　政策环境", "图1-1　中小企业数字化转型路径", "表2-1　样本企业的数字化水平", "参考文献", "版权声明", "内部资料　免费交流"} {
		if !strings.Contains(text, want) {
			t.Errorf("the white paper lacks %q", want)
		}
	}
}

// allText is every run of a document, in drawing order.
func allText(doc *box.Document) string {
	var b strings.Builder
	for _, p := range doc.Pages {
		for _, x := range p.Boxes {
			if t, ok := x.(*box.Text); ok {
				b.WriteString(t.Text)
			}
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestJournalOutline(t *testing.T) {
	c, cat := load(t, fixture)
	d, _, err := c.journalDoc(cat.Issues[0])
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	at := map[string]int{}
	for i, p := range d.doc.Pages {
		for _, b := range p.Boxes {
			if bm, ok := b.(*box.Bookmark); ok {
				got = append(got, strings.Repeat("  ", bm.Level)+bm.Title)
				if _, ok := at[bm.Title]; !ok {
					at[bm.Title] = i
				}
			}
		}
	}
	want := []string{
		"封面", "目录",
		"卷首语", "  卷首语",
		"政策解读", "  数据安全合规要点", "    一、法律框架", "    二、管理制度",
		"行业观察", "  工业互联网平台应用观察", "    一、典型架构", "    二、推进难点",
		"会务动态", "  促进会召开理事会议",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("outline:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Entries point at the pages where the articles start.
	for _, a := range cat.Issues[0].Articles {
		if p, ok := at[a.Title]; !ok || p+1 != d.meta.Starts[a.Path] {
			t.Errorf("outline entry %q on page %d, the article starts on page %d", a.Title, p+1, d.meta.Starts[a.Path])
		}
	}
}

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

func TestCropMarksOnlyInPrint(t *testing.T) {
	c, cat := load(t, fixture)
	for _, print := range []bool{false, true} {
		c.print = print
		d, _, err := c.journalDoc(cat.Issues[0])
		if err != nil {
			t.Fatal(err)
		}
		if got := d.info.CropMarks; got != print || (d.info.Bleed == 3) != print {
			t.Errorf("print=%v: crop marks %v, bleed %v mm", print, got, d.info.Bleed)
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
	site := copySite(t)
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
	site := copySite(t)
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

func TestConfig(t *testing.T) {
	cfg, l := loadConfig(fixture)
	if l.HasErrors() {
		t.Fatal(l)
	}
	if cfg.Publisher != "郑州市信息化促进会" || cfg.JournalPageSize != "16K" || cfg.Contact.Postcode != "450000" || cfg.Notice != "内部资料　免费交流" {
		t.Errorf("config: %+v", cfg)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte("title = \"x\"\n[params.publications]\n  journalPageSize = \"B4\"\n"), 0o644)
	_, l = loadConfig(dir)
	if !strings.Contains(l.Error(), `hugo.toml:3: [params.publications] journalPageSize: page size "B4" is not A4 or 16K`) {
		t.Errorf("bad page size: %v", l)
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

// hungLines counts the body lines of a composed document whose last mark
// hangs in the margin, past the right edge of the text block.
func hungLines(d *composed) int {
	fr := d.laid.Frame
	n := 0
	for _, p := range d.laid.Doc.Pages {
		for _, b := range p.Boxes {
			t, ok := b.(*box.Text)
			if !ok || t.Text == "" || t.Y < fr.Top || t.Y > fr.Top+fr.Height {
				continue
			}
			r, _ := utf8.DecodeLastRuneInString(t.Text)
			if strings.ContainsRune("。，、．", r) && t.X+t.Width() > fr.Left+fr.Width+0.5 {
				n++
			}
		}
	}
	return n
}

// Hanging punctuation is a setting of the site ([params.publications]
// hangingPunctuation) that a publication's front matter can override.
func TestHangingPunctuationSetting(t *testing.T) {
	dir := copySite(t)
	issue := func() *composed {
		t.Helper()
		c, cat := load(t, dir)
		d, l, err := c.journalDoc(cat.Issues[0])
		if err != nil || l.HasErrors() {
			t.Fatal(err, l)
		}
		return d
	}
	// A paragraph of clauses exactly a measure long (the first one less
	// its indent), each with its comma.
	d := issue()
	n := int(d.laid.Frame.Width/10.5 + 0.5)
	clause := []rune(strings.Repeat("郑州市信息化促进会成立于二零零五年", 4))[:n]
	arts, _ := filepath.Glob(filepath.Join(dir, "content", "journal", "*", "*", "*.md"))
	f, _ := os.OpenFile(arts[0], os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString("\n\n" + string(clause[2:]) + "，" + strings.Repeat(string(clause)+"，", 3) + "全文完。\n")
	f.Close()
	if n := hungLines(issue()); n != 0 {
		t.Errorf("%d lines hang their punctuation by default", n)
	}
	conf := filepath.Join(dir, "hugo.toml")
	b, _ := os.ReadFile(conf)
	os.WriteFile(conf, bytes.Replace(b, []byte("[params.publications]\n"), []byte("[params.publications]\n    hangingPunctuation = true\n"), 1), 0o644)
	if n := hungLines(issue()); n == 0 {
		t.Error("hangingPunctuation = true: no line hangs its punctuation")
	}
	idx, _ := filepath.Glob(filepath.Join(dir, "content", "journal", "*", "_index.md"))
	b, _ = os.ReadFile(idx[0])
	os.WriteFile(idx[0], bytes.Replace(b, []byte("---\n"), []byte("---\nhangingPunctuation: false\n"), 1), 0o644)
	if n := hungLines(issue()); n != 0 {
		t.Errorf("the issue's front matter says false, yet %d lines hang", n)
	}
	os.WriteFile(idx[0], bytes.Replace(b, []byte("---\n"), []byte("---\nhangingPunctuation: yes please\n"), 1), 0o644)
	_, l := Discover(dir, false)
	if !strings.Contains(l.Error(), "hangingPunctuation is yes please, not true or false") {
		t.Errorf("a bad value is not reported: %v", l)
	}
}

// The contents pages of a journal are in the tagged PDF's structure: a
// TOC of entries, each a Link holding its text and its annotation, so no
// link annotation is outside the structure tree.
func TestContentsAreTagged(t *testing.T) {
	c, cat := load(t, fixture)
	out, _, l, err := c.journal(cat.Issues[0])
	if err != nil || l.HasErrors() {
		t.Fatal(err, l)
	}
	if n, m := bytes.Count(out, []byte("/Subtype /Link")), bytes.Count(out, []byte("/StructParent ")); n == 0 || n != m {
		t.Errorf("%d link annotations, %d of them in the structure", n, m)
	}
	p := filepath.Join(t.TempDir(), "j.pdf")
	os.WriteFile(p, out, 0o644)
	st, err := exec.Command("pdfinfo", "-struct-text", p).CombinedOutput()
	if err != nil {
		t.Fatalf("pdfinfo: %v %s", err, st)
	}
	re := regexp.MustCompile(`TOC\s+Caption\s+"目　录[^"]*"\s+TOC\s+Caption\s+"卷首语"\s+TOCI\s+Reference \(inline\)\s+Link \(inline\)\s+"卷首语1"`)
	if !re.Match(st) {
		t.Errorf("the contents are not tagged as a TOC of links:\n%.2000s", st)
	}
}

// loadConfig reads the publications' settings of the site in dir.
func loadConfig(dir string) (Config, diag.List) {
	c, err := siteconfig.Load(dir)
	if err != nil {
		return Config{}, diag.List{{Message: err.Error()}}
	}
	return ReadConfig(c)
}
