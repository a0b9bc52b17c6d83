// Package tree holds the layout tree: the blocks and styled inline spans of
// a document, as built from Markdown (or any other source) and before any
// line or page is broken. A Flow is a sequence of blocks set one after the
// other; a document may be made of several flows, each starting a new page.
package tree

// Flow is a sequence of blocks.
type Flow []Block

// Block is one block of a flow: *Paragraph, *Heading, *List, *Quote,
// *Code, *Rule, *Figure or *Table.
type Block interface{ isBlock() }

// Inline is inline content: spans in reading order.
type Inline []Span

// Span is a piece of text with one set of inline styles. A hard line break
// is a span whose Text is "\n". A footnote reference is a span with a
// non-nil Footnote: its Text is the mark printed in the text.
type Span struct {
	Text     string
	Strong   bool
	Emph     bool
	Code     bool
	Strike   bool
	Link     string // URL or "#id" of a heading; empty when not a link
	Footnote *Footnote
}

// Footnote is the body of a footnote and the mark that refers to it.
type Footnote struct {
	Mark string // e.g. "1"
	Body Flow
}

// Paragraph is a run of inline text. Source is the 1-based line it starts
// on, for diagnostics.
type Paragraph struct {
	Text   Inline
	Source int
}

// Heading is a heading of level 1–6. ID names it as a link target.
type Heading struct {
	Level int
	Text  Inline
	ID    string
}

// List is an ordered or unordered list; each item is a flow of its own.
type List struct {
	Ordered bool
	Start   int // number of the first item of an ordered list
	Tight   bool
	Items   []Flow
	Checks  []int8 // per item: 0 none, 1 an unchecked task, 2 a checked task; may be nil
}

// Quote is a block quotation.
type Quote struct {
	Body Flow
}

// Code is a block of preformatted text.
type Code struct {
	Text     string
	Language string
}

// Rule is a thematic break.
type Rule struct{}

// Figure is an image with an optional caption.
type Figure struct {
	Path    string // as written in the source
	File    string // resolved path on disk; empty when it could not be found
	Alt     string
	Caption Inline
	Source  int
	Label   string // "fig:x" from "{#fig:x}" at the end of its title; empty for none
}

// Align is the alignment of a table column.
type Align uint8

// Column alignments.
const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Table is a table with one header row. Cells hold inline text. Caption
// is its title (from a paragraph "表：…" just before it in Markdown); it may
// be empty.
type Table struct {
	Align   []Align
	Header  []Inline
	Rows    [][]Inline
	Caption Inline
	Source  int    // the 1-based line it starts on
	Label   string // "tab:x" from "{#tab:x}" at the end of its caption; empty for none
}

func (*Paragraph) isBlock() {}
func (*Heading) isBlock()   {}
func (*List) isBlock()      {}
func (*Quote) isBlock()     {}
func (*Code) isBlock()      {}
func (*Rule) isBlock()      {}
func (*Figure) isBlock()    {}
func (*Table) isBlock()     {}

// PlainText returns the characters of in without styles, hard breaks as
// spaces and footnote marks left out.
func (in Inline) PlainText() string {
	n := 0
	for _, s := range in {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range in {
		if s.Footnote != nil {
			continue
		}
		if s.Text == "\n" {
			b = append(b, ' ')
			continue
		}
		b = append(b, s.Text...)
	}
	return string(b)
}
