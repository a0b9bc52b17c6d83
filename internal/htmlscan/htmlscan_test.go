package htmlscan

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pages are the test pages: testdata's tricky HTML.
func pages(t *testing.T) map[string][]byte {
	t.Helper()
	names, err := filepath.Glob("testdata/*.html")
	if err != nil || len(names) == 0 {
		t.Fatalf("no test pages: %v", err)
	}
	out := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(n)] = b
	}
	return out
}

// direct is every token of src read straight from the tokenizer, each part
// read once, in the form recorder writes.
func direct(src []byte) []string {
	z := html.NewTokenizer(bytes.NewReader(src))
	var out []string
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return append(out, fmt.Sprintf("end %v", z.Err()))
		}
		line := tt.String()
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, more := z.TagName()
			line += fmt.Sprintf(" %q %v", name, atom.Lookup(name))
			if tt != html.EndTagToken {
				for more {
					var k, v []byte
					k, v, more = z.TagAttr()
					line += fmt.Sprintf(" %q=%q", k, v)
				}
			}
		default:
			line += fmt.Sprintf(" %q", z.Text())
		}
		out = append(out, line)
	}
}

// recorder writes down every token in direct's form, reading a tag's
// attributes and a text in the order textFirst says.
type recorder struct {
	textFirst bool
	lines     []string
}

func (r *recorder) Token(t *Token) bool {
	var attrs []Attr
	var text []byte
	if r.textFirst {
		text = t.Text()
		attrs = t.Attrs()
	} else {
		attrs = t.Attrs()
		text = t.Text()
	}
	line := t.Type.String()
	switch t.Type {
	case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
		line += fmt.Sprintf(" %q %v", t.Name, t.Atom)
		for _, a := range attrs {
			line += fmt.Sprintf(" %q=%q", a.Key, a.Val)
		}
		if len(text) > 0 {
			line += " text!"
		}
	default:
		line += fmt.Sprintf(" %q", text)
		if len(attrs) > 0 {
			line += " attrs!"
		}
	}
	r.lines = append(r.lines, line)
	return true
}

func (r *recorder) End(err error) { r.lines = append(r.lines, fmt.Sprintf("end %v", err)) }

// picky reads only some parts of some tokens, as the link check and the
// search do: what it leaves must still reach the others.
type picky struct{ n int }

func (p *picky) Token(t *Token) bool {
	p.n++
	switch {
	case p.n%3 == 0:
		t.Text()
	case p.n%3 == 1:
		t.Attr("href")
	}
	return true
}

func (p *picky) End(error) {}

// Every visitor of a shared scan sees every token whole, whichever of them
// reads a part first and whatever the others leave unread.
func TestVisitorsSeeEveryToken(t *testing.T) {
	for name, src := range pages(t) {
		want := direct(src)
		a, b := &recorder{}, &recorder{textFirst: true}
		if err := Scan(bytes.NewReader(src), &picky{}, a, b, &picky{n: 1}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		for _, r := range []*recorder{a, b} {
			if !slices.Equal(r.lines, want) {
				t.Errorf("%s (text first %v):\n got %s\nwant %s", name, r.textFirst,
					strings.Join(r.lines, "\n     "), strings.Join(want, "\n     "))
			}
		}
	}
}

// stopper wants n tokens.
type stopper struct {
	n, seen int
	ended   bool
}

func (s *stopper) Token(t *Token) bool {
	s.seen++
	return s.seen < s.n
}

func (s *stopper) End(error) { s.ended = true }

// A visitor that has had enough gets no more tokens and no End; the
// others read on to the end of the page.
func TestStop(t *testing.T) {
	src := pages(t)["raw.html"]
	want := direct(src)
	early, r := &stopper{n: 5}, &recorder{}
	if err := Scan(bytes.NewReader(src), early, r); err != nil {
		t.Fatal(err)
	}
	if early.seen != 5 || early.ended {
		t.Errorf("stopped visitor saw %d tokens (ended %v), want 5 and no end", early.seen, early.ended)
	}
	if !slices.Equal(r.lines, want) {
		t.Errorf("the other visitor saw %d tokens, want %d", len(r.lines), len(want))
	}

	// When every visitor has stopped, so does the scan.
	counting := &countingReader{r: bytes.NewReader(bytes.Repeat(src, 200))}
	if err := Scan(counting, &stopper{n: 3}, &stopper{n: 7}); err != nil {
		t.Fatal(err)
	}
	if counting.n >= len(src)*200 {
		t.Errorf("read the whole page (%d bytes) after every visitor stopped", counting.n)
	}
}

type countingReader struct {
	r io.Reader
	n int
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += n
	return n, err
}

type failingReader struct{ err error }

func (f failingReader) Read([]byte) (int, error) { return 0, f.err }

// A read error ends the page: the visitors get it, and so does the caller.
func TestReadError(t *testing.T) {
	boom := errors.New("boom")
	r := &recorder{}
	if err := Scan(io.MultiReader(strings.NewReader("<p>a"), failingReader{boom}), r); !errors.Is(err, boom) {
		t.Errorf("Scan = %v, want %v", err, boom)
	}
	if last := r.lines[len(r.lines)-1]; last != "end boom" {
		t.Errorf("last = %q, want the error", last)
	}
}

// nameReader reads only the tags' names, as most of a page's tags are read.
type nameReader struct{ n int }

func (r *nameReader) Token(t *Token) bool {
	r.n += len(t.Name)
	return true
}

func (r *nameReader) End(error) {}

// A tag's name is read without a copy: the allocations of a scan do not
// grow with the number of tags (TagName's copy made one per tag).
func TestTagNamesWithoutCopies(t *testing.T) {
	page := []byte("<html><body><main>" + strings.Repeat("<p><em>a</em><BR></P>\n", 1000) + "</main></body></html>")
	allocs := testing.AllocsPerRun(5, func() {
		if err := Scan(bytes.NewReader(page), &nameReader{}); err != nil {
			t.Fatal(err)
		}
	})
	if allocs > 100 {
		t.Errorf("a scan of 6,000 tags made %.0f allocations, want at most 100", allocs)
	}
}
