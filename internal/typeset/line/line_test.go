package line

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/clreq"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/fonts/fontstest"
)

const size = 10.0 // one em, in points

func text(s string) []Item {
	return []Item{{Text: s, Size: size}}
}

// glyphAt is a character as a reader sees it on the line: where its ink
// box starts and how far it advances.
type glyphAt struct {
	r    rune
	x, w float64
}

func glyphs(ln Line) []glyphAt {
	var out []glyphAt
	for _, r := range ln.Runs {
		xs := r.Advances()
		i := 0
		for _, c := range r.Text {
			out = append(out, glyphAt{c, xs[i], float64(r.Face.Advance(c)) * r.Size / 1000})
			i++
		}
	}
	return out
}

func first(ln Line) rune { r, _ := utf8.DecodeRuneInString(ln.Text); return r }
func last(ln Line) rune  { r, _ := utf8.DecodeLastRuneInString(ln.Text); return r }

// A paragraph dense with the marks clreq restricts.
const dense = "他说：“我们（郑州市信息化促进会）今年完成了《数字郑州》的编写——共计45篇……！”" +
	"她问：“为什么？”大家答道：「因为『信息化』是引擎。」【注】〔甲〕〖乙〗｛丙｝［丁］" +
	"价格为¥30，增长45%，约120℃。Go语言、Rust和C++都是好语言；张三·李四说：好～" +
	"我们访问了https://www.zzia.org.cn/a/b/c.html，获取《年度报告》全文。"

func TestNoLineStartsOrEndsWithAProhibitedMark(t *testing.T) {
	set := fontstest.System(t)
	for w := 6.0; w <= 30; w += 0.25 {
		lines := Break(text(dense+dense), set, Params{Width: w * size, Justify: true, Indent: 2 * size})
		for i, ln := range lines {
			if i > 0 && clreq.IsNoStart(first(ln)) {
				t.Errorf("width %.2f em: line %d starts with %q: %q", w, i+1, first(ln), ln.Text)
			}
			if i < len(lines)-1 && clreq.IsNoEnd(last(ln)) {
				t.Errorf("width %.2f em: line %d ends with %q: %q", w, i+1, last(ln), ln.Text)
			}
			if i < len(lines)-1 {
				next := lines[i+1]
				if clreq.IsInseparable(last(ln), first(next)) {
					t.Errorf("width %.2f em: %q split between lines %d and %d", w, string(last(ln))+string(first(next)), i+1, i+2)
				}
				if clreq.IsDigit(last(ln)) && (first(next) == '%' || clreq.IsHan(first(next))) {
					t.Errorf("width %.2f em: number split from its unit: %q / %q", w, ln.Text, next.Text)
				}
				if last(ln) == '¥' {
					t.Errorf("width %.2f em: currency sign left at line end: %q", w, ln.Text)
				}
			}
		}
	}
}

func TestLinesStayInsideTheMeasure(t *testing.T) {
	set := fontstest.System(t)
	long := dense + "Supercalifragilisticexpialidocious_and_a_very_long_identifier_with_no_break " + dense
	for w := 4.0; w <= 30; w += 0.5 {
		width := w * size
		for _, p := range []Params{{Width: width, Justify: true}, {Width: width, Code: true}} {
			for i, ln := range Break(text(long), set, p) {
				gs := glyphs(ln)
				if len(gs) == 0 {
					continue
				}
				end := gs[len(gs)-1]
				right := end.x + end.w
				if clreq.IsClosing(end.r) && !p.Code {
					right -= end.w / 2 // the blank half of a line-end mark
				}
				left := gs[0].x
				if clreq.IsOpening(gs[0].r) && !p.Code {
					left += gs[0].w / 2 // the blank half of a line-start mark
				}
				if right > width+0.01 || left < -0.01 {
					t.Errorf("width %.1f em (code %v): line %d runs from %.2f to %.2f pt: %q", w, p.Code, i+1, gs[0].x, right, ln.Text)
				}
			}
		}
	}
}

func TestJustifiedLinesFillTheMeasure(t *testing.T) {
	set := fontstest.System(t)
	width := 17.3 * size // not a whole number of ems: every line needs spreading
	lines := Break(text(dense), set, Params{Width: width, Justify: true, Indent: 2 * size})
	if len(lines) < 4 {
		t.Fatalf("only %d lines", len(lines))
	}
	for i, ln := range lines[:len(lines)-1] {
		gs := glyphs(ln)
		end := gs[len(gs)-1]
		right := end.x + end.w
		if clreq.IsClosing(end.r) {
			right -= end.w / 2
		}
		if math.Abs(right-width) > 0.02 {
			t.Errorf("line %d ends at %.3f pt, want the measure %.3f: %q", i+1, right, width, ln.Text)
		}
	}
	lastLine := lines[len(lines)-1]
	if lastLine.Width >= width-size {
		t.Errorf("the last line is spread to %.1f of %.1f pt: %q", lastLine.Width, width, lastLine.Text)
	}
	if gs := glyphs(lines[0]); math.Abs(gs[0].x-2*size) > 0.01 {
		t.Errorf("first-line indent %.2f pt, want 2 em (%.0f pt)", gs[0].x, 2*size)
	}
	if gs := glyphs(lines[1]); math.Abs(gs[0].x) > 0.01 && !clreq.IsOpening(gs[0].r) {
		t.Errorf("second line starts at %.2f pt, want the margin", gs[0].x)
	}
}

func TestEvenSpreadOnAWholeEmMeasure(t *testing.T) {
	set := fontstest.System(t)
	// On a measure of whole ems, a line of Han characters needs no spreading:
	// every character sits on the em grid.
	han := strings.Repeat("郑州市信息化促进会", 8)
	for _, ln := range Break(text(han), set, Params{Width: 20 * size, Justify: true}) {
		for k, g := range glyphs(ln) {
			if math.Abs(g.x-float64(k)*size) > 0.001 {
				t.Fatalf("character %d of %q at %.3f pt, want %.1f", k, ln.Text, g.x, float64(k)*size)
			}
		}
	}
}

func TestPunctuationCompression(t *testing.T) {
	set := fontstest.System(t)
	// Two adjacent full-width marks take 1.5 em: from the first mark's em
	// box to the character after the pair.
	cases := []struct {
		text string
		a, b rune
	}{
		{"他说：“好。”然后走了", '。', '”'},
		{"见《报告》（附件）全文", '》', '（'},
		{"问题（一）、二是", '）', '、'},
		{"他说：“「好」”就走", '“', '「'},
	}
	for _, c := range cases {
		lines := Break(text(c.text), set, Params{Width: 40 * size})
		gs := glyphs(lines[0])
		found := false
		for i := 0; i+2 < len(gs); i++ {
			if gs[i].r == c.a && gs[i+1].r == c.b {
				found = true
				if span := gs[i+2].x - gs[i].x; math.Abs(span-1.5*size) > 0.01 {
					t.Errorf("%q: %q%q takes %.2f em, want 1.5", c.text, c.a, c.b, span/size)
				}
			}
		}
		if !found {
			t.Errorf("%q: pair %q%q not found in %q", c.text, c.a, c.b, lines[0].Text)
		}
	}
	// A single mark between Han characters keeps its full em.
	gs := glyphs(Break(text("郑州，信息"), set, Params{Width: 40 * size})[0])
	if d := gs[3].x - gs[2].x; math.Abs(d-size) > 0.01 {
		t.Errorf("a lone comma takes %.2f em, want 1", d/size)
	}
}

func TestHanLatinQuarterEm(t *testing.T) {
	set := fontstest.System(t)
	for _, s := range []string{"使用Go语言编程", "使用 Go 语言编程", "使用  Go\t语言编程"} {
		gs := glyphs(Break(text(s), set, Params{Width: 40 * size})[0])
		// 使 用 G o 语: the gap after 用 and after o.
		yong, g := gs[1], gs[2]
		o, yu := gs[3], gs[4]
		if d := g.x - (yong.x + yong.w); math.Abs(d-size/4) > 0.01 {
			t.Errorf("%q: Han→Latin gap %.3f em, want 0.25", s, d/size)
		}
		if d := yu.x - (o.x + o.w); math.Abs(d-size/4) > 0.01 {
			t.Errorf("%q: Latin→Han gap %.3f em, want 0.25", s, d/size)
		}
	}
	// No space beside punctuation, none at the line's edges.
	gs := glyphs(Break(text("他说，Go很好。"), set, Params{Width: 40 * size})[0])
	if d := gs[3].x - (gs[2].x + gs[2].w); math.Abs(d) > 0.01 {
		t.Errorf("space between ， and G: %.3f em, want none", d/size)
	}
	lines := Break(text("郑州市信息化Go促进会"), set, Params{Width: 6 * size, Justify: true})
	if lines[1].Text[0] != 'G' || glyphs(lines[1])[0].x != 0 {
		t.Errorf("Latin at line start: %q at %.2f", lines[1].Text, glyphs(lines[1])[0].x)
	}
	// A digit counts as Latin.
	gs = glyphs(Break(text("共45次"), set, Params{Width: 40 * size})[0])
	if d := gs[1].x - (gs[0].x + gs[0].w); math.Abs(d-size/4) > 0.01 {
		t.Errorf("Han→digit gap %.3f em, want 0.25", d/size)
	}
}

func TestLastLineHoldsTwoCharacters(t *testing.T) {
	set := fontstest.System(t)
	// 21 characters on a 10-em measure would leave one alone.
	s := strings.Repeat("信息化促进会郑州市", 3)[:len("信")*21] + "。"
	lines := Break(text(s), set, Params{Width: 10 * size, Justify: true})
	lastLine := lines[len(lines)-1]
	if n := chars(nil) + countHan(lastLine.Text); n < 2 {
		t.Errorf("last line %q holds %d character(s)", lastLine.Text, n)
	}
	// And the line before it is still justified to the measure.
	prev := lines[len(lines)-2]
	gs := glyphs(prev)
	if end := gs[len(gs)-1]; math.Abs(end.x+end.w-10*size) > 0.02 {
		t.Errorf("line before the last ends at %.2f pt, want 100", end.x+end.w)
	}
}

func countHan(s string) int {
	n := 0
	for _, r := range s {
		if clreq.IsHan(r) {
			n++
		}
	}
	return n
}

func TestLatinBreaksOnlyBetweenWordsAndAtHyphens(t *testing.T) {
	set := fontstest.System(t)
	src := "The quick brown fox jumps over the lazy dog; state-of-the-art typesetting needs well-chosen breaks."
	words := map[string]bool{}
	for _, w := range strings.Fields(src) {
		words[w] = true
		for _, part := range strings.SplitAfter(w, "-") {
			words[part] = true
		}
	}
	for w := 8.0; w < 40; w += 1 {
		for _, ln := range Break(text(src), set, Params{Width: w * size, Justify: true}) {
			f := strings.Fields(ln.Text)
			for _, word := range []string{f[0], f[len(f)-1]} {
				if !words[word] && !strings.HasPrefix(src, ln.Text) {
					// A line may begin or end inside a hyphenated word only at its hyphen.
					ok := false
					for full := range words {
						if strings.HasPrefix(full, word) && strings.HasSuffix(word, "-") || strings.HasSuffix(full, word) {
							ok = true
						}
					}
					if !ok {
						t.Errorf("width %.0f em: %q is not a whole word (line %q)", w, word, ln.Text)
					}
				}
			}
		}
	}
}

func TestLongURLBreaksAfterASlash(t *testing.T) {
	set := fontstest.System(t)
	url := "https://www.zzia.org.cn/reports/2024/annual/full-text/chapter-three/section-two.html"
	lines := Break(text("全文见"+url+"。"), set, Params{Width: 20 * size, Justify: true})
	if len(lines) < 2 {
		t.Fatalf("the URL did not wrap: %q", lines[0].Text)
	}
	slash := 0
	for _, ln := range lines[:len(lines)-1] {
		if l := last(ln); l == '/' {
			slash++
		}
		// No line is spread to make room for the URL's next piece.
		for _, r := range ln.Runs {
			if r.CharSpacing > 0.1*size {
				t.Errorf("line %q: %q spread by %.2f em per character", ln.Text, r.Text, r.CharSpacing/size)
			}
		}
	}
	if slash == 0 {
		t.Errorf("no line ends after a slash: %q", lines[0].Text)
	}
	var joined string
	for _, ln := range lines {
		joined += ln.Text
	}
	if !strings.Contains(joined, url) {
		t.Errorf("URL lost or altered: %q", joined)
	}
}

func TestFootnoteMarkStaysWithItsText(t *testing.T) {
	set := fontstest.System(t)
	items := []Item{
		{Text: "郑州市信息化促进会成立于二〇〇五年", Size: size},
		{Text: "12", Size: size * 0.6, Rise: 4, NoBreakBefore: true, Tag: 7},
		{Text: "，是本市信息化领域的社会组织。", Size: size},
	}
	for w := 5.0; w < 20; w++ {
		lines := Break(items, set, Params{Width: w * size, Justify: true})
		tagged := 0
		for i, ln := range lines {
			if strings.HasPrefix(ln.Text, "12") || strings.HasPrefix(ln.Text, "2") && i > 0 && strings.HasSuffix(lines[i-1].Text, "1") {
				t.Errorf("width %.0f: the footnote mark starts a line: %q", w, ln.Text)
			}
			for _, tag := range ln.Tags {
				if tag == 7 {
					tagged++
					if !strings.Contains(ln.Text, "12") {
						t.Errorf("tag on a line without the mark: %q", ln.Text)
					}
				}
			}
		}
		if tagged != 1 {
			t.Errorf("width %.0f: the mark's tag is reported %d times", w, tagged)
		}
	}
}

func TestCodeKeepsSpacesAndHardBreaks(t *testing.T) {
	set := fontstest.System(t)
	src := "func main() {\n    fmt.Println(\"你好\")\n\n}"
	lines := Break([]Item{{Text: src, Style: fonts.Style{Family: fonts.MonoFamily}, Size: size}}, set, Params{Width: 60 * size, Code: true})
	want := []string{"func main() {", "    fmt.Println(\"你好\")", "", "}"}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d", len(lines), len(want))
	}
	for i, ln := range lines {
		if ln.Text != want[i] {
			t.Errorf("line %d = %q, want %q", i+1, ln.Text, want[i])
		}
	}
}

func TestDashAndEllipsisAreDrawnWhole(t *testing.T) {
	set := fontstest.System(t)
	// Noto Serif CJK's dashes join: drawn as two glyphs, side by side.
	ln := Break(text("资讯——包括政策……等"), set, Params{Width: 40 * size})[0]
	var dash *box.Text
	for i := range ln.Runs {
		if strings.Contains(ln.Runs[i].Text, "——") {
			dash = &ln.Runs[i]
		}
	}
	if dash == nil || dash.Invisible || len(ln.Rects) != 0 || dash.CharSpacing != 0 {
		t.Fatalf("—— is not drawn as two joined glyphs: %+v, rules %v", dash, ln.Rects)
	}
	// A Song face whose dashes leave gaps (AR PL SungtiL): drawn as rules.
	gb, err := fonts.Load("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
	if err != nil {
		t.Fatalf("fonts-arphic-gbsn00lp: %v", err)
	}
	faces := map[fonts.Role]*fonts.Face{}
	for _, r := range set.Roles() {
		faces[r] = set.Face(r)
	}
	faces[fonts.Song] = gb
	arphic, err := fonts.NewSet(faces)
	if err != nil {
		t.Fatal(err)
	}
	ln = Break(text("资讯——包括政策……等"), arphic, Params{Width: 40 * size})[0]
	if len(ln.Rects) != 2 {
		t.Fatalf("—— drawn with %d rules, want one per half", len(ln.Rects))
	}
	a, b := ln.Rects[0], ln.Rects[1]
	if a.X+a.W < b.X || a.Y != b.Y {
		t.Errorf("the halves of —— do not join: %+v %+v", a, b)
	}
	if w := b.X + b.W - a.X; w < 1.8*size || w > 2*size {
		t.Errorf("—— is %.2f em long, want about 2", w/size)
	}
}

// Total fit: a paragraph whose first-fit lines would be spread is set with
// no line spread by more than 2.5 % of the font size, and full-width
// punctuation inside a line gives up its blank half before characters are
// spread.
func TestTotalFitKeepsLinesEven(t *testing.T) {
	set := fontstest.System(t)
	src := "促进会秘书处（办公室）全年编发《郑州信息化简报》24期，累计发布行业资讯——包括政策解读、技术动态和企业案例——共计600余篇……" +
		"这些工作得到了会员单位的广泛好评！我们还与Google、Microsoft等企业开展了AI技术交流，并于2024年举办了3场研讨会。"
	for _, w := range []float64{33, 36, 39, 43} {
		lines := Break(text(src), set, Params{Width: w * size, Justify: true, Indent: 2 * size})
		for _, ln := range lines[:len(lines)-1] {
			for _, r := range ln.Runs {
				if r.CharSpacing > 0.025*size+1e-9 {
					t.Errorf("measure %v em: line %q spread by %.1f%%", w, ln.Text, 100*r.CharSpacing/size)
				}
			}
			if math.Abs(ln.Width-w*size) > 0.01 && ln.Width-w*size > 0.01 {
				t.Errorf("measure %v em: line %q is %.2f em wide", w, ln.Text, ln.Width/size)
			}
		}
	}
}

// A Han–Latin space shrinks to ¼ em − 0.1 em at the least.
func TestHanLatinSpaceShrinksNoFurther(t *testing.T) {
	set := fontstest.System(t)
	for _, w := range []float64{20, 21, 22, 23} {
		for _, ln := range Break(text("在2024年，AI和IoT技术在Web3与5G领域的应用让很多企业在ERP和CRM上投入更多资源"), set, Params{Width: w * size, Justify: true}) {
			gs := glyphs(ln)
			for i := 1; i < len(gs); i++ {
				a, b := gs[i-1], gs[i]
				if clreq.IsHan(a.r) && clreq.IsLatin(b.r) || clreq.IsLatin(a.r) && clreq.IsHan(b.r) {
					if gap := b.x - (a.x + a.w); gap < 0.15*size-0.01 {
						t.Errorf("measure %v em: %c|%c gap %.3f em, below ¼ − 0.1 em", w, a.r, b.r, gap/size)
					}
				}
			}
		}
	}
}

// Titles break between words: after punctuation, at spaces, between Han
// and Latin or around function words, never inside 工业互联网 or 软件 when
// such a break is in reach (there is no dictionary: a title of 20 Han
// characters without one on a measure of 8 still breaks between two).
func TestTitlesBreakBetweenWords(t *testing.T) {
	set := fontstest.System(t)
	titles := []string{
		"推进工业互联网平台建设，助力中小企业数字化转型",
		"从软件定义到数据驱动：制造企业的转型之路",
		"郑州市工业互联网与智能制造发展报告（2026）",
	}
	for _, title := range titles {
		for w := 12.0; w <= 20; w++ {
			lines := Break([]Item{{Text: title, Size: size, Style: fonts.Style{Family: fonts.SansFamily}}}, set, Params{Width: w * size, Align: Center, Balance: true})
			for k := 0; k+1 < len(lines); k++ {
				joint := lines[k].Text + "|" + lines[k+1].Text
				for _, word := range []string{"工业互联网", "软件", "数字化", "中小企业"} {
					for cut := 1; cut < len([]rune(word)); cut++ {
						r := []rune(word)
						if strings.Contains(joint, string(r[:cut])+"|"+string(r[cut:])) {
							t.Errorf("width %v em: %q breaks inside %s", w, joint, word)
						}
					}
				}
			}
		}
	}
}

// With hanging punctuation, a full stop or comma that ends a line sits in
// the margin: the characters before it fill the measure, and the mark's
// em box starts at the measure's edge.
func TestHangingPunctuation(t *testing.T) {
	set := fontstest.System(t)
	width := 20 * size
	// Clauses of exactly a measure of characters and a comma: hung, every
	// line is a clause on the em grid with its comma in the margin;
	// without hanging, the comma cannot start a line and a character
	// goes down with it.
	src := strings.Repeat("郑州市信息化促进会成立于二零零五年是一家，", 5) + "全文完。"
	hung := Break(text(src), set, Params{Width: width, Justify: true, Hang: true})
	if len(hung) != 6 {
		t.Fatalf("%d lines, want 6: %q", len(hung), texts(hung))
	}
	for i, ln := range hung[:5] {
		gs := glyphs(ln)
		if len(gs) != 21 || gs[20].r != '，' {
			t.Fatalf("line %d is %q, want a clause and its comma", i+1, ln.Text)
		}
		for k, g := range gs[:20] {
			if math.Abs(g.x-float64(k)*size) > 0.01 {
				t.Errorf("line %d: character %d at %.2f pt, want %.1f (the em grid)", i+1, k, g.x, float64(k)*size)
			}
		}
		if math.Abs(gs[20].x-width) > 0.01 {
			t.Errorf("line %d: the comma starts at %.2f pt, want the measure's edge %.1f", i+1, gs[20].x, width)
		}
	}
	for i, ln := range Break(text(src), set, Params{Width: width, Justify: true}) {
		gs := glyphs(ln)
		if end := gs[len(gs)-1]; end.x+end.w/2 > width+0.01 {
			t.Errorf("without hanging, line %d runs into the margin: %q", i+1, ln.Text)
		}
	}
}

func texts(lines []Line) []string {
	var out []string
	for _, l := range lines {
		out = append(out, l.Text)
	}
	return out
}
