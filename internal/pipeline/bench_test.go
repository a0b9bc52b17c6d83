package pipeline_test

import (
	"os"
	"path/filepath"
	"testing"

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
