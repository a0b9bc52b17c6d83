package pipeline_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/pipeline"

	"github.com/zzia/press/internal/testsite"
)

// childBuild is the environment variable that makes the test binary a
// build (TestMain): its value is "source|dest|cache".
const childBuild = "PRESS_PIPELINE_CHILD_BUILD"

// TestMain lets a test run a build in a child process, to kill it.
func TestMain(m *testing.M) {
	if spec := os.Getenv(childBuild); spec != "" {
		f := strings.Split(spec, "|")
		_, err := pipeline.Build(pipeline.Options{Source: f[0], Dest: f[1], CacheDir: f[2], Today: pagesToday})
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// A build over an existing output killed (SIGKILL: no handler runs) at
// random moments leaves the output as it was or as the new build makes it,
// byte for byte, never a mix; the next build recovers and completes.
func TestKilledBuildLeavesOldOrNewOutput(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the site many times")
	}
	srcA := testsite.Bundled(t)
	srcB := testsite.Bundled(t)
	// B differs from A: an article changed, one added, one deleted, a
	// layout changed (every page differs).
	edit := func(rel, from, to string) {
		p := filepath.Join(srcB, filepath.FromSlash(rel))
		b, err := os.ReadFile(p)
		if err != nil || !strings.Contains(string(b), from) {
			t.Fatalf("%s: %v (or no %q)", rel, err, from)
		}
		os.WriteFile(p, []byte(strings.Replace(string(b), from, to, 1)), 0o644)
	}
	edit(article, "10月20日至23日", "十月二十日至二十三日")
	edit("layouts/baseof.html", "</body>", `<i data-build="B"></i></body>`)
	os.WriteFile(filepath.Join(srcB, "content/news/2026-11-30-added.md"), []byte("---\ntitle: 新增的一篇动态\ndate: 2026-11-26\nsummary: 新增。\n---\n新增的正文。\n"), 0o644)
	if err := os.Remove(filepath.Join(srcB, "content/news/2026-10-23-data-security-training.md")); err != nil {
		t.Fatal(err)
	}

	cache := t.TempDir()
	build := func(src, dest string) {
		t.Helper()
		if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: dest, CacheDir: cache, Today: pagesToday}); err != nil {
			t.Fatalf("build %s: %v", src, err)
		}
	}
	refA, refB := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	build(srcA, refA)
	build(srcB, refB)
	treeA, treeB := fsTree(t, os.DirFS(refA)), fsTree(t, os.DirFS(refB))
	if len(diffTrees(treeA, treeB)) == 0 {
		t.Fatal("the two sources build the same output")
	}

	dir := t.TempDir()
	dest := filepath.Join(dir, "public")
	child := func() *exec.Cmd {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), childBuild+"="+srcB+"|"+dest+"|"+cache)
		return cmd
	}
	// How long a whole build over the output takes here.
	build(srcA, dest)
	start := time.Now()
	if out, err := child().CombinedOutput(); err != nil {
		t.Fatalf("child build: %v\n%s", err, out)
	}
	whole := time.Since(start)
	if d := diffTrees(fsTree(t, os.DirFS(dest)), treeB); len(d) > 0 {
		t.Fatalf("the child's build differs from the reference:\n%s", strings.Join(d, "\n"))
	}

	r := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 13))
	sawOld, sawNew := 0, 0
	for range 5 {
		build(srcA, dest)
		// Delays over the whole build, its end (the swap) included.
		delay := time.Duration(r.Int64N(int64(whole) * 11 / 10))
		cmd := child()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(delay)
		cmd.Process.Kill()
		cmd.Wait()
		got := fsTree(t, os.DirFS(dest))
		dA, dB := diffTrees(got, treeA), diffTrees(got, treeB)
		switch {
		case len(dA) == 0:
			sawOld++
		case len(dB) == 0:
			sawNew++
		default:
			if len(dA) > 10 {
				dA = append(dA[:10], "…")
			}
			t.Fatalf("killed after %v of a %v build: the output is neither the previous nor the new one; against the previous:\n%s", delay, whole, strings.Join(dA, "\n"))
		}
		t.Logf("killed after %v of %v: the %s output", delay.Round(time.Millisecond), whole.Round(time.Millisecond), map[bool]string{true: "previous", false: "new"}[len(dA) == 0])
	}
	t.Logf("previous output %d times, new %d times", sawOld, sawNew)
	// The next build after a kill completes, leaving nothing beside the output.
	build(srcB, dest)
	if d := diffTrees(fsTree(t, os.DirFS(dest)), treeB); len(d) > 0 {
		t.Fatalf("the build after the kills differs from the reference:\n%s", strings.Join(d, "\n"))
	}
	if left := leftBeside(dir); len(left) > 0 {
		t.Errorf("left beside the output after the next build: %v", left)
	}
}
