package compose

import (
	"fmt"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/publication/catalog"
	"github.com/zzia/press/internal/typeset"
	"github.com/zzia/press/internal/typeset/box"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/line"
)

// newsletterName is the masthead of the newsletter.
const newsletterName = "简讯"

// Newsletter typesets a newsletter: a masthead on the first page, the
// title, and the text, on A4.
func (c *Composer) Newsletter(n *catalog.Newsletter) ([]byte, Meta, diag.List, error) {
	return c.write(c.newsletterDoc(n))
}

// newsletterDoc composes a newsletter's PDF (see Newsletter).
func (c *Composer) newsletterDoc(n *catalog.Newsletter) (*composed, diag.List, error) {
	const sinkMM = 30
	opts := c.options("A4", c.cfg.Publisher+newsletterName+" "+n.IssueLine(), n.Date, n.Hanging)
	opts.Header = c.cfg.Publisher + newsletterName + "　" + n.IssueLine()
	opts.Footer = "第 {page} 页　共 {pages} 页"
	laid, warnings, err := typeset.Layout([]typeset.Source{{Src: n.Body, Filename: n.File, BaseDir: n.Dir, Title: n.Title, Sink: sinkMM}}, opts)
	if err != nil {
		return nil, warnings, err
	}
	set := laid.Doc.Fonts
	pg := &laid.Doc.Pages[0]
	s := newSheet(set, pg.Width, pg.Height)
	fr := laid.Frame
	b := bleedMM * kit.MM
	bandBottom := fr.Top + sinkMM*kit.MM - 8*kit.MM
	s.Rect(-b, -b, pg.Width+2*b, bandBottom+b, kit.Brand)
	s.Rect(-b, bandBottom, pg.Width+2*b, 1.2*kit.MM, kit.Accent)
	y := fr.Top - 8*kit.MM
	s.Text(fr.Left, y, fr.Width, c.cfg.Publisher, style{Family: fonts.SansFamily, Size: 12, Color: kit.BrandSoft, Track: 2})
	s.Text(fr.Left, y+7*kit.MM, fr.Width, "简　讯", style{Family: fonts.SansFamily, Size: 30, Color: kit.White, Track: 4, Leading: 1.3})
	right := style{Family: fonts.SerifFamily, Size: 11, Color: kit.White, Align: line.Right, Leading: 1.6}
	y2 := s.Text(fr.Left, y+12*kit.MM, fr.Width, n.IssueLine(), right)
	s.Text(fr.Left, y2, fr.Width, catalog.DateCN(n.Date), right)
	// The masthead is drawn first, under the text.
	pg.Boxes = append(s.page().Boxes, pg.Boxes...)
	doc := &box.Document{Pages: laid.Doc.Pages, Fonts: set}
	info := c.info(opts.Title, n.Summary, []string{c.cfg.Publisher, newsletterName, fmt.Sprintf("%d年第%d期", n.Date.Year(), n.Number)}, n.Date)
	return &composed{doc: doc, info: info, meta: Meta{Pages: len(doc.Pages)}, laid: laid}, warnings, nil
}
