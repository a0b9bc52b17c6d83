package compose

import (
	"bytes"
	_ "image/jpeg" // the size of JPEG images
	"strconv"
	"strings"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/publication/catalog"
	"github.com/zzia/press/internal/typeset"
	"github.com/zzia/press/internal/typeset/box"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/layout"
	"github.com/zzia/press/internal/typeset/line"
)

// noteTitle is the title of an issue's editor's note.
const noteTitle = "卷首语"

// blank reports whether Markdown has no text.
func blank(b []byte) bool { return len(bytes.TrimSpace(b)) == 0 }

// Journal typesets an issue: cover, colophon, contents by column, the
// editor's note and the articles (each on a new page, with its column, title
// and author, running heads with the journal and the issue on the left-hand
// pages and the column on the right-hand ones), and the back cover.
func (c *Composer) Journal(is *catalog.Issue) ([]byte, Meta, diag.List, error) {
	return c.write(c.journalDoc(is))
}

// journalDoc composes an issue (see Journal).
func (c *Composer) journalDoc(is *catalog.Issue) (*composed, diag.List, error) {
	name := c.cfg.JournalName
	issue := catalog.IssueLine(is.Year, is.Number, is.Serial)
	type part struct {
		path, column, title, author string
	}
	var parts []typeset.Source
	var info []part
	if !blank(is.Note) {
		editor := is.Editor
		if editor == "" {
			editor = c.cfg.Editor
		}
		parts = append(parts, typeset.Source{Src: is.Note, Filename: is.File, BaseDir: is.Dir, Title: noteTitle, Byline: editor, Header: noteTitle})
		info = append(info, part{path: is.Path, column: noteTitle, title: noteTitle, author: editor})
	}
	for _, a := range is.Articles {
		parts = append(parts, typeset.Source{Src: a.Body, Filename: a.File, BaseDir: a.Dir, Title: a.Title, Kicker: a.Column, Byline: a.Author, Header: a.Column})
		info = append(info, part{path: a.Path, column: a.Column, title: a.Title, author: a.Author})
	}
	if len(parts) == 0 {
		return nil, diag.List{{File: is.File, Line: 1, Message: "the issue has no editor's note and no articles"}}, nil
	}
	opts := c.options(c.cfg.JournalPageSize, "《"+name+"》"+issue, is.Date, is.Hanging)
	opts.Header, opts.HeaderEven = name, name+"　"+issue
	opts.Mirror, opts.NumberCaptions = true, true
	laid, warnings, err := typeset.Layout(parts, opts)
	if err != nil {
		return nil, warnings, err
	}
	set := laid.Doc.Fonts
	w, h := laid.Doc.Pages[0].Width, laid.Doc.Pages[0].Height
	fr := laid.Frame

	// The articles' titles, where they landed.
	type entry struct {
		part
		label, anchor string
		index         int
	}
	var entries []entry
	for _, e := range laid.Entries {
		if e.Level == 0 && e.Part < len(info) {
			entries = append(entries, entry{part: info[e.Part], label: e.Page, anchor: e.Anchor, index: e.Index})
		}
	}

	var warn diag.List
	front := []box.Page{c.journalCover(set, is, w, h, entries0(entries, func(e entry) (string, string) { return e.column, e.title }), &warn)}
	front = append(front, c.journalColophon(set, is, w, h, fr))
	// Contents by column, in the issue's order of columns.
	var groups []contentsGroup
	for _, e := range entries {
		if len(groups) == 0 || groups[len(groups)-1].name != e.column {
			groups = append(groups, contentsGroup{name: e.column})
		}
		g := &groups[len(groups)-1]
		g.items = append(g.items, contentsItem{title: e.title, byline: e.author, label: e.label, anchor: e.anchor})
	}
	toc := contentsPages(set, fr, w, h, contentsSpec{title: "目　录", subtitle: "《" + name + "》" + issue, groups: groups, bodySize: 10.5})
	front = append(front, toc...)
	if len(front)%2 == 1 {
		// The first article starts on a right-hand page.
		front = append(front, box.Page{Width: w, Height: h})
	}

	// The outline: the contents, then each column with its articles and
	// their sections under it.
	body := laid.Doc.Pages
	for i := range body {
		for _, b := range body[i].Boxes {
			if bm, ok := b.(*box.Bookmark); ok {
				bm.Level++
			}
		}
	}
	lastColumn := ""
	for _, e := range entries {
		if e.column == lastColumn {
			continue
		}
		lastColumn = e.column
		pg := &body[e.index]
		for k, b := range pg.Boxes {
			if bm, ok := b.(*box.Bookmark); ok && bm.Level == 1 {
				col := &box.Bookmark{Title: e.column, Level: 0, Y: bm.Y}
				pg.Boxes = append(pg.Boxes[:k], append([]box.Box{col}, pg.Boxes[k:]...)...)
				break
			}
		}
	}
	front[2].Boxes = append(front[2].Boxes, &box.Bookmark{Title: "目录", Level: 0})

	pages := append(front, body...)
	if len(pages)%2 == 0 {
		// The back cover is a left-hand page.
		pages = append(pages, box.Page{Width: w, Height: h})
	}
	pages = append(pages, c.journalBack(set, is, w, h))
	doc := &box.Document{Pages: pages, Fonts: set}
	meta := Meta{Pages: len(pages), Starts: map[string]int{}, Labels: map[string]string{}}
	for _, e := range entries {
		meta.Starts[e.path] = len(front) + e.index + 1
		meta.Labels[e.path] = e.label
	}
	return &composed{doc: doc, info: c.info(opts.Title, is.Title, []string{name, issue, c.cfg.Publisher}, is.Date), meta: meta, laid: laid}, append(warnings, warn...), nil
}

// entries0 lists (column, title) of the articles, for the cover's
// highlights.
func entries0[E any](es []E, f func(E) (string, string)) [][2]string {
	var out [][2]string
	for _, e := range es {
		a, b := f(e)
		out = append(out, [2]string{a, b})
	}
	return out
}

// journalCover draws the front cover: the publisher and the journal's name
// on the association's blue, the issue and its date, the cover image to
// the edges, the issue's highlights (本期要目) and the notice.
func (c *Composer) journalCover(set *fonts.Set, is *catalog.Issue, w, h float64, articles [][2]string, warn *diag.List) box.Page {
	s := newSheet(set, w, h)
	b := bleedMM * kit.MM
	m := 18 * kit.MM
	bandH := h * 0.34
	s.Rect(-b, -b, w+2*b, bandH+b, kit.Brand)
	s.Rect(-b, bandH, w+2*b, 1.2*kit.MM, kit.Accent)
	y := 16 * kit.MM
	y = s.Text(m, y, w-2*m, c.cfg.Publisher+"　主办", style{Family: fonts.SansFamily, Size: 11, Color: kit.White, Track: 1.5})
	name := c.cfg.JournalName
	size := 34.0
	for size > 18 && s.Width(name, style{Family: fonts.SansFamily, Size: size, Track: size * 0.08}) > w-2*m {
		size--
	}
	y += 6 * kit.MM
	y = s.Text(m, y, w-2*m, name, style{Family: fonts.SansFamily, Size: size, Color: kit.White, Track: size * 0.08, Leading: 1.3})
	y += 3 * kit.MM
	s.Rect(m, y, 30*kit.MM, 0.8, kit.White)
	y += 4 * kit.MM
	y = s.Text(m, y, w-2*m, catalog.IssueLine(is.Year, is.Number, is.Serial), style{Family: fonts.SansFamily, Size: 15, Color: kit.White, Track: 1})
	s.Text(m, bandH-12*kit.MM, w-2*m, catalog.DateCN(is.Date)+"出版", style{Family: fonts.SerifFamily, Size: 10.5, Color: kit.BrandSoft, Align: line.Right})
	s.Bookmark("封面", 0, 0)

	// The cover image, to the edges.
	imgTop := bandH + 1.2*kit.MM
	imgH := h * 0.40
	if err := s.Image(is.Cover, -b, imgTop, w+2*b, imgH+b*0, true); err != nil {
		*warn = append(*warn, diag.Diagnostic{File: is.File, Line: 1, Severity: diag.Warning, Message: "cover image: " + err.Error()})
		s.Rect(-b, imgTop, w+2*b, imgH, kit.BrandSoft)
	}
	// 本期要目: the articles, the editor's note left out.
	y = imgTop + imgH + 7*kit.MM
	s.Rect(m, y+1.2*kit.MM, 1.2*kit.MM, 5*kit.MM, kit.Accent)
	s.Text(m+3.5*kit.MM, y, w-2*m, "本期要目", style{Family: fonts.SansFamily, Size: 13, Color: kit.BrandDark, Track: 2})
	y += 10 * kit.MM
	bottom := h - 22*kit.MM
	for _, a := range articles {
		if a[0] == noteTitle && a[1] == noteTitle {
			continue
		}
		st := style{Family: fonts.SerifFamily, Size: 11, Color: kit.Ink}
		if y+st.Lead() > bottom {
			break
		}
		s.Text(m, y, 22*kit.MM, a[0], style{Family: fonts.SansFamily, Size: 9.5, Color: kit.Brand, Leading: 11 * 1.5 / 9.5})
		lines := s.Lines(a[1], w-2*m-24*kit.MM, st)
		if len(lines) > 0 {
			s.SetLine(&lines[0], m+24*kit.MM, y, w-2*m-24*kit.MM, st)
		}
		y += st.Lead() * 1.1
	}
	// The foot: the notice and the association.
	s.Rect(-b, h-14*kit.MM, w+2*b, 14*kit.MM+b, kit.BrandDark)
	st := style{Family: fonts.SansFamily, Size: 10, Color: kit.White, Leading: 1.4}
	s.Text(m, h-9.5*kit.MM, w-2*m, c.cfg.Notice, st)
	st.Align = line.Right
	s.Text(m, h-9.5*kit.MM, w-2*m, c.cfg.Publisher, st)
	return s.page()
}

// colophonRows are the label–value lines of a colophon, the groups' in
// order, empty values left out.
func colophonRows(groups ...[][2]string) [][2]string {
	var out [][2]string
	for _, rows := range groups {
		for _, r := range rows {
			if strings.TrimSpace(r[1]) != "" {
				out = append(out, r)
			}
		}
	}
	return out
}

// contactRows are the lines of a colophon that say how to reach the
// association.
func (c *Composer) contactRows() [][2]string {
	return [][2]string{
		{"地　　址", c.cfg.Contact.Address},
		{"邮政编码", c.cfg.Contact.Postcode},
		{"电　　话", c.cfg.Contact.Phone},
		{"电子邮箱", c.cfg.Contact.Email},
		{"网　　址", c.cfg.BaseURL},
	}
}

// journalColophon draws the inside front cover: the cover caption at the
// top and, at the foot, the colophon (版权页) in a frame.
func (c *Composer) journalColophon(set *fonts.Set, is *catalog.Issue, w, h float64, fr layout.Frame) box.Page {
	s := newSheet(set, w, h)
	if is.CoverCaption != "" {
		cap := is.CoverCaption
		if !strings.HasPrefix(cap, "封面") {
			cap = "封面说明：" + cap
		}
		s.Text(fr.Left, fr.Top, fr.Width, cap, style{Family: fonts.SerifFamily, Italic: true, Size: 9.5, Color: kit.Grey, Leading: 1.7})
	}
	editor := is.Editor
	if editor == "" {
		editor = c.cfg.Editor
	}
	rows := colophonRows([][2]string{
		{"主办单位", c.cfg.Publisher},
		{"编　　辑", editor},
	}, c.contactRows(), [][2]string{
		{"出版日期", catalog.DateCN(is.Date)},
		{"准印证号", c.cfg.Permit},
	})
	c.colophonBlock(s, fr, "《"+c.cfg.JournalName+"》", catalog.IssueLine(is.Year, is.Number, is.Serial), rows,
		"本刊所载文章仅代表作者观点，不代表本刊立场。未经本刊同意，不得转载。")
	return s.page()
}

// colophonBlock draws a colophon at the foot of the text block: the title,
// a rule, the rows, the statement, and the notice in a box.
func (c *Composer) colophonBlock(s *sheet, fr layout.Frame, title, sub string, rows [][2]string, statement string) {
	row := style{Family: fonts.SerifFamily, Size: 9.5, Color: kit.Ink, Leading: 1.75}
	head := style{Family: fonts.SansFamily, Size: 12, Color: kit.Ink, Leading: 1.5}
	h := head.Lead() + row.Lead() + 4*kit.MM + float64(len(rows))*row.Lead() + 4*kit.MM
	if statement != "" {
		h += 2 * row.Lead()
	}
	h += 12 * kit.MM
	x := fr.Left + fr.Width*0.12
	wd := fr.Width * 0.76
	y := fr.Top + fr.Height - h
	s.Rect(x, y-3*kit.MM, wd, 0.8, kit.Ink)
	y = s.Text(x, y, wd, title, head)
	if sub != "" {
		y = s.Text(x, y, wd, sub, style{Family: fonts.SerifFamily, Size: 10, Color: kit.Grey, Leading: 1.6})
	}
	y += 2 * kit.MM
	s.Rect(x, y, wd, 0.4, kit.Rule)
	y += 2 * kit.MM
	labelW := 5 * row.Size
	for _, r := range rows {
		s.Text(x, y, labelW, r[0], style{Family: fonts.SansFamily, Size: row.Size, Color: kit.Grey, Leading: row.Leading})
		y = s.Text(x+labelW+row.Size, y, wd-labelW-row.Size, r[1], row)
	}
	y += 2 * kit.MM
	if statement != "" {
		y = s.Text(x, y, wd, statement, style{Family: fonts.SerifFamily, Size: 8.5, Color: kit.Grey, Leading: 1.6})
	}
	y += 2 * kit.MM
	s.Rect(x, y, wd, 0.4, kit.Rule)
	y += 3 * kit.MM
	nst := style{Family: fonts.SansFamily, Size: 10.5, Color: kit.Accent, Align: line.Center, Track: 2}
	nw := s.Width(c.cfg.Notice, nst) + 6*kit.MM
	s.Rect(x+(wd-nw)/2, y-0.5*kit.MM, nw, 0.6, kit.Accent)
	s.Rect(x+(wd-nw)/2, y+nst.Lead()+0.5*kit.MM, nw, 0.6, kit.Accent)
	s.Rect(x+(wd-nw)/2, y-0.5*kit.MM, 0.6, nst.Lead()+1.6*kit.MM, kit.Accent)
	s.Rect(x+(wd+nw)/2-0.6, y-0.5*kit.MM, 0.6, nst.Lead()+1.6*kit.MM, kit.Accent)
	s.Text(x, y, wd, c.cfg.Notice, nst)
}

// journalBack draws the back cover: the association and how to reach it,
// on the band of the front cover.
func (c *Composer) journalBack(set *fonts.Set, is *catalog.Issue, w, h float64) box.Page {
	s := newSheet(set, w, h)
	b := bleedMM * kit.MM
	m := 18 * kit.MM
	s.Rect(-b, h*0.62, w+2*b, h*0.38+b, kit.Brand)
	s.Rect(-b, h*0.62-1.2*kit.MM, w+2*b, 1.2*kit.MM, kit.Accent)
	y := h*0.62 + 16*kit.MM
	y = s.Text(m, y, w-2*m, c.cfg.Publisher, style{Family: fonts.SansFamily, Size: 20, Color: kit.White, Track: 3, Align: line.Center})
	y += 2 * kit.MM
	y = s.Text(m, y, w-2*m, "《"+c.cfg.JournalName+"》 "+catalog.IssueLine(is.Year, is.Number, is.Serial), style{Family: fonts.SerifFamily, Size: 11, Color: kit.BrandSoft, Align: line.Center})
	y += 8 * kit.MM
	ct := c.cfg.Contact
	var lines []string
	if ct.Address != "" {
		addr := "地址：" + ct.Address
		if ct.Postcode != "" {
			addr += "　邮编：" + ct.Postcode
		}
		lines = append(lines, addr)
	}
	var tel []string
	if ct.Phone != "" {
		tel = append(tel, "电话："+ct.Phone)
	}
	if ct.Email != "" {
		tel = append(tel, "电子邮箱："+ct.Email)
	}
	if len(tel) > 0 {
		lines = append(lines, strings.Join(tel, "　"))
	}
	if c.cfg.BaseURL != "" {
		lines = append(lines, "网址："+c.cfg.BaseURL)
	}
	for _, l := range lines {
		y = s.Text(m, y, w-2*m, l, style{Family: fonts.SerifFamily, Size: 10, Color: kit.White, Align: line.Center, Leading: 1.8})
	}
	s.Text(m, h-16*kit.MM, w-2*m, c.cfg.Notice, style{Family: fonts.SansFamily, Size: 11, Color: kit.White, Align: line.Center, Track: 2})
	return s.page()
}

// contentsItem is one entry of a contents page.
type contentsItem struct {
	number, title, byline, label, anchor string
	level                                int // 0: a title; 1, 2: sections under it
}

// contentsGroup is a column (or, unnamed, a run of chapters) of the contents.
type contentsGroup struct {
	name  string
	items []contentsItem
}

type contentsSpec struct {
	title, subtitle string
	groups          []contentsGroup
	bodySize        float64
	// head, label: the running head and page numbering of the contents
	// pages; label(i) is the label of the i-th page, "" for none.
	head   string
	label  func(i int) string
	mirror bool
	odd    func(i int) bool
}

// contentsPages sets the contents on as many pages as they need, in the
// frame of the body pages: the title, then per group its name on a bar
// and its entries with dot leaders to the page number, each a link to the
// entry's anchor.
func contentsPages(set *fonts.Set, fr layout.Frame, w, h float64, spec contentsSpec) []box.Page {
	em := spec.bodySize
	var pages []box.Page
	var s *sheet
	var y float64
	bottom := fr.Top + fr.Height
	numW := 3 * em
	// A TOC element: the title a Caption, each named group a TOC within
	// it captioned with the name, each entry a TOCI with a Reference to
	// its article, a Link.
	toc := &box.Tag{Kind: "TOC"}
	start := func() {
		if s != nil {
			pages = append(pages, s.page())
		}
		s = newSheet(set, w, h)
		y = fr.Top
		if len(pages) == 0 {
			y += 4 * kit.MM
			s.Anchor("contents", 0)
			s.Tag = &box.Tag{Kind: "Caption", Parent: toc}
			y = s.Text(fr.Left, y, fr.Width, spec.title, style{Family: fonts.SansFamily, Size: em * 2.2, Color: kit.Ink, Align: line.Center, Leading: 1.4})
			if spec.subtitle != "" {
				y = s.Text(fr.Left, y+1*kit.MM, fr.Width, spec.subtitle, style{Family: fonts.SerifFamily, Size: em, Color: kit.Grey, Align: line.Center})
			}
			s.Tag = nil
			y += 3 * kit.MM
			s.Rect(fr.Left, y, fr.Width, 1.2, kit.Brand)
			s.Rect(fr.Left, y+2, fr.Width, 0.4, kit.Brand)
			y += 6 * kit.MM
		}
	}
	start()
	titleSt := style{Family: fonts.SerifFamily, Size: em * 1.05, Color: kit.Ink, Leading: 1.55}
	secSt := style{Family: fonts.SerifFamily, Size: em * 0.95, Color: kit.Ink, Leading: 1.55}
	bySt := style{Family: fonts.SerifFamily, Italic: true, Size: em * 0.85, Color: kit.Grey, Leading: 1.5}
	groupSt := style{Family: fonts.SansFamily, Size: em * 1.15, Color: kit.BrandDark, Leading: 1.5, Track: 1}
	for _, g := range spec.groups {
		gtoc := toc // a named group is a TOC of its own, captioned
		if g.name != "" {
			gtoc = &box.Tag{Kind: "TOC", Parent: toc}
			need := groupSt.Lead() + 2*kit.MM + titleSt.Lead()
			if y+need > bottom {
				start()
			}
			y += 2 * kit.MM
			s.Rect(fr.Left, y+groupSt.Size*0.25, 1.2*kit.MM, groupSt.Size*1.1, kit.Accent)
			s.Tag = &box.Tag{Kind: "Caption", Parent: gtoc}
			s.Text(fr.Left+3*kit.MM, y, fr.Width, g.name, groupSt)
			s.Tag = nil
			s.Rect(fr.Left, y+groupSt.Lead()+0.5*kit.MM, fr.Width, 0.4, kit.Rule)
			y += groupSt.Lead() + 2*kit.MM
		}
		for _, it := range g.items {
			st := titleSt
			indent := 0.0
			if g.name != "" {
				indent = 1 * em
			}
			if it.level == 0 && g.name == "" {
				st.Family = fonts.SansFamily
			}
			if it.level > 0 {
				st = secSt
				indent += float64(it.level) * 2 * em
			}
			text := it.title
			if it.number != "" {
				text = it.number + "\u3000" + it.title
			}
			lines := s.Lines(text, fr.Width-indent-numW, st)
			need := float64(len(lines)) * st.Lead()
			if it.byline != "" {
				need += bySt.Lead()
			}
			if y+need > bottom {
				start()
			}
			top := y
			s.Tag = &box.Tag{Kind: "Link", Parent: &box.Tag{Kind: "Reference", Parent: &box.Tag{Kind: "TOCI", Parent: gtoc}}}
			for k := range lines {
				s.SetLine(&lines[k], fr.Left+indent, y, fr.Width-indent-numW, st)
				if k == len(lines)-1 && it.label != "" {
					base := y + (st.Lead()-st.Size)/2 + st.Size*0.88
					lw := s.Width(it.label, st)
					s.Text(fr.Left+fr.Width-lw, y, lw, it.label, style{Family: fonts.SerifFamily, Size: st.Size, Color: kit.Ink, Leading: st.Leading})
					s.Leaders(fr.Left+indent+lines[k].Width+0.5*em, fr.Left+fr.Width-lw-0.5*em, base, st.Size, kit.Grey)
				}
				y += st.Lead()
			}
			if it.byline != "" {
				y = s.Text(fr.Left+indent+1*em, y, fr.Width-indent-numW-em, it.byline, bySt)
			}
			if it.level == 0 && g.name != "" {
				y += 1 * kit.MM
			}
			if it.anchor != "" {
				s.Link(fr.Left+indent, top, fr.Width-indent, y-top, it.anchor)
			}
			s.Tag = nil
		}
		y += 2 * kit.MM
	}
	pages = append(pages, s.page())
	if spec.label != nil {
		for i := range pages {
			s := &sheet{kit.New(set)}
			s.Pages = []box.Page{pages[i]}
			s.Goto(0)
			head := ""
			if i > 0 {
				head = spec.head
			}
			s.furniture(fr, head, spec.label(i), spec.odd(i), spec.mirror, spec.bodySize)
			pages[i] = s.page()
		}
	}
	return pages
}

// chineseOrdinal writes n (1–99) in Chinese numerals, for chapter labels.
func chineseOrdinal(n int) string {
	d := []string{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return d[n]
	case n == 10:
		return "十"
	case n < 20:
		return "十" + d[n%10]
	case n%10 == 0:
		return d[n/10] + "十"
	}
	return d[n/10] + "十" + d[n%10]
}
