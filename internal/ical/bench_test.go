package ical

import (
	"os"
	"testing"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// BenchmarkFeeds writes the feeds of 2,000 activities (all, per kind, and
// one file per activity).
func BenchmarkFeeds(b *testing.B) {
	dir, err := os.MkdirTemp("", "press-bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	benchToday := time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)
	if err := member.Synthetic(dir, 500, 2000, 1, benchToday); err != nil {
		b.Fatal(err)
	}
	ds, diags := member.Load(dir, benchToday)
	if diags.HasErrors() {
		b.Fatal(diags.Errors()[:1])
	}
	o := Options{Stamp: benchToday}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if files := Feeds(ds, o); len(files) != 2000+1+len(member.Kinds) {
			b.Fatal(len(files))
		}
	}
}
