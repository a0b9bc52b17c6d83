package secretariat

import (
	"path/filepath"
	"time"

	"github.com/zzia/press/internal/certreg"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/printjob"
)

// CertificateRegister is the site's register of the certificate numbers
// issued, relative to the site folder.
const CertificateRegister = certreg.File

// CertificateOptions choose the certificates to print and their numbering.
type CertificateOptions struct {
	// Year is the year of validity; zero: the year of today.
	Year int
	// Prefix starts every certificate number.
	Prefix string
	// Only, when not empty, limits the printing to these member ids (a
	// reprint); the numbers stay those of the full run.
	Only []string
	// Record adds the numbers not yet in the register to it, as issued
	// today.
	Record bool
}

// Certificate is one certificate printed, with the day the register says
// its number was issued (zero: a new number).
type Certificate struct {
	printjob.Certificate
	Issued time.Time
}

// Certificates is what PrintCertificates did besides writing its file.
type Certificates struct {
	Output
	// Skipped are the members who get no certificate.
	Skipped []Skipped
	// Printed are the certificates, in print order.
	Printed []Certificate
	// New counts the numbers not in the register; Recorded says that they
	// were added to it.
	New      int
	Recorded bool
}

// PrintCertificates writes the membership certificates, CertificatesFile,
// into the folder out ("": the site's InternalDir). Numbers already in the
// certificate register are kept; new ones are added to it with co.Record.
// An unknown member in co.Only is a *UsageError; a register naming an
// unknown member, a *pipeline.Error.
func (d *Desk) PrintCertificates(out string, co CertificateOptions) (*Certificates, error) {
	r := &Certificates{}
	opts, j, err := d.printJob(&r.Output, out)
	if err != nil {
		return r, err
	}
	ds, res := j.ds, j.res
	for _, id := range co.Only {
		if ds.Member(id) == nil {
			return r, d.usage("print.unknownmember", id)
		}
	}
	po := printjob.CertificateOptions{Options: opts, Year: co.Year, Prefix: co.Prefix, Only: co.Only}
	year := co.Year
	if year == 0 {
		year = res.Today.Year()
	}
	reg, err := d.registeredNumbers(ds, year, &po)
	if err != nil {
		return r, err
	}
	list, skipped := printjob.Eligible(ds, res, po)
	r.Skipped = skipped
	b, err := printjob.Certificates(ds, res, po)
	if err != nil {
		return r, err
	}
	if err := writePrivate(&r.Output, filepath.Join(j.dir, CertificatesFile), b); err != nil {
		return r, err
	}
	var fresh []certreg.Entry
	for _, c := range list {
		pc := Certificate{Certificate: c}
		if e := certreg.Find(reg, c.Number); e != nil && e.Member == c.ID {
			pc.Issued = e.Issued
		} else {
			fresh = append(fresh, certreg.Entry{Number: c.Number, Member: c.ID, Level: c.Level, Year: c.Year, Kind: certreg.Certificate, Issued: res.Today})
		}
		r.Printed = append(r.Printed, pc)
	}
	r.New = len(fresh)
	if len(fresh) == 0 || !co.Record {
		return r, nil
	}
	if err := certreg.Append(d.Dir, fresh); err != nil {
		return r, err
	}
	r.Recorded = true
	return r, nil
}

// registeredNumbers reads the certificate register of the site, sets the
// numbers issued for year to members at their present level in po, and
// returns its entries.
func (d *Desk) registeredNumbers(ds *member.Dataset, year int, po *printjob.CertificateOptions) ([]certreg.Entry, error) {
	es, l := certreg.Load(d.Dir)
	for i := range es {
		if ds.Member(es[i].Member) == nil {
			l = append(l, diag.Diagnostic{File: certreg.File, Line: es[i].Line, Column: 1, Message: d.Lang.T("certreg.nomember", es[i].Member)})
		}
	}
	if l.HasErrors() {
		return nil, &pipeline.Error{Diagnostics: l}
	}
	po.Numbers = certreg.Numbers(es, year, func(id string) string {
		if m := ds.Member(id); m != nil {
			return m.Level
		}
		return ""
	})
	return es, nil
}
