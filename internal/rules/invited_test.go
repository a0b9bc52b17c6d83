package rules

import (
	"testing"

	"github.com/zzia/press/internal/member/membertest"
)

// TestExpectedAsExpects: Derive's walk over the held activities, which
// looks invitations up in lists it makes once, counts for each member the
// activities Expects says it was expected at, on data with activities for
// invited members, for the council and uncounted ones.
func TestExpectedAsExpects(t *testing.T) {
	ds := membertest.Load(t, 300, 200)
	today := membertest.Today
	res := Derive(ds, today)
	invitations := 0
	for _, a := range ds.Activities {
		invitations += len(a.Invited)
	}
	if invitations == 0 {
		t.Fatal("the synthetic data invites no member: the test tests nothing")
	}
	for _, m := range ds.Members {
		want := 0
		for _, a := range ds.Activities {
			if a.Held() && !dayOf(a.Start).After(dayOf(today)) && Expects(m, a) {
				want++
			}
		}
		if got := res.Member(m.ID).Expected; got != want {
			t.Errorf("%s: expected at %d activities, want %d", m.ID, got, want)
		}
	}
}
