package ical

import (
	"testing"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/member/membertest"
)

// BenchmarkFeeds writes the feeds of 2,000 activities (all, per kind, and
// one file per activity).
func BenchmarkFeeds(b *testing.B) {
	ds := membertest.Load(b, 500, 2000)
	benchToday := membertest.Today
	o := Options{Stamp: benchToday}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if files := Feeds(ds, o); len(files) != 2000+1+len(member.Kinds) {
			b.Fatal(len(files))
		}
	}
}
