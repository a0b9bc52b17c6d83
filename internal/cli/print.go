package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

func newPrintCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "print")
	c.Long, c.Example = lang.T("print.long"), lang.T("print.example")
	var f secretariatFlags
	// sub adds the subcommand use, whose short help is key.short, running
	// do on the opened project after check (see secretariatFlags.run).
	sub := func(use, key, outUsage string, check func([]string) error, do func(p *project.Project, _ []string) error) *cobra.Command {
		s := &cobra.Command{
			Use:   use,
			Short: lang.T(key + ".short"),
			Args:  cobra.NoArgs,
			RunE:  f.run(lang, check, do),
		}
		f.add(lang, s, outUsage)
		c.AddCommand(s)
		return s
	}

	sub("roster", "print.roster", lang.T("flag.print.out"), nil, func(p *project.Project, _ []string) error {
		o, err := p.PrintRoster(f.out)
		return showOutput(lang, stdout, stderr, o, err)
	})

	var grid, size, margins, gap, copies string
	var outline, skipSuspended bool
	var lo project.LabelOptions
	// The layout is checked before the site is opened.
	layout := func([]string) (err error) {
		lo, err = project.ParseLabels(lang, grid, size, margins, gap, copies)
		lo.Outline, lo.SkipSuspended = outline, skipSuspended
		return err
	}
	labels := sub("labels", "print.labels", lang.T("flag.print.out"), layout, func(p *project.Project, _ []string) error {
		r, err := p.PrintLabels(f.out, lo)
		showWarnings(lang, stderr, &r.Output)
		for _, s := range r.Skipped {
			fmt.Fprintln(stderr, lang.T("diag.warning")+lang.T("print.skipped", s.ID, s.Name, s.Reason))
		}
		showWrote(lang, stdout, &r.Output)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("print.labels.summary", r.Copies, r.Recipients, r.Sheets))
		return nil
	})
	labels.Long = lang.T("print.labels.long")
	labels.Flags().StringVar(&grid, "labels", "2x7", lang.T("flag.print.labels"))
	labels.Flags().StringVar(&size, "label-size", "99.1x38.1", lang.T("flag.print.labelsize"))
	labels.Flags().StringVar(&margins, "label-margins", "", lang.T("flag.print.margins"))
	labels.Flags().StringVar(&gap, "label-gap", "", lang.T("flag.print.gap"))
	labels.Flags().StringVar(&copies, "copies", "副会长单位=3,理事单位=2,普通会员单位=1,个人会员=1", lang.T("flag.print.copies"))
	labels.Flags().BoolVar(&outline, "outline", false, lang.T("flag.print.outline"))
	labels.Flags().BoolVar(&skipSuspended, "skip-suspended", false, lang.T("flag.print.skipsuspended"))

	var co project.CertificateOptions
	certs := sub("certificates", "print.certificates", lang.T("flag.print.out"), nil, func(p *project.Project, _ []string) error {
		r, err := p.PrintCertificates(f.out, co)
		showWarnings(lang, stderr, &r.Output)
		for _, s := range r.Skipped {
			fmt.Fprintln(stderr, lang.T("print.nocert", s.ID, s.Name, s.Reason))
		}
		showWrote(lang, stdout, &r.Output)
		if len(r.Wrote) == 0 {
			return err
		}
		fmt.Fprintln(stdout, lang.T("print.certificates.summary", len(r.Printed)))
		return listCertificates(lang, stdout, r, err)
	})
	certs.Long = lang.T("print.certificates.long")
	certs.Flags().IntVar(&co.Year, "year", 0, lang.T("flag.print.year"))
	certs.Flags().StringVar(&co.Prefix, "prefix", "ZZIA", lang.T("flag.print.prefix"))
	certs.Flags().StringSliceVar(&co.Only, "only", nil, lang.T("flag.print.only"))
	certs.Flags().BoolVar(&co.Record, "record", false, lang.T("flag.print.record"))

	sub("form", "print.form", lang.T("flag.print.formout"), nil, func(p *project.Project, _ []string) error {
		o, err := p.PrintForm(f.out)
		return showOutput(lang, stdout, stderr, o, err)
	})
	return c
}

// listCertificates prints each certificate printed with its number and
// whether the register has it (issued on which day) or it is new, then,
// unless recording them failed (err), whether the new ones were recorded.
// It returns err.
func listCertificates(lang msg.Lang, w io.Writer, r *project.Certificates, err error) error {
	for _, c := range r.Printed {
		if !c.Issued.IsZero() {
			fmt.Fprintln(w, lang.T("certreg.issued", c.Number, c.ID, c.Name, c.Issued.Format("2006-01-02")))
			continue
		}
		fmt.Fprintln(w, lang.T("certreg.new", c.Number, c.ID, c.Name))
	}
	switch {
	case err != nil || r.New == 0:
	case r.Recorded:
		fmt.Fprintln(w, lang.T("certreg.recorded", r.New, project.CertificateRegister))
	default:
		fmt.Fprintln(w, lang.T("certreg.notrecorded", r.New))
	}
	return err
}
