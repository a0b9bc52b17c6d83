package directory

import (
	"os"
	"testing"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
)

// BenchmarkPublic projects 5,000 members and 2,000 activities onto the
// public JSON and CSV.
func BenchmarkPublic(b *testing.B) {
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
	res := rules.Derive(ds, today)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		site := Build(ds, res)
		files, err := site.DataFiles()
		if err != nil {
			b.Fatal(err)
		}
		n := len(site.Directory.CSV())
		for _, f := range files {
			n += len(f.Data)
		}
		b.ReportMetric(float64(n)/1e6, "MB-out")
	}
}
