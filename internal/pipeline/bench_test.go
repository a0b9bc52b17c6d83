package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/zzia/press/internal/bench/sitegen"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testsite"
)

// BenchmarkBuild1000 builds a deterministic synthetic site of 1,000 mixed
// Chinese/English articles with the bundled theme (make bench compares the
// whole binary with plain Hugo at 1,000 and 10,000 pages).
func BenchmarkBuild1000(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "press-bench-build-1000")
	if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err != nil {
		if err := sitegen.Generate(dir, repoRoot, 1000, 1); err != nil {
			b.Fatal(err)
		}
	}
	out := filepath.Join(b.TempDir(), "public")
	cache := b.TempDir()
	b.ResetTimer()
	for b.Loop() {
		if _, err := pipeline.Build(pipeline.Options{Source: dir, Dest: out, CacheDir: cache}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLiveEdit1000 is the preview's edit loop in process on the same
// site: one article edited, the site rebuilt incrementally (pipeline.Live).
// It reports the time of each stage per edit besides the total.
func BenchmarkLiveEdit1000(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "press-bench-build-1000")
	if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err != nil {
		if err := sitegen.Generate(dir, repoRoot, 1000, 1); err != nil {
			b.Fatal(err)
		}
	}
	benchLiveEdit(b, dir, filepath.Join("content", "news", "0000", "article-00003.md"))
}

// BenchmarkLiveEditBundled is the same edit loop on the bundled site, the
// one the association's editors preview (PRESS_BENCH_CPUPROFILE=file
// profiles the edits alone).
func BenchmarkLiveEditBundled(b *testing.B) {
	dir := os.Getenv("PRESS_BENCH_SITE")
	if dir == "" {
		dir = testsite.Bundled(b)
	}
	benchLiveEdit(b, dir, filepath.Join("content", "news", "2026-09-18-informatization-seminar.md"))
}

// benchLiveEdit times the incremental rebuild after the article rel of the
// site dir was edited, and reports each stage's time per edit.
func benchLiveEdit(b *testing.B, dir, rel string) {
	live, err := pipeline.OpenLive(pipeline.Options{Source: dir, CacheDir: b.TempDir(), BaseURL: "http://127.0.0.1:1313/"})
	if err != nil {
		b.Fatal(err)
	}
	defer live.Close()
	if _, err := live.Update(nil); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, rel)
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(file, orig, 0o644)
	defer profileCPU(b)()
	stages := map[string]time.Duration{}
	i := 0
	b.ResetTimer()
	for b.Loop() {
		i++
		os.WriteFile(file, append(append([]byte(nil), orig...), fmt.Sprintf("\n\n第 %d 次修改。\n", i)...), 0o644)
		res, err := live.Update([]fsnotify.Event{{Name: file, Op: fsnotify.Write}})
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range res.Stages {
			stages[s.Name] += s.Elapsed
		}
	}
	for name, d := range stages {
		b.ReportMetric(float64(d.Microseconds())/1000/float64(i), name+"-ms/op")
	}
	b.ReportMetric(float64(len(live.Written())), "files/op")
	if p := os.Getenv("PRESS_BENCH_LIST"); p != "" {
		if err := os.WriteFile(p, []byte(strings.Join(live.Written(), "\n")+"\n"), 0o644); err != nil {
			b.Fatal(err)
		}
	}
}

// profileCPU starts a CPU profile into the file PRESS_BENCH_CPUPROFILE
// names, if it names one, and returns what stops it.
func profileCPU(b *testing.B) func() {
	p := os.Getenv("PRESS_BENCH_CPUPROFILE")
	if p == "" {
		return func() {}
	}
	f, err := os.Create(p)
	if err != nil {
		b.Fatal(err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		b.Fatal(err)
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}

// profileMem writes heap profiles into the file PRESS_BENCH_MEMPROFILE
// names, if it names one: that file's ".base" when called and the file
// itself when what it returns is called, so that
// go tool pprof -base file.base file shows what the timed loop allocated.
func profileMem(b *testing.B) func() {
	p := os.Getenv("PRESS_BENCH_MEMPROFILE")
	if p == "" {
		return func() {}
	}
	write := func(name string) {
		runtime.GC()
		f, err := os.Create(name)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			b.Fatal(err)
		}
	}
	write(p + ".base")
	return func() { write(p) }
}
