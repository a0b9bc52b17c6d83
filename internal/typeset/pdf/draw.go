package pdf

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"hash/fnv"
	"maps"
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
)

// Info is the document metadata written into the PDF.
type Info struct {
	Title, Author, Subject string
	Keywords               []string
	Language               string    // BCP 47; empty: zh-CN
	CreationDate           time.Time // zero: no creation or modification date is written

	// Bleed, in millimetres, makes the printer's edition: the laid-out
	// page becomes the TrimBox, the BleedBox is Bleed larger on each side,
	// and what is drawn beyond the page's edges (a cover image) shows in
	// the bleed, up to the BleedBox. Zero: the screen edition, with no
	// BleedBox or TrimBox.
	Bleed float64
	// CMYK writes every colour in DeviceCMYK for the printer: greys and
	// black (text, rules) in K only, other colours converted, images
	// converted to CMYK samples (grey images stay grey, which prints in K).
	CMYK bool
	// CropMarks draws crop marks at the corners of the trim, in a slug
	// of SlugMM around the bleed (the MediaBox is that much larger), so
	// they never touch the art that bleeds.
	CropMarks bool
}

// markGap is the distance, in millimetres, between a crop mark and the
// bleed: the marks stay clear of the art even when the cut is off a little.
const markGap = 1.0

// SlugMM is the margin, in millimetres, outside the bleed that holds the
// crop marks.
const SlugMM = 8.0

// slant is the angle, in degrees, of synthesized italics.
const slant = 12

// mm is one millimetre in points.
const mm = 72 / 25.4

// Producer names the program in the PDF's metadata.
const Producer = "press typesetter"

// Write draws laid-out pages and returns the PDF (version 1.7): text runs
// in subsets of their faces (TrueType or CFF, embedded as CID fonts with
// their glyph ids as codes, so every Unicode character a face has can be
// drawn), rules, images, links to URLs and to anchors, the outline, page
// labels matching the printed folios, and the metadata in the document
// information dictionary and in XMP. The same document and info give the
// same bytes.
func Write(doc *box.Document, info Info) ([]byte, error) {
	if len(doc.Pages) == 0 {
		return nil, fmt.Errorf("pdf: the document has no pages")
	}
	bleed := info.Bleed * mm
	if bleed < 0 || math.IsNaN(bleed) {
		return nil, fmt.Errorf("pdf: bad bleed %gmm", info.Bleed)
	}
	d := &docWriter{w: newWriter(), info: info, bleed: bleed, off: bleed, fonts: map[*fonts.Face]*fontRes{}, images: map[string]ref{}}
	if bleed > 0 && info.CropMarks {
		d.slug = SlugMM * mm
		d.off += d.slug
	}
	// About 10 KB a page of text: room made once rather than doubled.
	d.w.buf.Grow(len(doc.Pages) * 12 << 10)
	return d.write(doc)
}

type docWriter struct {
	w      *writer
	info   Info
	bleed  float64
	slug   float64 // margin outside the bleed for the crop marks
	off    float64 // offset of the trim in the media: bleed and slug
	fonts  map[*fonts.Face]*fontRes
	order  []*fontRes
	images map[string]ref
	imgN   int
	buf    []byte // the content stream being written, reused
	pages  []ref
	height []float64 // media height per page
	dests  map[string]dest
	// The logical structure (tagged PDF): an element per tag, the
	// document's element, and per page the element of each marked
	// content id.
	elems   map[*box.Tag]*elem
	docElem *elem
	parents [][]*elem
	// annots are the link annotations' elements, by their StructParent
	// key less the number of pages.
	annots []*elem
	// linkText is the text of each Link element's runs, for its
	// annotations' /Contents.
	linkText map[*box.Tag]string
}

// elem is a structure element being collected: its kids are elements and
// marked content (on a page, by id), in reading order.
type elem struct {
	ref    ref
	kind   string
	alt    string
	parent *elem
	kids   []kid
}

type kid struct {
	elem       *elem
	page, mcid int
	objr       ref // an annotation: an object reference on page
}

// element returns the element of tag t, creating it and its ancestors.
func (d *docWriter) element(t *box.Tag) *elem {
	if e, ok := d.elems[t]; ok {
		return e
	}
	parent := d.docElem
	if t.Parent != nil {
		parent = d.element(t.Parent)
	}
	e := &elem{ref: d.w.reserve(), kind: t.Kind, alt: t.Alt, parent: parent}
	parent.kids = append(parent.kids, kid{elem: e})
	d.elems[t] = e
	return e
}

// mark puts what follows in the content stream of page into the marked
// content of tag t: a structure element's content, or an artifact when t
// is nil. Consecutive boxes of one element share one marked-content
// sequence; closeMark ends the open one.
func (d *docWriter) mark(c *content, page int, t *box.Tag) {
	if d.docElem == nil {
		return
	}
	if c.marked && c.tag == t {
		return
	}
	c.closeMark()
	c.marked, c.tag = true, t
	if t == nil {
		c.b = append(c.b, "/Artifact BMC\n"...)
		return
	}
	e := d.element(t)
	mcid := len(d.parents[page])
	d.parents[page] = append(d.parents[page], e)
	e.kids = append(e.kids, kid{page: page, mcid: mcid})
	c.b = append(c.b, name(e.kind)...)
	c.b = append(c.b, " <</MCID "...)
	c.b = strconv.AppendInt(c.b, int64(mcid), 10)
	c.b = append(c.b, ">> BDC\n"...)
}

// closeMark ends the open text object and marked-content sequence.
func (c *content) closeMark() {
	c.endText()
	if c.marked {
		c.b = append(c.b, "EMC\n"...)
		c.marked, c.tag = false, nil
	}
}

// endText ends the open text object, before an operator that may not
// stand in one.
func (c *content) endText() {
	if c.inText {
		c.b = append(c.b, "ET\n"...)
		c.inText = false
	}
}

// structure writes the structure tree; it returns the StructTreeRoot.
func (d *docWriter) structure() ref {
	root := d.w.reserve()
	var write func(e *elem, parent ref)
	var b []byte
	write = func(e *elem, parent ref) {
		b = append(b[:0], "<< /Type /StructElem /S "...)
		b = append(b, name(e.kind)...)
		b = append(b, " /P "...)
		b = appendRef(b, parent)
		if e.alt != "" {
			b = append(b, " /Alt "...)
			b = append(b, text(clean(e.alt))...)
		}
		b = append(b, " /K ["...)
		for _, k := range e.kids {
			switch {
			case k.elem != nil:
				b = append(b, ' ')
				b = appendRef(b, k.elem.ref)
			case k.objr != 0:
				b = append(b, " << /Type /OBJR /Obj "...)
				b = appendRef(b, k.objr)
				b = append(b, " /Pg "...)
				b = appendRef(b, d.pages[k.page])
				b = append(b, " >>"...)
			default:
				b = append(b, " << /Type /MCR /Pg "...)
				b = appendRef(b, d.pages[k.page])
				b = append(b, " /MCID "...)
				b = strconv.AppendInt(b, int64(k.mcid), 10)
				b = append(b, " >>"...)
			}
		}
		b = append(b, " ] >>"...)
		d.w.object(e.ref, string(b))
		for _, k := range e.kids {
			if k.elem != nil {
				write(k.elem, e.ref)
			}
		}
	}
	write(d.docElem, root)
	var nums strings.Builder
	for i, es := range d.parents {
		nums.WriteString(" " + strconv.Itoa(i) + " [")
		for _, e := range es {
			nums.WriteString(" " + e.ref.String())
		}
		nums.WriteString(" ]")
	}
	for k, e := range d.annots {
		fmt.Fprintf(&nums, " %d %s", len(d.pages)+k, e.ref)
	}
	pt := d.w.add("<< /Nums [" + nums.String() + " ] >>")
	d.w.object(root, fmt.Sprintf("<< /Type /StructTreeRoot /K %s /ParentTree %s /ParentTreeNextKey %d >>", d.docElem.ref, pt, len(d.pages)+len(d.annots)))
	return root
}

// dest is a place in the document: a page and a height on it.
type dest struct {
	page int
	y    float64
}

// fontRes is a face used in the document: its resource name and the
// glyphs drawn with it, with the text each stands for.
type fontRes struct {
	face    *fonts.Face
	name    string
	ref     ref
	glyphs  []rune // per glyph id, the character it shows plus one; 0: not drawn
	missing bool
}

func (d *docWriter) font(f *fonts.Face) *fontRes {
	if r, ok := d.fonts[f]; ok {
		return r
	}
	r := &fontRes{face: f, name: "F" + strconv.Itoa(len(d.order)+1), ref: d.w.reserve(), glyphs: make([]rune, 1<<16)}
	d.fonts[f] = r
	d.order = append(d.order, r)
	return r
}

func (d *docWriter) write(doc *box.Document) ([]byte, error) {
	w := d.w
	pagesRef := w.reserve()
	for _, p := range doc.Pages {
		d.pages = append(d.pages, w.reserve())
		d.height = append(d.height, p.Height+2*d.off)
	}
	// A tagged PDF when the typesetter tagged its boxes.
	if tagged(doc) {
		d.elems = map[*box.Tag]*elem{}
		d.linkText = map[*box.Tag]string{}
		d.docElem = &elem{ref: w.reserve(), kind: "Document"}
		d.parents = make([][]*elem, len(doc.Pages))
	}
	// Anchors first: links may point forward.
	d.dests = map[string]dest{}
	for i, p := range doc.Pages {
		for _, b := range p.Boxes {
			if a, ok := b.(*box.Anchor); ok {
				if _, dup := d.dests[a.Name]; !dup {
					d.dests[a.Name] = dest{i, a.Y}
				}
			}
		}
	}
	var outline []outlineItem
	for i, p := range doc.Pages {
		o, err := d.page(i, &p, pagesRef)
		if err != nil {
			return nil, err
		}
		outline = append(outline, o...)
	}
	// The fonts are subset while the pages' streams are compressed.
	progs := make([][]byte, len(d.order))
	errs := make([]error, len(d.order))
	var wg sync.WaitGroup
	for i, f := range d.order {
		wg.Add(1)
		go func() {
			defer wg.Done()
			progs[i], errs[i] = f.program()
		}()
	}
	w.flush()
	wg.Wait()
	for i, f := range d.order {
		if errs[i] != nil {
			return nil, errs[i]
		}
		d.embed(f, progs[i])
	}
	kids := make([]string, len(d.pages))
	for i, r := range d.pages {
		kids[i] = r.String()
	}
	w.object(pagesRef, fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", len(d.pages), strings.Join(kids, " ")))

	var cat strings.Builder
	fmt.Fprintf(&cat, "<< /Type /Catalog /Pages %s", pagesRef)
	if o := d.outline(outline); o != 0 {
		fmt.Fprintf(&cat, " /Outlines %s /PageMode /UseOutlines", o)
	}
	fmt.Fprintf(&cat, " /PageLabels %s", d.pageLabels(doc))
	lang := d.info.Language
	if lang == "" {
		lang = "zh-CN"
	}
	fmt.Fprintf(&cat, " /Lang %s /ViewerPreferences << /DisplayDocTitle true >>", text(lang))
	if d.docElem != nil {
		fmt.Fprintf(&cat, " /MarkInfo << /Marked true >> /StructTreeRoot %s", d.structure())
	}
	fmt.Fprintf(&cat, " /Metadata %s >>", d.metadata())
	root := w.add(cat.String())
	infoRef := w.add(d.infoDict())
	w.flush()
	sum := sha256.Sum256(w.buf.Bytes())
	return w.finish(root, infoRef, sum[:16])
}

// tagged reports whether some text or image of doc has a structure tag.
func tagged(doc *box.Document) bool {
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			switch b := b.(type) {
			case *box.Text:
				if b.Tag != nil {
					return true
				}
			case *box.Image:
				if b.Tag != nil {
					return true
				}
			}
		}
	}
	return false
}

// pdfDate writes t as a PDF date.
func pdfDate(t time.Time) string {
	s := t.Format("20060102150405")
	_, off := t.Zone()
	if off == 0 {
		return "D:" + s + "Z"
	}
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	return fmt.Sprintf("D:%s%c%02d'%02d'", s, sign, off/3600, off/60%60)
}

func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

func (d *docWriter) infoDict() string {
	in := d.info
	var b strings.Builder
	b.WriteString("<<")
	for _, kv := range [][2]string{{"Title", in.Title}, {"Author", in.Author}, {"Subject", in.Subject}, {"Keywords", strings.Join(in.Keywords, ", ")}} {
		if kv[1] != "" {
			fmt.Fprintf(&b, " /%s %s", kv[0], text(clean(kv[1])))
		}
	}
	fmt.Fprintf(&b, " /Creator (press) /Producer %s", text(Producer))
	if !in.CreationDate.IsZero() {
		fmt.Fprintf(&b, " /CreationDate (%s) /ModDate (%s)", pdfDate(in.CreationDate), pdfDate(in.CreationDate))
	}
	b.WriteString(" >>")
	return b.String()
}

// pageLabels writes the page labels: runs of decimal or Roman folios as
// numbered ranges, any other label as a prefix of its own.
func (d *docWriter) pageLabels(doc *box.Document) string {
	var b strings.Builder
	b.WriteString("<< /Nums [")
	prevStyle, prevN := "", 0
	for i, p := range doc.Pages {
		style, n := "", 0
		if v, err := strconv.Atoi(p.Label); err == nil && v > 0 && strconv.Itoa(v) == p.Label {
			style, n = "D", v
		} else if v := box.ParseRoman(p.Label); v > 0 {
			style, n = "R", v
		}
		if style != "" && style == prevStyle && n == prevN+1 {
			prevN = n
			continue
		}
		switch style {
		case "":
			fmt.Fprintf(&b, " %d << /P %s >>", i, text(clean(p.Label)))
		default:
			fmt.Fprintf(&b, " %d << /S /%s /St %d >>", i, style, n)
		}
		prevStyle, prevN = style, n
	}
	b.WriteString(" ] >>")
	return d.w.add(b.String()).String()
}

// xmlEscape escapes s for XML character data.
func xmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;").Replace(clean(s))
}

// metadata writes the XMP metadata stream.
func (d *docWriter) metadata() ref {
	in := d.info
	var b strings.Builder
	b.WriteString(`<?xpacket begin="` + "\uFEFF" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<dc:format>application/pdf</dc:format>
`)
	lang := in.Language
	if lang == "" {
		lang = "zh-CN"
	}
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", xmlEscape(lang))
	if in.Title != "" {
		fmt.Fprintf(&b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", xmlEscape(in.Title))
	}
	if in.Author != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", xmlEscape(in.Author))
	}
	if in.Subject != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", xmlEscape(in.Subject))
	}
	if len(in.Keywords) > 0 {
		b.WriteString("<dc:subject><rdf:Bag>")
		for _, k := range in.Keywords {
			fmt.Fprintf(&b, "<rdf:li>%s</rdf:li>", xmlEscape(k))
		}
		b.WriteString("</rdf:Bag></dc:subject>\n")
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", xmlEscape(strings.Join(in.Keywords, ", ")))
	}
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n<xmp:CreatorTool>press</xmp:CreatorTool>\n", Producer)
	if !in.CreationDate.IsZero() {
		t := in.CreationDate.Format(time.RFC3339)
		fmt.Fprintf(&b, "<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n", t, t)
	}
	b.WriteString("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>")
	return d.w.addStream("/Type /Metadata /Subtype /XML ", []byte(b.String()), false)
}

// outlineItem is a bookmark with where it points.
type outlineItem struct {
	title string
	level int
	dest  dest
}

// outline writes the outline tree of the bookmarks: the top level open,
// deeper levels closed.
func (d *docWriter) outline(items []outlineItem) ref {
	if len(items) == 0 {
		return 0
	}
	type node struct {
		item     outlineItem
		ref      ref
		children []*node
	}
	root := &node{}
	stack := []*node{root}
	for _, it := range items {
		lvl := it.level
		if lvl < 0 {
			lvl = 0
		}
		if lvl > len(stack)-1 {
			lvl = len(stack) - 1
		}
		stack = stack[:lvl+1]
		n := &node{item: it, ref: d.w.reserve()}
		parent := stack[len(stack)-1]
		parent.children = append(parent.children, n)
		stack = append(stack, n)
	}
	root.ref = d.w.reserve()
	var emit func(n *node, parent ref, depth int)
	emit = func(n *node, parent ref, depth int) {
		for i, c := range n.children {
			var b strings.Builder
			fmt.Fprintf(&b, "<< /Title %s /Parent %s /Dest %s", text(clean(c.item.title)), parent, d.destArray(c.item.dest))
			if i > 0 {
				fmt.Fprintf(&b, " /Prev %s", n.children[i-1].ref)
			}
			if i+1 < len(n.children) {
				fmt.Fprintf(&b, " /Next %s", n.children[i+1].ref)
			}
			if len(c.children) > 0 {
				count := -len(c.children)
				if depth == 0 {
					count = len(c.children)
				}
				fmt.Fprintf(&b, " /First %s /Last %s /Count %d", c.children[0].ref, c.children[len(c.children)-1].ref, count)
			}
			b.WriteString(" >>")
			d.w.object(c.ref, b.String())
			emit(c, c.ref, depth+1)
		}
	}
	emit(root, root.ref, 0)
	visible := len(root.children)
	for _, c := range root.children {
		visible += len(c.children)
	}
	d.w.object(root.ref, fmt.Sprintf("<< /Type /Outlines /First %s /Last %s /Count %d >>", root.children[0].ref, root.children[len(root.children)-1].ref, visible))
	return root.ref
}

// destArray writes a destination: the page, scrolled to height y.
func (d *docWriter) destArray(t dest) string {
	return fmt.Sprintf("[%s /XYZ 0 %s null]", d.pages[t.page], num(d.height[t.page]-t.y-d.off))
}

// content is a page's content stream with the graphics state it has set,
// so that each operator is written only when it changes, and the text
// object and marked content it has open.
type content struct {
	b                    []byte
	h                    float64 // height of the media box: PDF's y grows upward
	ox, oy               float64 // offset of the trimmed page in the media (the bleed)
	font                 *fontRes
	size, tc             float64
	fill, stroke         box.Color
	fillSet, strokeSet   bool
	mode                 int
	lineW                float64
	cmyk                 bool
	inText, marked       bool
	tag                  *box.Tag
	fontsUsed, imageUsed map[string]ref
}

// nums writes numbers separated by spaces, then op and a newline.
func (c *content) nums(op string, vs ...float64) {
	for _, v := range vs {
		c.b = appendNum(c.b, v)
		c.b = append(c.b, ' ')
	}
	c.b = append(c.b, op...)
	c.b = append(c.b, '\n')
}

// toCMYK converts an RGB colour: a grey (black included) to K alone, any
// other colour by the naive formula (K from the darkest component, the
// rest from what remains).
func toCMYK(r, g, b uint8) (c, m, y, k float64) {
	if r == g && g == b {
		return 0, 0, 0, 1 - float64(r)/255
	}
	rf, gf, bf := float64(r)/255, float64(g)/255, float64(b)/255
	k = 1 - math.Max(rf, math.Max(gf, bf))
	if k >= 1 {
		return 0, 0, 0, 1
	}
	return (1 - rf - k) / (1 - k), (1 - gf - k) / (1 - k), (1 - bf - k) / (1 - k), k
}

// colorOp writes col with the operator for fill (op "rg"/"k") or stroke
// ("RG"/"K").
func (c *content) colorOp(col box.Color, stroke bool) {
	if c.cmyk {
		cc, m, y, k := toCMYK(col.R, col.G, col.B)
		op := "k"
		if stroke {
			op = "K"
		}
		c.nums(op, cc, m, y, k)
		return
	}
	op := "rg"
	if stroke {
		op = "RG"
	}
	c.nums(op, float64(col.R)/255, float64(col.G)/255, float64(col.B)/255)
}

func (c *content) fillColor(col box.Color) {
	if !c.fillSet || c.fill != col {
		c.colorOp(col, false)
		c.fill, c.fillSet = col, true
	}
}

func (c *content) strokeColor(col box.Color) {
	if !c.strokeSet || c.stroke != col {
		c.colorOp(col, true)
		c.stroke, c.strokeSet = col, true
	}
}

func (c *content) lineWidth(w float64) {
	if w != c.lineW {
		c.nums("w", w)
		c.lineW = w
	}
}

// x and y convert a position on the laid-out page to PDF coordinates.
func (c *content) x(x float64) float64 { return x + c.ox }
func (c *content) y(y float64) float64 { return c.h - (y + c.oy) }

// page writes page i: its content stream, resources, links and page
// boxes; it returns the page's bookmarks.
func (d *docWriter) page(i int, p *box.Page, parent ref) ([]outlineItem, error) {
	b, o, sl := d.bleed, d.off, d.slug
	W, H := p.Width+2*o, p.Height+2*o
	c := &content{b: d.buf[:0], h: H, ox: o, oy: o, lineW: -1, cmyk: d.info.CMYK, fontsUsed: map[string]ref{}, imageUsed: map[string]ref{}}
	if sl > 0 {
		// Nothing is drawn beyond the bleed: the slug is the crop marks'.
		c.b = append(c.b, "q "...)
		c.nums("re W n", sl, sl, W-2*sl, H-2*sl)
	}
	var annots []string
	var outline []outlineItem
	for _, bx := range p.Boxes {
		switch bx := bx.(type) {
		case *box.Text:
			d.mark(c, i, bx.Tag)
			d.text(c, bx)
			if bx.Tag != nil && bx.Tag.Kind == "Link" && d.docElem != nil {
				d.linkText[bx.Tag] += bx.Text
			}
		case *box.Rect:
			d.mark(c, i, nil)
			c.endText()
			c.fillColor(bx.Color)
			c.nums("re f", c.x(bx.X), c.y(bx.Y+bx.H), bx.W, bx.H)
		case *box.Image:
			r, err := d.image(bx)
			if err != nil {
				return nil, err
			}
			d.mark(c, i, bx.Tag)
			c.endText()
			nm := "Im" + strconv.Itoa(int(r))
			c.imageUsed[nm] = r
			c.b = append(c.b, "q\n"...)
			if bx.Clip != nil {
				c.nums("re W n", c.x(bx.Clip.X), c.y(bx.Clip.Y+bx.Clip.H), bx.Clip.W, bx.Clip.H)
			}
			c.nums("cm /"+nm+" Do\nQ", bx.W, 0, 0, bx.H, c.x(bx.X), c.y(bx.Y+bx.H))
			// Q restores the colours and line width q saved: nothing to forget.
		case *box.Link:
			rect := fmt.Sprintf("[%s %s %s %s]", num(c.x(bx.X)), num(c.y(bx.Y+bx.H)), num(c.x(bx.X+bx.W)), num(c.y(bx.Y)))
			var action, contents string
			switch {
			case bx.URL != "":
				action, contents = "/A << /S /URI /URI "+uriString(bx.URL)+" >>", bx.URL
			default:
				t, ok := d.dests[bx.Dest]
				if !ok {
					continue
				}
				action = "/Dest " + d.destArray(t)
			}
			annot := "<< /Type /Annot /Subtype /Link /Rect " + rect + " /Border [0 0 0] " + action
			if d.docElem == nil {
				annots = append(annots, annot+" >>")
				continue
			}
			// Tagged: the annotation is an object of the Link element of
			// its text, which reaches it through an object reference.
			r := d.w.reserve()
			var e *elem
			if bx.Tag != nil {
				e = d.element(bx.Tag)
				if s := d.linkText[bx.Tag]; s != "" {
					contents = s
				}
			} else {
				e = &elem{ref: d.w.reserve(), kind: "Link", parent: d.docElem}
				d.docElem.kids = append(d.docElem.kids, kid{elem: e})
			}
			e.kids = append(e.kids, kid{page: i, objr: r})
			key := len(d.pages) + len(d.annots)
			d.annots = append(d.annots, e)
			annot += " /StructParent " + strconv.Itoa(key)
			if contents != "" {
				annot += " /Contents " + text(clean(contents))
			}
			d.w.object(r, annot+" >>")
			annots = append(annots, r.String())
		case *box.Bookmark:
			outline = append(outline, outlineItem{title: bx.Title, level: bx.Level, dest: dest{i, bx.Y}})
		}
	}
	c.closeMark()
	if sl > 0 {
		c.b = append(c.b, "Q\n"...)
		c.fillSet, c.strokeSet, c.lineW, c.font, c.tc, c.mode = false, false, -1, nil, 0, 0
		d.mark(c, i, nil)
		cropMarks(c, p.Width, p.Height, o, sl)
		c.closeMark()
	}
	contents := d.w.addStream("", c.b, true)
	d.buf = c.b
	var res strings.Builder
	res.WriteString("<< /ProcSet [/PDF /Text /ImageB /ImageC]")
	if len(c.fontsUsed) > 0 {
		res.WriteString(" /Font <<")
		for _, k := range slices.Sorted(maps.Keys(c.fontsUsed)) {
			fmt.Fprintf(&res, " /%s %s", k, c.fontsUsed[k])
		}
		res.WriteString(" >>")
	}
	if len(c.imageUsed) > 0 {
		res.WriteString(" /XObject <<")
		for _, k := range slices.Sorted(maps.Keys(c.imageUsed)) {
			fmt.Fprintf(&res, " /%s %s", k, c.imageUsed[k])
		}
		res.WriteString(" >>")
	}
	res.WriteString(" >>")
	var pg strings.Builder
	// Page boxes to 0.01 pt, as paper sizes are given.
	n2 := func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) }
	fmt.Fprintf(&pg, "<< /Type /Page /Parent %s /MediaBox [0 0 %s %s]", parent, n2(W), n2(H))
	if b > 0 {
		fmt.Fprintf(&pg, " /BleedBox [%s %s %s %s] /TrimBox [%s %s %s %s]", n2(sl), n2(sl), n2(W-sl), n2(H-sl), n2(o), n2(o), n2(o+p.Width), n2(o+p.Height))
	}
	fmt.Fprintf(&pg, " /Resources %s /Contents %s", res.String(), contents)
	if d.docElem != nil {
		fmt.Fprintf(&pg, " /StructParents %d /Tabs /S", i)
	}
	if len(annots) > 0 {
		fmt.Fprintf(&pg, " /Annots [%s]", strings.Join(annots, " "))
	}
	pg.WriteString(" >>")
	d.w.object(d.pages[i], pg.String())
	return outline, nil
}

// uriString writes a URL as a PDF string of ASCII, percent-encoding the
// rest, as URI actions require.
func uriString(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c < 0x21 || c > 0x7e {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	s := b.String()
	if _, err := url.Parse(s); err != nil {
		s = url.PathEscape(s)
	}
	return text(s)
}

// text draws a run of glyphs.
func (d *docWriter) text(c *content, t *box.Text) {
	if t.Face == nil || t.Text == "" {
		return
	}
	f := d.font(t.Face)
	c.fontsUsed[f.name] = f.ref
	mode := 0
	if t.SynthBold {
		mode = 2
		c.strokeColor(t.Color)
		c.lineWidth(t.Size * 0.035)
	}
	if t.Invisible {
		mode = 3
	}
	c.fillColor(t.Color)
	if !c.inText {
		c.b = append(c.b, "BT\n"...)
		c.inText = true
	}
	if c.font != f || c.size != t.Size {
		c.b = append(c.b, '/')
		c.b = append(c.b, f.name...)
		c.b = append(c.b, ' ')
		c.nums("Tf", t.Size)
		c.font, c.size = f, t.Size
	}
	if c.tc != t.CharSpacing {
		c.nums("Tc", t.CharSpacing)
		c.tc = t.CharSpacing
	}
	if mode != c.mode {
		c.b = strconv.AppendInt(c.b, int64(mode), 10)
		c.b = append(c.b, " Tr\n"...)
		c.mode = mode
	}
	skew := 0.0
	if t.SynthItalic {
		skew = math.Tan(slant * math.Pi / 180)
	}
	c.nums("Tm", 1, 0, skew, 1, c.x(t.X), c.y(t.Y))
	// The glyph ids, two bytes each, in a literal string.
	c.b = append(c.b, '(')
	for _, r := range t.Text {
		g, ok := t.Face.GID(r)
		if !ok {
			f.missing = true
		} else if f.glyphs[g] == 0 {
			f.glyphs[g] = r + 1
		}
		c.b = appendStringByte(appendStringByte(c.b, byte(g>>8)), byte(g))
	}
	c.b = append(c.b, ") Tj\n"...)
}

// appendStringByte writes byte v into a literal string, escaped where the
// string's syntax needs it (a line end would be read as a newline).
func appendStringByte(b []byte, v byte) []byte {
	switch v {
	case '(', ')', '\\':
		return append(b, '\\', v)
	case '\r':
		return append(b, '\\', 'r')
	case '\n':
		return append(b, '\\', 'n')
	}
	return append(b, v)
}

// cropMarks draws the crop marks of a w×h trim set off in from the media
// edges: at each corner, a hairline along each trim edge, from the media
// edge to markGap short of the bleed (slug from the edge), in
// registration black.
func cropMarks(c *content, w, h, off, slug float64) {
	l := slug - markGap*mm
	if l <= 0 {
		return
	}
	c.strokeColor(box.Black)
	c.lineWidth(0.25)
	x0, x1 := off, off+w
	y0, y1 := off, off+h
	W, H := w+2*off, h+2*off
	line := func(ax, ay, bx, by float64) {
		c.nums("m", ax, H-ay)
		c.nums("l S", bx, H-by)
	}
	for _, y := range []float64{y0, y1} {
		line(0, y, l, y)
		line(W-l, y, W, y)
	}
	for _, x := range []float64{x0, x1} {
		line(x, 0, x, l)
		line(x, H-l, x, H)
	}
}

// gids returns the glyphs drawn in f, in order.
func (f *fontRes) gids() []uint16 {
	var gids []uint16
	for g, r := range f.glyphs {
		if r != 0 {
			gids = append(gids, uint16(g))
		}
	}
	return gids
}

// program returns the subset of f's face to embed.
func (f *fontRes) program() ([]byte, error) {
	if !embedPrograms {
		return nil, nil
	}
	prog, err := f.face.Subset(f.gids())
	if err != nil {
		return nil, fmt.Errorf("pdf: embedding %s: %w", f.face.Path, err)
	}
	return prog, nil
}

// embed writes a face's font objects: a Type 0 font over a CID font with
// the subset program prog, its widths and a ToUnicode map for text
// extraction.
func (d *docWriter) embed(f *fontRes, prog []byte) {
	gids := f.gids()
	face := f.face
	base := subsetTag(face.PostScriptName, gids) + "+" + face.PostScriptName
	var file ref
	var sub, fileKey string
	if face.Outline == fonts.CFF {
		file = d.w.addStream("/Subtype /CIDFontType0C ", prog, true)
		sub, fileKey = "/CIDFontType0", "/FontFile3"
	} else {
		file = d.w.addStream(fmt.Sprintf("/Length1 %d ", len(prog)), prog, true)
		sub, fileKey = "/CIDFontType2 /CIDToGIDMap /Identity", "/FontFile2"
	}
	flags := 4 // symbolic: the glyphs are named by id, not by a standard encoding
	if face.Fixed {
		flags |= 1
	}
	if face.ItalicAngle != 0 {
		flags |= 64
	}
	stemV := 80
	if face.Bold {
		stemV = 140
	}
	desc := d.w.add(fmt.Sprintf("<< /Type /FontDescriptor /FontName %s /Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d %s %s >>",
		name(base), flags, face.BBox[0], face.BBox[1], face.BBox[2], face.BBox[3], num(face.ItalicAngle), face.Ascent, face.Descent, face.CapHeight, stemV, fileKey, file))
	// Widths: runs of consecutive glyph ids.
	var wb strings.Builder
	for i := 0; i < len(gids); {
		j := i
		for j+1 < len(gids) && gids[j+1] == gids[j]+1 {
			j++
		}
		fmt.Fprintf(&wb, "%d [", gids[i])
		for k := i; k <= j; k++ {
			if k > i {
				wb.WriteByte(' ')
			}
			wb.WriteString(strconv.Itoa(face.GlyphAdvance(gids[k])))
		}
		wb.WriteString("] ")
		i = j + 1
	}
	cid := d.w.add(fmt.Sprintf("<< /Type /Font /Subtype %s /BaseFont %s /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %s /DW %d /W [%s] >>",
		sub, name(base), desc, face.GlyphAdvance(0), wb.String()))
	tu := d.w.addStream("", toUnicode(gids, f.glyphs), true)
	d.w.object(f.ref, fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont %s /Encoding /Identity-H /DescendantFonts [%s] /ToUnicode %s >>", name(base), cid, tu))
}

// embedPrograms is cleared by the fuzz test, which checks everything but
// the font programs (tested on their own) thousands of times a second.
var embedPrograms = true

// subsetTag is the six capital letters before a subset font's name, made
// from the glyphs it holds: the same subset gets the same tag.
func subsetTag(ps string, gids []uint16) string {
	h := fnv.New64a()
	h.Write([]byte(ps))
	for _, g := range gids {
		h.Write([]byte{byte(g >> 8), byte(g)})
	}
	v := h.Sum64()
	var b [6]byte
	for i := range b {
		b[i] = byte('A' + v%26)
		v /= 26
	}
	return string(b[:])
}

// toUnicode writes the CMap from glyph ids to the characters they show.
func toUnicode(gids []uint16, glyphs []rune) []byte {
	var b bytes.Buffer
	b.WriteString(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000> <FFFF>
endcodespacerange
`)
	for i := 0; i < len(gids); i += 100 {
		j := min(i+100, len(gids))
		fmt.Fprintf(&b, "%d beginbfchar\n", j-i)
		for _, g := range gids[i:j] {
			r := glyphs[g] - 1
			if !utf8.ValidRune(r) {
				r = '\uFFFD'
			}
			var u []byte
			for _, c := range utf16Of(r) {
				u = append(u, fmt.Sprintf("%04X", c)...)
			}
			fmt.Fprintf(&b, "<%04X> <%s>\n", g, u)
		}
		b.WriteString("endbfchar\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

func utf16Of(r rune) []uint16 {
	if r < 0x10000 {
		return []uint16{uint16(r)}
	}
	r -= 0x10000
	return []uint16{uint16(0xD800 + r>>10), uint16(0xDC00 + r&0x3FF)}
}
