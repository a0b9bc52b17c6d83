package secretariat

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/zzia/press/internal/fees"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/printjob"
	"github.com/zzia/press/internal/sheet"
)

// File names press report fees writes in its output folder.
const (
	FeesFile      = "会费报表.xlsx"
	RemindersFile = "会费缴纳通知.pdf"
)

// FeeReport is the account of the fees as of today: arrears, renewals and
// totals by year and level.
type FeeReport = fees.Report

// FeesOptions choose what ReportFees writes.
type FeesOptions struct {
	// Within is how many days ahead a renewal is reported.
	Within int
	// Letters writes a reminder letter to every member unit in arrears.
	Letters bool
}

// Fees is what ReportFees did.
type Fees struct {
	Output
	// Report is the account written to Book.
	Report *FeeReport
	// Book is the workbook written, FeesFile.
	Book string
	// Letters is the file of reminder letters written, RemindersFile, and
	// Reminders their number; empty and zero when none was written.
	Letters   string
	Reminders int
}

// ReportFees writes the fee report, FeesFile, and with fo.Letters the
// reminder letters of the member units in arrears, RemindersFile, into
// the folder out ("": the site's InternalDir). The fee standard is that of
// the application form's settings (data/fees.yaml), else the
// association's standard.
func (d *Desk) ReportFees(out string, fo FeesOptions) (*Fees, error) {
	r := &Fees{}
	o := &r.Output
	j, err := d.start(o, out)
	if err != nil {
		return r, err
	}
	ds := j.ds
	form, fl := printjob.LoadFormOptions(d.Config)
	o.Warnings = append(o.Warnings, fl.Warnings()...)
	std := fees.Standard{}
	for _, f := range form.Fees {
		std[f.Level] = f.Amount
	}
	if len(std) == 0 {
		for _, f := range printjob.StandardFees {
			std[f.Level] = f.Amount
		}
	}
	rep := fees.Build(ds, j.res, std, ds.Today, fo.Within)
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, rep.Tables()...); err != nil {
		return r, err
	}
	r.Report = rep
	if err := writePrivate(o, filepath.Join(j.dir, FeesFile), b.Bytes()); err != nil {
		return r, err
	}
	r.Book = o.Wrote[0]
	if !fo.Letters {
		return r, nil
	}
	rs := reminders(ds, rep)
	if len(rs) == 0 {
		return r, nil
	}
	pdf, err := printjob.Reminders(rs, printjob.ReminderOptions{Options: printjob.Options{Today: ds.Today}, FormOptions: form})
	if err != nil {
		return r, err
	}
	if err := writePrivate(o, filepath.Join(j.dir, RemindersFile), pdf); err != nil {
		return r, err
	}
	r.Letters, r.Reminders = o.Wrote[1], len(rs)
	return r, nil
}

// reminders are the letters to the member units in arrears, addressed to
// their current main representative.
func reminders(ds *member.Dataset, rep *fees.Report) []printjob.Reminder {
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
	return rs
}
