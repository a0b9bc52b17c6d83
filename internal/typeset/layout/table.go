package layout

import (
	"math"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/line"
	"github.com/zzia/press/internal/typeset/tree"
)

// table sets a three-line table (三线表): a heavy rule above the header
// row, a light one below it and a heavy one under the last row. Column
// widths come from the content; cells wrap; a table that breaks across
// pages repeats its header row.
func (l *layouter) table(t *tree.Table, c *ctx) {
	ncol := len(t.Header)
	for _, r := range t.Rows {
		ncol = max(ncol, len(r))
	}
	if ncol == 0 {
		return
	}
	if c.marker != nil {
		l.addLines([]line.Line{{Last: true}}, c, c.lead(&l.opts), false)
	}
	l.tables++
	id := l.tables
	if caption := l.caption("表", &l.tabNum, t.Caption); len(caption) > 0 {
		// The title above the table, centred, kept with the header row.
		cc := *c
		cc.size = c.size * 0.9
		cc.family = fonts.SansFamily
		cc.marker = nil
		items := l.lineItems(caption, &cc, fonts.Style{Family: fonts.SansFamily})
		lines := line.Break(items, l.set, line.Params{Width: c.width * 0.85, Align: line.Center})
		cc.x += c.width * 0.075
		l.addLines(lines, &cc, cc.lead(&l.opts), true)
		l.space(c.size * 0.3)
	}
	size := c.size * 0.9
	cc := *c
	cc.size = size
	cc.leading = 1.5
	pad := size * 0.5
	vpad := size * 0.3
	headStyle := fonts.Style{Family: fonts.SansFamily}
	bodyStyle := fonts.Style{Family: fonts.SerifFamily}

	cellItems := func(in tree.Inline, st fonts.Style) []line.Item { return l.lineItems(in, &cc, st) }
	rows := make([][][]line.Item, 0, len(t.Rows)+1)
	rows = append(rows, make([][]line.Item, ncol))
	for i := 0; i < ncol; i++ {
		if i < len(t.Header) {
			rows[0][i] = cellItems(t.Header[i], headStyle)
		}
	}
	for _, r := range t.Rows {
		row := make([][]line.Item, ncol)
		for i := 0; i < ncol && i < len(r); i++ {
			row[i] = cellItems(r[i], bodyStyle)
		}
		rows = append(rows, row)
	}
	// Column widths: as wide as the content on one line when everything
	// fits; otherwise each column's narrowest width plus a share of the rest
	// in proportion to how much more it would like.
	minW, maxW := make([]float64, ncol), make([]float64, ncol)
	for _, row := range rows {
		for i, it := range row {
			lo, hi := line.Measure(it, l.set, line.Params{})
			minW[i] = math.Max(minW[i], lo)
			maxW[i] = math.Max(maxW[i], hi)
		}
	}
	avail := c.width - 2*pad*float64(ncol)
	widths := make([]float64, ncol)
	sumMin, sumMax := 0.0, 0.0
	for i := range widths {
		minW[i] = math.Max(minW[i], size)
		maxW[i] = math.Max(maxW[i], minW[i])
		sumMin += minW[i]
		sumMax += maxW[i]
	}
	switch {
	case sumMax <= avail:
		for i := range widths {
			widths[i] = maxW[i] + (avail-sumMax)*maxW[i]/sumMax
		}
	case sumMin >= avail:
		for i := range widths {
			widths[i] = minW[i] * avail / sumMin
		}
	default:
		for i := range widths {
			widths[i] = minW[i] + (avail-sumMin)*(maxW[i]-minW[i])/(sumMax-sumMin)
		}
	}
	lead := cc.lead(&l.opts)
	heavy, light := 1.0, 0.5
	var head []*item
	for ri, row := range rows {
		it := &item{bars: c.bars, tableID: id}
		top := 0.0
		if ri == 0 {
			top = heavy
		}
		x := c.x
		height := 0.0
		var cells [][]line.Line
		for ci := 0; ci < ncol; ci++ {
			p := line.Params{Width: widths[ci]}
			a := tree.AlignNone
			if ci < len(t.Align) {
				a = t.Align[ci]
			}
			switch a {
			case tree.AlignCenter:
				p.Align = line.Center
			case tree.AlignRight:
				p.Align = line.Right
			default:
				if ri == 0 {
					p.Align = line.Center
				}
			}
			lines := line.Break(row[ci], l.set, p)
			cells = append(cells, lines)
			height = math.Max(height, float64(len(lines))*lead)
		}
		height = math.Max(height, lead)
		for ci, lines := range cells {
			for k := range lines {
				base := top + vpad + float64(k)*lead + (lead-size)/2 + size*0.88
				it.boxes = append(it.boxes, lineBoxes(&lines[k], x+pad, base)...)
				for _, tag := range lines[k].Tags {
					it.notes = append(it.notes, l.noteList[tag-1])
				}
			}
			x += widths[ci] + 2*pad
		}
		it.h = top + 2*vpad + height
		if ri == 0 {
			it.boxes = append(it.boxes, &box.Rect{X: c.x, Y: 0, W: c.width, H: heavy})
			it.boxes = append(it.boxes, &box.Rect{X: c.x, Y: it.h, W: c.width, H: light})
			it.h += light
			it.keep = true
			head = []*item{it}
		} else {
			it.head = head
		}
		if ri == len(rows)-1 {
			it.boxes = append(it.boxes, &box.Rect{X: c.x, Y: it.h, W: c.width, H: heavy})
			it.h += heavy
		}
		l.add(it)
	}
}
