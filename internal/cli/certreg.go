package cli

import (
	"fmt"
	"io"
	"time"

	"github.com/zzia/press/internal/certreg"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/printjob"
)

// registeredNumbers reads the certificate register of the site and returns
// its entries and the numbers issued for year to members at their present
// level.
func registeredNumbers(lang msg.Lang, site string, ds *member.Dataset, year int) ([]certreg.Entry, map[string]string, error) {
	es, l := certreg.Load(site)
	for i := range es {
		if ds.Member(es[i].Member) == nil {
			l = append(l, diagAt(es[i].Line, lang.T("certreg.nomember", es[i].Member)))
		}
	}
	if l.HasErrors() {
		return nil, nil, &pipeline.Error{Diagnostics: l}
	}
	return es, certreg.Numbers(es, year, func(id string) string {
		if m := ds.Member(id); m != nil {
			return m.Level
		}
		return ""
	}), nil
}

// listCertificates prints each certificate with its number and whether the
// register has it (issued on which day) or it is new; with record, the new
// ones are added to the register as issued on day.
func listCertificates(lang msg.Lang, w io.Writer, site string, certs []printjob.Certificate, es []certreg.Entry, record bool, day time.Time) error {
	var fresh []certreg.Entry
	for _, c := range certs {
		if e := certreg.Find(es, c.Number); e != nil && e.Member == c.ID {
			fmt.Fprintln(w, lang.T("certreg.issued", c.Number, c.ID, c.Name, e.Issued.Format("2006-01-02")))
			continue
		}
		fmt.Fprintln(w, lang.T("certreg.new", c.Number, c.ID, c.Name))
		fresh = append(fresh, certreg.Entry{Number: c.Number, Member: c.ID, Level: c.Level, Year: c.Year, Kind: certreg.Certificate, Issued: day})
	}
	if len(fresh) == 0 {
		return nil
	}
	if !record {
		fmt.Fprintln(w, lang.T("certreg.notrecorded", len(fresh)))
		return nil
	}
	if err := certreg.Append(site, fresh); err != nil {
		return err
	}
	fmt.Fprintln(w, lang.T("certreg.recorded", len(fresh), certreg.File))
	return nil
}

func diagAt(line int, text string) diag.Diagnostic {
	return diag.Diagnostic{File: certreg.File, Line: line, Column: 1, Message: text}
}
