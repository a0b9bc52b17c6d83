package printjob

import (
	"fmt"
	"time"

	"github.com/zzia/press/internal/pdf"
	"github.com/zzia/press/internal/typeset/box"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
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

// style is how a piece of text is set: the drawing kit's, shared with the
// publications.
type style = kit.Style

func song(size float64) style { return style{Size: size, Color: ink} }
func hei(size float64) style  { return style{Family: fonts.SansFamily, Size: size, Color: ink} }

// canvas collects the pages of a document composed by hand with the
// drawing kit (package canvas), which the publications' covers use too.
type canvas struct{ *kit.Canvas }

func newCanvas(set *fonts.Set) *canvas { return &canvas{kit.New(set)} }

// write turns the pages into a PDF. The only date written is date (none
// when zero), so the same input gives the same bytes.
func (c *canvas) write(title, subject string, date time.Time) ([]byte, error) {
	if len(c.Pages) == 0 {
		return nil, fmt.Errorf("printjob: %s: nothing to print", title)
	}
	return pdf.Write(&box.Document{Pages: c.Pages, Fonts: c.Set}, pdf.Info{
		Title: title, Author: Issuer, Subject: subject, CreationDate: date,
	})
}
