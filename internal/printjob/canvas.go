package printjob

import (
	"fmt"
	"time"

	"github.com/zzia/press/internal/typeset/box"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/pdf"
)

// Colours of the secretariat's own documents beside the association's
// (package canvas): a dark red for the certificates and the 内部资料 mark,
// gold for the certificates' border, and a pale shade for table heads.
var (
	crimson  = box.Color{R: 0x9e, G: 0x1b, B: 0x1b}
	gold     = box.Color{R: 0xb0, G: 0x8a, B: 0x3e}
	paleGold = box.Color{R: 0xfb, G: 0xf7, B: 0xec}
	shade    = box.Color{R: 0xee, G: 0xf1, B: 0xf5}
)

// style is how a piece of text is set: the drawing kit's, shared with the
// publications.
type style = kit.Style

func song(size float64) style { return style{Size: size, Color: kit.Ink} }
func hei(size float64) style  { return style{Family: fonts.SansFamily, Size: size, Color: kit.Ink} }

// canvas collects the pages of a document composed by hand with the
// drawing kit (package canvas), which the publications' covers use too.
type canvas struct{ *kit.Canvas }

// newCanvas returns a canvas setting text in the faces found on the system,
// with the font roles given in override set from those files.
func newCanvas(override map[string]string) (*canvas, error) {
	set, err := fonts.Discover(override)
	if err != nil {
		return nil, err
	}
	return &canvas{kit.New(set)}, nil
}

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
