package history

import (
	"bytes"
	"os"
	"os/exec"
	"testing"
	"time"
)

// benchSpec is the repository of the benchmark: 5,000 commits over
// 2,000 files.
var benchSpec = synthSpec{Commits: 5000, Files: 2000, Seed: 6}

// BenchmarkHistory times Load on the synthetic repository.
func BenchmarkHistory(b *testing.B) {
	dir := synthRepo(b, benchSpec)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		h, err := Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		if h.Len() != benchSpec.Files {
			b.Fatalf("history of %d files, want %d", h.Len(), benchSpec.Files)
		}
	}
}

// BenchmarkGitLog times `git log --name-only --format=%H` on the same
// repository, the figure BenchmarkHistory is compared with. It is skipped
// when no git binary is installed; press itself never runs git.
func BenchmarkGitLog(b *testing.B) {
	gitBin, err := exec.LookPath("git")
	if err != nil {
		b.Skip("no git binary: nothing to compare with")
	}
	dir := synthRepo(b, benchSpec)
	b.ResetTimer()
	for b.Loop() {
		cmd := exec.Command(gitBin, "-C", dir, "log", "--name-only", "--format=%H")
		var out bytes.Buffer
		cmd.Stdout = &out
		if err := cmd.Run(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBenchmarkFigures prints Load's time beside git log's on the benchmark
// repository. It only runs with -bench-figures-style opt-in (the
// PRESS_HISTORY_BENCH environment variable), as generating the repository
// takes a while; it asserts results, never times.
func TestBenchmarkFigures(t *testing.T) {
	if testing.Short() || !benchEnabled() {
		t.Skip("set PRESS_HISTORY_BENCH=1 to compare with git log")
	}
	dir := synthRepo(t, benchSpec)
	best := func(f func()) time.Duration {
		var min time.Duration
		for i := 0; i < 5; i++ {
			start := time.Now()
			f()
			if d := time.Since(start); i == 0 || d < min {
				min = d
			}
		}
		return min
	}
	var h *History
	ours := best(func() {
		var err error
		if h, err = Load(dir); err != nil {
			t.Fatal(err)
		}
	})
	if h.Len() != benchSpec.Files {
		t.Fatalf("history of %d files, want %d", h.Len(), benchSpec.Files)
	}
	t.Logf("history.Load: %v (best of 5)", ours)
	if gitBin, err := exec.LookPath("git"); err == nil {
		theirs := best(func() {
			if err := exec.Command(gitBin, "-C", dir, "log", "--name-only", "--format=%H").Run(); err != nil {
				t.Fatal(err)
			}
		})
		t.Logf("git log --name-only: %v (best of 5); ratio %.2f", theirs, float64(ours)/float64(theirs))
	}
}

func benchEnabled() bool { return os.Getenv("PRESS_HISTORY_BENCH") != "" }
