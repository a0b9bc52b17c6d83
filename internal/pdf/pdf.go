// Package pdf is press's Chinese typesetter's entry point and its PDF
// backend: it turns Markdown into PDF pages set by the rules of Chinese text
// layout (W3C clreq).
//
// The pipeline is one package per stage:
//
//	mdtree   Markdown → layout tree (goldmark, with a node renderer of ours)
//	layout   layout tree → pages of positioned boxes (line breaking by package line)
//	pdf      boxes → PDF (fpdf), and Render, which runs them all
//
// For one Markdown file:
//
//	out, warnings, err := pdf.Render(src, "notes/2024.md", pdf.Options{PageSize: "A4", TOC: true})
//
// RenderParts sets several Markdown sources in one document, each starting a
// new page; Layout and Write expose the two halves for callers (the journal)
// that add pages of their own, such as covers, between layout and drawing.
//
// Options.CreationDate is the only date written: the same input and options
// always give the same bytes.
package pdf

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/mdtree"
)

// Options control a rendering. The zero value gives A4 pages with default
// margins, no contents and unnumbered headings.
type Options struct {
	PageSize string // "A4" (default), "16K" (185×260 mm) or "B5" (176×250 mm)
	// Margins in millimetres: the least distance from each paper edge to
	// the text block (which is then narrowed to whole characters and lines).
	// Zero: 25 mm top and bottom, 22 mm at the sides.
	Margins   Margins
	BodySize  float64 // body text size in points; zero: 10.5 (五号)
	TOC       bool    // a table of contents, linked to the headings
	Numbering string  // "" none, "chinese" (一、（一）1.（1）) or "decimal" (1, 1.1, 1.1.1)

	// Metadata. Title defaults to the document's single level-1 heading.
	Title, Author, Subject string
	Keywords               []string

	// Header is the running head; empty means the title, "-" means none.
	Header string
	// Footer is the running foot; "{page}" becomes the page number and
	// "{pages}" the number of body pages. Empty means "{page}".
	Footer string

	// Fonts maps font roles ("song", "hei", "kai", "serif", "serif-bold",
	// "sans", "mono", …; see package fonts) to .ttf paths that override the
	// fonts found on the system.
	Fonts map[string]string
	// BaseDir is where relative image paths are resolved; empty means the
	// directory of the file name given to Render.
	BaseDir string
	// CreationDate is written as the PDF's creation and modification date;
	// zero writes none. The clock is never read.
	CreationDate time.Time

	// HeaderEven, when set, is the running head of even pages; odd pages
	// carry their part's Header (or Header).
	HeaderEven string
	// Mirror sets running heads and page numbers at the outer edges.
	Mirror bool
	// FirstPage is the number of the first body page (zero: 1), PageStyle
	// how pages are numbered: "" (1, 2, 3) or "roman" (I, II, III).
	FirstPage int
	PageStyle string
	// AnchorPrefix makes the anchors of this document distinct from those
	// of another laid out separately and joined to it.
	AnchorPrefix string
	// NumberCaptions numbers figures and tables: 图1, 表1 per part, or
	// 图3-1 in a part whose Number is "3".
	NumberCaptions bool
}

// Margins are page margins in millimetres.
type Margins struct {
	Top, Bottom, Left, Right float64
}

// Source is one Markdown part of a document.
type Source struct {
	Src      []byte
	Filename string // for diagnostics, and (by its directory) for images
	BaseDir  string // overrides the directory of Filename for images

	// Title is the part's title; empty means its single leading level-1
	// heading, if any.
	Title string
	// Label is set before the title ("第3章"); Number prefixes heading,
	// figure and table numbers ("3" gives 3.1 and 图3-1).
	Label, Number string
	// Kicker is set above the title (a column), Byline below it (the
	// author); Header is the running head of the part's pages.
	Kicker, Byline, Header string
	// Sink is the space in millimetres left empty at the top of the part's
	// first page.
	Sink float64
}

// Render sets the Markdown src, read from filename, as a PDF. Warnings
// report what was left out (raw HTML, missing images, characters no font
// has) with file and line; err is set when no PDF could be made (a missing
// font, a bad option).
func Render(src []byte, filename string, opts Options) (out []byte, warnings diag.List, err error) {
	return RenderParts([]Source{{Src: src, Filename: filename, BaseDir: opts.BaseDir}}, opts)
}

// RenderParts sets several Markdown sources as one PDF, each starting a new
// page, with one table of contents and outline over all of them.
func RenderParts(parts []Source, opts Options) (out []byte, warnings diag.List, err error) {
	res, warnings, err := Layout(parts, opts)
	if err != nil {
		return nil, warnings, err
	}
	info := Info{Title: opts.Title, Author: opts.Author, Subject: opts.Subject, Keywords: opts.Keywords, CreationDate: opts.CreationDate}
	if info.Title == "" {
		info.Title = res.Title
	}
	out, err = Write(res.Doc, info)
	return out, warnings, err
}

// Laid is a laid-out document: the pages of boxes, the headings with their
// pages, and the title found in the source.
type Laid struct {
	*layout.Result
	Title string
}

// Layout parses and lays out parts without drawing them.
func Layout(parts []Source, opts Options) (*Laid, diag.List, error) {
	set, err := fonts.Discover(opts.Fonts)
	if err != nil {
		return nil, nil, err
	}
	size, err := layout.ParsePageSize(opts.PageSize)
	if err != nil {
		return nil, nil, err
	}
	var warnings diag.List
	var lparts []layout.Part
	title := opts.Title
	for _, p := range parts {
		base := p.BaseDir
		if base == "" {
			base = filepath.Dir(p.Filename)
		}
		doc, ws := mdtree.Parse(p.Src, mdtree.Options{File: p.Filename, BaseDir: base})
		warnings = append(warnings, ws...)
		pt := doc.Title
		if p.Title != "" {
			pt = p.Title
		}
		lparts = append(lparts, layout.Part{Body: doc.Body, Title: pt, File: p.Filename,
			Label: p.Label, Number: p.Number, Kicker: p.Kicker, Byline: p.Byline, Header: p.Header, Sink: p.Sink * layout.MM})
		if title == "" {
			title = pt
		}
	}
	header := opts.Header
	switch header {
	case "":
		header = title
	case "-":
		header = ""
	}
	lo := layout.Options{
		Size:      size,
		Margins:   layout.Margins{Top: opts.Margins.Top * layout.MM, Bottom: opts.Margins.Bottom * layout.MM, Left: opts.Margins.Left * layout.MM, Right: opts.Margins.Right * layout.MM},
		BodySize:  opts.BodySize,
		TOC:       opts.TOC,
		Numbering: opts.Numbering,
		Header:    header,
		Footer:    opts.Footer,
		Fonts:     set,

		HeaderEven:     opts.HeaderEven,
		Mirror:         opts.Mirror,
		FirstPage:      opts.FirstPage,
		PageStyle:      opts.PageStyle,
		AnchorPrefix:   opts.AnchorPrefix,
		NumberCaptions: opts.NumberCaptions,
	}
	res, err := layout.Layout(lparts, lo)
	if err != nil {
		return nil, warnings, err
	}
	warnings = append(warnings, res.Warnings...)
	warnings = append(warnings, uncovered(res.Doc, set, parts)...)
	return &Laid{Result: res, Title: title}, warnings, nil
}

// uncovered warns once per character that no font of the set can draw.
func uncovered(doc *box.Document, set *fonts.Set, parts []Source) diag.List {
	seen := make(map[rune]bool)
	var missing []rune
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			t, ok := b.(*box.Text)
			if !ok {
				continue
			}
			for _, r := range t.Text {
				if !t.Face.Has(r) && !seen[r] && r != ' ' {
					seen[r] = true
					missing = append(missing, r)
				}
			}
		}
	}
	if len(missing) == 0 {
		return nil
	}
	var file string
	if len(parts) > 0 {
		file = parts[0].Filename
	}
	var list diag.List
	for _, r := range missing {
		line := 0
		for _, p := range parts {
			if i := strings.IndexRune(string(p.Src), r); i >= 0 {
				file = p.Filename
				line = 1 + strings.Count(string(p.Src[:i]), "\n")
				break
			}
		}
		list = append(list, diag.Diagnostic{File: file, Line: line, Severity: diag.Warning,
			Message: fmt.Sprintf("character %q (U+%04X) is in none of the fonts and prints as a blank box", r, r),
			Hint:    "install a font that has it (e.g. apt-get install fonts-droid-fallback) or name one in the configuration"})
	}
	return list
}
