// Package diag holds the diagnostics every stage of press reports: a problem
// in a source file, with its position, what is wrong and what to do about it.
package diag

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/zzia/press/internal/msg"
)

// Severity says whether a diagnostic stops the build.
type Severity int

const (
	// Error stops the build.
	Error Severity = iota
	// Warning is reported but does not stop the build.
	Warning
)

// Diagnostic is one problem at a position in a source file.
type Diagnostic struct {
	File     string   // path relative to the site, with forward slashes
	Line     int      // 1-based; 0 when unknown
	Column   int      // 1-based; 0 when unknown
	Severity Severity // Error unless set
	Message  string   // what is wrong
	Hint     string   // what to do, e.g. `did you mean "phone"?`; may be empty
}

// String formats the diagnostic as file:line:col: message (hint), with
// English glue (In formats it for the user's language).
func (d Diagnostic) String() string { return d.In(msg.En) }

// In formats the diagnostic as file:line:col: message (hint), the words
// press adds (the warning mark, the hint's separator) in language l.
func (d Diagnostic) In(l msg.Lang) string {
	var b strings.Builder
	switch {
	case d.File == "":
	case d.Line == 0:
		fmt.Fprintf(&b, "%s: ", QuoteName(d.File))
	case d.Column == 0:
		fmt.Fprintf(&b, "%s:%d: ", QuoteName(d.File), d.Line)
	default:
		fmt.Fprintf(&b, "%s:%d:%d: ", QuoteName(d.File), d.Line, d.Column)
	}
	if d.Severity == Warning {
		b.WriteString(l.T("diag.warning"))
	}
	b.WriteString(d.Message)
	if d.Hint != "" {
		b.WriteString(l.T("diag.hintsep"))
		b.WriteString(d.Hint)
	}
	return b.String()
}

// QuoteName returns a file name as it may be shown in a log line: as is,
// or, when it holds a control character (a line break), starts a CI
// workflow command ("::") or holds one ("##["), Go-quoted with those
// characters escaped, so that no name can start a line of its own or be
// read as a command by a CI runner.
func QuoteName(name string) string {
	safe := !strings.Contains(name, "::") && !strings.Contains(name, "##[")
	for _, r := range name {
		if r < 0x20 || r == 0x7f || r == 0x85 || r == 0x2028 || r == 0x2029 {
			safe = false
			break
		}
	}
	if safe {
		return name
	}
	q := strconv.Quote(name)
	q = strings.ReplaceAll(q, "::", `:\x3a`)
	return strings.ReplaceAll(q, "##[", `#\x23[`)
}

// List is a set of diagnostics. As an error it reports all of them, one per line.
type List []Diagnostic

// Error formats every diagnostic on its own line.
func (l List) Error() string {
	lines := make([]string, len(l))
	for i, d := range l {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// HasErrors reports whether any diagnostic is an Error.
func (l List) HasErrors() bool {
	for _, d := range l {
		if d.Severity == Error {
			return true
		}
	}
	return false
}

// Errors returns only the diagnostics that stop the build.
func (l List) Errors() List { return l.only(Error) }

// Warnings returns only the warnings.
func (l List) Warnings() List { return l.only(Warning) }

// only returns the diagnostics of severity s, in order; nil for none.
func (l List) only(s Severity) List {
	var out List
	for _, d := range l {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// Sort orders the list by file, line and column, keeping the order of
// diagnostics at the same position.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Column < b.Column
	})
}

// Err returns the list as an error when it holds any Error, else nil.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}
