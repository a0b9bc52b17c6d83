package layout

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts/fontstest"
	"github.com/zzia/press/internal/typeset/mdtree"
	"github.com/zzia/press/internal/typeset/sampledoc"
)

// layParts lays out Markdown parts with the part settings given.
func layParts(t *testing.T, parts []Part, srcs []string, opts Options) *Result {
	t.Helper()
	for i, s := range srcs {
		doc, _ := mdtree.Parse([]byte(s), mdtree.Options{File: "test.md"})
		parts[i].Body = doc.Body
	}
	opts.Fonts = fontstest.System(t)
	res, err := Layout(parts, opts)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func pageText(res *Result) []string {
	var out []string
	for _, p := range res.Doc.Pages {
		var b strings.Builder
		for _, l := range printedLines(p) {
			b.WriteString(l.text)
			b.WriteByte('\n')
		}
		out = append(out, b.String())
	}
	return out
}

func TestFiguresAndTablesAreNumberedPerPart(t *testing.T) {
	chapter := "## 一节\n\n正文。\n\n表：第一张表\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n\n![图](missing.png \"第一幅图\")\n\n| 丙 |\n|---|\n| 3 |\n"
	res := layParts(t, []Part{{Title: "第一部分", Number: "1", Label: "第一章"}, {Title: "第二部分", Number: "2", Label: "第二章"}},
		[]string{chapter, chapter}, Options{Style: Style{NumberCaptions: true}, Numbering: NumberDecimal})
	all := strings.Join(pageText(res), "")
	for _, want := range []string{"第一章　第一部分", "1.1　一节", "表1-1　第一张表", "表1-2", "第二章　第二部分", "2.1　一节", "表2-1　第一张表", "表2-2"} {
		if !strings.Contains(all, want) {
			t.Errorf("missing %q in\n%s", want, all)
		}
	}
	if strings.Contains(all, "表：") {
		t.Error("the caption paragraph is printed as well as the caption")
	}
	// The table's title comes before its header row.
	if i, j := strings.Index(all, "表1-1"), strings.Index(all, "甲"); i < 0 || j < i {
		t.Error("the table title is not above the table")
	}
	// Entries carry their part and the chapter label.
	if e := res.Entries[0]; e.Level != 0 || e.Number != "第一章" || e.Part != 0 {
		t.Errorf("first entry: %+v", e)
	}
	if e := res.Entries[len(res.Entries)-1]; e.Part != 1 {
		t.Errorf("last entry in part %d, want 1", e.Part)
	}
}

func TestRunningHeadsPerPartAndMirrored(t *testing.T) {
	src := string(sampledoc.Generate(sampledoc.Options{Seed: 5, Sections: 4}))
	src = src[strings.Index(src, "\n")+1:]
	res := layParts(t, []Part{{Title: "甲文", Header: "栏目甲", Kicker: "栏目甲", Byline: "作者甲"}, {Title: "乙文", Header: "栏目乙"}},
		[]string{src, src}, Options{Header: "刊名", Style: Style{HeaderEven: "刊名　2026年第1期", Mirror: true, FirstPage: 1}})
	fr := res.Frame
	heads := map[string]int{}
	for i, p := range res.Doc.Pages {
		lines := printedLines(p)
		if len(lines) == 0 {
			continue
		}
		head, foot := lines[0], lines[len(lines)-1]
		n := i + 1
		if foot.text != p.Label || p.Label != strings.TrimSpace(p.Label) {
			t.Errorf("page %d: foot %q, label %q", n, foot.text, p.Label)
		}
		// Page numbers at the outer edge.
		if n%2 == 1 && foot.x1 < fr.Left+fr.Width-1 || n%2 == 0 && foot.x0 > fr.Left+1 {
			t.Errorf("page %d: number %q at %.1f–%.1f, not at the outer edge", n, foot.text, foot.x0, foot.x1)
		}
		if head.y > fr.Top {
			continue // a part's first page: no running head
		}
		want := "栏目甲"
		if i >= firstPageOf(res, 1) {
			want = "栏目乙"
		}
		if n%2 == 0 {
			want = "刊名　2026年第1期"
		}
		if head.text != want {
			t.Errorf("page %d: running head %q, want %q", n, head.text, want)
		}
		// Heads at the outer edge too.
		if n%2 == 0 && head.x0 > fr.Left+1 || n%2 == 1 && head.x1 < fr.Left+fr.Width-1 {
			t.Errorf("page %d: running head at %.1f–%.1f, not at the outer edge", n, head.x0, head.x1)
		}
		heads[want]++
	}
	if heads["栏目甲"] == 0 || heads["栏目乙"] == 0 || heads["刊名　2026年第1期"] == 0 {
		t.Errorf("running heads seen: %v", heads)
	}
	all := strings.Join(pageText(res), "")
	if !strings.Contains(all, "栏目甲\n甲文\n作者甲") {
		t.Error("the first part's kicker, title and byline are not set in that order")
	}
}

// firstPageOf returns the index of the page where part k's title is.
func firstPageOf(res *Result, k int) int {
	for _, e := range res.Entries {
		if e.Level == 0 && e.Part == k {
			return e.Index
		}
	}
	return -1
}

func TestLongTitlesAreBalanced(t *testing.T) {
	title := "数据安全合规要点：写给会员单位的实务指引与常见问题解答汇编"
	res := layParts(t, []Part{{Title: title}}, []string{"正文。"}, Options{Size: K16})
	lines := printedLines(res.Doc.Pages[0])
	if len(lines) < 2 {
		t.Fatalf("title on %d lines", len(lines))
	}
	a, b := []rune(lines[0].text), []rune(lines[1].text)
	if len(b) < len(a)/2 {
		t.Errorf("unbalanced title: %q / %q", lines[0].text, lines[1].text)
	}
}

// A figure that does not fit at the foot of a page moves to the top of the
// next one while the text after it fills the page; the figures keep their
// order and their captions.
func TestFiguresFloatToTheNextPage(t *testing.T) {
	dir := t.TempDir()
	img := image.NewNRGBA(image.Rect(0, 0, 800, 500))
	var b bytes.Buffer
	png.Encode(&b, img)
	os.WriteFile(filepath.Join(dir, "fig.png"), b.Bytes(), 0o644)
	para := strings.Repeat("这是一段用来填满页面的正文文字，", 9) + "\n\n"
	src := strings.Repeat(para, 6) + "![图](fig.png \"第一幅图\")\n\n" + strings.Repeat(para, 6) + "![图](fig.png \"第二幅图\")\n\n" + strings.Repeat(para, 3)
	doc, _ := mdtree.Parse([]byte(src), mdtree.Options{File: "f.md", BaseDir: dir})
	opts := Options{Fonts: fontstest.System(t)}
	res, err := Layout([]Part{{Body: doc.Body, File: "f.md"}}, opts)
	if err != nil {
		t.Fatal(err)
	}
	fr := res.Frame
	var order []string
	for pi, p := range res.Doc.Pages {
		lowest := 0.0
		for _, bx := range p.Boxes {
			switch x := bx.(type) {
			case *box.Image:
				lowest = max(lowest, x.Y+x.H)
			case *box.Text:
				if x.Y < fr.Top+fr.Height && x.Y > lowest {
					lowest = x.Y
				}
				if strings.Contains(x.Text, "幅图") {
					order = append(order, x.Text)
				}
			}
		}
		if pi < len(res.Doc.Pages)-1 {
			if empty := (fr.Top + fr.Height - lowest) / fr.Height; empty > 0.1 {
				t.Errorf("page %d is %.0f%% empty", pi+1, 100*empty)
			}
		}
	}
	if strings.Join(order, "|") != "图1　第一幅图|图2　第二幅图" && strings.Join(order, "|") != "第一幅图|第二幅图" {
		t.Errorf("captions in the order %q", order)
	}
}

// Table columns: short entries are never wrapped to make room for long
// ones ("信息技术部/门"), numbers are never broken, and a table too wide
// for the page is set in smaller type and reported.
func TestTableColumns(t *testing.T) {
	src := "| 部门 | 负责人 | 职责 |\n|---|---|---|\n| 信息技术部门 | 张三 | " + strings.Repeat("负责全会信息系统的规划、建设、运行维护和网络安全管理，", 3) + " |\n"
	res := lay(t, src, Options{})
	text := strings.Join(pageText(res), "")
	if !strings.Contains(text, "信息技术部门") || !strings.Contains(text, "负责人") {
		t.Errorf("short cells were wrapped:\n%s", text)
	}
	wide := "| " + strings.Repeat("编号 | ", 12) + "\n|" + strings.Repeat("---|", 12) + "\n| " + strings.Repeat("12,345,678.90 | ", 12) + "\n"
	doc, ws := mdtree.Parse([]byte(wide), mdtree.Options{File: "wide.md"})
	_ = ws
	res2, err := Layout([]Part{{Body: doc.Body, File: "wide.md"}}, Options{Fonts: fontstest.System(t)})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, w := range res2.Warnings {
		if strings.Contains(w.Message, "too wide") && w.File == "wide.md" && w.Line == 1 {
			found = true
		}
	}
	if !found {
		t.Errorf("a table of 12 wide numeric columns: no warning (%v)", res2.Warnings)
	}
	sizes := map[float64]bool{}
	for _, p := range res2.Doc.Pages {
		for _, b := range p.Boxes {
			if x, ok := b.(*box.Text); ok && strings.Contains(x.Text, "编号") {
				sizes[x.Size] = true
			}
		}
	}
	for s := range sizes {
		if s > 10.5*0.9*0.7+0.01 {
			t.Errorf("the too-wide table is set at %.2f pt, want the smallest table size", s)
		}
	}
}
