package printjob

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/zzia/press/internal/pdf"
	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/line"
)

// mm is one millimetre in points.
const mm = layout.MM

// A4 in points.
const (
	a4W = 210 * mm
	a4H = 297 * mm
)

// Colours of the secretariat's documents: black text, a dark blue of the
// association's publications for titles and rules, a dark red for the
// certificates and the 内部资料 mark, and greys.
var (
	ink      = box.Color{R: 0x1a, G: 0x1a, B: 0x1a}
	grey     = box.Color{R: 0x55, G: 0x55, B: 0x55}
	light    = box.Color{R: 0x99, G: 0x99, B: 0x99}
	navy     = box.Color{R: 0x07, G: 0x35, B: 0x66}
	crimson  = box.Color{R: 0x9e, G: 0x1b, B: 0x1b}
	gold     = box.Color{R: 0xb0, G: 0x8a, B: 0x3e}
	paleGold = box.Color{R: 0xfb, G: 0xf7, B: 0xec}
	shade    = box.Color{R: 0xee, G: 0xf1, B: 0xf5}
)

// style is how a piece of text is set.
type style struct {
	hei     bool    // Hei (sans) for Chinese, the Latin sans; else Song and the Latin serif
	bold    bool    // synthesized for the CJK faces
	size    float64 // points
	color   box.Color
	align   line.Align
	leading float64 // baseline distance over size; zero: 1.5
	track   float64 // extra space after every character, in points
}

func song(size float64) style { return style{size: size, color: ink} }
func hei(size float64) style  { return style{hei: true, size: size, color: ink} }

func (st style) with(c box.Color) style     { st.color = c; return st }
func (st style) aligned(a line.Align) style { st.align = a; return st }
func (st style) tracked(t float64) style    { st.track = t; return st }
func (st style) led(l float64) style        { st.leading = l; return st }
func (st style) sized(s float64) style      { st.size = s; return st }

// lead is the baseline distance of st.
func (st style) lead() float64 {
	if st.leading == 0 {
		return st.size * 1.5
	}
	return st.size * st.leading
}

func (st style) item(text string) line.Item {
	fam := fonts.SerifFamily
	if st.hei {
		fam = fonts.SansFamily
	}
	return line.Item{Text: text, Style: fonts.Style{Family: fam, Bold: st.bold}, Size: st.size, Color: st.color}
}

func (c *canvas) lines(t string, w float64, st style) []line.Line {
	return line.Break([]line.Item{st.item(t)}, c.set, line.Params{Width: w, Align: st.align})
}

// canvas collects the pages of a document composed by hand: text set with
// the typesetter's line breaker (so Chinese lines break by the clreq rules
// and mixed Han and Latin text takes the right faces), and rules and boxes
// drawn as filled rectangles.
type canvas struct {
	set   *fonts.Set
	pages []box.Page
	page  *box.Page
	// held, when set, collects the rules instead of drawing them, so that
	// fills drawn later do not cover them; flush draws them.
	held *[]box.Box
}

// hold starts collecting rules; flush draws those collected on top of
// everything drawn meanwhile.
func (c *canvas) hold() { c.held = new([]box.Box) }

func (c *canvas) flush() {
	if c.held != nil {
		c.add(*c.held...)
		c.held = nil
	}
}

// rule draws a rule (a thin filled rectangle), or holds it.
func (c *canvas) rule(x, y, w, h float64, col box.Color) {
	r := &box.Rect{X: x, Y: y, W: w, H: h, Color: col}
	if c.held != nil {
		*c.held = append(*c.held, r)
		return
	}
	c.add(r)
}

func newCanvas(set *fonts.Set) *canvas { return &canvas{set: set} }

// newPage starts a page of w×h points.
func (c *canvas) newPage(w, h float64) {
	c.pages = append(c.pages, box.Page{Width: w, Height: h})
	c.page = &c.pages[len(c.pages)-1]
}

func (c *canvas) add(b ...box.Box) { c.page.Boxes = append(c.page.Boxes, b...) }

// place adds a broken line's runs with its baseline at y and its start at x.
func (c *canvas) place(ln *line.Line, x, y float64, st style) {
	shift := 0.0
	for i := range ln.Runs {
		r := ln.Runs[i]
		r.X += x + shift
		r.Y += y
		if st.track != 0 {
			r.CharSpacing += st.track
			shift += st.track * float64(len([]rune(r.Text)))
		}
		c.add(&r)
	}
	for _, r := range ln.Rects {
		r.X += x
		r.Y += y
		c.add(&r)
	}
}

// width is the width text takes on one line in st.
func (c *canvas) width(text string, st style) float64 {
	st.align = line.Left
	ls := c.lines(text, 1e6, st)
	if len(ls) == 0 {
		return 0
	}
	w := ls[0].Width
	if st.track != 0 {
		w += st.track * float64(len([]rune(text))-1)
	}
	return w
}

// fit returns st at the largest size not above st.size and not below min
// at which text fits on one line of width w.
func (c *canvas) fit(text string, w float64, st style, min float64) style {
	for st.size > min && c.width(text, st) > w {
		st.size = math.Max(min, st.size-0.25)
		if st.track != 0 {
			st.track = math.Max(0, st.track*0.9)
		}
	}
	return st
}

// line1 sets text on one line with its baseline at y in a column of width w
// at x, aligned by st.align; text too long is set as it is (callers fit it
// first). It returns the width of the text.
func (c *canvas) line1(x, y, w float64, text string, st style) float64 {
	tw := c.width(text, st)
	off := 0.0
	switch st.align {
	case line.Center:
		off = (w - tw) / 2
	case line.Right:
		off = w - tw
	}
	st.align = line.Left
	ls := c.lines(text, 1e6, st)
	if len(ls) == 0 {
		return 0
	}
	c.place(&ls[0], x+off, y, st)
	return tw
}

// para sets text as a paragraph of width w at x, the top of its first line
// at top, and returns the y below its last line. "\n" starts a new line.
// The first line is indented by indent.
func (c *canvas) para(x, top, w float64, text string, st style, indent float64) float64 {
	y := top
	for _, p := range strings.Split(text, "\n") {
		ls := line.Break([]line.Item{st.item(p)}, c.set, line.Params{Width: w, Indent: indent, Justify: st.align == line.Left, Align: st.align})
		if len(ls) == 0 {
			y += st.lead()
			continue
		}
		for k := range ls {
			c.place(&ls[k], x, baseline(y, st), st)
			y += st.lead()
		}
	}
	return y
}

// paraHeight is the height para would take.
func (c *canvas) paraHeight(w float64, text string, st style, indent float64) float64 {
	n := 0
	for _, p := range strings.Split(text, "\n") {
		ls := line.Break([]line.Item{st.item(p)}, c.set, line.Params{Width: w, Indent: indent})
		n += max(1, len(ls))
	}
	return float64(n) * st.lead()
}

// baseline is the baseline of a line of st whose top is at top: the text
// centred in the line's lead, as the layout sets body text.
func baseline(top float64, st style) float64 {
	return top + (st.lead()-st.size)/2 + st.size*0.88
}

// rect fills a rectangle.
func (c *canvas) rect(x, y, w, h float64, col box.Color) {
	c.add(&box.Rect{X: x, Y: y, W: w, H: h, Color: col})
}

// hline draws a horizontal rule of thickness t centred on y.
func (c *canvas) hline(x0, x1, y, t float64, col box.Color) {
	c.rule(x0, y-t/2, x1-x0, t, col)
}

// vline draws a vertical rule of thickness t centred on x.
func (c *canvas) vline(x, y0, y1, t float64, col box.Color) {
	c.rule(x-t/2, y0, t, y1-y0, col)
}

// frame strokes a rectangle's outline with rules of thickness t centred on
// its edges.
func (c *canvas) frame(x, y, w, h, t float64, col box.Color) {
	c.hline(x-t/2, x+w+t/2, y, t, col)
	c.hline(x-t/2, x+w+t/2, y+h, t, col)
	c.vline(x, y, y+h, t, col)
	c.vline(x+w, y, y+h, t, col)
}

// checkbox draws an empty square of side s whose bottom sits on baseline y
// (a little below it, as a Han character's body does).
func (c *canvas) checkbox(x, y, s float64) {
	c.frame(x, y-s*0.9, s, s, 0.6, ink)
}

// write turns the pages into a PDF. The only date written is date (none
// when zero), so the same input gives the same bytes.
func (c *canvas) write(title, subject string, date time.Time) ([]byte, error) {
	if len(c.pages) == 0 {
		return nil, fmt.Errorf("printjob: %s: nothing to print", title)
	}
	return pdf.Write(&box.Document{Pages: c.pages, Fonts: c.set}, pdf.Info{
		Title: title, Author: Issuer, Subject: subject, CreationDate: date,
	})
}
