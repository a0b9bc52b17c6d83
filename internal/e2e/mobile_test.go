package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// phoneWidth is the narrowest common phone screen, in CSS px; tabletWidth
// a small tablet's, just above the phone layout (40rem) and below the wide
// organization chart (820 px).
const (
	phoneWidth  = 375
	tabletWidth = 720
)

// overflow is what makes a page wider than the screen.
type overflow struct {
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	Culprits    []string `json:"culprits"` // the outermost elements that stick out
}

// overflowJS measures the page's width and, when it is wider than the
// screen, names the outermost elements whose right edge is past the screen
// (those not inside a box that scrolls by itself).
const overflowJS = `(() => {
	const de = document.documentElement, cw = de.clientWidth, out = [];
	if (de.scrollWidth > cw) {
		const scrolls = el => { for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
			const o = getComputedStyle(p).overflowX; if (o !== "visible") return true; } return false; };
		const name = el => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.classList.length ? "." + [...el.classList].join(".") : "");
		for (const el of document.body.querySelectorAll("*")) {
			if (out.length >= 5) break;
			const r = el.getBoundingClientRect();
			if (r.right > cw + 1 && r.width > 0 && !scrolls(el) && !out.some(o => el.parentElement && el.parentElement.closest(o.sel))) {
				out.push({sel: name(el), desc: name(el) + " (right edge at " + Math.round(r.right) + "px)"});
			}
		}
	}
	return {scrollWidth: de.scrollWidth, clientWidth: cw, culprits: out.map(o => o.desc)};
})()`

// checkFits fails when the page scrolls sideways.
func checkFits(t *testing.T, tb *tab, state string) {
	t.Helper()
	o := eval[overflow](tb, overflowJS)
	if o.ScrollWidth > o.ClientWidth {
		t.Errorf("%s%s is %dpx wide on a %dpx screen and scrolls sideways; sticking out: %s",
			tb.location(), state, o.ScrollWidth, o.ClientWidth, strings.Join(o.Culprits, ", "))
	}
}

// TestPhone shows every kind of page on a 375 px phone: no page scrolls
// sideways (also with the larger text), every link of the main navigation
// is on screen and can be tapped, and axe finds nothing serious in the
// narrow layout. No page scrolls sideways on a 720 px tablet either.
func TestPhone(t *testing.T) {
	d := loadData(t)
	tb := openTab(t, false)
	tb.do("emulating a phone", chromedp.EmulateViewport(phoneWidth, 812, chromedp.EmulateMobile, chromedp.EmulateTouch))
	tb.open("/")
	if w := eval[int](tb, `document.documentElement.clientWidth`); w != phoneWidth {
		t.Fatalf("the emulated phone is %dpx wide, want %d", w, phoneWidth)
	}

	// Every navigation link is on screen (after scrolling to it), big
	// enough to tap, and not covered by something else.
	type target struct {
		Name    string  `json:"name"`
		Width   float64 `json:"width"`
		Height  float64 `json:"height"`
		Left    float64 `json:"left"`
		Right   float64 `json:"right"`
		Covered bool    `json:"covered"`
	}
	targets := eval[[]target](tb, `[...document.querySelectorAll(".site-nav a")].map(a => {
		a.scrollIntoView({block: "center"});
		const r = a.getBoundingClientRect(), hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return {name: a.textContent.trim(), width: r.width, height: r.height, left: r.left, right: r.right, covered: !(hit && a.contains(hit))};
	})`)
	if len(targets) != len(d.menu) {
		t.Errorf("on a phone the main navigation has %d links, want %d", len(targets), len(d.menu))
	}
	for _, tg := range targets {
		switch {
		case tg.Left < 0 || tg.Right > phoneWidth:
			t.Errorf("on a phone the navigation link %s is off screen (%.0f–%.0fpx)", tg.Name, tg.Left, tg.Right)
		case tg.Width < 24 || tg.Height < 24:
			t.Errorf("on a phone the navigation link %s is %.0f×%.0fpx, too small to tap (24×24 at least)", tg.Name, tg.Width, tg.Height)
		case tg.Covered:
			t.Errorf("on a phone the navigation link %s is covered by another element", tg.Name)
		}
	}
	tb.do("scrolling back", chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	tb.follow("tapping 会员名录 in the main navigation", chromedp.Tap(css(`.site-nav a[href="/members/"]`)))
	if got := tb.location(); got != "/members/" {
		t.Errorf("tapping 会员名录 led to %s", got)
	}

	for _, p := range keyPages {
		tb.open(p)
		checkFits(t, tb, "")
		tb.axe(fmt.Sprintf("%d px wide", phoneWidth))
	}

	// The larger text on the pages with the widest content.
	tb.open("/")
	tb.do("pressing the larger-text switch", chromedp.Click(css("#text-size")))
	for _, p := range []string{"/", "/organization/", "/members/", "/membership/fees/", "/activities/calendar/", "/search/", "/journal/2026-2/"} {
		tb.open(p)
		checkFits(t, tb, " with the larger text")
	}
	tb.axe(fmt.Sprintf("%d px wide, larger text", phoneWidth))

	// A small tablet, between the phone layout and the desktop's widths.
	tb.do("pressing the larger-text switch again", chromedp.Click(css("#text-size")))
	tb.do("emulating a small tablet", chromedp.EmulateViewport(tabletWidth, 1000))
	for _, p := range keyPages {
		tb.open(p)
		checkFits(t, tb, fmt.Sprintf(" (%d px screen)", tabletWidth))
	}
}

// TestWithoutJavaScript reads the pages that have scripts with JavaScript
// turned off: the directory lists every member (the filter form, which
// needs the script, stays hidden), the calendar shows the month table, the
// search page says that searching needs JavaScript and offers the
// sections, and the larger-text switch is not offered.
func TestWithoutJavaScript(t *testing.T) {
	d := loadData(t)
	tb := openTab(t, true)

	tb.open("/members/")
	if eval[bool](tb, `document.getElementById("dir-filter").checkVisibility()`) {
		t.Errorf("without JavaScript the directory shows its filter form, which cannot work")
	}
	checkCards(t, tb, "without JavaScript", d.members(filter{}))
	if eval[bool](tb, `document.getElementById("text-size").checkVisibility()`) {
		t.Errorf("without JavaScript the larger-text switch is shown, which cannot work")
	}
	tb.axe("without JavaScript")

	tb.open("/activities/calendar/")
	checkMonth(t, tb, d, "2026-11")

	tb.open("/search/?q=会费")
	if !eval[bool](tb, `document.getElementById("search-nojs").checkVisibility()`) {
		t.Errorf("without JavaScript the search page does not say that searching needs it")
	}
	if got := eval[string](tb, `document.getElementById("search-nojs").textContent`); !strings.Contains(got, "JavaScript") {
		t.Errorf("without JavaScript the search page's note says %q", got)
	}
	if n := eval[int](tb, `[...document.querySelectorAll(".search-sections a")].filter(a => a.checkVisibility()).length`); n != len(d.menu) {
		t.Errorf("without JavaScript the search page offers %d sections, want %d", n, len(d.menu))
	}
	tb.axe("without JavaScript")
}
