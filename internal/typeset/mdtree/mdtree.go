// Package mdtree builds the layout tree from Markdown. goldmark parses the
// source (CommonMark with the GFM table, strikethrough, task-list and
// linkify extensions, footnotes and the CJK extension); a goldmark node
// renderer of ours, registered per node kind, turns the AST into a
// tree.Flow instead of HTML.
package mdtree

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/typeset/clreq"
	"github.com/zzia/press/internal/typeset/tree"
)

// Options say where the source comes from.
type Options struct {
	File    string   // name used in diagnostics
	BaseDir string   // directory relative image paths are resolved against
	Lang    msg.Lang // language of the warnings
}

// Document is a Markdown document as a layout tree.
type Document struct {
	Body tree.Flow
	// Title is the text of the document's only level-1 heading when it is
	// the first block (then the typesetter sets it as the title, not
	// numbered); empty otherwise.
	Title string
}

// markdown is the configured parser; goldmark parsers are safe for
// concurrent use once built.
var markdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.CJK),
)

// Parse parses src and builds its layout tree. Constructs the PDF cannot
// show (raw HTML, remote images) are reported as warnings; they never stop
// the build.
func Parse(src []byte, opts Options) (*Document, diag.List) {
	var warnings diag.List
	// Windows editors (Notepad) save UTF-8 with a byte order mark; it is
	// not text, and left in place it would hide a heading on the first
	// line. Dropping it keeps every line number.
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	// The typesetter refuses text that is not UTF-8 (typeset.Layout); a
	// caller that did not check still gets valid text, bad bytes as U+FFFD.
	src = bytes.ToValidUTF8(src, []byte("\uFFFD"))
	doc := markdown.Parser().Parse(text.NewReader(src))
	b := &builder{src: src, opts: opts, footnotes: make(map[int]*tree.Footnote)}
	b.lineStarts = lineStarts(src)
	r := renderer.NewRenderer(renderer.WithNodeRenderers(util.Prioritized(b, 100)))
	// Footnote bodies first, so references can point at them.
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		if list, ok := c.(*east.FootnoteList); ok {
			for fn := list.FirstChild(); fn != nil; fn = fn.NextSibling() {
				n, ok := fn.(*east.Footnote)
				if !ok {
					continue
				}
				b.push()
				b.inFootnote = true
				for k := n.FirstChild(); k != nil; k = k.NextSibling() {
					r.Render(io.Discard, src, k)
				}
				b.inFootnote = false
				body := b.pop()
				b.footnotes[n.Index] = &tree.Footnote{Mark: strconv.Itoa(n.Index), Body: body}
			}
		}
	}
	b.push()
	r.Render(io.Discard, src, doc)
	out := &Document{Body: b.pop()}
	var h1 []*tree.Heading
	for _, bl := range out.Body {
		if h, ok := bl.(*tree.Heading); ok && h.Level == 1 {
			h1 = append(h1, h)
		}
	}
	if len(h1) == 1 && len(out.Body) > 0 && out.Body[0] == tree.Block(h1[0]) {
		out.Title = strings.TrimSpace(h1[0].Text.PlainText())
	}
	return out, append(warnings, b.warnings...)
}

type listFrame struct {
	list *tree.List
}

// builder is the node renderer: one function per node kind, building flows
// on a stack (document, list item, quote, footnote) and inline text into the
// block being built.
type builder struct {
	src        []byte
	opts       Options
	lineStarts []int
	warnings   diag.List

	flows     []tree.Flow
	lists     []listFrame
	inline    *tree.Inline // where inline text goes; nil outside inline content
	pending   []*tree.Figure
	strong    int
	emph      int
	strike    int
	links     []string
	image     *tree.Figure // the image whose alt text is being collected
	altText   strings.Builder
	softBreak bool
	table     *tree.Table
	row       []tree.Inline
	cell      tree.Inline
	inHeader  bool

	footnotes  map[int]*tree.Footnote
	inFootnote bool
	ids        map[string]int
}

// slug makes a heading's link name as GitHub and Hugo do: lower case,
// letters (Han included) and digits kept, spaces to hyphens, other marks
// dropped, and -1, -2 … appended to repeats.
func (b *builder) slug(text string) string {
	var s strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(text)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			s.WriteRune(r)
		case r == ' ':
			s.WriteByte('-')
		}
	}
	id := s.String()
	if id == "" {
		id = "heading"
	}
	if b.ids == nil {
		b.ids = make(map[string]int)
	}
	n := b.ids[id]
	b.ids[id] = n + 1
	if n > 0 {
		id = fmt.Sprintf("%s-%d", id, n)
	}
	return id
}

func (b *builder) push() { b.flows = append(b.flows, nil) }

func (b *builder) pop() tree.Flow {
	f := b.flows[len(b.flows)-1]
	b.flows = b.flows[:len(b.flows)-1]
	return f
}

func (b *builder) add(bl tree.Block) {
	b.flows[len(b.flows)-1] = append(b.flows[len(b.flows)-1], bl)
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// line returns the 1-based line of byte offset off.
func (b *builder) line(off int) int {
	return sort.Search(len(b.lineStarts), func(i int) bool { return b.lineStarts[i] > off })
}

func (b *builder) warn(off int, msg, hint string) {
	b.warnings = append(b.warnings, diag.Diagnostic{File: b.opts.File, Line: b.line(off), Severity: diag.Warning, Message: msg, Hint: hint})
}

// blockStart returns the byte offset where block n starts, or -1.
func blockStart(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
			return n.Lines().At(0).Start
		}
		if t, ok := n.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return -1
}

// RegisterFuncs registers one function per node kind.
func (b *builder) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindDocument, b.none)
	reg.Register(ast.KindParagraph, b.paragraph)
	reg.Register(ast.KindTextBlock, b.paragraph)
	reg.Register(ast.KindHeading, b.heading)
	reg.Register(ast.KindThematicBreak, b.thematicBreak)
	reg.Register(ast.KindCodeBlock, b.codeBlock)
	reg.Register(ast.KindFencedCodeBlock, b.codeBlock)
	reg.Register(ast.KindHTMLBlock, b.htmlBlock)
	reg.Register(ast.KindBlockquote, b.blockquote)
	reg.Register(ast.KindList, b.list)
	reg.Register(ast.KindListItem, b.listItem)
	reg.Register(ast.KindText, b.text)
	reg.Register(ast.KindString, b.string)
	reg.Register(ast.KindCodeSpan, b.codeSpan)
	reg.Register(ast.KindEmphasis, b.emphasis)
	reg.Register(ast.KindLink, b.link)
	reg.Register(ast.KindAutoLink, b.autoLink)
	reg.Register(ast.KindImage, b.imageNode)
	reg.Register(ast.KindRawHTML, b.rawHTML)
	reg.Register(east.KindTable, b.tableNode)
	reg.Register(east.KindTableHeader, b.tableHeader)
	reg.Register(east.KindTableRow, b.tableRow)
	reg.Register(east.KindTableCell, b.tableCell)
	reg.Register(east.KindStrikethrough, b.strikethrough)
	reg.Register(east.KindTaskCheckBox, b.taskCheckBox)
	reg.Register(east.KindFootnoteLink, b.footnoteLink)
	reg.Register(east.KindFootnoteBacklink, b.skip)
	reg.Register(east.KindFootnoteList, b.skip)
	reg.Register(east.KindFootnote, b.skip)
}

func (b *builder) none(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkContinue, nil
}

func (b *builder) skip(util.BufWriter, []byte, ast.Node, bool) (ast.WalkStatus, error) {
	return ast.WalkSkipChildren, nil
}

// appendText adds s to the current inline content in the current style,
// resolving a pending soft line break the East-Asian way: nothing between
// two CJK characters, a space otherwise.
func (b *builder) appendText(s string, code bool) {
	if s == "" {
		return
	}
	if b.image != nil {
		b.altText.WriteString(s)
		return
	}
	if b.inline == nil {
		return
	}
	if b.softBreak {
		b.softBreak = false
		last, _ := utf8.DecodeLastRuneInString(lastText(*b.inline))
		first, _ := utf8.DecodeRuneInString(s)
		if !(clreq.IsCJK(last) || clreq.IsAmbiguous(last) || clreq.IsCJK(first) || clreq.IsAmbiguous(first)) && last != utf8.RuneError {
			s = " " + s
		}
	}
	sp := tree.Span{Text: s, Strong: b.strong > 0, Emph: b.emph > 0, Code: code, Strike: b.strike > 0}
	if len(b.links) > 0 {
		sp.Link = b.links[len(b.links)-1]
	}
	in := *b.inline
	if n := len(in); n > 0 {
		p := &in[n-1]
		if p.Footnote == nil && p.Text != "\n" && p.Strong == sp.Strong && p.Emph == sp.Emph && p.Code == sp.Code &&
			p.Strike == sp.Strike && p.Link == sp.Link {
			p.Text += s
			return
		}
	}
	*b.inline = append(in, sp)
}

func lastText(in tree.Inline) string {
	for i := len(in) - 1; i >= 0; i-- {
		if in[i].Footnote == nil && in[i].Text != "" {
			return in[i].Text
		}
	}
	return ""
}

func (b *builder) paragraph(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.inline = new(tree.Inline)
		b.softBreak = false
		return ast.WalkContinue, nil
	}
	in := *b.inline
	b.inline = nil
	b.undefinedNotes(in, max(blockStart(n), 0))
	if strings.TrimSpace(in.PlainText()) != "" || hasFootnote(in) {
		b.add(&tree.Paragraph{Text: trimInline(in), Source: b.line(max(blockStart(n), 0))})
	}
	for _, f := range b.pending {
		b.add(f)
	}
	b.pending = nil
	return ast.WalkContinue, nil
}

// noteRef is a footnote reference as written, [^label].
var noteRef = regexp.MustCompile(`\[\^([^\]\s]+)\]`)

// undefinedNotes warns about footnote references left as text because no
// footnote of that label is defined.
func (b *builder) undefinedNotes(in tree.Inline, off int) {
	mark := false
	for _, s := range in {
		mark = mark || strings.Contains(s.Text, "^")
	}
	if !mark {
		return // no footnote reference (the regular expression is slow)
	}
	var t strings.Builder
	for _, s := range in {
		if !s.Code && s.Footnote == nil {
			t.WriteString(s.Text)
		}
	}
	for _, m := range noteRef.FindAllStringSubmatch(t.String(), -1) {
		b.warn(off, b.opts.Lang.T("typeset.footnote", m[1], m[0]), b.opts.Lang.T("typeset.footnote.hint", m[1]))
	}
}

func hasFootnote(in tree.Inline) bool {
	for _, s := range in {
		if s.Footnote != nil {
			return true
		}
	}
	return false
}

// trimInline removes leading and trailing white space and hard breaks.
func trimInline(in tree.Inline) tree.Inline {
	for len(in) > 0 && (in[0].Text == "\n" || in[0].Footnote == nil && strings.TrimSpace(in[0].Text) == "") {
		in = in[1:]
	}
	for len(in) > 0 && (in[len(in)-1].Text == "\n" || in[len(in)-1].Footnote == nil && strings.TrimSpace(in[len(in)-1].Text) == "") {
		in = in[:len(in)-1]
	}
	if len(in) > 0 && in[0].Footnote == nil {
		in[0].Text = strings.TrimLeft(in[0].Text, " \t")
	}
	if n := len(in); n > 0 && in[n-1].Footnote == nil {
		in[n-1].Text = strings.TrimRight(in[n-1].Text, " \t")
	}
	return in
}

func (b *builder) heading(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.inline = new(tree.Inline)
		b.softBreak = false
		return ast.WalkContinue, nil
	}
	h := n.(*ast.Heading)
	id := b.slug(b.inline.PlainText())
	b.add(&tree.Heading{Level: h.Level, Text: trimInline(*b.inline), ID: id})
	b.inline = nil
	for _, f := range b.pending {
		b.add(f)
	}
	b.pending = nil
	return ast.WalkContinue, nil
}

func (b *builder) thematicBreak(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.add(&tree.Rule{})
	}
	return ast.WalkContinue, nil
}

func (b *builder) codeBlock(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var buf bytes.Buffer
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		buf.Write(seg.Value(src))
	}
	lang := ""
	if f, ok := n.(*ast.FencedCodeBlock); ok {
		lang = string(f.Language(src))
	}
	b.add(&tree.Code{Text: strings.TrimRight(strings.ReplaceAll(buf.String(), "\t", "    "), "\n"), Language: lang})
	return ast.WalkSkipChildren, nil
}

func (b *builder) htmlBlock(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	off := 0
	if n.Lines().Len() > 0 {
		off = n.Lines().At(0).Start
	}
	raw := strings.TrimSpace(string(n.Lines().Value(src)))
	if strings.HasPrefix(raw, "<!--") {
		return ast.WalkSkipChildren, nil // comments are not content
	}
	b.warn(off, b.opts.Lang.T("typeset.htmlblock", abbreviate(raw)), b.opts.Lang.T("typeset.htmlblock.hint"))
	return ast.WalkSkipChildren, nil
}

func abbreviate(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	if utf8.RuneCountInString(s) > 40 {
		s = string([]rune(s)[:40]) + "…"
	}
	return strconv.Quote(s)
}

func (b *builder) blockquote(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.push()
	} else {
		b.add(&tree.Quote{Body: b.pop()})
	}
	return ast.WalkContinue, nil
}

func (b *builder) list(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	l := n.(*ast.List)
	if entering {
		b.lists = append(b.lists, listFrame{list: &tree.List{Ordered: l.IsOrdered(), Start: l.Start, Tight: l.IsTight}})
		return ast.WalkContinue, nil
	}
	f := b.lists[len(b.lists)-1]
	b.lists = b.lists[:len(b.lists)-1]
	b.add(f.list)
	return ast.WalkContinue, nil
}

func (b *builder) listItem(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.push()
		l := b.lists[len(b.lists)-1].list
		if l.Checks != nil {
			l.Checks = append(l.Checks, 0)
		}
		return ast.WalkContinue, nil
	}
	l := b.lists[len(b.lists)-1].list
	l.Items = append(l.Items, b.pop())
	if l.Checks != nil && len(l.Checks) < len(l.Items) {
		l.Checks = append(l.Checks, 0)
	}
	return ast.WalkContinue, nil
}

func (b *builder) taskCheckBox(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering || len(b.lists) == 0 {
		return ast.WalkContinue, nil
	}
	l := b.lists[len(b.lists)-1].list
	if l.Checks == nil {
		l.Checks = make([]int8, len(l.Items)+1)
	}
	for len(l.Checks) < len(l.Items)+1 {
		l.Checks = append(l.Checks, 0)
	}
	v := int8(1)
	if n.(*east.TaskCheckBox).IsChecked {
		v = 2
	}
	l.Checks[len(l.Items)] = v
	return ast.WalkContinue, nil
}

// unescape resolves backslash escapes and character references as the HTML
// renderer does, and drops the escaped spaces of the CJK extension.
func unescape(v []byte) []byte {
	if bytes.IndexByte(v, '\\') >= 0 {
		v = bytes.ReplaceAll(v, []byte("\\ "), nil)
		v = util.UnescapePunctuations(v)
	}
	if bytes.IndexByte(v, '&') >= 0 {
		v = util.ResolveNumericReferences(v)
		v = util.ResolveEntityNames(v)
	}
	return bytes.ReplaceAll(v, []byte{0}, []byte("\uFFFD"))
}

func (b *builder) text(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	t := n.(*ast.Text)
	v := t.Segment.Value(src)
	if !t.IsRaw() {
		v = unescape(v)
	}
	b.appendText(string(v), false)
	switch {
	case t.HardLineBreak():
		if b.image != nil {
			b.altText.WriteByte(' ')
		} else if b.inline != nil {
			*b.inline = append(*b.inline, tree.Span{Text: "\n"})
		}
		b.softBreak = false
	case t.SoftLineBreak():
		if b.image != nil {
			b.altText.WriteByte(' ')
		} else {
			b.softBreak = true
		}
	}
	return ast.WalkContinue, nil
}

func (b *builder) string(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		s := n.(*ast.String)
		b.appendText(string(s.Value), s.IsCode())
	}
	return ast.WalkContinue, nil
}

func (b *builder) codeSpan(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	var buf bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch t := c.(type) {
		case *ast.Text:
			v := t.Segment.Value(src)
			if bytes.HasSuffix(v, []byte("\n")) {
				v = append(v[:len(v)-1:len(v)-1], ' ')
			}
			buf.Write(v)
		case *ast.String:
			buf.Write(t.Value)
		}
	}
	b.appendText(buf.String(), true)
	return ast.WalkSkipChildren, nil
}

func (b *builder) emphasis(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	d := 1
	if !entering {
		d = -1
	}
	if n.(*ast.Emphasis).Level >= 2 {
		b.strong += d
	} else {
		b.emph += d
	}
	return ast.WalkContinue, nil
}

func (b *builder) strikethrough(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.strike++
	} else {
		b.strike--
	}
	return ast.WalkContinue, nil
}

func (b *builder) link(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.links = append(b.links, string(unescape(n.(*ast.Link).Destination)))
	} else {
		b.links = b.links[:len(b.links)-1]
	}
	return ast.WalkContinue, nil
}

func (b *builder) autoLink(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	l := n.(*ast.AutoLink)
	url := string(l.URL(src))
	if l.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
		url = "mailto:" + url
	}
	b.links = append(b.links, url)
	b.appendText(string(l.Label(src)), false)
	b.links = b.links[:len(b.links)-1]
	return ast.WalkSkipChildren, nil
}

func (b *builder) imageNode(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	img := n.(*ast.Image)
	if entering {
		if b.image != nil { // an image inside an image's alt text
			return ast.WalkSkipChildren, nil
		}
		dest := string(unescape(img.Destination))
		f := &tree.Figure{Path: dest, Source: b.line(max(inlineStart(n), 0))}
		if b.inline == nil {
			return ast.WalkSkipChildren, nil
		}
		b.image = f
		b.altText.Reset()
		return ast.WalkContinue, nil
	}
	f := b.image
	if f == nil {
		return ast.WalkContinue, nil
	}
	b.image = nil
	f.Alt = strings.TrimSpace(b.altText.String())
	if title := strings.TrimSpace(string(unescape(img.Title))); title != "" {
		title, f.Label = cutLabel(title, "fig:")
		if title != "" {
			f.Caption = tree.Inline{{Text: title}}
		}
	}
	switch {
	case strings.Contains(f.Path, "://") || strings.HasPrefix(f.Path, "data:"):
		b.warn(inlineStart(n), b.opts.Lang.T("typeset.image.remote", f.Path), b.opts.Lang.T("typeset.image.remote.hint"))
	default:
		p := f.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(b.opts.BaseDir, filepath.FromSlash(p))
		}
		switch st, err := os.Stat(p); {
		case err != nil:
			b.warn(inlineStart(n), b.opts.Lang.T("typeset.image.missing", f.Path), b.opts.Lang.T("typeset.image.alt"))
		case !st.Mode().IsRegular():
			b.warn(inlineStart(n), b.opts.Lang.T("typeset.image.special", f.Path, st.Mode().Type()), b.opts.Lang.T("typeset.image.special.hint"))
		default:
			f.File = p
		}
	}
	if b.inFootnote || b.table != nil {
		// No figures inside footnotes or table cells: keep the alt text.
		b.appendText(f.Alt, false)
		return ast.WalkContinue, nil
	}
	b.pending = append(b.pending, f)
	return ast.WalkContinue, nil
}

// inlineStart returns the byte offset of an inline node, from its first
// text descendant or its parent block.
func inlineStart(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

func (b *builder) rawHTML(_ util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	raw := n.(*ast.RawHTML)
	var buf bytes.Buffer
	off := -1
	for i := 0; i < raw.Segments.Len(); i++ {
		seg := raw.Segments.At(i)
		if off < 0 {
			off = seg.Start
		}
		buf.Write(seg.Value(src))
	}
	tag := strings.ToLower(strings.ReplaceAll(buf.String(), " ", ""))
	switch {
	case tag == "<br>" || tag == "<br/>":
		if b.inline != nil && b.image == nil {
			*b.inline = append(*b.inline, tree.Span{Text: "\n"})
		}
	case strings.HasPrefix(tag, "<!--"):
	default:
		b.warn(max(off, 0), b.opts.Lang.T("typeset.html", abbreviate(buf.String())), "")
	}
	return ast.WalkSkipChildren, nil
}

func (b *builder) tableNode(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		t := n.(*east.Table)
		b.table = &tree.Table{Source: b.line(max(blockStart(n), 0))}
		for _, a := range t.Alignments {
			b.table.Align = append(b.table.Align, align(a))
		}
		return ast.WalkContinue, nil
	}
	b.table.Caption = b.takeCaption()
	b.add(b.table)
	b.table = nil
	return ast.WalkContinue, nil
}

// labelRE is a label at the end of a caption: {#fig:x} or {#tab:x}.
var labelRE = regexp.MustCompile(`\s*\{#((?:fig|tab):[A-Za-z0-9_.:-]+)\}\s*$`)

// cutLabel removes a label of the given kind ("fig:" or "tab:") from the
// end of a caption and returns both.
func cutLabel(caption, kind string) (string, string) {
	m := labelRE.FindStringSubmatchIndex(caption)
	if m == nil || !strings.HasPrefix(caption[m[2]:m[3]], kind) {
		return caption, ""
	}
	return strings.TrimSpace(caption[:m[0]]), caption[m[2]:m[3]]
}

// captionPrefixes start a paragraph that is the title of the table after it.
var captionPrefixes = []string{"表：", "表:"}

// takeCaption removes the paragraph just before a table when it is the
// table's title, "表：…", and returns the title without the prefix.
func (b *builder) takeCaption() tree.Inline {
	flow := b.flows[len(b.flows)-1]
	if len(flow) == 0 {
		return nil
	}
	p, ok := flow[len(flow)-1].(*tree.Paragraph)
	if !ok || len(p.Text) == 0 || p.Text[0].Footnote != nil {
		return nil
	}
	for _, pre := range captionPrefixes {
		if rest, ok := strings.CutPrefix(p.Text[0].Text, pre); ok {
			in := append(tree.Inline{}, p.Text...)
			in[0].Text = strings.TrimLeft(rest, " \t　")
			last := &in[len(in)-1]
			if last.Footnote == nil {
				last.Text, b.table.Label = cutLabel(last.Text, "tab:")
			}
			if strings.TrimSpace(in.PlainText()) == "" {
				return nil
			}
			b.flows[len(b.flows)-1] = flow[:len(flow)-1]
			return trimInline(in)
		}
	}
	return nil
}

func align(a east.Alignment) tree.Align {
	switch a {
	case east.AlignLeft:
		return tree.AlignLeft
	case east.AlignCenter:
		return tree.AlignCenter
	case east.AlignRight:
		return tree.AlignRight
	}
	return tree.AlignNone
}

func (b *builder) tableHeader(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.inHeader = true
		b.row = nil
	} else {
		b.table.Header = b.row
		b.row = nil
		b.inHeader = false
	}
	return ast.WalkContinue, nil
}

func (b *builder) tableRow(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.row = nil
	} else {
		b.table.Rows = append(b.table.Rows, b.row)
		b.row = nil
	}
	return ast.WalkContinue, nil
}

func (b *builder) tableCell(_ util.BufWriter, _ []byte, _ ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		b.cell = nil
		b.inline = &b.cell
		return ast.WalkContinue, nil
	}
	b.row = append(b.row, trimInline(b.cell))
	b.inline = nil
	return ast.WalkContinue, nil
}

func (b *builder) footnoteLink(_ util.BufWriter, _ []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering || b.inline == nil {
		return ast.WalkContinue, nil
	}
	l := n.(*east.FootnoteLink)
	fn := b.footnotes[l.Index]
	if fn == nil || b.inFootnote {
		b.appendText("["+strconv.Itoa(l.Index)+"]", false)
		return ast.WalkContinue, nil
	}
	b.softBreak = false
	*b.inline = append(*b.inline, tree.Span{Text: fn.Mark, Footnote: fn})
	return ast.WalkContinue, nil
}
