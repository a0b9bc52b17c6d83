// Package picture reads the images the typesetter places (figures, cover
// art): only regular files, no larger than MaxBytes and MaxPixels, decoded
// whole so that a damaged file is found before any page is drawn.
package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	_ "image/gif"  // GIF figures, converted
	_ "image/jpeg" // JPEG figures, embedded as they are
	_ "image/png"  // PNG figures: interlaced, 16-bit, with alpha
	"io"

	"github.com/zzia/press/internal/regfile"
)

// MaxBytes is the largest image file read.
const MaxBytes = 64 << 20

// MaxPixels is the largest image decoded: 100 megapixels (a 300 ppi A3
// scan is 17).
const MaxPixels = 100_000_000

// Picture is an image file read and checked.
type Picture struct {
	Path          string
	Data          []byte      // the file's bytes
	Type          string      // "jpg" (embedded as it is) or "png" (anything decoded: PNG, GIF)
	Width, Height int         // in pixels
	Decoded       image.Image // the pixels; nil for a JPEG
}

// ErrNotRegular is returned for a path that is not a regular file (a
// device such as /dev/zero, a FIFO, a folder).
var ErrNotRegular = regfile.ErrNotRegular

// ReadFile reads a regular file of at most limit bytes; anything else is an
// error that says what it is.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, st, err := regfile.Open(path)
	if errors.Is(err, ErrNotRegular) {
		// Said as this package says what is wrong: the path, then what.
		return nil, fmt.Errorf("%s: %w", path, ErrNotRegular)
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() > limit {
		return nil, fmt.Errorf("%s: %d MB, larger than the %d MB allowed", path, st.Size()>>20, limit>>20)
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%s: larger than the %d MB allowed", path, limit>>20)
	}
	return data, nil
}

// Load reads and decodes the image at path. The error says what is wrong
// in words a writer understands.
func Load(path string) (*Picture, error) {
	data, err := ReadFile(path, MaxBytes)
	if err != nil {
		return nil, err
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: not an image press can read (PNG, JPEG or GIF): %v", path, err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return nil, fmt.Errorf("%s: an empty image", path)
	}
	if int64(cfg.Width)*int64(cfg.Height) > MaxPixels {
		return nil, fmt.Errorf("%s: %d×%d pixels, more than the %d megapixels allowed", path, cfg.Width, cfg.Height, MaxPixels/1_000_000)
	}
	p := &Picture{Path: path, Data: data, Width: cfg.Width, Height: cfg.Height, Type: "png"}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("%s: a damaged %s image: %v", path, format, err)
	}
	if format == "jpeg" {
		p.Type = "jpg"
	} else {
		p.Decoded = img
	}
	return p, nil
}
