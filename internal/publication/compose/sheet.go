package compose

import (
	"unicode/utf8"

	"github.com/zzia/press/internal/typeset/box"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/line"
)

// mm is one millimetre in points.
const mm = layout.MM

// Colours of the association's publications, from the website's theme.
var (
	brand     = box.Color{R: 0x0b, G: 0x4a, B: 0x8b}
	brandDark = box.Color{R: 0x07, G: 0x35, B: 0x66}
	brandSoft = box.Color{R: 0xe8, G: 0xf0, B: 0xf9}
	accent    = box.Color{R: 0xa4, G: 0x40, B: 0x0b}
	ink       = box.Color{R: 0x1a, G: 0x1a, B: 0x1a}
	grey      = box.Color{R: 0x55, G: 0x55, B: 0x55}
	rule      = box.Color{R: 0x99, G: 0x99, B: 0x99}
	white     = box.Color{R: 0xff, G: 0xff, B: 0xff}
)

// bleedMM is how far backgrounds and cover images reach beyond the trim;
// the screen edition's page cuts it off.
const bleedMM = 3.0

// style is how a piece of text on a composed page is set: the drawing
// kit's, shared with the secretariat's print jobs.
type style = kit.Style

// sheet is a page composed by hand (a cover, the contents) with the
// drawing kit (package canvas).
type sheet struct{ *kit.Canvas }

func newSheet(set *fonts.Set, w, h float64) *sheet {
	c := kit.New(set)
	c.NewPage(w, h)
	return &sheet{c}
}

// page is the composed page.
func (s *sheet) page() box.Page { return s.Pages[0] }

// setLine places one broken line in a column at x of width w, its top at
// y, aligned by st.Align.
func (s *sheet) setLine(ln *line.Line, x, y, w float64, st style) {
	lw := ln.Width
	if st.Track != 0 {
		lw += st.Track * float64(utf8.RuneCountInString(ln.Text)-1)
	}
	off := 0.0
	switch st.Align {
	case line.Center:
		off = (w - lw) / 2
	case line.Right:
		off = w - lw
	}
	s.Place(ln, x+off, st.Baseline(y), st)
}

// furniture adds a running head and foot to a composed page in the frame
// of the laid-out pages, as package layout sets them: the head (when not
// empty) with a rule under it, the page label at the foot, at the outer
// edge when mirror is set.
func (s *sheet) furniture(fr layout.Frame, head, label string, odd, mirror bool, body float64) {
	size := body * 0.85
	st := style{Family: fonts.SerifFamily, Size: size, Color: box.Color{R: 0x33, G: 0x33, B: 0x33}, Align: line.Center, Leading: 1.3}
	if mirror {
		st.Align = line.Left
		if odd {
			st.Align = line.Right
		}
	}
	// setLine takes the top of the line; the layout's positions are baselines.
	top := func(base float64) float64 { return base - (st.Lead()-size)/2 - size*0.88 }
	if head != "" {
		y := fr.Top - fr.Lead*0.9
		s.Text(fr.Left, top(y), fr.Width, head, st)
		s.Rect(fr.Left, y+size*0.45, fr.Width, 0.4, st.Color)
	}
	if label != "" {
		s.Text(fr.Left, top(fr.Top+fr.Height+fr.Lead*1.4), fr.Width, label, st)
	}
}
