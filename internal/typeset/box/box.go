// Package box holds the typesetter's output: pages of positioned boxes
// (glyph runs, filled rectangles, images, links, link destinations and
// outline entries) that a backend draws without further layout.
//
// Lengths are in PostScript points; the origin is the top-left corner of the
// page and y grows downward. A glyph run's Y is its baseline.
package box

import (
	"image"

	"github.com/zzia/press/internal/typeset/fonts"
)

// Color is an RGB colour with components from 0 to 255.
type Color struct{ R, G, B uint8 }

// Black is the colour of body text.
var Black = Color{}

// Document is a laid-out document: its pages, and the metadata the backend
// writes.
type Document struct {
	Pages []Page
	Fonts *fonts.Set // faces the runs refer to
}

// Page is one page and everything drawn on it, in drawing order.
type Page struct {
	Width, Height float64
	Label         string // the page number as printed ("3", "ii"); may be empty
	Boxes         []Box
}

// Box is one thing drawn on a page: a *Text, *Rect, *Image, *Link, *Anchor
// or *Bookmark.
type Box interface{ isBox() }

// Text is a run of characters in one face, size and colour, starting at X
// on baseline Y. CharSpacing is added after every character (PDF Tc): it is
// how a justified run of Han characters is spread.
type Text struct {
	X, Y        float64
	Role        fonts.Role
	Face        *fonts.Face
	Size        float64
	CharSpacing float64
	Text        string
	Color       Color
	SynthBold   bool // fill and stroke, for a face with no bold
	SynthItalic bool // slanted, for a face with no italic
	Invisible   bool // present for text extraction only; the ink is drawn otherwise (a dash drawn as a rule)
	// Fallback is set on a run drawn in a face other than the one its
	// style asks for (a rare character in another face).
	Fallback bool
	// Replaced, when not empty, is the character no face has, which the
	// run shows as a placeholder (〓).
	Replaced rune
	// Tag is the structure element the run belongs to (a paragraph, a
	// heading, a table cell); nil for page furniture, which a tagged PDF
	// marks as an artifact.
	Tag *Tag
}

// Tag is an element of a document's logical structure, for the tagged PDF
// that screen readers read: its standard type and its parent.
type Tag struct {
	Kind   string // PDF standard structure type: P, H1–H6, L, LI, BlockQuote, Code, Table, TR, TH, TD, Figure, Caption, Note, Link, TOC, TOCI
	Alt    string // the alternative text of a Figure
	Parent *Tag   // nil: a child of the document
}

// Root returns the outermost ancestor of t.
func (t *Tag) Root() *Tag {
	for t.Parent != nil {
		t = t.Parent
	}
	return t
}

// Rect is a filled rectangle: a rule, a table line, a code background.
type Rect struct {
	X, Y, W, H float64
	Color      Color
}

// Image is a raster image scaled into a rectangle.
type Image struct {
	X, Y, W, H float64
	Name       string // a key unique per image data, e.g. its path
	Type       string // "png" or "jpg"
	Data       []byte // the file's bytes
	// Decoded is the image decoded, when the typesetter has decoded it
	// already (the backend then need not decode it again); may be nil.
	Decoded image.Image
	// Clip, when not nil, is the rectangle the image is cut to (its colour
	// is ignored): an image scaled to fill an area and cropped.
	Clip *Rect
	// Tag is the Figure element the image is, with its alternative text;
	// nil for decoration (cover art).
	Tag *Tag
}

// Link is a clickable area: to a URL, or to an Anchor of the same document.
type Link struct {
	X, Y, W, H float64
	URL        string // external target; empty for an internal link
	Dest       string // name of an Anchor when URL is empty
	// Tag is the Link structure element of the link's text, which the
	// annotation joins in a tagged PDF; nil: a Link element of its own.
	Tag *Tag
}

// Anchor is a named destination on its page at height Y.
type Anchor struct {
	Name string
	Y    float64
}

// Bookmark is an entry of the PDF outline pointing at height Y of its page.
// Level 0 is the top of the outline; each entry is at most one level deeper
// than the one before.
type Bookmark struct {
	Title string
	Level int
	Y     float64
}

func (*Text) isBox()     {}
func (*Rect) isBox()     {}
func (*Image) isBox()    {}
func (*Link) isBox()     {}
func (*Anchor) isBox()   {}
func (*Bookmark) isBox() {}

// Advances returns the x position of every character of t, in order.
func (t *Text) Advances() []float64 {
	var xs []float64
	x := t.X
	for _, r := range t.Text {
		xs = append(xs, x)
		x += float64(t.Face.Advance(r))*t.Size/1000 + t.CharSpacing
	}
	return xs
}

// Width returns the advance of the whole run, without the spacing after its
// last character.
func (t *Text) Width() float64 {
	w, n := 0.0, 0
	for _, r := range t.Text {
		w += float64(t.Face.Advance(r)) * t.Size / 1000
		n++
	}
	if n > 1 {
		w += float64(n-1) * t.CharSpacing
	}
	return w
}
