package layout

import (
	"flag"
	"fmt"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/fonts/fontstest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/mdtree"
)

var update = flag.Bool("update", false, "rewrite the golden files in ../testdata/golden")

// dump writes the boxes of a document one per line, positions to 0.01 pt.
func dump(doc *box.Document) string {
	var b strings.Builder
	for i, p := range doc.Pages {
		fmt.Fprintf(&b, "page %d %q %.2fx%.2f\n", i+1, p.Label, p.Width, p.Height)
		for _, bx := range p.Boxes {
			switch x := bx.(type) {
			case *box.Text:
				fmt.Fprintf(&b, "  text %.2f %.2f %s %.2f cs=%.3f bold=%v italic=%v hidden=%v %v %q\n", x.X, x.Y, x.Role, x.Size, x.CharSpacing, x.SynthBold, x.SynthItalic, x.Invisible, x.Color, x.Text)
			case *box.Rect:
				fmt.Fprintf(&b, "  rect %.2f %.2f %.2f %.2f %v\n", x.X, x.Y, x.W, x.H, x.Color)
			case *box.Image:
				fmt.Fprintf(&b, "  image %.2f %.2f %.2f %.2f %s\n", x.X, x.Y, x.W, x.H, filepath.Base(x.Name))
			case *box.Link:
				fmt.Fprintf(&b, "  link %.2f %.2f %.2f %.2f url=%q dest=%q\n", x.X, x.Y, x.W, x.H, x.URL, x.Dest)
			case *box.Anchor:
				fmt.Fprintf(&b, "  anchor %q %.2f\n", x.Name, x.Y)
			case *box.Bookmark:
				fmt.Fprintf(&b, "  bookmark %d %q %.2f\n", x.Level, x.Title, x.Y)
			}
		}
	}
	return b.String()
}

// TestGolden lays out the small documents of testdata/golden and compares
// their boxes with the .boxes files beside them (go test -update rewrites
// them; look at the PDF before accepting a change).
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("../testdata/golden/*.md")
	if len(files) == 0 {
		t.Fatal("no golden documents")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc, _ := mdtree.Parse(src, mdtree.Options{File: f})
			res, err := Layout([]Part{{Body: doc.Body, Title: doc.Title}}, Options{Size: K16, Numbering: NumberChinese, Header: "郑州市信息化促进会", Fonts: fontstest.System(t).Without(fonts.Kai)})
			if err != nil {
				t.Fatal(err)
			}
			got := dump(res.Doc)
			golden := strings.TrimSuffix(f, ".md") + ".boxes"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
				for i := 0; i < len(gl) && i < len(wl); i++ {
					if gl[i] != wl[i] {
						t.Fatalf("%s differs at line %d:\n got %s\nwant %s", golden, i+1, gl[i], wl[i])
					}
				}
				t.Fatalf("%s: %d lines, want %d", golden, len(gl), len(wl))
			}
		})
	}
}
