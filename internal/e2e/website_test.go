package e2e

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/goccy/go-yaml"
	"github.com/pelletier/go-toml/v2"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// frontMatter is what the tests read of a content file's front matter.
type frontMatter struct {
	Title       string    `yaml:"title"`
	Date        time.Time `yaml:"date"`
	DocNumber   string    `yaml:"docNumber"`
	Issuer      string    `yaml:"issuer"`
	Sample      bool      `yaml:"sample"`
	Activity    string    `yaml:"activity"`
	Attachments []struct {
		File  string `yaml:"file"`
		Title string `yaml:"title"`
	} `yaml:"attachments"`
	Receipt struct {
		File string `yaml:"file"`
		URL  string `yaml:"url"`
	} `yaml:"receipt"`
	Resources []struct {
		Src    string `yaml:"src"`
		Title  string `yaml:"title"`
		Params struct {
			Caption string `yaml:"caption"`
		} `yaml:"params"`
	} `yaml:"resources"`
}

// readFront reads the front matter of a content file of the bundled site
// (rel is relative to content/).
func readFront(t *testing.T, rel string) frontMatter {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, "content", filepath.FromSlash(rel)))
	if err != nil {
		t.Fatal(err)
	}
	rest, ok := bytes.CutPrefix(b, []byte("---\n"))
	fm, _, found := bytes.Cut(rest, []byte("\n---"))
	if !ok || !found {
		t.Fatalf("content/%s has no front matter", rel)
	}
	var f frontMatter
	if err := yaml.Unmarshal(fm, &f); err != nil {
		t.Fatalf("content/%s: %v", rel, err)
	}
	return f
}

// posts are the dated posts of a section (news, notices), newest first,
// as their files say: the page's path and front matter.
type post struct {
	path string
	fm   frontMatter
}

func posts(t *testing.T, section string) []post {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(repoRoot, "content", section))
	if err != nil {
		t.Fatal(err)
	}
	var out []post
	for _, e := range entries {
		name := e.Name()
		rel := section + "/" + name
		switch {
		case e.IsDir():
			rel += "/index.md"
		case strings.HasSuffix(name, ".md") && name != "_index.md":
			name = strings.TrimSuffix(name, ".md")
		default:
			continue
		}
		if _, err := os.Stat(filepath.Join(repoRoot, "content", filepath.FromSlash(rel))); err != nil {
			continue
		}
		out = append(out, post{"/" + section + "/" + name + "/", readFront(t, rel)})
	}
	slices.SortStableFunc(out, func(a, b post) int { return b.fm.Date.Compare(a.fm.Date) })
	return out
}

// listItem is a dated link of a list on the page.
type listItem struct {
	Href string `json:"href"`
	Text string `json:"text"`
	Date string `json:"date"`
}

const listJS = `(sel) => [...document.querySelectorAll(sel + " li")].map(li => ({
	href: li.querySelector("a").getAttribute("href"),
	text: li.querySelector("a").textContent.trim(),
	date: (li.querySelector("time") || {getAttribute: () => ""}).getAttribute("datetime")
}))`

// TestHomePage checks the blocks of the home page against the sources:
// 通知公告 and 新闻动态 list the newest posts with their dates, 活动预告 the
// next activities with their registration, the latest 会刊 and 白皮书 show
// their covers, the member count by level is the directory's, and the
// 友情链接 are those of hugo.toml.
func TestHomePage(t *testing.T) {
	d := loadData(t)
	tb := openTab(t, false)
	tb.open("/")

	for _, sec := range []struct{ id, name string }{{"notices", "通知公告"}, {"news", "新闻动态"}} {
		want := posts(t, sec.id)
		got := eval[[]listItem](tb, `(`+listJS+`)("#home-`+sec.id+`")`)
		if heading := eval[string](tb, `document.querySelector("#home-`+sec.id+` h2").textContent`); heading != sec.name {
			t.Errorf("the home page's block %s is headed %q", sec.id, heading)
		}
		if len(got) != min(6, len(want)) {
			t.Errorf("the home page lists %d of %s, want the newest %d", len(got), sec.name, min(6, len(want)))
			continue
		}
		for i, g := range got {
			w := want[i]
			if g.Href != w.path || g.Text != w.fm.Title || g.Date != w.fm.Date.Format("2006-01-02") {
				t.Errorf("%s item %d is %+v, want %s %q dated %s", sec.name, i+1, g, w.path, w.fm.Title, w.fm.Date.Format("2006-01-02"))
			}
		}
	}

	// 活动预告: the next planned activities, soonest first, with whether
	// registration is open.
	type upcoming struct {
		id   string
		open bool
	}
	var next []upcoming
	for _, a := range d.Data.Activities {
		last := a.End.In(clock.Zone)
		if a.Status != member.StatusPlanned || last.Before(today) {
			continue
		}
		closes := a.Start
		if !a.Registration.Deadline.IsZero() {
			closes = a.Registration.Deadline
		}
		hasReg := a.Registration.URL != "" || !a.Registration.Deadline.IsZero()
		next = append(next, upcoming{a.ID, hasReg && !closes.Before(today)})
	}
	slices.SortStableFunc(next, func(x, y upcoming) int {
		return d.Data.Activity(x.id).Start.Compare(d.Data.Activity(y.id).Start)
	})
	next = next[:min(4, len(next))]
	type shownActivity struct {
		ID   string `json:"id"`
		Open bool   `json:"open"`
	}
	shown := eval[[]shownActivity](tb, `[...document.querySelectorAll("#home-activities .act-item")].map(li => ({
		id: li.querySelector("a.act-title").getAttribute("href").split("/").filter(Boolean).pop(),
		open: !!li.querySelector(".act-flag-open")
	}))`)
	if len(shown) != len(next) || len(next) == 0 {
		t.Errorf("活动预告 shows %v, want %v", shown, next)
	} else {
		for i := range next {
			if shown[i].ID != next[i].id || shown[i].Open != next[i].open {
				t.Errorf("活动预告 item %d is %+v, want %s (registration open: %v)", i+1, shown[i], next[i].id, next[i].open)
			}
		}
	}

	// The latest journal issue and white paper, each with its cover loaded.
	type pub struct {
		Title  string `json:"title"`
		Href   string `json:"href"`
		Cover  int    `json:"cover"` // natural width of the cover image
		Width  string `json:"width"`
		Height string `json:"height"`
	}
	for _, p := range []struct{ id, href, title string }{
		{"journal", "/journal/2026-2/", "2026年第2期"},
		{"whitepapers", "/whitepapers/2026-zhongxiao-qiye-shuzihua/", "郑州市中小企业数字化转型白皮书（2026）"},
	} {
		got := eval[pub](tb, `(async () => {
			const s = document.getElementById("home-`+p.id+`"), img = s && s.querySelector("img.pub-cover");
			if (!s) return {};
			if (img) { img.loading = "eager"; await img.decode().catch(() => {}); }
			const a = s.querySelector(".home-pub-title a");
			return {title: a.textContent, href: a.getAttribute("href"), cover: img ? img.naturalWidth : 0,
				width: img ? img.getAttribute("width") : "", height: img ? img.getAttribute("height") : ""};
		})()`)
		if got.Href != p.href || !strings.Contains(got.Title, p.title) {
			t.Errorf("the home page's latest %s is %q (%s), want %q (%s)", p.id, got.Title, got.Href, p.title, p.href)
		}
		if got.Cover == 0 || got.Width == "" || got.Height == "" {
			t.Errorf("the home page's latest %s shows no cover (natural width %d, width %q, height %q)", p.id, got.Cover, got.Width, got.Height)
		}
	}

	// Members by level: the directory's count of each level.
	type level struct {
		Name  string `json:"name"`
		Count int    `json:"count"`
	}
	levels := eval[[]level](tb, `[...document.querySelectorAll("#home-members .home-levels li")].map(li => ({
		name: li.querySelector(".home-level-name").textContent, count: +li.querySelector(".home-level-n").textContent}))`)
	byLevel := map[string]int{}
	for _, m := range d.Listed {
		byLevel[m.Level]++
	}
	sum := 0
	for _, l := range levels {
		sum += l.Count
		if byLevel[l.Name] != l.Count {
			t.Errorf("the home page counts %d members of level %s, the data %d", l.Count, l.Name, byLevel[l.Name])
		}
	}
	if total := eval[int](tb, `+document.querySelector("#home-members .home-total").textContent`); total != len(d.Listed) || sum != len(d.Listed) || len(levels) != len(member.Levels.Values()) {
		t.Errorf("the home page counts %d members (levels sum to %d, %d levels), the directory has %d in %d levels", total, sum, len(levels), len(d.Listed), len(member.Levels.Values()))
	}

	// 友情链接 from hugo.toml.
	var cfg struct {
		Params struct {
			Links []struct {
				Name string `toml:"name"`
				URL  string `toml:"url"`
			} `toml:"links"`
		} `toml:"params"`
	}
	b, _ := os.ReadFile(filepath.Join(repoRoot, "hugo.toml"))
	if err := toml.Unmarshal(b, &cfg); err != nil {
		t.Fatal(err)
	}
	links := eval[[]listItem](tb, `(`+listJS+`)(".home-links")`)
	if len(links) != len(cfg.Params.Links) || len(links) == 0 {
		t.Errorf("友情链接 shows %v, hugo.toml has %v", links, cfg.Params.Links)
	}
	for i := range min(len(links), len(cfg.Params.Links)) {
		if links[i].Text != cfg.Params.Links[i].Name || links[i].Href != cfg.Params.Links[i].URL {
			t.Errorf("友情链接 %d is %q → %s, hugo.toml says %q → %s", i+1, links[i].Text, links[i].Href, cfg.Params.Links[i].Name, cfg.Params.Links[i].URL)
		}
	}

	// The contact details and the ICP number are not published yet: the
	// footer says 待公布 and shows no ICP link.
	if n := eval[int](tb, `[...document.querySelectorAll(".site-footer .contact-list dd")].filter(dd => dd.textContent.trim() === "待公布").length`); n != 4 {
		t.Errorf("the footer shows 待公布 for %d contact details, want the 4 the config leaves empty", n)
	}
	if eval[bool](tb, `!!document.querySelector('.site-footer a[href*="beian.miit.gov.cn"]')`) {
		t.Errorf("the footer links an ICP number, though hugo.toml has none")
	}

	// Sharing: the home page names its share image; the image is there.
	og := eval[map[string]string](tb, `Object.fromEntries([...document.querySelectorAll('meta[property^="og:"], meta[itemprop]')].map(m => [m.getAttribute("property") || "itemprop:" + m.getAttribute("itemprop"), m.content]))`)
	for _, k := range []string{"og:title", "og:description", "og:image", "og:url", "itemprop:image", "itemprop:name"} {
		if og[k] == "" {
			t.Errorf("the home page has no %s share metadata", k)
		}
	}
	tb.axe("")
}

// TestNoticeWithAttachments reads an official notice (the 2027 fee notice):
// its 文号, title, the bank account it prints, its attachments with kind
// and the files' real sizes (each downloads), the 落款 (issuing body and
// date) and the 回执.
func TestNoticeWithAttachments(t *testing.T) {
	const rel = "notices/2026-11-02-membership-fees"
	fm := readFront(t, rel+"/index.md")
	tb := openTab(t, false)
	tb.open("/" + rel + "/")

	type notice struct {
		No      string   `json:"no"`
		Title   string   `json:"title"`
		Sign    string   `json:"sign"`
		Date    string   `json:"date"`
		Files   []string `json:"files"`
		Hrefs   []string `json:"hrefs"`
		Receipt string   `json:"receipt"`
		Account string   `json:"account"`
		Sample  bool     `json:"sample"`
	}
	n := eval[notice](tb, `(() => ({
		no: document.querySelector(".notice-no").textContent,
		title: document.querySelector("main h1").textContent,
		sign: document.querySelector(".notice-sign .notice-issuer").textContent,
		date: document.querySelector(".notice-sign time").getAttribute("datetime"),
		files: [...document.querySelectorAll(".notice-attachments li")].map(li => li.textContent.replace(/\s+/g, " ").trim()),
		hrefs: [...document.querySelectorAll(".notice-attachments a")].map(a => a.getAttribute("href")),
		receipt: (document.querySelector(".notice-receipt a") || {}).href || "",
		account: [...document.querySelectorAll(".notice .account dd")].map(dd => dd.textContent).join(" "),
		sample: !!document.querySelector(".notice .sample-notice")
	}))()`)
	if n.No != fm.DocNumber || n.Title != fm.Title {
		t.Errorf("the notice shows 文号 %q and title %q, its file says %q and %q", n.No, n.Title, fm.DocNumber, fm.Title)
	}
	if n.Sign != fm.Issuer || n.Date != fm.Date.Format("2006-01-02") {
		t.Errorf("the notice is signed %q on %s, want %q on %s", n.Sign, n.Date, fm.Issuer, fm.Date.Format("2006-01-02"))
	}
	if !n.Sample {
		t.Errorf("the sample notice is not marked as a sample")
	}
	if !strings.Contains(n.Account, "90501880190002349") || !strings.Contains(n.Account, "郑州银行西建材支行") {
		t.Errorf("the fee notice does not give the bank account; it shows %q", n.Account)
	}
	if len(n.Files) != len(fm.Attachments) || len(n.Files) < 2 {
		t.Fatalf("the notice lists the attachments %q, its file has %d", n.Files, len(fm.Attachments))
	}
	kinds := map[string]string{".pdf": "PDF", ".docx": "Word", ".xlsx": "Excel"}
	for i, a := range fm.Attachments {
		st, err := os.Stat(filepath.Join(repoRoot, "content", rel, a.File))
		if err != nil {
			t.Fatal(err)
		}
		want := fmt.Sprintf("%d. %s （%s，%.1f KB）", i+1, a.Title, kinds[filepath.Ext(a.File)], float64(st.Size())/1024)
		if !strings.HasSuffix(n.Files[i], strings.TrimPrefix(want, fmt.Sprintf("%d. ", i+1))) {
			t.Errorf("attachment %d reads %q, want %q", i+1, n.Files[i], want)
		}
		// The file downloads, whole.
		got := eval[int](tb, `fetch(`+jsString(n.Hrefs[i])+`).then(r => r.ok ? r.arrayBuffer().then(b => b.byteLength) : -r.status)`)
		if int64(got) != st.Size() {
			t.Errorf("attachment %s downloads %d bytes, the file has %d", n.Hrefs[i], got, st.Size())
		}
	}
	if !strings.HasSuffix(n.Receipt, "/"+fm.Receipt.File) {
		t.Errorf("the 回执 links %q, want the file %s", n.Receipt, fm.Receipt.File)
	}
	tb.axe("")
}

// TestGallery opens an activity's photos: every image of its folder is
// shown, in a few sizes (srcset), with its width and height, its alt text
// from the front matter, lazily loaded past the first row, and loads; the
// page links to the activity.
func TestGallery(t *testing.T) {
	d := loadData(t)
	const rel = "gallery/2026-10-22-seminar"
	fm := readFront(t, rel+"/index.md")
	files, _ := filepath.Glob(filepath.Join(repoRoot, "content", rel, "*.jpg"))
	if len(files) < 3 {
		t.Fatalf("the sample gallery has %d images", len(files))
	}
	tb := openTab(t, false)
	tb.open("/" + rel + "/")
	type img struct {
		Alt     string `json:"alt"`
		Caption string `json:"caption"`
		Width   int    `json:"width"`
		Height  int    `json:"height"`
		Natural int    `json:"natural"`
		Ratio   float64
		NatH    int    `json:"natH"`
		Loading string `json:"loading"`
		Srcset  int    `json:"srcset"`
	}
	imgs := eval[[]img](tb, `(async () => {
		const out = [];
		for (const im of document.querySelectorAll(".gallery img")) {
			const loading = im.getAttribute("loading") || "";
			im.scrollIntoView();
			await im.decode().catch(() => {});
			out.push({alt: im.alt, caption: im.closest("figure").querySelector("figcaption").textContent,
				width: +im.getAttribute("width"), height: +im.getAttribute("height"),
				natural: im.naturalWidth, natH: im.naturalHeight, loading, srcset: (im.getAttribute("srcset") || "").split(",").length});
		}
		return out;
	})()`)
	if len(imgs) != len(files) || len(imgs) != len(fm.Resources) {
		t.Fatalf("the gallery shows %d images; its folder has %d and its front matter describes %d", len(imgs), len(files), len(fm.Resources))
	}
	for i, im := range imgs {
		r := fm.Resources[i]
		switch {
		case im.Alt != r.Title || im.Alt == "":
			t.Errorf("image %d has the alt text %q, want %q", i+1, im.Alt, r.Title)
		case im.Caption != r.Params.Caption:
			t.Errorf("image %d is captioned %q, want %q", i+1, im.Caption, r.Params.Caption)
		case im.Natural == 0:
			t.Errorf("image %d (%s) does not load", i+1, r.Src)
		case im.Width == 0 || im.Height == 0 || im.Width*im.NatH != im.Height*im.Natural:
			t.Errorf("image %d says it is %dx%d; it loads as %dx%d", i+1, im.Width, im.Height, im.Natural, im.NatH)
		case im.Srcset < 2:
			t.Errorf("image %d offers %d sizes, want several (srcset)", i+1, im.Srcset)
		case i >= 2 && im.Loading != "lazy":
			t.Errorf("image %d is not loaded lazily", i+1)
		}
	}
	a := d.Data.Activity(fm.Activity)
	if a == nil {
		t.Fatalf("the gallery's activity %s is not in the data", fm.Activity)
	}
	if !eval[bool](tb, `!!document.querySelector('.gallery-facts a[href="/activities/`+a.ID+`/"]')`) {
		t.Errorf("the gallery does not link to its activity %s", a.ID)
	}
	tb.axe("")
}

// lineHeightJS is the line height of the first paragraph of the content,
// in px.
const lineHeightJS = `parseFloat(getComputedStyle(document.querySelector("main .prose p")).lineHeight)`

// TestReadingAids uses the 行距 (line spacing) and 高对比 (high contrast)
// switches: each changes the page, says it is pressed, is remembered on
// reload and on other pages, passes axe, and a second press undoes it.
func TestReadingAids(t *testing.T) {
	tb := openTab(t, false)
	tb.open("/about/")
	pressed := func(id string) string {
		return eval[string](tb, `document.getElementById("`+id+`").getAttribute("aria-pressed")`)
	}
	for _, id := range []string{"text-size", "line-spacing", "high-contrast"} {
		if !eval[bool](tb, `document.getElementById("`+id+`").checkVisibility()`) || pressed(id) != "false" {
			t.Fatalf("the switch #%s is not shown, or is pressed before use", id)
		}
	}

	lh0 := eval[float64](tb, lineHeightJS)
	tb.do("pressing 行距", chromedp.Click(css("#line-spacing")))
	lh1 := eval[float64](tb, lineHeightJS)
	if lh1 < lh0*1.15 || pressed("line-spacing") != "true" {
		t.Errorf("行距 makes the line height %.1fpx from %.1fpx (pressed: %s); want at least 15%% more", lh1, lh0, pressed("line-spacing"))
	}
	tb.reload()
	if got := eval[float64](tb, lineHeightJS); got != lh1 || pressed("line-spacing") != "true" {
		t.Errorf("after a reload the line height is %.1fpx (pressed: %s), want %.1fpx kept", got, pressed("line-spacing"), lh1)
	}

	colors := func() [2]string {
		return eval[[2]string](tb, `[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector("main p")).color]`)
	}
	c0 := colors()
	tb.do("pressing 高对比", chromedp.Click(css("#high-contrast")))
	if c := colors(); c != [2]string{"rgb(0, 0, 0)", "rgb(255, 255, 255)"} || pressed("high-contrast") != "true" {
		t.Errorf("高对比 shows %v (background, text), want white on black; before %v", c, c0)
	}
	tb.axe("high contrast and wide line spacing")
	for _, p := range []string{"/", "/organization/", "/members/", "/notices/2026-11-02-membership-fees/", "/activities/calendar/", "/journal/2026-2/huiyuan-fazhan/"} {
		tb.open(p)
		if c := colors(); c[0] != "rgb(0, 0, 0)" {
			t.Errorf("on %s the high contrast is not kept: background %s", p, c[0])
		}
		if got := eval[float64](tb, `parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize)`); got < 2 {
			t.Errorf("on %s the wide line spacing is not kept: line height %.2f", p, got)
		}
		tb.axe("high contrast and wide line spacing")
	}

	// The organization chart's text grows with the larger text.
	tb.open("/organization/")
	chartText := `(() => { const t = [...document.querySelectorAll(".orgchart svg")].find(s => s.checkVisibility()).querySelector(".oc-name"); return t.getBoundingClientRect().height })()`
	h0 := eval[float64](tb, chartText)
	tb.do("pressing 大字", chromedp.Click(css("#text-size")))
	if h1 := eval[float64](tb, chartText); h1 < h0*1.15 {
		t.Errorf("with the larger text the organization chart's text is %.1fpx high, before %.1fpx: it does not grow", h1, h0)
	}
	tb.do("pressing 大字 again", chromedp.Click(css("#text-size")))

	tb.do("pressing 行距 again", chromedp.Click(css("#line-spacing")))
	tb.do("pressing 高对比 again", chromedp.Click(css("#high-contrast")))
	tb.reload()
	if c := colors(); c != c0 || pressed("high-contrast") != "false" || pressed("line-spacing") != "false" {
		t.Errorf("after pressing both again and a reload the page shows %v, want %v, the switches released", c, c0)
	}
	if got := eval[float64](tb, `parseFloat(getComputedStyle(document.body).lineHeight) / parseFloat(getComputedStyle(document.body).fontSize)`); got >= 2 {
		t.Errorf("after pressing 行距 again the line height is still %.2f", got)
	}
}

// narrowWidth is the narrowest phone screen the site supports, in CSS px.
const narrowWidth = 320

// TestNarrowPhone shows every kind of page on a 320 px screen, with the
// standard text and with the larger text and wider line spacing: no page
// scrolls sideways (tables, charts and figures scroll inside their own
// boxes), and axe finds nothing serious.
func TestNarrowPhone(t *testing.T) {
	tb := openTab(t, false)
	tb.do("emulating a 320 px phone", chromedp.EmulateViewport(narrowWidth, 640, chromedp.EmulateMobile, chromedp.EmulateTouch))
	pages := append(slices.Clone(keyPages), "/whitepapers/2026-zhongxiao-qiye-shuzihua/03-xianzhuang/", "/journal/2026-2/huiyuan-fazhan/", "/members/industries/")
	for _, p := range pages {
		tb.open(p)
		checkFits(t, tb, "")
	}
	tb.axe(fmt.Sprintf("%d px wide", narrowWidth))
	tb.do("pressing 大字 and 行距", chromedp.Click(css("#text-size")), chromedp.Click(css("#line-spacing")))
	for _, p := range pages {
		tb.open(p)
		checkFits(t, tb, " with the larger text and wider line spacing")
	}
	tb.axe(fmt.Sprintf("%d px wide, larger text", narrowWidth))
	// A wide table scrolls inside its box, which the keyboard can reach.
	tb.open("/whitepapers/2026-zhongxiao-qiye-shuzihua/03-xianzhuang/")
	box := eval[[3]float64](tb, `(() => { const w = document.querySelector(".prose .table-wrap"); return [w.scrollWidth, w.clientWidth, w.tabIndex] })()`)
	if box[0] <= box[1] || box[2] != 0 {
		t.Errorf("a wide table's box is %v (scroll width, width, tabindex): want it to scroll, reachable by keyboard", box)
	}
}

// printPDF prints the page shown to PDF, as Chromium's print does, and
// returns the file.
func printPDF(tb *tab) []byte {
	tb.t.Helper()
	var pdf []byte
	yes := true
	tb.do("printing "+tb.location(), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
		pdf = r.Data
		return err
	}))
	return pdf
}

// pdfFacts are the page count and text of a PDF, read by poppler.
func pdfFacts(t *testing.T, pdf []byte) (pages int, text string) {
	t.Helper()
	tools := need(t, toolPdfinfo, toolPdftotext)
	f := filepath.Join(t.TempDir(), "print.pdf")
	if err := os.WriteFile(f, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	info, err := exec.Command(tools[0], f).Output()
	if err != nil {
		t.Fatalf("pdfinfo: %v", err)
	}
	for _, ln := range strings.Split(string(info), "\n") {
		if v, ok := strings.CutPrefix(ln, "Pages:"); ok {
			fmt.Sscan(v, &pages)
		}
	}
	txt, err := exec.Command(tools[1], "-layout", f, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return pages, strings.Join(strings.Fields(string(txt)), "")
}

var (
	toolPdfinfo   = tool{"pdfinfo", lookPath("pdfinfo"), "Debian package poppler-utils"}
	toolPdftotext = tool{"pdftotext", lookPath("pdftotext"), "Debian package poppler-utils"}
)

func lookPath(name string) func() (string, bool) {
	return func() (string, bool) {
		p, err := exec.LookPath(name)
		if err != nil {
			return "/usr/bin/" + name, false
		}
		return p, true
	}
}

// TestPrint prints as a reader would: each notice on one A4 sheet with the
// issuing body, the date and the notice's address (the fee notice with the
// bank account), and a month of the activity calendar on one sheet.
func TestPrint(t *testing.T) {
	tb := openTab(t, false)
	for _, p := range posts(t, "notices") {
		tb.open(p.path)
		pages, text := pdfFacts(t, printPDF(tb))
		if pages != 1 {
			t.Errorf("%s prints on %d pages, want one sheet", p.path, pages)
		}
		for _, want := range []string{p.fm.Issuer, p.fm.Date.Format("2006年1月2日"), "https://www.zzia.example" + p.path, strings.Join(strings.Fields(p.fm.Title), "")} {
			if !strings.Contains(text, want) {
				t.Errorf("%s printed lacks %q:\n%s", p.path, want, text)
			}
		}
		if strings.Contains(p.path, "membership-fees") && !strings.Contains(text, "90501880190002349") {
			t.Errorf("the fee notice printed lacks the bank account:\n%s", text)
		}
	}
	for _, ym := range []string{"", "2026-11/", "2027-01/"} {
		tb.open("/activities/calendar/" + ym)
		pages, text := pdfFacts(t, printPDF(tb))
		if pages != 1 || !strings.Contains(text, "周一") || !strings.Contains(text, "周日") {
			t.Errorf("the calendar month %s prints on %d pages (want one), with the text:\n%s", ym, pages, text)
		}
	}
}

// rss is what the tests read of an RSS feed.
type rss struct {
	Channel struct {
		Title string    `xml:"title"`
		Items []rssItem `xml:"item"`
	} `xml:"channel"`
}

type rssItem struct {
	Title   string `xml:"title"`
	Link    string `xml:"link"`
	PubDate string `xml:"pubDate"`
	Content string `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
}

func getFeed(t *testing.T, base, path string) rss {
	t.Helper()
	resp, err := http.Get(base + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != 200 {
		t.Fatalf("%s: HTTP %d", path, resp.StatusCode)
	}
	var f rss
	if err := xml.Unmarshal(b, &f); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return f
}

// TestFeeds reads the site's feed (the one every page advertises) and the
// sections' feeds: Chinese titles, only dated content (news, notices,
// journal issues, white papers, newsletters, activities, galleries), each
// item with its real date (a post's own) and its full text.
func TestFeeds(t *testing.T) {
	_, base := site(t)
	dated := []string{"/news/", "/notices/", "/journal/", "/whitepapers/", "/newsletter/", "/activities/", "/gallery/"}
	home := getFeed(t, base, "/index.xml")
	if home.Channel.Title != "郑州市信息化促进会 — 全站更新" {
		t.Errorf("the site feed is titled %q", home.Channel.Title)
	}
	if len(home.Channel.Items) < 20 {
		t.Errorf("the site feed has %d items", len(home.Channel.Items))
	}
	check := func(feed string, f rss) {
		for _, it := range f.Channel.Items {
			d, err := time.Parse(time.RFC1123Z, it.PubDate)
			path := strings.TrimPrefix(it.Link, "https://www.zzia.example")
			switch {
			case err != nil:
				t.Errorf("%s: %s has the date %q: %v", feed, path, it.PubDate, err)
			case d.Year() < 2020:
				t.Errorf("%s: %s is dated %s", feed, path, it.PubDate)
			case !slices.ContainsFunc(dated, func(s string) bool { return strings.HasPrefix(path, s) }):
				t.Errorf("%s carries %s, which is not dated content", feed, path)
			case len([]rune(it.Content)) < 40:
				t.Errorf("%s: %s has no full text (%q)", feed, path, it.Content)
			}
		}
	}
	check("/index.xml", home)
	for _, s := range []struct{ path, title string }{
		{"/news/", "新闻动态"}, {"/notices/", "通知公告"}, {"/journal/", "会刊"}, {"/whitepapers/", "白皮书"},
		{"/newsletter/", "简讯"}, {"/activities/", "活动与培训"}, {"/gallery/", "活动图片"},
	} {
		f := getFeed(t, base, s.path+"index.xml")
		if want := s.title + " — 郑州市信息化促进会"; f.Channel.Title != want {
			t.Errorf("%sindex.xml is titled %q, want %q", s.path, f.Channel.Title, want)
		}
		if len(f.Channel.Items) == 0 {
			t.Errorf("%sindex.xml has no items", s.path)
		}
		check(s.path+"index.xml", f)
	}
	// A post's date in the feed is its own, and its text is all there.
	for _, sec := range []string{"news", "notices"} {
		f := getFeed(t, base, "/"+sec+"/index.xml")
		for _, p := range posts(t, sec) {
			i := slices.IndexFunc(f.Channel.Items, func(it rssItem) bool { return it.Link == "https://www.zzia.example"+p.path })
			if i < 0 {
				t.Errorf("/%s/index.xml lacks %s", sec, p.path)
				continue
			}
			it := f.Channel.Items[i]
			if d, _ := time.Parse(time.RFC1123Z, it.PubDate); d.Format("2006-01-02") != p.fm.Date.Format("2006-01-02") {
				t.Errorf("%s is dated %s in the feed, %s in its file", p.path, it.PubDate, p.fm.Date.Format("2006-01-02"))
			}
			if it.Title != p.fm.Title {
				t.Errorf("%s is titled %q in the feed, %q in its file", p.path, it.Title, p.fm.Title)
			}
		}
	}
}

// TestNotFound: the 404 page is in Chinese, offers the site search (which
// works from it) and the main sections.
func TestNotFound(t *testing.T) {
	d := loadData(t)
	tb := openTab(t, false)
	tb.open("/404.html")
	if h1 := eval[string](tb, `document.querySelector("main h1").textContent`); h1 != "页面未找到" {
		t.Errorf("the 404 page's heading is %q", h1)
	}
	if lang := eval[string](tb, `document.documentElement.lang`); lang != "zh-CN" {
		t.Errorf("the 404 page's language is %q", lang)
	}
	if title := eval[string](tb, `document.title`); title != "页面未找到 - 郑州市信息化促进会" {
		t.Errorf("the 404 page's title is %q", title)
	}
	if latin := eval[string](tb, `(document.body.innerText.match(/[A-Za-z]{3,}( [A-Za-z]+)*/g) || []).join(", ")`); latin != "" {
		t.Errorf("the 404 page shows English: %s", latin)
	}
	sections := eval[[]listItem](tb, `(`+listJS+`)(".notfound-sections")`)
	if len(sections) != len(d.menu) {
		t.Errorf("the 404 page offers %d sections, want the %d of the main menu", len(sections), len(d.menu))
	}
	tb.axe("")
	tb.follow("searching from the 404 page", chromedp.SendKeys(css("#nf-search-q"), "会费\n"))
	if got := tb.location(); !strings.HasPrefix(got, "/search/?q=") {
		t.Errorf("the 404 page's search led to %s", got)
	}
	tb.waitFor("the results for 会费", `document.getElementById("search-status").textContent.startsWith("找到")`)
}

// TestSearchMixedAndExact: "AI 应用" finds pages with both (AI written out
// as 人工智能) and reports nothing missing; 第九条 brings the 会员管理办法
// first.
func TestSearchMixedAndExact(t *testing.T) {
	tb := openTab(t, false)
	tb.open("/search/")
	rs, status := search(t, tb, "AI 应用")
	if len(rs) == 0 || strings.Contains(status, "未找到") {
		t.Errorf("searching AI 应用 says %q with %d results", status, len(rs))
	}
	// The results highlight both words (AI as 人工智能).
	var marks []string
	for _, r := range rs {
		marks = append(marks, r.Marks...)
	}
	if !slices.Contains(marks, "应用") || !slices.ContainsFunc(marks, func(m string) bool { return strings.Contains(m, "人工") || strings.Contains(m, "智能") }) {
		t.Errorf("searching AI 应用, the results highlight %q: want 应用 and 人工智能", marks)
	}
	rs, _ = search(t, tb, "第九条")
	if len(rs) == 0 || rs[0].Href != "/membership/rules/" {
		var hrefs []string
		for _, r := range rs {
			hrefs = append(hrefs, r.Href)
		}
		t.Errorf("searching 第九条 shows %v, want /membership/rules/ first", hrefs)
	}
}
