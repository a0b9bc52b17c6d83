// Command pdfbench times press pdf (the whole process, fonts included) on
// the 100-page sample document against Typst's in-process compiler on the
// same text in the same run, and prints pages per second, peak memory and
// the ratio of press to Typst's warm compile. make bench runs it; Typst
// comes from the npm package pinned in typst/ (npm ci there first).
//
//	go run ./internal/bench/cmd/pdfbench -press bin/press -runs 5
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/zzia/press/internal/typeset"
	"github.com/zzia/press/internal/typeset/sampledoc"
)

func main() {
	press := flag.String("press", "bin/press", "the press binary")
	runs := flag.Int("runs", 5, "runs of each; the median is reported")
	typstDir := flag.String("typst", filepath.Join("internal", "bench", "cmd", "pdfbench", "typst"), "folder with compile.js and node_modules")
	keep := flag.String("keep", "", "write the sample (Markdown and Typst) and both PDFs into this folder and keep them")
	flag.Parse()
	work := *keep
	if work == "" {
		var err error
		if work, err = os.MkdirTemp("", "pdfbench-"); err != nil {
			fail(err)
		}
		defer os.RemoveAll(work)
	} else if err := os.MkdirAll(work, 0o755); err != nil {
		fail(err)
	}
	src := sampledoc.Generate(sampledoc.Options{Seed: 1, Sections: typeset.HundredPageSections})
	md := filepath.Join(work, "sample.md")
	typ := filepath.Join(work, "sample.typ")
	if err := os.WriteFile(md, src, 0o644); err != nil {
		fail(err)
	}
	if err := os.WriteFile(typ, []byte(toTypst(string(src))), 0o644); err != nil {
		fail(err)
	}
	out := filepath.Join(work, "press.pdf")
	var walls, startWalls []time.Duration
	var startCPUs []float64
	var cpus, typstWarm, typstCPU, typstCold []float64
	var mems, inWarm []float64
	var inCold float64
	haveTypst := true
	if _, err := os.Stat(filepath.Join(*typstDir, "node_modules")); err != nil {
		haveTypst = false
		fmt.Printf("Typst: not installed (npm ci in %s); comparing with the recorded figure of about 1.1 s for 98 pages\n", *typstDir)
	}
	for range *runs {
		// press and Typst in turn, so a busy machine slows both alike.
		cmd := exec.Command(*press, "pdf", md, "-o", out, "--toc", "--numbering", "decimal")
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil {
			fail(fmt.Errorf("press pdf: %w", err))
		}
		walls = append(walls, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			mems = append(mems, float64(ru.Maxrss)/1024)
		}
		cpus = append(cpus, (cmd.ProcessState.UserTime()+cmd.ProcessState.SystemTime()).Seconds()*1000)
		// The start-up alone (the embedded Hugo's packages initialised):
		// press version does nothing else.
		v := exec.Command(*press, "version")
		vstart := time.Now()
		if err := v.Run(); err != nil {
			fail(fmt.Errorf("press version: %w", err))
		}
		startWalls = append(startWalls, time.Since(vstart))
		startCPUs = append(startCPUs, (v.ProcessState.UserTime()+v.ProcessState.SystemTime()).Seconds()*1000)
		// The typesetter in this process, as Typst's warm figure is taken
		// in its: the first render loads the fonts, the next ones are warm.
		for k := 0; k < 3; k++ {
			t0 := time.Now()
			if _, _, err := typeset.Render(src, md, typeset.Options{TOC: true, Numbering: "decimal"}); err != nil {
				fail(fmt.Errorf("press in process: %w", err))
			}
			if ms := float64(time.Since(t0).Microseconds()) / 1000; inCold == 0 {
				inCold = ms
			} else {
				inWarm = append(inWarm, ms)
			}
		}
		if haveTypst {
			ms, cpu, err := typstCompile(*typstDir, typ)
			if err != nil {
				fail(err)
			}
			// The first compile loads the fonts; the rest are warm.
			typstWarm = append(typstWarm, median(ms[1:]))
			typstCold = append(typstCold, ms[0])
			typstCPU = append(typstCPU, median(cpu[1:]))
		}
	}
	pages := countPages(out)
	w := medianDur(walls)
	pc := median(cpus)
	fmt.Printf("press pdf (whole process): %d A4 pages in %s (CPU %.0f ms), %.0f pages/s, peak RSS %.0f MB\n", pages, w.Round(time.Millisecond), pc, float64(pages)/w.Seconds(), median(mems))
	fmt.Printf("  of which start-up (press version: the binary and its packages initialised, no work): %s (CPU %.0f ms)\n", medianDur(startWalls).Round(time.Millisecond), median(startCPUs))
	iw := median(inWarm)
	fmt.Printf("press typesetter (warm, in process): %d pages in %.0f ms, %.0f pages/s; its first render in this process (fonts loaded) %.0f ms\n", pages, iw, float64(pages)/(iw/1000), inCold)
	if haveTypst {
		tw, tc := median(typstWarm), median(typstCPU)
		tp := countPages(strings.TrimSuffix(typ, ".typ") + ".pdf")
		fmt.Printf("Typst (warm, in process): %d pages in %.0f ms (CPU %.0f ms), %.0f pages/s; its first compile (fonts loaded) %.0f ms\n", tp, tw, tc, float64(tp)/(tw/1000), median(typstCold))
		fmt.Printf("press / Typst time: %.2f wall, %.2f CPU (the bar: at most 0.5)\n", w.Seconds()*1000/tw, pc/tc)
		fmt.Printf("  in process, warm against warm: %.2f per document, %.2f per page\n", iw/tw, (iw/float64(pages))/(tw/float64(tp)))
	} else {
		fmt.Printf("press / Typst time (recorded 1.1 s): %.2f (the bar: at most 0.5)\n", w.Seconds()/1.1)
	}
}

// typstCompile compiles typ with Typst in a node process and returns each
// compile's wall and CPU time in milliseconds.
func typstCompile(dir, typ string) (wall, cpu []float64, err error) {
	cmd := exec.Command("node", filepath.Join(dir, "compile.js"), typ, "/usr/share/fonts/opentype/noto", "/usr/share/fonts/truetype/liberation")
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return nil, nil, fmt.Errorf("typst: %w", err)
	}
	var r struct {
		Runs []float64 `json:"runs_ms"`
		CPU  []float64 `json:"cpu_ms"`
	}
	if err := json.Unmarshal(bytes.TrimSpace(b), &r); err != nil || len(r.Runs) < 2 || len(r.CPU) != len(r.Runs) {
		return nil, nil, fmt.Errorf("typst: %q: %v", b, err)
	}
	return r.Runs, r.CPU, nil
}

// toTypst turns the sample's Markdown (headings, paragraphs, lists, quotes,
// code, tables, footnotes, strong text) into Typst markup with the same
// page and type: A4, 10.5 pt Noto Serif CJK SC, justified, 2-em indents,
// numbered headings and a contents.
func toTypst(md string) string {
	notes := map[string]string{}
	var body []string
	for _, l := range strings.Split(md, "\n") {
		if m := noteDef.FindStringSubmatch(l); m != nil {
			notes[m[1]] = m[2]
			continue
		}
		body = append(body, l)
	}
	var inline func(string) string
	inline = func(t string) string {
		var b strings.Builder
		last := 0
		for _, m := range inlineTok.FindAllStringIndex(t, -1) {
			b.WriteString(escape(t[last:m[0]]))
			tok := t[m[0]:m[1]]
			switch {
			case strings.HasPrefix(tok, "**"):
				b.WriteString("*" + escape(tok[2:len(tok)-2]) + "*")
			case strings.HasPrefix(tok, "`"):
				b.WriteString("#raw(" + strconvQuote(tok[1:len(tok)-1]) + ")")
			default:
				b.WriteString("#footnote[" + inline(notes[tok[2:len(tok)-1]]) + "]")
			}
			last = m[1]
		}
		b.WriteString(escape(t[last:]))
		return b.String()
	}
	out := []string{
		`#set page(paper: "a4", margin: (top: 25mm, bottom: 25mm, x: 22mm), numbering: "1")`,
		`#set text(font: ("Liberation Serif", "Noto Serif CJK SC"), size: 10.5pt, lang: "zh", region: "cn")`,
		`#set par(justify: true, first-line-indent: (amount: 2em, all: true), leading: 0.75em, spacing: 0.75em)`,
		`#set heading(numbering: "1.1")`,
		`#show heading: set text(font: ("Liberation Sans", "Noto Sans CJK SC"))`,
		`#outline()`, ``,
	}
	for i := 0; i < len(body); i++ {
		l := body[i]
		switch {
		case strings.HasPrefix(l, "```"):
			j := i + 1
			for j < len(body) && !strings.HasPrefix(body[j], "```") {
				j++
			}
			out = append(out, l)
			out = append(out, body[i+1:min(j, len(body))]...)
			out = append(out, "```")
			i = j
		case heading.MatchString(l):
			m := heading.FindStringSubmatch(l)
			out = append(out, strings.Repeat("=", len(m[1]))+" "+inline(m[2]))
		case strings.HasPrefix(l, "|"):
			var rows [][]string
			for ; i < len(body) && strings.HasPrefix(body[i], "|"); i++ {
				if !rule.MatchString(body[i]) {
					var cells []string
					for _, c := range strings.Split(strings.Trim(strings.TrimSpace(body[i]), "|"), "|") {
						cells = append(cells, "["+inline(strings.TrimSpace(c))+"]")
					}
					rows = append(rows, cells)
				}
			}
			i--
			n := len(rows[0])
			var cells []string
			for _, r := range rows {
				for len(r) < n {
					r = append(r, "[]")
				}
				cells = append(cells, r[:n]...)
			}
			out = append(out, fmt.Sprintf("#table(columns: %d, %s)", n, strings.Join(cells, ", ")))
		case strings.HasPrefix(l, "> "):
			out = append(out, "#quote(block: true)["+inline(l[2:])+"]")
		case listItem.MatchString(l):
			m := listItem.FindStringSubmatch(l)
			mark := "+"
			if m[2] == "-" || m[2] == "*" {
				mark = "-"
			}
			out = append(out, strings.Repeat("  ", len(m[1])/3)+mark+" "+inline(m[3]))
		default:
			out = append(out, inline(l))
		}
	}
	return strings.Join(out, "\n")
}

var (
	noteDef   = regexp.MustCompile(`^\[\^(\w+)\]:\s*(.*)$`)
	inlineTok = regexp.MustCompile("\\*\\*[^*]+\\*\\*|`[^`]+`|\\[\\^\\w+\\]")
	heading   = regexp.MustCompile(`^(#+) (.*)$`)
	rule      = regexp.MustCompile(`^\|[\s:|-]+\|?$`)
	listItem  = regexp.MustCompile(`^(\s*)([-*]|\d+\.) (.*)$`)
)

// escape escapes the characters Typst markup gives a meaning.
func escape(t string) string {
	var b strings.Builder
	for _, r := range t {
		if strings.ContainsRune(`\#$@<>_`+"`"+`*[]~`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func strconvQuote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func countPages(name string) int {
	b, err := os.ReadFile(name)
	if err != nil {
		fail(err)
	}
	return bytes.Count(b, []byte("/Type /Page ")) + bytes.Count(b, []byte("/Type /Page\n")) + bytes.Count(b, []byte("/Type /Page/")) + bytes.Count(b, []byte("/Type/Page "))
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

func medianDur(v []time.Duration) time.Duration {
	s := slices.Clone(v)
	slices.Sort(s)
	return s[len(s)/2]
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "pdfbench:", err)
	os.Exit(1)
}
