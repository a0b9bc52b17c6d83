package membersheet

import (
	"bytes"
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/sheet"
)

// TestAttendance: a sign-in sheet becomes the activity's attendance;
// representatives are matched by name (with or without the unit), someone
// else of a named unit counts among its others, unknown names are listed
// and not counted, and importing the same sheet twice changes nothing.
func TestAttendance(t *testing.T) {
	dir, ds := site(t)
	a := ds.Activity("2025-01-08-forum")
	m04 := ds.Member("m04-shangjie")
	rep04 := m04.Representatives[0].Person.Name
	m08 := ds.Member("m08-xingyang")
	rep08 := m08.Representatives[0].Person.Name // current on 2025-01-08, left 2026-05-01
	tbl := &sheet.Table{Name: "签到表", Columns: SignInColumns[:4], Rows: [][]string{
		{rep04, m04.Name, "1", "主任"},
		{rep08, "", "2", ""},
		{"钱随行", m04.ShortName, "3", "助理"},
		{"查无此人", "某某公司", "4", ""},
		{rep04, m04.Name, "5", "主任"}, // signed twice
	}}
	var b bytes.Buffer
	must(t, sheet.WriteXLSX(&b, tbl))
	path := filepath.Join(dir, "签到表.xlsx")
	must(t, os.WriteFile(path, b.Bytes(), 0o644))
	in, ps := sheet.Read(msg.En, path, "", SignInColumns)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	plan, unmatched, ps := PlanAttendance(dir, ds, a, in)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if len(unmatched) != 1 || unmatched[0].Row != 5 || !strings.Contains(unmatched[0].Message, "查无此人") {
		t.Errorf("unmatched %+v, want 查无此人 on row 5", unmatched)
	}
	must(t, plan.Write(dir))
	ds2, l := member.Load(msg.En, dir, today)
	if l.HasErrors() {
		t.Fatal(l.Errors())
	}
	a2 := ds2.Activity(a.ID)
	at := a2.Attended("m04-shangjie")
	if at == nil || strings.Join(at.Persons, ",") != rep04 || at.Others != 1 {
		t.Errorf("m04: %+v, want %s and one other", at, rep04)
	}
	if at := a2.Attended("m08-xingyang"); at == nil || strings.Join(at.Persons, ",") != rep08 {
		t.Errorf("m08: %+v, want %s", at, rep08)
	}
	if len(a2.Attendance) != len(a.Attendance)+2 {
		t.Errorf("%d attending members, want %d", len(a2.Attendance), len(a.Attendance)+2)
	}
	for _, old := range a.Attendance {
		if got := a2.Attended(old.Member); got == nil || strings.Join(got.Persons, ",") != strings.Join(old.Persons, ",") || got.Others != old.Others {
			t.Errorf("%s: %+v, was %+v", old.Member, got, old)
		}
	}
	// Again: nothing to change.
	plan, _, ps = PlanAttendance(dir, ds2, a2, in)
	if len(ps) > 0 || len(plan.Files) != 0 {
		t.Errorf("a second import changes %d files (%v)", len(plan.Files), ps)
	}
}
