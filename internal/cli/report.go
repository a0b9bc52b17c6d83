package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

func newReportCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "report")
	var f secretariatFlags
	members := command(lang, "members", "report.members", f.run(lang, nil, func(p *project.Project, _ []string) error {
		o, err := p.ReportMembers(f.out)
		return showOutput(lang, stdout, stderr, o, err)
	}))
	f.add(lang, members, lang.T("flag.report.out"))
	c.AddCommand(members, newFeesCmd(lang, stdout, stderr))
	return c
}

func newFeesCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var f secretariatFlags
	var fo project.FeesOptions
	c := command(lang, "fees", "report.fees", f.run(lang, nil, func(p *project.Project, _ []string) error {
		r, err := p.ReportFees(f.out, fo)
		showWarnings(lang, stderr, &r.Output)
		if r.Book == "" {
			return err
		}
		summarize(lang, stdout, r.Report)
		fmt.Fprintln(stdout, lang.T("report.wrote", r.Book))
		switch {
		case err != nil || !fo.Letters:
		case r.Letters == "":
			fmt.Fprintln(stdout, lang.T("report.fees.noletters"))
		default:
			fmt.Fprintln(stdout, lang.T("report.fees.letters", r.Letters, r.Reminders))
		}
		return err
	}))
	f.add(lang, c, lang.T("flag.report.out"))
	c.Flags().IntVar(&fo.Within, "within", 60, lang.T("flag.fees.within"))
	c.Flags().BoolVar(&fo.Letters, "letters", true, lang.T("flag.fees.letters"))
	return c
}

// summarize prints the arrears, the renewals and the totals of the latest
// year.
func summarize(lang msg.Lang, w io.Writer, rep *project.FeeReport) {
	total := 0
	for _, a := range rep.Arrears {
		total += a.Total
	}
	fmt.Fprintln(w, lang.T("report.fees.arrears", len(rep.Arrears), total))
	for _, a := range rep.Arrears {
		var years []string
		for _, o := range a.Owed {
			years = append(years, strconv.Itoa(o.Year))
		}
		fmt.Fprintf(w, "  %-20s %s  %s  %s  %d\n", a.Member.ID, a.Member.Level, a.StatusText(), strings.Join(years, ","), a.Total)
	}
	if len(rep.Renewals) > 0 {
		sum := 0
		for _, r := range rep.Renewals {
			sum += r.Amount
		}
		fmt.Fprintln(w, lang.T("report.fees.renewals", rep.Renewals[0].Year, rep.Renewals[0].Due.Format("2006-01-02"), len(rep.Renewals), sum))
	}
	fmt.Fprintln(w, lang.T("report.fees.totals"))
	for _, t := range rep.Totals {
		fmt.Fprintf(w, "  %s  %-8s %4d/%-4d %10d %10d\n", t.Year, t.Level, t.Paid, t.Liable, t.Received, t.Due)
	}
}
