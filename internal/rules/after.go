package rules

import (
	"strings"
	"time"

	"github.com/zzia/press/internal/member"
)

// inputs is what DeriveAfter needs to know of the dataset a result was
// derived from.
type inputs struct {
	files member.Digests
	// unit is the member of each member unit's file (data/members).
	unit map[string]string
	// persons are, by member, the ids its status depends on besides its
	// own record (dependsOn).
	persons map[string][]string
}

// newInputs notes what DeriveAfter needs of ds.
func newInputs(ds *member.Dataset) *inputs {
	in := &inputs{files: ds.Files, unit: map[string]string{}, persons: make(map[string][]string, len(ds.Members))}
	for _, m := range ds.Members {
		if strings.HasPrefix(m.Pos.File, member.MembersDir+"/") {
			in.unit[m.Pos.File] = m.ID
		}
		in.persons[m.ID] = dependsOn(m)
	}
	return in
}

// dependsOn lists the people whose records and positions the status of m
// reads besides m's own file: the people of its representatives (Article 7
// names where one who left went: an individual member by the person's id,
// or their position in another unit), and m's own id (an individual
// member is its person; one made by Article 7 is made from a position in a
// unit; ids of people and of units are one namespace).
func dependsOn(m *member.Member) []string {
	out := []string{m.ID}
	for _, r := range m.Representatives {
		switch {
		case r.Person != nil:
			out = append(out, r.Person.ID)
		case r.PersonID != "":
			out = append(out, r.PersonID)
		}
	}
	if r := m.Former; r != nil && r.Person != nil {
		out = append(out, r.Person.ID)
	}
	return out
}

// again is the set of members whose statuses DeriveAfter derives again;
// nil is every member.
type again map[string]bool

// has reports whether the member id is derived again.
func (a again) has(id string) bool {
	return a == nil || a[id]
}

// again returns the members of ds whose status cannot be taken from r
// (nil: all of them): those whose file changed since r, that r has no
// status of, or that depend on a person (dependsOn) a changed unit
// depends on, in r's dataset or in ds.
func (r *Result) again(in *inputs, ds *member.Dataset, today time.Time) again {
	if r == nil || r.in == nil || r.in.files == nil || in.files == nil || !r.Today.Equal(today) {
		return nil
	}
	changed := map[string]bool{}
	for _, f := range in.files.Changed(r.in.files) {
		if !strings.HasPrefix(f, member.MembersDir+"/") {
			return nil // activities, people, approvals, the chronicle
		}
		for _, u := range []map[string]string{r.in.unit, in.unit} {
			if id, ok := u[f]; ok {
				changed[id] = true
			}
		}
	}
	touched := map[string]bool{}
	for id := range changed {
		for _, p := range r.in.persons[id] {
			touched[p] = true
		}
		for _, p := range in.persons[id] {
			touched[p] = true
		}
	}
	out := again{}
	for _, m := range ds.Members {
		if changed[m.ID] || r.byID[m.ID] == nil {
			out[m.ID] = true
			continue
		}
		for _, p := range in.persons[m.ID] {
			if touched[p] {
				out[m.ID] = true
				break
			}
		}
	}
	return out
}
