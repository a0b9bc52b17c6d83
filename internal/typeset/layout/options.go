package layout

import (
	"fmt"
	"strings"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/typeset/fonts"
)

// MM is one millimetre in points.
const MM = 72 / 25.4

// PageSize is a named paper size in points.
type PageSize struct {
	Name          string
	Width, Height float64
}

// The paper sizes press prints on.
var (
	A4  = PageSize{"A4", 210 * MM, 297 * MM}
	K16 = PageSize{"16K", 185 * MM, 260 * MM} // 大16开, the usual Chinese journal size
	B5  = PageSize{"B5", 176 * MM, 250 * MM}
)

// ParsePageSize returns the paper size named name ("A4", "16K", "B5"; case
// does not matter); the empty name is A4.
func ParsePageSize(name string) (PageSize, error) {
	switch strings.ToUpper(strings.TrimSpace(name)) {
	case "", "A4":
		return A4, nil
	case "16K":
		return K16, nil
	case "B5":
		return B5, nil
	}
	return PageSize{}, fmt.Errorf("unknown page size %q (want A4, 16K or B5)", name)
}

// Margins are the least distances from the paper edges to the text block,
// in points. The text block is then narrowed to a whole number of body
// characters and a whole number of lines, and centred in what is left.
type Margins struct {
	Top, Bottom, Left, Right float64
}

// Numbering styles for headings.
const (
	NumberNone    = ""
	NumberChinese = "chinese" // 一、 （一） 1. （1）
	NumberDecimal = "decimal" // 1  1.1  1.1.1
)

// Options are the measures and furniture of the pages.
type Options struct {
	Size      PageSize
	Margins   Margins // zero: 25 mm top and bottom, 22 mm at the sides
	BodySize  float64 // body text size in points; zero: 10.5 (五号)
	Leading   float64 // baseline distance over body size; zero: 1.75
	TOC       bool    // a table of contents before the first part
	TOCTitle  string  // zero: 目录
	Numbering string  // NumberNone, NumberChinese or NumberDecimal
	// Header is the running head, set at the top of every page but a
	// part's first; empty for none.
	Header string
	// Footer is set at the foot of every page; "{page}" is replaced by the
	// page number and "{pages}" by the number of body pages. Empty means
	// "{page}".
	Footer string
	Fonts  *fonts.Set

	Style
}

// Style is how a document's pages run beyond their size and text: running
// heads and folios, anchors, caption numbers, hanging punctuation, and the
// language of the warnings. typeset.Options hands it on unchanged.
type Style struct {
	// HeaderEven, when not empty, is the running head of even pages; odd
	// pages then carry the part's Header (or Header).
	HeaderEven string
	// Mirror sets running heads and page numbers at the outer edges: the
	// left on even pages, the right on odd ones (by page number).
	Mirror bool
	// FirstPage is the number of the first body page; zero means 1.
	FirstPage int
	// PageStyle is how body pages are numbered: PageArabic or PageRoman.
	PageStyle string
	// AnchorPrefix is put before every anchor name, so that documents laid
	// out separately can be joined without clashes.
	AnchorPrefix string
	// NumberCaptions numbers figures and tables per part: 图1, 表1, or
	// 图3-1, 表3-1 in a part with a Number. Captions then read "图1　…".
	NumberCaptions bool
	// HangingPunctuation sets a full stop or comma (。，、．) that ends a
	// line of a paragraph in the margin (标点悬挂).
	HangingPunctuation bool
	// Lang is the language of the warnings.
	Lang msg.Lang
}

// Page numbering styles.
const (
	PageArabic = ""      // 1, 2, 3
	PageRoman  = "roman" // I, II, III
)

func (o *Options) defaults() error {
	if o.Fonts == nil {
		return fmt.Errorf("layout: no fonts")
	}
	if o.Size.Width == 0 {
		o.Size = A4
	}
	if o.Margins == (Margins{}) {
		o.Margins = Margins{Top: 25 * MM, Bottom: 25 * MM, Left: 22 * MM, Right: 22 * MM}
	}
	if o.BodySize == 0 {
		o.BodySize = 10.5
	}
	if o.Leading == 0 {
		o.Leading = 1.75
	}
	if o.TOCTitle == "" {
		o.TOCTitle = "目录"
	}
	if o.Footer == "" {
		o.Footer = "{page}"
	}
	if o.FirstPage == 0 {
		o.FirstPage = 1
	}
	switch o.PageStyle {
	case PageArabic, PageRoman:
	default:
		return fmt.Errorf("layout: unknown page style %q (want %q or %q)", o.PageStyle, PageArabic, PageRoman)
	}
	switch o.Numbering {
	case NumberNone, NumberChinese, NumberDecimal:
	default:
		return fmt.Errorf("layout: unknown heading numbering %q (want %q or %q)", o.Numbering, NumberChinese, NumberDecimal)
	}
	if o.Size.Width-o.Margins.Left-o.Margins.Right < 10*o.BodySize || o.Size.Height-o.Margins.Top-o.Margins.Bottom < 10*o.BodySize*o.Leading {
		return fmt.Errorf("layout: margins leave less than 10 characters by 10 lines on %s paper", o.Size.Name)
	}
	return nil
}
