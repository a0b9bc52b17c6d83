// Package htmlscan reads an HTML page in one pass of golang.org/x/net/html's
// tokenizer and hands every token to several visitors (the link check and
// the search index), each reading only the parts of a token it needs.
//
// The tokenizer gives a tag's name, its attributes and a text's bytes once:
// a Token reads each part on first use and keeps it, so every visitor sees
// the same bytes whichever asks first.
package htmlscan

import (
	"io"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Attr is one attribute of a tag: the tokenizer's bytes, key lower-cased and
// value unescaped, valid until the visitor returns.
type Attr struct{ Key, Val []byte }

// Token is the token the scan is at. Its byte slices are the tokenizer's,
// valid only until the visitor returns.
type Token struct {
	// Type is the token's type; never html.ErrorToken (the end of the page
	// is Visitor.End).
	Type html.TokenType
	// Name is the lower-cased name of a start, self-closing or end tag; nil
	// for other tokens.
	Name []byte
	// Atom is Name's atom, 0 for other tokens and unknown names.
	Atom atom.Atom

	z         *html.Tokenizer
	moreAttr  bool // the tag may have attributes not read yet
	attrs     []Attr
	lower     []byte // Name's bytes when the tag's are not lower case
	attrsRead bool
	text      []byte
	textRead  bool
}

// Attrs returns the attributes of a start or self-closing tag in document
// order (none for other tokens).
func (t *Token) Attrs() []Attr {
	if !t.attrsRead {
		t.attrsRead = true
		t.attrs = t.attrs[:0]
		for t.moreAttr {
			var k, v []byte
			k, v, t.moreAttr = t.z.TagAttr()
			if k == nil {
				// No attribute at all (a key is never empty).
				break
			}
			t.attrs = append(t.attrs, Attr{k, v})
		}
	}
	return t.attrs
}

// Attr returns the value of the attribute key of a start or self-closing
// tag, and whether the tag has it (the first, when it is repeated).
func (t *Token) Attr(key string) ([]byte, bool) {
	for _, a := range t.Attrs() {
		if string(a.Key) == key {
			return a.Val, true
		}
	}
	return nil, false
}

// Text returns the text of a text, comment or doctype token as
// html.Tokenizer.Text does (entities unescaped outside raw text elements);
// nil for tags.
func (t *Token) Text() []byte {
	if !t.textRead {
		t.textRead = true
		t.text = t.z.Text()
	}
	return t.text
}

// tagName returns the lower-cased name of the tag the tokenizer is at, as
// html.Tokenizer.TagName does, but without TagName's copy of it (one
// allocation per tag of every page): the name is read from the tag's raw
// bytes ("<name" or "</name", up to a space, "/" or ">"), lower-cased into
// t.lower only when it has upper-case letters. A name TagName would change
// otherwise (a NUL byte becomes U+FFFD) is TagName's.
func (t *Token) tagName() []byte {
	raw := t.z.Raw()
	i := 1
	if len(raw) > 1 && raw[1] == '/' {
		i = 2
	}
	if len(raw) <= i || raw[0] != '<' {
		name, _ := t.z.TagName()
		return name
	}
	upper := false
	j := i
scan:
	for ; j < len(raw); j++ {
		switch c := raw[j]; {
		case c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>':
			break scan
		case c == 0:
			name, _ := t.z.TagName()
			return name
		case 'A' <= c && c <= 'Z':
			upper = true
		}
	}
	name := raw[i:j]
	if !upper {
		return name
	}
	t.lower = t.lower[:0]
	for _, c := range name {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		t.lower = append(t.lower, c)
	}
	return t.lower
}

// Visitor is one consumer of a page's tokens.
type Visitor interface {
	// Token is called for every token of the page in order; false means
	// the visitor wants no more tokens of this page (End is not called).
	Token(t *Token) bool
	// End is called once after the last token of the page with the error
	// that ended it: io.EOF for the whole page read.
	End(err error)
}

// Scan reads the page from r once and hands its tokens to vs, until the
// page ends or every visitor has had enough. It returns the error that
// ended the page, nil for its end (or when no visitor wanted the rest).
func Scan(r io.Reader, vs ...Visitor) error {
	z := html.NewTokenizer(r)
	active := make([]Visitor, len(vs))
	copy(active, vs)
	t := Token{z: z}
	for len(active) > 0 {
		tt := z.Next()
		if tt == html.ErrorToken {
			err := z.Err()
			for _, v := range active {
				v.End(err)
			}
			if err == io.EOF {
				return nil
			}
			return err
		}
		t.Type, t.Name, t.Atom, t.moreAttr = tt, nil, 0, false
		t.attrsRead, t.textRead, t.text = false, false, nil
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			t.Name = t.tagName()
			t.moreAttr = true
			t.Atom = atom.Lookup(t.Name)
			t.textRead = true // a tag has no text
			if tt == html.EndTagToken {
				// The tokenizer returns an end tag's attributes too (the
				// visitors of today ignore them), but Attrs is for start tags.
				t.moreAttr = false
			}
		default:
			t.attrsRead = true // nor a text attributes
			t.attrs = t.attrs[:0]
		}
		for i := 0; i < len(active); {
			if active[i].Token(&t) {
				i++
				continue
			}
			active = append(active[:i], active[i+1:]...)
		}
	}
	return nil
}
