package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrintEditionPageBoxes(t *testing.T) {
	laid, _, err := Layout([]Source{{Src: []byte(small), Filename: "test.md"}}, Options{PageSize: "16K"})
	if err != nil {
		t.Fatal(err)
	}
	screen, err := Write(laid.Doc, Info{})
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(screen, []byte("/TrimBox")) || bytes.Contains(screen, []byte("/BleedBox")) {
		t.Error("the screen edition has page boxes")
	}
	print, err := Write(laid.Doc, Info{Bleed: 3, CropMarks: true})
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
		again, _ := Write(laid.Doc, Info{Bleed: 3, CropMarks: true})
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
		var b bytes.Buffer
		png.Encode(&b, im)
		name := fmt.Sprintf("f%d.png", i)
		os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644)
		fmt.Fprintf(&md, "段落%d。\n\n![图%d](%s \"图%d\")\n\n", i, i, name, i)
	}
	first := render(t, []byte(md.String()), Options{BaseDir: dir})
	for i := 0; i < 8; i++ {
		if again := render(t, []byte(md.String()), Options{BaseDir: dir}); !bytes.Equal(again, first) {
			t.Fatal("two renderings with same-width images differ")
		}
	}
	if _, err := exec.LookPath("pdfimages"); err == nil {
		p := filepath.Join(dir, "out.pdf")
		os.WriteFile(p, first, 0o644)
		out, err := exec.Command("pdfimages", "-list", p).CombinedOutput()
		if err != nil || strings.Count(string(out), " rgb ") != 6 || strings.Count(string(out), " smask ") != 6 {
			t.Errorf("pdfimages: %v\n%s", err, out)
		}
	}
}
