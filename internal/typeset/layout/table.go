package layout

import (
	"math"
	"sort"

	"github.com/zzia/press/internal/diag"
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
	l.setTable(t, c)
}

// columnWidths shares avail among the columns of rows: each gets its
// narrowest width (its widest unbreakable piece), then, water-filling, the
// columns that want least more get all they want first, so short entries
// are never wrapped to make room for long ones. fits is false when the
// narrowest widths alone are wider than avail.
func columnWidths(rows [][][]line.Item, ncol int, set *fonts.Set, avail, size float64) ([]float64, bool) {
	minW, maxW := make([]float64, ncol), make([]float64, ncol)
	for _, row := range rows {
		for i, it := range row {
			lo, hi := line.Measure(it, set, line.Params{})
			minW[i] = math.Max(minW[i], lo)
			maxW[i] = math.Max(maxW[i], hi)
		}
	}
	widths := make([]float64, ncol)
	sumMin, sumMax := 0.0, 0.0
	for i := range widths {
		minW[i] = math.Max(minW[i], size)
		maxW[i] = math.Max(maxW[i], minW[i])
		sumMin += minW[i]
		sumMax += maxW[i]
		widths[i] = minW[i]
	}
	if sumMin > avail+eps {
		for i := range widths {
			widths[i] = minW[i] * avail / sumMin
		}
		return widths, false
	}
	if sumMax <= avail {
		for i := range widths {
			widths[i] = maxW[i] + (avail-sumMax)*maxW[i]/sumMax
		}
		return widths, true
	}
	order := make([]int, ncol)
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return maxW[order[a]]-minW[order[a]] < maxW[order[b]]-minW[order[b]] })
	rest := avail - sumMin
	for k, i := range order {
		share := rest / float64(ncol-k)
		give := math.Min(maxW[i]-minW[i], share)
		widths[i] += give
		rest -= give
	}
	return widths, true
}

// setTable sets t as table describes.
func (l *layouter) setTable(t *tree.Table, c *ctx) {
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
	anchorAt := len(l.items)
	if t.Label != "" {
		defer func() {
			if r, ok := l.refs[t.Label]; ok && anchorAt < len(l.items) {
				l.items[anchorAt].boxes = append(l.items[anchorAt].boxes, &box.Anchor{Name: r.anchor})
			}
		}()
	}
	if caption := l.caption("表", &l.tabNum, t.Caption); len(caption) > 0 {
		// The title above the table, centred, kept with the header row.
		cc := *c
		cc.size = c.size * 0.9
		cc.family = fonts.SansFamily
		cc.marker = nil
		items := l.lineItems(caption, &cc, fonts.Style{Family: fonts.SansFamily})
		lines := line.Break(items, l.set, line.Params{Width: c.width * 0.85, Align: line.Center})
		cc.x += c.width * 0.075
		tagItems(l.addLines(lines, &cc, cc.lead(&l.opts), true), "Caption", "")
		l.space(c.size * 0.3)
	}
	// Column widths from each column's narrowest and preferred widths; a
	// table too wide for the measure is set in smaller type (down to 70 %
	// of the table size), then reported.
	var (
		size, pad, vpad float64
		cc              ctx
		rows            [][][]line.Item
		widths          []float64
	)
	headStyle := fonts.Style{Family: fonts.SansFamily}
	bodyStyle := fonts.Style{Family: fonts.SerifFamily}
	for _, scale := range []float64{1, 0.9, 0.8, 0.7} {
		size = c.size * 0.9 * scale
		cc = *c
		cc.size = size
		cc.leading = 1.5
		pad = size * 0.5
		vpad = size * 0.3
		cellItems := func(in tree.Inline, st fonts.Style) []line.Item { return l.lineItems(in, &cc, st) }
		rows = make([][][]line.Item, 0, len(t.Rows)+1)
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
		var fits bool
		widths, fits = columnWidths(rows, ncol, l.set, c.width-2*pad*float64(ncol), size)
		if fits {
			break
		}
		if scale == 0.7 {
			l.warnings = append(l.warnings, diag.Diagnostic{File: l.file, Line: t.Source, Severity: diag.Warning,
				Message: l.opts.Lang.T("typeset.widetable", ncol), Hint: l.opts.Lang.T("typeset.widetable.hint")})
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
		rowTag := &box.Tag{Kind: "TR"}
		for ci, lines := range cells {
			cellTag := &box.Tag{Kind: "TD", Parent: rowTag}
			if ri == 0 {
				cellTag.Kind = "TH"
			}
			for k := range lines {
				base := top + vpad + float64(k)*lead + (lead-size)/2 + size*0.88
				bs := lineBoxes(&lines[k], x+pad, base)
				for _, b := range bs {
					if t, ok := b.(*box.Text); ok {
						switch {
						case t.Tag == nil:
							t.Tag = cellTag
						case !within(t.Tag, cellTag):
							t.Tag.Root().Parent = cellTag // a link in the cell
						}
					}
				}
				it.boxes = append(it.boxes, bs...)
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

// within reports whether tag t is e or inside it.
func within(t, e *box.Tag) bool {
	for ; t != nil; t = t.Parent {
		if t == e {
			return true
		}
	}
	return false
}
