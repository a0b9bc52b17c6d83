package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/typeset"
	"github.com/zzia/press/internal/typeset/picture"
)

// maxMarkdown is the largest Markdown file press pdf reads.
const maxMarkdown = 16 << 20

func newPDFCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts typeset.Options
	var out, date, keywords string
	var fontFlags []string
	c := command(lang, "pdf FILE.md", "pdf", func(cmd *cobra.Command, args []string) error {
		in := args[0]
		hangSet := cmd.Flags().Changed("hanging-punctuation")
		switch strings.ToUpper(opts.PageSize) {
		case "A4", "16K", "B5":
			opts.PageSize = strings.ToUpper(opts.PageSize)
		default:
			return usageError{errors.New(lang.T("pdf.badsize", opts.PageSize))}
		}
		switch opts.Numbering {
		case "", "chinese", "decimal":
		default:
			return usageError{errors.New(lang.T("pdf.badnumbering", opts.Numbering))}
		}
		if date != "" {
			t, err := time.ParseInLocation("2006-01-02", date, clock.Zone)
			if err != nil {
				return usageError{errors.New(lang.T("pdf.baddate", date))}
			}
			opts.CreationDate = t
		}
		if keywords != "" {
			opts.Keywords = strings.Split(keywords, ",")
		}
		for _, f := range fontFlags {
			role, path, ok := strings.Cut(f, "=")
			if !ok {
				return usageError{errors.New(lang.T("pdf.badfont", f))}
			}
			if opts.Fonts == nil {
				opts.Fonts = map[string]string{}
			}
			opts.Fonts[role] = path
		}
		raw, err := picture.ReadFile(in, maxMarkdown)
		if err != nil {
			return err
		}
		// Hugo content has front matter: its title, author, summary,
		// keywords and date fill the options not given as flags.
		fm, src, err := content.FrontMatter(raw)
		if err != nil {
			return &pipeline.Error{Diagnostics: content.CheckFile(lang, in, raw)}
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
		fill(&opts.Title, "title")
		fill(&opts.Author, "author", "authors")
		fill(&opts.Subject, "description", "summary")
		if len(opts.Keywords) == 0 {
			if k := content.String(fm, "keywords"); k != "" {
				opts.Keywords = strings.Fields(k)
			} else if k := content.String(fm, "tags"); k != "" {
				opts.Keywords = strings.Fields(k)
			}
		}
		if !hangSet {
			if b, ok := fm["hangingPunctuation"].(bool); ok {
				opts.HangingPunctuation = b
			}
		}
		if opts.CreationDate.IsZero() {
			if d := content.String(fm, "date"); len(d) >= 10 {
				if t, err := time.ParseInLocation("2006-01-02", d[:10], clock.Zone); err == nil {
					opts.CreationDate = t
				}
			}
		}
		if out == "" {
			out = strings.TrimSuffix(in, filepath.Ext(in)) + ".pdf"
		}
		start := time.Now()
		data, warnings, err := typeset.Render(src, in, opts)
		printDiagnostics(lang, stderr, warnings)
		if err != nil {
			var l diag.List
			if errors.As(err, &l) {
				return &pipeline.Error{Diagnostics: l}
			}
			return err
		}
		if err := atomicfile.Write(out, data, 0o644); err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("pdf.done", out, len(data)/1024, time.Since(start).Round(time.Millisecond)))
		return nil
	})
	c.Args = cobra.ExactArgs(1)
	f := c.Flags()
	f.StringVarP(&out, "output", "o", "", lang.T("flag.pdf.output"))
	f.StringVar(&opts.PageSize, "size", "A4", lang.T("flag.pdf.size"))
	f.BoolVar(&opts.TOC, "toc", false, lang.T("flag.pdf.toc"))
	f.StringVar(&opts.Numbering, "numbering", "", lang.T("flag.pdf.numbering"))
	f.StringVar(&opts.Title, "title", "", lang.T("flag.pdf.title"))
	f.StringVar(&opts.Author, "author", "", lang.T("flag.pdf.author"))
	f.StringVar(&opts.Subject, "subject", "", lang.T("flag.pdf.subject"))
	f.StringVar(&keywords, "keywords", "", lang.T("flag.pdf.keywords"))
	f.StringVar(&opts.Header, "header", "", lang.T("flag.pdf.header"))
	f.StringVar(&opts.Footer, "footer", "", lang.T("flag.pdf.footer"))
	f.StringVar(&date, "date", "", lang.T("flag.pdf.date"))
	f.StringArrayVar(&fontFlags, "font", nil, lang.T("flag.pdf.font"))
	f.BoolVar(&opts.HangingPunctuation, "hanging-punctuation", false, lang.T("flag.pdf.hanging"))
	return c
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
