package directory

import (
	"testing"

	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/rules"
)

// BenchmarkPublic projects 5,000 members and 2,000 activities onto the
// public JSON and CSV.
func BenchmarkPublic(b *testing.B) {
	ds := membertest.Load(b, 5000, 2000)
	today := membertest.Today
	res := rules.Derive(ds, today)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		site := Build(ds, res)
		files, err := site.DataFiles()
		if err != nil {
			b.Fatal(err)
		}
		assets, err := site.AssetFiles(nil)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, assets...)
		n := len(site.Directory.CSV())
		for _, f := range files {
			n += len(f.Data)
		}
		b.ReportMetric(float64(n)/1e6, "MB-out")
	}
}
