package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/zzia/press/internal/bench/sitegen"
	"github.com/zzia/press/internal/pipeline"
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
	live, err := pipeline.OpenLive(pipeline.Options{Source: dir, CacheDir: b.TempDir(), BaseURL: "http://127.0.0.1:1313/"})
	if err != nil {
		b.Fatal(err)
	}
	defer live.Close()
	if _, err := live.Update(nil); err != nil {
		b.Fatal(err)
	}
	file := filepath.Join(dir, "content", "news", "0000", "article-00003.md")
	orig, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(file, orig, 0o644)
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
		b.ReportMetric(float64(d.Milliseconds())/float64(i), name+"-ms/op")
	}
}
