package member

import (
	"sort"

	"github.com/zzia/press/internal/diag"
)

// Assemble builds a dataset from parsed members, activities and chronicle
// entries and runs the checks that span files: duplicate ids (naming both
// files), attendance naming unknown members or persons who are not the
// member's representatives, attendance before a member joined.
func Assemble(members []*Member, activities []*Activity, chronicle []Milestone) (*Dataset, diag.List) {
	var diags diag.List
	errorAt := func(p Pos, hint string, key Msg, args ...any) {
		diags = append(diags, diag.Diagnostic{File: p.File, Line: p.Line, Column: p.Column,
			Message: Text(key, args...), Hint: hint})
	}
	ds := &Dataset{
		memberByID:   make(map[string]*Member, len(members)),
		activityByID: make(map[string]*Activity, len(activities)),
		Chronicle:    chronicle,
	}
	sort.SliceStable(members, func(i, j int) bool { return members[i].Pos.File < members[j].Pos.File })
	for _, m := range members {
		if m.ID == "" {
			continue
		}
		if prev, dup := ds.memberByID[m.ID]; dup {
			errorAt(m.Pos, Text(HintAlsoAt, formatPos(prev.Pos)), MsgDuplicateID, m.ID)
			continue
		}
		ds.memberByID[m.ID] = m
		ds.Members = append(ds.Members, m)
	}
	sort.SliceStable(activities, func(i, j int) bool { return activities[i].Pos.File < activities[j].Pos.File })
	for _, a := range activities {
		if a.ID == "" {
			continue
		}
		if prev, dup := ds.activityByID[a.ID]; dup {
			errorAt(a.Pos, Text(HintAlsoAt, formatPos(prev.Pos)), MsgDuplicateID, a.ID)
			continue
		}
		ds.activityByID[a.ID] = a
		ds.Activities = append(ds.Activities, a)
	}
	sort.Slice(ds.Members, func(i, j int) bool { return ds.Members[i].ID < ds.Members[j].ID })
	sort.SliceStable(ds.Activities, func(i, j int) bool {
		a, b := ds.Activities[i], ds.Activities[j]
		if !a.Start.Equal(b.Start) {
			return a.Start.Before(b.Start)
		}
		return a.ID < b.ID
	})

	var ids []string // for did-you-mean, built on first need
	for _, a := range ds.Activities {
		for _, at := range a.Attendance {
			m := ds.memberByID[at.Member]
			if m == nil {
				if ids == nil {
					ids = sortedKeys(ds.memberByID)
				}
				hint := ""
				if near := nearest(at.Member, ids); near != "" {
					hint = Text(HintDidYouMean, near)
				}
				errorAt(at.Pos, hint, MsgUnknownMember, at.Member)
				continue
			}
			if !m.Joined.IsZero() && !a.Start.IsZero() && a.Start.Before(m.Joined) {
				diags = append(diags, diag.Diagnostic{File: at.Pos.File, Line: at.Pos.Line, Column: at.Pos.Column,
					Severity: diag.Warning, Message: Text(MsgAttendBeforeJoin, at.Member, day(a.Start), day(m.Joined))})
			}
			var names []string
			for _, r := range m.Representatives {
				names = append(names, r.Name)
			}
			for i, p := range at.Persons {
				if !contains(names, p) {
					hint := Text(HintAttendRep)
					if near := nearest(p, names); near != "" {
						hint = Text(HintDidYouMean, near)
					}
					errorAt(at.personPos[i], hint, MsgUnknownPerson, p, m.ID)
				}
			}
		}
	}
	return ds, diags
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
