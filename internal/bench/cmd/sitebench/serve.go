package main

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/zzia/press/internal/bench/sitegen"
	"github.com/zzia/press/internal/testsite"
)

// server is a running preview server whose output lines are read.
type server struct {
	cmd   *exec.Cmd
	lines chan string
}

// startServer runs name args in dir and waits for a line matching ready.
func startServer(ready *regexp.Regexp, name string, args ...string) (*server, error) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), "PRESS_LANG=en", "LANG=C.UTF-8")
	pr, pw := io.Pipe()
	cmd.Stdout, cmd.Stderr = pw, pw
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	s := &server{cmd: cmd, lines: make(chan string, 1024)}
	go func() {
		sc := bufio.NewScanner(pr)
		sc.Buffer(make([]byte, 1<<20), 1<<20)
		for sc.Scan() {
			s.lines <- sc.Text()
		}
		close(s.lines)
	}()
	if _, err := s.wait(ready, 10*time.Minute); err != nil {
		s.stop()
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return s, nil
}

// wait reads lines until one matches re.
func (s *server) wait(re *regexp.Regexp, limit time.Duration) (string, error) {
	deadline := time.After(limit)
	var last []string
	for {
		select {
		case l, ok := <-s.lines:
			if !ok {
				return "", fmt.Errorf("stopped; last output:\n%s", strings.Join(last, "\n"))
			}
			last = append(last, l)
			if len(last) > 20 {
				last = last[1:]
			}
			if re.MatchString(l) {
				return l, nil
			}
		case <-deadline:
			return "", fmt.Errorf("no %q within %v; last output:\n%s", re, limit, strings.Join(last, "\n"))
		}
	}
}

// drain discards what the server printed since.
func (s *server) drain() {
	for {
		select {
		case <-s.lines:
		default:
			return
		}
	}
}

func (s *server) stop() {
	s.cmd.Process.Signal(os.Interrupt)
	done := make(chan struct{})
	go func() { s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-done
	}
}

// appendParagraph is the article edit: a paragraph added at the end.
func appendParagraph(orig []byte, i int) []byte {
	return append(append([]byte(nil), orig...), []byte(fmt.Sprintf("\n\n第 %d 次修改的段落。\n", i+1))...)
}

// editLoop edits the file runs times, each time timing from the write to
// the server's line that says the site was rebuilt, and returns the median.
func editLoop(s *server, built *regexp.Regexp, file string, runs int) (time.Duration, error) {
	return editLoopWith(s, built, file, runs, appendParagraph)
}

// editLoopWith is editLoop with the edit given: the file's bytes for run i.
func editLoopWith(s *server, built *regexp.Regexp, file string, runs int, edit func(orig []byte, i int) []byte) (time.Duration, error) {
	orig, err := os.ReadFile(file)
	if err != nil {
		return 0, err
	}
	defer os.WriteFile(file, orig, 0o644)
	var times []time.Duration
	for i := range runs {
		// Let the previous rebuild settle (not timed): the loop before
		// ends by writing its file back, which a member site takes about
		// two seconds to rebuild.
		time.Sleep(3 * time.Second)
		s.drain()
		edited := edit(orig, i)
		start := time.Now()
		if err := os.WriteFile(file, edited, 0o644); err != nil {
			return 0, err
		}
		if _, err := s.wait(built, 5*time.Minute); err != nil {
			return 0, err
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	return times[len(times)/2], nil
}

var (
	pressReady = regexp.MustCompile(`Preview at |预览地址`)
	pressBuilt = regexp.MustCompile(`Built \d+ pages|已生成 \d+ 个页面|failed|失败`)
	hugoReady  = regexp.MustCompile(`Web Server is available`)
	hugoBuilt  = regexp.MustCompile(`Total in \d+ ms|ERROR`)
)

func freePort() int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// compareServe times the edit loop: one article edited, from the write to
// the rebuilt line of press serve and of hugo server (plain Hugo, in
// memory, every affected page rendered: --disableFastRender) on the same
// site, and prints the medians and their ratio.
func compareServe(press, hugo, work, theme string, sizes []int, bundled string, runs int) {
	type target struct {
		label, dir, file string
	}
	var targets []target
	for _, n := range sizes {
		dir := filepath.Join(work, fmt.Sprintf("site-%d", n))
		if _, err := os.Stat(filepath.Join(dir, "hugo.toml")); err != nil {
			os.RemoveAll(dir)
			if err := sitegen.Generate(dir, theme, n, 1); err != nil {
				fail(err)
			}
		} else if err := sitegen.RefreshTheme(dir, theme); err != nil {
			fail(err)
		}
		targets = append(targets, target{strconv.Itoa(n), dir, filepath.Join(dir, "content", "news", "0000", "article-00003.md")})
	}
	if bundled != "" {
		dir := filepath.Join(work, "bundled")
		os.RemoveAll(dir)
		for _, d := range []string{"content", "layouts", "assets", "static", "i18n", "data"} {
			if err := testsite.CopyTree(filepath.Join(bundled, d), filepath.Join(dir, d)); err != nil {
				fail(err)
			}
		}
		if err := testsite.CopyTree(filepath.Join(bundled, "hugo.toml"), filepath.Join(dir, "hugo.toml")); err != nil {
			fail(err)
		}
		targets = append(targets, target{"bundled", dir, filepath.Join(dir, "content", "news", "2026-10-23-data-security-training.md")})
	}
	cache := filepath.Join(work, "cache")
	fmt.Printf("edit one article → rebuilt (median of %d)\n", runs)
	fmt.Printf("%-8s %14s %14s %8s\n", "site", "press serve", "hugo server", "ratio")
	for _, t := range targets {
		ps, err := startServer(pressReady, press, "serve", "--source", t.dir, "--addr", fmt.Sprintf("127.0.0.1:%d", freePort()), "--cache-dir", cache)
		if err != nil {
			fail(err)
		}
		pt, err := editLoop(ps, pressBuilt, t.file, runs)
		ps.stop()
		if err != nil {
			fail(fmt.Errorf("press serve on %s: %w", t.label, err))
		}
		hs, err := startServer(hugoReady, hugo, "server", "--source", t.dir, "--port", strconv.Itoa(freePort()), "--bind", "127.0.0.1",
			"--renderToMemory", "--disableFastRender", "--cacheDir", cache, "--noBuildLock")
		if err != nil {
			fmt.Printf("%-8s %14s %14s %8s   (hugo server did not start: %v)\n", t.label, pt.Round(time.Millisecond), "n/a", "", firstLine(err))
			continue
		}
		ht, err := editLoop(hs, hugoBuilt, t.file, runs)
		hs.stop()
		if err != nil {
			fail(fmt.Errorf("hugo server on %s: %w", t.label, err))
		}
		fmt.Printf("%-8s %14s %14s %8.2f\n", t.label, pt.Round(time.Millisecond), ht.Round(time.Millisecond), float64(pt)/float64(ht))
	}
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
