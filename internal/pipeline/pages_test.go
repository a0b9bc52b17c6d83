package pipeline_test

// Tests of the pages of the member directory (会员名录), the activities
// (活动与培训) and the chronicle (大事记), made by the content adapters
// content/members/_content.gotmpl and content/activities/_content.gotmpl.
// They build the bundled site as of 2026-11-27 and check what a reader
// would: who is listed where, how many, and in which state. The expected
// values come from the YAML files through member.Load and rules.Derive, not
// from the JSON the templates read.

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/directory/directorytest"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/rules"

	"github.com/zzia/press/internal/testsite"
)

var pagesToday = time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))

// buildOn builds the site in src as of pagesToday and returns the output.
func buildOn(t *testing.T, src string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: pagesToday}); err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
	return out
}

// expect is what the data says the directory must show.
type expect struct{ *directorytest.Want }

func expectFrom(t *testing.T, src string) expect {
	t.Helper()
	return expect{directorytest.Load(t, src, pagesToday)}
}

func (e expect) status(m *member.Member) rules.Status { return e.Rules.Member(m.ID).Status }

// with returns the ids of the directory's members having value v of class.
func (e expect) with(class, v string) []string {
	var ids []string
	for _, m := range e.Listed {
		for _, x := range e.Values(class, m) {
			if x == v {
				ids = append(ids, m.ID)
			}
		}
	}
	sort.Strings(ids)
	return ids
}

var cardRE = regexp.MustCompile(`class="dir-card-name" href="/members/([^/"]+)/"`)

// cards returns the sorted ids of the member cards in html.
func cards(html string) []string {
	var ids []string
	for _, m := range cardRE.FindAllStringSubmatch(html, -1) {
		ids = append(ids, m[1])
	}
	sort.Strings(ids)
	return ids
}

// between returns html from the first start up to the following end.
func between(t *testing.T, html, start, end string) string {
	t.Helper()
	i := strings.Index(html, start)
	if i < 0 {
		t.Fatalf("page lacks %q", start)
	}
	j := strings.Index(html[i:], end)
	if j < 0 {
		t.Fatalf("nothing closes %q", start)
	}
	return html[i : i+j]
}

func ids(ms []*member.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	sort.Strings(out)
	return out
}

func exists(dir, rel string) bool {
	_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
	return err == nil
}

var countRE = regexp.MustCompile(`共 (\d+) 个`)

func TestDirectoryPages(t *testing.T) {
	src := testsite.Bundled(t)
	e := expectFrom(t, src)
	out := buildOn(t, src)
	dir := read(t, out, "members/index.html")
	if len(e.Listed) < 10 || len(e.Withdrawn) == 0 || len(e.Unlisted) == 0 {
		t.Fatalf("the sample lacks a case: %d listed, %d withdrawn, %d unlisted", len(e.Listed), len(e.Withdrawn), len(e.Unlisted))
	}

	t.Run("directory by level", func(t *testing.T) {
		if got, want := cards(dir), ids(e.Listed); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("directory lists\n%v\nwant every listed member\n%v", got, want)
		}
		if want := fmt.Sprintf("名录共列会员 %d 个", len(e.Listed)); !strings.Contains(text(dir), want) {
			t.Errorf("directory does not say %q", want)
		}
		for _, lv := range member.Levels {
			var want []string
			for _, m := range e.Listed {
				if m.Level == lv.Value {
					want = append(want, m.ID)
				}
			}
			sort.Strings(want)
			sec := between(t, dir, `id="level-`+lv.Slug+`"`, "</section>")
			if got := cards(sec); strings.Join(got, " ") != strings.Join(want, " ") {
				t.Errorf("%s lists %v, want %v", lv.Value, got, want)
			}
			head := text(between(t, sec, "<h2", "</h2>"))
			if w := fmt.Sprintf("%s %d 个", lv.Value, len(want)); !strings.Contains(head, w) {
				t.Errorf("heading %q, want %q", head, w)
			}
		}
		// The levels come highest first.
		last := -1
		for _, lv := range member.Levels {
			i := strings.Index(dir, `id="level-`+lv.Slug+`"`)
			if i < last {
				t.Errorf("%s is out of order", lv.Value)
			}
			last = i
		}
	})

	t.Run("charts", func(t *testing.T) {
		for class, voc := range directorytest.Classes {
			fig := between(t, dir, `<figure class="dir-chart" aria-labelledby="chart-`+class+`-cap"`, "</figure>")
			if !strings.Contains(fig, `role="img"`) || !strings.Contains(fig, "<desc") {
				t.Errorf("%s chart has no text alternative", class)
			}
			for _, v := range voc {
				n := len(e.with(class, v.Value))
				if !strings.Contains(fig, fmt.Sprintf("%s %d 个", v.Value, n)) {
					t.Errorf("%s chart lacks %s %d", class, v.Value, n)
				}
				row := fmt.Sprintf(`<tr><th scope="row"><a href="/members/%s/%s/">%s</a></th><td class="num">%d</td></tr>`, class, v.Slug, v.Value, n)
				if !strings.Contains(fig, row) {
					t.Errorf("%s chart table lacks the row %s", class, row)
				}
			}
		}
	})

	t.Run("classification pages", func(t *testing.T) {
		for class, voc := range directorytest.Classes {
			index := read(t, out, "members/"+class+"/index.html")
			for _, v := range voc {
				want := e.with(class, v.Value)
				rel := fmt.Sprintf("members/%s/%s/index.html", class, v.Slug)
				p := read(t, out, rel)
				list := ""
				if i := strings.Index(p, `<ul class="dir-cards`); i >= 0 {
					list = between(t, p[i:], `<ul class="dir-cards`, "</ul>")
				}
				if got := cards(list); strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("%s lists %v, want exactly %v", rel, got, want)
				}
				if m := countRE.FindStringSubmatch(text(between(t, p, `<p class="dir-summary">`, "</p>"))); m == nil || m[1] != fmt.Sprint(len(want)) {
					t.Errorf("%s gives the count %v, want %d", rel, m, len(want))
				}
				if !strings.Contains(index, fmt.Sprintf(`href="/members/%s/%s/"`, class, v.Slug)) {
					t.Errorf("/members/%s/ does not link %s", class, v.Value)
				}
			}
			if !strings.Contains(dir, `href="/members/`+class+`/"`) {
				t.Errorf("the directory does not link /members/%s/", class)
			}
		}
	})

	t.Run("suspended and withdrawn", func(t *testing.T) {
		// No public page names a disciplinary status: a suspended member
		// keeps its name of member and is listed as one; a member treated
		// as withdrawn is not listed at all.
		suspended := 0
		for _, m := range e.Listed {
			page := read(t, out, "members/"+m.ID+"/index.html")
			card := between(t, dir, `href="/members/`+m.ID+`/"`, "</li>")
			if e.status(m) == rules.Suspended {
				suspended++
			}
			for _, w := range []string{"警告", "暂停", "停止享受", "视同退会", "会员状态", "dir-status", "is-suspended"} {
				if strings.Contains(page, w) || strings.Contains(card, w) {
					t.Errorf("%s (%s): its page or card says %q", m.ID, e.status(m), w)
				}
			}
		}
		if suspended == 0 {
			t.Error("the sample has no suspended member: nothing checked")
		}
		for _, w := range []string{"警告", "暂停会员权利", "视同退会", "dir-former"} {
			if strings.Contains(dir, w) {
				t.Errorf("the directory says %q", w)
			}
		}
		all := text(dir)
		for _, m := range e.Withdrawn {
			if exists(out, "members/"+m.ID+"/index.html") {
				t.Errorf("withdrawn %s has a member page", m.ID)
			}
			if strings.Contains(dir, `href="/members/`+m.ID+`/"`) || strings.Contains(all, m.Name) {
				t.Errorf("withdrawn %s is in the directory", m.ID)
			}
			for class := range directorytest.Classes {
				for _, v := range directorytest.Classes[class] {
					if strings.Contains(read(t, out, fmt.Sprintf("members/%s/%s/index.html", class, v.Slug)), m.Name) {
						t.Errorf("withdrawn %s is listed under %s", m.ID, v.Value)
					}
				}
			}
		}
		// The individual member of Article 7: the former 主代表 of m08.
		var former *member.Member
		for _, m := range e.Listed {
			if m.Derived {
				former = m
			}
		}
		if former == nil {
			t.Fatal("the sample has no individual member by Article 7")
		}
		page := read(t, out, "members/"+former.ID+"/index.html")
		if !strings.Contains(text(page), "原为"+former.Former.Member.Name+"会员代表") || !strings.Contains(dir, `href="/members/`+former.ID+`/"`) {
			t.Errorf("%s: not shown as an individual member by Article 7", former.ID)
		}
		csv := read(t, out, "members/directory.csv")
		for _, m := range append(append([]*member.Member{}, e.Withdrawn...), e.Unlisted...) {
			if strings.Contains(csv, m.ID) {
				t.Errorf("the CSV lists %s", m.ID)
			}
		}
		for _, m := range e.Unlisted {
			if exists(out, "members/"+m.ID+"/index.html") || strings.Contains(dir, m.Name) {
				t.Errorf("unlisted %s is shown", m.ID)
			}
		}
		if !strings.Contains(dir, `href="/members/directory.csv"`) {
			t.Error("the directory does not link the CSV")
		}
	})

	t.Run("member page", func(t *testing.T) {
		m := e.Listed[0]
		for _, x := range e.Listed {
			if x.Website != "" && strings.Contains(x.Intro, "<script>") {
				m = x
			}
		}
		p := read(t, out, "members/"+m.ID+"/index.html")
		for _, want := range []string{
			"<h1>" + m.Name + "</h1>",
			fmt.Sprintf(`href="/members/regions/%s/"`, member.Regions.Slug(m.Region)),
			fmt.Sprintf(`href="/members/industries/%s/"`, member.Industries.Slug(m.Industry)),
			fmt.Sprintf(`href="/members/levels/%s/"`, member.Levels.Slug(m.Level)),
			fmt.Sprintf(`<time datetime="%s">`, m.Joined.Format("2006-01-02")),
		} {
			if !strings.Contains(p, want) {
				t.Errorf("%s lacks %s", m.ID, want)
			}
		}
		if m.Website != "" && !strings.Contains(p, `<a href="`+m.Website+`" rel="noopener"`) {
			t.Errorf("%s: website is not an external link with rel=noopener", m.ID)
		}
		if strings.Contains(m.Intro, "<script>") {
			if strings.Contains(p, "<script>alert") || !strings.Contains(p, "&lt;script&gt;alert") {
				t.Errorf("%s: HTML in the intro is not shown as text", m.ID)
			}
		}
		// Representatives: names and titles, never contact details.
		for _, mm := range e.Listed {
			page := read(t, out, "members/"+mm.ID+"/index.html")
			for _, r := range mm.Representatives {
				if !r.Left.IsZero() && !r.Left.After(pagesToday) && !strings.Contains(mm.Name, r.Name) && strings.Contains(page, r.Name) {
					t.Errorf("%s shows %s, who has left", mm.ID, r.Name)
				}
				for _, c := range []member.Contact{r.Contact, mm.Contact} {
					for _, v := range []string{c.Phone, c.Mobile, c.Fax, c.Email, c.Address} {
						if v != "" && strings.Contains(page, v) {
							t.Errorf("%s shows the contact detail %q", mm.ID, v)
						}
					}
				}
			}
		}
	})

	t.Run("filters", func(t *testing.T) {
		form := between(t, dir, `<form class="dir-filter"`, "</form>")
		if !strings.Contains(form, " hidden>") {
			t.Error("the filter form is not hidden without JavaScript")
		}
		for class := range directorytest.Classes {
			if !strings.Contains(form, fmt.Sprintf(`<label for="dir-f-%s">`, class)) || !strings.Contains(form, fmt.Sprintf(`<select id="dir-f-%s" name="%s">`, class, class)) {
				t.Errorf("no labelled select for %s", class)
			}
		}
		if !strings.Contains(form, `<label for="dir-q">`) {
			t.Error("no labelled name search")
		}
		if !regexp.MustCompile(`<script src="/js/directory\.min\.[0-9a-f]+\.js"`).MatchString(dir) {
			t.Error("directory.js is not loaded")
		}
	})
}

func TestActivityPages(t *testing.T) {
	src := testsite.Bundled(t)
	e := expectFrom(t, src)
	out := buildOn(t, src)
	home := read(t, out, "activities/index.html")

	var cancelled, open, held, upcoming int
	for _, a := range e.Data.Activities {
		rel := "activities/" + a.ID + "/index.html"
		p := read(t, out, rel)
		ics := "/activities/calendar/events/" + a.ID + ".ics"
		if !strings.Contains(p, `href="`+ics+`"`) || !strings.Contains(p, ">添加到日历<") || !exists(out, ics[1:]) {
			t.Errorf("%s: no working 添加到日历 link to %s", rel, ics)
		}
		if !strings.Contains(p, "<h1>"+a.Title+"</h1>") {
			t.Errorf("%s lacks its title", rel)
		}
		last := time.Date(a.End.Year(), a.End.Month(), a.End.Day(), 0, 0, 0, 0, pagesToday.Location())
		switch {
		case a.Status == member.StatusCancelled:
			cancelled++
			if !strings.Contains(text(p), "本活动已取消") {
				t.Errorf("%s does not say it is cancelled", rel)
			}
		case a.Status == member.StatusHeld:
			held++
			if len(a.Attendance) > 0 && !strings.Contains(text(p), fmt.Sprintf("共有 %d 家会员单位", len(a.Attendance))) {
				t.Errorf("%s lacks its attendance", rel)
			}
		case !last.Before(pagesToday):
			upcoming++
			if !strings.Contains(home, `href="/activities/`+a.ID+`/"`) {
				t.Errorf("upcoming %s is not on /activities/", a.ID)
			}
			d := a.Registration.Deadline
			if a.Registration.URL != "" && (d.IsZero() || !d.Before(pagesToday)) {
				open++
				if !strings.Contains(p, "正在报名") || !strings.Contains(p, `href="`+a.Registration.URL+`" rel="noopener"`) {
					t.Errorf("%s: registration is open but not offered", rel)
				}
			}
		}
		if a.Status != member.StatusPlanned || last.Before(pagesToday) {
			if strings.Contains(p, "正在报名") {
				t.Errorf("%s: registration shown open for a past or cancelled activity", rel)
			}
		}
	}
	if cancelled == 0 || open == 0 || held == 0 || upcoming == 0 {
		t.Errorf("sample lacks a case: %d cancelled, %d open, %d held, %d upcoming", cancelled, open, held, upcoming)
	}

	t.Run("feeds", func(t *testing.T) {
		feeds := []string{"all"}
		for _, k := range member.Kinds {
			for _, a := range e.Data.Activities {
				if a.Kind == k.Value {
					feeds = append(feeds, k.Slug)
					break
				}
			}
		}
		for _, f := range feeds {
			rel := "activities/calendar/" + f + ".ics"
			if !strings.Contains(home, `href="https://www.zzia.example/`+rel+`"`) || !exists(out, rel) {
				t.Errorf("/activities/ does not offer the feed %s", rel)
			}
		}
		if strings.Contains(home, "webcal:") {
			t.Error("feeds must be plain https links")
		}
	})

	t.Run("month view", func(t *testing.T) {
		p := read(t, out, "activities/calendar/index.html")
		grid := between(t, p, `<table class="cal-grid">`, "</table>")
		for _, want := range []string{"<caption>2026年11月活动月历", `<th scope="col">周一</th>`, `<th scope="col">周日</th>`, `aria-current="date"`, `<time class="cal-num" datetime="2026-11-27">27`} {
			if !strings.Contains(grid, want) {
				t.Errorf("month table lacks %s", want)
			}
		}
		for _, a := range e.Data.Activities {
			if a.Start.Format("2006-01") == "2026-11" && !strings.Contains(grid, `href="/activities/`+a.ID+`/"`) {
				t.Errorf("November's table lacks %s", a.ID)
			}
		}
		if n := strings.Count(grid, "<tr>"); n < 5 {
			t.Errorf("month table has %d rows", n)
		}
		for _, want := range []string{`href="/activities/calendar/2026-10/" rel="prev"`, `href="/activities/calendar/2026-12/" rel="next"`} {
			if !strings.Contains(p, want) {
				t.Errorf("month view lacks %s", want)
			}
		}
		// Every month from the first activity's to the last's has its page.
		first, last := e.Data.Activities[0].Start, e.Data.Activities[len(e.Data.Activities)-1].Start
		for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
			if !exists(out, "activities/calendar/"+m.Format("2006-01")+"/index.html") {
				t.Errorf("no page for %s", m.Format("2006-01"))
			}
		}
	})

	t.Run("archive", func(t *testing.T) {
		years := map[int]int{}
		for _, a := range e.Data.Activities {
			last := time.Date(a.End.Year(), a.End.Month(), a.End.Day(), 0, 0, 0, 0, pagesToday.Location())
			if a.Status == member.StatusHeld || last.Before(pagesToday) {
				years[a.Start.Year()]++
			}
		}
		for y, n := range years {
			p := read(t, out, fmt.Sprintf("activities/archive/%d/index.html", y))
			if got := strings.Count(p, `<li class="act-item`); got != n {
				t.Errorf("archive %d lists %d activities, want %d", y, got, n)
			}
			if !strings.Contains(home, fmt.Sprintf(`href="/activities/archive/%d/"`, y)) {
				t.Errorf("/activities/ does not link the archive of %d", y)
			}
		}
	})

	t.Run("chronicle", func(t *testing.T) {
		p := read(t, out, "chronicle/index.html")
		for _, m := range e.Data.Chronicle {
			if !strings.Contains(p, m.Title) {
				t.Errorf("chronicle lacks the milestone %q", m.Title)
			}
		}
		for _, a := range e.Data.Activities {
			linked := strings.Contains(p, `href="/activities/`+a.ID+`/"`)
			if want := a.Held() && a.Start.Before(pagesToday.AddDate(0, 0, 1)); linked != want {
				t.Errorf("chronicle links %s: %v, want %v", a.ID, linked, want)
			}
		}
		if !strings.Contains(home, `href="/chronicle/"`) {
			t.Error("/activities/ does not link the chronicle")
		}
	})
}

// TestEditOneMember is the "done when": editing one member's YAML
// and rebuilding updates its page, the directory, the classification pages
// and the counts.
func TestEditOneMember(t *testing.T) {
	src := testsite.Bundled(t)
	before := buildOn(t, src)

	// m51-jinshui: an ordinary member unit in 金水区 moves to 二七区,
	// becomes a council member (理事单位) and sends its logo, to be shown on the site (logo_public).
	const id = "m51-jinshui"
	file := filepath.Join(src, "data", "members", id+".yaml")
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	y := string(b)
	for _, r := range [][2]string{{"\nregion: 金水区\n", "\nregion: 二七区\n"}, {"\nlevel: 普通会员单位\n", "\nlevel: 理事单位\nlogo: images/members/m51.svg\nlogo_public: true\n"}} {
		if !strings.Contains(y, r[0]) {
			t.Fatalf("%s has no %q", file, strings.TrimSpace(r[0]))
		}
		y = strings.Replace(y, r[0], r[1], 1)
	}
	if err := os.WriteFile(file, []byte(y), 0o644); err != nil {
		t.Fatal(err)
	}
	logo := filepath.Join(src, "static", "images", "members", "m51.svg")
	os.MkdirAll(filepath.Dir(logo), 0o755)
	if err := os.WriteFile(logo, []byte(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/></svg>`), 0o644); err != nil {
		t.Fatal(err)
	}
	after := buildOn(t, src)

	// Its page.
	p := read(t, after, "members/"+id+"/index.html")
	for _, want := range []string{`href="/members/regions/erqi/">二七区</a>`, `href="/members/levels/council/">理事单位</a>`, `<img class="dir-logo" src="/images/members/m51.svg" alt="`} {
		if !strings.Contains(p, want) {
			t.Errorf("member page lacks %s", want)
		}
	}
	// (The free-text intro is the editors' to update; the facts are derived.)
	if facts := between(t, p, `<dl class="dir-facts">`, "</dl>"); strings.Contains(facts, "金水区") || strings.Contains(facts, "普通会员单位") {
		t.Error("member page still shows the old region or level")
	}

	// The directory: moved between the level groups, counts changed.
	levelCount := func(dir, slug string) (ids []string, n int) {
		sec := between(t, read(t, dir, "members/index.html"), `id="level-`+slug+`"`, "</section>")
		fmt.Sscanf(regexp.MustCompile(`data-count>(\d+) 个`).FindStringSubmatch(sec)[1], "%d", &n)
		return cards(sec), n
	}
	has := func(ids []string) bool {
		for _, x := range ids {
			if x == id {
				return true
			}
		}
		return false
	}
	oldOrd, nOrd0 := levelCount(before, "ordinary")
	_, nCouncil0 := levelCount(before, "council")
	newOrd, nOrd1 := levelCount(after, "ordinary")
	newCouncil, nCouncil1 := levelCount(after, "council")
	if !has(oldOrd) || has(newOrd) || !has(newCouncil) {
		t.Error("the directory did not move the member from 普通会员单位 to 理事单位")
	}
	if nOrd1 != nOrd0-1 || nCouncil1 != nCouncil0+1 || len(newOrd) != nOrd1 || len(newCouncil) != nCouncil1 {
		t.Errorf("level counts: 普通会员单位 %d→%d (%d cards), 理事单位 %d→%d (%d cards)", nOrd0, nOrd1, len(newOrd), nCouncil0, nCouncil1, len(newCouncil))
	}

	// The classification pages and their counts.
	regionCount := func(dir, slug string) ([]string, int) {
		pg := read(t, dir, "members/regions/"+slug+"/index.html")
		var n int
		fmt.Sscanf(countRE.FindStringSubmatch(text(between(t, pg, `<p class="dir-summary">`, "</p>")))[1], "%d", &n)
		return cards(pg[strings.Index(pg, `<ul class="dir-cards`):]), n
	}
	js0, nj0 := regionCount(before, "jinshui")
	js1, nj1 := regionCount(after, "jinshui")
	eq0, ne0 := regionCount(before, "erqi")
	eq1, ne1 := regionCount(after, "erqi")
	if !has(js0) || has(js1) || has(eq0) || !has(eq1) {
		t.Error("the region pages did not move the member from 金水区 to 二七区")
	}
	if nj1 != nj0-1 || ne1 != ne0+1 {
		t.Errorf("region counts: 金水区 %d→%d, 二七区 %d→%d", nj0, nj1, ne0, ne1)
	}
	for _, page := range []string{"members/regions/index.html", "members/index.html"} {
		idx := read(t, after, page)
		for _, want := range []string{fmt.Sprintf("金水区 %d 个", nj1), fmt.Sprintf("二七区 %d 个", ne1)} {
			if !strings.Contains(idx, want) {
				t.Errorf("%s does not count %s", page, want)
			}
		}
	}
	if csv := read(t, after, "members/directory.csv"); !regexp.MustCompile(id + `,[^\n]*理事单位,[^,]*,二七区,`).MatchString(csv) {
		t.Error("the CSV row was not updated")
	}
}
