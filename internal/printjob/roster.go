package printjob

import (
	"fmt"
	"strings"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/line"
)

// InternalMark is the notice on every page of the internal documents.
const InternalMark = "内部资料　注意保管"

// Page frame of the roster, in points.
const (
	rosterLeft   = 20 * kit.MM
	rosterRight  = kit.A4W - 20*kit.MM
	rosterTop    = 24 * kit.MM
	rosterBottom = kit.A4H - 20*kit.MM
	labelColW    = 15 * kit.MM // the 单位 / 主代表 / 副代表 column
)

// Roster makes the internal member roster (会员名录, the 会员通信联络表 of
// 第四条): an A4 title page with the counts, then every member grouped by
// level (from 副会长单位) and, within a level, by region, each with its
// type, industry and joining date, its current representatives with their
// job titles and effective association posts, and every contact recorded
// (phone, mobile, fax, e-mail, address) of the unit and of each
// representative. Suspended members are marked; withdrawn members follow in
// a section of their own, kept for the archive (第三条). Every page carries
// the mark 内部资料　注意保管 and its number.
func Roster(ds *member.Dataset, res *rules.Result, opts Options) ([]byte, error) {
	res = opts.result(ds, res)
	if len(ds.Members) == 0 {
		return nil, fmt.Errorf("printjob: no members")
	}
	c, err := newCanvas(opts.Fonts)
	if err != nil {
		return nil, err
	}
	day := opts.day(res)
	rw := &rosterWriter{c: c, res: res, day: day}

	var active, withdrawn []*member.Member
	for _, m := range sortedMembers(ds) {
		if rw.status(m) == rules.Withdrawn {
			withdrawn = append(withdrawn, m)
		} else {
			active = append(active, m)
		}
	}
	rw.titlePage(ds, active, withdrawn)

	c.NewPage(kit.A4W, kit.A4H)
	rw.y = rosterTop
	for i := 0; i < len(active); {
		level := active[i].Level
		j := i
		for j < len(active) && active[j].Level == level {
			j++
		}
		rw.section(level, fmt.Sprintf("%d 家", j-i), "", active[i:j], true)
		i = j
	}
	if len(withdrawn) > 0 {
		rw.section("视同退会会员", fmt.Sprintf("%d 家", len(withdrawn)),
			"以下会员依《会员管理办法》第九条第2款（个人会员调离本市者依第七条）视同退会，不再享有会员名誉；其联络方式依第三条留作会员档案，不再作为会员联络。",
			withdrawn, false)
	}
	total := len(c.Pages)
	for i := 1; i < total; i++ {
		c.Goto(i)
		rw.furniture(i+1, total)
	}
	return c.write(Issuer+"会员名录", InternalMark+"　截至"+cnDay(day), day)
}

// rosterWriter keeps the position on the roster's current page.
type rosterWriter struct {
	c   *canvas
	res *rules.Result
	day time.Time
	y   float64
	// cont is the heading repeated, with （续）, at the top of a page that
	// continues a group.
	cont string
}

func (rw *rosterWriter) status(m *member.Member) rules.Status {
	if s := rw.res.Member(m.ID); s != nil {
		return s.Status
	}
	return rules.Active
}

// need starts a new page unless h more points fit on this one.
func (rw *rosterWriter) need(h float64) {
	if rw.y+h <= rosterBottom {
		return
	}
	rw.c.NewPage(kit.A4W, kit.A4H)
	rw.y = rosterTop
	if rw.cont != "" {
		st := hei(9).With(kit.Grey)
		rw.c.Line1(rosterLeft, st.Baseline(rw.y), rosterRight-rosterLeft, rw.cont+"（续）", st)
		rw.y += st.Lead() + 1*kit.MM
	}
}

// furniture sets the running head (the internal mark and the title, over a
// rule) and the page number of page n of total.
func (rw *rosterWriter) furniture(n, total int) {
	c := rw.c
	w := rosterRight - rosterLeft
	mark := hei(9).With(crimson).Tracked(1)
	c.Line1(rosterLeft, 15*kit.MM, w, InternalMark, mark)
	c.Line1(rosterLeft, 15*kit.MM, w, Issuer+"会员名录", song(9).With(kit.Grey).Aligned(line.Right))
	c.HLine(rosterLeft, rosterRight, 17*kit.MM, 0.6, kit.BrandDark)
	c.Line1(rosterLeft, kit.A4H-11*kit.MM, w, fmt.Sprintf("第 %d 页　共 %d 页", n, total), song(9).With(kit.Grey).Aligned(line.Center))
}

// titlePage sets the roster's title page: the mark, the title, the day, a
// table of the members by level and status, and a note on its use.
func (rw *rosterWriter) titlePage(ds *member.Dataset, active, withdrawn []*member.Member) {
	c := rw.c
	c.NewPage(kit.A4W, kit.A4H)
	w := kit.A4W - 2*rosterLeft
	// The mark, boxed in red at the top left as official documents mark
	// their classification.
	mark := hei(12).With(crimson).Tracked(2)
	mw := c.Width(InternalMark, mark)
	c.Frame(rosterLeft, 18*kit.MM, mw+8*kit.MM, 10*kit.MM, 0.8, crimson)
	c.Line1(rosterLeft+4*kit.MM, 18*kit.MM+6.9*kit.MM, mw, InternalMark, mark)

	c.Line1(rosterLeft, 78*kit.MM, w, Issuer, hei(20).With(kit.BrandDark).Aligned(line.Center).Tracked(3))
	c.Line1(rosterLeft, 100*kit.MM, w, "会员名录", hei(36).With(kit.BrandDark).Aligned(line.Center).Tracked(14))
	c.Line1(rosterLeft, 114*kit.MM, w, "（会员通信联络表）", song(14).Aligned(line.Center))
	c.HLine(kit.A4W/2-30*kit.MM, kit.A4W/2+30*kit.MM, 122*kit.MM, 0.8, gold)
	c.Line1(rosterLeft, 133*kit.MM, w, "截至"+officialDay(rw.day), song(12).Aligned(line.Center))

	// Counts by level and status.
	type row struct {
		name                        string
		total, active, susp, arrear int
	}
	var rows []row
	for _, lv := range member.Levels {
		r := row{name: lv.Value}
		for _, m := range active {
			if m.Level != lv.Value {
				continue
			}
			r.total++
			switch rw.status(m) {
			case rules.Suspended:
				r.susp++
			default:
				r.active++
			}
			if s := rw.res.Member(m.ID); s != nil && s.InArrears {
				r.arrear++
			}
		}
		rows = append(rows, r)
	}
	sum := row{name: "合计"}
	for _, r := range rows {
		sum.total, sum.active, sum.susp, sum.arrear = sum.total+r.total, sum.active+r.active, sum.susp+r.susp, sum.arrear+r.arrear
	}
	rows = append(rows, sum)
	cols := []string{"会员级别", "在册", "正常", "警告·暂停权利", "当年会费未缴"}
	colW := []float64{40 * kit.MM, 22 * kit.MM, 22 * kit.MM, 32 * kit.MM, 30 * kit.MM}
	tw := 0.0
	for _, cw := range colW {
		tw += cw
	}
	x0 := (kit.A4W - tw) / 2
	y := 150 * kit.MM
	rowH := 8.5 * kit.MM
	c.Rect(x0, y, tw, rowH, shade)
	cells := func(y float64, vals []string, st style) {
		x := x0
		for i, v := range vals {
			c.Line1(x, y+rowH/2+st.Size*0.36, colW[i], v, st.Aligned(line.Center))
			x += colW[i]
		}
	}
	cells(y, cols, hei(9.5))
	c.HLine(x0, x0+tw, y, 1, kit.BrandDark)
	y += rowH
	c.HLine(x0, x0+tw, y, 0.5, kit.BrandDark)
	for i, r := range rows {
		st := song(10)
		if i == len(rows)-1 {
			c.HLine(x0, x0+tw, y, 0.5, kit.BrandDark)
			st = hei(10)
		}
		cells(y, []string{r.name, fmt.Sprint(r.total), fmt.Sprint(r.active), fmt.Sprint(r.susp), fmt.Sprint(r.arrear)}, st)
		y += rowH
	}
	c.HLine(x0, x0+tw, y, 1, kit.BrandDark)
	y += 4 * kit.MM
	note := fmt.Sprintf("另有视同退会会员 %d 家，列于名录之末，供存档。会员状态依《会员管理办法》第九条按统计日（%s）计算。", len(withdrawn), cnDay(rw.day))
	y = c.Para(x0, y, tw, note, song(9).With(kit.Grey), 0)

	use := "本名录依据《会员管理办法》第四条编制，载有会员单位及其代表的全部联络方式，仅供协会秘书处及各部门工作使用。请妥善保管，不得外传、复制、公开或用于协会工作以外的用途；发现信息有误或变动，请告知会员发展部更正。"
	st := song(10).Led(1.7)
	h := c.ParaHeight(tw, use, st, 2*st.Size)
	yb := 252*kit.MM - h
	c.HLine(x0, x0+tw, yb-4*kit.MM, 0.4, kit.Rule)
	c.Para(x0, yb, tw, use, st, 2*st.Size)
	c.Line1(rosterLeft, 268*kit.MM, w, Issuer+"秘书处　编印", song(11).Aligned(line.Center))
	_ = y
}

// section sets a group of members under a heading: by region when byRegion
// is set.
func (rw *rosterWriter) section(title, count, note string, ms []*member.Member, byRegion bool) {
	c := rw.c
	w := rosterRight - rosterLeft
	head := hei(15).With(kit.BrandDark).Tracked(1)
	// A section starts on a new page unless it fits its heading, note and
	// first entries in the upper part of the page.
	if rw.y > rosterTop {
		if rw.y > rosterBottom-70*kit.MM {
			rw.cont = ""
			rw.need(1e9)
		} else {
			rw.y += 6 * kit.MM
		}
	}
	rw.cont = ""
	rw.need(head.Lead() + 40*kit.MM)
	c.Line1(rosterLeft, head.Baseline(rw.y), w, title, head)
	c.Line1(rosterLeft, head.Baseline(rw.y), w, count, song(10).With(kit.Grey).Aligned(line.Right))
	rw.y += head.Lead()
	c.HLine(rosterLeft, rosterRight, rw.y, 1.2, kit.BrandDark)
	rw.y += 3 * kit.MM
	if note != "" {
		rw.y = c.Para(rosterLeft, rw.y, w, note, song(9).With(kit.Grey), 0) + 2*kit.MM
	}
	rw.cont = title
	for i := 0; i < len(ms); {
		j := i + 1
		if byRegion {
			for j < len(ms) && ms[j].Region == ms[i].Region {
				j++
			}
			sub := hei(11)
			first := rw.entryHeight(ms[i])
			rw.need(sub.Lead() + 2*kit.MM + first)
			c.Rect(rosterLeft, rw.y, w, sub.Lead(), shade)
			c.Line1(rosterLeft+2*kit.MM, sub.Baseline(rw.y), w-4*kit.MM, ms[i].Region, sub)
			c.Line1(rosterLeft, sub.Baseline(rw.y), w-2*kit.MM, fmt.Sprintf("%d 家", j-i), song(9).With(kit.Grey).Aligned(line.Right))
			rw.y += sub.Lead() + 2*kit.MM
			rw.cont = title + "　" + ms[i].Region
		} else {
			j = len(ms)
		}
		for _, m := range ms[i:j] {
			rw.entry(m)
		}
		i = j
	}
	rw.cont = ""
}

// entryLines is one member's entry, broken into lines: the name line and
// the rows of the contact grid.
type entryLines struct {
	info []line.Line
	rows []entryRow
}

type entryRow struct {
	label string
	lines []line.Line
}

var (
	nameSt  = hei(11.5)
	tagSt   = song(8.5).With(crimson)
	infoSt  = song(8.5).With(kit.Grey)
	rowLbl  = hei(8.5).With(kit.Grey)
	fieldSt = hei(7.5).With(kit.Grey)
	valueSt = song(9.5)
	rowLead = 9.5 * 1.55
)

// build breaks a member's entry into lines.
func (rw *rosterWriter) build(m *member.Member) entryLines {
	c := rw.c
	w := rosterRight - rosterLeft
	var e entryLines
	var info []string
	if m.UnitType != "" {
		info = append(info, m.UnitType)
	}
	info = append(info, m.Industry, isoDay(m.Joined)+" 入会")
	if m.Website != "" {
		info = append(info, m.Website)
	}
	if !m.Listed {
		info = append(info, "不在公开名录中")
	}
	e.info = c.Lines(strings.Join(info, "　·　"), w, infoSt)

	cw := w - labelColW
	contact := func(ct member.Contact) []line.Item {
		var items []line.Item
		add := func(label, v string) {
			if v == "" {
				return
			}
			if len(items) > 0 {
				items = append(items, valueSt.Item("　"))
			}
			items = append(items, fieldSt.Item(label+" "), valueSt.Item(v))
		}
		add("电话", ct.Phone)
		add("手机", ct.Mobile)
		add("传真", ct.Fax)
		add("电子信箱", ct.Email)
		add("地址", ct.Address)
		return items
	}
	brk := func(items []line.Item) []line.Line {
		return line.Break(items, c.Set, line.Params{Width: cw})
	}
	if !m.Individual() {
		items := contact(m.Contact)
		if len(items) == 0 {
			items = []line.Item{tagSt.Item("（未登记单位联络方式）")}
		}
		e.rows = append(e.rows, entryRow{"单位", brk(items)})
	}
	reps := current(m, rw.res.Member(m.ID), rw.day)
	if rw.status(m) == rules.Withdrawn && len(reps) == 0 {
		// For the archive: the last representatives of a member that
		// left with them.
		for _, r := range m.Representatives {
			reps = append(reps, repView{Representative: r})
		}
	}
	for _, r := range reps {
		items := []line.Item{valueSt.Item(r.Name)}
		if r.Title != "" {
			items = append(items, valueSt.Item("　"+r.Title))
		}
		post, lost := r.post()
		if post != "" {
			items = append(items, valueSt.Item("　"), fieldSt.Item("会内职务 "), hei(9.5).With(kit.BrandDark).Item(post))
		}
		if lost != "" {
			items = append(items, tagSt.Item("（"+lost+"）"))
		}
		if r.HasLeft(rw.day) {
			left := "（" + isoDay(r.Left) + "调离"
			if r.LeftCity {
				left += "本市"
			}
			items = append(items, tagSt.Item(left+"）"))
		}
		ct := contact(r.Contact)
		if len(ct) == 0 {
			ct = []line.Item{fieldSt.Item("未登记个人联络方式")}
		}
		items = append(items, valueSt.Item("　"))
		items = append(items, ct...)
		label := r.Role
		if m.Individual() {
			label = "本人"
		}
		e.rows = append(e.rows, entryRow{label, brk(items)})
	}
	if len(e.rows) == 0 {
		e.rows = append(e.rows, entryRow{"代表", brk([]line.Item{tagSt.Item("（无在任代表）")})})
	}
	return e
}

func (rw *rosterWriter) entryHeight(m *member.Member) float64 {
	e := rw.build(m)
	h := nameSt.Lead() + float64(len(e.info))*infoSt.Lead() + 1.5*kit.MM
	for _, r := range e.rows {
		h += float64(len(r.lines)) * rowLead
	}
	return h + 3*kit.MM
}

// entry sets one member: its name with its status when not active, a line
// of facts, and the contact grid, followed by a hairline.
func (rw *rosterWriter) entry(m *member.Member) {
	c := rw.c
	w := rosterRight - rosterLeft
	e := rw.build(m)
	rw.need(rw.entryHeight(m))
	nst := c.Fit(m.Name, w*0.62, nameSt, 8)
	c.Line1(rosterLeft, nameSt.Baseline(rw.y), w, m.Name, nst)
	if s := rw.res.Member(m.ID); s != nil && s.Status != rules.Active {
		tag := "【" + statusNames[s.Status]
		if !s.Since.IsZero() {
			tag += "，" + isoDay(s.Since) + "起"
		}
		tag += "】"
		c.Line1(rosterLeft, nameSt.Baseline(rw.y), w, tag, tagSt.Aligned(line.Right))
	}
	rw.y += nameSt.Lead()
	for i := range e.info {
		c.Place(&e.info[i], rosterLeft, infoSt.Baseline(rw.y), infoSt)
		rw.y += infoSt.Lead()
	}
	rw.y += 1.5 * kit.MM
	lead := valueSt.Led(1.55)
	for _, r := range e.rows {
		c.Line1(rosterLeft, lead.Baseline(rw.y), labelColW, r.label, rowLbl)
		for i := range r.lines {
			c.Place(&r.lines[i], rosterLeft+labelColW, lead.Baseline(rw.y), valueSt)
			rw.y += rowLead
		}
	}
	rw.y += 1.5 * kit.MM
	c.HLine(rosterLeft, rosterRight, rw.y, 0.3, kit.Rule)
	rw.y += 1.5 * kit.MM
}
