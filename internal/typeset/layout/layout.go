// Package layout sets a layout tree on pages: it turns the blocks of one or
// more flows into a galley of lines and rows (with the line breaker of
// package line), breaks the galley into pages with widow, orphan and
// keep-with-next control, places footnotes at the foot of the page that
// refers to them, repeats table header rows, numbers headings, and adds the
// running header and footer, the table of contents and the outline. The
// result is a box.Document of positioned boxes for a backend to draw.
package layout

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/line"
	"github.com/zzia/press/internal/typeset/tree"
)

// Part is one flow of a document. Every part starts on a new page.
type Part struct {
	Body tree.Flow
	// Title, when not empty, is set as the part's title (centred, not
	// numbered) in place of a first level-1 heading with the same text.
	Title string
	// File names the part's source in diagnostics.
	File string
	// Label is set before the title, e.g. "第3章"; it is the Number of the
	// title's entry. Empty for none.
	Label string
	// Number prefixes the part's decimal heading numbers ("3" gives 3.1,
	// 3.1.1) and its figure and table numbers (图3-1, 表3-1). Empty for none.
	Number string
	// Kicker is a short line set above the title, e.g. a journal column.
	Kicker string
	// Byline is set below the title, e.g. the author.
	Byline string
	// Header, when not empty, is the running head of the part's pages in
	// place of Options.Header (on odd pages when Options.HeaderEven is set).
	Header string
	// Sink is the space, in points, left empty at the top of the part's
	// first page (a chapter opening set lower, a masthead drawn above).
	Sink float64
}

// Entry is a heading as it appears in the table of contents and the
// outline, with the page it landed on.
type Entry struct {
	Level  int    // 0 for a part title, else depth below the part title (1 = top section)
	Number string // e.g. "一、" or "1.2"; empty when not numbered
	Text   string
	Anchor string
	Page   string // label of the page the heading is on
	Index  int    // index of that page in Document.Pages
	Part   int    // index of the part the heading is in, from 0
}

// Result is a laid-out document and the headings found in it.
type Result struct {
	Doc     *box.Document
	Entries []Entry
	// BodyStart is the index of the first body page (after the contents).
	BodyStart int
	// Warnings are problems that did not stop the layout (an image that
	// could not be read).
	Warnings diag.List
	// Frame is the text block the pages were set in, for callers that add
	// pages of their own in the same measure.
	Frame Frame
}

// Frame is a page's text block in points from the page's top-left corner,
// and the body's baseline distance. The running head's baseline is
// Lead×0.9 above Top; the running foot's is Lead×1.4 below Top+Height.
type Frame struct {
	Left, Top, Width, Height, Lead float64
}

// item is one entry of the galley: a line, a table row, a rule or an image,
// with boxes relative to its top-left corner at the text block's left edge.
type item struct {
	h       float64 // height
	before  float64 // space above, dropped at the top of a page
	boxes   []box.Box
	keep    bool // no page break after this item
	newPage bool // start a new page before this item
	notes   []*tree.Footnote
	head    []*item // header rows to repeat when a page starts with this table row
	tableID int     // table the row belongs to; 0 for none
	entry   int     // 1 + index into entries of the heading on this item; 0 for none
	// bars are vertical rules at the left of quotations, drawn over the
	// item's height including the space above it when it is not the first
	// of its page.
	bars []float64
	part int // index of the part the item belongs to
	// float is the figure the item belongs to (from 1), 0 for none: a
	// figure that does not fit moves to the top of the next page.
	float int
}

type layouter struct {
	opts    Options
	set     *fonts.Set
	width   float64 // text block width
	height  float64 // text block height
	left    float64 // text block left edge
	top     float64 // text block top edge
	items   []*item
	pending float64 // space owed before the next block
	entries []Entry
	part    int
	counter [7]int // heading numbers per level
	base    int    // heading level of a part's top sections
	tables  int

	notes     map[*tree.Footnote][]*item // footnote bodies, laid out once
	noteList  []*tree.Footnote           // footnotes by tag - 1
	warnings  diag.List
	file      string // source of the current part, for diagnostics
	listDepth int
	// partStarts holds the indexes of body pages that begin a part.
	partStarts map[int]bool
	// parts are the parts being set; pageParts the part of each body page.
	parts     []Part
	pageParts []int
	// figures and tables count the numbered figures and tables of a part.
	figNum, tabNum int
	floats         int // floating figures so far
	// refs maps the labels of figures and tables ("fig:x") to their
	// numbers and anchors, found before anything is set so that text may
	// refer forward.
	refs map[string]ref
	line int // source line of the paragraph being set, for diagnostics
}

// ref is what a reference to a label prints and where it leads.
type ref struct {
	text   string // "图3-1"
	anchor string
}

// Layout sets parts on pages.
func Layout(parts []Part, opts Options) (*Result, error) {
	if err := opts.defaults(); err != nil {
		return nil, err
	}
	l := &layouter{opts: opts, set: opts.Fonts, notes: make(map[*tree.Footnote][]*item), partStarts: make(map[int]bool), parts: parts}
	l.measure()
	l.numberCaptions()
	for i, p := range parts {
		l.part = i + 1
		l.figNum, l.tabNum = 0, 0
		l.file = p.File
		start := len(l.items)
		l.partFlow(p)
		if len(l.items) > start {
			l.items[start].newPage = true
		}
	}
	pages, err := l.paginate(l.items)
	if err != nil {
		return nil, err
	}
	if len(pages) == 0 {
		// An empty document is one blank page.
		pages = []box.Page{{Width: opts.Size.Width, Height: opts.Size.Height}}
	}
	// Body pages are numbered from Options.FirstPage; the contents in
	// front of them in Roman numerals.
	for i := range pages {
		pages[i].Label = l.label(i)
	}
	for i := range l.entries {
		if l.entries[i].Index >= 0 {
			l.entries[i].Page = pages[l.entries[i].Index].Label
		}
	}
	var front []box.Page
	if opts.TOC && len(l.entries) > 0 {
		front = l.contents()
		for i := range front {
			front[i].Label = box.Roman(i + 1)
		}
	}
	all := append(front, pages...)
	for i := range l.entries {
		l.entries[i].Index += len(front)
	}
	l.furniture(all, len(front), len(pages))
	return &Result{Doc: &box.Document{Pages: all, Fonts: l.set}, Entries: l.entries, BodyStart: len(front), Warnings: l.warnings,
		Frame: Frame{Left: l.left, Top: l.top, Width: l.width, Height: l.height, Lead: l.lead()}}, nil
}

// label returns the label of body page i: its number from FirstPage, in
// the page style.
func (l *layouter) label(i int) string {
	n := i + l.opts.FirstPage
	if l.opts.PageStyle == PageRoman {
		return box.Roman(n)
	}
	return strconv.Itoa(n)
}

// measure fixes the text block: a whole number of body characters wide and
// a whole number of lines high, centred within the margins.
func (l *layouter) measure() {
	o := l.opts
	em := o.BodySize
	availW := o.Size.Width - o.Margins.Left - o.Margins.Right
	l.width = float64(int(availW/em+1e-9)) * em
	l.left = o.Margins.Left + (availW-l.width)/2
	lead := em * o.Leading
	availH := o.Size.Height - o.Margins.Top - o.Margins.Bottom
	l.height = float64(int(availH/lead+1e-9)) * lead
	l.top = o.Margins.Top + (availH-l.height)/2
}

func (l *layouter) lead() float64 { return l.opts.BodySize * l.opts.Leading }

// space asks for at least s points before the next block.
func (l *layouter) space(s float64) {
	if s > l.pending {
		l.pending = s
	}
}

// add appends an item, giving it the space owed.
func (l *layouter) add(it *item) {
	it.before += l.pending
	it.part = l.part - 1
	l.pending = 0
	l.items = append(l.items, it)
}

func (l *layouter) partFlow(p Part) {
	body := p.Body
	l.base = 1
	l.counter = [7]int{}
	if p.Sink > 0 {
		l.pending = 0
		l.add(&item{h: math.Min(p.Sink, l.height/2), keep: true})
	}
	if p.Kicker != "" {
		l.kicker(p.Kicker)
	}
	if p.Title != "" {
		if len(body) > 0 {
			if h, ok := body[0].(*tree.Heading); ok && h.Level == 1 && strings.TrimSpace(h.Text.PlainText()) == p.Title {
				l.title(h.Text, h.ID, p.Label)
				body = body[1:]
				l.base = 2
			}
		}
		if l.base == 1 {
			l.title(tree.Inline{{Text: p.Title}}, "", p.Label)
			l.base = 2
		}
		if p.Byline != "" {
			l.byline(p.Byline)
		}
		// Sections are the shallowest headings below the title.
		if m := minLevel(body); m > l.base {
			l.base = m
		}
	} else if m := minLevel(body); m > 0 {
		l.base = m
	}
	l.flow(body, &ctx{width: l.width, size: l.opts.BodySize, family: fonts.SerifFamily, indent: true})
}

func minLevel(f tree.Flow) int {
	m := 0
	for _, b := range f {
		if h, ok := b.(*tree.Heading); ok && (m == 0 || h.Level < m) {
			m = h.Level
		}
	}
	return m
}

// ctx is the setting of the blocks of a flow: where they sit and how their
// text is styled.
type ctx struct {
	x       float64 // left edge relative to the text block
	width   float64
	size    float64
	family  fonts.Family
	color   box.Color
	indent  bool      // paragraphs get a 2-em first-line indent
	bars    []float64 // quotation bars to draw beside each item
	marker  []box.Box // a list marker for the first line of the flow
	notes   bool      // laying out a footnote
	leading float64   // baseline distance over size; zero: the body's
}

func (c *ctx) lead(o *Options) float64 {
	if c.leading != 0 {
		return c.size * c.leading
	}
	return c.size * o.Leading
}

func (l *layouter) flow(f tree.Flow, c *ctx) {
	for _, b := range f {
		switch b.(type) {
		case *tree.Paragraph, *tree.Code:
		default:
			if c.marker != nil {
				// A list item that starts with something other than text:
				// its marker gets a line of its own.
				l.addLines([]line.Line{{Last: true}}, c, c.lead(&l.opts), false)
			}
		}
		switch b := b.(type) {
		case *tree.Paragraph:
			l.line = b.Source
			l.paragraph(b.Text, c, c.indent && c.marker == nil)
		case *tree.Heading:
			l.heading(b)
		case *tree.List:
			l.block(0.25, "L", func() { l.list(b, c) })
		case *tree.Quote:
			l.block(0.35, "BlockQuote", func() {
				q := *c
				q.x += 2 * c.size
				q.width -= 2 * c.size
				q.bars = append(append([]float64(nil), c.bars...), c.x+c.size)
				q.color = box.Color{R: 0x44, G: 0x44, B: 0x44}
				l.flow(b.Body, &q)
				c.marker = q.marker
			})
		case *tree.Code:
			l.block(0.4, "Code", func() { l.code(b, c) })
		case *tree.Rule:
			l.block(0.5, "", func() {
				w := c.width / 3
				l.add(&item{h: l.lead(), boxes: []box.Box{&box.Rect{X: c.x + (c.width-w)/2, Y: l.lead() / 2, W: w, H: 0.6, Color: box.Color{R: 0x66, G: 0x66, B: 0x66}}}, bars: c.bars})
			})
		case *tree.Figure:
			l.block(0.5, "", func() { l.figure(b, c) })
		case *tree.Table:
			l.block(0.5, "Table", func() { l.table(b, c) })
		}
	}
}

// block lays out one block with space of k leads above and below it; kind,
// when not empty, is the structure element its items are tagged as.
func (l *layouter) block(k float64, kind string, lay func()) {
	l.space(l.lead() * k)
	start := len(l.items)
	lay()
	if kind != "" {
		tagItems(l.items[start:], kind, "")
	}
	l.space(l.lead() * k)
}

// numberCaptions numbers the figures and tables of every part as caption
// will, and records the labelled ones for references.
func (l *layouter) numberCaptions() {
	l.refs = map[string]ref{}
	if !l.opts.NumberCaptions {
		return
	}
	for pi, p := range l.parts {
		fig, tab := 0, 0
		num := func(n int) string {
			if p.Number != "" {
				return p.Number + "-" + strconv.Itoa(n)
			}
			return strconv.Itoa(n)
		}
		var walk func(f tree.Flow)
		walk = func(f tree.Flow) {
			for _, b := range f {
				switch b := b.(type) {
				case *tree.Figure:
					fig++
					if b.Label != "" {
						l.refs[b.Label] = ref{text: "图" + num(fig), anchor: fmt.Sprintf("%sp%d-%s", l.opts.AnchorPrefix, pi+1, b.Label)}
					}
				case *tree.Table:
					tab++
					if b.Label != "" {
						l.refs[b.Label] = ref{text: "表" + num(tab), anchor: fmt.Sprintf("%sp%d-%s", l.opts.AnchorPrefix, pi+1, b.Label)}
					}
				case *tree.Quote:
					walk(b.Body)
				case *tree.List:
					for _, it := range b.Items {
						walk(it)
					}
				}
			}
		}
		walk(p.Body)
	}
}

// refRE is a reference to a figure or table in the text: @fig:x, @tab:x.
var refRE = regexp.MustCompile(`@((?:fig|tab):[A-Za-z0-9_.:-]*[A-Za-z0-9_])`)

// resolveRefs splits spans at references and replaces each by the number
// of its figure or table, linked to it.
func (l *layouter) resolveRefs(in tree.Inline) tree.Inline {
	var out tree.Inline
	for _, s := range in {
		if s.Code || s.Footnote != nil || !strings.Contains(s.Text, "@") {
			out = append(out, s)
			continue
		}
		ms := refRE.FindAllStringSubmatchIndex(s.Text, -1)
		at := 0
		for _, m := range ms {
			r, ok := l.refs[s.Text[m[2]:m[3]]]
			if !ok {
				l.warnings = append(l.warnings, diag.Diagnostic{File: l.file, Line: l.line, Severity: diag.Warning,
					Message: l.opts.Lang.T("typeset.noref", s.Text[m[0]:m[1]]), Hint: l.opts.Lang.T("typeset.noref.hint")})
				continue
			}
			if m[0] > at {
				t := s
				t.Text = s.Text[at:m[0]]
				out = append(out, t)
			}
			t := s
			t.Text = r.text
			t.Link = "##" + r.anchor
			out = append(out, t)
			at = m[1]
		}
		if at < len(s.Text) {
			t := s
			t.Text = s.Text[at:]
			out = append(out, t)
		}
	}
	return out
}

// items turns inline content into line items in the style of c.
func (l *layouter) lineItems(in tree.Inline, c *ctx, base fonts.Style) []line.Item {
	if len(l.refs) > 0 {
		in = l.resolveRefs(in)
	}
	out := make([]line.Item, 0, len(in))
	for _, s := range in {
		it := line.Item{Text: s.Text, Style: base, Size: c.size, Color: c.color, Strike: s.Strike}
		if s.Strong {
			it.Style.Bold = true
		}
		if s.Emph {
			it.Style.Italic = true
		}
		if s.Code {
			it.Style.Family = fonts.MonoFamily
			it.Size = c.size * 0.9
		}
		if s.Link != "" {
			it.Link = s.Link
			switch {
			case strings.HasPrefix(s.Link, "##"): // a reference: a document-wide anchor
				it.Link = s.Link[1:]
			case strings.HasPrefix(s.Link, "#"):
				it.Link = "#" + l.anchor(s.Link[1:])
			}
			it.Color = box.Color{R: 0x1a, G: 0x3e, B: 0x8c}
		}
		if s.Footnote != nil {
			it.Text = s.Footnote.Mark
			it.Size = c.size * 0.6
			it.Rise = c.size * 0.38
			it.NoBreakBefore = true
			it.Style = fonts.Style{Family: fonts.SerifFamily}
			if !c.notes {
				it.Tag = l.noteTag(s.Footnote)
			}
		}
		out = append(out, it)
	}
	return out
}

func (l *layouter) noteTag(fn *tree.Footnote) int {
	for i, f := range l.noteList {
		if f == fn {
			return i + 1
		}
	}
	l.noteList = append(l.noteList, fn)
	return len(l.noteList)
}

// anchor returns the document-wide name of heading id of the current part.
func (l *layouter) anchor(id string) string {
	return fmt.Sprintf("%sp%d-%s", l.opts.AnchorPrefix, l.part, id)
}

// lines sets inline content and adds one item per line.
func (l *layouter) paragraph(in tree.Inline, c *ctx, indent bool) {
	items := l.lineItems(in, c, fonts.Style{Family: c.family})
	p := line.Params{Width: c.width, Justify: true, Hang: l.opts.HangingPunctuation}
	if indent {
		p.Indent = 2 * c.size
	}
	lines := line.Break(items, l.set, p)
	kind := "P"
	if c.notes {
		kind = "Note"
	}
	tagItems(l.addLines(lines, c, c.lead(&l.opts), false), kind, "")
}

// addLines adds lines as items with widow and orphan control: no page
// break after a paragraph's first line or before its last.
func (l *layouter) addLines(lines []line.Line, c *ctx, lead float64, keepAll bool) []*item {
	out := make([]*item, 0, len(lines))
	for i := range lines {
		ln := &lines[i]
		h := lead
		asc := c.size * 0.88
		// Half the leading above the em box, half below.
		base := (lead-c.size)/2 + asc
		if ln.Ascent > asc+0.1*c.size {
			extra := ln.Ascent - asc
			h += extra
			base += extra
		}
		it := &item{h: h, bars: c.bars}
		it.boxes = lineBoxes(ln, c.x, base)
		for _, t := range ln.Tags {
			it.notes = append(it.notes, l.noteList[t-1])
		}
		if i == 0 && c.marker != nil {
			// The marker first, as it is read: a label of the list item.
			lbl := &box.Tag{Kind: "Lbl"}
			var ms []box.Box
			for _, m := range c.marker {
				m = shift(m, 0, base)
				if t, ok := m.(*box.Text); ok {
					t.Tag = lbl
				}
				ms = append(ms, m)
			}
			it.boxes = append(ms, it.boxes...)
			c.marker = nil
		}
		n := len(lines)
		it.keep = keepAll || i == 0 && n > 1 || i == n-2
		l.add(it)
		out = append(out, it)
	}
	return out
}

// tagItems makes the text and images of its part of the structure element
// kind: boxes not yet tagged get the element, elements of inner blocks
// become its children. It returns the element.
func tagItems(its []*item, kind, alt string) *box.Tag {
	t := &box.Tag{Kind: kind, Alt: alt}
	mark := func(bt **box.Tag) {
		switch {
		case *bt == nil:
			*bt = t
		case *bt != t:
			if r := (*bt).Root(); r != t {
				r.Parent = t
			}
		}
	}
	for _, it := range its {
		for _, b := range it.boxes {
			switch b := b.(type) {
			case *box.Text:
				mark(&b.Tag)
			case *box.Image:
				mark(&b.Tag)
			}
		}
	}
	return t
}

// lineBoxes returns the boxes of a line set at x with its baseline at base.
func lineBoxes(ln *line.Line, x, base float64) []box.Box {
	bs := make([]box.Box, 0, len(ln.Runs)+len(ln.Links)+len(ln.Rects))
	for i := range ln.Runs {
		bs = append(bs, shift(&ln.Runs[i], x, base))
	}
	for i := range ln.Rects {
		bs = append(bs, shift(&ln.Rects[i], x, base))
	}
	for i := range ln.Links {
		bs = append(bs, shift(&ln.Links[i], x, base))
	}
	return bs
}

// shift returns a copy of b moved by dx, dy. Anchors and bookmarks have
// only a height: they move down only.
func shift(b box.Box, dx, dy float64) box.Box {
	var c box.Box
	var x, y *float64 // the copy's position
	switch b := b.(type) {
	case *box.Text:
		t := *b
		c, x, y = &t, &t.X, &t.Y
	case *box.Rect:
		r := *b
		c, x, y = &r, &r.X, &r.Y
	case *box.Image:
		i := *b
		c, x, y = &i, &i.X, &i.Y
	case *box.Link:
		l := *b
		c, x, y = &l, &l.X, &l.Y
	case *box.Anchor:
		a := *b
		c, y = &a, &a.Y
	case *box.Bookmark:
		m := *b
		c, y = &m, &m.Y
	default:
		return b
	}
	if x != nil {
		*x += dx
	}
	*y += dy
	return c
}
