package cli

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

func newPDFCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts project.PDFOptions
	var date, keywords string
	var hanging bool
	var fontFlags []string
	c := command(lang, "pdf FILE.md", "pdf", func(cmd *cobra.Command, args []string) error {
		opts.In = args[0]
		if cmd.Flags().Changed("hanging-punctuation") {
			opts.HangingPunctuation = &hanging
		}
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
			t, err := project.ParseDay(date)
			if err != nil {
				return usageError{errors.New(lang.T("pdf.baddate", date))}
			}
			opts.Date = t
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
		res, warnings, err := project.PDF(lang, opts)
		printDiagnostics(lang, stderr, warnings)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("pdf.done", res.Out, res.Size/1024, res.Elapsed.Round(time.Millisecond)))
		return nil
	})
	c.Args = cobra.ExactArgs(1)
	f := c.Flags()
	f.StringVarP(&opts.Out, "output", "o", "", lang.T("flag.pdf.output"))
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
	f.BoolVar(&hanging, "hanging-punctuation", false, lang.T("flag.pdf.hanging"))
	return c
}
