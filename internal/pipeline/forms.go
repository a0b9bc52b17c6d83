package pipeline

import (
	"os"
	"path/filepath"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/printjob"
)

// applicationFormPath is where the membership application form is
// published; the 入会指南 links it.
const applicationFormPath = "membership/application-form.pdf"

// applicationForm adds the membership application form (入会申请表) to the
// public output, for sites that have a membership section
// (content/membership/). The form holds no member data: only the fee
// standard and account (data/fees.yaml) and the secretariat's contact
// ([params.contact]). It carries no date, so it is the same on every build.
func applicationForm(opts Options, gen *generated) diag.List {
	if st, err := os.Stat(filepath.Join(opts.Source, "content", "membership")); err != nil || !st.IsDir() {
		return nil
	}
	fo, l := printjob.LoadFormOptions(opts.Site.Config)
	// The configuration's own problems are reported by the publications.
	l = l.Warnings()
	b, err := printjob.ApplicationForm(fo)
	if err != nil {
		return append(l, diag.Diagnostic{File: "content/membership", Message: "入会申请表: " + err.Error()})
	}
	gen.addFile(applicationFormPath, b)
	return l
}
