package compose

import (
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

// prefaceTitle is the title of a white paper's preface.
const prefaceTitle = "前言"

// Whitepaper typesets a white paper: cover, copyright page, preface (pages
// numbered I, II, …), contents, the chapters (第一章…, sections 1.1 and
// 1.1.1, figures and tables 图1-1 and 表1-1, footnotes) numbered from 1,
// the references, and the association's colophon.
func (c *Composer) Whitepaper(wp *catalog.Whitepaper) ([]byte, Meta, diag.List, error) {
	return c.write(c.whitepaperDoc(wp))
}

// whitepaperDoc composes a white paper (see Whitepaper).
func (c *Composer) whitepaperDoc(wp *catalog.Whitepaper) (*composed, diag.List, error) {
	size := c.cfg.WhitepaperPageSize
	base := c.options(size, wp.Title, wp.Date, wp.Hanging)
	base.Header, base.HeaderEven = wp.Title, wp.Title
	base.Mirror, base.Numbering, base.NumberCaptions = true, "decimal", true
	var warnings diag.List
	// The preface, numbered in Roman numerals, laid out on its own.
	var preface *typeset.Laid
	if !blank(wp.Preface) {
		o := base
		o.PageStyle = "roman"
		o.AnchorPrefix = "pre-"
		o.Numbering = ""
		o.NumberCaptions = false
		var ws diag.List
		var err error
		preface, ws, err = typeset.Layout([]typeset.Source{{Src: wp.Preface, Filename: wp.File, BaseDir: wp.Dir, Title: prefaceTitle, Header: prefaceTitle, Sink: 12}}, o)
		warnings = append(warnings, ws...)
		if err != nil {
			return nil, warnings, err
		}
	}
	// The chapters and the references.
	var parts []typeset.Source
	n := 0
	for _, ch := range wp.Chapters {
		src := typeset.Source{Src: ch.Body, Filename: ch.File, BaseDir: ch.Dir, Title: ch.Title, Header: ch.Title, Sink: 12}
		if !ch.References && len(wp.Chapters) > 1 {
			n++
			src.Label = "第" + chineseOrdinal(n) + "章"
			src.Number = strconv.Itoa(n)
			src.Header = src.Label + "　" + ch.Title
		}
		parts = append(parts, src)
	}
	laid, ws, err := typeset.Layout(parts, base)
	warnings = append(warnings, ws...)
	if err != nil {
		return nil, warnings, err
	}
	set := laid.Doc.Fonts
	w, h := laid.Doc.Pages[0].Width, laid.Doc.Pages[0].Height
	fr := laid.Frame

	var warn diag.List
	pages := []box.Page{c.whitepaperCover(set, wp, w, h, &warn), c.copyrightPage(set, wp, w, h, fr)}
	if preface != nil {
		pages = append(pages, preface.Doc.Pages...)
	}
	// The contents: chapters with their sections and subsections.
	var items []contentsItem
	for _, e := range laid.Entries {
		if e.Level > 1 {
			// Chapters and their sections: subsections would make the
			// contents longer than a reader scans.
			continue
		}
		items = append(items, contentsItem{number: strings.TrimSpace(e.Number), title: e.Text, label: e.Page, anchor: e.Anchor, level: e.Level})
	}
	romanStart := 1
	if preface != nil {
		romanStart += len(preface.Doc.Pages)
	}
	spec := contentsSpec{title: "目　录", groups: []contentsGroup{{items: items}}, bodySize: 10.5,
		head: wp.Title, mirror: true,
		label: func(i int) string { return box.Roman(romanStart + i) },
		odd:   func(i int) bool { return (romanStart+i)%2 == 1 },
	}
	toc := contentsPages(set, fr, w, h, spec)
	toc[0].Boxes = append(toc[0].Boxes, &box.Bookmark{Title: "目录", Level: 0})
	pages = append(pages, toc...)
	if len(pages)%2 == 1 {
		// Chapter 1 starts on a right-hand page.
		pages = append(pages, box.Page{Width: w, Height: h})
	}
	front := len(pages)
	pages = append(pages, laid.Doc.Pages...)
	if len(pages)%2 == 0 {
		pages = append(pages, box.Page{Width: w, Height: h})
	}
	pages = append(pages, c.whitepaperColophon(set, wp, w, h, fr))
	doc := &box.Document{Pages: pages, Fonts: set}
	keywords := append([]string{wp.Title}, wp.Authors...)
	meta := Meta{Pages: len(pages), Starts: map[string]int{}, Labels: map[string]string{}}
	for _, e := range laid.Entries {
		if e.Level == 0 && e.Part < len(wp.Chapters) {
			meta.Starts[wp.Chapters[e.Part].Path] = front + e.Index + 1
			meta.Labels[wp.Chapters[e.Part].Path] = e.Page
		}
	}
	return &composed{doc: doc, info: c.info(wp.Title, wp.Subtitle, keywords, wp.Date), meta: meta, laid: laid}, append(warnings, warn...), nil
}

// whitepaperCover draws the cover: the association's blue over the top
// two thirds with the title, subtitle and edition, the cover image across
// it, and the authors, publisher and date below.
func (c *Composer) whitepaperCover(set *fonts.Set, wp *catalog.Whitepaper, w, h float64, warn *diag.List) box.Page {
	s := newSheet(set, w, h)
	b := bleedMM * kit.MM
	m := 25 * kit.MM
	bandH := h * 0.62
	s.Rect(-b, -b, w+2*b, bandH+b, kit.Brand)
	if wp.Cover != "" {
		top := bandH * 0.58
		if err := s.Image(wp.Cover, -b, top, w+2*b, bandH-top, true); err != nil {
			*warn = append(*warn, diag.Diagnostic{File: wp.File, Line: 1, Severity: diag.Warning, Message: "cover image: " + err.Error()})
		}
	}
	s.Rect(-b, bandH, w+2*b, 1.5*kit.MM, kit.Accent)
	s.Bookmark("封面", 0, 0)
	y := 30 * kit.MM
	y = s.Text(m, y, w-2*m, "白皮书", style{Family: fonts.SansFamily, Size: 14, Color: kit.BrandSoft, Track: 6})
	s.Rect(m, y+1*kit.MM, 18*kit.MM, 1, kit.White)
	y += 10 * kit.MM
	size := 30.0
	for size > 18 && len(s.Lines(wp.Title, w-2*m, style{Family: fonts.SansFamily, Size: size, Track: 1})) > 2 {
		size--
	}
	y = s.Text(m, y, w-2*m, wp.Title, style{Family: fonts.SansFamily, Size: size, Color: kit.White, Track: 1, Leading: 1.35})
	if wp.Subtitle != "" {
		y = s.Text(m, y+4*kit.MM, w-2*m, "——"+wp.Subtitle, style{Family: fonts.SansFamily, Size: 15, Color: kit.White, Leading: 1.5})
	}
	if wp.Edition != "" {
		s.Text(m, y+6*kit.MM, w-2*m, "（"+wp.Edition+"）", style{Family: fonts.SerifFamily, Size: 13, Color: kit.BrandSoft})
	}
	y = bandH + 14*kit.MM
	if len(wp.Authors) > 0 {
		y = s.Text(m, y, w-2*m, "编写单位", style{Family: fonts.SansFamily, Size: 10, Color: kit.Grey, Track: 2})
		for _, a := range wp.Authors {
			y = s.Text(m, y, w-2*m, a, style{Family: fonts.SerifFamily, Size: 12, Color: kit.Ink, Leading: 1.7})
		}
	}
	st := style{Family: fonts.SansFamily, Size: 16, Color: kit.BrandDark, Align: line.Center, Track: 2}
	s.Text(m, h-38*kit.MM, w-2*m, c.cfg.Publisher, st)
	s.Text(m, h-28*kit.MM, w-2*m, wp.Date.Format("2006年1月"), style{Family: fonts.SerifFamily, Size: 12, Color: kit.Ink, Align: line.Center})
	return s.page()
}

// copyrightPage is the back of the cover: the copyright statement.
func (c *Composer) copyrightPage(set *fonts.Set, wp *catalog.Whitepaper, w, h float64, fr layout.Frame) box.Page {
	s := newSheet(set, w, h)
	st := style{Family: fonts.SerifFamily, Size: 10, Color: kit.Ink, Leading: 1.8}
	text := "本白皮书版权属于" + c.cfg.Publisher + "，并受法律保护。转载、摘编或利用其他方式使用本白皮书文字或者观点的，应注明“来源：" + c.cfg.Publisher + "”。违反上述声明者，本会将追究其相关法律责任。"
	lines := s.Lines(text, fr.Width*0.8, st)
	hgt := st.Lead()*float64(len(lines)) + 14*kit.MM
	y := fr.Top + fr.Height - hgt
	x := fr.Left + fr.Width*0.1
	s.Text(x, y, fr.Width*0.8, "版权声明", style{Family: fonts.SansFamily, Size: 12, Color: kit.Ink, Align: line.Center, Track: 4})
	y += 9 * kit.MM
	s.Rect(x, y-2*kit.MM, fr.Width*0.8, 0.4, kit.Rule)
	s.Text(x, y, fr.Width*0.8, text, st)
	return s.page()
}

// whitepaperColophon is the last page: the association's colophon.
func (c *Composer) whitepaperColophon(set *fonts.Set, wp *catalog.Whitepaper, w, h float64, fr layout.Frame) box.Page {
	s := newSheet(set, w, h)
	rows := colophonRows([][2]string{
		{"发布单位", c.cfg.Publisher},
		{"编写单位", strings.Join(wp.Authors, "、")},
		{"编　　辑", c.cfg.Editor},
	}, c.contactRows(), [][2]string{
		{"发布日期", catalog.DateCN(wp.Date)},
	})
	sub := wp.Subtitle
	if wp.Edition != "" {
		sub = strings.TrimSpace(sub + "（" + wp.Edition + "）")
	}
	c.colophonBlock(s, fr, wp.Title, sub, rows, "")
	s.Bookmark("版权页", 0, 0)
	return s.page()
}
