// Package content checks the site's Markdown files before Hugo sees them, so
// that every front-matter mistake in every file is reported at once with its
// position (Hugo stops at the first one).
package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml"
	"github.com/pelletier/go-toml/v2"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/textenc"
)

// contentExts are the file kinds Hugo reads as pages.
var contentExts = map[string]bool{".md": true, ".markdown": true, ".html": true, ".htm": true}

// ContentFile reports whether Hugo reads the file name as a page (by its
// extension; content adapters included).
func ContentFile(name string) bool {
	return contentExts[strings.ToLower(filepath.Ext(name))]
}

// dateFields are the front-matter keys Hugo reads as dates.
var dateFields = []string{"date", "publishDate", "pubdate", "published", "lastmod", "modified", "expiryDate", "unpublishdate"}

// Check reads every content file under dir (reported relative to root) and
// returns the problems in their front matter.
func Check(l msg.Lang, root, dir string) diag.List {
	return CheckKnown(l, root, dir, nil)
}

// Verdicts remembers the files a check found clean (no problem at all),
// so that a later check of the same bytes skips them.
type Verdicts interface {
	// Clean reports whether the file at name with src was found clean.
	Clean(name string, src []byte) bool
	// Found notes that the file at name with src is clean.
	Found(name string, src []byte)
}

// CheckKnown is Check, skipping the files that v (when not nil) holds
// clean and telling it each file it finds clean. CheckFile's verdict
// depends only on the language, the name and the bytes. When v is also
// Stamps, a file whose stamp it holds clean is not read, and the stamp of
// each clean file whose times have settled is noted.
func CheckKnown(l msg.Lang, root, dir string, v Verdicts) diag.List {
	start := time.Now()
	stamps, _ := v.(Stamps)
	var out diag.List
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if p != dir && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if ContentFile(p) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	for _, p := range files {
		rel, err := filepath.Rel(root, p)
		if err != nil {
			rel = p
		}
		name := filepath.ToSlash(rel)
		var stamp Stamp
		stamped := false
		fi, err := os.Stat(p)
		if err == nil && stamps != nil && fi.Mode().IsRegular() {
			if stamp, stamped = StampOf(fi); stamped && stamps.CleanStamp(name, stamp) {
				continue
			}
		}
		var src []byte
		if err == nil {
			src, err = readStatted(p, fi)
		}
		if err != nil {
			d := diag.Diagnostic{File: filepath.ToSlash(rel), Message: explain(err, l)}
			switch {
			case errors.Is(err, ErrNotRegular):
				d.Hint = l.T("content.notregular.hint")
			case errors.Is(err, ErrTooLarge):
				d.Hint = l.T("content.toolarge.hint")
			}
			out = append(out, d)
			continue
		}
		clean := v != nil && v.Clean(name, src)
		if !clean {
			found := CheckFile(l, name, src)
			clean = len(found) == 0
			if v != nil && clean {
				v.Found(name, src)
			}
			out = append(out, found...)
		}
		// The stamp was taken before the bytes were read: a file written
		// in between has another stamp by the next check.
		if clean && stamped && stamp.Settled(start) {
			stamps.FoundStamp(name, stamp, src)
		}
	}
	return out
}

// CheckFile checks one content file: that it is UTF-8 text (a GBK file
// from a Windows editor is named as such), and its front matter.
func CheckFile(l msg.Lang, name string, src []byte) diag.List {
	if p := textenc.Check(src); p != nil {
		return diag.List{textenc.Diagnostic(l, name, p)}
	}
	fm, kind, offset, d := split(l, src)
	if d != nil {
		d.File = name
		return diag.List{*d}
	}
	if kind == 0 {
		return nil
	}
	var out diag.List
	var values map[string]any
	switch kind {
	case '-':
		if err := yaml.Unmarshal(fm, &values); err != nil {
			out = append(out, yamlDiag(l, name, offset, fm, err))
			return out
		}
	case '+':
		if err := toml.Unmarshal(fm, &values); err != nil {
			out = append(out, tomlDiag(l, name, offset, err))
			return out
		}
	case '{':
		if err := json.Unmarshal(fm, &values); err != nil {
			out = append(out, diag.Diagnostic{File: name, Line: offset + 1, Message: l.T("fm.json", err.Error())})
			return out
		}
	}
	for _, k := range dateFields {
		for key, v := range values {
			if !strings.EqualFold(key, k) {
				continue
			}
			if s, ok := v.(string); ok && !isDate(s) {
				line := offset + lineOf(fm, key)
				out = append(out, diag.Diagnostic{File: name, Line: line, Column: 1,
					Message: l.T("fm.date", key, s),
					Hint:    l.T("fm.date.hint")})
			}
		}
	}
	return out
}

// split finds the front matter: YAML between --- lines, TOML between +++
// lines, or a JSON object. offset is the number of lines before it.
func split(l msg.Lang, src []byte) (fm []byte, kind byte, offset int, d *diag.Diagnostic) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.HasPrefix(src, []byte("---")):
		kind = '-'
	case bytes.HasPrefix(src, []byte("+++")):
		kind = '+'
	case bytes.HasPrefix(src, []byte("{")):
		// JSON front matter ends at the matching brace; let the decoder find it.
		dec := json.NewDecoder(bytes.NewReader(src))
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, 0, 0, &diag.Diagnostic{Line: 1, Message: l.T("fm.json", err.Error())}
		}
		return raw, '{', 0, nil
	default:
		return nil, 0, 0, nil
	}
	delim := src[:3]
	first := bytes.IndexByte(src, '\n')
	if first < 0 || len(bytes.TrimSpace(src[3:first])) != 0 {
		return nil, 0, 0, nil
	}
	rest := src[first+1:]
	line := 1
	for len(rest) > 0 {
		nl := bytes.IndexByte(rest, '\n')
		var l []byte
		if nl < 0 {
			l = rest
		} else {
			l = rest[:nl]
		}
		if bytes.Equal(bytes.TrimRight(l, " \t\r"), delim) {
			return src[first+1 : len(src)-len(rest)], kind, 1, nil
		}
		line++
		if nl < 0 {
			break
		}
		rest = rest[nl+1:]
	}
	return nil, 0, 0, &diag.Diagnostic{Line: 1, Column: 1,
		Message: l.T("fm.unclosed", string(delim)),
		Hint:    l.T("fm.unclosed.hint", string(delim))}
}

func yamlDiag(l msg.Lang, name string, offset int, fm []byte, err error) diag.Diagnostic {
	d := diag.Diagnostic{File: name, Line: offset + 1, Message: l.T("fm.syntax", err.Error())}
	var ye yaml.Error
	if errors.As(err, &ye) {
		d.Message = l.T("fm.syntax", ye.GetMessage())
		if t := ye.GetToken(); t != nil && t.Position != nil {
			d.Line = offset + yamlLine(fm, t.Position.Line)
			d.Column = t.Position.Column
		}
	}
	return d
}

// yamlLine turns a line number of the YAML parser, which also ends lines at
// a lone carriage return, into a line of the file as press counts them (by
// line feeds); a line past the end is the last one.
func yamlLine(fm []byte, line int) int {
	n, lf := 1, 1
	for i := 0; i < len(fm) && n < line; i++ {
		switch fm[i] {
		case '\n':
			n++
			lf++
		case '\r':
			if i+1 < len(fm) && fm[i+1] == '\n' {
				continue // counted at the line feed
			}
			n++
		}
	}
	if max := bytes.Count(fm, []byte("\n")) + 1; lf > max {
		lf = max
	}
	return lf
}

func tomlDiag(l msg.Lang, name string, offset int, err error) diag.Diagnostic {
	d := diag.Diagnostic{File: name, Line: offset + 1, Message: l.T("fm.syntax", err.Error())}
	var te *toml.DecodeError
	if errors.As(err, &te) {
		row, col := te.Position()
		d.Line, d.Column = offset+row, col
		d.Message = l.T("fm.syntax", te.Error())
	}
	return d
}

// isDate accepts the date forms Hugo reads in front matter.
func isDate(s string) bool {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04", "2006-01-02T15:04", "2006-01-02", "2006-01-02 15:04:05 -0700", "2006-01-02 15:04:05 -07:00"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// lineOf returns the 1-based line of the first top-level key in fm.
func lineOf(fm []byte, key string) int {
	for i, l := range strings.Split(string(fm), "\n") {
		t := strings.TrimLeft(l, " \t\"'")
		if strings.HasPrefix(t, key) {
			r := strings.TrimLeft(t[len(key):], " \t\"'")
			if strings.HasPrefix(r, ":") || strings.HasPrefix(r, "=") {
				return i + 1
			}
		}
	}
	return 1
}

// FrontMatter splits a content file into its front-matter values and its
// body. The front-matter lines are replaced by empty lines in body, so line
// numbers in the body still match the file. A file without front matter
// gives nil values and the file itself.
func FrontMatter(src []byte) (values map[string]any, body []byte, err error) {
	fm, kind, offset, d := split(msg.En, src) // callers that show errors call CheckFile
	if d != nil {
		return nil, nil, errors.New(d.Message)
	}
	if kind == 0 {
		return nil, src, nil
	}
	switch kind {
	case '-':
		err = yaml.Unmarshal(fm, &values)
	case '+':
		err = toml.Unmarshal(fm, &values)
	case '{':
		err = json.Unmarshal(fm, &values)
	}
	if err != nil {
		return nil, nil, err
	}
	// Skip the front matter and its closing delimiter line.
	// split found fm right after the opening delimiter's line (or at the
	// start, for JSON) of the file without its byte-order mark.
	trimmed := bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	start := 0
	if kind != '{' {
		start = bytes.IndexByte(trimmed, '\n') + 1
	}
	rest := trimmed[start+len(fm):]
	lines := offset + bytes.Count(fm, []byte("\n"))
	if kind != '{' {
		if nl := bytes.IndexByte(rest, '\n'); nl >= 0 {
			rest = rest[nl+1:]
			lines++ // the closing delimiter's line break
		} else {
			rest = nil
		}
	}
	body = append(bytes.Repeat([]byte("\n"), lines), rest...)
	return values, body, nil
}

// String returns the front-matter value of key as a string, or "".
func String(values map[string]any, key string) string {
	if v, ok := values[key]; ok && v != nil {
		switch t := v.(type) {
		case string:
			return t
		case time.Time:
			return t.Format("2006-01-02")
		default:
			return strings.TrimSpace(strings.Trim(fmt.Sprint(t), "[]"))
		}
	}
	return ""
}
