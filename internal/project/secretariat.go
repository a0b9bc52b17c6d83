package project

import (
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/secretariat"
)

// The secretariat's commands (press print, report, export and import) are
// done by the secretariat stage on the project's loaded site; these are
// its names as the command line uses them.

// InternalDir is where the secretariat's internal outputs go unless the
// command is told otherwise: beside the site's sources, never inside its
// output. CertificateRegister is the site's register of the certificate
// numbers issued, relative to the site folder. (The files each command
// writes are named in the secretariat package.)
const (
	InternalDir         = secretariat.InternalDir
	CertificateRegister = secretariat.CertificateRegister
)

// Output is what a secretariat command did: its warnings and the files it
// wrote (see secretariat.Output).
type Output = secretariat.Output

// UsageError is an error in what a command asked for rather than in the
// site: the command line reports it as a usage error.
type UsageError = secretariat.UsageError

// The options and results of the secretariat's commands (see the
// secretariat package).
type (
	LabelOptions       = secretariat.LabelOptions       // the label sheet and the copies per level
	Labels             = secretariat.Labels             // what PrintLabels did
	CertificateOptions = secretariat.CertificateOptions // which certificates, their year and numbering
	Certificates       = secretariat.Certificates       // what PrintCertificates did
	FeesOptions        = secretariat.FeesOptions        // what ReportFees writes
	FeeReport          = secretariat.FeeReport          // arrears, renewals and totals as of today
	Fees               = secretariat.Fees               // what ReportFees did
	ExportFilter       = secretariat.ExportFilter       // the members an export lists
	Export             = secretariat.Export             // what ExportMembers did
	Import             = secretariat.Import             // what an import found: its plan or the sheet's problems
	ImportPlan         = secretariat.ImportPlan         // the changes an import would make
)

// desk is the secretariat's work on the project's loaded site.
func (p *Project) desk() *secretariat.Desk {
	return &secretariat.Desk{Site: p.site}
}

// ParseLabels reads the label flags and checks that the labels fit on the
// sheet; its errors, in language lang, are *UsageError (see
// secretariat.ParseLabels).
func ParseLabels(lang msg.Lang, grid, size, margins, gap, copies string) (LabelOptions, error) {
	return secretariat.ParseLabels(lang, grid, size, margins, gap, copies)
}

// CheckExport checks an export's format and filter before any work; its
// errors, in language lang, are *UsageError (see secretariat.CheckExport).
func CheckExport(lang msg.Lang, format string, f ExportFilter) error {
	return secretariat.CheckExport(lang, format, f)
}

// Private refuses an output path inside the site's sources or output, as
// a *UsageError (see secretariat.Desk.Private).
func (p *Project) Private(path string) error { return p.desk().Private(path) }

// OutDir returns the folder of a secretariat output: out, or the site's
// InternalDir when out is empty; one that would be published is refused.
func (p *Project) OutDir(out string) (string, error) { return p.desk().OutDir(out) }

// PrintRoster writes the member roster into the folder out ("": the
// site's InternalDir).
func (p *Project) PrintRoster(out string) (*Output, error) { return p.desk().PrintRoster(out) }

// PrintLabels writes the address labels of the journal's distribution and
// its list into the folder out ("": the site's InternalDir).
func (p *Project) PrintLabels(out string, lo LabelOptions) (*Labels, error) {
	return p.desk().PrintLabels(out, lo)
}

// PrintCertificates writes the membership certificates into the folder out
// ("": the site's InternalDir), numbered by the certificate register.
func (p *Project) PrintCertificates(out string, co CertificateOptions) (*Certificates, error) {
	return p.desk().PrintCertificates(out, co)
}

// PrintForm writes the application form to file ("": FormFile in the
// site's InternalDir).
func (p *Project) PrintForm(file string) (*Output, error) { return p.desk().PrintForm(file) }

// ReportMembers writes the member report (HTML and CSV) into the folder
// out ("": the site's InternalDir).
func (p *Project) ReportMembers(out string) (*Output, error) { return p.desk().ReportMembers(out) }

// ReportFees writes the fee report and, with fo.Letters, the reminder
// letters into the folder out ("": the site's InternalDir).
func (p *Project) ReportFees(out string, fo FeesOptions) (*Fees, error) {
	return p.desk().ReportFees(out, fo)
}

// ExportMembers writes the 会员通信联络表 of the members f selects, as
// format (xlsx, csv or vcf), into the folder out ("": the site's
// InternalDir).
func (p *Project) ExportMembers(out, format string, f ExportFilter) (*Export, error) {
	return p.desk().ExportMembers(out, format, f)
}

// MemberTemplate writes the empty 会员通信联络表 to file.
func (p *Project) MemberTemplate(file string) (*Output, error) { return p.desk().MemberTemplate(file) }

// PlanMemberImport compares the 会员通信联络表 in file (the sheet
// sheetName, "" the first) with the member data; nothing is written.
func (p *Project) PlanMemberImport(file, sheetName string) (*Import, error) {
	return p.desk().PlanMemberImport(file, sheetName)
}

// PlanAttendanceImport plans the attendance records of the activity with
// the given id from the sign-in sheet in file; nothing is written.
func (p *Project) PlanAttendanceImport(file, sheetName, activity string) (*Import, error) {
	return p.desk().PlanAttendanceImport(file, sheetName, activity)
}

// WriteImport writes the changes of plan into the site's data files.
func (p *Project) WriteImport(plan *ImportPlan) error { return p.desk().WriteImport(plan) }
