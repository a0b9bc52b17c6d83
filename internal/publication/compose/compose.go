// Package compose composes the association's publications as documents
// ready to draw: each journal issue (会刊), white paper (白皮书) and
// newsletter (简讯) gets its covers, colophon, contents and running heads
// around the pages the typesetter (package typeset) lays out from its
// Markdown, and is drawn by the PDF backend (package pdf). Pages composed
// by hand use the drawing kit (package canvas).
package compose

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // the size of JPEG images
	"math"
	"time"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/publication/catalog"
	"github.com/zzia/press/internal/typeset"
	"github.com/zzia/press/internal/typeset/box"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/pdf"
)

// Meta is what a build needs to know about a typeset PDF without reading
// it; it is cached with the PDF.
type Meta struct {
	Pages int `json:"pages"`
	// Starts maps the page path of each article or chapter to the page of
	// the PDF (from 1) it starts on.
	Starts map[string]int `json:"starts,omitempty"`
	// Labels maps the same pages to the page number printed there.
	Labels map[string]string `json:"labels,omitempty"`
}

// Composer typesets the publications of one site in one edition.
type Composer struct {
	cfg   catalog.Config
	print bool     // the printer's edition: bleed and crop marks
	lang  msg.Lang // of the typesetter's warnings
}

// New returns the composer of the publications configured by cfg: the
// printer's edition (bleed, crop marks, CMYK) when print is set. The
// typesetter's warnings are in language lang.
func New(cfg catalog.Config, print bool, lang msg.Lang) *Composer {
	return &Composer{cfg: cfg, print: print, lang: lang}
}

// hanging is whether a publication whose front matter says fm (nil:
// nothing) hangs its line-end punctuation.
func (c *Composer) hanging(fm *bool) bool {
	if fm != nil {
		return *fm
	}
	return c.cfg.HangingPunctuation
}

func (c *Composer) info(title, subject string, keywords []string, date time.Time) pdf.Info {
	in := pdf.Info{Title: title, Author: c.cfg.Publisher, Subject: subject, Keywords: keywords, CreationDate: date}
	if c.print {
		in.Bleed = bleedMM
		in.CropMarks = true
		in.CMYK = true
	}
	return in
}

// options are the typesetter's options for a publication of page size
// size, titled title, dated date, whose front matter says hanging about
// hanging punctuation: the site's publisher and fonts, and the margins of
// the size.
func (c *Composer) options(size, title string, date time.Time, hanging *bool) typeset.Options {
	return typeset.Options{
		PageSize:     size,
		Margins:      margins(size),
		Title:        title,
		Author:       c.cfg.Publisher,
		Fonts:        c.cfg.Fonts,
		CreationDate: date,
		Style:        layout.Style{HangingPunctuation: c.hanging(hanging), Lang: c.lang},
	}
}

// margins are the body margins for a page size, in millimetres.
func margins(size string) typeset.Margins {
	if size == "16K" {
		return typeset.Margins{Top: 22, Bottom: 22, Left: 20, Right: 20}
	}
	return typeset.Margins{Top: 25, Bottom: 25, Left: 24, Right: 24}
}

// composed is a document ready to be drawn.
type composed struct {
	doc  *box.Document
	info pdf.Info
	meta Meta
	// laid is the typesetter's part of the document (the articles or
	// chapters), for tests that measure how it was set.
	laid *typeset.Laid
}

// write draws a composed document.
func (c *Composer) write(d *composed, l diag.List, err error) ([]byte, Meta, diag.List, error) {
	if err != nil || d == nil {
		return nil, Meta{}, l, err
	}
	if c.print {
		l = append(l, lowResolution(d.doc)...)
	}
	out, err := pdf.Write(d.doc, d.info)
	return out, d.meta, l, err
}

// minPPI is the least resolution of an image at its printed size that a
// printer accepts.
const minPPI = 300

// lowResolution warns, once per image, about images printed at less than
// minPPI pixels per inch.
func lowResolution(doc *box.Document) diag.List {
	var l diag.List
	seen := map[string]bool{}
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			im, ok := b.(*box.Image)
			if !ok || seen[im.Name] || im.W <= 0 {
				continue
			}
			seen[im.Name] = true
			px := pixelWidth(im)
			if px == 0 {
				continue
			}
			if ppi := float64(px) / (im.W / 72); ppi < minPPI {
				l = append(l, diag.Diagnostic{File: im.Name, Severity: diag.Warning,
					Message: fmt.Sprintf("printed %.0f mm wide, the image has %.0f pixels per inch; a printer wants %d", im.W/kit.MM, ppi, minPPI),
					Hint:    fmt.Sprintf("give an image at least %.0f pixels wide", math.Ceil(im.W/72*minPPI))})
			}
		}
	}
	return l
}

// pixelWidth is the width of an image in pixels; 0 when unknown.
func pixelWidth(im *box.Image) int {
	if im.Decoded != nil {
		return im.Decoded.Bounds().Dx()
	}
	if cfg, _, err := image.DecodeConfig(bytes.NewReader(im.Data)); err == nil {
		return cfg.Width
	}
	return 0
}
