package membertest

import (
	"github.com/zzia/press/internal/msg"
	"testing"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// Today is the day the synthetic associations of Load are written and
// checked as of.
var Today = time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)

// Load writes a synthetic association of n members and m activities (seed
// 1) into a temporary folder of tb and loads it as of Today; any error
// stops tb.
func Load(tb testing.TB, n, m int) *member.Dataset {
	tb.Helper()
	dir := tb.TempDir()
	if err := Synthetic(dir, n, m, 1, Today); err != nil {
		tb.Fatal(err)
	}
	ds, diags := member.Load(msg.En, dir, Today)
	if diags.HasErrors() {
		tb.Fatal(diags.Errors()[:1])
	}
	return ds
}
