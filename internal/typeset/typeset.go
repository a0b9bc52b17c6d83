// Package typeset is press's Chinese typesetter: it turns Markdown into
// pages set by the rules of Chinese text layout (W3C clreq) and, through the
// PDF backend, into PDF.
//
// The pipeline is one package per stage:
//
//	mdtree   Markdown → layout tree (goldmark, with a node renderer of ours)
//	layout   layout tree → pages of positioned boxes (line breaking by package line)
//	pdf      boxes → PDF (a PDF 1.7 writer of its own)
//
// and this package runs them. For one Markdown file:
//
//	out, warnings, err := typeset.Render(src, "notes/2024.md", typeset.Options{PageSize: "A4", TOC: true})
//
// RenderParts sets several Markdown sources in one document, each starting a
// new page; Layout lays them out without drawing them, for callers (the
// publications) that add pages of their own, such as covers, before they
// hand the document to pdf.Write.
//
// Options.CreationDate is the only date written: the same input and options
// always give the same bytes.
package typeset

import (
	"bytes"
	"path/filepath"
	"time"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/textenc"
	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/mdtree"
	"github.com/zzia/press/internal/typeset/pdf"
	"github.com/zzia/press/internal/typeset/picture"
)

// Style is how a document's pages run beyond their size and text (running
// heads, folios, caption numbers, hanging punctuation) and the language of
// the warnings: layout.Style, named here for callers of Options.
type Style = layout.Style

// MaxSource is the largest Markdown file the typesetter reads.
const MaxSource = 16 << 20

// ReadSource reads the Markdown file at path: a regular file of at most
// MaxSource bytes, else an error that says what it is.
func ReadSource(path string) ([]byte, error) { return picture.ReadFile(path, MaxSource) }

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

	// Style is how the pages run: the running head of even pages, mirrored
	// folios, the first page's number and style, anchors, caption numbers,
	// hanging punctuation and the language of the warnings.
	layout.Style
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
	info := pdf.Info{Title: opts.Title, Author: opts.Author, Subject: opts.Subject, Keywords: opts.Keywords, CreationDate: opts.CreationDate}
	if info.Title == "" {
		info.Title = res.Title
	}
	out, err = pdf.Write(res.Doc, info)
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
	// The fonts are found and read while the Markdown is parsed.
	var set *fonts.Set
	var setErr error
	found := make(chan struct{})
	go func() {
		defer close(found)
		set, setErr = fonts.Discover(opts.Fonts)
	}()
	laid, warnings, err := layoutWith(parts, opts, func() (*fonts.Set, error) {
		<-found
		return set, setErr
	})
	<-found
	return laid, warnings, err
}

// layoutWith is Layout with the fonts given by a function that waits for
// them.
func layoutWith(parts []Source, opts Options, fontSet func() (*fonts.Set, error)) (*Laid, diag.List, error) {
	size, err := layout.ParsePageSize(opts.PageSize)
	if err != nil {
		return nil, nil, err
	}
	var warnings diag.List
	var bad diag.List
	for _, p := range parts {
		if d := checkSource(p, opts.Lang); d != nil {
			bad = append(bad, *d)
		}
	}
	if len(bad) > 0 {
		return nil, nil, bad
	}
	for _, p := range parts {
		if bytes.Contains(p.Src, []byte("{#fig:")) || bytes.Contains(p.Src, []byte("{#tab:")) {
			// Labelled figures or tables are referred to by number.
			opts.NumberCaptions = true
		}
	}
	var lparts []layout.Part
	title := opts.Title
	empty := len(parts) > 0
	for _, p := range parts {
		base := p.BaseDir
		if base == "" {
			base = filepath.Dir(p.Filename)
		}
		doc, ws := mdtree.Parse(p.Src, mdtree.Options{File: p.Filename, BaseDir: base, Lang: opts.Lang})
		warnings = append(warnings, ws...)
		if len(doc.Body) > 0 || p.Title != "" {
			empty = false
		}
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
	set, err := fontSet()
	if err != nil {
		return nil, nil, err
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
		Style:     opts.Style,
	}
	res, err := layout.Layout(lparts, lo)
	if err != nil {
		return nil, warnings, err
	}
	warnings = append(warnings, res.Warnings...)
	warnings = append(warnings, charWarnings(opts.Lang, res.Doc, set, parts)...)
	if empty {
		warnings = append(warnings, diag.Diagnostic{File: parts[0].Filename, Line: 1, Severity: diag.Warning,
			Message: opts.Lang.T("typeset.empty"), Hint: opts.Lang.T("typeset.empty.hint")})
	}
	return &Laid{Result: res, Title: title}, warnings, nil
}

// charWarnings warns once per character of the document that no face has
// (printed as a placeholder) or that came from a face other than the one
// its style asks for, naming the file and line where it first occurs.
func charWarnings(l msg.Lang, doc *box.Document, set *fonts.Set, parts []Source) diag.List {
	type use struct {
		r        rune
		missing  bool
		role     fonts.Role
		face     *fonts.Face
		fallback bool
	}
	seen := make(map[rune]bool)
	var uses []use
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			t, ok := b.(*box.Text)
			if !ok {
				continue
			}
			switch {
			case t.Replaced != 0:
				if !seen[t.Replaced] {
					seen[t.Replaced] = true
					uses = append(uses, use{r: t.Replaced, missing: true})
				}
			case t.Fallback:
				for _, r := range t.Text {
					if !seen[r] {
						seen[r] = true
						uses = append(uses, use{r: r, role: t.Role, face: t.Face, fallback: true})
					}
				}
			}
		}
	}
	if len(uses) == 0 {
		return nil
	}
	var list diag.List
	for _, u := range uses {
		file, line := where(parts, u.r)
		if line == 0 {
			continue // a mark of the typesetter's own (a list's check box)
		}
		d := diag.Diagnostic{File: file, Line: line, Severity: diag.Warning}
		if u.missing {
			d.Message = l.T("typeset.nofont", u.r, u.r, fonts.Placeholder)
			d.Hint = l.T("typeset.nofont.hint")
		} else {
			main := set.Face(fonts.Song)
			d.Message = l.T("typeset.fallback", u.r, u.r, faceName(main), faceName(u.face), u.role)
			d.Hint = l.T("typeset.fallback.hint")
		}
		list = append(list, d)
	}
	return list
}

// faceName names a face for messages: its family, else its file.
func faceName(f *fonts.Face) string {
	if f == nil {
		return "(none)"
	}
	if f.Family != "" {
		return f.Family
	}
	return filepath.Base(f.Path)
}

// where returns the file and line where r first occurs in parts.
func where(parts []Source, r rune) (string, int) {
	var file string
	if len(parts) > 0 {
		file = parts[0].Filename
	}
	for _, p := range parts {
		if i := bytes.IndexRune(p.Src, r); i >= 0 {
			return p.Filename, 1 + bytes.Count(p.Src[:i], []byte("\n"))
		}
	}
	return file, 0
}

// checkSource reports a source that is not Markdown text as an error: a
// binary file (one with NUL bytes), or text that is not UTF-8 (a GBK file
// from a Windows editor would print as gibberish).
func checkSource(p Source, l msg.Lang) *diag.Diagnostic {
	if i := bytes.IndexByte(p.Src, 0); i >= 0 {
		return &diag.Diagnostic{File: p.Filename, Line: 1 + bytes.Count(p.Src[:i], []byte("\n")), Severity: diag.Error,
			Message: l.T("typeset.binary"), Hint: l.T("typeset.binary.hint")}
	}
	if e := textenc.Check(p.Src); e != nil {
		d := textenc.Diagnostic(l, p.Filename, e)
		return &d
	}
	return nil
}
