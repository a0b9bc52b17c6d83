package directory

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/clock/clocktest"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/rules"
)

// d is the day s (YYYY-MM-DD) in Beijing time.
var d = clocktest.Day

// markers hands out unique strings and remembers them.
type markers struct{ all []string }

func (mk *markers) next(what string) string {
	s := fmt.Sprintf("PRIVATE-%s-%03d", what, len(mk.all))
	mk.all = append(mk.all, s)
	return s
}

// fillContact sets every field of a Contact, found by reflection so that a
// field added later is covered too.
func (mk *markers) fillContact(c *member.Contact) {
	v := reflect.ValueOf(c).Elem()
	for i := 0; i < v.NumField(); i++ {
		v.Field(i).SetString(mk.next(v.Type().Field(i).Name))
	}
}

// fixture returns members and activities whose private fields all hold
// markers, and the markers.
func fixture() (*member.Dataset, []string) {
	mk := &markers{}
	newMember := func(id, name, level, post string, listed bool) *member.Member {
		m := &member.Member{
			ID: id, Name: name, Level: level, UnitType: "企业", Region: "金水区", Industry: "互联网",
			Joined: d("2025-01-01"), Listed: listed, Intro: "<script>alert('x')</script>",
			Representatives: []*member.Representative{
				{Role: member.RoleMain, Name: name + "代表", Title: "总经理", Post: post},
				{Role: member.RoleDeputy, Name: mk.next("LEFTREP"), Post: member.PostDeputySecGen, Left: d("2025-06-01")},
			},
			Notes: mk.next("NOTES"),
			Fees:  []member.Fee{{Year: 2026, Amount: 7654321, Paid: d("2026-01-01"), Note: mk.next("FEENOTE")}},
		}
		mk.fillContact(&m.Contact)
		for _, r := range m.Representatives {
			mk.fillContact(&r.Contact)
		}
		return m
	}
	members := []*member.Member{
		newMember("vp", "郑州示例云数据科技有限公司", member.LevelVicePresident, member.PostVicePresident, true),
		newMember("council", "中原虚构大学", member.LevelCouncil, member.PostCouncil, true),
		newMember("ord", "安阳示例信息有限公司", member.LevelOrdinary, "", true),
		newMember("gone", "北湖虚构软件有限公司", member.LevelOrdinary, "", true),
	}
	hidden := newMember("hidden-unit", mk.next("UNLISTEDNAME"), member.LevelCouncil, member.PostCouncil, false)
	hidden.ShortName = mk.next("UNLISTEDSHORT")
	hidden.Representatives[0].Name = mk.next("UNLISTEDREP")
	hidden.Intro = mk.next("UNLISTEDINTRO")
	hidden.Website = "https://" + strings.ToLower(mk.next("unlistedsite")) + ".example.com"
	members = append(members, hidden)

	var acts []*member.Activity
	for i := 0; i < 8; i++ {
		a := &member.Activity{
			ID: fmt.Sprintf("act-%d", i), Title: fmt.Sprintf("活动%d", i), Kind: "论坛", Department: "咨询培训部",
			Start: d("2026-01-01").AddDate(0, i, 0).Add(14 * time.Hour), Status: member.StatusHeld, Audience: member.AudienceAll,
			Attendance: []member.Attendance{
				{Member: "vp", Persons: []string{"郑州示例云数据科技有限公司代表"}},
				{Member: "council", Persons: []string{"中原虚构大学代表"}},
				{Member: "hidden-unit", Persons: []string{hidden.Representatives[0].Name}, Others: 1},
			},
		}
		if i < 5 { // "ord" stops coming after 5, "gone" never comes
			a.Attendance = append(a.Attendance, member.Attendance{Member: "ord", Others: 1})
		}
		a.End = a.Start.Add(3 * time.Hour)
		acts = append(acts, a)
	}
	planned := &member.Activity{ID: "next", Title: "年会", Kind: "会议", Department: "行政人事部", Status: member.StatusPlanned,
		Audience: member.AudienceAll, Start: d("2026-12-20").Add(9 * time.Hour), AllDay: false,
		Registration: member.Registration{URL: "https://reg.example.com/next", Deadline: d("2026-12-10")}}
	planned.End = planned.Start.Add(8 * time.Hour)
	acts = append(acts, planned)
	ds, diags := member.Assemble(msg.En, member.Sources{Members: members, Activities: acts, Chronicle: []member.Milestone{{Date: d("2010-05-18"), Title: "促进会成立"}}}, time.Time{})
	if diags.HasErrors() {
		panic(diags)
	}
	return ds, mk.all
}

func build(t *testing.T) (*Site, []string) {
	t.Helper()
	ds, marks := fixture()
	return Build(ds, rules.Derive(ds, d("2026-11-27"))), marks
}

// TestNoPrivateData fills every private field with a unique marker and
// checks that none reaches the JSON or the CSV.
func TestNoPrivateData(t *testing.T) {
	site, marks := build(t)
	files, err := site.DataFiles()
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string][]byte{"members.csv": site.Directory.CSV()}
	assets, err := site.AssetFiles(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range append(files, assets...) {
		outputs[f.Name] = f.Data
	}
	if len(marks) < 20 {
		t.Fatalf("only %d markers", len(marks))
	}
	for name, b := range outputs {
		for _, m := range marks {
			if bytes.Contains(bytes.ToUpper(b), []byte(strings.ToUpper(m))) {
				t.Errorf("%s contains private marker %s", name, m)
			}
		}
		for _, s := range []string{"7654321", "hidden-unit", "PRIVATE"} {
			if bytes.Contains(b, []byte(s)) {
				t.Errorf("%s contains %q", name, s)
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, _ := build(t)
	b, _ := build(t)
	fa, _ := a.DataFiles()
	fb, _ := b.DataFiles()
	aa, _ := a.AssetFiles(nil)
	ab, _ := b.AssetFiles(nil)
	fa, fb = append(fa, aa...), append(fb, ab...)
	for i := range fa {
		if !bytes.Equal(fa[i].Data, fb[i].Data) {
			t.Errorf("%s differs between builds", fa[i].Name)
		}
	}
	if !bytes.Equal(a.Directory.CSV(), b.Directory.CSV()) {
		t.Error("CSV differs between builds")
	}
}

func TestDirectory(t *testing.T) {
	site, _ := build(t)
	dir := site.Directory
	var names []string
	for _, m := range dir.Members {
		names = append(names, m.ID)
	}
	// Levels first, then pinyin: "gone" (北湖) never attended and is treated
	// as withdrawn: not listed; "ord" (安阳) missed the last 3 and is
	// suspended: listed like the others, its standing not shown.
	if got := strings.Join(names, " "); got != "vp council ord" {
		t.Errorf("members = %s", got)
	}
	if dir.Total != 3 || dir.Paged {
		t.Errorf("total %d, paged %v", dir.Total, dir.Paged)
	}
	for _, m := range dir.Members {
		for _, r := range m.Representatives {
			if strings.HasPrefix(r.Name, "PRIVATE") {
				t.Errorf("a representative who left is shown: %+v", r)
			}
		}
	}
	if len(dir.Classifications) != 4 {
		t.Fatalf("%d classifications", len(dir.Classifications))
	}
	want := []string{"post", "unit_type", "region", "industry"}
	for i, c := range dir.Classifications {
		if c.Key != want[i] {
			t.Errorf("classification %d is %s, want %s", i, c.Key, want[i])
		}
		total := 0
		for _, g := range c.Groups {
			total += g.Count
			if g.Count != len(g.Members) || g.Slug == "" {
				t.Errorf("%s/%s: count %d, %d members, slug %q", c.Key, g.Value, g.Count, len(g.Members), g.Slug)
			}
		}
		if c.Key != "post" && total != dir.Total {
			t.Errorf("%s counts %d members, want %d", c.Key, total, dir.Total)
		}
	}
	posts := map[string]int{}
	for _, g := range dir.Classifications[0].Groups {
		posts[g.Value] = g.Count
	}
	if posts["副会长"] != 1 || posts["理事"] != 1 || posts["会员"] != 1 {
		t.Errorf("post counts %v", posts)
	}
	region := dir.Classifications[2]
	for _, g := range region.Groups {
		if g.Value == "金水区" && (g.Count != 3 || g.Percent != 100 || region.Max != 3) {
			t.Errorf("金水区: %+v max %d", g, region.Max)
		}
	}
	if len(dir.Levels.Groups) != 4 || dir.Levels.Groups[0].Value != member.LevelVicePresident || dir.Levels.Groups[0].Count != 1 {
		t.Errorf("levels = %+v", dir.Levels.Groups)
	}
}

func TestCSV(t *testing.T) {
	site, _ := build(t)
	b := site.Directory.CSV()
	if !bytes.HasPrefix(b, []byte("\ufeff标识,名称")) || !bytes.Contains(b, []byte("\r\n")) {
		t.Errorf("CSV starts %q", b[:40])
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[1][0] != "vp" || rows[1][7] != "副会长" || rows[3][0] != "ord" || len(rows[3]) != len(CSVHeader) {
		t.Errorf("rows = %q", rows)
	}
}

func TestCalendar(t *testing.T) {
	site, _ := build(t)
	cal := site.Calendar
	if len(cal.Activities) != 9 || len(cal.Upcoming) != 1 || cal.Upcoming[0].ID != "next" {
		t.Fatalf("activities %d upcoming %+v", len(cal.Activities), cal.Upcoming)
	}
	if len(cal.Archive) != 1 || cal.Archive[0].Year != 2026 || cal.Archive[0].Count != 8 || cal.Archive[0].Activities[0].ID != "act-7" {
		t.Errorf("archive = %+v", cal.Archive)
	}
	if len(cal.Months) != 9 || cal.Months[0].Label != "2026年1月" {
		t.Errorf("months = %+v", cal.Months)
	}
	first := cal.Activities[0]
	if first.Start != "2026-01-01T14:00:00+08:00" || first.When != "2026年1月1日 14:00–17:00" {
		t.Errorf("first = %s %s", first.Start, first.When)
	}
	if at := first.Attendance; at == nil || at.Count != 4 || at.People != 5 || len(at.Units) != 3 {
		t.Errorf("attendance = %+v", first.Attendance)
	}
	next := cal.Activities[8]
	if next.Registration == nil || !next.Registration.Open || next.Attendance != nil {
		t.Errorf("next = %+v", next)
	}
	chron := site.Chronicle
	if len(chron.Years) != 2 || chron.Years[0].Year != 2026 || chron.Years[1].Entries[0].Title != "促进会成立" {
		t.Errorf("chronicle = %+v", chron.Years)
	}
	if e := chron.Years[0].Entries; len(e) != 8 || e[0].Activity != "act-0" {
		t.Errorf("2026 entries = %+v", e)
	}
}

func TestJSONShape(t *testing.T) {
	site, _ := build(t)
	files, _ := site.DataFiles()
	assets, err := site.AssetFiles(nil)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string][]byte{}
	for _, a := range assets {
		byName[a.Name] = a.Data
	}
	// Every shard and every value has its file, count 0 included.
	want := 1 + EntryShards + ActivityShards + len(site.Directory.Levels.Groups)
	for _, c := range site.Directory.Classifications {
		want += len(c.Groups)
	}
	if len(files) != 3 || files[2].Name != "members.json" || len(assets) != want || byName["press/directory.json"] == nil {
		t.Fatalf("files %v, assets %v (want %d)", names(files), names(assets), want)
	}
	if !slices.IsSortedFunc(assets, func(a, b File) int { return strings.Compare(a.Name, b.Name) }) {
		t.Errorf("assets not in name order: %v", names(assets))
	}
	// Mounted as data/press/ and assets/press/, an asset named as a data
	// file would share its path within the folder, and Hugo's partial
	// rebuild keeps only one of two changed files with the same path.
	for _, f := range files {
		for _, a := range assets {
			if a.Name == "press/"+f.Name {
				t.Errorf("the asset %s has the path of the data file %s", a.Name, f.Name)
			}
		}
	}
	// The data file is the counts and classifications; the asset the whole
	// directory.
	var sum, full map[string]any
	if err := json.Unmarshal(files[2].Data, &sum); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(byName["press/directory.json"], &full); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"today", "total", "paged", "page_size", "levels", "classifications"} {
		if _, ok := sum[k]; !ok {
			t.Errorf("members.json lacks %q", k)
		}
	}
	for _, k := range []string{"today", "total", "members", "paged", "levels", "classifications", "entry_shards"} {
		if _, ok := full[k]; !ok {
			t.Errorf("press/directory.json lacks %q", k)
		}
	}
	// What one member's file changes is not in the data (Hugo renders every
	// page that reads hugo.Data again when it changes): no names.
	for _, m := range site.Directory.Members {
		for _, f := range files {
			if bytes.Contains(f.Data, []byte(`"`+m.Name+`"`)) {
				t.Errorf("%s holds member %s's name", f.Name, m.ID)
			}
		}
	}
	for _, a := range site.Calendar.Activities {
		if a.Attendance != nil && len(a.Attendance.Units) > 0 {
			f := fmt.Sprintf("press/activities/%02d.json", Shard(a.ID, ActivityShards))
			if !bytes.Contains(byName[f], []byte(a.Attendance.Units[0].Name)) {
				t.Errorf("%s lacks %s's attendance", f, a.ID)
			}
		}
	}
	// Nothing says a member's standing under Article 9.
	for _, w := range []string{"suspended", "withdrawn", "警告", "暂停", "退会", "北湖"} {
		for _, f := range append(files, assets...) {
			if bytes.Contains(f.Data, []byte(w)) {
				t.Errorf("%s says %q", f.Name, w)
			}
		}
		if bytes.Contains(site.Directory.CSV(), []byte(w)) {
			t.Errorf("the CSV says %q", w)
		}
	}
	// HTML stays data in the JSON (escaped for JSON, not removed).
	var entries []byte
	for i := range EntryShards {
		entries = append(entries, byName[fmt.Sprintf("press/entries/%02d.json", i)]...)
	}
	if !bytes.Contains(entries, []byte(`\u003cscript\u003ealert('x')\u003c/script\u003e`)) {
		t.Error("intro with HTML not kept as data")
	}
}

func names(fs []File) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Name)
	}
	return out
}

// A directory larger than a page is paged: every listing says how many
// pages of PageSize members it takes.
func TestPaged(t *testing.T) {
	var ms []*member.Member
	for i := range 450 {
		ms = append(ms, &member.Member{ID: fmt.Sprintf("m%03d", i), Name: fmt.Sprintf("示例%03d", i), Level: member.LevelOrdinary,
			UnitType: "企业", Region: "金水区", Industry: "互联网", Joined: d("2026-11-01"), Listed: true,
			Representatives: []*member.Representative{{Role: member.RoleMain, Name: fmt.Sprintf("代表%03d", i)}}})
	}
	ds, diags := member.Assemble(msg.En, member.Sources{Members: ms}, time.Time{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	dir := BuildDirectory(ds, rules.Derive(ds, d("2026-11-27")))
	if !dir.Paged || dir.Total != 450 || dir.PageSize != PageSize {
		t.Fatalf("paged %v total %d", dir.Paged, dir.Total)
	}
	if g := dir.Levels.Groups[2]; g.Value != member.LevelOrdinary || g.Pages != 3 || len(g.Members) != 450 {
		t.Errorf("ordinary: %d pages, %d members", g.Pages, len(g.Members))
	}
	if g := dir.Levels.Groups[0]; g.Pages != 1 || g.Count != 0 {
		t.Errorf("an empty level has %d pages", g.Pages)
	}
	// /members/ lists the first Preview members of each level only, in
	// the directory's order.
	listed := dir.listed()
	var entries [][]byte
	for i, m := range dir.Members {
		if listed[i] {
			entries = append(entries, []byte(`"`+m.ID+`"`))
		}
	}
	b, err := dir.page(entries)
	if err != nil {
		t.Fatal(err)
	}
	var p struct{ Members []string }
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Members) != Preview || p.Members[0] != dir.Members[0].ID || p.Members[Preview-1] != dir.Members[Preview-1].ID {
		t.Errorf("/members/ lists %d members, want the first %d", len(p.Members), Preview)
	}
}

// One member's new name changes only the asset files that hold it: its
// entry's shard (and that of an entry naming it as its former unit), the
// files of its values, /members/'s own file when it lists the member, and
// the attendance of the activities it attended; the others keep their
// bytes, so Hugo decodes only those again.
func TestRenameChangesFewAssets(t *testing.T) {
	ds := membertest.Load(t, 400, 300)
	today := membertest.Today
	before, err := Build(ds, rules.Derive(ds, today)).AssetFiles(nil)
	if err != nil {
		t.Fatal(err)
	}
	m := ds.Members[7]
	m.Name += "（更名）"
	site := Build(ds, rules.Derive(ds, today))
	after, err := site.AssetFiles(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !site.Directory.Paged {
		t.Fatal("want a paged directory of 400 members")
	}
	want := map[string]bool{fmt.Sprintf("press/entries/%02d.json", Shard(m.ID, EntryShards)): true}
	var pm Member
	for _, e := range site.Directory.Members {
		if e.ID == m.ID {
			pm = e
		}
		if e.Former == m.Name { // a member's entry that names it as its former unit
			want[fmt.Sprintf("press/entries/%02d.json", Shard(e.ID, EntryShards))] = true
		}
	}
	if pm.ID == "" {
		t.Fatalf("%s is not in the directory", m.ID)
	}
	want["press/groups/levels/"+pm.Level.Slug+".json"] = true
	want["press/groups/unit-types/"+pm.UnitType.Slug+".json"] = true
	want["press/groups/regions/"+pm.Region.Slug+".json"] = true
	want["press/groups/industries/"+pm.Industry.Slug+".json"] = true
	for _, p := range pm.Posts {
		want["press/groups/posts/"+p.Slug+".json"] = true
	}
	attended := 0
	for _, a := range site.Calendar.Activities {
		if a.Attendance == nil {
			continue
		}
		for _, u := range a.Attendance.Units {
			if strings.Contains(u.Name, "（更名）") {
				want[fmt.Sprintf("press/activities/%02d.json", Shard(a.ID, ActivityShards))] = true
				attended++
			}
		}
	}
	if attended == 0 {
		t.Fatalf("%s attended nothing: pick another member", m.ID)
	}
	if len(before) != len(after) {
		t.Fatalf("%d asset files before the rename, %d after", len(before), len(after))
	}
	for i, a := range after {
		changed := !bytes.Equal(a.Data, before[i].Data)
		if a.Name == "press/directory.json" {
			continue // it lists the member when the member is among the first of its level
		}
		if changed != want[a.Name] {
			t.Errorf("%s: changed %v, want %v", a.Name, changed, want[a.Name])
		}
	}
	if len(want) > len(after)/4 {
		t.Errorf("the rename changes %d of %d files", len(want), len(after))
	}
}

// TestAdapterPages: the shards hold each member's and activity's page as
// the content adapters add it, with what the templates made before:
// the description, the link title (the short name, else the name), a
// cancelled activity marked, and null attendance for one not held.
func TestAdapterPages(t *testing.T) {
	site, _ := build(t)
	site.Calendar.Activities[1].Status = member.StatusCancelled
	site.Calendar.Activities[1].Location = "郑州市"
	assets, err := site.AssetFiles(nil)
	if err != nil {
		t.Fatal(err)
	}
	pages := map[string]map[string]any{}
	for _, a := range assets {
		if !strings.HasPrefix(a.Name, "press/entries/") && !strings.HasPrefix(a.Name, "press/activities/") {
			continue
		}
		var list []map[string]any
		if err := json.Unmarshal(a.Data, &list); err != nil {
			t.Fatalf("%s: %v", a.Name, err)
		}
		for _, p := range list {
			if p["kind"] != "page" {
				t.Errorf("%s: kind %v", a.Name, p["kind"])
			}
			pages[strings.Split(a.Name, "/")[1]+"/"+p["path"].(string)] = p
		}
	}
	if len(pages) != len(site.Directory.Members)+len(site.Calendar.Activities) {
		t.Fatalf("%d pages for %d members and %d activities", len(pages), len(site.Directory.Members), len(site.Calendar.Activities))
	}
	for _, m := range site.Directory.Members {
		p := pages["entries/"+m.Slug]
		link := m.ShortName
		if link == "" {
			link = m.Name
		}
		params, _ := p["params"].(map[string]any)
		entry, _ := params["entry"].(map[string]any)
		if p["title"] != m.Name || p["linkTitle"] != link || params["member"] != m.ID || entry["name"] != m.Name ||
			p["description"] != m.Name+"："+m.Level.Value+"，"+m.Region.Value+"，"+m.Industry.Value+"。" {
			t.Errorf("member %s: page %v", m.ID, p)
		}
	}
	for i, a := range site.Calendar.Activities {
		p := pages["activities/"+a.Slug]
		params, _ := p["params"].(map[string]any)
		att, has := params["attendance"]
		want := a.Kind.Value + "｜" + a.When + "｜" + a.Location
		if i == 1 {
			want = a.Kind.Value + "｜" + a.When + "｜郑州市（已取消）"
		}
		if p["title"] != a.Title || p["description"] != want || params["activity"] != a.ID || !has || (att == nil) != (a.Attendance == nil) {
			t.Errorf("activity %s: page %v, want description %q", a.ID, p, want)
		}
		if _, ok := p["linkTitle"]; ok {
			t.Errorf("activity %s: a link title", a.ID)
		}
	}
}

// AssetFiles gives the bytes encoding/json gives the pages and lists
// (referenceAssets), and with the JSON it encoded last the same bytes as
// without it, edit after edit: a rename (its page, the lists and the
// activities naming it), a new introduction (its page only), an activity
// retitled, a member gone and back (a page and a list entry fewer, then
// more), a paged directory turned unpaged, and one without members. A
// renamed member is encoded again; one unchanged is taken from the memo.
func TestEncodedGivesTheSameBytes(t *testing.T) {
	ds := membertest.Load(t, 400, 300)
	today := membertest.Today
	enc := &Encoded{}
	step := func(name string, ds *member.Dataset) {
		t.Helper()
		site := Build(ds, rules.Derive(ds, today))
		want := referenceAssets(t, site)
		for _, memo := range []*Encoded{nil, enc} {
			got, err := site.AssetFiles(memo)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(want) {
				t.Fatalf("%s (memo %v): %d files, want %d", name, memo != nil, len(got), len(want))
			}
			for i := range want {
				if got[i].Name != want[i].Name || !bytes.Equal(got[i].Data, want[i].Data) {
					t.Errorf("%s (memo %v): %s is not %s as encoding/json encodes it", name, memo != nil, got[i].Name, want[i].Name)
				}
			}
		}
		if n, m := len(enc.members), len(site.Directory.Members); n != m {
			t.Errorf("%s: the memo keeps %d members, the directory has %d", name, n, m)
		}
	}
	step("first", ds)
	kept := enc.members
	m := ds.Members[7]
	m.Name += "（更名𠀾𪚥😀<&>）" // Extension B, an emoji, and what JSON escapes for HTML
	step("rename", ds)
	for id, e := range enc.members {
		if id == m.ID {
			if !strings.Contains(string(e.page), "（更名𠀾𪚥😀\\u003c\\u0026\\u003e）") {
				t.Errorf("the renamed member's page was taken from the memo: %s", e.page)
			}
		} else if k, ok := kept[id]; ok && reflect.DeepEqual(k.m, e.m) && &k.page[0] != &e.page[0] {
			t.Errorf("%s: unchanged, yet encoded again", id)
		}
	}
	m.Intro += "\n\n新的介绍。"
	step("introduction", ds)
	for _, a := range ds.Activities {
		if a.Held() {
			a.Title += "（改）"
			break
		}
	}
	step("activity", ds)
	gone := ds.Members[9]
	ds.Members = slices.Delete(ds.Members, 9, 10)
	step("member gone", ds)
	ds.Members = slices.Insert(ds.Members, 9, gone)
	step("member back", ds)
	small := membertest.Load(t, 30, 20)
	step("unpaged", small)
	small.Members = nil
	step("no member", small)
}

// referenceAssets are s's asset files as encoding/json encodes each whole:
// the slices of pages, the directory's page with its members, the lists.
func referenceAssets(t *testing.T, s *Site) []File {
	t.Helper()
	var vs []namedValue
	acts := make([][]AdapterPage[ActivityParams], ActivityShards)
	for i := range acts {
		acts[i] = []AdapterPage[ActivityParams]{}
	}
	for _, a := range s.Calendar.Activities {
		n := Shard(a.ID, ActivityShards)
		acts[n] = append(acts[n], activityPage(a))
	}
	for i, a := range acts {
		vs = append(vs, namedValue{fmt.Sprintf("press/activities/%02d.json", i), a})
	}
	d := s.Directory
	page := struct {
		directorySummary
		Members     []Member `json:"members"`
		EntryShards int      `json:"entry_shards"`
	}{*d.summary(), d.Members, EntryShards}
	if d.Paged {
		page.Members = []Member{}
		shown := map[string]int{}
		for _, m := range d.Members {
			if shown[m.Level.Value] < d.Preview {
				shown[m.Level.Value]++
				page.Members = append(page.Members, m)
			}
		}
	}
	vs = append(vs, namedValue{"press/directory.json", page})
	entries := make([][]AdapterPage[MemberParams], EntryShards)
	for i := range entries {
		entries[i] = []AdapterPage[MemberParams]{}
	}
	for _, m := range d.Members {
		n := Shard(m.ID, EntryShards)
		entries[n] = append(entries[n], memberPage(m))
	}
	for i, e := range entries {
		vs = append(vs, namedValue{fmt.Sprintf("press/entries/%02d.json", i), e})
	}
	var groups []namedValue
	for _, c := range append([]Classification{d.Levels}, d.Classifications...) {
		for _, g := range c.Groups {
			ms := g.Members
			if ms == nil {
				ms = []Summary{}
			}
			groups = append(groups, namedValue{"press/groups/" + c.Slug + "/" + g.Slug + ".json", ms})
		}
	}
	slices.SortFunc(groups, func(a, b namedValue) int { return strings.Compare(a.name, b.name) })
	var out []File
	for _, v := range append(vs, groups...) {
		var buf bytes.Buffer
		if err := json.NewEncoder(&buf).Encode(v.v); err != nil {
			t.Fatal(err)
		}
		out = append(out, File{v.name, buf.Bytes()})
	}
	return out
}
