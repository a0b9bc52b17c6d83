package rules

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/zzia/press/internal/member/membertest"
)

// TestDeriveAfterEqualsDerive edits member files one after the other, as
// an editor does in the preview, and derives after each edit both afresh
// (Derive) and from the previous result (DeriveAfter): the statuses must
// be the same, member for member. The edits reach across units: a unit
// renamed whose former representative is an individual member by Article
// 7 (whose reason names the unit), that person taking a post in another
// unit (the first unit's reason now names where they went) and that unit
// renamed, a unit added and removed, a joining date moved, an activity
// retitled and the day changed (both derive everything again). After an
// edit of one unit, DeriveAfter must have derived only a few members
// again: the others' statuses are prev's.
func TestDeriveAfterEqualsDerive(t *testing.T) {
	today := membertest.Today
	dir, load := membertest.Folder(t, 400, 300)
	file := func(id string) string { return filepath.Join(dir, "data", "members", id+".yaml") }
	edit := func(name, old, new string) { membertest.Replace(t, name, old, new) }
	// A unit whose 主代表 left and is an individual member (Article 7),
	// and another unit without a 副代表. Taking a post in that unit ends
	// the person's membership: their attendance as a member goes first.
	moved, person, other := "", "", ""
	for i := range 400 {
		id := fmt.Sprintf("synthetic-%05d", i)
		b, err := os.ReadFile(file(id))
		if err != nil {
			continue
		}
		s := string(b)
		switch {
		case moved == "" && strings.Contains(s, "left: ") && strings.Contains(s, fmt.Sprintf("person: synthetic-rep-%05d", i)):
			moved, person = id, fmt.Sprintf("synthetic-rep-%05d", i)
		case other == "" && !strings.Contains(s, "副代表") && !strings.Contains(s, "left: ") && strings.Contains(s, "主代表"):
			other = id
		}
	}
	if moved == "" || other == "" {
		t.Fatalf("want a unit whose representative left (%q) and one without a 副代表 (%q)", moved, other)
	}
	names, _ := filepath.Glob(filepath.Join(dir, "data", "activities", "*.yaml"))
	came := regexp.MustCompile(`(?m)^  - member: ` + person + `\n    persons: .*\n`)
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(n, came.ReplaceAll(b, nil), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	post := "  - person: " + person + "\n    role: 副代表\n    title: 顾问\n    since: 2026-01-05\n"

	prev := Derive(load(), today)
	steps := []struct {
		name string
		do   func()
		few  bool // only a few members derived again
	}{
		{"rename the unit the individual member left", func() { edit(file(moved), "\nname: ", "\nname: 改名") }, true},
		{"the person takes a post in another unit", func() {
			edit(file(other), "representatives:\n", "representatives:\n"+post)
		}, true},
		{"rename that unit", func() { edit(file(other), "\nname: ", "\nname: 新") }, true},
		{"the person leaves it again", func() {
			edit(file(other), post, "")
		}, true},
		{"add a unit, the person its 主代表", func() {
			b, err := os.ReadFile(file(other))
			if err != nil {
				t.Fatal(err)
			}
			s := strings.Replace(string(b), "id: "+other, "id: synthetic-new", 1)
			s = regexp.MustCompile(`person: synthetic-rep-\d+`).ReplaceAllString(s, "person: "+person)
			if err := os.WriteFile(file("synthetic-new"), []byte(s), 0o644); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"remove it", func() {
			if err := os.Remove(file("synthetic-new")); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"move a joining date", func() {
			b, err := os.ReadFile(file("synthetic-00020"))
			if err != nil {
				t.Fatal(err)
			}
			b = regexp.MustCompile(`(?m)^joined: .*$`).ReplaceAll(b, []byte("joined: 2026-06-01"))
			if err := os.WriteFile(file("synthetic-00020"), b, 0o644); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"retitle an activity", func() { edit(names[0], "\ntitle: ", "\ntitle: 新") }, false},
	}
	for _, st := range steps {
		st.do()
		ds := load()
		want := Derive(ds, today)
		got := DeriveAfter(prev, ds, today)
		if len(got.Members) != len(want.Members) {
			t.Fatalf("%s: %d statuses, want %d", st.name, len(got.Members), len(want.Members))
		}
		again := 0
		for i, w := range want.Members {
			g := got.Members[i]
			if !reflect.DeepEqual(g, w) {
				t.Errorf("%s: member %s:\n%+v\nwant (derived afresh)\n%+v", st.name, w.ID, g, w)
			}
			if got.Member(w.ID) != g {
				t.Errorf("%s: Member(%q) is not its status", st.name, w.ID)
			}
			if prev.Member(w.ID) != g {
				again++
			}
		}
		switch {
		case st.few && (again == 0 || again > 5):
			t.Errorf("%s: %d of %d members derived again, want 1 to 5", st.name, again, len(want.Members))
		case !st.few && again != len(want.Members):
			t.Errorf("%s: %d of %d members derived again, want all", st.name, again, len(want.Members))
		}
		prev = got
	}
	// Another day: everything again.
	ds := load()
	if got := DeriveAfter(prev, ds, today.AddDate(0, 0, 1)); got.Members[0] == prev.Members[0] {
		t.Error("a status was taken from another day's result")
	}
}
