// Command sitebench compares press with plain Hugo on deterministic synthetic
// sites of the same content and layouts, printing wall time, peak memory and
// the press/Hugo ratio. It is what "make bench" runs.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/zzia/press/internal/bench/sitegen"
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/typeset"
	"github.com/zzia/press/internal/typeset/sampledoc"
)

func main() {
	press := flag.String("press", "bin/press", "the press binary")
	hugo := flag.String("hugo", "bin/hugo", "a plain Hugo binary of the version press embeds")
	sizes := flag.String("pages", "1000,10000", "comma-separated article counts")
	runs := flag.Int("runs", 3, "runs per measurement (the median is reported)")
	theme := flag.String("theme", ".", "site whose layouts and config the synthetic sites use")
	work := flag.String("work", filepath.Join(os.TempDir(), "press-sitebench"), "where the synthetic sites are kept")
	pdfDoc := flag.Bool("pdf", false, "time press pdf on the deterministic 100-page A4 Chinese document (headings, tables, lists, footnotes)")
	members := flag.String("members", "", "also compare press on a 1,000-article site with and without N members and M activities, given as N,M (e.g. 5000,2000)")
	serveSizes := flag.String("serve", "", "time the edit loop instead: press serve vs hugo server on synthetic sites of these article counts (comma-separated)")
	bundled := flag.String("bundled", "", "with -serve, also on a copy of the site in this directory")
	flag.Parse()
	if *serveSizes != "" {
		var ns []int
		for _, f := range strings.Split(*serveSizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				fail(err)
			}
			ns = append(ns, n)
		}
		compareServe(*press, *hugo, *work, *theme, ns, *bundled, max(*runs, 5))
		return
	}
	if *members != "" {
		compareMembers(*press, *work, *theme, *members, *runs)
		return
	}
	if *pdfDoc {
		timePDF(*press, *work, *runs)
		return
	}

	fmt.Printf("%-8s %-15s %10s %12s\n", "pages", "tool", "wall", "peak RSS")
	pressBin, hugoBin := sameFooting(*work, *press, *hugo)
	// The outputs that clean runs move away (see clean), removed when all
	// is measured (with what an interrupted run left).
	trash := filepath.Join(*work, "trash")
	defer os.RemoveAll(trash)
	for _, f := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			fail(err)
		}
		dir := filepath.Join(*work, fmt.Sprintf("site-%d", n))
		if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err != nil {
			os.RemoveAll(dir)
			if err := sitegen.Generate(dir, *theme, n, 1); err != nil {
				fail(err)
			}
		} else if err := sitegen.RefreshTheme(dir, *theme); err != nil {
			fail(err)
		}
		cache := filepath.Join(*work, "cache")
		pout, hout := filepath.Join(*work, "out-press"), filepath.Join(*work, "out-hugo")
		pressArgs := []string{"build", "--source", dir, "--dest", pout, "--cache-dir", cache}
		hugoArgs := []string{"--source", dir, "--destination", hout, "--cacheDir", cache, "--quiet", "--noBuildLock"}
		// A clean build (as in CI) starts with no output; a rebuild (as an
		// editor's second build) finds the previous one in place. Hugo
		// rewrites files in place, press builds aside and swaps.
		pc, hc := measurePair(*runs, clean(pout, trash), clean(hout, trash), pressBin, pressArgs, hugoBin, hugoArgs)
		pr, hr := measurePair(*runs, nil, nil, pressBin, pressArgs, hugoBin, hugoArgs)
		// One article changed before each run (not timed): the editor's
		// usual rebuild.
		article := filepath.Join(dir, "content", "news", "0000", "article-00003.md")
		orig, err := os.ReadFile(article)
		if err != nil {
			fail(err)
		}
		edits := 0
		edit := func() {
			edits++
			if err := os.WriteFile(article, fmt.Appendf(append([]byte(nil), orig...), "\n\n第 %d 次修改。\n", edits), 0o644); err != nil {
				fail(err)
			}
		}
		p1, h1 := measurePair(*runs, edit, edit, pressBin, pressArgs, hugoBin, hugoArgs)
		if err := os.WriteFile(article, orig, 0o644); err != nil {
			fail(err)
		}
		for _, r := range []struct {
			tool string
			m    measured
		}{{"press clean", pc}, {"hugo clean", hc}, {"press rebuild", pr}, {"hugo rebuild", hr},
			{"press 1 changed", p1}, {"hugo 1 changed", h1}} {
			fmt.Printf("%-8d %-15s %10s %9.0f MB\n", n, r.tool, r.m.wall.Round(time.Millisecond), r.m.mem)
		}
		fmt.Printf("%-8d ratio clean   %10.3f    rebuild %.3f   1 changed %.3f   memory %.3f   (press/hugo, medians of runs taken in pairs; targets: clean ≤ 1.10, rebuilds ≤ 1.00, memory ≤ 1.10; memory: the largest peak of each)\n",
			n, pc.ratio(hc), pr.ratio(hr), p1.ratio(h1), max(pc.mem, pr.mem, p1.mem)/max(hc.mem, hr.mem, h1.mem))
	}
}

// clean returns a step that moves dir out of the way before a run (not
// timed), into trash, and then waits until the disk has what was written so
// far: one run's writeback does not fall on the next. Moved, not removed: a
// file system may keep the inodes just freed out of use for a while (ext4
// without a journal, as on the benchmark machine, for up to five minutes:
// recently_deleted in fs/ext4/ialloc.c), and then each file the next run
// creates is first compared with every one of them, a cost that grows with
// the square of the output's size (it tripled the system time of press's
// clean build of 1,000 articles) and that a clean build in CI, on a fresh
// checkout, never pays.
//
// The spare tree a press rebuild leaves beside its output goes too: CI has
// none either.
func clean(dir, trash string) func() {
	spare := filepath.Join(filepath.Dir(dir), ".press-stage-"+filepath.Base(dir)+".spare")
	return func() {
		os.MkdirAll(trash, 0o755)
		for _, d := range []string{dir, spare} {
			if _, err := os.Lstat(d); err != nil {
				continue
			}
			if err := os.Rename(d, filepath.Join(trash, fmt.Sprintf("%s-%d", filepath.Base(d), time.Now().UnixNano()))); err != nil {
				os.RemoveAll(d)
			}
		}
		syscall.Sync()
	}
}

// membersToday is the build date of the member benchmark: the synthetic
// association is alive on it.
var membersToday = time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)

// compareMembers times press on the same 1,000-article site with and
// without synthetic member and activity data.
func compareMembers(press, work, theme, spec string, runs int) {
	var n, m int
	if _, err := fmt.Sscanf(spec, "%d,%d", &n, &m); err != nil {
		fail(fmt.Errorf("-members %q: want N,M", spec))
	}
	plain := filepath.Join(work, "site-1000")
	with := filepath.Join(work, fmt.Sprintf("site-1000-members-%d-%d", n, m))
	for _, dir := range []string{plain, with} {
		if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err == nil {
			if err := sitegen.RefreshTheme(dir, theme); err != nil {
				fail(err)
			}
			continue
		}
		os.RemoveAll(dir)
		if err := sitegen.Generate(dir, theme, 1000, 1); err != nil {
			fail(err)
		}
	}
	if err := sitegen.WithMembers(with, theme, n, m, 1, membersToday); err != nil {
		fail(err)
	}
	cache := filepath.Join(work, "cache")
	fmt.Printf("%-34s %10s %12s\n", "site", "wall", "peak RSS")
	for _, dir := range []string{plain, with} {
		w, mem := measure(runs, nil, press, "build", "--source", dir, "--dest", filepath.Join(work, "out-members"), "--cache-dir", cache, "--today", membersToday.Format("2006-01-02"))
		fmt.Printf("%-34s %10s %9.0f MB\n", filepath.Base(dir), w.Round(time.Millisecond), mem)
	}
	memberEdit(press, with, cache, runs)
}

// memberName is a member file's name line; memberIntro the first line of
// its introduction.
var (
	memberName  = regexp.MustCompile(`(?m)^name: (.*)$`)
	memberIntro = regexp.MustCompile(`(?m)^intro: \|\n`)
)

// memberEdit times the preview's edit loop on the site with member data:
// one member file's name changed → rebuilt (the name is on the member's
// page, its classification pages and the pages of the activities it
// attended), and its introduction (on its own page only), medians of runs
// (target ≤ 1 s; there is no Hugo anchor: plain Hugo has no member data),
// beside one article edited on the same site.
func memberEdit(press, dir, cache string, runs int) {
	ents, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(member.MembersDir)))
	if err != nil || len(ents) < 4 {
		fail(fmt.Errorf("no member files in %s: %v", dir, err))
	}
	file := filepath.Join(dir, filepath.FromSlash(member.MembersDir), ents[3].Name())
	ps, err := startServer(pressReady, press, "serve", "--source", dir, "--addr", fmt.Sprintf("127.0.0.1:%d", freePort()),
		"--cache-dir", cache, "--today", membersToday.Format("2006-01-02"))
	if err != nil {
		fail(err)
	}
	defer ps.stop()
	mt, err := editLoopWith(ps, pressBuilt, file, runs, func(orig []byte, i int) []byte {
		return memberName.ReplaceAll(orig, []byte(fmt.Sprintf("name: ${1}（第%d次）", i+1)))
	})
	if err != nil {
		fail(fmt.Errorf("press serve, member edit: %w", err))
	}
	it, err := editLoopWith(ps, pressBuilt, file, runs, func(orig []byte, i int) []byte {
		return memberIntro.ReplaceAll(orig, []byte(fmt.Sprintf("intro: |\n  第%d次修改。\n\n", i+1)))
	})
	if err != nil {
		fail(fmt.Errorf("press serve, member introduction edit: %w", err))
	}
	at, err := editLoop(ps, pressBuilt, filepath.Join(dir, "content", "news", "0000", "article-00003.md"), runs)
	if err != nil {
		fail(fmt.Errorf("press serve, article edit: %w", err))
	}
	fmt.Printf("press serve on %s (median of %d): member's name edited → rebuilt %s (target ≤ 1 s, ratio to target %.2f); member's introduction edited → rebuilt %s (ratio %.2f); article edited → rebuilt %s\n",
		filepath.Base(dir), runs, mt.Round(time.Millisecond), mt.Seconds(), it.Round(time.Millisecond), it.Seconds(), at.Round(time.Millisecond))
}

// timePDF times the whole press pdf command on the 100-page sample
// document, fonts loading and all.
func timePDF(press, work string, runs int) {
	if err := os.MkdirAll(work, 0o755); err != nil {
		fail(err)
	}
	src := filepath.Join(work, "hundred-pages.md")
	if err := os.WriteFile(src, sampledoc.Generate(sampledoc.Options{Seed: 1, Sections: typeset.HundredPageSections}), 0o644); err != nil {
		fail(err)
	}
	out := filepath.Join(work, "hundred-pages.pdf")
	w, mem := measure(runs, nil, press, "pdf", src, "-o", out, "--toc", "--numbering", "decimal")
	pages := countPages(out)
	fmt.Printf("press pdf: %d A4 pages in %s (%.0f pages/s), peak RSS %.0f MB\n", pages, w.Round(time.Millisecond), float64(pages)/w.Seconds(), mem)
}

// countPages counts the page objects of a PDF written by press.
func countPages(name string) int {
	b, err := os.ReadFile(name)
	if err != nil {
		fail(err)
	}
	return strings.Count(string(b), "/Type /Page\n") + strings.Count(string(b), "/Type /Page ") + strings.Count(string(b), "/Type /Page/")
}

// measure runs the command runs times, each after before (when set, not
// timed), and returns the median wall time and the median peak resident
// memory in MB.
func measure(runs int, before func(), name string, args ...string) (time.Duration, float64) {
	var ms []measured
	for range runs {
		ms = append(ms, timeOnce(before, name, args))
	}
	m := median(ms)
	return m.wall, m.mem
}

// timeOnce runs the command once after before (when set, not timed).
func timeOnce(before func(), name string, args []string) measured {
	if before != nil {
		before()
	}
	cmd := exec.Command(name, args...)
	cmd.Stderr = os.Stderr
	start := time.Now()
	if err := cmd.Run(); err != nil {
		fail(fmt.Errorf("%s %s: %w", name, strings.Join(args, " "), err))
	}
	m := measured{wall: time.Since(start)}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		m.mem = float64(ru.Maxrss) / 1024
	}
	return m
}

// median is the median wall time and, apart, the median memory of ms.
func median(ms []measured) measured {
	walls := make([]time.Duration, len(ms))
	mems := make([]float64, len(ms))
	for i, m := range ms {
		walls[i], mems[i] = m.wall, m.mem
	}
	slices.Sort(walls)
	slices.Sort(mems)
	return measured{wall: walls[len(walls)/2], mem: mems[len(mems)/2]}
}

// measured is a command's median wall time and median peak resident
// memory in MB over a series of runs.
type measured struct {
	wall time.Duration
	mem  float64
}

// ratio is m's wall time over o's.
func (m measured) ratio(o measured) float64 { return float64(m.wall) / float64(o.wall) }

// measurePair times two commands runs times each, taken in turn (a run of
// the first, then one of the second), so that a change of the machine's
// load falls on both; beforeA and beforeB (when set, not timed) run before
// each run of their command.
func measurePair(runs int, beforeA, beforeB func(), a string, aArgs []string, b string, bArgs []string) (measured, measured) {
	var as, bs []measured
	for range runs {
		as = append(as, timeOnce(beforeA, a, aArgs))
		bs = append(bs, timeOnce(beforeB, b, bArgs))
	}
	return median(as), median(bs)
}

// sameFooting copies both binaries into work and returns the copies' names,
// so that the two start from the same state of the page cache: the Go
// linker writes its output through a memory map, and a binary just linked
// maps (and counts in its peak RSS) about 20 MB more of itself than the same
// bytes written by a copy. The copies are then dropped from the page cache
// (evict): a process that runs a file just written maps far more of it
// than it touches (the written pages are kept in larger units, it appears)
// — on this machine 86 MB of press's 92 MB of code and data, 65 of Hugo's
// 80, where the same binaries read back from disk map 62 and 57 MB. Read
// back, both count what they touch, as an installed program does.
func sameFooting(work string, bins ...string) (string, string) {
	dir := filepath.Join(work, "bin")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fail(err)
	}
	var out []string
	for i, b := range bins {
		name := filepath.Join(dir, fmt.Sprintf("%d-%s", i, filepath.Base(b)))
		if err := copyFile(name, b); err != nil {
			fail(err)
		}
		out = append(out, name)
	}
	return out[0], out[1]
}

// copyFile writes a copy of src to dst through a small buffer: the
// commands' peak RSS includes this process's, which they share until exec.
func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	os.Remove(dst)
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_EXCL, 0o755)
	if err != nil {
		return err
	}
	// Plain reads and writes: not copy_file_range, which may share the
	// source's pages.
	_, err = io.CopyBuffer(struct{ io.Writer }{out}, struct{ io.Reader }{in}, make([]byte, 1<<20))
	if err == nil {
		err = evict(out)
	}
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return err
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "sitebench:", err)
	os.Exit(1)
}
