// Package certreg is the register of the certificates and plaques the
// association issued (证书及牌匾, 入会程序第 2 条): data/certificates.yaml,
// one entry per document with its number, member, level, year and the day
// it was issued. Printing certificates looks numbers up here, so a reprint
// carries the number first issued, and records the numbers it gives out.
package certreg

import (
	"fmt"
	"github.com/zzia/press/internal/clock"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/yamledit"
)

// File is the register's path in a site.
const File = member.CertificatesFile

// Kinds of documents the register holds.
const (
	Certificate = "证书"
	Plaque      = "牌匾"
)

// Entry is one issued document.
type Entry struct {
	Line   int // in File
	Number string
	Member string // member id
	Level  string
	Year   int // the year of validity (certificates); the year issued (plaques)
	Kind   string
	Issued time.Time
}

// Load reads the register of the site directory; a missing file is an
// empty register. Every problem is returned with its line: a missing
// number, member or date, an unknown level or kind, a number used twice.
func Load(site string) ([]Entry, diag.List) {
	src, err := os.ReadFile(filepath.Join(site, filepath.FromSlash(File)))
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.List{{File: File, Message: err.Error()}}
	}
	return Parse(src)
}

// Parse reads the register's text.
func Parse(src []byte) ([]Entry, diag.List) {
	var l diag.List
	bad := func(line, col int, format string, args ...any) {
		l = append(l, diag.Diagnostic{File: File, Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		bad(1, 1, "%v", err)
		return nil, l
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, nil
	}
	var list ast.Node
	switch b := f.Docs[0].Body.(type) {
	case *ast.MappingNode:
		for _, mv := range b.Values {
			if mv.Key.GetToken().Value == "certificates" {
				list = mv.Value
			}
		}
	case *ast.MappingValueNode:
		if b.Key.GetToken().Value == "certificates" {
			list = b.Value
		}
	}
	seq, ok := list.(*ast.SequenceNode)
	if list == nil || (!ok && list.Type() != ast.NullType) {
		bad(1, 1, "want a list under certificates:")
		return nil, l
	}
	if seq == nil {
		return nil, nil
	}
	var out []Entry
	seen := map[string]int{}
	for _, item := range seq.Values {
		pos := item.GetToken().Position
		fields := map[string]string{}
		at := map[string][2]int{} // line and column of each field's value
		mvs, ok := yamledit.Entries(item)
		if !ok {
			bad(pos.Line, pos.Column, "want number:, member:, level:, year:, kind:, issued:")
			continue
		}
		if len(mvs) > 0 {
			pos = mvs[0].Key.GetToken().Position
		}
		for _, mv := range mvs {
			k := mv.Key.GetToken().Value
			switch k {
			case "number", "member", "level", "year", "kind", "issued", "note":
			default:
				p := mv.Key.GetToken().Position
				bad(p.Line, p.Column, "unknown field %q (number, member, level, year, kind, issued, note)", k)
				continue
			}
			if mv.Value != nil && mv.Value.GetToken() != nil {
				fields[k] = strings.TrimSpace(mv.Value.GetToken().Value)
				p := mv.Value.GetToken().Position
				at[k] = [2]int{p.Line, p.Column}
			}
		}
		e := Entry{Line: pos.Line, Number: fields["number"], Member: fields["member"], Level: fields["level"], Kind: fields["kind"]}
		if e.Kind == "" {
			e.Kind = Certificate
		}
		for _, req := range []string{"number", "member", "level", "year", "issued"} {
			if fields[req] == "" {
				bad(pos.Line, pos.Column, "the entry has no %s", req)
			}
		}
		if e.Level != "" && !member.Levels.Has(e.Level) {
			bad(at["level"][0], at["level"][1], "level %q: use one of %s", e.Level, strings.Join(member.Levels.Values(), " "))
		}
		if e.Kind != Certificate && e.Kind != Plaque {
			bad(at["kind"][0], at["kind"][1], "kind %q: use %s or %s", e.Kind, Certificate, Plaque)
		}
		if y := fields["year"]; y != "" {
			n, err := strconv.Atoi(y)
			if err != nil || n < 1990 || n > 2200 {
				bad(at["year"][0], at["year"][1], "year %q is not a year", y)
			}
			e.Year = n
		}
		if d := fields["issued"]; d != "" {
			t, err := time.ParseInLocation("2006-01-02", d, clock.Zone)
			if err != nil {
				bad(at["issued"][0], at["issued"][1], "issued %q: write the day as 2026-01-31", d)
			}
			e.Issued = t
		}
		if e.Number != "" {
			if prev, dup := seen[e.Number]; dup {
				bad(at["number"][0], at["number"][1], "number %s is also that of the entry on line %d", e.Number, prev)
			}
			seen[e.Number] = pos.Line
		}
		out = append(out, e)
	}
	return out, l
}

// Numbers returns the certificate numbers issued for year, by member id,
// of the entries whose level is the member's level now (levelOf): a member
// that changed level gets a new certificate, and a new number.
func Numbers(es []Entry, year int, levelOf func(id string) string) map[string]string {
	out := map[string]string{}
	for _, e := range es {
		if e.Kind == Certificate && e.Year == year && e.Level == levelOf(e.Member) {
			out[e.Member] = e.Number
		}
	}
	return out
}

// Find returns the certificate entry of the number, or nil.
func Find(es []Entry, number string) *Entry {
	for i := range es {
		if es[i].Number == number && es[i].Kind == Certificate {
			return &es[i]
		}
	}
	return nil
}

// Append adds entries at the end of the site's register, creating it when
// missing; what is there stays as it is.
func Append(site string, es []Entry) error {
	if len(es) == 0 {
		return nil
	}
	path := filepath.Join(site, filepath.FromSlash(File))
	old, err := os.ReadFile(path)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	var b strings.Builder
	if len(old) == 0 {
		b.WriteString("# 证书及牌匾发放登记（入会程序第 2 条）：press print certificates --record 登记新发的证书；\n" +
			"# 牌匾请手工登记（kind: 牌匾）。重印证书时沿用此处的编号。\n")
		b.WriteString("certificates:\n")
	} else {
		b.Write(old)
		if !strings.HasSuffix(string(old), "\n") {
			b.WriteString("\n")
		}
	}
	for _, e := range es {
		fmt.Fprintf(&b, "  - number: %s\n    member: %s\n    level: %s\n    year: %d\n    kind: %s\n    issued: %s\n",
			member.Scalar(e.Number), member.Scalar(e.Member), e.Level, e.Year, e.Kind, e.Issued.In(clock.Zone).Format("2006-01-02"))
	}
	return atomicfile.Write(path, []byte(b.String()), 0o644)
}
