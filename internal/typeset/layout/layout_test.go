package layout

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/clreq"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/fonts/fontstest"
	"github.com/zzia/press/internal/typeset/mdtree"
	"github.com/zzia/press/internal/typeset/sampledoc"
)

func lay(t testing.TB, src string, opts Options) *Result {
	t.Helper()
	doc, _ := mdtree.Parse([]byte(src), mdtree.Options{File: "test.md"})
	opts.Fonts = fontstest.System(t)
	res, err := Layout([]Part{{Body: doc.Body, Title: doc.Title, File: "test.md"}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// printed is a line of a page as a reader sees it: the runs on one
// baseline, left to right.
type printed struct {
	y, x0, x1 float64
	size      float64
	role      fonts.Role
	text      string
}

func printedLines(p box.Page) []printed {
	byY := map[float64][]*box.Text{}
	for _, b := range p.Boxes {
		if t, ok := b.(*box.Text); ok {
			y := math.Round(t.Y*10) / 10
			byY[y] = append(byY[y], t)
		}
	}
	var out []printed
	for y, runs := range byY {
		sort.Slice(runs, func(i, j int) bool { return runs[i].X < runs[j].X })
		var b strings.Builder
		for _, r := range runs {
			b.WriteString(r.Text)
		}
		lastRun := runs[len(runs)-1]
		x0, x1 := runs[0].X, lastRun.X+lastRun.Width()
		// The ink of a line-start opening mark and a line-end closing mark
		// is in the half of the em box toward the text.
		if r, _ := utf8.DecodeRuneInString(runs[0].Text); clreq.IsOpening(r) {
			x0 += runs[0].Size / 2
		}
		if r, _ := utf8.DecodeLastRuneInString(lastRun.Text); clreq.IsClosing(r) {
			x1 -= lastRun.Size / 2
		}
		out = append(out, printed{y: y, x0: x0, x1: x1, size: runs[0].Size, role: runs[0].Role, text: b.String()})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].y < out[j].y })
	return out
}

func anchorPage(res *Result, name string) int {
	for i, p := range res.Doc.Pages {
		for _, b := range p.Boxes {
			if a, ok := b.(*box.Anchor); ok && a.Name == name {
				return i
			}
		}
	}
	return -1
}

func TestContentsPageNumbersAreWhereTheHeadingsLanded(t *testing.T) {
	src := string(sampledoc.Generate(sampledoc.Options{Seed: 3, Sections: 30}))
	res := lay(t, src, Options{TOC: true, Numbering: NumberDecimal})
	if res.BodyStart == 0 {
		t.Fatal("no contents pages")
	}
	var toc []printed
	for _, p := range res.Doc.Pages[:res.BodyStart] {
		toc = append(toc, printedLines(p)...)
	}
	listed := 0
	for _, e := range res.Entries {
		at := anchorPage(res, e.Anchor)
		if at < res.BodyStart {
			t.Fatalf("heading %q: anchor on page index %d", e.Text, at)
		}
		if got := res.Doc.Pages[at].Label; got != e.Page {
			t.Errorf("heading %q is on page %s, its entry says %s", e.Text, got, e.Page)
		}
		if e.Level == 0 || e.Level > tocDepth {
			continue
		}
		found := false
		for _, l := range toc {
			if strings.Contains(l.text, strings.ReplaceAll(e.Text, " ", "")) && strings.HasSuffix(l.text, "."+e.Page) {
				found = true
			}
		}
		if !found {
			t.Errorf("no contents line for %q ending in page %s", e.Text, e.Page)
		}
		listed++
	}
	if listed < 60 {
		t.Errorf("only %d headings listed", listed)
	}
	// Every page number the contents prints is the label of a body page
	// that holds that heading (checked above); the body is numbered from 1.
	if res.Doc.Pages[res.BodyStart].Label != "1" || res.Doc.Pages[0].Label != "I" {
		t.Errorf("page labels: contents %q, body %q", res.Doc.Pages[0].Label, res.Doc.Pages[res.BodyStart].Label)
	}
}

func TestOutlineFollowsTheHeadings(t *testing.T) {
	res := lay(t, "# 标题\n\n## 一\n\n正文。\n\n### 一点一\n\n正文。\n\n##### 跳级\n\n正文。\n\n## 二\n\n正文。\n", Options{TOC: true, Numbering: NumberChinese})
	var got []string
	for _, p := range res.Doc.Pages {
		for _, b := range p.Boxes {
			if bm, ok := b.(*box.Bookmark); ok {
				got = append(got, fmt.Sprintf("%d:%s", bm.Level, bm.Title))
			}
		}
	}
	want := []string{"0:目录", "0:标题", "1:一、一", "2:（一）一点一", "3:（1）跳级", "1:二、二"}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("outline\n got %v\nwant %v", got, want)
	}
}

func TestFootnotesAtTheFootOfTheReferringPage(t *testing.T) {
	src := string(sampledoc.Generate(sampledoc.Options{Seed: 5, Sections: 25}))
	res := lay(t, src, Options{})
	body := 10.5
	total := 0
	for i, p := range res.Doc.Pages {
		refs, notes := map[string]bool{}, map[string]bool{}
		var noteTop, refBottom float64 = math.Inf(1), 0
		for _, b := range p.Boxes {
			tx, ok := b.(*box.Text)
			if !ok {
				continue
			}
			switch {
			case math.Abs(tx.Size-body*0.6) < 0.01:
				refs[tx.Text] = true
				refBottom = math.Max(refBottom, tx.Y)
			case math.Abs(tx.Size-body*0.82*0.6) < 0.01:
				notes[tx.Text] = true
				noteTop = math.Min(noteTop, tx.Y)
			}
		}
		for m := range refs {
			if !notes[m] {
				t.Errorf("page %d: footnote %s is referred to but not printed there", i+1, m)
			}
			total++
		}
		for m := range notes {
			if !refs[m] {
				t.Errorf("page %d: footnote %s is printed but not referred to there", i+1, m)
			}
		}
		if len(notes) > 0 && noteTop < refBottom {
			t.Errorf("page %d: footnotes start above the text that refers to them", i+1)
		}
	}
	if total < 20 {
		t.Errorf("only %d footnotes found", total)
	}
}

func TestLongDocumentRules(t *testing.T) {
	src := string(sampledoc.Generate(sampledoc.Options{Seed: 7, Sections: 40}))
	opts := Options{Numbering: NumberChinese, TOC: true}
	res := lay(t, src, opts)
	o := opts
	o.Fonts = fontstest.System(t)
	if err := o.defaults(); err != nil {
		t.Fatal(err)
	}
	l := &layouter{opts: o}
	l.measure()
	body := o.BodySize
	for i, p := range res.Doc.Pages {
		lines := printedLines(p)
		var bodyLines []printed
		for _, ln := range lines {
			if ln.role >= fonts.Mono && ln.role <= fonts.MonoBoldItalic {
				continue // code is set as typed
			}
			if r, _ := utf8.DecodeRuneInString(ln.text); clreq.IsNoStart(r) && !strings.HasPrefix(ln.text, "..") && !(ln.size < body*0.7) {
				t.Errorf("page %d: line starts with %q: %q", i+1, r, ln.text)
			}
			if r, _ := utf8.DecodeLastRuneInString(ln.text); clreq.IsNoEnd(r) {
				t.Errorf("page %d: line ends with %q: %q", i+1, r, ln.text)
			}
			if ln.x1 > l.left+l.width+0.05 || ln.x0 < l.left-0.05 {
				t.Errorf("page %d: line runs from %.1f to %.1f, outside the text block %.1f–%.1f: %q", i+1, ln.x0, ln.x1, l.left, l.left+l.width, ln.text)
			}
			if ln.y > l.top && ln.y < l.top+l.height {
				bodyLines = append(bodyLines, ln)
			}
		}
		if i < res.BodyStart || i == len(res.Doc.Pages)-1 || len(bodyLines) == 0 {
			continue
		}
		// A heading never ends a page.
		lastLine := bodyLines[len(bodyLines)-1]
		for _, ln := range bodyLines {
			if ln.size < body*0.9 { // footnotes below the text
				lastLine = ln
				break
			}
		}
		for k := len(bodyLines) - 1; k >= 0; k-- {
			if bodyLines[k].size >= body*0.9 {
				lastLine = bodyLines[k]
				break
			}
		}
		if lastLine.role == fonts.Hei && lastLine.size > body {
			t.Errorf("page %d ends with the heading %q", i+1, lastLine.text)
		}
		// Orphans: a paragraph's first line (indented body text) alone at
		// the foot of the page.
		if lastLine.role == fonts.Song && lastLine.size == body && math.Abs(lastLine.x0-(l.left+2*body)) < 0.01 {
			next := printedLines(res.Doc.Pages[i+1])
			for _, n := range next {
				if n.y > l.top && n.size == body && n.role == fonts.Song {
					if math.Abs(n.x0-l.left) < 0.01 {
						t.Errorf("page %d ends with the first line of a paragraph that goes on: %q", i+1, lastLine.text)
					}
					break
				}
			}
		}
	}
}

func TestParagraphsIndentedWithNoSpaceBetween(t *testing.T) {
	res := lay(t, "第一段文字。\n\n第二段文字，也很短。\n", Options{})
	o := Options{Fonts: fontstest.System(t)}
	o.defaults()
	l := &layouter{opts: o}
	l.measure()
	var body []printed
	for _, ln := range printedLines(res.Doc.Pages[0]) {
		if ln.y > l.top && ln.y < l.top+l.height {
			body = append(body, ln)
		}
	}
	if len(body) != 2 {
		t.Fatalf("%d lines, want 2", len(body))
	}
	for _, ln := range body {
		if math.Abs(ln.x0-(l.left+2*o.BodySize)) > 0.01 {
			t.Errorf("%q starts at %.2f, want a 2-em indent (%.2f)", ln.text, ln.x0, l.left+2*o.BodySize)
		}
	}
	if d := body[1].y - body[0].y; math.Abs(d-o.BodySize*o.Leading) > 0.1 {
		t.Errorf("paragraphs are %.2f pt apart, want one line (%.2f)", d, o.BodySize*o.Leading)
	}
	// The text block is a whole number of characters wide.
	if n := l.width / o.BodySize; math.Abs(n-math.Round(n)) > 1e-9 {
		t.Errorf("text block %.2f characters wide", n)
	}
}

func TestTableHeaderRepeatsOnEveryPage(t *testing.T) {
	var b strings.Builder
	b.WriteString("前言。\n\n| 序号 | 单位名称 | 备注 |\n|---|---|---|\n")
	for i := 1; i <= 120; i++ {
		fmt.Fprintf(&b, "| %d | 郑州市第%d会员单位 | 信息化建设示范企业，连续三年获评优秀 |\n", i, i)
	}
	res := lay(t, b.String(), Options{Header: "会员名录"})
	pages := 0
	for i, p := range res.Doc.Pages {
		lines := printedLines(p)
		hasRow, header := false, -1
		for k, ln := range lines {
			if strings.Contains(ln.text, "会员单位") {
				hasRow = true
			}
			if strings.HasPrefix(ln.text, "序号") {
				header = k
			}
		}
		if !hasRow {
			continue
		}
		pages++
		if header < 0 {
			t.Errorf("page %d has table rows but no header row", i+1)
			continue
		}
		for _, ln := range lines[:header] {
			if strings.Contains(ln.text, "会员单位") {
				t.Errorf("page %d: a row above the repeated header", i+1)
			}
		}
	}
	if pages < 3 {
		t.Errorf("the table spans %d pages; the test wants several", pages)
	}
}

func TestPageSizes(t *testing.T) {
	for _, name := range []string{"A4", "16K", "b5"} {
		size, err := ParsePageSize(name)
		if err != nil {
			t.Fatal(err)
		}
		res := lay(t, "正文。", Options{Size: size})
		p := res.Doc.Pages[0]
		if p.Width != size.Width || p.Height != size.Height {
			t.Errorf("%s: page %.1f×%.1f", name, p.Width, p.Height)
		}
	}
	if math.Abs(K16.Width-524.41) > 0.01 || math.Abs(K16.Height-737.01) > 0.01 {
		t.Errorf("16K is %.2f×%.2f pt, want 185×260 mm", K16.Width, K16.Height)
	}
	if _, err := ParsePageSize("A3"); err == nil {
		t.Error("A3 accepted")
	}
}

func TestChineseNumbers(t *testing.T) {
	for n, want := range map[int]string{1: "一", 10: "十", 11: "十一", 20: "二十", 25: "二十五", 100: "一百", 105: "一百零五", 110: "一百一十"} {
		if got := chineseNumber(n); got != want {
			t.Errorf("chineseNumber(%d) = %s, want %s", n, got, want)
		}
	}
}
