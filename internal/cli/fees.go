package cli

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/fees"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/printjob"
	"github.com/zzia/press/internal/sheet"
)

// File names press report fees writes in its --out directory.
const (
	feesFile      = "会费报表.xlsx"
	remindersFile = "会费缴纳通知.pdf"
)

func newFeesCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts pipeline.Options
	var today, out string
	var within int
	var letters bool
	c := command(lang, "fees", "report.fees", func(*cobra.Command, []string) error {
		ds, res, err := openMembers(lang, &opts, today, &out, stderr)
		if err != nil {
			return err
		}
		form, fl := printjob.LoadFormOptions(opts.Site.Config)
		printDiagnostics(lang, stderr, fl.Warnings())
		std := fees.Standard{}
		for _, f := range form.Fees {
			std[f.Level] = f.Amount
		}
		if len(std) == 0 {
			for _, f := range printjob.StandardFees {
				std[f.Level] = f.Amount
			}
		}
		rep := fees.Build(ds, res, std, ds.Today, within)
		var b bytes.Buffer
		if err := sheet.WriteXLSX(&b, rep.Tables()...); err != nil {
			return err
		}
		path := filepath.Join(out, feesFile)
		if err := writePrivate(path, b.Bytes()); err != nil {
			return err
		}
		summarize(lang, stdout, rep)
		fmt.Fprintln(stdout, lang.T("report.wrote", path))
		if !letters {
			return nil
		}
		var rs []printjob.Reminder
		for _, a := range rep.Arrears {
			m := a.Member
			if m.Individual() {
				continue
			}
			r := printjob.Reminder{Name: m.Name, Level: m.Level, Address: m.Contact.Address, Total: a.Total}
			for _, rp := range m.Representatives {
				if rp.Role == member.RoleMain && rp.CurrentOn(ds.Today) && rp.Person != nil {
					r.Contact = strings.TrimSpace(rp.Person.Name + " " + rp.Title)
				}
			}
			for _, o := range a.Owed {
				r.Owed = append(r.Owed, printjob.OwedFee{Year: o.Year, Amount: o.Amount})
			}
			rs = append(rs, r)
		}
		if len(rs) == 0 {
			fmt.Fprintln(stdout, lang.T("report.fees.noletters"))
			return nil
		}
		pdf, err := printjob.Reminders(rs, printjob.ReminderOptions{Options: printjob.Options{Today: ds.Today}, FormOptions: form})
		if err != nil {
			return err
		}
		path = filepath.Join(out, remindersFile)
		if err := writePrivate(path, pdf); err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("report.fees.letters", path, len(rs)))
		return nil
	})
	addSourceFlag(lang, c, &opts.Source)
	c.Flags().StringVarP(&out, "out", "o", "", lang.T("flag.report.out"))
	c.Flags().StringVar(&today, "today", "", lang.T("flag.today"))
	c.Flags().IntVar(&within, "within", 60, lang.T("flag.fees.within"))
	c.Flags().BoolVar(&letters, "letters", true, lang.T("flag.fees.letters"))
	return c
}

// summarize prints the arrears, the renewals and the totals of the latest
// year.
func summarize(lang msg.Lang, w io.Writer, rep *fees.Report) {
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
		fmt.Fprintf(w, "  %-20s %s  %s  %s  %d\n", a.Member.ID, a.Member.Level, fees.StatusText(a.Status), strings.Join(years, ","), a.Total)
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
