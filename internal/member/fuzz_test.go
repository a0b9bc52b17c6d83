package member

import (
	"github.com/zzia/press/internal/msg"
	"testing"

	"github.com/zzia/press/internal/diag"
)

// The fuzz targets feed arbitrary bytes to the loaders. The seeds under
// testdata/fuzz/<target>/ (sample files and broken YAML) run in plain go
// test; go test -fuzz=FuzzParseMember explores further.

// checkDiags asserts what every loader result must satisfy: a position in
// the named file for every problem, and a value when nothing is wrong.
func checkDiags(t *testing.T, name string, diags diag.List, ok bool) {
	t.Helper()
	for _, d := range diags {
		if d.File != name || d.Line < 1 || d.Column < 0 || d.Message == "" {
			t.Fatalf("diagnostic without a position: %#v", d)
		}
	}
	if !diags.HasErrors() && !ok {
		t.Fatalf("no errors but no value")
	}
}

func FuzzParseMember(f *testing.F) {
	f.Add([]byte(okMember))
	f.Add([]byte(okMemberB))
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "data/members/alpha.yaml"
		m, diags := ParseMember(msg.En, name, src)
		checkDiags(t, name, diags, m != nil)
		if m != nil && !diags.HasErrors() {
			if m.ID != "alpha" || m.Name == "" || len(m.Representatives) == 0 || m.Joined.IsZero() {
				t.Fatalf("valid member lacks required fields: %+v", m)
			}
			// What is written back reads the same.
			again, d2 := ParseMember(msg.En, name, MemberYAML(m))
			if d2.HasErrors() || again.Name != m.Name || again.Intro != m.Intro || again.Contact != m.Contact {
				t.Fatalf("round trip: %v\n%q\n%q", d2, m.Intro, again.Intro)
			}
		}
	})
}

func FuzzParseActivity(f *testing.F) {
	f.Add([]byte(okActivity))
	f.Fuzz(func(t *testing.T, src []byte) {
		const name = "data/activities/forum-2025.yaml"
		a, diags := ParseActivity(msg.En, name, src)
		checkDiags(t, name, diags, a != nil)
		if a != nil && !diags.HasErrors() {
			if a.End.Before(a.Start) {
				t.Fatalf("end before start accepted")
			}
			if len(a.Attendance) > 0 && a.Status != StatusHeld {
				t.Fatalf("attendance on a %s activity accepted", a.Status)
			}
		}
	})
}

func FuzzParseChronicle(f *testing.F) {
	f.Add([]byte("milestones:\n  - date: 2010-05-18\n    title: 成立\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		ms, diags := ParseChronicle(msg.En, ChronicleFile, src)
		checkDiags(t, ChronicleFile, diags, true)
		for _, m := range ms {
			if m.Date.IsZero() || m.Title == "" {
				t.Fatalf("milestone without date or title: %+v", m)
			}
		}
	})
}
