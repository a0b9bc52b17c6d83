package membersheet

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/sheet"
	"github.com/zzia/press/internal/yamledit"
)

// Headers of a sign-in sheet (签到表).
const (
	ColSignName = "姓名"
	ColSignUnit = "单位"
)

// SignInColumns are the columns of a sign-in sheet: the name and the unit
// are read; the others a 签到表 usually has are allowed and ignored.
var SignInColumns = []sheet.Column{
	{Header: ColSignName, Aliases: []string{"参会人", "参会人员", "代表姓名"}, Required: true},
	{Header: ColSignUnit, Aliases: []string{"单位名称", "工作单位", "会员单位"}},
	{Header: "序号"}, {Header: "职务"}, {Header: "电话", Aliases: []string{"手机", "联系电话"}},
	{Header: "签名", Aliases: []string{"签字"}}, {Header: "签到时间", Aliases: []string{"时间"}}, {Header: "备注"},
}

// Unmatched is a signed-in name press could not match to a representative.
type Unmatched struct {
	sheet.Problem
}

// PlanAttendance matches the names of a sign-in sheet to the members'
// representatives current on the activity's day and plans the activity's
// new attendance: each unit that came, with its representatives by name
// and the number of other people it sent.
//
// A name is matched when the unit column names a member (its name or
// short name) and the name is one of its representatives, or, the unit
// column being empty or naming no member, when exactly one current
// representative has that name. Someone of a named member unit who is not
// one of its representatives counts among the unit's other people. Every
// other name is returned as unmatched, never guessed. The new attendance
// is merged with what the file already records (persons united, others the
// larger), so importing a sheet twice changes nothing.
func PlanAttendance(site string, ds *member.Dataset, a *member.Activity, in *sheet.Input) (*Plan, []Unmatched, sheet.Problems) {
	day := a.Start
	type rep struct {
		m    *member.Member
		name string
	}
	byName := map[string][]rep{}
	byUnit := map[string]*member.Member{}
	for _, m := range ds.Members {
		if !m.Individual() {
			byUnit[m.Name] = m
			if m.ShortName != "" {
				byUnit[m.ShortName] = m
			}
		}
		if !m.Joined.IsZero() && m.Joined.After(day) {
			continue // not yet a member (an individual member by Article 7 later on)
		}
		for _, r := range m.Representatives {
			if r.CurrentOn(day) {
				n := r.Name
				if r.Person != nil {
					n = r.Person.Name
				}
				byName[n] = append(byName[n], rep{m, n})
			}
		}
	}
	att := map[string]*member.Attendance{}
	for _, at := range a.Attendance {
		c := at
		c.Persons = append([]string(nil), at.Persons...)
		att[at.Member] = &c
	}
	sheetOthers := map[string]int{}
	var unmatched []Unmatched
	miss := func(r sheet.Record, format string, args ...any) {
		unmatched = append(unmatched, Unmatched{in.Problem(r, ColSignName, format, args...)})
	}
	seen := map[string]bool{}
	for _, r := range in.Records {
		name := strings.Join(strings.Fields(r.Cells[ColSignName]), "")
		unit := r.Cells[ColSignUnit]
		if name == "" {
			miss(r, "%s", in.Lang.T("attend.noname"))
			continue
		}
		key := unit + "\x00" + name
		if seen[key] {
			continue
		}
		seen[key] = true
		var m *member.Member
		person := ""
		if u := byUnit[unit]; u != nil {
			m = u
			for _, c := range byName[name] {
				if c.m == u {
					person = name
				}
			}
		} else {
			cands := byName[name]
			switch len(cands) {
			case 0:
				miss(r, "%s", in.Lang.T("attend.nomatch", name, unit))
				continue
			case 1:
				m, person = cands[0].m, name
			default:
				var ids []string
				for _, c := range cands {
					ids = append(ids, c.m.ID)
				}
				miss(r, "%s", in.Lang.T("attend.ambiguous", name, strings.Join(ids, "、")))
				continue
			}
		}
		if len(a.Invited) > 0 && !a.Invites(m.ID) {
			miss(r, "%s", in.Lang.T("attend.notinvited", name, m.ID))
			continue
		}
		at := att[m.ID]
		if at == nil {
			at = &member.Attendance{Member: m.ID}
			att[m.ID] = at
		}
		if person == "" {
			sheetOthers[m.ID]++
			continue
		}
		if !at.Person(person) {
			at.Persons = append(at.Persons, person)
		}
	}
	for id, n := range sheetOthers {
		att[id].Others = max(att[id].Others, n)
	}
	ids := make([]string, 0, len(att))
	for id := range att {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	list := make([]member.Attendance, len(ids))
	for i, id := range ids {
		list[i] = *att[id]
	}
	file := a.Pos.File
	old, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(file)))
	if err != nil {
		return nil, unmatched, sheet.Problems{{File: in.File, Sheet: in.Sheet, Message: err.Error()}}
	}
	doc := yamledit.New(old)
	block := string(member.ActivityYAML(&member.Activity{Attendance: list}))
	if _, err := doc.SetBlock("attendance", block); err != nil {
		return nil, unmatched, sheet.Problems{{File: in.File, Sheet: in.Sheet, Message: fmt.Sprintf("%s: %v", file, err), Lang: in.Lang}}
	}
	plan := &Plan{}
	if string(doc.Bytes()) == string(old) {
		return plan, unmatched, nil
	}
	over := map[string][]byte{file: doc.Bytes()}
	_, l := member.LoadFS(in.Lang, overlay{os.DirFS(site), over}, ds.Today)
	var ps sheet.Problems
	for _, d := range l.Errors() {
		ps = append(ps, sheet.Problem{File: in.File, Sheet: in.Sheet, Message: d.In(in.Lang), Lang: in.Lang})
	}
	if len(ps) > 0 {
		return nil, unmatched, ps
	}
	plan.Files = []FileChange{{Name: file, Old: old, New: over[file]}}
	for _, at := range list {
		plan.Changes = append(plan.Changes, Change{File: file, Column: ColSignName, New: at.Member})
	}
	return plan, unmatched, nil
}
