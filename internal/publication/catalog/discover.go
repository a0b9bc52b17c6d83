package catalog

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/siteconfig"
	"github.com/zzia/press/internal/typeset/picture"
)

// Catalog is every publication found in a site's content.
type Catalog struct {
	Issues      []*Issue
	Whitepapers []*Whitepaper
	Newsletters []*Newsletter
}

// Issue is one journal issue (会刊): content/journal/<year>-<number>/.
type Issue struct {
	Dir          string // the issue's folder
	File         string // its _index.md, relative to the site, for diagnostics
	Path         string // Hugo's page path, e.g. "/journal/2026-1"
	Slug         string // folder name, e.g. "2026-1"
	Title        string
	Year, Number int
	Serial       int // 总期号; zero when not given
	Date         time.Time
	Cover        string // path of the cover image
	CoverCaption string
	Columns      []string
	Editor       string
	Note         []byte // the editor's note (卷首语), front matter blanked
	Articles     []*Article
	// Hanging is the front matter's hangingPunctuation; nil: the site's
	// setting.
	Hanging *bool
}

// Article is one article of an issue, in its column.
type Article struct {
	Dir     string // folder of the article's images
	File    string // relative to the site
	Abs     string // absolute path of the Markdown file
	Path    string // Hugo's page path
	Title   string
	Author  string
	Column  string
	Weight  int
	Summary string
	Body    []byte
}

// Whitepaper is one white paper (白皮书): content/whitepapers/<slug>/.
type Whitepaper struct {
	Dir      string
	File     string // _index.md or index.md, relative to the site
	Path     string
	Slug     string
	Title    string
	Subtitle string
	Edition  string
	Authors  []string
	Date     time.Time
	Cover    string // path of the cover image; empty for none
	Preface  []byte // the _index.md body; empty for a one-file white paper
	Chapters []*Chapter
	Hanging  *bool // the front matter's hangingPunctuation; nil: the site's setting
}

// Chapter is one chapter file of a white paper.
type Chapter struct {
	Dir        string
	File       string // relative to the site
	Abs        string
	Path       string
	Title      string
	Weight     int
	References bool // the bibliography: set unnumbered
	Body       []byte
}

// Newsletter is one newsletter issue (简讯): content/newsletter/<issue>.md.
type Newsletter struct {
	Dir     string // folder its images are resolved against
	File    string // relative to the site
	Abs     string
	Path    string
	Slug    string
	Title   string
	Date    time.Time
	Number  int
	Serial  int
	Summary string
	Body    []byte
	Hanging *bool // the front matter's hangingPunctuation; nil: the site's setting
}

// doc is a content file read for discovery: its front matter, body and
// source (for the lines of keys).
type doc struct {
	rel    string // relative to the site, slash-separated
	abs    string
	src    []byte
	fm     map[string]any
	body   []byte
	errors diag.List
}

func (d *doc) errorf(key, format string, args ...any) {
	d.errors = append(d.errors, diag.Diagnostic{File: d.rel, Line: max(keyLine(d.src, key), 1), Message: fmt.Sprintf(format, args...)})
}

func (d *doc) hint(key, hint, format string, args ...any) {
	d.errors = append(d.errors, diag.Diagnostic{File: d.rel, Line: max(keyLine(d.src, key), 1), Message: fmt.Sprintf(format, args...), Hint: hint})
}

// hangingKey is the front-matter and configuration key of hanging
// punctuation.
const hangingKey = "hangingPunctuation"

// maxSource is the largest Markdown file of a publication read.
const maxSource = 16 << 20

// readDoc reads a content file; nil (with a diagnostic) when it cannot be
// read or its front matter is malformed (which package content reports).
func readDoc(site, abs string) (*doc, diag.List) {
	rel, _ := filepath.Rel(site, abs)
	rel = filepath.ToSlash(rel)
	src, err := picture.ReadFile(abs, maxSource)
	if err != nil {
		return nil, diag.List{{File: rel, Message: err.Error(), Hint: "a publication's Markdown must be a regular text file"}}
	}
	fm, body, err := content.FrontMatter(src)
	if err != nil {
		return nil, diag.List{{File: rel, Line: 1, Message: "front matter: " + err.Error()}}
	}
	return &doc{rel: rel, abs: abs, src: src, fm: fm, body: body}, nil
}

func (d *doc) str(key string) string { return strings.TrimSpace(content.String(d.fm, key)) }

func (d *doc) has(key string) bool { _, ok := d.fm[key]; return ok }

func (d *doc) bool(key string) bool { b, _ := d.fm[key].(bool); return b }

// optBool returns the value of key when it is set to true or false, nil
// when it is not set; another value is reported.
func (d *doc) optBool(key string) *bool {
	v, ok := d.fm[key]
	if !ok || v == nil {
		return nil
	}
	b, ok := v.(bool)
	if !ok {
		d.hint(key, key+": true or "+key+": false", "%s is %v, not true or false", key, v)
		return nil
	}
	return &b
}

// required returns the string value of key, reporting it when it is missing.
func (d *doc) required(key, what string) string {
	v := d.str(key)
	if v == "" {
		d.errors = append(d.errors, diag.Diagnostic{File: d.rel, Line: 1, Message: fmt.Sprintf("%s is missing (front matter %q)", what, key)})
	}
	return v
}

// int returns the integer value of key; ok is false (and the problem
// reported) when it is set but is not a whole number.
func (d *doc) int(key string) (int, bool) {
	v, ok := d.fm[key]
	if !ok || v == nil {
		return 0, false
	}
	if n, ok := siteconfig.Int(v); ok {
		return n, true
	}
	if s, ok := v.(string); ok {
		if i, err := strconv.Atoi(strings.TrimSpace(s)); err == nil {
			return i, true
		}
	}
	d.errorf(key, "%s: %v is not a whole number", key, v)
	return 0, false
}

// strings returns the list value of key (a YAML/TOML list, or one string).
func (d *doc) strings(key string) []string {
	switch v := d.fm[key].(type) {
	case []any:
		var out []string
		for _, x := range v {
			if s := strings.TrimSpace(fmt.Sprint(x)); s != "" {
				out = append(out, s)
			}
		}
		return out
	case []string:
		return v
	case string:
		if s := strings.TrimSpace(v); s != "" {
			return []string{s}
		}
	}
	return nil
}

var dateLayouts = []string{"2006-01-02", time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04"}

// date returns the date of key, reporting it when it is missing or bad.
func (d *doc) date(key string) time.Time {
	v, ok := d.fm[key]
	if !ok || v == nil {
		d.hint(key, "add e.g. date: 2026-03-31; PDF and feed dates come from the content, never from the clock", "the date is missing (front matter %q)", key)
		return time.Time{}
	}
	if t, ok := v.(time.Time); ok {
		return t
	}
	s := strings.TrimSpace(fmt.Sprint(v))
	for _, l := range dateLayouts {
		if t, err := time.ParseInLocation(l, s, clock.Zone); err == nil {
			return t
		}
	}
	d.hint(key, "write it as YYYY-MM-DD", "bad date %q", s)
	return time.Time{}
}

// image resolves the image named by key next to the document, reporting a
// missing file or a kind the PDF cannot embed.
func (d *doc) image(key string, required bool) string {
	name := d.str(key)
	if name == "" {
		if required {
			d.hint(key, "put a JPEG or PNG next to the file and name it, e.g. cover: cover.jpg", "the cover image is missing (front matter %q)", key)
		}
		return ""
	}
	p := filepath.Join(filepath.Dir(d.abs), filepath.FromSlash(name))
	st, err := os.Stat(p)
	if err != nil || st.IsDir() {
		d.hint(key, "put the file next to "+path.Base(d.rel)+" or correct the name", "cover image %q not found", name)
		return ""
	}
	switch strings.ToLower(filepath.Ext(p)) {
	case ".jpg", ".jpeg", ".png":
	default:
		d.errorf(key, "cover image %q is not a JPEG or PNG", name)
		return ""
	}
	return p
}

// pagePath is Hugo's path of the page of the content file rel ("content/…").
func pagePath(rel string) string {
	p := strings.TrimPrefix(rel, "content/")
	switch path.Base(p) {
	case "_index.md", "index.md":
		p = path.Dir(p)
	default:
		p = strings.TrimSuffix(p, path.Ext(p))
	}
	return "/" + strings.ToLower(p)
}

// Discover finds the journal issues, white papers and newsletters in the
// content of the site at dir and checks their metadata. Drafts are left
// out unless drafts is set. Problems come back as diagnostics with the
// file and line of the key at fault; documents with errors are left out.
func Discover(dir string, drafts bool) (*Catalog, diag.List) {
	c := &Catalog{}
	var l diag.List
	root := filepath.Join(dir, "content")
	for _, d := range subdirs(filepath.Join(root, "journal")) {
		is, ds := discoverIssue(dir, d, drafts)
		l = append(l, ds...)
		if is != nil {
			c.Issues = append(c.Issues, is)
		}
	}
	sort.SliceStable(c.Issues, func(i, j int) bool {
		a, b := c.Issues[i], c.Issues[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		return a.Slug < b.Slug
	})
	for _, d := range subdirs(filepath.Join(root, "whitepapers")) {
		wp, ds := discoverWhitepaper(dir, d, drafts)
		l = append(l, ds...)
		if wp != nil {
			c.Whitepapers = append(c.Whitepapers, wp)
		}
	}
	nl, ds := discoverNewsletters(dir, filepath.Join(root, "newsletter"), drafts)
	c.Newsletters = nl
	l = append(l, ds...)
	l.Sort()
	return c, l
}

// subdirs lists the folders in dir that are not hidden, by name.
func subdirs(dir string) []string {
	return entries(dir, func(e fs.DirEntry) string {
		if e.IsDir() && !strings.HasPrefix(e.Name(), "_") {
			return filepath.Join(dir, e.Name())
		}
		return ""
	})
}

// pages lists the pages in a branch bundle: leaf bundles (<name>/index.md)
// and Markdown files other than _index.md, by name.
func pages(dir string) []string {
	return entries(dir, func(e fs.DirEntry) string {
		name := e.Name()
		switch {
		case e.IsDir():
			p := filepath.Join(dir, name, "index.md")
			if _, err := os.Stat(p); err == nil {
				return p
			}
		case strings.HasSuffix(name, ".md") && name != "_index.md":
			return filepath.Join(dir, name)
		}
		return ""
	})
}

// entries lists, by name, what path gives for each entry of dir whose name
// does not start with "."; path returns "" to leave one out. An unreadable
// dir has none.
func entries(dir string, path func(fs.DirEntry) string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range ents {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if p := path(e); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func discoverIssue(site, dir string, drafts bool) (*Issue, diag.List) {
	d, l := readDoc(site, filepath.Join(dir, "_index.md"))
	if d == nil {
		if _, err := os.Stat(filepath.Join(dir, "_index.md")); os.IsNotExist(err) {
			rel, _ := filepath.Rel(site, dir)
			return nil, diag.List{{File: filepath.ToSlash(rel), Message: "a journal issue folder needs an _index.md with the issue's metadata", Hint: "see docs/publications.md"}}
		}
		return nil, l
	}
	if d.bool("draft") && !drafts {
		return nil, nil
	}
	is := &Issue{Dir: dir, File: d.rel, Path: pagePath(d.rel), Slug: filepath.Base(dir), Note: d.body}
	is.Title = d.required("title", "the issue's title")
	is.Hanging = d.optBool(hangingKey)
	is.Year, _ = d.int("year")
	is.Number, _ = d.int("number")
	is.Serial, _ = d.int("serial")
	if !d.has("year") || !d.has("number") {
		d.hint("year", "e.g. year: 2026 and number: 1", "the issue's year and number are missing")
	}
	is.Date = d.date("date")
	is.Cover = d.image("cover", true)
	is.CoverCaption = d.str("coverCaption")
	is.Columns = d.strings("columns")
	if len(is.Columns) == 0 {
		d.hint("columns", "e.g. columns: [卷首语, 政策解读, 行业观察]", "the issue lists no columns (front matter \"columns\")")
	}
	seen := map[string]bool{}
	for _, c := range is.Columns {
		if seen[c] {
			d.errorf("columns", "column %q is listed twice", c)
		}
		seen[c] = true
	}
	is.Editor = d.str("editor")
	l = append(l, d.errors...)
	for _, p := range pages(dir) {
		a, ds := discoverArticle(site, p, is, drafts)
		l = append(l, ds...)
		if a != nil {
			is.Articles = append(is.Articles, a)
		}
	}
	order := map[string]int{}
	for i, c := range is.Columns {
		order[c] = i
	}
	sort.SliceStable(is.Articles, func(i, j int) bool {
		a, b := is.Articles[i], is.Articles[j]
		if order[a.Column] != order[b.Column] {
			return order[a.Column] < order[b.Column]
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		return a.File < b.File
	})
	if l.HasErrors() {
		return nil, l
	}
	return is, l
}

func discoverArticle(site, file string, is *Issue, drafts bool) (*Article, diag.List) {
	d, l := readDoc(site, file)
	if d == nil {
		return nil, l
	}
	if d.bool("draft") && !drafts {
		return nil, nil
	}
	a := &Article{Dir: filepath.Dir(file), File: d.rel, Abs: file, Path: pagePath(d.rel), Body: d.body}
	a.Title = d.required("title", "the article's title")
	a.Author = d.str("author")
	a.Column = d.str("column")
	a.Summary = d.str("summary")
	a.Weight, _ = d.int("weight")
	switch {
	case a.Column == "":
		d.hint("column", "one of: "+strings.Join(is.Columns, "、"), "the article names no column (front matter \"column\")")
	case len(is.Columns) > 0 && !contains(is.Columns, a.Column):
		d.hint("column", closest(a.Column, is.Columns), "unknown column %q: the issue's columns (%s) are %s", a.Column, is.File, strings.Join(is.Columns, "、"))
	}
	return a, append(l, d.errors...)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// closest suggests the column most like s: one that shares the most
// characters with it.
func closest(s string, list []string) string {
	best, score := "", 0
	for _, c := range list {
		n := 0
		for _, r := range s {
			if strings.ContainsRune(c, r) {
				n++
			}
		}
		if n > score {
			best, score = c, n
		}
	}
	if best == "" {
		return "add it to the issue's columns or choose one of them"
	}
	return fmt.Sprintf("did you mean %q? (or add the column to the issue's columns)", best)
}

func discoverWhitepaper(site, dir string, drafts bool) (*Whitepaper, diag.List) {
	index := filepath.Join(dir, "_index.md")
	single := false
	if _, err := os.Stat(index); err != nil {
		index = filepath.Join(dir, "index.md")
		single = true
		if _, err := os.Stat(index); err != nil {
			rel, _ := filepath.Rel(site, dir)
			return nil, diag.List{{File: filepath.ToSlash(rel), Message: "a white paper folder needs an _index.md (with chapter folders) or an index.md", Hint: "see docs/publications.md"}}
		}
	}
	d, l := readDoc(site, index)
	if d == nil {
		return nil, l
	}
	if d.bool("draft") && !drafts {
		return nil, nil
	}
	wp := &Whitepaper{Dir: dir, File: d.rel, Path: pagePath(d.rel), Slug: filepath.Base(dir)}
	wp.Title = d.required("title", "the white paper's title")
	wp.Hanging = d.optBool(hangingKey)
	wp.Subtitle = d.str("subtitle")
	wp.Edition = d.str("edition")
	wp.Authors = d.strings("authors")
	wp.Date = d.date("date")
	wp.Cover = d.image("cover", false)
	l = append(l, d.errors...)
	if single {
		wp.Chapters = []*Chapter{{Dir: dir, File: d.rel, Abs: index, Path: wp.Path, Title: wp.Title, Body: d.body}}
	} else {
		wp.Preface = d.body
		for _, p := range pages(dir) {
			cd, ds := readDoc(site, p)
			l = append(l, ds...)
			if cd == nil || cd.bool("draft") && !drafts {
				continue
			}
			ch := &Chapter{Dir: filepath.Dir(p), File: cd.rel, Abs: p, Path: pagePath(cd.rel), Body: cd.body}
			ch.Title = cd.required("title", "the chapter's title")
			ch.Weight, _ = cd.int("weight")
			ch.References = cd.bool("references")
			l = append(l, cd.errors...)
			wp.Chapters = append(wp.Chapters, ch)
		}
		sort.SliceStable(wp.Chapters, func(i, j int) bool {
			a, b := wp.Chapters[i], wp.Chapters[j]
			if a.Weight != b.Weight {
				return a.Weight < b.Weight
			}
			return a.File < b.File
		})
		if len(wp.Chapters) == 0 {
			l = append(l, diag.Diagnostic{File: d.rel, Line: 1, Message: "the white paper has no chapters", Hint: "add chapter folders, e.g. 01-gaishu/index.md"})
		}
	}
	if l.HasErrors() {
		return nil, l
	}
	return wp, l
}

func discoverNewsletters(site, dir string, drafts bool) ([]*Newsletter, diag.List) {
	var out []*Newsletter
	var l diag.List
	for _, p := range pages(dir) {
		d, ds := readDoc(site, p)
		l = append(l, ds...)
		if d == nil || d.bool("draft") && !drafts {
			continue
		}
		slug := strings.TrimSuffix(filepath.Base(p), ".md")
		if filepath.Base(p) == "index.md" {
			slug = filepath.Base(filepath.Dir(p))
		}
		n := &Newsletter{Dir: filepath.Dir(p), File: d.rel, Abs: p, Path: pagePath(d.rel), Slug: slug, Body: d.body}
		n.Title = d.required("title", "the newsletter's title")
		n.Hanging = d.optBool(hangingKey)
		n.Date = d.date("date")
		n.Number, _ = d.int("number")
		n.Serial, _ = d.int("serial")
		if !d.has("number") {
			d.hint("number", "e.g. number: 1", "the newsletter's number in its year is missing (front matter \"number\")")
		}
		n.Summary = d.str("summary")
		l = append(l, d.errors...)
		if len(d.errors) == 0 {
			out = append(out, n)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Slug < out[j].Slug
	})
	return out, l
}

// keyLine returns the 1-based line where key is set in a front-matter
// block (key: or key =), or 0.
func keyLine(src []byte, key string) int {
	for i, ln := range strings.Split(string(src), "\n") {
		t := strings.TrimLeft(ln, " \t\"'")
		if rest, ok := strings.CutPrefix(t, key); ok {
			rest = strings.TrimLeft(rest, " \t\"'")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "=") {
				return i + 1
			}
		}
	}
	return 0
}
