package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/line"
	"github.com/zzia/press/internal/typeset/picture"
	"github.com/zzia/press/internal/typeset/tree"
)

var headingColor = box.Color{R: 0x10, G: 0x10, B: 0x10}

// kickerColor is the colour of the line above a part's title.
var kickerColor = box.Color{R: 0x0b, G: 0x4a, B: 0x8b}

// kicker sets the short line above a part's title (a journal's column):
// small Hei in the accent colour, centred, with a short rule below.
func (l *layouter) kicker(text string) {
	size := l.opts.BodySize * 0.95
	c := &ctx{width: l.width, size: size, family: fonts.SansFamily, color: kickerColor, leading: 1.6}
	items := l.lineItems(tree.Inline{{Text: text}}, c, fonts.Style{Family: fonts.SansFamily})
	lines := line.Break(items, l.set, line.Params{Width: l.width, Align: line.Center})
	l.pending = 0
	its := l.addLines(lines, c, c.lead(&l.opts), true)
	tagItems(its, "P", "")
	if n := len(its); n > 0 {
		last := its[n-1]
		w := 2 * l.opts.BodySize
		last.boxes = append(last.boxes, &box.Rect{X: (l.width - w) / 2, Y: last.h - 1, W: w, H: 0.8, Color: kickerColor})
	}
	l.space(l.lead() * 0.6)
}

// byline sets the line below a part's title (the author): Kai, centred.
func (l *layouter) byline(text string) {
	size := l.opts.BodySize * 1.05
	c := &ctx{width: l.width, size: size, family: fonts.SerifFamily, color: box.Color{R: 0x33, G: 0x33, B: 0x33}, leading: 1.6}
	items := l.lineItems(tree.Inline{{Text: text}}, c, fonts.Style{Family: fonts.SerifFamily, Italic: true})
	lines := line.Break(items, l.set, line.Params{Width: l.width * 0.85, Align: line.Center})
	c.x = l.width * 0.075
	l.pending = l.lead() * 0.2
	its := l.addLines(lines, c, c.lead(&l.opts), true)
	tagItems(its, "P", "")
	if n := len(its); n > 0 {
		its[n-1].keep = true
	}
	l.space(l.lead() * 1.5)
}

// title sets a part's title: large Hei, centred, after its label.
func (l *layouter) title(in tree.Inline, id, label string) {
	size := l.opts.BodySize * 2
	c := &ctx{width: l.width, size: size, family: fonts.SansFamily, color: headingColor, leading: 1.5}
	shown := in
	if label != "" {
		shown = append(tree.Inline{{Text: label + "\u3000"}}, in...)
	}
	items := l.lineItems(shown, c, fonts.Style{Family: fonts.SansFamily})
	lines := balanced(items, l.set, l.width, size, c)
	if len(l.items) == 0 || l.items[len(l.items)-1].part != l.part-1 {
		l.pending = 0
	}
	its := l.addLines(lines, c, c.lead(&l.opts), true)
	if len(its) == 0 {
		return
	}
	tagItems(its, "H1", "")
	if id == "" {
		id = "title"
	}
	name := l.anchor(id)
	text := strings.TrimSpace(in.PlainText())
	mark := text
	if label != "" {
		mark = label + "\u3000" + text
	}
	its[0].boxes = append(its[0].boxes, &box.Anchor{Name: name}, &box.Bookmark{Title: mark, Level: 0})
	l.entries = append(l.entries, Entry{Level: 0, Number: label, Text: text, Anchor: name, Index: -1, Part: l.part - 1})
	its[0].entry = len(l.entries)
	its[len(its)-1].keep = true
	l.space(l.lead() * 1.5)
}

// heading sets a numbered heading in Hei, kept with what follows.
func (l *layouter) heading(h *tree.Heading) {
	depth := h.Level - l.base + 1
	if depth < 1 {
		depth = 1
	}
	number := l.number(depth)
	scale := [...]float64{1, 1.5, 1.3, 1.15, 1.05, 1, 1}[min(depth, 6)]
	size := l.opts.BodySize * scale
	before := [...]float64{0, 1.6, 1.1, 0.8, 0.6, 0.5, 0.5}[min(depth, 6)]
	l.space(l.lead() * before)
	c := &ctx{width: l.width, size: size, family: fonts.SansFamily, color: headingColor, leading: 1.5}
	in := h.Text
	if number != "" {
		in = append(tree.Inline{{Text: number}}, in...)
	}
	items := l.lineItems(in, c, fonts.Style{Family: fonts.SansFamily, Bold: depth >= 4})
	lines := line.Break(items, l.set, line.Params{Width: l.width, Balance: true})
	its := l.addLines(lines, c, c.lead(&l.opts), true)
	if len(its) == 0 {
		return
	}
	tagItems(its, fmt.Sprintf("H%d", min(depth+1, 6)), "")
	id := h.ID
	if id == "" {
		id = fmt.Sprintf("h%d", len(l.entries)+1)
	}
	name := l.anchor(id)
	text := strings.TrimSpace(h.Text.PlainText())
	title := text
	if number != "" {
		title = strings.TrimSpace(number) + " " + text
		if l.opts.Numbering == NumberChinese {
			title = number + text
		}
	}
	its[0].boxes = append(its[0].boxes, &box.Anchor{Name: name}, &box.Bookmark{Title: title, Level: depth})
	l.entries = append(l.entries, Entry{Level: depth, Number: number, Text: text, Anchor: name, Index: -1, Part: l.part - 1})
	its[0].entry = len(l.entries)
	l.space(l.lead() * 0.45)
}

var cnDigits = []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// chineseNumber writes n (1–999) in Chinese numerals: 一, 十二, 二十, 一百零五.
func chineseNumber(n int) string {
	if n <= 0 || n >= 1000 {
		return strconv.Itoa(n)
	}
	var b strings.Builder
	h, t, u := n/100, n/10%10, n%10
	if h > 0 {
		b.WriteString(cnDigits[h] + "百")
		if t == 0 && u != 0 {
			b.WriteString("零")
		}
	}
	if t > 0 {
		if t > 1 || h > 0 {
			b.WriteString(cnDigits[t])
		}
		b.WriteString("十")
	}
	if u > 0 {
		b.WriteString(cnDigits[u])
	}
	return b.String()
}

// number returns the number of the next heading at depth, with the
// punctuation or space that separates it from the heading text.
func (l *layouter) number(depth int) string {
	if l.opts.Numbering == NumberNone || depth < 1 || depth > 6 {
		return ""
	}
	l.counter[depth]++
	for d := depth + 1; d < len(l.counter); d++ {
		l.counter[d] = 0
	}
	n := l.counter[depth]
	if l.opts.Numbering == NumberChinese {
		switch depth {
		case 1:
			return chineseNumber(n) + "、"
		case 2:
			return "（" + chineseNumber(n) + "）"
		case 3:
			return strconv.Itoa(n) + ". "
		case 4:
			return "（" + strconv.Itoa(n) + "）"
		default:
			return strconv.Itoa(n) + ") "
		}
	}
	var parts []string
	if l.part > 0 && l.part <= len(l.parts) && l.parts[l.part-1].Number != "" {
		parts = append(parts, l.parts[l.part-1].Number)
	}
	for d := 1; d <= depth; d++ {
		parts = append(parts, strconv.Itoa(l.counter[d]))
	}
	return strings.Join(parts, ".") + "\u3000"
}

var bullets = []string{"•", "◦", "▪"}

// list sets a list: each item's flow indented by 2 em, its marker hung in
// the indent on the item's first line.
func (l *layouter) list(b *tree.List, c *ctx) {
	l.listDepth++
	defer func() { l.listDepth-- }()
	ind := 2 * c.size
	for i, itFlow := range b.Items {
		mark := bullets[(l.listDepth-1)%len(bullets)]
		if b.Ordered {
			mark = strconv.Itoa(b.Start+i) + "."
		}
		if b.Checks != nil && i < len(b.Checks) && b.Checks[i] != 0 {
			mark = "☐"
			if b.Checks[i] == 2 {
				mark = "☑"
			}
		}
		mi := []line.Item{{Text: mark, Style: fonts.Style{Family: fonts.SerifFamily}, Size: c.size, Color: c.color}}
		ml := line.Break(mi, l.set, line.Params{Width: 10 * c.size})
		ic := *c
		ic.x += ind
		ic.width -= ind
		ic.indent = false
		if len(ml) > 0 {
			x := c.x + ind - 0.4*c.size - ml[0].Width
			ic.marker = lineBoxes(&ml[0], x, 0)
		}
		if !b.Tight && i > 0 {
			l.space(l.lead() * 0.3)
		}
		start := len(l.items)
		l.flow(itFlow, &ic)
		if ic.marker != nil {
			l.addLines([]line.Line{{Last: true}}, &ic, ic.lead(&l.opts), false)
		}
		tagItems(l.items[start:], "LI", "")
	}
}

var codeBackground = box.Color{R: 0xf2, G: 0xf2, B: 0xf2}

// continuation ends a code line that was too long for the measure and
// goes on on the next line.
const continuation = "↩"

var codeMarkColor = box.Color{R: 0x88, G: 0x88, B: 0x88}

// code sets a code block in the monospace faces on a grey ground, wrapped
// at the measure.
func (l *layouter) code(b *tree.Code, c *ctx) {
	size := c.size * 0.85
	pad := size * 0.6
	cc := *c
	cc.size = size
	cc.x += pad
	cc.width -= 2 * pad
	cc.leading = 1.45
	cc.marker = nil
	items := []line.Item{{Text: b.Text, Style: fonts.Style{Family: fonts.MonoFamily}, Size: size, Color: c.color}}
	// A line too long for the measure wraps, and the wrapped line ends in
	// a continuation mark set in a column of its own at the right.
	mark := l.lineItems(tree.Inline{{Text: continuation}}, &ctx{size: size, family: fonts.MonoFamily, color: codeMarkColor}, fonts.Style{Family: fonts.MonoFamily})
	markLines := line.Break(mark, l.set, line.Params{Width: cc.width})
	markW := 0.0
	if len(markLines) > 0 {
		markW = markLines[0].Width + size*0.3
	}
	lines := line.Break(items, l.set, line.Params{Width: cc.width - markW, Code: true})
	for i := range lines {
		if !lines[i].Last && len(markLines) > 0 {
			ml := markLines[0]
			for k := range ml.Runs {
				r := ml.Runs[k]
				r.X += cc.width - markLines[0].Width
				lines[i].Runs = append(lines[i].Runs, r)
			}
		}
	}
	if len(lines) == 0 {
		lines = []line.Line{{Last: true}}
	}
	if c.marker != nil {
		cc.marker = c.marker
		c.marker = nil
	}
	its := l.addLines(lines, &cc, cc.lead(&l.opts), false)
	for i, it := range its {
		top, bottom := 0.0, 0.0
		if i == 0 {
			top = pad / 2
		}
		if i == len(its)-1 {
			bottom = pad / 2
		}
		// Move the line down by the top padding and grow the item.
		if top > 0 {
			for k, bx := range it.boxes {
				it.boxes[k] = shift(bx, 0, top)
			}
		}
		it.h += top + bottom
		bg := &box.Rect{X: c.x, Y: 0, W: c.width, H: it.h, Color: codeBackground}
		it.boxes = append([]box.Box{bg}, it.boxes...)
	}
}

// figure sets an image scaled to the column, centred, with its caption.
func (l *layouter) figure(f *tree.Figure, c *ctx) {
	fallback := func() {
		alt := f.Alt
		if alt == "" {
			alt = f.Path
		}
		cc := *c
		cc.color = box.Color{R: 0x55, G: 0x55, B: 0x55}
		// The figure keeps its number, so the others keep theirs.
		num := ""
		if n := l.caption("图", &l.figNum, nil); len(n) > 0 {
			num = n[0].Text + "　"
		}
		items := l.lineItems(tree.Inline{{Text: num + "〔图：" + alt + "〕"}}, &cc, fonts.Style{Family: fonts.SerifFamily})
		lines := line.Break(items, l.set, line.Params{Width: c.width, Align: line.Center})
		tagItems(l.addLines(lines, &cc, cc.lead(&l.opts), false), "P", "")
	}
	if f.File == "" {
		fallback()
		return
	}
	pic, err := picture.Load(f.File)
	if err != nil {
		l.warnings = append(l.warnings, diag.Diagnostic{File: l.file, Line: f.Source, Severity: diag.Warning,
			Message: l.opts.Lang.T("typeset.image", f.Path, err), Hint: l.opts.Lang.T("typeset.image.alt")})
		fallback()
		return
	}
	// 96 pixels to the inch, scaled down to the column and 60% of the page.
	w, h := float64(pic.Width)*0.75, float64(pic.Height)*0.75
	scale := math.Min(1, math.Min(c.width/w, l.height*0.6/h))
	w, h = w*scale, h*scale
	alt := f.Alt
	if alt == "" {
		alt = f.Caption.PlainText()
	}
	img := &box.Image{X: c.x + (c.width-w)/2, Y: 0, W: w, H: h, Name: f.File, Type: pic.Type, Data: pic.Data, Decoded: pic.Decoded,
		Tag: &box.Tag{Kind: "Figure", Alt: alt}}
	it := &item{h: h, boxes: []box.Box{img}, bars: c.bars}
	if c.marker != nil {
		l.addLines([]line.Line{{Last: true}}, c, c.lead(&l.opts), false)
	}
	first := len(l.items)
	if f.Label != "" {
		if r, ok := l.refs[f.Label]; ok {
			it.boxes = append(it.boxes, &box.Anchor{Name: r.anchor})
		}
	}
	l.add(it)
	defer func() {
		// The figure and its caption float: when they do not fit where
		// they are, they go to the top of the next page and the text goes
		// on in their place.
		l.floats++
		for _, x := range l.items[first:] {
			x.float = l.floats
		}
	}()
	caption := l.caption("图", &l.figNum, f.Caption)
	it.keep = len(caption) > 0
	if len(caption) > 0 {
		l.space(c.size * 0.4)
		cc := *c
		cc.size = c.size * 0.9
		cc.family = fonts.SansFamily
		items := l.lineItems(caption, &cc, fonts.Style{Family: fonts.SansFamily})
		lines := line.Break(items, l.set, line.Params{Width: c.width * 0.85, Align: line.Center})
		cc.x += c.width * 0.075
		tagItems(l.addLines(lines, &cc, cc.lead(&l.opts), false), "Caption", "")
	}
}

// caption returns the caption of the next figure or table: with
// Options.NumberCaptions, kind ("图" or "表") and its number in the part
// (prefixed by the part's Number, 图3-1) before the text, which may then be
// empty; otherwise the text as it is.
func (l *layouter) caption(kind string, counter *int, text tree.Inline) tree.Inline {
	if !l.opts.NumberCaptions {
		return text
	}
	*counter++
	num := strconv.Itoa(*counter)
	if l.part > 0 && l.part <= len(l.parts) && l.parts[l.part-1].Number != "" {
		num = l.parts[l.part-1].Number + "-" + num
	}
	label := kind + num
	if len(text) > 0 {
		label += "\u3000"
	}
	return append(tree.Inline{{Text: label}}, text...)
}

// balanced breaks a centred title into lines of even length, broken
// between words (see line.Params.Balance), and sets c.x to centre the
// lines' common measure.
func balanced(items []line.Item, set *fonts.Set, width, em float64, c *ctx) []line.Line {
	lines := line.Break(items, set, line.Params{Width: width, Align: line.Center, Balance: true})
	if len(lines) < 2 {
		return lines
	}
	// Centred lines: each is centred on its own, in the full measure.
	return lines
}
