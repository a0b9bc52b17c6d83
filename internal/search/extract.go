package search

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zzia/press/internal/htmlscan"
)

// Field weights: a term in the page title counts as much as this many
// occurrences in the body, one in a heading as headingWeight.
const (
	fieldBody = iota
	fieldHeading
	fieldTitle
)

// segment is one block of a page's text.
type segment struct {
	field int
	text  string
}

// page is what the index keeps of one HTML page.
type page struct {
	url      string // site-relative, no leading slash: "news/x/"
	title    string
	segments []segment
}

// text is the page's text as stored for snippets: blocks joined by '\n',
// without the title (the result shows it already).
func (p *page) text() string {
	var b strings.Builder
	for _, s := range p.segments {
		if s.field == fieldTitle {
			continue
		}
		if b.Len() > 0 {
			b.WriteByte(blockBreak)
		}
		b.WriteString(s.text)
	}
	return b.String()
}

// skipped are elements whose content is never indexed, wherever they are.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Template: true, atom.Noscript: true,
	atom.Svg: true, atom.Math: true, atom.Iframe: true, atom.Object: true,
	atom.Select: true, atom.Textarea: true, atom.Button: true, atom.Form: true,
	// <address> holds contact information, which never enters the index.
	atom.Address: true,
}

// inline elements do not break a block.
var inline = map[atom.Atom]bool{
	atom.A: true, atom.Abbr: true, atom.B: true, atom.Bdi: true, atom.Bdo: true,
	atom.Cite: true, atom.Code: true, atom.Data: true, atom.Dfn: true, atom.Em: true,
	atom.I: true, atom.Kbd: true, atom.Mark: true, atom.Q: true, atom.S: true,
	atom.Samp: true, atom.Small: true, atom.Span: true, atom.Strong: true,
	atom.Sub: true, atom.Sup: true, atom.Time: true, atom.U: true, atom.Var: true,
	atom.Wbr: true, atom.Del: true, atom.Ins: true, atom.Label: true, atom.Img: true,
}

// voids have no end tag.
var voids = map[atom.Atom]bool{
	atom.Area: true, atom.Base: true, atom.Br: true, atom.Col: true, atom.Embed: true,
	atom.Hr: true, atom.Img: true, atom.Input: true, atom.Link: true, atom.Meta: true,
	atom.Source: true, atom.Track: true, atom.Wbr: true,
}

// Contact details that slip into a page's text anyway are removed before
// indexing: e-mail addresses and phone-like digit runs (7 or more digits,
// possibly with spaces, dashes or parentheses).
var (
	emailRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+`)
	phoneRE = regexp.MustCompile(`\+?[0-9０-９][0-9０-９ \-－()（）]{5,}[0-9０-９]`)
)

func scrub(s string) string {
	if strings.IndexByte(s, '@') >= 0 {
		s = emailRE.ReplaceAllString(s, " ")
	}
	digits := 0
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			digits++
		}
	}
	if digits < 7 && !strings.ContainsAny(s, "０１２３４５６７８９") {
		return s
	}
	return phoneRE.ReplaceAllStringFunc(s, func(m string) string {
		digits := 0
		for _, r := range m {
			if '0' <= r && r <= '9' || '０' <= r && r <= '９' {
				digits++
			}
		}
		if digits >= 7 {
			return " "
		}
		return m
	})
}

func ignoredByAttr(attrs []htmlscan.Attr) bool {
	for _, a := range attrs {
		switch string(a.Key) {
		case "data-search-ignore", "data-pagefind-ignore", "hidden":
			return true
		case "aria-hidden":
			if string(a.Val) == "true" {
				return true
			}
		case "href":
			v := bytes.ToLower(bytes.TrimSpace(a.Val))
			if bytes.HasPrefix(v, []byte("mailto:")) || bytes.HasPrefix(v, []byte("tel:")) || bytes.HasPrefix(v, []byte("sms:")) {
				return true
			}
		}
	}
	return false
}

// extractor reads an HTML page (see htmlscan.Scan): its <main> text by
// block, the first <h1> in <main> as title (else <title>). The page is not
// to be indexed (result's ok false) when it has no <main>, says noindex in
// a robots meta, or marks its <main> (or <body>) ignored; the extractor
// stops reading it as soon as it knows. It reads the tokenizer's bytes as
// they are (no token is built) and keeps only strings of the exact size
// of each block's text.
type extractor struct {
	inMain, inTitle bool
	mainDepth       int
	skipDepth       int // >0: inside an ignored element
	stack           []atom.Atom
	headDepth       int // stack depth of the open heading, -1 if none
	headField       int
	cur             []byte // the block's text, white space collapsed
	docTitle        []byte
	h1              string
	sawMain         bool

	title string
	segs  []segment
	ok    bool
}

func newExtractor() *extractor { return &extractor{headDepth: -1} }

// result is the page's title and text by block, once the scan has ended;
// ok is false for a page not to be indexed.
func (e *extractor) result() (title string, segs []segment, ok bool) {
	if !e.ok {
		return "", nil, false
	}
	return e.title, e.segs, true
}

func (e *extractor) flush() {
	t := bytes.TrimSpace(e.cur)
	e.cur = e.cur[:0]
	if len(t) == 0 {
		return
	}
	s := strings.TrimSpace(scrub(string(t)))
	if s == "" {
		return
	}
	f := fieldBody
	if e.headDepth >= 0 {
		f = e.headField
	}
	e.segs = append(e.segs, segment{field: f, text: s})
}

// End finishes the page.
func (e *extractor) End(error) {
	e.flush()
	if !e.sawMain {
		return
	}
	if e.h1 != "" {
		e.title = e.h1
	} else {
		e.title = collapse(string(e.docTitle))
	}
	e.ok = true
}

// Token reads one token; false when the page is not to be indexed.
func (e *extractor) Token(t *htmlscan.Token) bool {
	switch t.Type {
	case html.StartTagToken, html.SelfClosingTagToken:
		a := t.Atom
		if !e.inMain {
			switch a {
			case atom.Title:
				e.inTitle = t.Type == html.StartTagToken
			case atom.Meta:
				if n, _ := t.Attr("name"); strings.EqualFold(string(n), "robots") {
					if c, _ := t.Attr("content"); strings.Contains(strings.ToLower(string(c)), "noindex") {
						return false
					}
				}
			case atom.Body:
				if ignoredByAttr(t.Attrs()) {
					return false
				}
			case atom.Main:
				if e.sawMain || ignoredByAttr(t.Attrs()) {
					return false
				}
				e.inMain, e.sawMain = true, true
				e.mainDepth = 0
				e.stack = e.stack[:0]
			}
			return true
		}
		if voids[a] || t.Type == html.SelfClosingTagToken {
			if e.skipDepth == 0 && !inline[a] {
				e.flush()
			} else if e.skipDepth == 0 && a == atom.Img {
				if alt, ok := t.Attr("alt"); ok && len(alt) > 0 {
					e.cur = append(e.cur, alt...)
				}
			}
			return true
		}
		e.stack = append(e.stack, a)
		e.mainDepth++
		if e.skipDepth > 0 {
			e.skipDepth++
			return true
		}
		if skipped[a] || ignoredByAttr(t.Attrs()) {
			e.skipDepth = 1
			if !inline[a] {
				e.flush()
			}
			return true
		}
		if !inline[a] {
			e.flush()
		}
		if e.headDepth < 0 {
			switch a {
			case atom.H1:
				e.headDepth, e.headField = len(e.stack), fieldTitle
			case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				e.headDepth, e.headField = len(e.stack), fieldHeading
			}
		}
	case html.EndTagToken:
		a := t.Atom
		if !e.inMain {
			if a == atom.Title {
				e.inTitle = false
			}
			return true
		}
		if voids[a] {
			return true
		}
		if e.mainDepth == 0 {
			if a == atom.Main {
				e.flush()
				e.inMain = false
			}
			return true
		}
		// Pop to the matching element (tolerates unclosed <p>, <li>).
		i := len(e.stack) - 1
		for i >= 0 && e.stack[i] != a {
			i--
		}
		if i < 0 {
			return true // stray end tag
		}
		popped := len(e.stack) - i
		e.stack = e.stack[:i]
		e.mainDepth -= popped
		if e.skipDepth > 0 {
			e.skipDepth -= popped
			if e.skipDepth < 0 {
				e.skipDepth = 0
			}
			return true
		}
		if !inline[a] {
			if e.headDepth >= 0 && len(e.stack) < e.headDepth {
				if e.headField == fieldTitle && e.h1 == "" {
					e.h1 = collapse(scrub(string(e.cur)))
				}
				e.flush()
				e.headDepth = -1
			} else {
				e.flush()
			}
		}
	case html.TextToken:
		if e.inTitle && !e.inMain {
			e.docTitle = append(e.docTitle, t.Text()...)
			return true
		}
		if !e.inMain || e.skipDepth > 0 {
			return true
		}
		e.cur = appendCollapsedBytes(e.cur, t.Text())
	}
	return true
}

// appendCollapsedBytes appends s to b with every run of white space as
// one space (a space ending b counts).
func appendCollapsedBytes(b, s []byte) []byte {
	space := len(b) > 0 && b[len(b)-1] == ' '
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
				if !space {
					b = append(b, ' ')
					space = true
				}
				continue
			}
			b = append(b, c)
			space = false
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		if r == '\u3000' || r == '\u00a0' {
			if !space {
				b = append(b, ' ')
				space = true
			}
		} else if r == utf8.RuneError && n == 1 {
			b = utf8.AppendRune(b, r)
			space = false
		} else {
			b = append(b, s[i:i+n]...)
			space = false
		}
		i += n
	}
	return b
}

// appendCollapsed appends s with every run of white space as one space.
func appendCollapsed(b *strings.Builder, s string) {
	space := b.Len() > 0 && strings.HasSuffix(b.String(), " ")
	for _, r := range s {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\u3000' || r == '\u00a0' {
			if !space {
				b.WriteByte(' ')
				space = true
			}
			continue
		}
		b.WriteRune(r)
		space = false
	}
}

func collapse(s string) string {
	var b strings.Builder
	appendCollapsed(&b, s)
	return strings.TrimSpace(b.String())
}
