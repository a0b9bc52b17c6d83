package search

import (
	"bytes"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
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

// tagAttr is one attribute of the tag being read: the tokenizer's bytes,
// valid until its next token.
type tagAttr struct{ key, val []byte }

// readAttrs reads the attributes of the current tag into dst.
func readAttrs(z *html.Tokenizer, dst []tagAttr, more bool) []tagAttr {
	dst = dst[:0]
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		dst = append(dst, tagAttr{k, v})
	}
	return dst
}

func ignoredByAttr(attrs []tagAttr) bool {
	for _, a := range attrs {
		switch string(a.key) {
		case "data-search-ignore", "data-pagefind-ignore", "hidden":
			return true
		case "aria-hidden":
			if string(a.val) == "true" {
				return true
			}
		case "href":
			v := bytes.ToLower(bytes.TrimSpace(a.val))
			if bytes.HasPrefix(v, []byte("mailto:")) || bytes.HasPrefix(v, []byte("tel:")) || bytes.HasPrefix(v, []byte("sms:")) {
				return true
			}
		}
	}
	return false
}

func attr(attrs []tagAttr, key string) (string, bool) {
	for _, a := range attrs {
		if string(a.key) == key {
			return string(a.val), true
		}
	}
	return "", false
}

// extract reads an HTML page: its <main> text by block, the first <h1> in
// <main> as title (else <title>). ok is false when the page has no <main>,
// says noindex in a robots meta, or marks its <main> (or <body>) ignored.
// It reads the tokenizer's bytes as they are (no token is built) and keeps
// only strings of the exact size of each block's text.
func extract(src []byte) (title string, segs []segment, ok bool) {
	z := html.NewTokenizer(bytes.NewReader(src))
	var (
		inMain, inTitle bool
		mainDepth       int
		skipDepth       int // >0: inside an ignored element
		stack           []atom.Atom
		headDepth       = -1 // stack depth of the open heading, -1 if none
		headField       int
		cur             []byte // the block's text, white space collapsed
		docTitle        []byte
		h1              string
		sawMain         bool
		attrs           []tagAttr
	)
	flush := func() {
		t := bytes.TrimSpace(cur)
		cur = cur[:0]
		if len(t) == 0 {
			return
		}
		s := strings.TrimSpace(scrub(string(t)))
		if s == "" {
			return
		}
		f := fieldBody
		if headDepth >= 0 {
			f = headField
		}
		segs = append(segs, segment{field: f, text: s})
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			if !sawMain {
				return "", nil, false
			}
			if h1 != "" {
				title = h1
			} else {
				title = collapse(string(docTitle))
			}
			return title, segs, true
		case html.StartTagToken, html.SelfClosingTagToken:
			name, more := z.TagName()
			a := atom.Lookup(name)
			if !inMain {
				switch a {
				case atom.Title:
					inTitle = tt == html.StartTagToken
				case atom.Meta:
					attrs = readAttrs(z, attrs, more)
					if n, _ := attr(attrs, "name"); strings.EqualFold(n, "robots") {
						if c, _ := attr(attrs, "content"); strings.Contains(strings.ToLower(c), "noindex") {
							return "", nil, false
						}
					}
				case atom.Body:
					if ignoredByAttr(readAttrs(z, attrs, more)) {
						return "", nil, false
					}
				case atom.Main:
					if sawMain || ignoredByAttr(readAttrs(z, attrs, more)) {
						return "", nil, false
					}
					inMain, sawMain = true, true
					mainDepth = 0
					stack = stack[:0]
				}
				continue
			}
			if voids[a] || tt == html.SelfClosingTagToken {
				if skipDepth == 0 && !inline[a] {
					flush()
				} else if skipDepth == 0 && a == atom.Img {
					if alt, ok := attr(readAttrs(z, attrs, more), "alt"); ok && alt != "" {
						cur = append(cur, alt...)
					}
				}
				continue
			}
			stack = append(stack, a)
			mainDepth++
			if skipDepth > 0 {
				skipDepth++
				continue
			}
			if skipped[a] || ignoredByAttr(readAttrs(z, attrs, more)) {
				skipDepth = 1
				if !inline[a] {
					flush()
				}
				continue
			}
			if !inline[a] {
				flush()
			}
			if headDepth < 0 {
				switch a {
				case atom.H1:
					headDepth, headField = len(stack), fieldTitle
				case atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					headDepth, headField = len(stack), fieldHeading
				}
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if !inMain {
				if a == atom.Title {
					inTitle = false
				}
				continue
			}
			if voids[a] {
				continue
			}
			if mainDepth == 0 {
				if a == atom.Main {
					flush()
					inMain = false
				}
				continue
			}
			// Pop to the matching element (tolerates unclosed <p>, <li>).
			i := len(stack) - 1
			for i >= 0 && stack[i] != a {
				i--
			}
			if i < 0 {
				continue // stray end tag
			}
			popped := len(stack) - i
			stack = stack[:i]
			mainDepth -= popped
			if skipDepth > 0 {
				skipDepth -= popped
				if skipDepth < 0 {
					skipDepth = 0
				}
				continue
			}
			if !inline[a] {
				if headDepth >= 0 && len(stack) < headDepth {
					if headField == fieldTitle && h1 == "" {
						h1 = collapse(scrub(string(cur)))
					}
					flush()
					headDepth = -1
				} else {
					flush()
				}
			}
		case html.TextToken:
			if inTitle && !inMain {
				docTitle = append(docTitle, z.Text()...)
				continue
			}
			if !inMain || skipDepth > 0 {
				continue
			}
			cur = appendCollapsedBytes(cur, z.Text())
		}
	}
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
