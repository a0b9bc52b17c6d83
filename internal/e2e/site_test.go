package e2e

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// css is a CSS selector for chromedp's query actions.
func css(sel string) chromedp.CSS { return chromedp.CSS(sel) }

// jsString quotes s as a JavaScript string literal.
func jsString(s string) string { return strconv.Quote(s) }

// navLink is a link of the main navigation as the page shows it.
type navLink struct {
	Name    string `json:"name"`
	Href    string `json:"href"`
	Current string `json:"current"` // its aria-current, "" when none
	Visible bool   `json:"visible"`
}

const navLinksJS = `[...document.querySelectorAll(".site-nav a")].map(a => ({
	name: a.firstChild ? a.firstChild.textContent.trim() : "",
	href: a.getAttribute("href"),
	current: a.getAttribute("aria-current") || "",
	visible: a.checkVisibility() && a.getBoundingClientRect().width > 0
}))`

// checkNav checks that the main navigation lists the menu of hugo.toml
// and marks exactly the link want (by name) with aria-current=current.
func checkNav(t *testing.T, tb *tab, d *data, want, current string) []navLink {
	t.Helper()
	links := eval[[]navLink](tb, navLinksJS)
	var names, wantNames []string
	for _, l := range links {
		names = append(names, l.Name)
	}
	for _, m := range d.menu {
		wantNames = append(wantNames, m.Name)
	}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("on %s the main navigation shows %v, want the menu of hugo.toml %v", tb.location(), names, wantNames)
	}
	for _, l := range links {
		switch {
		case !l.Visible:
			t.Errorf("on %s the navigation link %s is not visible", tb.location(), l.Name)
		case l.Name == want && l.Current != current:
			t.Errorf("on %s the navigation link %s has aria-current=%q, want %q", tb.location(), l.Name, l.Current, current)
		case l.Name != want && l.Current != "":
			t.Errorf("on %s the navigation link %s is marked current (aria-current=%q); only %s should be", tb.location(), l.Name, l.Current, want)
		}
	}
	return links
}

// TestNavigation starts at the home page and goes through every section by
// the main navigation, as a reader clicking the menu would: each link
// leads to its section, whose heading is shown, and only that link is
// marked as the current page. An article marks its section with
// aria-current=true.
func TestNavigation(t *testing.T) {
	d := loadData(t)
	tb := openTab(t, false)
	tb.open("/")
	if title := eval[string](tb, `document.title`); title != "郑州市信息化促进会" {
		t.Errorf("the home page's title is %q", title)
	}
	if !eval[bool](tb, `!!document.querySelector("a.site-title[aria-current=page]")`) {
		t.Errorf("on the home page the site title link is not marked aria-current=page")
	}
	links := checkNav(t, tb, d, d.menu[0].Name, "page")
	tb.axe("")

	order := append(links[1:], links[0]) // end back at home
	for _, l := range order {
		tb.follow("clicking "+l.Name+" in the main navigation",
			chromedp.Click(css(".site-nav a[href="+jsString(l.Href)+"]")))
		if got := tb.location(); got != l.Href {
			t.Errorf("the navigation link %s led to %s, want %s", l.Name, got, l.Href)
			continue
		}
		h1 := eval[string](tb, `(document.querySelector("main h1") || {}).textContent || ""`)
		if strings.TrimSpace(h1) == "" {
			t.Errorf("%s (%s) shows no heading", l.Href, l.Name)
		}
		checkNav(t, tb, d, l.Name, "page")
		if l.Href != "/" {
			tb.axe("")
		}
	}

	// An article marks its section, not itself.
	tb.open("/news/2026-11-12-journal-new-issue/")
	checkNav(t, tb, d, "新闻动态", "true")
	tb.open("/members/m03-jinshui/")
	checkNav(t, tb, d, "会员名录", "true")
}

// visibleCardsJS lists the member ids of the directory cards a reader sees.
const visibleCardsJS = `[...document.querySelectorAll("#dir-list .dir-card")]
	.filter(li => li.checkVisibility())
	.map(li => li.querySelector(".dir-card-name").getAttribute("href").split("/").filter(Boolean).pop())
	.sort()`

// checkCards compares the member cards shown with the expected members.
func checkCards(t *testing.T, tb *tab, what string, want []string) {
	t.Helper()
	got := eval[[]string](tb, visibleCardsJS)
	if !slices.Equal(got, want) {
		t.Errorf("%s: the directory shows %d members %v,\nwant %d: %v", what, len(got), got, len(want), want)
	}
}

// choose selects a value in one of the directory's filter menus (by the
// classification's slug; "" for all), as a reader choosing from the list.
func choose(tb *tab, class, slug string) {
	tb.t.Helper()
	ok := eval[bool](tb, `(() => {
		const s = document.getElementById("dir-f-" + `+jsString(class)+`);
		if (!s || ![...s.options].some(o => o.value === `+jsString(slug)+`)) return false;
		s.focus(); s.value = `+jsString(slug)+`;
		s.dispatchEvent(new Event("input", {bubbles: true}));
		s.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
	if !ok {
		tb.t.Fatalf("the directory has no filter %s with the choice %q", class, slug)
	}
}

// query returns the filter the page's address holds.
func query(tb *tab) url.Values {
	tb.t.Helper()
	u, err := url.Parse(tb.href())
	if err != nil {
		tb.t.Fatal(err)
	}
	return u.Query()
}

// waitQuery waits until the page's address holds exactly want (the
// directory and the search keep what the reader chose there).
func waitQuery(tb *tab, want url.Values) {
	tb.t.Helper()
	tb.waitFor("the address to become ?"+want.Encode(),
		`(() => { const p = new URLSearchParams(location.search); p.sort(); return p.toString() === `+jsString(want.Encode())+` })()`)
}

// TestDirectory filters the member directory (会员名录) as a reader would:
// by region, then by a part of a name typed into the name field, then by
// unit type with a name that does not match; after each step the members
// shown are those the data says match, the status line says how many, and
// the address keeps the filter, so that reloading or sharing it shows the
// same list.
func TestDirectory(t *testing.T) {
	d := loadData(t)
	tb := openTab(t, false)
	tb.open("/members/")

	all := d.members(filter{})
	if !eval[bool](tb, `document.getElementById("dir-filter").checkVisibility()`) {
		t.Fatal("the directory's filter form is not shown")
	}
	checkCards(t, tb, "unfiltered", all)
	result := func() string { return eval[string](tb, `document.getElementById("dir-result").textContent`) }
	if got, want := result(), fmt.Sprintf("共 %d 个会员", len(all)); got != want {
		t.Errorf("the status line says %q, want %q", got, want)
	}

	// A region.
	region := "中原区"
	rslug := member.Regions.Slug(region)
	choose(tb, "regions", rslug)
	waitQuery(tb, url.Values{"regions": {rslug}})
	inRegion := d.members(filter{values: map[string]string{"regions": region}})
	checkCards(t, tb, "filtered by region "+region, inRegion)
	if got, want := result(), fmt.Sprintf("符合条件的会员 %d 个（共 %d 个）", len(inRegion), len(all)); got != want {
		t.Errorf("filtered by %s, the status line says %q, want %q", region, got, want)
	}
	tb.axe("filtered by region")

	// And a part of a name, typed.
	name := "研究院"
	nameIsPlain(t, name)
	both := d.members(filter{values: map[string]string{"regions": region}, name: name})
	if len(both) == 0 || len(both) >= len(inRegion) {
		t.Fatalf("test bug: %q should narrow %s's %d members, matches %d", name, region, len(inRegion), len(both))
	}
	tb.do("typing a name", chromedp.SendKeys(css("#dir-q"), name))
	waitQuery(tb, url.Values{"regions": {rslug}, "q": {name}})
	checkCards(t, tb, fmt.Sprintf("filtered by %s and the name %q", region, name), both)
	if got, want := result(), fmt.Sprintf("符合条件的会员 %d 个（共 %d 个）", len(both), len(all)); got != want {
		t.Errorf("the status line says %q, want %q", got, want)
	}
	// The level sections without matches are hidden, the others count.
	levels := eval[[]string](tb, `[...document.querySelectorAll(".dir-level")].filter(s => s.checkVisibility()).map(s => s.id)`)
	if len(levels) == 0 || len(levels) > len(both) {
		t.Errorf("with %d matching members the directory shows the level sections %v", len(both), levels)
	}

	// Reloading the filtered address shows the same.
	tb.reload()
	if got := eval[string](tb, `document.getElementById("dir-f-regions").value`); got != rslug {
		t.Errorf("after a reload the region menu shows %q, want %q", got, rslug)
	}
	if got := eval[string](tb, `document.getElementById("dir-q").value`); got != name {
		t.Errorf("after a reload the name field holds %q, want %q", got, name)
	}
	checkCards(t, tb, "after reloading "+tb.href(), both)

	// Reset shows everyone and clears the address.
	tb.do("resetting the filter", chromedp.Click(css("#dir-filter button[type=reset]")))
	waitQuery(tb, url.Values{})
	checkCards(t, tb, "after reset", all)

	// A unit type and a member's short name of another type: nothing
	// matches, and the page says so.
	other := d.Listed[0]
	for _, m := range d.Listed {
		if m.UnitType != "" && m.UnitType != "高校" && m.ShortName != "" {
			other = m
			break
		}
	}
	nameIsPlain(t, other.ShortName)
	uslug := member.UnitTypes.Slug("高校")
	choose(tb, "unit-types", uslug)
	waitQuery(tb, url.Values{"unit-types": {uslug}})
	checkCards(t, tb, "filtered by unit type 高校", d.members(filter{values: map[string]string{"unit-types": "高校"}}))
	tb.do("typing a short name", chromedp.SendKeys(css("#dir-q"), other.ShortName))
	waitQuery(tb, url.Values{"unit-types": {uslug}, "q": {other.ShortName}})
	checkCards(t, tb, "高校 named "+other.ShortName, nil)
	if !eval[bool](tb, `document.getElementById("dir-nomatch").checkVisibility()`) {
		t.Errorf("when no member matches, the directory does not say so")
	}
	tb.axe("no member matches")
	choose(tb, "unit-types", "")
	waitQuery(tb, url.Values{"q": {other.ShortName}})
	checkCards(t, tb, "named "+other.ShortName, d.members(filter{name: other.ShortName}))
	if eval[bool](tb, `document.getElementById("dir-nomatch").checkVisibility()`) {
		t.Errorf("the no-match message stays while %s is shown", other.ShortName)
	}

	// A filtered address opened directly (a shared link).
	tb.open("/members/?posts=" + member.Posts.Slug(member.PostVicePresident))
	checkCards(t, tb, "opening /members/?posts=vice-president", d.members(filter{values: map[string]string{"posts": member.PostVicePresident}}))
}

// calDay is a day cell of the month table.
type calDay struct {
	Date   string   `json:"date"`
	Column int      `json:"column"` // 0 = Monday
	Row    int      `json:"row"`
	Events []string `json:"events"` // activity ids, sorted
	Today  bool     `json:"today"`
}

const calDaysJS = `[...document.querySelectorAll(".cal-grid tbody tr")].flatMap((tr, row) =>
	[...tr.cells].map((td, column) => ({td, row, column})).filter(c => c.td.classList.contains("cal-day")).map(c => ({
		date: c.td.querySelector("time").getAttribute("datetime"),
		column: c.column, row: c.row,
		events: [...c.td.querySelectorAll("a.cal-ev")].map(a => a.getAttribute("href").split("/").filter(Boolean).pop()).sort(),
		today: c.td.getAttribute("aria-current") === "date"
	})))`

// checkMonth checks the month table shown against the data: the caption,
// one cell per day starting in the right weekday column, each day's
// activities, today marked, and the list of the month's activities.
func checkMonth(t *testing.T, tb *tab, d *data, ym string) {
	t.Helper()
	days, offset := daysIn(ym)
	byDay, all := d.monthActivities(ym)
	y, m, _ := strings.Cut(ym, "-")
	mi, _ := strconv.Atoi(m)
	label := fmt.Sprintf("%s年%d月", y, mi)

	caption := eval[string](tb, `(document.querySelector(".cal-grid caption") || {}).textContent || ""`)
	if !strings.Contains(caption, label) || !strings.Contains(caption, strconv.Itoa(len(all))) {
		t.Errorf("%s: the month table's caption is %q, want %s with %d activities", tb.location(), caption, label, len(all))
	}
	if !eval[bool](tb, `document.querySelector(".cal-grid").checkVisibility()`) {
		t.Errorf("%s: the month table is not shown", tb.location())
	}
	cells := eval[[]calDay](tb, calDaysJS)
	if len(cells) != days {
		t.Fatalf("%s: the month table has %d days, want %d", tb.location(), len(cells), days)
	}
	var wrong []string
	for i, c := range cells {
		want := fmt.Sprintf("%s-%02d", ym, i+1)
		if c.Date != want {
			wrong = append(wrong, fmt.Sprintf("day cell %d is %s, want %s", i+1, c.Date, want))
		}
		if col := (offset + i) % 7; c.Column != col || c.Row != (offset+i)/7 {
			wrong = append(wrong, fmt.Sprintf("%s is in week %d column %d, want week %d column %d (weeks from Monday)", c.Date, c.Row+1, c.Column+1, (offset+i)/7+1, col+1))
		}
		if !slices.Equal(c.Events, byDay[want]) {
			wrong = append(wrong, fmt.Sprintf("%s shows the activities %v, want %v", want, c.Events, byDay[want]))
		}
		if isToday := want == today.Format("2006-01-02"); c.Today != isToday {
			wrong = append(wrong, fmt.Sprintf("%s marked as today: %v, want %v", want, c.Today, isToday))
		}
	}
	if len(wrong) > 0 {
		t.Errorf("%s: the month table is wrong: %s", tb.location(), list(wrong, 4))
	}
	listed := eval[[]string](tb, `[...document.querySelectorAll(".cal-month .act-list > li")].map(li => li.querySelector("a").getAttribute("href").split("/").filter(Boolean).pop()).sort()`)
	if !slices.Equal(listed, all) {
		t.Errorf("%s: the list under the table has %v, want %v", tb.location(), listed, all)
	}
}

// TestCalendar opens the activity calendar's month view (活动月历): it
// shows the current month (November 2026) as a table with the right days
// and activities; the next and previous links step through the months,
// and the last month has no next link.
func TestCalendar(t *testing.T) {
	d := loadData(t)
	tb := openTab(t, false)
	tb.open("/activities/calendar/")
	checkMonth(t, tb, d, "2026-11")
	tb.axe("")

	last := d.Data.Activities[len(d.Data.Activities)-1].Start.In(clock.Zone).Format("2006-01")
	for _, ym := range []string{"2026-12", "2027-01"} {
		tb.follow("clicking the next month", chromedp.Click(css(".cal-pager a.cal-next")))
		if want := "/activities/calendar/" + ym + "/"; tb.location() != want {
			t.Fatalf("the next month link led to %s, want %s", tb.location(), want)
		}
		checkMonth(t, tb, d, ym)
	}
	tb.axe("")
	if ym := "2027-01"; ym == last && eval[bool](tb, `!!document.querySelector(".cal-pager a.cal-next")`) {
		t.Errorf("the last month with activities, %s, links to a next month", ym)
	}
	for _, ym := range []string{"2026-12", "2026-11", "2026-10"} {
		tb.follow("clicking the previous month", chromedp.Click(css(".cal-pager a.cal-prev")))
		if want := "/activities/calendar/" + ym + "/"; tb.location() != want {
			t.Fatalf("the previous month link led to %s, want %s", tb.location(), want)
		}
		checkMonth(t, tb, d, ym)
	}
	// The list of months marks the month shown.
	if cur := eval[string](tb, `(document.querySelector(".cal-months a[aria-current]") || {href: ""}).href`); !strings.HasSuffix(cur, "/activities/calendar/2026-10/") {
		t.Errorf("the list of months marks %q as the month shown, want 2026-10", cur)
	}
}

// searchResult is one result of the site search as shown.
type searchResult struct {
	Href    string   `json:"href"`
	Title   string   `json:"title"`
	Marks   []string `json:"marks"` // the highlighted words, in the title and the snippet
	Snippet string   `json:"snippet"`
}

const searchResultsJS = `[...document.querySelectorAll("#search-results > li")].filter(li => li.checkVisibility()).map(li => ({
	href: new URL(li.querySelector("h2 a").href).pathname,
	title: li.querySelector("h2").textContent,
	marks: [...li.querySelectorAll("mark")].map(m => m.textContent),
	snippet: (li.querySelector(".search-snippet") || {}).textContent || ""
}))`

// search types q into the search page's field and waits for the answer.
func search(t *testing.T, tb *tab, q string) ([]searchResult, string) {
	t.Helper()
	tb.do("typing "+q,
		chromedp.Evaluate[chromedp.Void](`document.getElementById("search-q").value = ""`),
		chromedp.SendKeys(css("#search-q"), q))
	tb.waitFor("the results for "+q, `new URLSearchParams(location.search).get("q") === `+jsString(q)+
		` && !document.getElementById("search-form").hasAttribute("aria-busy") && document.getElementById("search-status").textContent !== ""`)
	return eval[[]searchResult](tb, searchResultsJS), eval[string](tb, `document.getElementById("search-status").textContent`)
}

// checkResults checks that the results include the page want and that the
// words of q are highlighted.
func checkResults(t *testing.T, q string, rs []searchResult, status, want, mark string) {
	t.Helper()
	if len(rs) == 0 {
		t.Fatalf("searching %q shows no results; the status says %q", q, status)
	}
	if !strings.HasPrefix(status, "找到 ") {
		t.Errorf("searching %q, the status says %q", q, status)
	}
	var hrefs []string
	marked := false
	for _, r := range rs {
		hrefs = append(hrefs, r.Href)
		marked = marked || slices.Contains(r.Marks, mark)
	}
	if !slices.Contains(hrefs, want) {
		t.Errorf("searching %q shows %v, without %s", q, hrefs, want)
	}
	if !marked {
		var shown []string
		for _, r := range rs {
			shown = append(shown, fmt.Sprintf("%s %q", r.Href, r.Marks))
		}
		t.Errorf("searching %q, no result highlights %q with <mark>; the results and their highlights: %s", q, mark, strings.Join(shown, ", "))
	}
}

// TestSearch searches the site (站内搜索) from the header form and on the
// search page: 会费 finds the fee schedule, a member's name finds the
// member's page, the matching words are highlighted, and a word that is
// nowhere says so.
func TestSearch(t *testing.T) {
	d := loadData(t)
	tb := openTab(t, false)
	tb.open("/")
	tb.follow("searching from the header", chromedp.SendKeys(css("#site-search-q"), "会费\n"))
	if got := tb.location(); !strings.HasPrefix(got, "/search/?q=") {
		t.Fatalf("the header search form led to %s, want /search/?q=…", got)
	}
	tb.waitFor("the results for 会费", `document.getElementById("search-status").textContent !== "" && !document.getElementById("search-form").hasAttribute("aria-busy")`)
	rs := eval[[]searchResult](tb, searchResultsJS)
	status := eval[string](tb, `document.getElementById("search-status").textContent`)
	checkResults(t, "会费", rs, status, "/membership/fees/", "会费")
	if eval[bool](tb, `document.getElementById("search-nojs").checkVisibility()`) {
		t.Errorf("with JavaScript the search page still says that it needs JavaScript")
	}
	if got := eval[string](tb, `document.getElementById("search-q").value`); got != "会费" {
		t.Errorf("the search field holds %q, want the query 会费", got)
	}
	tb.axe("results for 会费")

	m := d.Data.Member("m03-jinshui")
	if m == nil || !m.Listed {
		t.Fatal("test bug: the sample member m03-jinshui is gone or unlisted")
	}
	rs, status = search(t, tb, m.ShortName)
	checkResults(t, m.ShortName, rs, status, "/members/m03-jinshui/", m.ShortName)

	rs, status = search(t, tb, "xyzzyq")
	if len(rs) != 0 || !strings.HasPrefix(status, "没有找到") {
		t.Errorf("searching a word that is nowhere shows %d results and says %q", len(rs), status)
	}
	tb.axe("no results")
}

// rootFontSize is the computed font size of the page's root, in px.
const rootFontSizeJS = `parseFloat(getComputedStyle(document.documentElement).fontSize)`

// TestLargerText uses the larger-text switch (大字) in the header: it
// makes the text larger, the choice survives a reload and other pages,
// and a second press restores the standard size.
func TestLargerText(t *testing.T) {
	tb := openTab(t, false)
	tb.open("/")
	if !eval[bool](tb, `document.getElementById("text-size").checkVisibility()`) {
		t.Fatal("the larger-text switch is not shown")
	}
	pressed := func() string {
		return eval[string](tb, `document.getElementById("text-size").getAttribute("aria-pressed")`)
	}
	body := `parseFloat(getComputedStyle(document.querySelector("main p, main li, main a")).fontSize)`
	size0, body0 := eval[float64](tb, rootFontSizeJS), eval[float64](tb, body)
	if pressed() != "false" {
		t.Errorf("before use the switch has aria-pressed=%s, want false", pressed())
	}

	tb.do("pressing the larger-text switch", chromedp.Click(css("#text-size")))
	size1, body1 := eval[float64](tb, rootFontSizeJS), eval[float64](tb, body)
	if size1 <= size0 || body1 <= body0 {
		t.Fatalf("after pressing the switch the text is %.1fpx (page) and %.1fpx (content), before %.1fpx and %.1fpx: not larger", size1, body1, size0, body0)
	}
	if pressed() != "true" {
		t.Errorf("after pressing, the switch has aria-pressed=%s, want true", pressed())
	}
	tb.axe("larger text")

	tb.reload()
	if got := eval[float64](tb, rootFontSizeJS); got != size1 || pressed() != "true" {
		t.Errorf("after a reload the text is %.1fpx (switch pressed: %s), want the larger %.1fpx kept", got, pressed(), size1)
	}
	tb.open("/members/")
	if got := eval[float64](tb, rootFontSizeJS); got != size1 {
		t.Errorf("on another page the text is %.1fpx, want the larger %.1fpx kept", got, size1)
	}
	tb.axe("larger text")

	tb.do("pressing the larger-text switch again", chromedp.Click(css("#text-size")))
	if got := eval[float64](tb, rootFontSizeJS); got != size0 || pressed() != "false" {
		t.Errorf("after pressing again the text is %.1fpx (switch pressed: %s), want the standard %.1fpx", got, pressed(), size0)
	}
	tb.reload()
	if got := eval[float64](tb, rootFontSizeJS); got != size0 {
		t.Errorf("after a reload the text is %.1fpx, want the standard %.1fpx", got, size0)
	}
}
