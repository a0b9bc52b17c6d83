package pipeline_test

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"
	"github.com/zzia/press/internal/pipeline"

	"github.com/zzia/press/internal/testsite"
)

// fsTree hashes every file of an output, keyed by path.
func fsTree(t *testing.T, out fs.FS) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(out, p)
		if err != nil {
			return err
		}
		m[p] = fmt.Sprintf("%x", sha256.Sum256(b))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// liveSite is a copy of the bundled site with a preview kept on it.
type liveSite struct {
	t    *testing.T
	src  string
	opts pipeline.Options
	live *pipeline.Live
	out  fs.FS
}

func openLive(t *testing.T) *liveSite {
	src := testsite.Bundled(t)
	opts := pipeline.Options{Source: src, CacheDir: t.TempDir(), BaseURL: "http://127.0.0.1:1313/", Today: pagesToday}
	live, err := pipeline.OpenLive(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(live.Close)
	ls := &liveSite{t: t, src: src, opts: opts, live: live}
	ls.update(nil)
	return ls
}

func (ls *liveSite) path(rel string) string { return filepath.Join(ls.src, filepath.FromSlash(rel)) }

func (ls *liveSite) write(rel, text string) fsnotify.Event {
	ls.t.Helper()
	op := fsnotify.Write
	if _, err := os.Stat(ls.path(rel)); err != nil {
		op = fsnotify.Create
	}
	os.MkdirAll(filepath.Dir(ls.path(rel)), 0o755)
	if err := os.WriteFile(ls.path(rel), []byte(text), 0o644); err != nil {
		ls.t.Fatal(err)
	}
	return fsnotify.Event{Name: ls.path(rel), Op: op}
}

func (ls *liveSite) read(rel string) string {
	ls.t.Helper()
	b, err := os.ReadFile(ls.path(rel))
	if err != nil {
		ls.t.Fatal(err)
	}
	return string(b)
}

func (ls *liveSite) remove(rel string) fsnotify.Event {
	ls.t.Helper()
	if err := os.Remove(ls.path(rel)); err != nil {
		ls.t.Fatal(err)
	}
	return fsnotify.Event{Name: ls.path(rel), Op: fsnotify.Remove}
}

func (ls *liveSite) rename(from, to string) []fsnotify.Event {
	ls.t.Helper()
	if err := os.Rename(ls.path(from), ls.path(to)); err != nil {
		ls.t.Fatal(err)
	}
	return []fsnotify.Event{{Name: ls.path(from), Op: fsnotify.Rename}, {Name: ls.path(to), Op: fsnotify.Create}}
}

func (ls *liveSite) update(events []fsnotify.Event) *pipeline.Result {
	ls.t.Helper()
	res, err := ls.live.Update(events)
	if err != nil {
		ls.t.Fatalf("update %v: %v", events, err)
	}
	if res != nil {
		ls.out = res.Output
	}
	return res
}

func (ls *liveSite) page(rel string) string {
	ls.t.Helper()
	b, err := fs.ReadFile(ls.out, rel)
	if err != nil {
		ls.t.Fatalf("preview: %v", err)
	}
	return string(b)
}

// sameAsFull checks the preview against a build from scratch of the same sources.
func (ls *liveSite) sameAsFull(step string) {
	ls.t.Helper()
	if err := ls.live.Search(); err != nil {
		ls.t.Fatalf("%s: search index: %v", step, err)
	}
	if err := ls.live.Complete(); err != nil {
		ls.t.Fatalf("%s: the pages left stale: %v", step, err)
	}
	full, err := pipeline.Memory(ls.opts)
	if err != nil {
		ls.t.Fatalf("%s: full build: %v", step, err)
	}
	if d := diffTrees(fsTree(ls.t, ls.out), fsTree(ls.t, full.Output)); len(d) > 0 {
		for i, l := range d {
			if name, ok := strings.CutPrefix(l, "differs: "); ok && i < 3 {
				a, _ := fs.ReadFile(ls.out, name)
				b, _ := fs.ReadFile(full.Output, name)
				d[i] += "\n" + firstDifference(string(a), string(b))
				if os.Getenv("LIVE_DUMP") != "" {
					os.WriteFile("/tmp/live-preview-"+filepath.Base(name), a, 0o644)
					os.WriteFile("/tmp/live-full-"+filepath.Base(name), b, 0o644)
				}
			}
		}
		if len(d) > 20 {
			d = append(d[:20], "…")
		}
		ls.t.Errorf("%s: the preview (first) differs from a full build (second):\n%s", step, strings.Join(d, "\n"))
	}
}

// firstDifference shows where two texts part.
func firstDifference(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	from := max(0, i-80)
	return fmt.Sprintf("    preview: …%s…\n    full:    …%s…", a[from:min(len(a), i+80)], b[from:min(len(b), i+80)])
}

const article = "content/news/2026-10-23-data-security-training.md"

func TestLiveEqualsFullBuildAfterEdits(t *testing.T) {
	ls := openLive(t)
	ls.sameAsFull("first build")

	// An article's title and body: the page and the section list change.
	orig := ls.read(article)
	edited := strings.Replace(orig, "title: 【示例】数据安全专题培训班结业", "title: 数据安全培训班圆满结业", 1)
	edited = strings.Replace(edited, "10月20日至23日", "十月二十日至二十三日", 1)
	ls.update([]fsnotify.Event{ls.write(article, edited)})
	if p := ls.page("news/2026-10-23-data-security-training/index.html"); !strings.Contains(p, "数据安全培训班圆满结业") || !strings.Contains(p, "十月二十日至二十三日") {
		t.Error("the edited article does not show its new title and body")
	}
	if p := ls.page("news/index.html"); !strings.Contains(p, "数据安全培训班圆满结业") || strings.Contains(p, "数据安全专题培训班结业") {
		t.Error("the news list does not show the article's new title")
	}
	ls.sameAsFull("article edited")

	// A new page, then renamed, then deleted.
	ls.update([]fsnotify.Event{ls.write("content/news/2026-11-30-new.md", "---\ntitle: 新增的一篇动态\ndate: 2026-11-26\nsummary: 新增。\n---\n新增的正文。\n")})
	if !strings.Contains(ls.page("news/2026-11-30-new/index.html"), "新增的正文") || !strings.Contains(ls.page("news/index.html"), "新增的一篇动态") {
		t.Error("the added page is not in the preview or the news list")
	}
	// The sitemap is left to Complete, which the preview calls when the
	// sitemap is asked for; an HTML page is never left.
	if !ls.live.Stale("/sitemap.xml") || ls.live.Stale("/news/") || ls.live.Stale("/news/2026-11-30-new/") {
		t.Error("after a page was added, the sitemap is not the only page left stale")
	}
	if err := ls.live.Complete(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(ls.page("sitemap.xml"), "/news/2026-11-30-new/</loc>") || ls.live.Stale("/sitemap.xml") {
		t.Error("Complete did not bring the sitemap up to date")
	}
	ls.sameAsFull("page added")
	ls.update(ls.rename("content/news/2026-11-30-new.md", "content/news/2026-11-30-renamed.md"))
	if _, err := fs.Stat(ls.out, "news/2026-11-30-new/index.html"); err == nil {
		t.Error("the renamed page is still served at its old address")
	}
	ls.sameAsFull("page renamed")
	ls.update([]fsnotify.Event{ls.remove("content/news/2026-11-30-renamed.md")})
	if strings.Contains(ls.page("news/index.html"), "新增的一篇动态") {
		t.Error("the deleted page is still in the news list")
	}
	ls.sameAsFull("page deleted")

	// A layout, a public data file, a member's file, the configuration.
	base := ls.read("layouts/baseof.html")
	ls.update([]fsnotify.Event{ls.write("layouts/baseof.html", strings.Replace(base, "</body>", `<i data-changed="布局已改"></i></body>`, 1))})
	if !strings.Contains(ls.page("index.html"), "布局已改") {
		t.Error("the layout change is not in the preview")
	}
	ls.sameAsFull("layout changed")

	org := ls.read("data/organization.yaml")
	ls.update([]fsnotify.Event{ls.write("data/organization.yaml", strings.Replace(org, "促进会的日常办事机构", "促进会的日常办事机构（已改）", 1))})
	ls.sameAsFull("data file changed")

	m := ls.read("data/members/m01-erqi.yaml")
	ls.update([]fsnotify.Event{ls.write("data/members/m01-erqi.yaml", strings.Replace(m, "name: 中原虚构星联大学", "name: 中原虚构星联理工大学", 1))})
	if !strings.Contains(ls.page("members/index.html")+ls.page("members/m01-erqi/index.html"), "中原虚构星联理工大学") {
		t.Error("the member's new name is not in the directory")
	}
	ls.sameAsFull("member file changed")

	// The titles every page shows of other pages (header, footer,
	// breadcrumbs) come from the content files without asking Hugo for
	// those pages: a change of one is in every page all the same.
	sec := ls.read("content/members/_index.md")
	ls.update([]fsnotify.Event{ls.write("content/members/_index.md", strings.Replace(sec, "title: 会员名录", "title: 本会会员名录", 1))})
	if p := ls.page("members/m01-erqi/index.html"); !strings.Contains(p, `<li><a href="/members/">本会会员名录</a></li>`) {
		t.Error("a member's breadcrumbs do not show the directory's new title")
	}
	if p := ls.page("news/index.html"); !strings.Contains(p, ">本会会员名录</a></li>") {
		t.Error("the footer of the news list does not show the directory's new title")
	}
	ls.sameAsFull("section title changed")

	guide := ls.read("content/membership/guide.md")
	ls.update([]fsnotify.Event{ls.write("content/membership/guide.md", strings.Replace(guide, "title: 入会指南", "title: 入会须知\nlinkTitle: 如何入会", 1))})
	if p := ls.page("about/index.html"); !strings.Contains(p, ">如何入会</a></li>") {
		t.Error("the footer does not show the guide's new link title")
	}
	ls.sameAsFull("footer page title changed")

	journal := ls.read("content/journal/_index.md")
	ls.update([]fsnotify.Event{ls.write("content/journal/_index.md", strings.Replace(journal, "title: 会刊", "title: 会刊\ncoming: true", 1))})
	if p := ls.page("contact/index.html"); !strings.Contains(p, `会刊<span class="badge">即将上线</span>`) {
		t.Error("the main menu does not mark the journal as coming")
	}
	ls.sameAsFull("section marked coming")

	cfg := ls.read("hugo.toml")
	ls.update([]fsnotify.Event{ls.write("hugo.toml", strings.Replace(cfg, "郑州市信息化促进会", "郑州市信息化促进会（预览）", 1))})
	ls.sameAsFull("configuration changed")
}

// A failed update keeps the preview usable: the next one builds again.
func TestLiveRecoversFromErrors(t *testing.T) {
	ls := openLive(t)
	orig := ls.read(article)
	if _, err := ls.live.Update([]fsnotify.Event{ls.write(article, "---\ntitle: [broken\n---\n")}); err == nil || !strings.Contains(err.Error(), article+":2") {
		t.Fatalf("a broken front matter gave %v, want an error at %s:2", err, article)
	}
	ls.update([]fsnotify.Event{ls.write(article, orig)})
	ls.sameAsFull("after the error was fixed")

	// A change outside what the site is made of builds nothing.
	if res, err := ls.live.Update([]fsnotify.Event{{Name: filepath.Join(ls.src, "public", "x.html"), Op: fsnotify.Create}}); res != nil || err != nil {
		t.Errorf("a file in public/ gave %v, %v; want nothing built", res, err)
	}
	// A watcher started on a relative folder (press serve in the site's
	// folder) reports relative names.
	t.Chdir(ls.src)
	ls.write(article, strings.Replace(orig, "10月20日至23日", "十月二十日至二十三日", 1))
	ls.update([]fsnotify.Event{{Name: filepath.FromSlash(article), Op: fsnotify.Write}})
	if !strings.Contains(ls.page("news/2026-10-23-data-security-training/index.html"), "十月二十日至二十三日") {
		t.Error("an edit reported by a relative name is not in the preview")
	}
}

// A private value written into an article is caught on the incremental path.
func TestLivePrivacyScan(t *testing.T) {
	ls := openLive(t)
	orig := ls.read(article)
	_, err := ls.live.Update([]fsnotify.Event{ls.write(article, orig+"\n联系电话 155-5555-0053。\n")})
	var be *pipeline.Error
	if !errors.As(err, &be) || !strings.Contains(be.Error(), "news/2026-10-23-data-security-training/index.html") {
		t.Fatalf("a member's phone in an article gave %v, want the privacy scan to name the page", err)
	}
	ls.update([]fsnotify.Event{ls.write(article, orig)})
	if strings.Contains(ls.page("news/2026-10-23-data-security-training/index.html"), "155-5555-0053") {
		t.Error("the phone is still in the page")
	}
}
