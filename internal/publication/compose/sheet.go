package compose

import (
	"github.com/zzia/press/internal/typeset/box"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/line"
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
	// Text takes the top of the line; the layout's positions are baselines.
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
