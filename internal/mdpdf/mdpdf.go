// Package mdpdf is the job of press pdf: one Markdown file, outside any
// site, typeset by press's CJK typesetter into one PDF. The file's front
// matter fills the document's title, author, subject, keywords and date
// where the options leave them empty; the PDF is written whole or not at
// all.
package mdpdf

import (
	"path/filepath"
	"strings"
	"time"

	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/textenc"
	"github.com/zzia/press/internal/typeset"
)

// Options says which Markdown file Write sets and how. The file's front
// matter (title, author, description or summary, keywords or tags, date,
// hangingPunctuation) fills what is not given here.
type Options struct {
	// In is the Markdown file; Out the PDF, by default In with .pdf.
	In, Out string
	// PageSize is "A4", "16K" or "B5".
	PageSize string
	// TOC adds a table of contents; Numbering numbers the headings
	// ("", "chinese" or "decimal").
	TOC       bool
	Numbering string
	// Title, Author, Subject and Keywords are the document's metadata.
	Title, Author, Subject string
	Keywords               []string
	// Header and Footer are the running header and footer.
	Header, Footer string
	// Date is the creation date; zero takes the front matter's.
	Date time.Time
	// Fonts maps font roles to font files.
	Fonts map[string]string
	// HangingPunctuation, when not nil, replaces the front matter's
	// hangingPunctuation.
	HangingPunctuation *bool
}

// Result is a PDF that Write wrote.
type Result struct {
	Out     string        // the file written
	Size    int           // its size in bytes
	Elapsed time.Duration // the time typesetting and writing took
}

// Write typesets one Markdown file with press's CJK typesetter and writes
// the PDF in place of opts.Out. It returns the typesetter's warnings also
// when it fails; a file that cannot be read or set is a diag.List naming
// where. Messages are in language lang.
func Write(lang msg.Lang, opts Options) (*Result, diag.List, error) {
	in := opts.In
	raw, err := typeset.ReadSource(in)
	if err != nil {
		return nil, nil, err
	}
	// A file saved as GBK by a Windows editor is named as such before its
	// front matter is read (a title decoded from it would be gibberish).
	if p := textenc.Check(raw); p != nil {
		return nil, nil, diag.List{textenc.Diagnostic(lang, in, p)}
	}
	// Hugo content has front matter: its title, author, summary,
	// keywords and date fill the options not given.
	fm, src, err := content.FrontMatter(raw)
	if err != nil {
		return nil, nil, content.CheckFile(lang, in, raw)
	}
	to := typeset.Options{
		PageSize: opts.PageSize, TOC: opts.TOC, Numbering: opts.Numbering,
		Title: opts.Title, Author: opts.Author, Subject: opts.Subject, Keywords: opts.Keywords,
		Header: opts.Header, Footer: opts.Footer, Fonts: opts.Fonts, CreationDate: opts.Date,
		Style: typeset.Style{Lang: lang},
	}
	fill := func(p *string, keys ...string) {
		for _, k := range keys {
			if *p == "" {
				*p = content.String(fm, k)
			}
		}
	}
	if t := content.String(fm, "title"); t != "" && !hasH1(src) && len(src) > 0 && src[0] == '\n' {
		// Show the front-matter title as the document's heading, on
		// the first (blanked) front-matter line so line numbers hold.
		src = append([]byte("# "+strings.ReplaceAll(t, "\n", " ")), src...)
	}
	fill(&to.Title, "title")
	fill(&to.Author, "author", "authors")
	fill(&to.Subject, "description", "summary")
	if len(to.Keywords) == 0 {
		if k := content.String(fm, "keywords"); k != "" {
			to.Keywords = strings.Fields(k)
		} else if k := content.String(fm, "tags"); k != "" {
			to.Keywords = strings.Fields(k)
		}
	}
	if opts.HangingPunctuation != nil {
		to.HangingPunctuation = *opts.HangingPunctuation
	} else if b, ok := fm["hangingPunctuation"].(bool); ok {
		to.HangingPunctuation = b
	}
	if to.CreationDate.IsZero() {
		if d := content.String(fm, "date"); len(d) >= 10 {
			if t, err := clock.ParseDay(d[:10]); err == nil {
				to.CreationDate = t
			}
		}
	}
	out := opts.Out
	if out == "" {
		out = strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
	}
	start := time.Now()
	data, warnings, err := typeset.Render(src, in, to)
	if err != nil {
		return nil, warnings, err
	}
	if err := atomicfile.Write(out, data, 0o644); err != nil {
		return nil, warnings, err
	}
	return &Result{Out: out, Size: len(data), Elapsed: time.Since(start)}, warnings, nil
}

// hasH1 reports whether Markdown src has an ATX level-1 heading.
func hasH1(src []byte) bool {
	for _, l := range strings.Split(string(src), "\n") {
		if strings.HasPrefix(l, "# ") {
			return true
		}
	}
	return false
}
