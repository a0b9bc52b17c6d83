package cli

import (
	"fmt"
	"io"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

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
