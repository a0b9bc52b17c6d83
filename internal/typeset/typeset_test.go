package typeset

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/testenv"
	"github.com/zzia/press/internal/testpdf"
	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/clreq"
	"github.com/zzia/press/internal/typeset/pdf"
	"github.com/zzia/press/internal/typeset/sampledoc"
)

const small = `# 郑州市信息化促进会简报

## 工作动态

促进会秘书处全年编发《郑州信息化简报》24期，累计发布行业资讯——包括政策解读、技术动态和企业案例——共计600余篇[^1]。

| 项目 | 数量 |
|---|---:|
| 会员单位 | 1,280 |

[^1]: 数据截至2024年12月31日。
`

func render(t testing.TB, src []byte, opts Options) []byte {
	t.Helper()
	out, _, err := Render(src, "test.md", opts)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRenderIsDeterministic(t *testing.T) {
	src := sampledoc.Generate(sampledoc.Options{Seed: 11, Sections: 6})
	opts := Options{TOC: true, Numbering: "chinese", Title: "白皮书", Author: "郑州市信息化促进会", Keywords: []string{"信息化", "郑州"}}
	a := render(t, src, opts)
	b := render(t, src, opts)
	if !bytes.Equal(a, b) {
		t.Fatal("two renders of the same input differ")
	}
	if bytes.Contains(a, []byte("/CreationDate")) || bytes.Contains(a, []byte("/ModDate")) {
		t.Error("a PDF with no CreationDate option carries a date")
	}
	opts.CreationDate = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)
	c := render(t, src, opts)
	if !bytes.Contains(c, []byte("/CreationDate (D:20240506070809Z)")) {
		t.Error("the CreationDate option is not written")
	}
}

func TestMetadata(t *testing.T) {
	testenv.Tool(t, "pdfinfo", "install poppler-utils (make deps)")
	out := render(t, []byte(small), Options{Author: "郑州市信息化促进会", Subject: "简报", Keywords: []string{"信息化", "简报"}, PageSize: "16K"})
	info := testpdf.Run(t, out, "pdfinfo")
	for _, want := range []string{"Title:           郑州市信息化促进会简报", "Author:          郑州市信息化促进会", "Subject:         简报", "Keywords:        信息化, 简报", "Page size:       524.41 x 737.01 pts"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	if !bytes.Contains(out, []byte("/Lang (zh-CN)")) {
		t.Error("no /Lang zh-CN")
	}
	fontsOut := testpdf.Run(t, out, "pdffonts")
	for _, line := range strings.Split(fontsOut, "\n")[2:] {
		if line != "" && !strings.Contains(line, "Identity-H       yes") {
			t.Errorf("a font not embedded: %s", line)
		}
	}
	// The Song font alone is 5 MB: only subsets make a small file.
	if len(out) > 300_000 {
		t.Errorf("a one-page PDF of %d bytes: fonts not subset", len(out))
	}
}

func han(s string) []rune {
	var out []rune
	for _, r := range s {
		if clreq.IsHan(r) {
			out = append(out, r)
		}
	}
	return out
}

// stripFootnotes removes footnote definitions (printed at the foot of the
// page, not where they are written) and the marks of the Markdown source.
func stripFootnotes(src string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(src, "\n") {
		if !strings.HasPrefix(line, "[^") {
			b.WriteString(line)
		}
	}
	return b.String()
}

func TestEveryHanCharacterComesBackInOrder(t *testing.T) {
	testenv.Tool(t, "pdftotext", "install poppler-utils (make deps)")
	src := string(sampledoc.Generate(sampledoc.Options{Seed: 13, Sections: 30}))
	out := render(t, []byte(src), Options{Header: "-"})
	text := testpdf.Run(t, out, "pdftotext", "-raw", "-enc", "UTF-8")
	got, want := han(text), han(src)
	// In order, the body: the source without footnote definitions is a
	// subsequence of the text (footnotes interleave at page feet).
	body := han(stripFootnotes(src))
	k := 0
	for _, r := range got {
		if k < len(body) && r == body[k] {
			k++
		}
	}
	if k != len(body) {
		t.Errorf("only the first %d of %d Han characters of the body came back in order; next expected %q near %q",
			k, len(body), body[k], string(body[max(0, k-20):k]))
	}
	// And as a whole, every character at least as often as in the source
	// (repeated table headers and running heads print some again).
	count := map[rune]int{}
	for _, r := range want {
		count[r]++
	}
	for _, r := range got {
		count[r]--
	}
	for r, n := range count {
		if n > 0 {
			t.Errorf("%q: %d more in the source than in the PDF text", r, n)
		}
	}
	if len(want) < 20000 {
		t.Errorf("only %d Han characters in the test document", len(want))
	}
}

func TestRawHTMLIsSkippedWithAWarning(t *testing.T) {
	src := "# 标题\n\n第一段。\n\n<div class=\"note\">\n注意事项\n</div>\n\n正文<span>内联</span>结束。<br>换行\n\n![图](missing.png \"图一 示意图\")\n"
	out, warnings, err := Render([]byte(src), "docs/a.md", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatal("no PDF")
	}
	var lines []string
	for _, w := range warnings {
		lines = append(lines, w.String())
	}
	all := strings.Join(lines, "\n")
	for _, want := range []string{"docs/a.md:5: warning: raw HTML block", "docs/a.md:9: warning: raw HTML \"<span>\"", "docs/a.md:11: warning: image \"missing.png\" not found"} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
	if strings.Contains(all, "<br>") {
		t.Errorf("<br> is a line break, not a warning:\n%s", all)
	}
}

func TestMissingFontIsAClearError(t *testing.T) {
	_, _, err := Render([]byte(small), "a.md", Options{Fonts: map[string]string{"song": "/nonexistent/song.ttf"}})
	if err == nil || !strings.Contains(err.Error(), "song") {
		t.Errorf("got %v, want an error naming the song font", err)
	}
}

func TestImagesAndLinks(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 400, 200))
	for x := 0; x < 400; x++ {
		img.Set(x, 100, color.RGBA{R: 200, A: 255})
	}
	writePNG(t, dir, "fig.png", img)
	src := "# 图文\n\n## 第一节\n\n见[第一节](#第一节)与[官网](https://www.zzia.org.cn/)。\n\n![示意](fig.png \"图1 结构示意图\")\n"
	out, warnings, err := Render([]byte(src), filepath.Join(dir, "a.md"), Options{})
	if err != nil || len(warnings) > 0 {
		t.Fatalf("err %v, warnings %v", err, warnings)
	}
	for _, want := range []string{"/URI (https://www.zzia.org.cn/)", "/Subtype /Image", "/Outlines"} {
		if !bytes.Contains(out, []byte(want)) {
			t.Errorf("PDF lacks %s", want)
		}
	}
	laid, _, err := Layout([]Source{{Src: []byte(src), Filename: filepath.Join(dir, "a.md")}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	anchors, links := linkTargets(laid.Doc)
	if len(links) != 1 || !anchors[links[0]] {
		t.Errorf("the links %q point at no anchor (anchors: %v); want one, to #第一节", links, anchors)
	}
}

// BenchmarkHundredPages renders a deterministic A4 Chinese document of
// about 100 pages with headings, tables, lists, code and footnotes, with a
// table of contents and numbered headings. Peak memory: see the package
// README or run the test binary under /usr/bin/time -v.
func BenchmarkHundredPages(b *testing.B) {
	src := sampledoc.Generate(sampledoc.Options{Seed: 1, Sections: HundredPageSections})
	opts := Options{TOC: true, Numbering: "decimal", Title: "郑州市信息化发展白皮书"}
	if _, _, err := Render(src, "bench.md", opts); err != nil { // fonts load once per process
		b.Fatal(err)
	}
	var pages int
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		laid, _, err := Layout([]Source{{Src: src, Filename: "bench.md"}}, opts)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pdf.Write(laid.Doc, pdf.Info{Title: laid.Title}); err != nil {
			b.Fatal(err)
		}
		pages = len(laid.Doc.Pages)
	}
	b.ReportMetric(float64(pages), "pages")
	b.ReportMetric(float64(pages)*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// writePNG writes img as the PNG file name in dir.
func writePNG(t testing.TB, dir, name string, img image.Image) {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// linkTargets returns the anchors of doc and the destinations of its
// internal links, in drawing order.
func linkTargets(doc *box.Document) (anchors map[string]bool, links []string) {
	anchors = map[string]bool{}
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			switch b := b.(type) {
			case *box.Anchor:
				anchors[b.Name] = true
			case *box.Link:
				if b.Dest != "" {
					links = append(links, b.Dest)
				}
			}
		}
	}
	return anchors, links
}
