package brand

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var repoRoot = filepath.Join("..", "..")

// TestSiteFilesAreCurrent: the logo and icons in static/ are what the
// logo's geometry draws today (run `go run ./internal/brand/cmd/brandimages`
// after changing it).
func TestSiteFilesAreCurrent(t *testing.T) {
	for _, n := range []string{"logo.svg", "favicon.svg"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "static", n))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, LogoSVG()) {
			t.Errorf("static/%s is not the logo LogoSVG draws; regenerate it", n)
		}
	}
	ico, err := ICO(Icon(16, false), Icon(32, false))
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]func() ([]byte, error){
		"favicon.ico":          func() ([]byte, error) { return ico, nil },
		"apple-touch-icon.png": func() ([]byte, error) { return PNG(Icon(180, true)) },
	} {
		b, err := os.ReadFile(filepath.Join(repoRoot, "static", name))
		if err != nil {
			t.Fatal(err)
		}
		w, err := want()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, w) {
			t.Errorf("static/%s is not the icon the logo draws today; regenerate it", name)
		}
	}
}

// TestIconLooksLikeTheLogo: the touch icon is the blue disc with the white
// Z on white: blue at the disc's edge, white in the Z's top bar, white
// corners (phones show no transparency).
func TestIconLooksLikeTheLogo(t *testing.T) {
	img := Icon(180, true)
	at := func(x, y int) [3]uint8 {
		c := img.NRGBAAt(x, y)
		return [3]uint8{c.R, c.G, c.B}
	}
	white, blue := [3]uint8{255, 255, 255}, [3]uint8{Blue.R, Blue.G, Blue.B}
	// The drawing is 180-2×14.4 px wide, from 14.4: logo unit 3.78 px.
	u := (180 - 2*14.4) / 40
	px := func(v float64) int { return int(14.4 + v*u) }
	for _, c := range []struct {
		x, y int
		want [3]uint8
		what string
	}{
		{2, 2, white, "corner"},
		{px(20), px(4), blue, "top of the disc"},
		{px(20), px(14.5), white, "top bar of the Z"},
		{px(12), px(22), blue, "between the Z's bars, left of the diagonal"},
		{px(19), px(22), white, "the Z's diagonal"},
		{px(20), px(28.5), white, "bottom bar of the Z"},
	} {
		if got := at(c.x, c.y); got != c.want {
			t.Errorf("%s (%d,%d) is %v, want %v", c.what, c.x, c.y, got, c.want)
		}
	}
}

// TestEverySectionHasShareImages: every section of the bundled site
// (content/<dir>/_index.md) and the site itself have a wide (1200×630) and
// a square (600×600) share image in assets/share/.
func TestEverySectionHasShareImages(t *testing.T) {
	dirs, err := os.ReadDir(filepath.Join(repoRoot, "content"))
	if err != nil {
		t.Fatal(err)
	}
	keys := []string{"site"}
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(repoRoot, "content", d.Name(), "_index.md")); d.IsDir() && err == nil {
			keys = append(keys, d.Name())
		}
	}
	for _, k := range keys {
		for suffix, size := range map[string]image.Point{"": {1200, 630}, "-square": {600, 600}} {
			p := filepath.Join(repoRoot, "assets", "share", k+suffix+".png")
			f, err := os.Open(p)
			if err != nil {
				t.Errorf("section %s has no share image: %v (run go run ./internal/brand/cmd/brandimages)", k, err)
				continue
			}
			cfg, err := png.DecodeConfig(f)
			f.Close()
			if err != nil {
				t.Errorf("%s: %v", p, err)
			} else if cfg.Width != size.X || cfg.Height != size.Y {
				t.Errorf("%s is %dx%d, want %dx%d", p, cfg.Width, cfg.Height, size.X, size.Y)
			}
		}
	}
}

func TestICO(t *testing.T) {
	b, err := ICO(Icon(16, false), Icon(32, false))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte{0, 0, 1, 0, 2, 0, 16, 16}) {
		t.Errorf("favicon.ico header % x", b[:8])
	}
	// The second entry's PNG decodes to 32×32.
	off := int(b[6+16+12]) | int(b[6+16+13])<<8
	img, err := png.Decode(bytes.NewReader(b[off:]))
	if err != nil || img.Bounds().Dx() != 32 {
		t.Errorf("the 32 px icon in favicon.ico: %v", err)
	}
}
