package secretariat

import (
	"bytes"
	"path/filepath"
	"strings"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/membersheet"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/sheet"
)

// ExportFilter selects the members an export lists, by 会内职务, 单位类型,
// 区域, 行业 and level; empty fields select all.
type ExportFilter = membersheet.Filter

// exportFormats are the formats ExportMembers writes.
var exportFormats = []string{"xlsx", "csv", "vcf"}

// Export is what ExportMembers did.
type Export struct {
	Output
	// File is the file written, and Rows the members it lists.
	File string
	Rows int
}

// CheckExport checks an export's format and filter before any work: an
// unknown format or a value outside its vocabulary is a *UsageError, in
// language lang, naming the flag.
func CheckExport(lang msg.Lang, format string, f ExportFilter) error {
	known := false
	for _, x := range exportFormats {
		known = known || x == format
	}
	if !known {
		return &UsageError{errorf(lang, "export.badformat", format)}
	}
	for _, v := range []struct {
		flag, value string
		voc         member.Vocabulary
	}{{"--post", f.Post, member.Posts}, {"--unit-type", f.UnitType, member.UnitTypes}, {"--region", f.Region, member.Regions},
		{"--industry", f.Industry, member.Industries}, {"--level", f.Level, member.Levels}} {
		if v.value != "" && !v.voc.Has(v.value) {
			return &UsageError{errorf(lang, "export.badvalue", v.flag, v.value, strings.Join(v.voc.Values(), "、"))}
		}
	}
	return nil
}

// ExportMembers writes the 会员通信联络表 of the members f selects, as
// format (xlsx, csv or vcf; see CheckExport), into the folder out ("": the
// site's InternalDir), named for the filter.
func (d *Desk) ExportMembers(out, format string, f ExportFilter) (*Export, error) {
	r := &Export{}
	j, err := d.start(&r.Output, out)
	if err != nil {
		return r, err
	}
	ds, res := j.ds, j.res
	t := membersheet.Table(ds, res, f)
	var b bytes.Buffer
	switch format {
	case "xlsx":
		err = sheet.WriteXLSX(&b, t)
	case "csv":
		err = sheet.WriteCSV(&b, t)
	case "vcf":
		var ms []*member.Member
		for _, m := range ds.Members {
			if f.Match(m, res.Member(m.ID)) {
				ms = append(ms, m)
			}
		}
		err = membersheet.WriteVCards(&b, ms, d.Today.Day)
	}
	if err != nil {
		return r, err
	}
	name := membersheet.SheetName
	for _, v := range []string{f.Level, f.Post, f.UnitType, f.Region, f.Industry} {
		if v != "" {
			name += "-" + v
		}
	}
	r.File, r.Rows = filepath.Join(j.dir, name+"."+format), len(t.Rows)
	return r, writePrivate(&r.Output, r.File, b.Bytes())
}

// MemberTemplate writes the empty 会员通信联络表 (its header and the
// vocabularies of its columns) to file, refused inside the site's sources
// or output like every internal output.
func (d *Desk) MemberTemplate(file string) (*Output, error) {
	o := &Output{}
	if err := d.Private(file); err != nil {
		return o, err
	}
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, membersheet.Template()...); err != nil {
		return o, err
	}
	return o, writePrivate(o, file, b.Bytes())
}

// ImportPlan is the change an import would make to the member data.
type ImportPlan = membersheet.Plan

// SheetProblem is a problem in a spreadsheet, at its row and column.
type SheetProblem = sheet.Problem

// SheetProblems are the problems of a spreadsheet; as an error, all of
// them.
type SheetProblems = sheet.Problems

// Import is what an import found: the plan of its changes (nil when the
// sheet has problems), the problems of the sheet and the signed-in names
// it could not match. Nothing is written: WriteImport does that.
type Import struct {
	Output
	Plan      *ImportPlan
	Problems  SheetProblems
	Unmatched []SheetProblem
}

// importData returns the member data an import changes, which must be
// free of errors: an import changes data that is known to be right.
func (d *Desk) importData(r *Import) (*member.Dataset, error) {
	ds, _, err := d.memberData(&r.Output)
	return ds, err
}

// PlanMemberImport compares the 会员通信联络表 in file (.xlsx or .csv; the
// sheet sheetName, "" the first) with the member data. Every problem of
// the sheet is reported at once: the rows are compared even when some
// cells are wrong.
func (d *Desk) PlanMemberImport(file, sheetName string) (*Import, error) {
	r := &Import{}
	ds, err := d.importData(r)
	if err != nil {
		return r, err
	}
	in, _ := sheet.Read(d.Lang, file, sheetName, membersheet.Columns)
	plan, ps := membersheet.PlanMembers(d.Dir, ds, in)
	if len(ps) > 0 {
		r.Problems = ps
		return r, nil
	}
	r.Plan = plan
	return r, nil
}

// PlanAttendanceImport reads the sign-in sheet in file (the sheet
// sheetName, "" the first) of the activity with the given id and plans
// its attendance records. An unknown activity is a *UsageError.
func (d *Desk) PlanAttendanceImport(file, sheetName, activity string) (*Import, error) {
	r := &Import{}
	ds, err := d.importData(r)
	if err != nil {
		return r, err
	}
	a := ds.Activity(activity)
	if a == nil {
		return r, d.usage("import.unknownactivity", activity, filepath.Join(d.Dir, "data", "activities"))
	}
	in, ps := sheet.Read(d.Lang, file, sheetName, membersheet.SignInColumns)
	if len(ps) > 0 {
		r.Problems = ps
		return r, nil
	}
	plan, unmatched, ps := membersheet.PlanAttendance(d.Dir, ds, a, in)
	for _, u := range unmatched {
		r.Unmatched = append(r.Unmatched, u.Problem)
	}
	if len(ps) > 0 {
		r.Problems = ps
		return r, nil
	}
	r.Plan = plan
	return r, nil
}

// WriteImport writes the changes of plan into the site's data files.
func (d *Desk) WriteImport(plan *ImportPlan) error {
	return plan.Write(d.Dir)
}
