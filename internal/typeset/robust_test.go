package typeset

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/testenv"
	"github.com/zzia/press/internal/testpdf"
	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/pdf"
	"github.com/zzia/press/internal/typeset/sampledoc"
)

// warningsAbout returns the warnings whose message contains s.
func warningsAbout(l diag.List, s string) diag.List {
	var out diag.List
	for _, d := range l {
		if strings.Contains(d.Message, s) {
			out = append(out, d)
		}
	}
	return out
}

// Characters beyond the BMP never stop the typesetter: drawn from a face
// that has them (Extension B in Noto Serif CJK), or as a placeholder with
// one warning per character naming the file and line.
func TestCharactersBeyondTheBMP(t *testing.T) {
	src := "# 标题\n\n吉野家的“𠮷”与𪚥字，biáng 字𰻞，笑脸😀。\n\n第二段再用一次🫨和🫨。\n"
	out, warnings, err := Render([]byte(src), "notes/rare.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := testpdf.Run(t, out, "pdftotext")
	for _, want := range []string{"𠮷", "𰻞"} {
		if !strings.Contains(text, want) {
			t.Errorf("%s is not in the PDF's text:\n%s", want, text)
		}
		if ws := warningsAbout(warnings, want); len(ws) > 0 {
			t.Errorf("%s is in the main face, yet warned: %v", want, ws)
		}
	}
	ws := warningsAbout(warnings, "U+1FAE8")
	if len(ws) != 1 || ws[0].File != "notes/rare.md" || ws[0].Line != 5 || !strings.Contains(ws[0].Message, "none of the fonts") {
		t.Errorf("🫨 (in no face): want one warning at notes/rare.md:5, got %v (all: %v)", ws, warnings)
	}
	// 𪚥 (Extension B) is not in Noto Serif CJK SC: it is drawn from the
	// rare face, with one warning saying so.
	if ws := warningsAbout(warnings, "U+2A6A5"); len(ws) != 1 || ws[0].Line != 3 || !strings.Contains(ws[0].Message, "drawn in") {
		t.Errorf("𪚥: want one fallback warning at line 3, got %v", ws)
	}
	if !strings.Contains(text, "𪚥") {
		t.Errorf("𪚥 is not in the PDF's text:\n%s", text)
	}
	if !strings.Contains(text, "〓") {
		t.Errorf("no placeholder for 🫨 in the text:\n%s", text)
	}
	// The emoji in the Symbol face is a fallback: one warning naming it.
	if ws := warningsAbout(warnings, "U+1F600"); len(ws) != 1 || !strings.Contains(ws[0].Message, "drawn in") || ws[0].Line != 3 {
		t.Errorf("😀: want one fallback warning at line 3, got %v", ws)
	}
}

func TestBinaryAndInvalidText(t *testing.T) {
	_, _, err := Render([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), "cover.md", Options{})
	var l diag.List
	if !errors.As(err, &l) || len(l) != 1 || l[0].File != "cover.md" || !strings.Contains(l[0].Message, "binary") {
		t.Errorf("a binary file: got %v", err)
	}
	// A stray byte that is not UTF-8: an error at its line and column.
	_, _, err = Render([]byte("第一行\n\n第二行\xff\xfe文字\n"), "latin1.md", Options{})
	if !errors.As(err, &l) || len(l) != 1 || l[0].Line != 3 || l[0].Column != 4 || !strings.Contains(l[0].Message, "UTF-8") {
		t.Errorf("invalid UTF-8: got %v", err)
	}
	// A whole file saved as GBK by Notepad: named as GBK, in the editor's
	// language, with how to save it as UTF-8.
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("# 会刊\n\n正文。\n")
	_, _, err = Render([]byte(gbk), "gbk.md", Options{Style: layout.Style{Lang: msg.Zh}})
	if !errors.As(err, &l) || len(l) != 1 || l[0].Line != 1 || l[0].Column != 3 || !strings.Contains(l[0].Message, "GBK") || !strings.Contains(l[0].Hint, "另存为") {
		t.Errorf("a GBK file: got %v", err)
	}
}

// TestWarningsInChinese: the typesetter's warnings are in the language it
// is given, from the one message catalogue.
func TestWarningsInChinese(t *testing.T) {
	_, warnings, err := Render([]byte("正文，见图片：![图](missing.png)\n\n<div>x</div>\n"), "zh.md", Options{Style: layout.Style{Lang: msg.Zh}})
	if err != nil {
		t.Fatal(err)
	}
	var text []string
	for _, w := range warnings {
		text = append(text, w.Message+"；"+w.Hint)
	}
	got := strings.Join(text, "\n")
	for _, want := range []string{"找不到图片 \"missing.png\"", "PDF 中略去了 HTML 块"} {
		if !strings.Contains(got, want) {
			t.Errorf("warnings lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "not found") || strings.Contains(got, "skipped") {
		t.Errorf("English in the Chinese warnings:\n%s", got)
	}
}

func TestEmptyDocumentAndUndefinedFootnotes(t *testing.T) {
	out, warnings, err := Render([]byte("\n\n"), "empty.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ws := warningsAbout(warnings, "empty"); len(ws) != 1 || ws[0].File != "empty.md" {
		t.Errorf("an empty document: got %v", warnings)
	}
	if !bytes.Contains(out, []byte("/Count 1 ")) {
		t.Error("an empty document does not give one page")
	}
	_, warnings, err = Render([]byte("正文。\n\n引用一个不存在的脚注[^nope]，和一个存在的[^1]。\n\n[^1]: 存在。\n"), "notes.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if ws := warningsAbout(warnings, "[^nope]"); len(ws) != 1 || ws[0].Line != 3 {
		t.Errorf("an undefined footnote: got %v", warnings)
	}
	if ws := warningsAbout(warnings, "[^1]"); len(ws) != 0 {
		t.Errorf("a defined footnote warned: %v", ws)
	}
}

// adam7 encodes an 8-bit RGB image as an interlaced PNG, which Go's
// encoder does not write.
func adam7(img *image.NRGBA) []byte {
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&out, binary.BigEndian, uint32(len(data)))
		c := crc32.NewIEEE()
		c.Write([]byte(typ))
		c.Write(data)
		out.WriteString(typ)
		out.Write(data)
		binary.Write(&out, binary.BigEndian, c.Sum32())
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr, uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9], ihdr[12] = 8, 2, 1 // 8-bit, RGB, Adam7
	chunk("IHDR", ihdr)
	passes := [][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	var raw bytes.Buffer
	for _, p := range passes {
		for y := p[1]; y < h; y += p[3] {
			var row []byte
			for x := p[0]; x < w; x += p[2] {
				c := img.NRGBAAt(x, y)
				row = append(row, c.R, c.G, c.B)
			}
			if len(row) > 0 {
				raw.WriteByte(0)
				raw.Write(row)
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	return out.Bytes()
}

// Every PNG Go reads is embedded (interlaced, 16-bit, with alpha kept as a
// soft mask); missing, remote, damaged and non-regular images are warnings
// naming the line, and the alt text is printed instead.
func TestImagesOfEveryKind(t *testing.T) {
	dir := t.TempDir()
	rgb := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	deep := image.NewNRGBA64(image.Rect(0, 0, 40, 30))
	alpha := image.NewNRGBA(image.Rect(0, 0, 40, 30))
	for y := 0; y < 30; y++ {
		for x := 0; x < 40; x++ {
			rgb.Set(x, y, color.NRGBA{uint8(6 * x), uint8(8 * y), 90, 255})
			deep.Set(x, y, color.NRGBA64{uint16(1600 * x), 300, uint16(2000 * y), 0xffff})
			alpha.Set(x, y, color.NRGBA{200, 30, 30, uint8(8 * x)})
		}
	}
	os.WriteFile(filepath.Join(dir, "interlaced.png"), adam7(rgb), 0o644)
	writePNG(t, dir, "deep.png", deep)
	writePNG(t, dir, "alpha.png", alpha)
	var damaged bytes.Buffer
	png.Encode(&damaged, rgb)
	bad := damaged.Bytes()
	bad[len(bad)-20] ^= 0xff
	os.WriteFile(filepath.Join(dir, "damaged.png"), bad, 0o644)
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.png")); err != nil {
		t.Fatal(err)
	}
	src := "# 图片\n\n![隔行](interlaced.png)\n\n![十六位](deep.png)\n\n![透明](alpha.png)\n\n![缺失](missing.png)\n\n" +
		"![远程](https://example.com/a.png)\n\n![损坏](damaged.png)\n\n![零](zero.png)\n\n![设备](/dev/zero)\n"
	out, warnings, err := Render([]byte(src), filepath.Join(dir, "images.md"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for line, what := range map[int]string{9: "not found", 11: "remote", 13: "damaged", 15: "not a regular file", 17: "not a regular file"} {
		found := false
		for _, w := range warnings {
			if w.Line == line && strings.Contains(w.Message, what) {
				found = true
			}
		}
		if !found {
			t.Errorf("line %d: no warning %q in %v", line, what, warnings)
		}
	}
	if len(warnings) != 5 {
		t.Errorf("%d warnings, want 5: %v", len(warnings), warnings)
	}
	list := testpdf.Run(t, out, "pdfimages", "-list")
	kinds := map[string]int{}
	for _, l := range strings.Split(list, "\n") {
		if f := strings.Fields(l); len(f) > 2 {
			kinds[f[2]]++
		}
	}
	if kinds["image"] != 3 || kinds["smask"] != 1 {
		t.Errorf("%d images and %d soft masks, want the 3 readable images and the alpha PNG's mask:\n%s", kinds["image"], kinds["smask"], list)
	}
	text := testpdf.Run(t, out, "pdftotext")
	for _, alt := range []string{"缺失", "远程", "损坏", "零", "设备"} {
		if !strings.Contains(text, alt) {
			t.Errorf("the alt text %q is not printed", alt)
		}
	}
}

// A code line of 300 columns wraps with a continuation mark; nothing is
// drawn outside the text block. A long URL breaks after a slash or dot and
// leaves no line loosely spread.
func TestLongCodeAndURLsStayInTheTextBlock(t *testing.T) {
	long := strings.Repeat("abcdefghij", 30)
	url := "https://www.example.com/zzia/publications/2026/journal/issue-1/articles/data-security-compliance-guide.html?from=press&lang=zh"
	src := "# 代码\n\n```\n" + long + "\nshort();\n```\n\n参考资料见" + url + "，以及其他网站上的说明文字。\n\n`" + strings.Repeat("very_long_identifier.", 8) + "`是行内代码。\n"
	laid, _, err := Layout([]Source{{Src: []byte(src), Filename: "code.md"}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	fr := laid.Frame
	marks := 0
	for _, p := range laid.Doc.Pages {
		for _, b := range p.Boxes {
			tx, ok := b.(*box.Text)
			if !ok {
				continue
			}
			if tx.Y > fr.Top+fr.Height || tx.Y < fr.Top {
				continue // the running head and foot
			}
			if tx.X < fr.Left-0.01 || tx.X+tx.Width() > fr.Left+fr.Width+0.01 {
				t.Errorf("%q drawn from %.1f to %.1f, outside the text block %.1f–%.1f", tx.Text, tx.X, tx.X+tx.Width(), fr.Left, fr.Left+fr.Width)
			}
			if tx.Text == continuation {
				marks++
			}
		}
	}
	if marks < 3 {
		t.Errorf("%d continuation marks for a 300-column line, want at least 3", marks)
	}
	// The lines holding the URL: each but the last ends after / . - or
	// another mark of the URL, and none is spread.
	var lines []string
	for _, p := range laid.Doc.Pages {
		var cur strings.Builder
		y := -1.0
		for _, b := range p.Boxes {
			tx, ok := b.(*box.Text)
			if !ok || tx.Y < fr.Top || tx.Y > fr.Top+fr.Height {
				continue
			}
			if tx.Y != y && cur.Len() > 0 {
				lines = append(lines, cur.String())
				cur.Reset()
			}
			y = tx.Y
			cur.WriteString(tx.Text)
			if tx.CharSpacing > 0.05*tx.Size && testing.Verbose() {
				t.Logf("line so far %q", cur.String())
			}
			if tx.CharSpacing > 0.05*tx.Size {
				t.Errorf("%q is spread by %.2f em per character", tx.Text, tx.CharSpacing/tx.Size)
			}
		}
		lines = append(lines, cur.String())
	}
	joined := strings.Join(lines, "")
	if !strings.Contains(joined, url) {
		t.Errorf("the URL is not whole in the lines %q", lines)
	}
	for _, l := range lines {
		if i := strings.Index(l, "https://"); i >= 0 || strings.Contains(l, "zh，") {
			if strings.Contains(l, "zh，") {
				continue
			}
			last := l[len(l)-1]
			if !strings.ContainsRune("/.-_?&=", rune(last)) {
				t.Errorf("the URL breaks after %q: %q", last, l)
			}
		}
	}
}

const continuation = "↩"

// With a table of contents and a custom footer, every page prints its own
// number: the contents I, II…, the body 1 to N of N; the PDF's page labels
// say the same.
func TestFootersWithContents(t *testing.T) {
	src := sampledoc.Generate(sampledoc.Options{Seed: 3, Sections: 5})
	out, _, err := Render(src, "x.md", Options{TOC: true, Footer: "第{page}页/共{pages}页"})
	if err != nil {
		t.Fatal(err)
	}
	info := testpdf.Run(t, out, "pdfinfo")
	var pages int
	for _, l := range strings.Split(info, "\n") {
		if strings.HasPrefix(l, "Pages:") {
			pages, _ = strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(l, "Pages:")))
		}
	}
	body := 0
	for i := 1; i <= pages; i++ {
		page := testpdf.Run(t, out, "pdftotext", "-f", strconv.Itoa(i), "-l", strconv.Itoa(i))
		lines := strings.Split(strings.TrimSpace(page), "\n")
		foot := strings.Join(strings.Fields(lines[len(lines)-1]), "")
		switch {
		case strings.HasPrefix(foot, "第"):
			body++
			if want := fmt.Sprintf("第%d页/共", body); !strings.HasPrefix(foot, want) {
				t.Errorf("page %d: foot %q, want %s…", i, foot, want)
			}
		case foot == "I" || foot == "II":
		default:
			t.Errorf("page %d: foot %q", i, foot)
		}
	}
	if !strings.Contains(testpdf.Run(t, out, "pdftotext", "-f", strconv.Itoa(pages), "-l", strconv.Itoa(pages)), fmt.Sprintf("共 %d 页", body)) {
		t.Errorf("the last page does not say %d body pages", body)
	}
	// Page labels: /S /R for the contents, then decimal from 1.
	if !bytes.Contains(out, []byte("/PageLabels")) || !bytes.Contains(out, []byte("<< /S /R /St 1 >>")) || !bytes.Contains(out, []byte("<< /S /D /St 1 >>")) {
		t.Error("page labels do not follow the folios")
	}
}

// Figures and tables labelled {#fig:x} and {#tab:x} are numbered, and @fig:x
// and @tab:x in the text print their numbers, linked to them, before or
// after them; a reference to no label is a warning.
func TestCrossReferences(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, dir, "a.png", image.NewNRGBA(image.Rect(0, 0, 300, 200)))
	src := "# 文档\n\n如@fig:flow所示，数据见@tab:cost。\n\n![流程](a.png \"工作流程 {#fig:flow}\")\n\n![其他](a.png \"另一幅图\")\n\n表：费用 {#tab:cost}\n\n| 项目 | 金额 |\n|---|---|\n| 会费 | 100 |\n\n再看@fig:flow和@fig:none。\n"
	laid, warnings, err := Layout([]Source{{Src: []byte(src), Filename: filepath.Join(dir, "refs.md")}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	out, err := pdf.Write(laid.Doc, pdf.Info{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(testpdf.Run(t, out, "pdftotext")), "")
	for _, want := range []string{"如图1所示，数据见表1。", "图1工作流程", "图2另一幅图", "表1费用", "再看图1和@fig:none。"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not in the text:\n%s", want, text)
		}
	}
	if ws := warningsAbout(warnings, "@fig:none"); len(ws) != 1 || ws[0].Line != 15 {
		t.Errorf("reference to no label: %v", warnings)
	}
	anchors, links := linkTargets(laid.Doc)
	n := 0
	for _, l := range links {
		if strings.Contains(l, "fig:flow") || strings.Contains(l, "tab:cost") {
			n++
			if !anchors[l] {
				t.Errorf("link to %q, which is no anchor", l)
			}
		}
	}
	if n != 3 {
		t.Errorf("%d reference links, want 3 (%v)", n, links)
	}
}

// The PDF is tagged: headings, paragraphs, lists, tables with header
// cells, figures with their alternative text, footnotes; page furniture
// is an artifact.
func TestTaggedStructure(t *testing.T) {
	dir := t.TempDir()
	writePNG(t, dir, "a.png", image.NewNRGBA(image.Rect(0, 0, 60, 40)))
	src := "# 标题\n\n## 第一节\n\n正文段落[^1]，见[协会官网](https://www.zzia.org.cn/)。\n\n## 第二节\n\n- 列表一\n- 列表二\n\n![流程示意](a.png \"流程图\")\n\n表：费用\n\n| 项目 | 金额 |\n|---|---|\n| [会费](https://www.zzia.org.cn/fee) | 100 |\n\n[^1]: 脚注文字。\n"
	out, _, err := Render([]byte(src), filepath.Join(dir, "t.md"), Options{Header: "页眉文字", TOC: true})
	if err != nil {
		t.Fatal(err)
	}
	if info := testpdf.Run(t, out, "pdfinfo"); !strings.Contains(info, "Tagged:          yes") {
		t.Errorf("not tagged:\n%s", info)
	}
	tree := testpdf.Run(t, out, "pdfinfo", "-struct-text")
	for _, want := range []string{"Document", "H1", "\"标题\"", "H2", "P (block)", "\"正文段落", "L (block)", "LI", "Lbl", "Figure", "Caption", "Table", "TR", "TH", "\"项目\"", "TD", "\"100\"", "Note"} {
		if !strings.Contains(tree, want) {
			t.Errorf("the structure lacks %s:\n%s", want, tree)
		}
	}
	// Links: the text and the annotation (an object reference) in one
	// Link element; the entries of the contents too.
	for _, want := range []string{`Link \(inline\)\s+"协会官网"\s+Object \d+ 0`, `TOC\s+Caption\s+"目　录"`,
		`TOCI\s+Reference \(inline\)\s+Link \(inline\)\s+"第一节1"\s+Object \d+ 0`,
		`TD\s+Link \(inline\)\s+"会费"\s+Object \d+ 0`} {
		if !regexp.MustCompile(want).MatchString(tree) {
			t.Errorf("the structure lacks %s:\n%s", want, tree)
		}
	}
	if strings.Contains(tree, "页眉文字") {
		t.Error("the running head is in the structure, not an artifact")
	}
	if !bytes.Contains(out, []byte("/Alt <FEFF")) {
		t.Error("the figure has no alternative text")
	}
	// Every link annotation has its place in the structure.
	if n, m := bytes.Count(out, []byte("/Subtype /Link")), bytes.Count(out, []byte("/StructParent ")); n == 0 || n != m {
		t.Errorf("%d link annotations, %d with a StructParent", n, m)
	}
}

// An opaque, non-interlaced 8-bit PNG (RGB, grey or a palette) is embedded
// with its own compressed data and the PNG predictors, not decoded and
// compressed again, and shows the same colours; in the CMYK edition it is
// converted.
func TestPNGPassThrough(t *testing.T) {
	dir := t.TempDir()
	rgb := image.NewNRGBA(image.Rect(0, 0, 60, 40))
	pal := image.NewPaletted(image.Rect(0, 0, 60, 40), color.Palette{color.RGBA{0x20, 0x60, 0xc0, 0xff}, color.RGBA{0xe0, 0x40, 0x10, 0xff}})
	for y := 0; y < 40; y++ {
		for x := 0; x < 60; x++ {
			rgb.Set(x, y, color.NRGBA{0x10, 0xa0, 0x30, 0xff})
			pal.SetColorIndex(x, y, 1)
		}
	}
	writePNG(t, dir, "rgb.png", rgb)
	writePNG(t, dir, "pal.png", pal)
	for name, want := range map[string]color.RGBA{"rgb.png": {0x10, 0xa0, 0x30, 0xff}, "pal.png": {0xe0, 0x40, 0x10, 0xff}} {
		out, _, err := Render([]byte("![图]("+name+")\n"), filepath.Join(dir, "p.md"), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(out, []byte("/Predictor 15")) {
			t.Errorf("%s: decoded and compressed again, not embedded as it is", name)
		}
		p := filepath.Join(dir, "p.pdf")
		os.WriteFile(p, out, 0o644)
		// The page at 10 dpi: the image's middle is its colour.
		png1 := filepath.Join(dir, "page")
		if b, err := exec.Command("pdftoppm", "-r", "20", "-png", "-singlefile", p, png1).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, b)
		}
		f, err := os.Open(png1 + ".png")
		if err != nil {
			t.Fatal(err)
		}
		page, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		found := false
		bd := page.Bounds()
		for y := bd.Min.Y; y < bd.Max.Y && !found; y++ {
			for x := bd.Min.X; x < bd.Max.X; x++ {
				r, g, b, _ := page.At(x, y).RGBA()
				if near(r>>8, want.R) && near(g>>8, want.G) && near(b>>8, want.B) {
					found = true
					break
				}
			}
		}
		if !found {
			t.Errorf("%s: no pixel of the page has the image's colour %v", name, want)
		}
		cmyk, _, err := Layout([]Source{{Src: []byte("![图](" + name + ")\n"), Filename: filepath.Join(dir, "p.md")}}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		pr, err := pdf.Write(cmyk.Doc, pdf.Info{CMYK: true})
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(pr, []byte("/Predictor 15")) || !bytes.Contains(pr, []byte("/DeviceCMYK")) {
			t.Errorf("%s: the CMYK edition does not convert the image", name)
		}
	}
}

func near(a uint32, b uint8) bool { return a+6 >= uint32(b) && a <= uint32(b)+6 }

// What editors paste from phones and chat: emoji with skin tones, emoji
// joined into one (a family, a technologist), a heart with its emoji
// selector, a flag, and a name written with an ideographic variation
// selector. Each prints by its characters, never as 〓, and the invisible
// parts of the sequences (selectors, joiners, skin tones) are neither
// drawn nor warned about.
func TestEmojiSequencesAndVariationSelectors(t *testing.T) {
	set, err := fonts.Discover(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range []fonts.Role{fonts.Rare, fonts.Emoji} {
		if set.Face(r) == nil {
			testenv.Missing(t, "the "+r.String()+" font (make deps installs the packages of scripts/debian-packages.txt)")
		}
	}
	src := "# 会员风采\n\n点赞👍🏽，爱心❤️，全家福👨\u200d👩\u200d👧，程序员🧑\u200d💻，国旗🇨🇳。\n\n会员葛\U000E0100先生。\n"
	out, warnings, err := Render([]byte(src), "news/emoji.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	text := testpdf.Run(t, out, "pdftotext")
	if strings.Contains(text, "〓") {
		t.Errorf("a placeholder in the text:\n%s", text)
	}
	for _, want := range []string{"👍", "❤", "👨", "👩", "👧", "🧑", "💻", "会员葛先生"} {
		if !strings.Contains(text, want) {
			t.Errorf("%s is not in the PDF's text:\n%s", want, text)
		}
	}
	for _, silent := range []string{"U+FE0F", "U+200D", "U+1F3FD", "U+E0100"} {
		if ws := warningsAbout(warnings, silent); len(ws) > 0 {
			t.Errorf("%s is part of a sequence, yet warned: %v", silent, ws)
		}
	}
	for _, w := range warnings {
		if strings.Contains(w.Message, "none of the fonts") {
			t.Errorf("a character in no face: %v", w)
		}
	}
}
