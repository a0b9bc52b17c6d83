package compose

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zzia/press/internal/publication/catalog"
	"github.com/zzia/press/internal/siteconfig"
	"github.com/zzia/press/internal/testpdf"
	"github.com/zzia/press/internal/typeset/box"
)

// fixture is the small site of the tests: one issue, one white paper, one
// newsletter.
var fixture = filepath.Join("..", "..", "..", "testdata", "publications", "site")

// load reads the fixture's configuration and documents.
func load(t testing.TB, dir string) (*Composer, *catalog.Catalog) {
	t.Helper()
	sc, err := siteconfig.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	cfg, l := catalog.ReadConfig(sc)
	if l.HasErrors() {
		t.Fatal(l)
	}
	cat, l := catalog.Discover(dir, false)
	if l.HasErrors() {
		t.Fatal(l)
	}
	return &Composer{cfg: cfg}, cat
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

// firstIssue composes the first issue of cat; it fails the test on an
// error.
func firstIssue(t testing.TB, c *Composer, cat *catalog.Catalog) *composed {
	t.Helper()
	d, l, err := c.journalDoc(cat.Issues[0])
	if err != nil || l.HasErrors() {
		t.Fatal(err, l)
	}
	return d
}

func TestJournalContentsPageNumbers(t *testing.T) {
	c, cat := load(t, fixture)
	d := firstIssue(t, c, cat)
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
	d := firstIssue(t, c, cat)
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

func TestCropMarksOnlyInPrint(t *testing.T) {
	c, cat := load(t, fixture)
	for _, print := range []bool{false, true} {
		c.print = print
		d := firstIssue(t, c, cat)
		if got := d.info.CropMarks; got != print || (d.info.Bleed == 3) != print {
			t.Errorf("print=%v: crop marks %v, bleed %v mm", print, got, d.info.Bleed)
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
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(fixture)); err != nil {
		t.Fatal(err)
	}
	issue := func() *composed {
		t.Helper()
		c, cat := load(t, dir)
		d := firstIssue(t, c, cat)
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
	_, l := catalog.Discover(dir, false)
	if !strings.Contains(l.Error(), "hangingPunctuation is yes please, not true or false") {
		t.Errorf("a bad value is not reported: %v", l)
	}
}

// The contents pages of a journal are in the tagged PDF's structure: a
// TOC of entries, each a Link holding its text and its annotation, so no
// link annotation is outside the structure tree.
func TestContentsAreTagged(t *testing.T) {
	c, cat := load(t, fixture)
	out, _, l, err := c.Journal(cat.Issues[0])
	if err != nil || l.HasErrors() {
		t.Fatal(err, l)
	}
	if n, m := bytes.Count(out, []byte("/Subtype /Link")), bytes.Count(out, []byte("/StructParent ")); n == 0 || n != m {
		t.Errorf("%d link annotations, %d of them in the structure", n, m)
	}
	st := testpdf.Run(t, out, "pdfinfo", "-struct-text")
	re := regexp.MustCompile(`TOC\s+Caption\s+"目　录[^"]*"\s+TOC\s+Caption\s+"卷首语"\s+TOCI\s+Reference \(inline\)\s+Link \(inline\)\s+"卷首语1"`)
	if !re.MatchString(st) {
		t.Errorf("the contents are not tagged as a TOC of links:\n%.2000s", st)
	}
}
