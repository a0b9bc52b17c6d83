package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/zzia/press/internal/bench/sitegen"
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/pipeline"
)

// BenchmarkLiveMemberEdit times the preview's rebuild after one member
// file's name changed (name) and after its introduction changed (intro), on a synthetic site of 1,000 articles, 5,000 members
// and 2,000 activities (PRESS_BENCH_MEMBERS=N,M other counts;
// PRESS_BENCH_SITE keeps the generated site between runs). It logs each
// stage's time and how many files the rebuild wrote (Hugo's pages and
// press's files); PRESS_BENCH_LIST=file saves their names, and
// PRESS_BENCH_CPUPROFILE=file profiles the edits alone and
// PRESS_BENCH_MEMPROFILE=file their allocations (see profileMem). The whole edit
// loop, with plain Hugo beside it, is sitebench -members.
func BenchmarkLiveMemberEdit(b *testing.B) {
	dir := os.Getenv("PRESS_BENCH_SITE")
	if dir == "" {
		dir = filepath.Join(b.TempDir(), "site")
	}
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)
	if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err != nil {
		if err := sitegen.Generate(dir, "../..", 1000, 1); err != nil {
			b.Fatal(err)
		}
	} else if err := sitegen.RefreshTheme(dir, "../.."); err != nil {
		b.Fatal(err)
	}
	n, m := 5000, 2000
	if v := os.Getenv("PRESS_BENCH_MEMBERS"); v != "" {
		if _, err := fmt.Sscanf(v, "%d,%d", &n, &m); err != nil {
			b.Fatalf("PRESS_BENCH_MEMBERS=%q: want N,M", v)
		}
	}
	if err := sitegen.WithMembers(dir, "../..", n, m, 1, today); err != nil {
		b.Fatal(err)
	}
	live, err := pipeline.OpenLive(pipeline.Options{Source: dir, CacheDir: b.TempDir(), BaseURL: "http://127.0.0.1:1313/", Today: today})
	if err != nil {
		b.Fatal(err)
	}
	defer live.Close()
	if _, err := live.Update(nil); err != nil {
		b.Fatal(err)
	}
	// As press serve: every change comes as an event (the edit's, below).
	live.Watched()
	_, file, orig := membertest.MemberFile(b, dir, 3)
	defer os.WriteFile(file, orig, 0o644)
	// A name is shown by the member's page, its classification pages and
	// the activities it attended; an introduction only by its own page.
	edits := []struct {
		name string
		re   *regexp.Regexp
		repl string
	}{
		{"name", regexp.MustCompile(`(?m)^name: (.*)$`), "name: ${1}（第%d次）"},
		{"intro", regexp.MustCompile(`(?m)^intro: \|\n`), "intro: |\n  第%d次修改。\n\n"},
	}
	defer profileCPU(b)()
	defer profileMem(b)()
	count := 0 // every edit writes other bytes, across runs of a sub-benchmark
	for _, e := range edits {
		if !e.re.Match(orig) {
			b.Fatalf("%s: no %s to edit", file, e.name)
		}
		b.Run(e.name, func(b *testing.B) {
			for range b.N {
				count++
				edited := e.re.ReplaceAll(orig, []byte(fmt.Sprintf(e.repl, count)))
				if err := os.WriteFile(file, edited, 0o644); err != nil {
					b.Fatal(err)
				}
				res, err := live.Update([]fsnotify.Event{{Name: file, Op: fsnotify.Write}})
				if err != nil {
					b.Fatal(err)
				}
				for _, s := range res.Stages {
					b.Logf("%s %v", s.Name, s.Elapsed.Round(time.Millisecond))
				}
				b.Logf("files written: %d of %d", len(live.Written()), res.Pages)
				if os.Getenv("PRESS_BENCH_LIST") != "" {
					if err := os.WriteFile(os.Getenv("PRESS_BENCH_LIST"), []byte(strings.Join(live.Written(), "\n")+"\n"), 0o644); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
