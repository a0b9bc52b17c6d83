package layout

import (
	"math"
	"strings"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/line"
	"github.com/zzia/press/internal/typeset/tree"
)

// tocDepth is the deepest heading level listed in the contents.
const tocDepth = 3

// contents sets the table of contents: one entry per heading down to
// tocDepth, indented by level, with dot leaders to the page number, each
// entry a link to its heading. Its pages come before the body.
func (l *layouter) contents() []box.Page {
	saved, savedPending, savedStarts, savedParts := l.items, l.pending, l.partStarts, l.pageParts
	l.items, l.pending, l.partStarts, l.pageParts = nil, 0, make(map[int]bool), nil
	defer func() { l.items, l.pending, l.partStarts, l.pageParts = saved, savedPending, savedStarts, savedParts }()

	// The heading of the contents, in the style of a part title.
	size := l.opts.BodySize * 1.6
	tc := &ctx{width: l.width, size: size, family: fonts.SansFamily, color: headingColor, leading: 1.5}
	title := []rune(l.opts.TOCTitle)
	titleText := l.opts.TOCTitle
	if len(title) == 2 {
		titleText = string(title[0]) + "\u3000" + string(title[1]) // 目　录
	}
	lines := line.Break(l.lineItems(tree.Inline{{Text: titleText}}, tc, fonts.Style{Family: fonts.SansFamily}), l.set,
		line.Params{Width: l.width, Align: line.Center})
	its := l.addLines(lines, tc, tc.lead(&l.opts), true)
	// The contents are a TOC element: its title a Caption, each entry a
	// TOCI holding a Reference to the heading, a Link (the entry's text
	// and page number, and the link annotation); the dot leaders are
	// decoration.
	toc := &box.Tag{Kind: "TOC"}
	tagItems(its, "Caption", "").Parent = toc
	if len(its) > 0 {
		its[0].boxes = append(its[0].boxes, &box.Anchor{Name: "contents"}, &box.Bookmark{Title: l.opts.TOCTitle, Level: 0})
		its[0].newPage = true
	}
	l.space(l.lead())

	em := l.opts.BodySize
	numW := 3 * em
	titles := 0
	for _, e := range l.entries {
		if e.Level == 0 {
			titles++
		}
	}
	for _, e := range l.entries {
		if e.Level > tocDepth || e.Level == 0 && titles < 2 {
			// A single document's own title is not listed in its contents.
			continue
		}
		st := fonts.Style{Family: fonts.SerifFamily}
		if e.Level <= 1 {
			st.Family = fonts.SansFamily
			l.space(l.lead() * 0.3)
		}
		indent := 0.0
		if e.Level > 1 {
			indent = float64(e.Level-1) * 2 * em
		}
		c := &ctx{x: indent, width: l.width - indent, size: em, family: st.Family}
		text := e.Number + e.Text
		if e.Level == 0 && e.Number != "" || l.opts.Numbering == NumberDecimal && e.Number != "" {
			text = strings.TrimSpace(e.Number) + "\u3000" + e.Text
		}
		items := l.lineItems(tree.Inline{{Text: text}}, c, st)
		lines := line.Break(items, l.set, line.Params{Width: c.width - numW})
		entryItems := l.addLines(lines, c, c.lead(&l.opts), true)
		if len(entryItems) == 0 {
			continue
		}
		entryItems[len(entryItems)-1].keep = false
		lastLine := &lines[len(lines)-1]
		last := entryItems[len(entryItems)-1]
		base := (c.lead(&l.opts)-em)/2 + em*0.88
		// The page number, right-aligned, and dot leaders up to it.
		num := line.Break([]line.Item{{Text: e.Page, Style: fonts.Style{Family: fonts.SerifFamily}, Size: em}}, l.set, line.Params{Width: numW})
		var dots *box.Text
		if len(num) > 0 {
			last.boxes = append(last.boxes, lineBoxes(&num[0], l.width-num[0].Width, base)...)
			from := indent + lastLine.Width + 0.5*em
			to := l.width - num[0].Width - 0.5*em
			if dots = l.leaders(from, to, em); dots != nil {
				dots.Y = base
			}
		}
		link := &box.Tag{Kind: "Link", Parent: &box.Tag{Kind: "Reference"}}
		for _, it := range entryItems {
			for _, b := range it.boxes {
				if t, ok := b.(*box.Text); ok && t.Tag == nil {
					t.Tag = link
				}
			}
		}
		tagItems(entryItems, "TOCI", "").Parent = toc
		if dots != nil {
			last.boxes = append(last.boxes, dots)
		}
		// The whole entry links to the heading.
		for _, it := range entryItems {
			it.boxes = append(it.boxes, &box.Link{X: indent, W: l.width - indent, H: it.h, Dest: e.Anchor, Tag: link})
		}
	}
	pages, _ := l.paginate(l.items)
	return pages
}

// leaders returns a run of dots from x0 to x1 on a grid of half an em, so
// the dots of all entries line up; nil when there is no room.
func (l *layouter) leaders(x0, x1, em float64) *box.Text {
	face := l.set.Face(fonts.Serif)
	pitch := em * 0.6
	start := math.Ceil(x0/pitch) * pitch
	n := int(math.Floor((x1-start)/pitch + 1e-9))
	if n < 2 {
		return nil
	}
	dot := float64(face.Advance('.')) * em / 1000
	return &box.Text{X: start + (pitch-dot)/2, Role: fonts.Serif, Face: face, Size: em, Text: strings.Repeat(".", n),
		CharSpacing: pitch - dot, Color: box.Color{R: 0x55, G: 0x55, B: 0x55}}
}
