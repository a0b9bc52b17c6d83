package membersheet

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/sheet"
	"github.com/zzia/press/internal/yamledit"
)

// Change is one changed cell of a sheet as the change of one value in one
// data file.
type Change struct {
	Row      int    // the sheet's row
	Column   string // the column's header
	File     string // the data file, relative to the site
	Path     yamledit.Path
	Old, New string // the cell as exported and as read
	Line     int    // the changed line in the new file
}

// FileChange is a data file's text before and after an import.
type FileChange struct {
	Name     string // relative to the site, with forward slashes
	Old, New []byte
}

// Plan is what an import would write: the changes by cell and the files.
type Plan struct {
	Changes []Change
	Files   []FileChange // by name
}

// keyOrder is the order of keys the data files are written in (the
// writers of package member); a key an import adds goes where an editor
// would put it.
var keyOrder = []string{
	"id", "name", "short_name", "level", "unit_type", "region", "industry", "joined", "website", "logo", "logo_public", "listed", "intro",
	"representatives", "person", "role", "title", "post", "since", "post_since", "left",
	"contact", "phone", "mobile", "fax", "email", "address", "left_city", "membership",
	"fees_recorded_since", "fees", "notes",
}

// edit is a change waiting to be applied.
type edit struct {
	Change
	value string // YAML text; "" removes the key
}

// planner holds what planning one sheet needs.
type planner struct {
	ds    *member.Dataset
	in    *sheet.Input
	day   time.Time
	ps    sheet.Problems
	edits []edit
}

func (pl *planner) problem(r sheet.Record, col, format string, args ...any) {
	pl.ps = append(pl.ps, pl.in.Problem(r, col, format, args...))
}

// PlanMembers compares the sheet's rows with the rows the dataset exports
// and plans the changes of the cells that differ. Columns the sheet lacks
// and members it does not list are left alone. Every problem is returned,
// with its row and column; the plan is checked by loading the site's data
// with the changes applied (member.LoadFS), so the data model's own rules
// judge the new values. The plan is nil when there is any problem.
func PlanMembers(site string, ds *member.Dataset, in *sheet.Input) (*Plan, sheet.Problems) {
	pl := &planner{ds: ds, in: in, day: ds.Today}
	byID := map[string]int{}
	byName := map[string]int{}
	owner := map[string]string{} // unit name → member id, of the dataset
	for _, m := range ds.Members {
		if !m.Individual() {
			owner[m.Name] = m.ID
		}
	}
	for _, r := range in.Records {
		id := r.Cells[ColID]
		if id == "" {
			pl.problem(r, ColID, "%s", pl.in.Lang.T("import.noid"))
			continue
		}
		if prev, dup := byID[id]; dup {
			pl.problem(r, ColID, "%s", pl.in.Lang.T("import.dupid", id, prev))
			continue
		}
		byID[id] = r.Row
		m := ds.Member(id)
		if m == nil {
			pl.problem(r, ColID, "%s", pl.in.Lang.T("import.unknownid", id))
			continue
		}
		if name, ok := r.Cells[ColName]; ok && name != "" {
			if prev, dup := byName[name]; dup {
				pl.problem(r, ColName, "%s", pl.in.Lang.T("import.dupname", name, prev))
			} else if o, taken := owner[name]; taken && o != id {
				pl.problem(r, ColName, "%s", pl.in.Lang.T("import.nametaken", name, o))
			}
			byName[name] = r.Row
		}
		cur := Row(m, pl.day)
		for _, c := range Columns {
			v, ok := r.Cells[c.Header]
			if !ok || v == cur[c.Header] || r.Bad[c.Header] {
				continue
			}
			pl.cell(r, m, c.Header, cur[c.Header], v)
		}
	}
	plan, ps := pl.apply(site)
	if len(ps) > 0 {
		return nil, ps
	}
	return plan, nil
}

// cell turns one changed cell into an edit, or a problem.
func (pl *planner) cell(r sheet.Record, m *member.Member, col, old, v string) {
	add := func(file string, path yamledit.Path, value string) {
		pl.edits = append(pl.edits, edit{Change: Change{Row: r.Row, Column: col, File: file, Path: path, Old: old, New: v}, value: value})
	}
	text := func(required bool) (string, bool) {
		if v == "" {
			if required {
				pl.problem(r, col, "%s", pl.in.Lang.T("import.required", col))
				return "", false
			}
			return "", true
		}
		return member.Scalar(v), true
	}
	if m.Individual() {
		pl.individual(r, m, col, v, add, text)
		return
	}
	file := m.Pos.File
	switch col {
	case ColName, ColLevel, ColUnitType, ColRegion, ColIndustry, ColJoined:
		if col == ColLevel && v == member.LevelIndividual {
			pl.problem(r, col, "%s", pl.in.Lang.T("import.tounit", file))
			return
		}
		if val, ok := text(true); ok {
			add(file, yamledit.Path{unitKeys[col]}, val)
		}
	case ColShort, ColWebsite:
		if val, ok := text(false); ok {
			add(file, yamledit.Path{unitKeys[col]}, val)
		}
	case ColListed:
		if val, ok := pl.listed(r, col, v); ok {
			add(file, yamledit.Path{"listed"}, val)
		}
	case ColMain, ColDep:
		pl.problem(r, col, "%s", pl.in.Lang.T("import.repchange", file))
	case ColPhone, ColFax, ColEmail, ColAddress:
		if val, ok := text(false); ok {
			add(file, yamledit.Path{"contact", contactKeys[col]}, val)
		}
	default:
		role := member.RoleMain
		if strings.HasPrefix(col, "副代表") {
			role = member.RoleDeputy
		}
		rep, i := current(m, role, pl.day)
		if rep == nil {
			pl.problem(r, col, "%s", pl.in.Lang.T("import.norep", role, file))
			return
		}
		val, ok := text(false)
		if !ok {
			return
		}
		switch col {
		case ColMainTitle, ColDepTitle:
			add(file, yamledit.Path{"representatives", i, "title"}, val)
		case ColMainPost, ColDepPost:
			add(file, yamledit.Path{"representatives", i, "post"}, val)
		case ColMainMobile, ColDepMobile, ColMainEmail, ColDepEmail:
			if rep.Person == nil {
				pl.problem(r, col, "%s", pl.in.Lang.T("import.norep", role, file))
				return
			}
			key := "mobile"
			if col == ColMainEmail || col == ColDepEmail {
				key = "email"
			}
			add(rep.Person.Pos.File, yamledit.Path{"contact", key}, val)
		}
	}
}

var unitKeys = map[string]string{
	ColName: "name", ColShort: "short_name", ColLevel: "level", ColUnitType: "unit_type", ColRegion: "region",
	ColIndustry: "industry", ColJoined: "joined", ColWebsite: "website",
}

var contactKeys = map[string]string{ColPhone: "phone", ColFax: "fax", ColEmail: "email", ColAddress: "address",
	ColMainMobile: "mobile", ColMainEmail: "email"}

func (pl *planner) listed(r sheet.Record, col, v string) (string, bool) {
	switch v {
	case "是", "公开", "true", "TRUE", "Y", "y":
		return "true", true
	case "否", "不公开", "false", "FALSE", "N", "n":
		return "false", true
	}
	pl.problem(r, col, "%s", pl.in.Lang.T("import.listed", col, v))
	return "", false
}

// individual turns a changed cell of an individual member's row into an
// edit of the person's file.
func (pl *planner) individual(r sheet.Record, m *member.Member, col, v string, add func(string, yamledit.Path, string), text func(bool) (string, bool)) {
	p := m.Person
	if p == nil {
		pl.problem(r, col, "%s", pl.in.Lang.T("import.individual", col, m.Pos.File))
		return
	}
	file := p.Pos.File
	switch col {
	case ColPhone, ColFax, ColAddress, ColMainMobile, ColMainEmail:
		if val, ok := text(false); ok {
			add(file, yamledit.Path{"contact", contactKeys[col]}, val)
		}
		return
	case ColRegion, ColIndustry, ColJoined, ColWebsite, ColListed:
		if p.Membership == nil {
			pl.problem(r, col, "%s", pl.in.Lang.T("import.derived", m.ID, file))
			return
		}
		key := unitKeys[col]
		if col == ColListed {
			if val, ok := pl.listed(r, col, v); ok {
				add(file, yamledit.Path{"membership", "listed"}, val)
			}
			return
		}
		if val, ok := text(false); ok {
			add(file, yamledit.Path{"membership", key}, val)
		}
		return
	}
	pl.problem(r, col, "%s", pl.in.Lang.T("import.individual", col, file))
}

// apply applies the edits to the files' texts and checks the result with
// the data model.
func (pl *planner) apply(site string) (*Plan, sheet.Problems) {
	byFile := map[string][]int{}
	for i, e := range pl.edits {
		byFile[e.File] = append(byFile[e.File], i)
	}
	names := make([]string, 0, len(byFile))
	for n := range byFile {
		names = append(names, n)
	}
	sort.Strings(names)
	plan := &Plan{}
	over := map[string][]byte{}
	var ps sheet.Problems
	for _, name := range names {
		old, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(name)))
		if err != nil {
			ps = append(ps, sheet.Problem{File: pl.in.File, Sheet: pl.in.Sheet, Message: err.Error(), Lang: pl.in.Lang})
			continue
		}
		doc := yamledit.New(old)
		doc.Order = keyOrder
		for _, i := range byFile[name] {
			e := &pl.edits[i]
			line, err := doc.Set(e.Path, e.value)
			if err != nil {
				pl.problem(pl.record(e.Row), e.Column, "%s", pl.in.Lang.T("import.cannotedit", name, err))
				continue
			}
			e.Line = line
		}
		over[name] = doc.Bytes()
		plan.Files = append(plan.Files, FileChange{Name: name, Old: old, New: over[name]})
	}
	// An edit that moved lines (an added or removed key) shifts the lines
	// of the edits after it in the same file: find each edit's line again
	// in the final text.
	for i := range pl.edits {
		pl.edits[i].Line = lineOf(over[pl.edits[i].File], pl.edits[i])
		plan.Changes = append(plan.Changes, pl.edits[i].Change)
	}
	_, l := member.LoadFS(pl.in.Lang, overlay{os.DirFS(site), over}, pl.day)
	for _, d := range l.Errors() {
		ps = append(ps, pl.blame(d))
	}
	// Every problem at once: the sheet's, then the data model's.
	ps = append(append(append(sheet.Problems(nil), pl.in.Problems...), pl.ps...), ps...)
	if len(ps) > 0 {
		ps.Sort()
		return nil, ps
	}
	return plan, nil
}

// lineOf finds the line of an edit's key in the new text: the line whose
// value is the new one under the edit's last key.
func lineOf(src []byte, e edit) int {
	key, _ := e.Path[len(e.Path)-1].(string)
	for i, l := range bytes.Split(src, []byte("\n")) {
		s := strings.TrimLeft(string(l), " -")
		if e.value != "" && s == key+": "+e.value {
			return i + 1
		}
	}
	return e.Line
}

func (pl *planner) record(row int) sheet.Record {
	for _, r := range pl.in.Records {
		if r.Row == row {
			return r
		}
	}
	return sheet.Record{Row: row}
}

// blame turns an error of the changed data into a problem of the sheet:
// at the cell whose change is on the error's line, else at the rows that
// changed the file.
func (pl *planner) blame(d diag.Diagnostic) sheet.Problem {
	text := d.Message
	if d.Hint != "" {
		text += pl.in.Lang.T("import.hint", d.Hint)
	}
	var rows []int
	for _, e := range pl.edits {
		if e.File != d.File {
			continue
		}
		if e.Line == d.Line {
			return pl.in.Problem(pl.record(e.Row), e.Column, "%s", text)
		}
		rows = append(rows, e.Row)
	}
	where := fmt.Sprintf("%s:%d:%d", d.File, d.Line, d.Column)
	p := sheet.Problem{File: pl.in.File, Sheet: pl.in.Sheet, Message: where + pl.in.Lang.T("sheet.colon") + text, Lang: pl.in.Lang}
	if len(rows) > 0 {
		p.Row = rows[0]
	}
	return p
}

// overlay is the site's files with some replaced by new texts.
type overlay struct {
	base  fs.FS
	files map[string][]byte
}

func (o overlay) Open(name string) (fs.File, error) { return o.base.Open(name) }

func (o overlay) ReadFile(name string) ([]byte, error) {
	if b, ok := o.files[name]; ok {
		return b, nil
	}
	return fs.ReadFile(o.base, name)
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(o.base, name) }

// Write writes the plan's files under the site directory, each through a
// temporary file renamed into place, keeping its permissions.
func (p *Plan) Write(site string) error {
	for _, f := range p.Files {
		path := filepath.Join(site, filepath.FromSlash(f.Name))
		mode := os.FileMode(0o644)
		if st, err := os.Stat(path); err == nil {
			mode = st.Mode().Perm()
		}
		if err := atomicfile.Write(path, f.New, mode); err != nil {
			return fmt.Errorf("%s: %w", f.Name, err)
		}
	}
	return nil
}
