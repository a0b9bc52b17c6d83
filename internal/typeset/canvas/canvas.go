// Package canvas composes pages by hand — covers, colophons, contents,
// certificates, labels, forms — for the publications and the secretariat's
// print jobs alike: text set with the typesetter's line breaker (so Chinese
// lines break by the clreq rules and mixed Han and Latin text takes the
// right faces), rules, boxes, images, links and outline entries, as pages
// of positioned boxes for the PDF backend.
package canvas

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/line"
	"github.com/zzia/press/internal/typeset/picture"
)

// Style is how a piece of text is set.
type Style struct {
	Family  fonts.Family // serif (Song with a Latin serif) or sans (Hei with a Latin sans)
	Bold    bool         // the bold face, or synthesized
	Italic  bool         // Kai for Chinese
	Size    float64      // points
	Color   box.Color
	Align   line.Align
	Leading float64 // baseline distance over size; zero: 1.5
	Track   float64 // extra space after every character, in points
}

// With returns st in colour c.
func (st Style) With(c box.Color) Style { st.Color = c; return st }

// Aligned returns st aligned a.
func (st Style) Aligned(a line.Align) Style { st.Align = a; return st }

// Tracked returns st with t points after every character.
func (st Style) Tracked(t float64) Style { st.Track = t; return st }

// Led returns st with a baseline distance of l times its size.
func (st Style) Led(l float64) Style { st.Leading = l; return st }

// Sized returns st at s points.
func (st Style) Sized(s float64) Style { st.Size = s; return st }

// Lead is the baseline distance of st.
func (st Style) Lead() float64 {
	if st.Leading == 0 {
		return st.Size * 1.5
	}
	return st.Size * st.Leading
}

// Baseline is the baseline of a line of st whose top is at top: the text
// centred in the line's lead, as the layout sets body text.
func (st Style) Baseline(top float64) float64 {
	return top + (st.Lead()-st.Size)/2 + st.Size*0.88
}

// Item returns text as a line item in st, for callers that break mixed
// styles themselves.
func (st Style) Item(text string) line.Item {
	return line.Item{Text: text, Style: fonts.Style{Family: st.Family, Bold: st.Bold, Italic: st.Italic}, Size: st.Size, Color: st.Color}
}

// Canvas collects pages composed by hand.
type Canvas struct {
	Set   *fonts.Set
	Pages []box.Page
	page  int
	// held, when set, collects the rules instead of drawing them, so that
	// fills drawn later do not cover them; Flush draws them.
	held *[]box.Box
	// Tag, when set, is the structure element (tagged PDF) of the text
	// and images drawn that have none, and of the links when it is a Link
	// element; nil: they are decoration (artifacts).
	Tag *box.Tag
}

// New returns a canvas with no pages, setting text in the faces of set.
func New(set *fonts.Set) *Canvas { return &Canvas{Set: set, page: -1} }

// NewPage starts a page of w×h points.
func (c *Canvas) NewPage(w, h float64) {
	c.Pages = append(c.Pages, box.Page{Width: w, Height: h})
	c.page = len(c.Pages) - 1
}

// Goto makes page i the page being drawn.
func (c *Canvas) Goto(i int) { c.page = i }

// Page returns the page being drawn.
func (c *Canvas) Page() *box.Page { return &c.Pages[c.page] }

// Add draws boxes on the current page, giving them Tag.
func (c *Canvas) Add(b ...box.Box) {
	if c.Tag != nil {
		for _, x := range b {
			switch x := x.(type) {
			case *box.Text:
				if x.Tag == nil {
					x.Tag = c.Tag
				}
			case *box.Image:
				if x.Tag == nil {
					x.Tag = c.Tag
				}
			case *box.Link:
				if x.Tag == nil && c.Tag.Kind == "Link" {
					x.Tag = c.Tag
				}
			}
		}
	}
	c.Pages[c.page].Boxes = append(c.Pages[c.page].Boxes, b...)
}

// Hold starts collecting rules; Flush draws those collected on top of
// everything drawn meanwhile.
func (c *Canvas) Hold() { c.held = new([]box.Box) }

// Flush draws the rules held since Hold.
func (c *Canvas) Flush() {
	if c.held != nil {
		c.Add(*c.held...)
		c.held = nil
	}
}

// Lines breaks text into lines of width w in st.
func (c *Canvas) Lines(text string, w float64, st Style) []line.Line {
	return line.Break([]line.Item{st.Item(text)}, c.Set, line.Params{Width: w, Align: st.Align})
}

// Place adds a broken line's runs, rules and links with its baseline at y
// and its start at x, spread by st.Track.
func (c *Canvas) Place(ln *line.Line, x, y float64, st Style) {
	shift := 0.0
	for i := range ln.Runs {
		r := ln.Runs[i]
		r.X += x + shift
		r.Y += y
		if st.Track != 0 {
			r.CharSpacing += st.Track
			shift += st.Track * float64(utf8.RuneCountInString(r.Text))
		}
		c.Add(&r)
	}
	for _, r := range ln.Rects {
		// Dashes drawn as rules, and strike-throughs.
		r.X += x
		r.Y += y
		c.Add(&r)
	}
	for _, k := range ln.Links {
		k.X += x
		k.Y += y
		c.Add(&k)
	}
}

// Width is the width text takes on one line in st.
func (c *Canvas) Width(text string, st Style) float64 {
	st.Align = line.Left
	ls := c.Lines(text, 1e6, st)
	if len(ls) == 0 {
		return 0
	}
	w := ls[0].Width
	if st.Track != 0 {
		w += st.Track * float64(utf8.RuneCountInString(text)-1)
	}
	return w
}

// Fit returns st at the largest size not above st.Size and not below min
// at which text fits on one line of width w.
func (c *Canvas) Fit(text string, w float64, st Style, min float64) Style {
	for st.Size > min && c.Width(text, st) > w {
		st.Size = math.Max(min, st.Size-0.25)
		if st.Track != 0 {
			st.Track = math.Max(0, st.Track*0.9)
		}
	}
	return st
}

// Line1 sets text on one line with its baseline at y in a column of width
// w at x, aligned by st.Align; text too long is set as it is (callers Fit
// it first). It returns the width of the text.
func (c *Canvas) Line1(x, y, w float64, text string, st Style) float64 {
	tw := c.Width(text, st)
	off := alignOffset(st.Align, w, tw)
	st.Align = line.Left
	ls := c.Lines(text, 1e6, st)
	if len(ls) == 0 {
		return 0
	}
	c.Place(&ls[0], x+off, y, st)
	return tw
}

// alignOffset is where a line lw wide starts in a column w wide aligned a.
func alignOffset(a line.Align, w, lw float64) float64 {
	switch a {
	case line.Center:
		return (w - lw) / 2
	case line.Right:
		return w - lw
	}
	return 0
}

// SetLine places one broken line in a column at x of width w, its top at
// top, aligned by st.Align and spread by st.Track.
func (c *Canvas) SetLine(ln *line.Line, x, top, w float64, st Style) {
	lw := ln.Width
	if st.Track != 0 {
		lw += st.Track * float64(utf8.RuneCountInString(ln.Text)-1)
	}
	c.Place(ln, x+alignOffset(st.Align, w, lw), st.Baseline(top), st)
}

// Text sets text in a column of width w at x, its first line's top at top,
// each line aligned by st.Align, and returns the y below its last line.
// "\n" starts a new line.
func (c *Canvas) Text(x, top, w float64, text string, st Style) float64 {
	y := top
	for _, para := range strings.Split(text, "\n") {
		lines := c.Lines(para, w, st.Aligned(line.Left))
		if len(lines) == 0 {
			y += st.Lead()
			continue
		}
		for k := range lines {
			c.SetLine(&lines[k], x, y, w, st)
			y += st.Lead()
		}
	}
	return y
}

// Para sets text as a justified paragraph (when st.Align is Left) of width
// w at x, the top of its first line at top, its first line indented by
// indent, and returns the y below its last line. "\n" starts a new line.
func (c *Canvas) Para(x, top, w float64, text string, st Style, indent float64) float64 {
	y := top
	for _, p := range strings.Split(text, "\n") {
		ls := line.Break([]line.Item{st.Item(p)}, c.Set, line.Params{Width: w, Indent: indent, Justify: st.Align == line.Left, Align: st.Align})
		if len(ls) == 0 {
			y += st.Lead()
			continue
		}
		for k := range ls {
			c.Place(&ls[k], x, st.Baseline(y), st)
			y += st.Lead()
		}
	}
	return y
}

// ParaHeight is the height Para would take.
func (c *Canvas) ParaHeight(w float64, text string, st Style, indent float64) float64 {
	n := 0
	for _, p := range strings.Split(text, "\n") {
		ls := line.Break([]line.Item{st.Item(p)}, c.Set, line.Params{Width: w, Indent: indent, Justify: st.Align == line.Left})
		n += max(1, len(ls))
	}
	return float64(n) * st.Lead()
}

// Rect fills a rectangle.
func (c *Canvas) Rect(x, y, w, h float64, col box.Color) {
	c.Add(&box.Rect{X: x, Y: y, W: w, H: h, Color: col})
}

// Rule draws a rule (a thin filled rectangle), or holds it (see Hold).
func (c *Canvas) Rule(x, y, w, h float64, col box.Color) {
	r := &box.Rect{X: x, Y: y, W: w, H: h, Color: col}
	if c.held != nil {
		*c.held = append(*c.held, r)
		return
	}
	c.Add(r)
}

// HLine draws a horizontal rule of thickness t centred on y.
func (c *Canvas) HLine(x0, x1, y, t float64, col box.Color) { c.Rule(x0, y-t/2, x1-x0, t, col) }

// VLine draws a vertical rule of thickness t centred on x.
func (c *Canvas) VLine(x, y0, y1, t float64, col box.Color) { c.Rule(x-t/2, y0, t, y1-y0, col) }

// Frame strokes a rectangle's outline with rules of thickness t centred on
// its edges.
func (c *Canvas) Frame(x, y, w, h, t float64, col box.Color) {
	c.HLine(x-t/2, x+w+t/2, y, t, col)
	c.HLine(x-t/2, x+w+t/2, y+h, t, col)
	c.VLine(x, y, y+h, t, col)
	c.VLine(x+w, y, y+h, t, col)
}

// Checkbox draws an empty square of side s whose bottom sits on baseline y
// (a little below it, as a Han character's body does).
func (c *Canvas) Checkbox(x, y, s float64, col box.Color) {
	c.Frame(x, y-s*0.9, s, s, 0.6, col)
}

// Image draws the image at path in the rectangle: scaled to cover it and
// cropped to it (cover), or scaled to fit inside it and centred.
func (c *Canvas) Image(path string, x, y, w, h float64, cover bool) error {
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
	c.Add(img)
	return nil
}

// Link makes the rectangle a link to the anchor dest.
func (c *Canvas) Link(x, y, w, h float64, dest string) {
	c.Add(&box.Link{X: x, Y: y, W: w, H: h, Dest: dest})
}

// Anchor names height y of the page as a link destination.
func (c *Canvas) Anchor(name string, y float64) { c.Add(&box.Anchor{Name: name, Y: y}) }

// Bookmark adds an outline entry pointing at height y of the page.
func (c *Canvas) Bookmark(title string, level int, y float64) {
	c.Add(&box.Bookmark{Title: title, Level: level, Y: y})
}

// Leaders sets dot leaders from x0 to x1 on baseline y, on a grid so that
// the dots of all entries line up. They are decoration, whatever Tag.
func (c *Canvas) Leaders(x0, x1, y, size float64, col box.Color) {
	face := c.Set.Face(fonts.Serif)
	pitch := size * 0.6
	start := math.Ceil(x0/pitch) * pitch
	n := int(math.Floor((x1-start)/pitch + 1e-9))
	if n < 2 {
		return
	}
	dot := float64(face.Advance('.')) * size / 1000
	c.Pages[c.page].Boxes = append(c.Pages[c.page].Boxes, &box.Text{X: start + (pitch-dot)/2, Y: y, Role: fonts.Serif, Face: face, Size: size, Text: strings.Repeat(".", n),
		CharSpacing: pitch - dot, Color: col})
}
