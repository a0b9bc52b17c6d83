package publication

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/line"
	"github.com/zzia/press/internal/typeset/picture"
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

// style is how a piece of text on a composed page is set.
type style struct {
	family  fonts.Family
	bold    bool
	italic  bool // Kai for Chinese
	size    float64
	color   box.Color
	align   line.Align
	leading float64 // baseline distance over size; zero: 1.5
	track   float64 // extra space after every character, in points
}

// sheet is a page composed by hand (a cover, the contents): text set with
// the typesetter's line breaker, rules, images, links and outline entries.
type sheet struct {
	set  *fonts.Set
	page box.Page
}

func newSheet(set *fonts.Set, w, h float64) *sheet {
	return &sheet{set: set, page: box.Page{Width: w, Height: h}}
}

func (s *sheet) add(b ...box.Box) { s.page.Boxes = append(s.page.Boxes, b...) }

// lines breaks text into lines of width w in style st.
func (s *sheet) lines(text string, w float64, st style) []line.Line {
	items := []line.Item{{Text: text, Style: fonts.Style{Family: st.family, Bold: st.bold, Italic: st.italic}, Size: st.size, Color: st.color}}
	return line.Break(items, s.set, line.Params{Width: w})
}

// lead is the baseline distance of st.
func (st style) lead() float64 {
	if st.leading == 0 {
		return st.size * 1.5
	}
	return st.size * st.leading
}

// text sets text in a column of width w at x, its first line's top at y,
// and returns the y below its last line.
func (s *sheet) text(x, y, w float64, text string, st style) float64 {
	for _, para := range strings.Split(text, "\n") {
		lines := s.lines(para, w, st)
		if len(lines) == 0 {
			y += st.lead()
			continue
		}
		for k := range lines {
			s.setLine(&lines[k], x, y, w, st)
			y += st.lead()
		}
	}
	return y
}

// setLine places one broken line in a column at x of width w, its top at y.
func (s *sheet) setLine(ln *line.Line, x, y, w float64, st style) {
	base := y + (st.lead()-st.size)/2 + st.size*0.88
	runs := make([]box.Text, len(ln.Runs))
	copy(runs, ln.Runs)
	shift := 0.0
	for i := range runs {
		runs[i].X += shift
		if st.track != 0 {
			n := utf8.RuneCountInString(runs[i].Text)
			runs[i].CharSpacing += st.track
			shift += st.track * float64(n)
		}
	}
	width := textWidth(runs)
	off := 0.0
	switch st.align {
	case line.Center:
		off = (w - width) / 2
	case line.Right:
		off = w - width
	}
	for i := range runs {
		r := runs[i]
		r.X += x + off
		r.Y += base
		s.add(&r)
	}
	for _, r := range ln.Rects {
		// Dashes are drawn as rules, and strike-throughs.
		r.X += x + off
		r.Y += base
		s.add(&r)
	}
	for _, k := range ln.Links {
		k.X += x + off
		k.Y += base
		s.add(&k)
	}
}

// textWidth is the extent of runs from the first's start to the last's end.
func textWidth(runs []box.Text) float64 {
	if len(runs) == 0 {
		return 0
	}
	x0, x1 := math.Inf(1), math.Inf(-1)
	for i := range runs {
		x0 = math.Min(x0, runs[i].X)
		x1 = math.Max(x1, runs[i].X+runs[i].Width())
	}
	return x1 - x0
}

// width is the width text takes on one line in st.
func (s *sheet) width(text string, st style) float64 {
	lines := s.lines(text, 1e6, st)
	if len(lines) == 0 {
		return 0
	}
	w := textWidth(lines[0].Runs)
	if st.track != 0 {
		w += st.track * float64(utf8.RuneCountInString(text)-1)
	}
	return w
}

func (s *sheet) rect(x, y, w, h float64, c box.Color) {
	s.add(&box.Rect{X: x, Y: y, W: w, H: h, Color: c})
}

// fill covers the rectangle with the image at path, scaled to cover it and
// cropped to it (cover) or scaled to fit inside it and centred (contain).
func (s *sheet) image(path string, x, y, w, h float64, cover bool) error {
	pic, err := picture.Load(path)
	if err != nil {
		return err
	}
	iw, ih := float64(pic.Width), float64(pic.Height)
	scale := math.Min(w/iw, h/ih)
	if cover {
		scale = math.Max(w/iw, h/ih)
	}
	dw, dh := iw*scale, ih*scale
	img := &box.Image{X: x + (w-dw)/2, Y: y + (h-dh)/2, W: dw, H: dh, Name: path, Type: pic.Type, Data: pic.Data, Decoded: pic.Decoded}
	if cover {
		img.Clip = &box.Rect{X: x, Y: y, W: w, H: h}
	}
	s.add(img)
	return nil
}

func (s *sheet) link(x, y, w, h float64, dest string) {
	s.add(&box.Link{X: x, Y: y, W: w, H: h, Dest: dest})
}

func (s *sheet) anchor(name string, y float64) { s.add(&box.Anchor{Name: name, Y: y}) }

func (s *sheet) bookmark(title string, level int, y float64) {
	s.add(&box.Bookmark{Title: title, Level: level, Y: y})
}

// leaders sets dot leaders from x0 to x1 on baseline y, on a grid so that
// the dots of all entries line up.
func (s *sheet) leaders(x0, x1, y, size float64) {
	face := s.set.Face(fonts.Serif)
	pitch := size * 0.6
	start := math.Ceil(x0/pitch) * pitch
	n := int(math.Floor((x1-start)/pitch + 1e-9))
	if n < 2 {
		return
	}
	dot := float64(face.Advance('.')) * size / 1000
	s.add(&box.Text{X: start + (pitch-dot)/2, Y: y, Role: fonts.Serif, Face: face, Size: size, Text: strings.Repeat(".", n),
		CharSpacing: pitch - dot, Color: grey})
}

// furniture adds a running head and foot to a composed page in the frame
// of the laid-out pages, as package layout sets them: the head (when not
// empty) with a rule under it, the page label at the foot, at the outer
// edge when mirror is set.
func (s *sheet) furniture(fr layout.Frame, head, label string, odd, mirror bool, body float64) {
	size := body * 0.85
	st := style{family: fonts.SerifFamily, size: size, color: box.Color{R: 0x33, G: 0x33, B: 0x33}, align: line.Center, leading: 1.3}
	if mirror {
		st.align = line.Left
		if odd {
			st.align = line.Right
		}
	}
	// setLine takes the top of the line; the layout's positions are baselines.
	top := func(base float64) float64 { return base - (st.lead()-size)/2 - size*0.88 }
	if head != "" {
		y := fr.Top - fr.Lead*0.9
		s.text(fr.Left, top(y), fr.Width, head, st)
		s.rect(fr.Left, y+size*0.45, fr.Width, 0.4, st.color)
	}
	if label != "" {
		s.text(fr.Left, top(fr.Top+fr.Height+fr.Lead*1.4), fr.Width, label, st)
	}
}
