package compose

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/pdf"
)

// site is the association's own site, with the bundled publications.
var site = filepath.Join("..", "..", "..")

// setFigures are how the body of a laid-out document was set: the
// loosest justified line (extra space per character over the body size)
// and the emptiest page that is not the last of its article or chapter
// (the fraction of the text block left blank at its foot).
type setFigures struct {
	lines, loose int // body lines, and those spread by more than 2.5 %
	loosest      float64
	loosestWhere string
	emptiest     float64
	emptiestPage string
}

// measureSet measures the laid-out part of a composed document.
func measureSet(d *composed, body float64) setFigures {
	var f setFigures
	laid := d.laid
	if laid == nil {
		return f
	}
	starts := map[int]bool{}
	for _, e := range laid.Entries {
		if e.Level == 0 {
			starts[e.Index] = true
		}
	}
	fr := laid.Frame
	pages := laid.Doc.Pages
	for i, p := range pages {
		bottom := fr.Top
		ys := map[float64]bool{}
		looseYs := map[float64]bool{}
		for _, b := range p.Boxes {
			t, ok := b.(*box.Text)
			if !ok || t.Y > fr.Top+fr.Height {
				continue
			}
			if t.Size == body && (t.Role == fonts.Song || t.Role == fonts.Kai) && len([]rune(t.Text)) > 1 {
				ys[t.Y] = true
				if t.CharSpacing/t.Size > 0.025+1e-9 {
					looseYs[t.Y] = true
				}
				if s := t.CharSpacing / t.Size; s > f.loosest {
					f.loosest = s
					f.loosestWhere = fmt.Sprintf("page %s: %q", p.Label, t.Text)
				}
			}
			bottom = math.Max(bottom, t.Y+t.Size*0.12)
		}
		f.lines += len(ys)
		f.loose += len(looseYs)
		for _, b := range p.Boxes {
			switch b := b.(type) {
			case *box.Image:
				bottom = math.Max(bottom, b.Y+b.H)
			case *box.Rect:
				if b.Y < fr.Top+fr.Height {
					bottom = math.Max(bottom, b.Y+b.H)
				}
			}
		}
		last := i == len(pages)-1 || starts[i+1]
		if last {
			continue
		}
		if e := (fr.Top + fr.Height - bottom) / fr.Height; e > f.emptiest {
			f.emptiest = e
			f.emptiestPage = p.Label
		}
	}
	return f
}

// TestBundledPublicationFigures sets the bundled journal issues and white
// paper and reports how they were set.
func TestBundledPublicationFigures(t *testing.T) {
	if testing.Short() {
		t.Skip("sets every bundled publication")
	}
	c, cat := load(t, site)
	var docs []*composed
	var names []string
	for _, is := range cat.Issues {
		d, l, err := c.journalDoc(is)
		if err != nil || l.HasErrors() {
			t.Fatal(err, l)
		}
		docs, names = append(docs, d), append(names, is.Path)
	}
	for _, wp := range cat.Whitepapers {
		d, l, err := c.whitepaperDoc(wp)
		if err != nil || l.HasErrors() {
			t.Fatal(err, l)
		}
		docs, names = append(docs, d), append(names, wp.Path)
	}
	out := os.Getenv("PRESS_FIGURES_PDF") // a folder to write the PDFs into, to look at them
	for i, d := range docs {
		if out != "" {
			b, err := pdf.Write(d.doc, d.info)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(out, strings.ReplaceAll(strings.Trim(names[i], "/"), "/", "-")+".pdf"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		f := measureSet(d, 10.5)
		t.Logf("%s: %d pages; %d of %d body lines spread more than 2.5%%; loosest line +%.2f%% per character (%s); emptiest page %s %.0f%% empty",
			names[i], len(d.doc.Pages), f.loose, f.lines, 100*f.loosest, f.loosestWhere, f.emptiestPage, 100*f.emptiest)
	}
}
