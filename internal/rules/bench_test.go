package rules

import (
	"testing"

	"github.com/zzia/press/internal/member/membertest"
)

// BenchmarkDerive applies the rules to 5,000 members and 2,000 activities.
func BenchmarkDerive(b *testing.B) {
	ds := membertest.Load(b, 5000, 2000)
	today := membertest.Today
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res := Derive(ds, today)
		if len(res.Members) < 5000 {
			b.Fatal(len(res.Members))
		}
	}
}
