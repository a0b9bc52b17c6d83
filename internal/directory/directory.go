// Package directory projects the member and activity data onto what the
// public site may show: the member directory (会员名录) with its four
// classifications, the activity calendar (活动与培训) and the chronicle
// (大事记), as Go values and as deterministic JSON for the site's templates,
// plus the public CSV of the directory.
//
// Nothing private leaves this package: no phone, mobile, fax, e-mail or
// postal address, no fees, no secretariat notes, no attendance persons, and
// no member that is not listed. Text is passed through as written; the
// templates escape it.
package directory

import (
	"bytes"
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
)

// PageSize is how many members a page of a listing shows (a level, a
// value of a classification); Preview how many of each level the
// directory's first page shows when the directory is larger than a page.
// At about 0.5–1 KB of HTML a member, every page stays well under 300 KB.
const (
	PageSize = 200
	Preview  = 40
)

// Term is a value of a closed list with its URL slug.
type Term struct {
	Value string `json:"value"`
	Slug  string `json:"slug"`
}

// Directory is the public member directory. It says nothing of a member's
// standing under Article 9: a suspended member keeps its name of member
// and is listed like any other; a member treated as withdrawn is not a
// member and is not listed. Statuses and reasons are in the internal
// report only.
type Directory struct {
	Today string `json:"today"` // the rules' day, YYYY-MM-DD
	// Total counts Members.
	Total int `json:"total"`
	// Members are the listed members that are members in name, by level
	// from the highest, then by name in pinyin order.
	Members []Member `json:"members"`
	// Paged says the directory is larger than a page: its first page shows
	// Preview members of each level and links to the levels' pages.
	Paged    bool `json:"paged"`
	PageSize int  `json:"page_size"`
	Preview  int  `json:"preview"`
	// Levels groups Members by level, highest first; every level appears.
	Levels Classification `json:"levels"`
	// Classifications are the four of Article 2, in its order: 会内职务,
	// 单位类型, 区域, 行业. Every allowed value appears, with count 0 if unused.
	Classifications []Classification `json:"classifications"`
}

// Member is the public view of one member.
type Member struct {
	ID        string `json:"id"`
	Slug      string `json:"slug"`
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	Level     Term   `json:"level"`
	UnitType  Term   `json:"unit_type"`
	Region    Term   `json:"region"`
	Industry  Term   `json:"industry"`
	Posts     []Term `json:"posts"` // effective posts, highest first; 会员 when none
	Joined    string `json:"joined"`
	Website   string `json:"website,omitempty"`
	Logo      string `json:"logo,omitempty"`
	Intro     string `json:"intro,omitempty"` // Markdown
	// Former, for an individual member by Article 7, names the unit the
	// person represented.
	Former          string           `json:"former,omitempty"`
	Representatives []Representative `json:"representatives"`
	// Search is the text the client-side filter matches: names and values.
	Search string `json:"search"`
}

// Representative is the public view of a current representative.
type Representative struct {
	Role  string `json:"role"`
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
	Post  string `json:"post,omitempty"` // effective post
}

// Summary is a member as listed on a classification page.
type Summary struct {
	ID        string `json:"id"`
	Slug      string `json:"slug"`
	Name      string `json:"name"`
	ShortName string `json:"short_name,omitempty"`
	Level     string `json:"level"`
}

// Classification is one way of grouping the directory, with every value.
type Classification struct {
	Key    string  `json:"key"`   // post, unit_type, region, industry or level
	Label  string  `json:"label"` // 会内职务, …
	Slug   string  `json:"slug"`  // for URLs: posts, unit-types, regions, industries, levels
	Max    int     `json:"max"`   // the largest count, to scale bar charts
	Groups []Group `json:"groups"`
}

// Group is the members with one value of a classification.
type Group struct {
	Value   string    `json:"value"`
	Slug    string    `json:"slug"`
	Count   int       `json:"count"`
	Percent int       `json:"percent"` // of Max, rounded, 0–100: a bar's length
	Pages   int       `json:"pages"`   // pages of PageSize members the group's listing takes
	Members []Summary `json:"members"`
}

// BuildDirectory projects the members of ds, with their derived status in
// res, onto the public directory.
func BuildDirectory(ds *member.Dataset, res *rules.Result) *Directory {
	dir := &Directory{Today: day(res.Today), Members: []Member{}, PageSize: PageSize, Preview: Preview}
	var listed []*member.Member
	for _, m := range ds.Members {
		if s := res.Member(m.ID); m.Listed && s != nil && s.Status != rules.Withdrawn {
			listed = append(listed, m)
		}
	}
	SortMembers(listed)
	for _, m := range listed {
		dir.Members = append(dir.Members, publicMember(m, res.Member(m.ID)))
	}
	dir.Total = len(dir.Members)
	dir.Paged = dir.Total > PageSize

	dir.Levels = classify("level", "会员级别", "levels", member.Levels, dir.Members,
		func(m *Member) []string { return []string{m.Level.Value} })
	dir.Classifications = []Classification{
		classify("post", "会内职务", "posts", member.Posts, dir.Members, func(m *Member) []string {
			out := make([]string, len(m.Posts))
			for i, p := range m.Posts {
				out[i] = p.Value
			}
			return out
		}),
		classify("unit_type", "单位类型", "unit-types", member.UnitTypes, dir.Members,
			func(m *Member) []string { return []string{m.UnitType.Value} }),
		classify("region", "区域", "regions", member.Regions, dir.Members,
			func(m *Member) []string { return []string{m.Region.Value} }),
		classify("industry", "行业", "industries", member.Industries, dir.Members,
			func(m *Member) []string { return []string{m.Industry.Value} }),
	}
	return dir
}

func publicMember(m *member.Member, s *rules.MemberStatus) Member {
	pm := Member{
		ID: m.ID, Slug: m.ID, Name: m.Name, ShortName: m.ShortName,
		Level:    term(member.Levels, m.Level),
		UnitType: term(member.UnitTypes, m.UnitType),
		Region:   term(member.Regions, m.Region),
		Industry: term(member.Industries, m.Industry),
		Joined:   day(m.Joined), Website: m.Website, Logo: publicLogo(m), Intro: m.Intro,
		Representatives: []Representative{},
	}
	if m.Derived && m.Former != nil && m.Former.Member != nil && m.Former.Member.Listed {
		pm.Former = m.Former.Member.Name
	}
	for _, p := range s.Posts {
		pm.Posts = append(pm.Posts, term(member.Posts, p))
	}
	for i, r := range m.Representatives {
		rs := s.Representatives[i]
		if !rs.Current {
			continue
		}
		pm.Representatives = append(pm.Representatives, Representative{
			Role: r.Role, Name: r.Name, Title: r.Title, Post: rs.EffectivePost,
		})
	}
	sort.SliceStable(pm.Representatives, func(i, j int) bool {
		return member.Roles.Index(pm.Representatives[i].Role) < member.Roles.Index(pm.Representatives[j].Role)
	})
	pm.Search = searchText(pm)
	return pm
}

func searchText(m Member) string {
	parts := []string{m.Name, m.ShortName, m.ID, m.Level.Value, m.UnitType.Value, m.Region.Value, m.Industry.Value}
	for _, p := range m.Posts {
		parts = append(parts, p.Value)
	}
	out := ""
	for _, p := range parts {
		if p != "" {
			if out != "" {
				out += " "
			}
			out += p
		}
	}
	return out
}

func classify(key, label, slug string, voc member.Vocabulary, members []Member, values func(*Member) []string) Classification {
	c := Classification{Key: key, Label: label, Slug: slug}
	index := map[string]int{}
	for _, t := range voc {
		index[t.Value] = len(c.Groups)
		c.Groups = append(c.Groups, Group{Value: t.Value, Slug: t.Slug, Members: []Summary{}})
	}
	for i := range members {
		m := &members[i]
		for _, v := range values(m) {
			g, ok := index[v]
			if !ok {
				continue
			}
			c.Groups[g].Count++
			c.Groups[g].Members = append(c.Groups[g].Members, Summary{
				ID: m.ID, Slug: m.Slug, Name: m.Name, ShortName: m.ShortName, Level: m.Level.Value,
			})
		}
	}
	for _, g := range c.Groups {
		c.Max = max(c.Max, g.Count)
	}
	for i := range c.Groups {
		if c.Max > 0 {
			c.Groups[i].Percent = (c.Groups[i].Count*100 + c.Max/2) / c.Max
		}
		c.Groups[i].Pages = max(1, (c.Groups[i].Count+PageSize-1)/PageSize)
	}
	return c
}

// collators hand out the pinyin collators SortMembers uses (a Collator is
// for one goroutine at a time); the directory sorts the units of each of
// thousands of activities.
var collators = sync.Pool{New: func() any { return collate.New(language.Chinese) }}

// SortMembers orders members by level from the highest, then by name in
// pinyin order, then by id.
func SortMembers(ms []*member.Member) {
	// Each name's collation key is made once: comparing keys orders as
	// comparing the names does, without collating a name at every step.
	col := collators.Get().(*collate.Collator)
	defer collators.Put(col)
	var buf collate.Buffer
	type keyed struct {
		m     *member.Member
		level int
		key   []byte
	}
	ks := make([]keyed, len(ms))
	for i, m := range ms {
		ks[i] = keyed{m, member.Levels.Index(m.Level), col.KeyFromString(&buf, m.Name)}
	}
	slices.SortStableFunc(ks, func(a, b keyed) int {
		if a.level != b.level {
			return cmp.Compare(a.level, b.level)
		}
		if c := bytes.Compare(a.key, b.key); c != 0 {
			return c
		}
		return strings.Compare(a.m.ID, b.m.ID)
	})
	for i, k := range ks {
		ms[i] = k.m
	}
}

func term(voc member.Vocabulary, v string) Term { return Term{Value: v, Slug: voc.Slug(v)} }

func day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(clock.Zone).Format("2006-01-02")
}

// publicLogo is the member's logo when it is marked public (logo_public),
// else nothing: a logo or photo is internal unless marked so (第三条).
func publicLogo(m *member.Member) string {
	if m.LogoPublic {
		return m.Logo
	}
	return ""
}
