package rules

import (
	"os"
	"testing"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// BenchmarkDerive applies the rules to 5,000 members and 2,000 activities.
func BenchmarkDerive(b *testing.B) {
	dir, err := os.MkdirTemp("", "press-bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)
	if err := member.Synthetic(dir, 5000, 2000, 1, today); err != nil {
		b.Fatal(err)
	}
	ds, diags := member.Load(dir, today)
	if diags.HasErrors() {
		b.Fatal(diags.Errors()[:1])
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res := Derive(ds, today)
		if len(res.Members) < 5000 {
			b.Fatal(len(res.Members))
		}
	}
}
