package member_test

import (
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/goccy/go-yaml/parser"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/parallel"
)

var (
	benchOnce sync.Once
	benchDir  string
	benchErr  error
)

// benchSite returns a site directory with Synthetic(5000, 2000) data,
// written once per test process.
func benchSite(b *testing.B) string {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "press-bench-")
		if benchErr == nil {
			benchErr = membertest.Synthetic(benchDir, 5000, 2000, 1, member.SampleToday)
		}
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir
}

// BenchmarkLoad reads and checks 5,000 members and 2,000 activities.
func BenchmarkLoad(b *testing.B) {
	dir := benchSite(b)
	b.ReportAllocs()
	for b.Loop() {
		ds, diags := member.Load(msg.En, dir, member.SampleToday)
		if diags.HasErrors() {
			b.Fatal(diags[:1])
		}
		if len(ds.Members) < 5000 || len(ds.Activities) != 2000 {
			b.Fatalf("%d members %d activities", len(ds.Members), len(ds.Activities))
		}
	}
}

func TestSynthetic(t *testing.T) {
	dir := t.TempDir()
	if err := membertest.Synthetic(dir, 400, 300, 7, member.SampleToday); err != nil {
		t.Fatal(err)
	}
	ds, diags := member.Load(msg.En, dir, member.SampleToday)
	if diags.HasErrors() {
		t.Fatal(diags.Errors()[:3])
	}
	// 400 members, and the former representatives of Article 7.
	if len(ds.Members) < 400 || len(ds.Members) > 420 || len(ds.Activities) != 300 {
		t.Errorf("%d members %d activities", len(ds.Members), len(ds.Activities))
	}
	derived := 0
	for _, m := range ds.Members {
		if m.Derived {
			derived++
		}
	}
	if derived == 0 {
		t.Error("no individual member by Article 7 in the synthetic data")
	}
}

// BenchmarkYAMLOnly is the anchor of BenchmarkLoad: the same files read
// and parsed by the YAML library alone, side by side, with no checks and no
// model. The ratio of the two is what press's checks cost.
func BenchmarkYAMLOnly(b *testing.B) {
	dir := benchSite(b)
	var files []string
	for _, sub := range []string{member.MembersDir, member.PeopleDir, member.ActivitiesDir} {
		entries, _ := os.ReadDir(filepath.Join(dir, sub))
		for _, e := range entries {
			files = append(files, filepath.Join(dir, sub, e.Name()))
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		parallel.Each(len(files), func(i int) {
			src, err := os.ReadFile(files[i])
			if err != nil {
				b.Error(err)
				return
			}
			if _, err := parser.ParseBytes(src, 0); err != nil {
				b.Error(err)
			}
		})
	}
}
