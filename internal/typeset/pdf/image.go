package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"image"
	"image/color"
	_ "image/gif"  // GIF figures are converted
	_ "image/jpeg" // JPEG figures
	_ "image/png"  // PNG figures

	"github.com/zzia/press/internal/typeset/box"
)

// image writes an image XObject once per distinct image: a JPEG as it is
// (its DCT data), anything else decoded and written as 8-bit samples, with
// its transparency as a soft mask.
func (d *docWriter) image(b *box.Image) (ref, error) {
	sum := sha256.Sum256(b.Data)
	key := string(sum[:])
	if r, ok := d.images[key]; ok {
		return r, nil
	}
	r, err := d.writeImage(b)
	if err != nil {
		return 0, fmt.Errorf("pdf: image %s: %w", b.Name, err)
	}
	d.images[key] = r
	return r, nil
}

func (d *docWriter) writeImage(b *box.Image) (ref, error) {
	if b.Type == "jpg" && !d.info.CMYK {
		cfg, err := jpegConfig(b.Data)
		if err != nil {
			return 0, err
		}
		space := ""
		switch cfg.ColorModel {
		case color.GrayModel:
			space = "/DeviceGray"
		case color.YCbCrModel, color.RGBAModel:
			space = "/DeviceRGB"
		}
		if space != "" {
			return d.w.addStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode ",
				cfg.Width, cfg.Height, space), b.Data, false), nil
		}
		// CMYK JPEGs (often stored inverted): decoded and written as RGB.
	}
	if b.Type == "png" && !d.info.CMYK {
		if dict, data, ok := pngStream(b.Data); ok {
			// An opaque, non-interlaced PNG: its compressed data as it is.
			return d.w.addStream(dict, data, false), nil
		}
	}
	img := b.Decoded
	if img == nil {
		var err error
		img, _, err = image.Decode(bytes.NewReader(b.Data))
		if err != nil {
			return 0, err
		}
	}
	px, alpha, gray := samples(img)
	bounds := img.Bounds()
	w, h := bounds.Dx(), bounds.Dy()
	if w == 0 || h == 0 {
		return 0, fmt.Errorf("empty image")
	}
	space := "/DeviceRGB"
	switch {
	case gray:
		space = "/DeviceGray"
	case d.info.CMYK:
		space = "/DeviceCMYK"
		cmyk := make([]byte, 0, len(px)/3*4)
		for i := 0; i+2 < len(px); i += 3 {
			c, m, y, k := toCMYK(px[i], px[i+1], px[i+2])
			cmyk = append(cmyk, byte(c*255+0.5), byte(m*255+0.5), byte(y*255+0.5), byte(k*255+0.5))
		}
		px = cmyk
	}
	mask := ""
	if alpha != nil {
		m := d.w.addStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 ", w, h), alpha, true)
		mask = "/SMask " + m.String() + " "
	}
	return d.w.addStream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 %s", w, h, space, mask), px, true), nil
}

func jpegConfig(data []byte) (image.Config, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return cfg, err
	}
	if format != "jpeg" {
		return cfg, fmt.Errorf("not a JPEG but %s", format)
	}
	return cfg, nil
}

// samples returns an image's colour samples (RGB, or grey when every pixel
// is grey), its alpha samples (nil when it is opaque), un-premultiplied.
func samples(img image.Image) (px, alpha []byte, gray bool) {
	b := img.Bounds()
	w, h := b.Dx(), b.Dy()
	rgb := make([]byte, 0, 3*w*h)
	a := make([]byte, 0, w*h)
	opaque, isGray := true, true
	put := func(r, g, bl, al uint8) {
		rgb = append(rgb, r, g, bl)
		a = append(a, al)
		if al != 0xff {
			opaque = false
		}
		if r != g || g != bl {
			isGray = false
		}
	}
	switch m := img.(type) {
	case *image.NRGBA:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for i := 0; i+3 < len(row); i += 4 {
				put(row[i], row[i+1], row[i+2], row[i+3])
			}
		}
	case *image.Gray:
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for _, v := range m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)] {
				put(v, v, v, 0xff)
			}
		}
	case *image.RGBA:
		// Premultiplied: un-premultiplied as color.NRGBAModel does.
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for i := 0; i+3 < len(row); i += 4 {
				if al := row[i+3]; al == 0xff {
					put(row[i], row[i+1], row[i+2], 0xff)
				} else {
					c := color.NRGBAModel.Convert(color.RGBA{row[i], row[i+1], row[i+2], al}).(color.NRGBA)
					put(c.R, c.G, c.B, c.A)
				}
			}
		}
	case *image.Paletted:
		pal := make([]color.NRGBA, 256)
		for i, c := range m.Palette {
			pal[i] = color.NRGBAModel.Convert(c).(color.NRGBA)
		}
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for _, v := range m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)] {
				c := pal[v]
				put(c.R, c.G, c.B, c.A)
			}
		}
	default:
		// 16-bit and other images: through the colour model, a pixel at
		// a time.
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				c := color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA)
				put(c.R, c.G, c.B, c.A)
			}
		}
	}
	if isGray {
		g := make([]byte, 0, w*h)
		for i := 0; i < len(rgb); i += 3 {
			g = append(g, rgb[i])
		}
		rgb = g
	}
	if opaque {
		a = nil
	}
	return rgb, a, isGray
}

// pngStream returns the image XObject of an opaque, non-interlaced PNG of
// 8-bit grey or RGB samples or of a palette: the dictionary and the PNG's
// zlib data, which PDF reads with the PNG predictors, so the image is
// neither decoded nor compressed again. ok is false for any other PNG
// (alpha, transparency, interlacing, 16-bit samples), which is decoded.
func pngStream(data []byte) (dict string, idat []byte, ok bool) {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(data) < 8+25 || string(data[:8]) != sig {
		return "", nil, false
	}
	var w, h uint32
	var depth, ctype byte
	var palette []byte
	for at := 8; at+12 <= len(data); {
		n := int(binary.BigEndian.Uint32(data[at:]))
		kind := string(data[at+4 : at+8])
		if n < 0 || at+12+n > len(data) {
			return "", nil, false
		}
		body := data[at+8 : at+8+n]
		switch kind {
		case "IHDR":
			if n < 13 || body[10] != 0 || body[11] != 0 || body[12] != 0 {
				return "", nil, false // unknown compression or filter, or interlaced
			}
			w, h = binary.BigEndian.Uint32(body), binary.BigEndian.Uint32(body[4:])
			depth, ctype = body[8], body[9]
		case "PLTE":
			palette = body
		case "tRNS":
			return "", nil, false
		case "IDAT":
			idat = append(idat, body...)
		case "IEND":
			at = len(data)
			continue
		}
		at += 12 + n
	}
	var space string
	colors := 1
	switch {
	case ctype == 0 && depth == 8:
		space = "/DeviceGray"
	case ctype == 2 && depth == 8:
		space, colors = "/DeviceRGB", 3
	case ctype == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8) && len(palette) >= 3 && len(palette)%3 == 0:
		space = fmt.Sprintf("[/Indexed /DeviceRGB %d <%X>]", len(palette)/3-1, palette)
	default:
		return "", nil, false
	}
	if w == 0 || h == 0 || len(idat) == 0 {
		return "", nil, false
	}
	dict = fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s /BitsPerComponent %d /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors %d /BitsPerComponent %d /Columns %d >> ",
		w, h, space, depth, colors, depth, w)
	return dict, idat, true
}
