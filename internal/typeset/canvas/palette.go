package canvas

import (
	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/layout"
)

// MM is one millimetre in points.
const MM = layout.MM

// A4 in points.
const (
	A4W = 210 * MM
	A4H = 297 * MM
)

// The association's colours, from the website's theme, shared by the
// publications and the secretariat's documents: text, its secondary grey,
// thin rules, the brand blue with its dark and pale tints, the accent, and
// white for text on the brand colour.
var (
	Ink       = box.Color{R: 0x1a, G: 0x1a, B: 0x1a}
	Grey      = box.Color{R: 0x55, G: 0x55, B: 0x55}
	Rule      = box.Color{R: 0x99, G: 0x99, B: 0x99}
	Brand     = box.Color{R: 0x0b, G: 0x4a, B: 0x8b}
	BrandDark = box.Color{R: 0x07, G: 0x35, B: 0x66}
	BrandSoft = box.Color{R: 0xe8, G: 0xf0, B: 0xf9}
	Accent    = box.Color{R: 0xa4, G: 0x40, B: 0x0b}
	White     = box.Color{R: 0xff, G: 0xff, B: 0xff}
)
