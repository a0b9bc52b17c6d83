package layout

import (
	"strconv"
	"strings"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/line"
	"github.com/zzia/press/internal/typeset/tree"
)

const eps = 1e-6

var ruleGrey = box.Color{R: 0x80, G: 0x80, B: 0x80}

// noteItems returns the laid-out lines of a footnote, setting them the
// first time: smaller text, the mark in front.
func (l *layouter) noteItems(fn *tree.Footnote) []*item {
	if its, ok := l.notes[fn]; ok {
		return its
	}
	saved, savedPending := l.items, l.pending
	l.items, l.pending = nil, 0
	body := fn.Body
	mark := tree.Span{Text: fn.Mark, Footnote: fn}
	if len(body) > 0 {
		if p, ok := body[0].(*tree.Paragraph); ok {
			q := *p
			q.Text = append(tree.Inline{mark, {Text: " "}}, p.Text...)
			body = append(tree.Flow{&q}, body[1:]...)
		} else {
			body = append(tree.Flow{&tree.Paragraph{Text: tree.Inline{mark}}}, body...)
		}
	} else {
		body = tree.Flow{&tree.Paragraph{Text: tree.Inline{mark}}}
	}
	l.flow(body, &ctx{width: l.width, size: l.opts.BodySize * 0.82, family: fonts.SerifFamily, notes: true, leading: 1.5})
	its := l.items
	l.items, l.pending = saved, savedPending
	for _, it := range its {
		it.keep = false
	}
	if len(its) > 0 {
		its[0].before = 0
	}
	l.notes[fn] = its
	return its
}

func itemsHeight(its []*item) float64 {
	h := 0.0
	for i, it := range its {
		if i > 0 {
			h += it.before
		}
		h += it.h
	}
	return h
}

// noteSep is the space the footnote rule takes above the first footnote.
func (l *layouter) noteSep() float64 { return l.lead() }

// paginate breaks the galley into pages. A figure (an item group with a
// float number) that does not fit on the page waits for the top of the next
// one while the text after it fills the page; figures keep their order.
func (l *layouter) paginate(items []*item) ([]box.Page, error) {
	placed := make(map[*tree.Footnote]bool)
	var pages []box.Page
	var pending [][]*item // figures waiting for the next page
	// group returns the float group starting at j and its end.
	group := func(j int) ([]*item, int) {
		e := j + 1
		for e < len(items) && items[e].float == items[j].float {
			e++
		}
		return items[j:e], e
	}
	for i := 0; i < len(items) || len(pending) > 0; {
		var head []*item
		if i < len(items) && items[i].head != nil && len(pending) == 0 {
			head = items[i].head
		}
		y := itemsHeight(head)
		noteH := 0.0
		local := make(map[*tree.Footnote]bool)
		var page []*item // what the page holds, in order
		// Waiting figures first, at the top.
		for len(pending) > 0 {
			g := pending[0]
			h := itemsHeight(g)
			if len(page) > 0 {
				h += g[0].before
			}
			if len(page) > 0 && y+h > l.height+eps {
				break
			}
			page = append(page, g...)
			y += h
			pending = pending[1:]
		}
		topFloats := len(page)
		if topFloats > 0 {
			y += l.floatGap()
		}
		start := i
		last := i - 1
		lastFlow := -1 // index into page of the last flow item
		for j := i; j < len(items); j++ {
			it := items[j]
			if it.newPage && (j > start || len(page) > 0) {
				break
			}
			if it.float != 0 {
				g, e := group(j)
				h := itemsHeight(g)
				if len(page) > 0 {
					h += g[0].before
				}
				if len(pending) == 0 && (len(page) == 0 || y+h+noteH <= l.height+eps) {
					page = append(page, g...)
					y += h
					lastFlow = len(page) - 1
				} else {
					pending = append(pending, g)
				}
				last = e - 1
				j = e - 1
				continue
			}
			need := it.h
			if len(page) > 0 {
				need += it.before
			}
			nh := 0.0
			for _, fn := range it.notes {
				if placed[fn] || local[fn] {
					continue
				}
				if noteH+nh == 0 {
					nh += l.noteSep()
				} else {
					nh += l.lead() * 0.2
				}
				nh += itemsHeight(l.noteItems(fn))
			}
			if len(page) > topFloats && y+need+noteH+nh > l.height+eps {
				break
			}
			if len(page) == topFloats && len(page) > 0 && y+need+noteH+nh > l.height+eps {
				break // the figures fill the page
			}
			y += need
			noteH += nh
			for _, fn := range it.notes {
				local[fn] = true
			}
			page = append(page, it)
			lastFlow = len(page) - 1
			last = j
		}
		// Keep with next: never end a page on an item that must stay with
		// the one after it (a heading, a paragraph's first line, the line
		// before a paragraph's last), unless the whole page is one chain.
		if last+1 < len(items) && !items[last+1].newPage && lastFlow >= 0 && page[lastFlow].float == 0 {
			k := lastFlow
			for k > topFloats && page[k].keep && page[k].float == 0 {
				k--
			}
			if k < lastFlow && k >= topFloats && (!page[k].keep || page[k].float != 0) {
				// Give back the chain after page[k] (and any figure set
				// inline after it, which floats on instead).
				back := page[k+1:]
				page = page[:k+1]
				for idx, x := range items {
					if len(back) > 0 && x == back[0] {
						last = idx - 1
						break
					}
				}
				// Figures deferred meanwhile stay deferred; those given
				// back are set again from the flow.
				var keepPending [][]*item
				for _, g := range pending {
					if !contains(items[last+1:], g[0]) {
						keepPending = append(keepPending, g)
					}
				}
				pending = keepPending
			}
		}
		if start < len(items) && items[start].newPage && last >= start {
			l.partStarts[len(pages)] = true
		}
		part := 0
		switch {
		case last >= start:
			part = items[start].part
		case len(page) > 0:
			part = page[0].part
		}
		l.pageParts = append(l.pageParts, part)
		pages = append(pages, l.compose(page, head, topFloats, placed, len(pages)))
		if last >= i {
			i = last + 1
		}
		if i < len(items) && last >= 0 && items[i].tableID != 0 && items[i].tableID == items[last].tableID {
			// The table goes on: close it on this page with a rule.
			p := &pages[len(pages)-1]
			p.Boxes = append(p.Boxes, &box.Rect{X: l.left, Y: l.pageBottom(page, head), W: l.width, H: 1})
		}
		if len(page) == 0 && i >= len(items) {
			break
		}
	}
	return pages, nil
}

// floatGap is the space between a figure at the top of a page and the
// text under it.
func (l *layouter) floatGap() float64 { return l.lead() * 0.8 }

func contains(its []*item, x *item) bool {
	for _, it := range its {
		if it == x {
			return true
		}
	}
	return false
}

// pageBottom returns where the last item of a page ends.
func (l *layouter) pageBottom(its, head []*item) float64 {
	y := l.top + itemsHeight(head)
	for i, it := range its {
		if i > 0 {
			y += it.before
		}
		y += it.h
	}
	return y
}

// compose places items (after repeated header rows) on a page, with the
// footnotes they refer to that no earlier page has.
func (l *layouter) compose(its, head []*item, topFloats int, placed map[*tree.Footnote]bool, index int) box.Page {
	pg := box.Page{Width: l.opts.Size.Width, Height: l.opts.Size.Height}
	y := l.top
	var notes []*tree.Footnote
	place := func(it *item, first bool) {
		top := y
		if !first {
			top = y
			y += it.before
		}
		for _, b := range it.boxes {
			pg.Boxes = append(pg.Boxes, shift(b, l.left, y))
		}
		for _, bar := range it.bars {
			pg.Boxes = append(pg.Boxes, &box.Rect{X: l.left + bar - 0.4, Y: top, W: 0.8, H: y + it.h - top, Color: box.Color{R: 0xbb, G: 0xbb, B: 0xbb}})
		}
		if it.entry > 0 {
			l.entries[it.entry-1].Index = index
		}
		for _, fn := range it.notes {
			if !placed[fn] {
				placed[fn] = true
				notes = append(notes, fn)
			}
		}
		y += it.h
	}
	for k, it := range head {
		place(it, k == 0)
	}
	for k, it := range its {
		if k > 0 && k == topFloats {
			// The text under the figures set at the top of the page.
			y += l.floatGap()
			place(it, true)
			continue
		}
		place(it, k == 0 && len(head) == 0)
	}
	if len(notes) > 0 {
		h := l.noteSep()
		for k, fn := range notes {
			if k > 0 {
				h += l.lead() * 0.2
			}
			h += itemsHeight(l.noteItems(fn))
		}
		y = l.top + l.height - h
		pg.Boxes = append(pg.Boxes, &box.Rect{X: l.left, Y: y + l.noteSep()*0.45, W: l.width / 4, H: 0.5, Color: ruleGrey})
		y += l.noteSep()
		for k, fn := range notes {
			if k > 0 {
				y += l.lead() * 0.2
			}
			for m, it := range l.noteItems(fn) {
				if m > 0 {
					y += it.before
				}
				for _, b := range it.boxes {
					pg.Boxes = append(pg.Boxes, shift(b, l.left, y))
				}
				y += it.h
			}
		}
	}
	return pg
}

// furniture adds running heads and feet and fixes outline levels.
func (l *layouter) furniture(pages []box.Page, front, body int) {
	size := l.opts.BodySize * 0.85
	c := &ctx{size: size, family: fonts.SerifFamily, color: box.Color{R: 0x33, G: 0x33, B: 0x33}}
	set := func(text string, y float64, align line.Align) []box.Box {
		items := l.lineItems(tree.Inline{{Text: text}}, c, fonts.Style{Family: fonts.SerifFamily})
		lines := line.Break(items, l.set, line.Params{Width: l.width, Align: align})
		var out []box.Box
		for k := range lines {
			out = append(out, lineBoxes(&lines[k], l.left, y+float64(k)*size*1.3)...)
		}
		return out
	}
	footer := strings.ReplaceAll(l.opts.Footer, "{pages}", strconv.Itoa(body))
	// Outline levels start at 0 and go down one level at a time.
	shiftLevel := 1
	for _, e := range l.entries {
		if e.Level == 0 {
			shiftLevel = 0
		}
	}
	level := -1
	for i := range pages {
		pg := &pages[i]
		partStart := i == 0 || i >= front && l.partStarts[i-front]
		// Parity by page number: odd pages are right-hand pages.
		even := (i+1)%2 == 0
		header := l.opts.Header
		if i >= front {
			even = (i-front+l.opts.FirstPage)%2 == 0
			if k := i - front; k < len(l.pageParts) && l.pageParts[k] < len(l.parts) && l.parts[l.pageParts[k]].Header != "" {
				header = l.parts[l.pageParts[k]].Header
			}
			if even && l.opts.HeaderEven != "" {
				header = l.opts.HeaderEven
			}
		}
		align := line.Center
		if l.opts.Mirror {
			align = line.Right
			if even {
				align = line.Left
			}
		}
		if header != "" && !partStart {
			y := l.top - l.lead()*0.9
			pg.Boxes = append(pg.Boxes, set(header, y, align)...)
			pg.Boxes = append(pg.Boxes, &box.Rect{X: l.left, Y: y + size*0.45, W: l.width, H: 0.4, Color: c.color})
		}
		foot := strings.ReplaceAll(footer, "{page}", pg.Label)
		if i < front {
			// The contents are numbered apart from the body (I, II):
			// their foot is the bare numeral, never "page I of 6".
			foot = pg.Label
		}
		pg.Boxes = append(pg.Boxes, set(foot, l.top+l.height+l.lead()*1.4, align)...)
		for _, b := range pg.Boxes {
			if bm, ok := b.(*box.Bookmark); ok {
				bm.Level -= shiftLevel
				if bm.Level < 0 {
					bm.Level = 0
				}
				if bm.Level > level+1 {
					bm.Level = level + 1
				}
				level = bm.Level
			}
		}
	}
}
