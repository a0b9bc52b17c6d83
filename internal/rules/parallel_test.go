package rules

import (
	"reflect"
	"runtime"
	"testing"

	"github.com/zzia/press/internal/member/membertest"
)

// TestDeriveSameOnAnyProcessors: the members are derived on several
// goroutines; the statuses, their order and the look-up by id must be what
// one goroutine gives, member for member.
func TestDeriveSameOnAnyProcessors(t *testing.T) {
	ds := membertest.Load(t, 700, 300)
	today := membertest.Today
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := Derive(ds, today)
	if len(one.Members) != len(ds.Members) {
		t.Fatalf("%d statuses for %d members", len(one.Members), len(ds.Members))
	}
	for _, procs := range []int{2, 3, 8} {
		runtime.GOMAXPROCS(procs)
		many := Derive(ds, today)
		for i, m := range ds.Members {
			if many.Members[i].ID != m.ID {
				t.Fatalf("GOMAXPROCS=%d: status %d is of %s, want %s", procs, i, many.Members[i].ID, m.ID)
			}
			if !reflect.DeepEqual(many.Members[i], one.Members[i]) {
				t.Fatalf("GOMAXPROCS=%d: member %s derived differently:\n%+v\nwant\n%+v", procs, m.ID, many.Members[i], one.Members[i])
			}
			if many.Member(m.ID) != many.Members[i] {
				t.Fatalf("GOMAXPROCS=%d: Member(%q) is not its status", procs, m.ID)
			}
		}
	}
}
