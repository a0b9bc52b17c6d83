// Package membersheet is the member data as the secretariat's spreadsheets
// hold it: the 会员通信联络表 (会员管理办法第四条) that press exports and
// imports, and the sign-in sheet (签到表) of an activity. Exporting turns the
// dataset into rows; importing compares a sheet's rows with those the
// dataset would export and turns each changed cell into an in-place change
// of one data file, checked by the data model's own rules before anything
// is written.
package membersheet

import (
	"github.com/zzia/press/internal/clock"
	"sort"
	"strings"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sheet"
)

// Headers of the 会员通信联络表.
const (
	ColID         = "标识"
	ColName       = "单位名称"
	ColShort      = "简称"
	ColLevel      = "会员级别"
	ColUnitType   = "单位类型"
	ColRegion     = "区域"
	ColIndustry   = "行业"
	ColJoined     = "入会日期"
	ColWebsite    = "网站"
	ColListed     = "是否公开"
	ColMain       = "主代表"
	ColMainTitle  = "主代表职务"
	ColMainPost   = "主代表会内职务"
	ColMainMobile = "主代表手机"
	ColMainEmail  = "主代表电子信箱"
	ColDep        = "副代表"
	ColDepTitle   = "副代表职务"
	ColDepPost    = "副代表会内职务"
	ColDepMobile  = "副代表手机"
	ColDepEmail   = "副代表电子信箱"
	ColPhone      = "固定电话"
	ColFax        = "传真"
	ColEmail      = "单位电子信箱"
	ColAddress    = "通信地址"
)

// SheetName is the name of the members' sheet in the workbooks press writes.
const SheetName = "会员通信联络表"

// Columns are the columns of the 会员通信联络表, in order.
var Columns = []sheet.Column{
	{Header: ColID, Aliases: []string{"会员标识", "ID"}, Width: 18, Required: true, Note: "文件名（data/members/标识.yaml；个人会员为 data/people/标识.yaml）；新会员先用 press new member 建立"},
	{Header: ColName, Aliases: []string{"单位", "会员单位", "单位全称"}, Width: 30, Note: "单位全称；个人会员留空"},
	{Header: ColShort, Width: 12, Note: "单位简称"},
	{Header: ColLevel, Aliases: []string{"级别"}, Width: 12, Note: "副会长单位、理事单位、普通会员单位、个人会员"},
	{Header: ColUnitType, Width: 10, Note: strings.Join(member.UnitTypes.Values(), "、")},
	{Header: ColRegion, Aliases: []string{"所在区域"}, Width: 10, Note: strings.Join(member.Regions.Values(), "、")},
	{Header: ColIndustry, Aliases: []string{"所在行业"}, Width: 22, Note: strings.Join(member.Industries.Values(), "、")},
	{Header: ColJoined, Kind: sheet.Date, Width: 12, Note: "2026-01-31（文本格式）"},
	{Header: ColWebsite, Width: 24, Note: "https://…"},
	{Header: ColListed, Width: 9, Note: "是：在网站会员名录中公开；否：不公开"},
	{Header: ColMain, Aliases: []string{"主代表姓名"}, Width: 10, Note: "主代表姓名（个人会员为本人）；代表变更请改 YAML（第八条）"},
	{Header: ColMainTitle, Width: 12, Note: "主代表在本单位的职务"},
	{Header: ColMainPost, Aliases: []string{"会内职务"}, Width: 12, Note: strings.Join(member.HeldPosts.Values(), "、") + "，或留空"},
	{Header: ColMainMobile, Kind: sheet.Phone, Width: 15},
	{Header: ColMainEmail, Width: 24},
	{Header: ColDep, Aliases: []string{"副代表姓名"}, Width: 10},
	{Header: ColDepTitle, Width: 12},
	{Header: ColDepPost, Width: 12},
	{Header: ColDepMobile, Kind: sheet.Phone, Width: 15},
	{Header: ColDepEmail, Width: 24},
	{Header: ColPhone, Aliases: []string{"电话", "单位电话"}, Kind: sheet.Phone, Width: 15},
	{Header: ColFax, Kind: sheet.Phone, Width: 15},
	{Header: ColEmail, Aliases: []string{"电子信箱", "电子邮箱", "邮箱"}, Width: 24},
	{Header: ColAddress, Aliases: []string{"地址", "单位地址"}, Width: 36},
}

// Filter selects members by the four classifications of 会员管理办法第二条
// (会内职务, 单位类型, 区域, 行业) and by level; empty fields select all.
type Filter struct {
	Post, UnitType, Region, Industry, Level string
}

// Match reports whether the member (with its status) passes the filter.
func (f Filter) Match(m *member.Member, st *rules.MemberStatus) bool {
	if f.UnitType != "" && m.UnitType != f.UnitType ||
		f.Region != "" && m.Region != f.Region ||
		f.Industry != "" && m.Industry != f.Industry ||
		f.Level != "" && m.Level != f.Level {
		return false
	}
	if f.Post != "" {
		var posts []string
		if st != nil {
			posts = st.Posts
		}
		found := false
		for _, p := range posts {
			found = found || p == f.Post
		}
		return found
	}
	return true
}

// Template returns the empty 会员通信联络表 with its headers, and a second
// sheet that explains each column.
func Template() []*sheet.Table {
	notes := &sheet.Table{Name: "填写说明", Columns: []sheet.Column{{Header: "列", Width: 16}, {Header: "说明", Width: 90}}}
	for _, c := range Columns {
		n := c.Note
		if c.Kind == sheet.Phone && n == "" {
			n = "文本格式，保留开头的 0"
		}
		notes.Rows = append(notes.Rows, []string{c.Header, n})
	}
	return []*sheet.Table{{Name: SheetName, Columns: Columns}, notes}
}

// Table returns the 会员通信联络表 of the members that pass the filter, by
// level (副会长单位 first), then id.
func Table(ds *member.Dataset, res *rules.Result, f Filter) *sheet.Table {
	t := &sheet.Table{Name: SheetName, Columns: Columns}
	var ms []*member.Member
	for _, m := range ds.Members {
		var st *rules.MemberStatus
		if res != nil {
			st = res.Member(m.ID)
		}
		if f.Match(m, st) {
			ms = append(ms, m)
		}
	}
	sort.SliceStable(ms, func(i, j int) bool {
		return member.Levels.Index(ms[i].Level) < member.Levels.Index(ms[j].Level)
	})
	for _, m := range ms {
		r := Row(m, ds.Today)
		row := make([]string, len(Columns))
		for i, c := range Columns {
			row[i] = r[c.Header]
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// current returns the member's current representative of the role as of
// day, with its index in the member's file, or nil and -1.
func current(m *member.Member, role string, day time.Time) (*member.Representative, int) {
	for i, r := range m.Representatives {
		if r.Role == role && r.CurrentOn(day) {
			return r, i
		}
	}
	return nil, -1
}

// Row returns the cells of one member's row by header, as exported.
func Row(m *member.Member, day time.Time) map[string]string {
	listed := "否"
	if m.Listed {
		listed = "是"
	}
	r := map[string]string{
		ColID: m.ID, ColShort: m.ShortName, ColLevel: m.Level, ColUnitType: m.UnitType,
		ColRegion: m.Region, ColIndustry: m.Industry, ColWebsite: m.Website, ColListed: listed,
	}
	if !m.Joined.IsZero() {
		r[ColJoined] = m.Joined.In(clock.Zone).Format("2006-01-02")
	}
	if m.Individual() {
		if p := m.Person; p != nil {
			r[ColMain] = p.Name
			r[ColMainMobile] = p.Contact.Mobile
			r[ColMainEmail] = p.Contact.Email
			r[ColPhone] = p.Contact.Phone
			r[ColFax] = p.Contact.Fax
			r[ColAddress] = p.Contact.Address
		}
		return r
	}
	r[ColName] = m.Name
	r[ColPhone] = m.Contact.Phone
	r[ColFax] = m.Contact.Fax
	r[ColEmail] = m.Contact.Email
	r[ColAddress] = m.Contact.Address
	if rep, _ := current(m, member.RoleMain, day); rep != nil {
		r[ColMain], r[ColMainTitle], r[ColMainPost] = repName(rep), rep.Title, rep.Post
		if rep.Person != nil {
			r[ColMainMobile], r[ColMainEmail] = rep.Person.Contact.Mobile, rep.Person.Contact.Email
		}
	}
	if rep, _ := current(m, member.RoleDeputy, day); rep != nil {
		r[ColDep], r[ColDepTitle], r[ColDepPost] = repName(rep), rep.Title, rep.Post
		if rep.Person != nil {
			r[ColDepMobile], r[ColDepEmail] = rep.Person.Contact.Mobile, rep.Person.Contact.Email
		}
	}
	return r
}

func repName(r *member.Representative) string {
	if r.Person != nil {
		return r.Person.Name
	}
	return r.Name
}
