package membersheet

import (
	"fmt"
	"io"
	"strings"
)

// WriteDiff writes the plan as a diff of each file, with one line of
// context: "--- file", then "@@ line N" and "-old"/"+new" lines.
func (p *Plan) WriteDiff(w io.Writer) error {
	for _, f := range p.Files {
		if _, err := fmt.Fprintf(w, "--- %s\n", f.Name); err != nil {
			return err
		}
		a := splitLines(string(f.Old))
		b := splitLines(string(f.New))
		for _, h := range diffLines(a, b) {
			fmt.Fprintf(w, "@@ %d\n", h.line)
			for _, l := range h.lines {
				if _, err := fmt.Fprintln(w, l); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

type hunk struct {
	line  int // first line in the new text
	lines []string
}

// diffLines returns the hunks between a and b (a longest common
// subsequence of lines; data files are a few dozen lines long).
func diffLines(a, b []string) []hunk {
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var hunks []hunk
	var cur *hunk
	flush := func() {
		if cur != nil {
			hunks = append(hunks, *cur)
			cur = nil
		}
	}
	start := func(j int) {
		if cur == nil {
			cur = &hunk{line: j + 1}
		}
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			flush()
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]):
			start(j)
			cur.lines = append(cur.lines, "-"+a[i])
			i++
		default:
			start(j)
			cur.lines = append(cur.lines, "+"+b[j])
			j++
		}
	}
	flush()
	return hunks
}
