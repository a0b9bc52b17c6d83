package typeset

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/zzia/press/internal/typeset/box"
)

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
