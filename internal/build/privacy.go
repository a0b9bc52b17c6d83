package build

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"html"
	"io"
	"io/fs"
	"path"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
)

// The privacy scan: every build reads back everything it is about to
// publish (pages, feeds, JSON, CSV, calendars, the search index, the text
// of PDFs) and looks for the private values of the member data it loaded:
// phone, mobile and fax numbers, e-mail addresses, postal addresses, the
// secretariat's notes and fee notes, of member units and of people. One
// found stops the build, naming the file, what was found and whose it is
// (never the value itself: build logs may be public).
//
// Values are looked for as written and in the forms a page may give them:
// HTML entities and JSON or iCalendar escapes undone, iCalendar lines
// unfolded, phone numbers as bare digits. Values too short to be told
// from ordinary text are left out: numbers of fewer than 7 digits, text of
// fewer than 8 characters.

// secret is one private value and whose it is.
type secret struct {
	what  string // the field, in the user's language
	owner string // member or person id
}

// secrets are the private values of one build's member data.
type secrets struct {
	list    []secret
	matcher *matcher
}

const (
	minDigits   = 7
	minTextRune = 8
)

// collectSecrets gathers the private values of ds; nil when there are none.
func collectSecrets(ds *member.Dataset) *secrets {
	if ds == nil {
		return nil
	}
	byPattern := map[string]secret{}
	add := func(what, owner, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		s := secret{msg.T("privacy." + what), owner}
		switch what {
		case "phone", "mobile", "fax":
			digits := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, v)
			if len(digits) < minDigits {
				return
			}
			byPattern[digits] = s
			byPattern[v] = s
		case "email":
			if strings.Contains(v, "@") {
				byPattern[v] = s
				byPattern[strings.ToLower(v)] = s
			}
		default:
			for _, line := range strings.Split(v, "\n") {
				line = strings.TrimSpace(line)
				if utf8.RuneCountInString(line) >= minTextRune {
					byPattern[line] = s
				}
			}
		}
	}
	contact := func(owner string, c member.Contact) {
		add("phone", owner, c.Phone)
		add("mobile", owner, c.Mobile)
		add("fax", owner, c.Fax)
		add("email", owner, c.Email)
		add("address", owner, c.Address)
	}
	for _, m := range ds.Members {
		contact(m.ID, m.Contact)
		add("notes", m.ID, m.Notes)
		for _, f := range m.Fees {
			add("feenote", m.ID, f.Note)
		}
		for _, r := range m.Representatives {
			if r.Person == nil {
				contact(m.ID, r.Contact)
			}
		}
	}
	for _, p := range ds.People {
		contact(p.ID, p.Contact)
		add("notes", p.ID, p.Notes)
	}
	if len(byPattern) == 0 {
		return nil
	}
	patterns := make([]string, 0, len(byPattern))
	for p := range byPattern {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	s := &secrets{list: make([]secret, len(patterns))}
	for i, p := range patterns {
		s.list[i] = byPattern[p]
	}
	s.matcher = newMatcher(patterns)
	return s
}

// check scans every file of out and returns an *Error naming each file
// that holds a private value, or nil.
func (s *secrets) check(out fs.FS) error {
	if s == nil || out == nil {
		return nil
	}
	var names []string
	err := fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !skipScan[strings.ToLower(path.Ext(p))] {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	found := make([]diag.List, len(names))
	errs := make([]error, len(names))
	parallelDo(len(names), func(i int) {
		b, err := fs.ReadFile(out, names[i])
		if err != nil {
			errs[i] = err
			return
		}
		found[i] = s.scanFile(names[i], b)
	})
	var l diag.List
	for i := range names {
		if errs[i] != nil {
			return errs[i]
		}
		l = append(l, found[i]...)
	}
	if len(l) == 0 {
		return nil
	}
	return &Error{Diagnostics: l}
}

// skipScan are the kinds of file that cannot hold text: images, fonts,
// archives.
var skipScan = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true,
	".ico": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".gz": true, ".zip": true, ".br": true}

// scanFile looks for the secrets in one file, in each of its views.
func (s *secrets) scanFile(name string, b []byte) diag.List {
	seen := map[int]bool{}
	var l diag.List
	report := func(view []byte, raw bool) {
		s.matcher.find(view, func(id, end int) {
			if seen[id] {
				return
			}
			seen[id] = true
			d := diag.Diagnostic{File: name, Message: msg.T("privacy.leak", s.list[id].what, s.list[id].owner),
				Hint: msg.T("privacy.hint")}
			if raw {
				d.Line = bytes.Count(view[:end], []byte("\n")) + 1
			}
			l = append(l, d)
		})
	}
	var text []byte
	if strings.EqualFold(path.Ext(name), ".pdf") {
		text = pdfText(b)
	} else {
		report(b, true)
		text = unescape(b, strings.EqualFold(path.Ext(name), ".ics"))
	}
	if text != nil {
		report(text, false)
	}
	if base := text; base != nil || !strings.EqualFold(path.Ext(name), ".pdf") {
		if base == nil {
			base = b
		}
		if d := digitsOnly(base); d != nil {
			report(d, false)
		}
	}
	return l
}

// unescape returns the text of a page or feed as a reader would see it:
// iCalendar lines unfolded, tags removed, HTML entities and JSON and
// iCalendar backslash escapes undone. nil when that is the file as it is.
// It reads every byte of every page: written by hand, not with regexps.
func unescape(b []byte, ics bool) []byte {
	out := b
	if ics {
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n "), nil), []byte("\r\n\t"), nil)
	}
	if bytes.IndexByte(out, '<') >= 0 {
		out = stripTags(out)
	}
	if bytes.IndexByte(out, '\\') >= 0 {
		out = unbackslash(out)
	}
	if bytes.IndexByte(out, '&') >= 0 {
		out = []byte(html.UnescapeString(string(out)))
	}
	if len(out) == len(b) && bytes.Equal(out, b) {
		return nil
	}
	return out
}

// stripTags removes <…> tags of up to 1,000 bytes.
func stripTags(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			out = append(out, b[i:]...)
			break
		}
		out = append(out, b[i:i+j]...)
		i += j
		end := bytes.IndexByte(b[i+1:min(len(b), i+1001)], '>')
		if end < 0 || bytes.IndexByte(b[i+1:i+1+end], '<') >= 0 {
			out = append(out, '<')
			i++
			continue
		}
		i += end + 2
	}
	return out
}

// unbackslash undoes JSON's and iCalendar's escapes: \uXXXX, \n, \", \\,
// \/, \, and \;.
func unbackslash(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			out = append(out, c)
			continue
		}
		e := b[i+1]
		switch e {
		case 'u':
			if i+6 <= len(b) {
				if n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32); err == nil {
					out = utf8.AppendRune(out, rune(n))
					i += 5
					continue
				}
			}
			out = append(out, c)
		case 'n', 'N':
			out = append(out, '\n')
			i++
		case 't':
			out = append(out, '\t')
			i++
		case 'b', 'f', 'r':
			i++
		case '"', '\\', '/', ',', ';':
			out = append(out, e)
			i++
		default:
			out = append(out, c)
		}
	}
	return out
}

// digitsOnly removes what separates digits (- . space and the like), so
// that 0371 5555 0001 is found as 037155550001; nil when nothing changes.
func digitsOnly(b []byte) []byte {
	out := make([]byte, 0, len(b))
	changed := false
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if (r == '-' || r == '.' || r == ' ' || r == '(' || r == ')' || r == '\u00a0' || r == '\u3000' || r == '－') &&
			len(out) > 0 && out[len(out)-1] >= '0' && out[len(out)-1] <= '9' {
			// A separator after a digit: drop it when a digit follows
			// (after more separators).
			j := i + size
			for j < len(b) && strings.ContainsRune("-. ()\u00a0\u3000－", rune(b[j])) {
				j++
			}
			if j < len(b) && b[j] >= '0' && b[j] <= '9' {
				i = j
				changed = true
				continue
			}
		}
		out = append(out, b[i:i+size]...)
		i += size
	}
	if !changed {
		return nil
	}
	return out
}

var (
	streamRe = regexp.MustCompile(`(?:>>|[\r\n ])stream\r?\n`) // not the end of "endstream"
	hexRe    = regexp.MustCompile(`<([0-9A-Fa-f\s]{4,})>`)
)

// pdfText returns the text a PDF that press wrote shows: the strings of
// its content streams (inflated) and of its metadata, read twice, as
// UTF-16 (the fonts press embeds take two bytes a character, Unicode code
// points) and as bytes (the PDF's own strings), each reading one text.
// Runs are joined without separators, so that a value broken over two
// lines is still found.
func pdfText(b []byte) []byte {
	var wide, narrow bytes.Buffer
	var streams [][]byte
	var rest []byte // the file without its streams
	last := 0
	for _, loc := range streamRe.FindAllIndex(b, -1) {
		start := loc[1]
		if start < last {
			continue
		}
		end := bytes.Index(b[start:], []byte("endstream"))
		if end < 0 {
			break
		}
		rest = append(rest, b[last:start]...)
		last = start + end
		data := b[start : start+end]
		if r, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
			if inflated, err := io.ReadAll(io.LimitReader(r, 64<<20)); err == nil {
				data = inflated
			}
		}
		// Only content streams hold text; fonts and images are skipped.
		if bytes.Contains(data, []byte("Tj")) || bytes.Contains(data, []byte("TJ")) {
			streams = append(streams, data)
		}
	}
	// What is not a stream: the objects' dictionaries and strings
	// (metadata).
	streams = append(streams, append(rest, b[last:]...))
	emit := func(raw []byte) {
		narrow.Write(raw)
		start := 0
		if bytes.HasPrefix(raw, []byte{0xFE, 0xFF}) {
			start = 2
		}
		units := make([]uint16, 0, len(raw)/2)
		for k := start; k+1 < len(raw); k += 2 {
			units = append(units, uint16(raw[k])<<8|uint16(raw[k+1]))
		}
		wide.WriteString(string(utf16.Decode(units)))
	}
	for _, s := range streams {
		for _, m := range hexRe.FindAllSubmatch(s, -1) {
			hex := bytes.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, m[1])
			raw := make([]byte, 0, len(hex)/2)
			for i := 0; i+2 <= len(hex); i += 2 {
				n, _ := strconv.ParseUint(string(hex[i:i+2]), 16, 8)
				raw = append(raw, byte(n))
			}
			emit(raw)
		}
		literals(s, emit)
	}
	wide.WriteString("\n\n")
	wide.Write(narrow.Bytes())
	return wide.Bytes()
}

// literals calls emit with each PDF literal string (…) of s, escapes
// undone.
func literals(s []byte, emit func([]byte)) {
	for i := 0; i < len(s); i++ {
		if s[i] != '(' || (i > 0 && s[i-1] == '\\') {
			continue
		}
		var lit []byte
		depth := 1
		j := i + 1
		for ; j < len(s) && depth > 0; j++ {
			c := s[j]
			switch {
			case c == '\\' && j+1 < len(s):
				j++
				switch e := s[j]; e {
				case 'n':
					lit = append(lit, '\n')
				case 'r':
					lit = append(lit, '\r')
				case 't':
					lit = append(lit, '\t')
				case 'b':
					lit = append(lit, '\b')
				case 'f':
					lit = append(lit, '\f')
				default:
					if e >= '0' && e <= '7' {
						k := j
						for k < len(s) && k < j+3 && s[k] >= '0' && s[k] <= '7' {
							k++
						}
						n, _ := strconv.ParseUint(string(s[j:k]), 8, 8)
						lit = append(lit, byte(n))
						j = k - 1
					} else {
						lit = append(lit, e)
					}
				}
				continue
			case c == '(':
				depth++
			case c == ')':
				depth--
				if depth == 0 {
					continue
				}
			}
			lit = append(lit, c)
		}
		emit(lit)
		i = j - 1
	}
}

// parallelDo calls f(0) … f(n-1) on GOMAXPROCS goroutines.
func parallelDo(n int, f func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// matcher finds many patterns at once (Aho–Corasick). The trie is kept in
// flat arrays, the edges of each state sorted and contiguous, so that tens
// of thousands of values take a few megabytes, where the libraries at hand
// build a table of 256 entries per state.
type matcher struct {
	first   []int32 // edges of state s: label/next[first[s]:first[s+1]]
	label   []byte
	next    []int32
	fail    []int32
	out     []int32 // pattern ending at the state, or -1
	outLink []int32 // the nearest state on the fail chain with an output, or -1
	length  []int32 // of each pattern
	root    [256]int32
}

// newMatcher builds the automaton of the sorted, distinct patterns.
func newMatcher(patterns []string) *matcher {
	m := &matcher{first: []int32{}, length: make([]int32, len(patterns))}
	for i, p := range patterns {
		m.length[i] = int32(len(p))
	}
	// Build the trie breadth first from the sorted patterns: a node covers
	// the patterns [lo, hi) sharing its first depth bytes.
	type node struct{ lo, hi, depth int }
	nodes := []node{{0, len(patterns), 0}}
	parent := []int32{-1}
	via := []byte{0}
	for s := 0; s < len(nodes); s++ {
		n := nodes[s]
		m.first = append(m.first, int32(len(m.label)))
		out := int32(-1)
		lo := n.lo
		for lo < n.hi && len(patterns[lo]) == n.depth {
			out = int32(lo)
			lo++
		}
		m.out = append(m.out, out)
		for lo < n.hi {
			c := patterns[lo][n.depth]
			hi := lo
			for hi < n.hi && patterns[hi][n.depth] == c {
				hi++
			}
			m.label = append(m.label, c)
			m.next = append(m.next, int32(len(nodes)))
			nodes = append(nodes, node{lo, hi, n.depth + 1})
			parent = append(parent, int32(s))
			via = append(via, c)
			lo = hi
		}
	}
	m.first = append(m.first, int32(len(m.label)))
	for i := range m.root {
		m.root[i] = 0
	}
	for e := m.first[0]; e < m.first[1]; e++ {
		m.root[m.label[e]] = m.next[e]
	}
	// Failure links, in breadth-first order (states are numbered so).
	m.fail = make([]int32, len(nodes))
	m.outLink = make([]int32, len(nodes))
	m.outLink[0] = -1
	for s := 1; s < len(nodes); s++ {
		p := parent[s]
		if p == 0 {
			m.fail[s] = 0
		} else {
			m.fail[s] = m.step(m.fail[p], via[s])
		}
		f := m.fail[s]
		if m.out[f] >= 0 {
			m.outLink[s] = f
		} else {
			m.outLink[s] = m.outLink[f]
		}
	}
	return m
}

// edge returns the state reached from s by c, or -1.
func (m *matcher) edge(s int32, c byte) int32 {
	lo, hi := m.first[s], m.first[s+1]
	for lo < hi {
		mid := (lo + hi) / 2
		switch {
		case m.label[mid] == c:
			return m.next[mid]
		case m.label[mid] < c:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// step follows c from s, through failure links.
func (m *matcher) step(s int32, c byte) int32 {
	for s != 0 {
		if t := m.edge(s, c); t >= 0 {
			return t
		}
		s = m.fail[s]
	}
	return m.root[c]
}

// find calls hit with the pattern's index and the offset just past it for
// every occurrence of a pattern in b.
func (m *matcher) find(b []byte, hit func(id, end int)) {
	s := int32(0)
	for i, c := range b {
		s = m.step(s, c)
		for o := s; o >= 0; o = m.outLink[o] {
			if m.out[o] >= 0 {
				hit(int(m.out[o]), i+1)
			}
			if o == 0 {
				break
			}
		}
	}
}

// String describes the automaton, for tests.
func (m *matcher) String() string {
	return fmt.Sprintf("%d states, %d edges", len(m.out), len(m.label))
}
