package typeset

import (
	"github.com/zzia/press/internal/testpdf"
	"github.com/zzia/press/internal/typeset/pdf"

	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/color"
	"io"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestPrintEditionPageBoxes(t *testing.T) {
	laid, _, err := Layout([]Source{{Src: []byte(small), Filename: "test.md"}}, Options{PageSize: "16K"})
	if err != nil {
		t.Fatal(err)
	}
	screen, err := pdf.Write(laid.Doc, pdf.Info{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(screen, []byte("/TrimBox")) || bytes.Contains(screen, []byte("/BleedBox")) {
		t.Error("the screen edition has page boxes")
	}
	print, err := pdf.Write(laid.Doc, pdf.Info{Bleed: 3, CropMarks: true})
	if err != nil {
		t.Fatal(err)
	}
	// 16K is 524.41 × 737.01 pt; 3 mm of bleed is 8.50 pt, the 8 mm slug
	// outside it for the crop marks 22.68 pt.
	for _, want := range []string{"/MediaBox [0 0 586.77 799.37] /BleedBox [22.68 22.68 564.09 776.69] /TrimBox [31.18 31.18 555.59 768.19]"} {
		if !bytes.Contains(print, []byte(want)) {
			t.Errorf("the print edition lacks %q", want)
		}
	}
	// Box order does not depend on map order: the same bytes every time.
	for i := 0; i < 5; i++ {
		again, _ := pdf.Write(laid.Doc, pdf.Info{Bleed: 3, CropMarks: true})
		if !bytes.Equal(again, print) {
			t.Fatal("two writes of the print edition differ")
		}
	}
}

// Images of the same width come out in one order, each with its soft mask.
func TestImagesOfTheSameWidthAreDeterministic(t *testing.T) {
	dir := t.TempDir()
	var md strings.Builder
	for i := 0; i < 6; i++ {
		im := image.NewRGBA(image.Rect(0, 0, 64, 20+i))
		for x := 0; x < 64; x++ {
			im.Set(x, i, color.RGBA{uint8(40 * i), 0, uint8(x), 255})
		}
		name := fmt.Sprintf("f%d.png", i)
		writePNG(t, dir, name, im)
		fmt.Fprintf(&md, "段落%d。\n\n![图%d](%s \"图%d\")\n\n", i, i, name, i)
	}
	first := render(t, []byte(md.String()), Options{BaseDir: dir})
	for i := 0; i < 8; i++ {
		if again := render(t, []byte(md.String()), Options{BaseDir: dir}); !bytes.Equal(again, first) {
			t.Fatal("two renderings with same-width images differ")
		}
	}
	if out := testpdf.Run(t, first, "pdfimages", "-list"); strings.Count(out, " rgb ") != 6 || strings.Count(out, " smask ") != 6 {
		t.Errorf("pdfimages:\n%s", out)
	}
}

// The CMYK edition writes greys and black in K alone and converts colours
// and images; the RGB edition has no CMYK at all.
func TestCMYKEdition(t *testing.T) {
	dir := t.TempDir()
	im := image.NewNRGBA(image.Rect(0, 0, 32, 16))
	for x := 0; x < 32; x++ {
		for y := 0; y < 16; y++ {
			im.Set(x, y, color.NRGBA{uint8(8 * x), 40, 200, 255})
		}
	}
	writePNG(t, dir, "c.png", im)
	laid, _, err := Layout([]Source{{Src: []byte("# 标题\n\n正文[链接](https://example.com)。\n\n---\n\n![图](c.png)\n"), Filename: filepath.Join(dir, "c.md")}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	rgb, err := pdf.Write(laid.Doc, pdf.Info{})
	if err != nil {
		t.Fatal(err)
	}
	cmyk, err := pdf.Write(laid.Doc, pdf.Info{CMYK: true, Bleed: 3, CropMarks: true})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(rgb, []byte("DeviceCMYK")) {
		t.Error("the RGB edition has CMYK images")
	}
	if !bytes.Contains(cmyk, []byte("/ColorSpace /DeviceCMYK")) {
		t.Error("the CMYK edition's colour image is not CMYK")
	}
	// Page content: no RGB operator; black text in K alone.
	q := inflated(cmyk)
	if bytes.Contains(q, []byte(" rg\n")) || bytes.Contains(q, []byte(" RG\n")) {
		t.Error("the CMYK edition draws in RGB")
	}
	if !bytes.Contains(q, []byte("0 0 0 1 k")) {
		t.Error("black text is not K only")
	}
}

// inflated returns the decompressed streams of a PDF written by press,
// one after the other.
func inflated(pdf []byte) []byte {
	var out bytes.Buffer
	for _, m := range streamRE.FindAllSubmatchIndex(pdf, -1) {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		start := m[1]
		if start+n > len(pdf) {
			continue
		}
		z, err := zlib.NewReader(bytes.NewReader(pdf[start : start+n]))
		if err != nil {
			continue
		}
		io.Copy(&out, z)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

var streamRE = regexp.MustCompile(`/Filter /FlateDecode [^>]*/Length (\d+) >>\nstream\n`)
