// Command brandimages draws the association's logo, icons and share images
// into a site (package brand):
//
//	static/logo.svg, static/favicon.svg   the logo
//	static/favicon.ico                    16 and 32 px, for browsers that ask for it
//	static/apple-touch-icon.png           180 px, for phones' home screens
//	assets/share/site.png, site-square.png          the site's share images
//	assets/share/<section>.png, <section>-square.png one pair per section
//
// A section is a folder of content/ with an _index.md; its name is that
// file's title. Run it after adding a section or changing the logo:
//
//	go run ./internal/brand/cmd/brandimages [-site .] [-font /usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf]
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image"
	"os"
	"path/filepath"
	"strings"

	"github.com/pelletier/go-toml/v2"
	"go.yaml.in/yaml/v3"

	"github.com/zzia/press/internal/brand"
)

func main() {
	site := flag.String("site", ".", "the site's folder")
	fontPath := flag.String("font", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", "a TrueType font with the Chinese characters (Debian: fonts-droid-fallback)")
	flag.Parse()
	if err := run(*site, *fontPath); err != nil {
		fmt.Fprintln(os.Stderr, "brandimages:", err)
		os.Exit(1)
	}
}

func run(site, fontPath string) error {
	fontData, err := os.ReadFile(fontPath)
	if err != nil {
		return err
	}
	write := func(rel string, b []byte) error {
		p := filepath.Join(site, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		fmt.Println(rel)
		return os.WriteFile(p, b, 0o644)
	}
	for _, n := range []string{"static/logo.svg", "static/favicon.svg"} {
		if err := write(n, brand.LogoSVG()); err != nil {
			return err
		}
	}
	ico, err := brand.ICO(brand.Icon(16, false), brand.Icon(32, false))
	if err != nil {
		return err
	}
	if err := write("static/favicon.ico", ico); err != nil {
		return err
	}
	for name, img := range map[string]image.Image{"static/apple-touch-icon.png": brand.Icon(180, true)} {
		b, err := brand.PNG(img)
		if err != nil {
			return err
		}
		if err := write(name, b); err != nil {
			return err
		}
	}

	title, err := siteTitle(site)
	if err != nil {
		return err
	}
	cards := map[string]brand.Card{"site": {Site: title}}
	dirs, err := os.ReadDir(filepath.Join(site, "content"))
	if err != nil {
		return err
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t, err := indexTitle(filepath.Join(site, "content", d.Name(), "_index.md"))
		if err != nil {
			return err
		}
		if t != "" {
			cards[d.Name()] = brand.Card{Site: title, Section: t}
		}
	}
	for key, c := range cards {
		for suffix, size := range map[string][2]int{"": {1200, 630}, "-square": {600, 600}} {
			img, err := brand.ShareImage(size[0], size[1], c, fontData)
			if err != nil {
				return err
			}
			b, err := brand.PNG(img)
			if err != nil {
				return err
			}
			if err := write("assets/share/"+key+suffix+".png", b); err != nil {
				return err
			}
		}
	}
	return nil
}

func siteTitle(site string) (string, error) {
	b, err := os.ReadFile(filepath.Join(site, "hugo.toml"))
	if err != nil {
		return "", err
	}
	var cfg struct {
		Title string `toml:"title"`
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		return "", fmt.Errorf("hugo.toml: %w", err)
	}
	return cfg.Title, nil
}

// indexTitle is the title in a section's _index.md front matter; "" when
// there is no such file.
func indexTitle(path string) (string, error) {
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	if !ok {
		return "", nil
	}
	fm, _, _ := bytes.Cut(rest, []byte("\n---"))
	var m struct {
		Title string `yaml:"title"`
	}
	if err := yaml.Unmarshal(fm, &m); err != nil {
		return "", fmt.Errorf("%s: %w", path, err)
	}
	return strings.TrimSpace(m.Title), nil
}
