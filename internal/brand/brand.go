// Package brand draws the association's logo and the images made from it:
// the SVG logo and favicon, the raster icons browsers and phones ask for
// (favicon.ico, apple-touch-icon.png) and one share image per
// section of the site (the picture WeChat, QQ and other apps show beside a
// shared link). Everything is drawn from one geometry, so the icons always
// match the logo; cmd/brandimages writes the files into the site.
package brand

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// Colours of the logo and the site (assets/css/site.css: --brand, --accent).
var (
	Blue   = color.RGBA{0x0b, 0x4a, 0x8b, 0xff}
	Accent = color.RGBA{0xa4, 0x40, 0x0b, 0xff}
	White  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	Pale   = color.RGBA{0xcf, 0xe2, 0xff, 0xff}
)

// The logo on a 40×40 grid: a disc and, in it, a Z (for Zhengzhou) drawn as
// one polygon.
const (
	logoSize   = 40
	discCenter = 20
	discRadius = 19
)

var zig = [][2]float64{{10, 13}, {30, 13}, {30, 16.2}, {15.2, 27}, {30, 27}, {30, 30.2}, {10, 30.2}, {10, 27}, {24.8, 16.2}, {10, 16.2}}

// LogoSVG is the logo as SVG (static/logo.svg and static/favicon.svg).
func LogoSVG() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d">`, logoSize, logoSize, logoSize, logoSize)
	fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="%d" fill="#0b4a8b"/><path d="M`, discCenter, discCenter, discRadius)
	for i, p := range zig {
		if i > 0 {
			b.WriteString(" ")
		}
		fmt.Fprintf(&b, "%g %g", p[0], p[1])
	}
	b.WriteString(`z" fill="#fff"/></svg>`)
	b.WriteString("\n")
	return b.Bytes()
}

// drawLogo draws the logo with its top left corner at (x, y), size pixels
// wide, on dst; disc and mark are its two colours.
func drawLogo(dst draw.Image, x, y, size float64, disc, mark color.Color) {
	s := size / logoSize
	b := dst.Bounds()
	r := vector.NewRasterizer(b.Dx(), b.Dy())
	circle(r, float32(x+discCenter*s), float32(y+discCenter*s), float32(discRadius*s))
	r.Draw(dst, b, image.NewUniform(disc), image.Point{})
	r = vector.NewRasterizer(b.Dx(), b.Dy())
	for i, p := range zig {
		px, py := float32(x+p[0]*s), float32(y+p[1]*s)
		if i == 0 {
			r.MoveTo(px, py)
		} else {
			r.LineTo(px, py)
		}
	}
	r.ClosePath()
	r.Draw(dst, b, image.NewUniform(mark), image.Point{})
}

// circle adds a circle of four cubic arcs to r.
func circle(r *vector.Rasterizer, cx, cy, rad float32) {
	const k = 0.5522847498
	c := rad * k
	r.MoveTo(cx+rad, cy)
	r.CubeTo(cx+rad, cy+c, cx+c, cy+rad, cx, cy+rad)
	r.CubeTo(cx-c, cy+rad, cx-rad, cy+c, cx-rad, cy)
	r.CubeTo(cx-rad, cy-c, cx-c, cy-rad, cx, cy-rad)
	r.CubeTo(cx+c, cy-rad, cx+rad, cy-c, cx+rad, cy)
	r.ClosePath()
}

// Icon is the logo as a square image of size pixels: on a transparent
// background, or, for the home-screen icons phones make (which have no
// transparency), filling a white square with a margin.
func Icon(size int, opaque bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	if opaque {
		draw.Draw(img, img.Bounds(), image.NewUniform(White), image.Point{}, draw.Src)
		m := float64(size) * 0.08
		drawLogo(img, m, m, float64(size)-2*m, Blue, White)
		return img
	}
	drawLogo(img, 0, 0, float64(size), Blue, White)
	return img
}

// PNG encodes img as PNG, best compression.
func PNG(img image.Image) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ICO wraps PNG images in a Windows icon file (favicon.ico); each must be
// square and at most 256 pixels.
func ICO(imgs ...image.Image) ([]byte, error) {
	var head, body bytes.Buffer
	binary.Write(&head, binary.LittleEndian, [3]uint16{0, 1, uint16(len(imgs))})
	offset := 6 + 16*len(imgs)
	for _, img := range imgs {
		p, err := PNG(img)
		if err != nil {
			return nil, err
		}
		n := img.Bounds().Dx()
		if n > 256 || n != img.Bounds().Dy() {
			return nil, fmt.Errorf("icon of %dx%d: want a square of at most 256", n, img.Bounds().Dy())
		}
		dim := uint8(n % 256) // 0 means 256
		head.Write([]byte{dim, dim, 0, 0})
		binary.Write(&head, binary.LittleEndian, [2]uint16{1, 32})
		binary.Write(&head, binary.LittleEndian, [2]uint32{uint32(len(p)), uint32(offset)})
		offset += len(p)
		body.Write(p)
	}
	return append(head.Bytes(), body.Bytes()...), nil
}

// Card is the text of a share image.
type Card struct {
	Site    string // the site's name: 郑州市信息化促进会
	Section string // the section's name, "" for the site itself
}

// ShareImage draws a share image of w×h pixels: the logo and the site's and
// the section's names on the site's blue, with the accent line along the
// bottom. A wide image (1.9:1, for Open Graph) has the logo left of the
// text, a square one (for WeChat's thumbnail) above it. fontData is a
// TrueType font with the Chinese characters.
func ShareImage(w, h int, c Card, fontData []byte) (*image.NRGBA, error) {
	f, err := opentype.Parse(fontData)
	if err != nil {
		return nil, fmt.Errorf("share image font: %w", err)
	}
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.NewUniform(Blue), image.Point{}, draw.Src)
	band := h / 40
	draw.Draw(img, image.Rect(0, h-band, w, h), image.NewUniform(Accent), image.Point{}, draw.Src)

	face := func(px float64) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
	}
	// line draws s in the face at baseline y, left-aligned at x or, with
	// x < 0, centred.
	line := func(fc font.Face, s string, x, y int, col color.Color) {
		d := font.Drawer{Dst: img, Src: image.NewUniform(col), Face: fc}
		if x < 0 {
			x = (w - d.MeasureString(s).Round()) / 2
		}
		d.Dot = fixed.P(x, y)
		d.DrawString(s)
	}
	wide := w > h*3/2
	var logo, big, small float64
	if wide {
		logo, big, small = float64(h)*0.42, float64(h)*0.1, float64(h)*0.085
	} else {
		logo, big, small = float64(h)*0.36, float64(h)*0.085, float64(h)*0.075
	}
	fb, err := face(big)
	if err != nil {
		return nil, err
	}
	fs, err := face(small)
	if err != nil {
		return nil, err
	}
	if wide {
		x := float64(w) * 0.08
		drawLogo(img, x, (float64(h)-logo)/2-float64(band)/2, logo, White, Blue)
		tx := int(x + logo + float64(w)*0.05)
		if c.Section == "" {
			line(fb, c.Site, tx, h/2+int(big*0.35), White)
		} else {
			line(fb, c.Site, tx, h/2-int(big*0.25), White)
			line(fs, c.Section, tx, h/2+int(small*1.45), Pale)
		}
		return img, nil
	}
	top := float64(h) * 0.14
	drawLogo(img, (float64(w)-logo)/2, top, logo, White, Blue)
	y := int(top + logo + big*1.6)
	line(fb, c.Site, -1, y, White)
	if c.Section != "" {
		line(fs, c.Section, -1, y+int(small*1.7), Pale)
	}
	return img, nil
}
