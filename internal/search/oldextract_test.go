package search

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/zzia/press/internal/htmlscan"
)

// ExtractDiff extracts src with the search's visitor in one htmlscan.Scan
// with before and after (other readers of the page) and alone
// (extractDoc), and compares what each found with oldExtract's; "" when
// all agree.
func ExtractDiff(src []byte, before, after []htmlscan.Visitor) string {
	title, segs, ok := oldExtract(src)
	ps := NewPages()
	vs := append(append(slices.Clone(before), ps.Visitor("p/index.html")), after...)
	htmlscan.Scan(bytes.NewReader(src), vs...)
	shared, added := ps.get("p/index.html")
	if !added {
		return "shared: no page added"
	}
	for _, c := range []struct {
		how string
		d   docResult
	}{{"shared", shared}, {"alone", extractDoc("p/index.html", src)}} {
		if !ok {
			if c.d.page != nil {
				return fmt.Sprintf("%s: indexed %q, want not indexed", c.how, c.d.page.title)
			}
			continue
		}
		if c.d.page == nil {
			return fmt.Sprintf("%s: not indexed, want %q", c.how, title)
		}
		if c.d.page.title != title {
			return fmt.Sprintf("%s: title %q, want %q", c.how, c.d.page.title, title)
		}
		if !slices.Equal(c.d.page.segments, segs) {
			return fmt.Sprintf("%s: segments\n%+v\nwant\n%+v", c.how, c.d.page.segments, segs)
		}
	}
	return ""
}

// The extraction as it was before the scan was shared (its own tokenizer
// pass; the attributes judged by ignoredByAttr, as the shared scan judges
// them): the reference the shared scan must agree with.

// oldReadAttrs reads the attributes of the current tag into dst: the
// tokenizer's bytes, valid until its next token.
func oldReadAttrs(z *html.Tokenizer, dst []htmlscan.Attr, more bool) []htmlscan.Attr {
	dst = dst[:0]
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		dst = append(dst, htmlscan.Attr{Key: k, Val: v})
	}
	return dst
}

func oldAttr(attrs []htmlscan.Attr, key string) (string, bool) {
	for _, a := range attrs {
		if string(a.Key) == key {
			return string(a.Val), true
		}
	}
	return "", false
}

// oldExtract reads an HTML page: its <main> text by block, the first <h1> in
// <main> as title (else <title>). ok is false when the page has no <main>,
// says noindex in a robots meta, or marks its <main> (or <body>) ignored.
// It reads the tokenizer's bytes as they are (no token is built) and keeps
// only strings of the exact size of each block's text.
func oldExtract(src []byte) (title string, segs []segment, ok bool) {
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
		attrs           []htmlscan.Attr
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
					attrs = oldReadAttrs(z, attrs, more)
					if n, _ := oldAttr(attrs, "name"); strings.EqualFold(n, "robots") {
						if c, _ := oldAttr(attrs, "content"); strings.Contains(strings.ToLower(c), "noindex") {
							return "", nil, false
						}
					}
				case atom.Body:
					if ignoredByAttr(oldReadAttrs(z, attrs, more)) {
						return "", nil, false
					}
				case atom.Main:
					if sawMain || ignoredByAttr(oldReadAttrs(z, attrs, more)) {
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
					if alt, ok := oldAttr(oldReadAttrs(z, attrs, more), "alt"); ok && alt != "" {
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
			if skipped[a] || ignoredByAttr(oldReadAttrs(z, attrs, more)) {
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
