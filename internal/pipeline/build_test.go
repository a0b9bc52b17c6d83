package pipeline_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/zzia/press/internal/pipeline"

	"github.com/zzia/press/internal/testsite"
)

// repoRoot is the bundled site: the repository itself.
var repoRoot = filepath.Join("..", "..")

func fixture(name string) string { return filepath.Join(repoRoot, "testdata", "sites", name) }

func buildTo(t *testing.T, src, dest string) *pipeline.Result {
	t.Helper()
	res, err := pipeline.Build(pipeline.Options{Source: src, Dest: dest, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatalf("build %s: %v", src, err)
	}
	return res
}

func read(t *testing.T, dir, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("reading output: %v", err)
	}
	return string(b)
}

// tree hashes every file under dir, keyed by relative path.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := testsite.ReadFiles(t, dir)
	for name, text := range m {
		m[name] = fmt.Sprintf("%x", sha256.Sum256([]byte(text)))
	}
	return m
}

func diffTrees(a, b map[string]string) []string {
	var out []string
	for k, v := range a {
		if w, ok := b[k]; !ok {
			out = append(out, "only in first: "+k)
		} else if v != w {
			out = append(out, "differs: "+k)
		}
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, "only in second: "+k)
		}
	}
	sort.Strings(out)
	return out
}

var tagRE = regexp.MustCompile(`<[^>]+>`)

// text is the page's visible text with tags removed and whitespace collapsed.
func text(html string) string {
	return strings.Join(strings.Fields(tagRE.ReplaceAllString(html, " ")), " ")
}

func TestBundledSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, repoRoot, out)
	if res.Pages < 20 {
		t.Errorf("built %d pages, want the whole site (at least 20)", res.Pages)
	}
	// The layouts use nothing the embedded Hugo is about to remove.
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "was deprecated in Hugo") {
			t.Errorf("the bundled site uses a deprecated feature: %s", w)
		}
	}

	home := read(t, out, "index.html")
	for _, want := range []string{`<html lang="zh-CN"`, `class="skip-link" href="#main"`, `<main id="main"`, `<nav class="site-nav" aria-label="主导航">`, `<footer`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s", want)
		}
	}
	for _, item := range []string{"首页", "协会简介", "组织机构", "会员服务", "新闻动态", "通知公告", "联系我们", "会员名录", "活动与培训", "会刊", "白皮书", "简讯"} {
		if !strings.Contains(home, ">"+item+"<") {
			t.Errorf("navigation lacks %s", item)
		}
	}
	// The home page lists the latest news and notices.
	if n := strings.Count(home, `href="/news/20`); n < 4 {
		t.Errorf("home lists %d news posts, want 4", n)
	}
	if n := strings.Count(home, `href="/notices/20`); n < 3 {
		t.Errorf("home lists %d notices, want at least 3", n)
	}

	t.Run("fees", func(t *testing.T) {
		p := text(read(t, out, "membership/fees/index.html"))
		// In the words of the secretariat's text: 30000元/年, 帐号.
		for _, want := range []string{"副会长会员 30000元/年", "理事会员 10000元/年", "普通会员 2000元/年", "郑州银行西建材支行", "帐号 90501880190002349", "单位名称 郑州市信息化促进会"} {
			if !strings.Contains(p, want) {
				t.Errorf("fees page lacks %q\n%s", want, p)
			}
		}
	})

	t.Run("nine articles", func(t *testing.T) {
		p := read(t, out, "membership/rules/index.html")
		for _, a := range []string{"第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条", "第九条"} {
			if !regexp.MustCompile(`<h2 id="[^"]*">` + a + `</h2>`).MatchString(p) {
				t.Errorf("rules page lacks the heading of %s", a)
			}
		}
		for _, want := range []string{"连续3次无人参加活动", "视同自动退会处理", "会内相应职务也将被自动取消"} {
			if !strings.Contains(p, want) {
				t.Errorf("rules page lacks %q", want)
			}
		}
	})

	t.Run("departments", func(t *testing.T) {
		duties := map[string][]string{
			"organization/administration/index.html":      {"人事方面", "行政方面", "行政人事部职责细则", "每月制作相关行政费用供秘书长审查并进行存档"},
			"organization/editorial/index.html":           {"综合管理职责", "网站与会刊管理职责", "信息管理职责", "负责促进会白皮书的编写、制订、发布及相关专题的材料收集"},
			"organization/consulting-training/index.html": {"咨询职责", "培训职责", "定期举办各类专题研讨会、论坛、讲座"},
			"organization/member-development/index.html":  {"会员发展部", "/membership/guide/", "/membership/fees/", "/membership/rules/"},
		}
		for page, wants := range duties {
			p := read(t, out, page)
			for _, w := range wants {
				if !strings.Contains(p, w) {
					t.Errorf("%s lacks %q", page, w)
				}
			}
		}
	})

	t.Run("org chart", func(t *testing.T) {
		p := read(t, out, "organization/index.html")
		svg := regexp.MustCompile(`(?s)<svg class="orgchart-wide".*?</svg>`).FindString(p)
		if svg == "" {
			t.Fatal("no inline SVG organization chart")
		}
		for _, node := range []string{"郑州市信息化促进会", "秘书处", "会员发展部", "信息编辑部", "行政人事部", "咨询培训部"} {
			if !strings.Contains(svg, ">"+node+"<") {
				t.Errorf("org chart lacks node %s", node)
			}
		}
		if fig := regexp.MustCompile(`(?s)<figure class="orgchart".*?</figure>`).FindString(p); fig == "" || strings.Contains(fig, "<img") {
			t.Error("org chart must be inline SVG, not an image file")
		}
	})

	t.Run("no section is left coming", func(t *testing.T) {
		// Every section in the navigation is live now; a section may only be
		// in the menu while it says plainly that it is coming.
		for _, s := range []string{"members", "activities", "journal", "whitepapers", "newsletter"} {
			p := read(t, out, s+"/index.html")
			if strings.Contains(p, "coming-notice") {
				t.Errorf("%s still says it is coming", s)
			}
		}
	})

	t.Run("publications", func(t *testing.T) {
		// The bundled periodicals: two journal issues of 40+ pages with
		// images and tables, a white paper of 60+ pages, three newsletters.
		pages := func(rel string) int {
			b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatalf("missing PDF: %v", err)
			}
			return len(regexp.MustCompile(`/Type /Page[^s]`).FindAll(b, -1))
		}
		for _, issue := range []string{"2026-1", "2026-2"} {
			pdf := "journal/" + issue + "/journal-" + issue + ".pdf"
			if n := pages(pdf); n < 40 {
				t.Errorf("%s has %d pages, want 40 or more", pdf, n)
			}
			b, _ := os.ReadFile(filepath.Join(out, filepath.FromSlash(pdf)))
			if imgs := bytes.Count(b, []byte("/Subtype /Image")); imgs < 8 {
				t.Errorf("%s has %d images, want the issue's figures and cover", pdf, imgs)
			}
			if p := read(t, out, "journal/"+issue+"/index.html"); !strings.Contains(p, "<table") && !strings.Contains(p, ".pdf") {
				t.Errorf("journal/%s page lacks its contents and PDF link", issue)
			}
		}
		if n := pages("whitepapers/2026-zhongxiao-qiye-shuzihua/2026-zhongxiao-qiye-shuzihua.pdf"); n < 60 {
			t.Errorf("the white paper has %d pages, want 60 or more", n)
		}
		for _, nl := range []string{"2026-01", "2026-02", "2026-03"} {
			if n := pages("newsletter/" + nl + "/newsletter-" + nl + ".pdf"); n < 1 {
				t.Errorf("newsletter %s has no PDF pages", nl)
			}
			if _, err := os.Stat(filepath.Join(out, "newsletter", nl, "email.html")); err != nil {
				t.Errorf("newsletter %s has no e-mail edition: %v", nl, err)
			}
		}
		// The secretariat's internal outputs never go into the public site.
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				switch filepath.Base(p) {
				case "roster.pdf", "labels.pdf", "certificates.pdf", "distribution.csv", "members.html", "members.csv":
					t.Errorf("internal output %s is in the public site", p)
				}
			}
			return nil
		})
	})

	t.Run("samples are marked", func(t *testing.T) {
		for _, dir := range []string{"news", "notices"} {
			entries, _ := os.ReadDir(filepath.Join(out, dir))
			n := 0
			for _, e := range entries {
				if !e.IsDir() || !strings.HasPrefix(e.Name(), "20") {
					continue
				}
				n++
				p := read(t, out, dir+"/"+e.Name()+"/index.html")
				if !strings.Contains(p, "sample-notice") {
					t.Errorf("%s/%s is not marked as a sample", dir, e.Name())
				}
			}
			if n < 3 {
				t.Errorf("%s has %d posts, want at least 3", dir, n)
			}
		}
	})

	t.Run("no request to another host", func(t *testing.T) {
		// Every src, stylesheet and script must be local; links to other
		// hosts (the ICP filing site) are fine, loading from them is not.
		load := regexp.MustCompile(`(?i)(?:src|srcset)\s*=\s*"([^"]*)"|<link[^>]+rel="(?:stylesheet|preload|icon)"[^>]*href="([^"]*)"|url\(([^)]*)\)|@import`)
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".css")) {
				return nil
			}
			b, _ := os.ReadFile(p)
			for _, m := range load.FindAllStringSubmatch(string(b), -1) {
				u := m[1] + m[2] + m[3]
				if m[0] == "@import" || strings.Contains(u, "//") {
					t.Errorf("%s loads %q from another host", p, m[0])
				}
			}
			return nil
		})
	})

	t.Run("raw HTML stays disabled", func(t *testing.T) {
		filepath.WalkDir(filepath.Join(repoRoot, "content"), func(p string, d fs.DirEntry, err error) error {
			return nil
		})
		if bytes.Contains([]byte(home), []byte("<!-- raw HTML omitted -->")) {
			t.Error("bundled content uses raw HTML")
		}
	})
}

func TestOtherSite(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	res := buildTo(t, fixture("minimal"), out)
	if got := read(t, out, "posts/second/index.html"); !strings.Contains(got, "<h1>第二篇</h1>") {
		t.Errorf("fixture page not rendered by its own layouts:\n%s", got)
	}
	if got := read(t, out, "robots-fixture.txt"); got != "static file\n" {
		t.Errorf("static file not copied: %q", got)
	}
	if strings.Contains(read(t, out, "posts/first/index.html"), "alert(") {
		t.Error("raw HTML in Markdown reached the output")
	}
	var warned bool
	for _, w := range res.Warnings {
		if w.File == "content/posts/first.md" {
			warned = true
		}
	}
	if !warned {
		t.Errorf("no warning naming content/posts/first.md for its raw HTML; got %v", res.Warnings)
	}
}

func TestFailedBuildKeepsOutput(t *testing.T) {
	cases := []struct {
		site string
		want string // file:line prefix of the first diagnostic
	}{
		{"badtemplate", "layouts/page.html:3"},
		{"badfrontmatter", "content/posts/second.md:3:7"},
	}
	for _, c := range cases {
		t.Run(c.site, func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "public")
			buildTo(t, fixture("minimal"), out)
			before := tree(t, out)

			_, err := pipeline.Build(pipeline.Options{Source: fixture(c.site), Dest: out, CacheDir: t.TempDir()})
			var be *pipeline.Error
			if !errors.As(err, &be) {
				t.Fatalf("want a build error, got %v", err)
			}
			if !strings.HasPrefix(be.Diagnostics[0].String(), c.want) {
				t.Errorf("diagnostic %q does not start with %q", be.Diagnostics[0].String(), c.want)
			}
			if d := diffTrees(before, tree(t, out)); len(d) > 0 {
				t.Errorf("failed build changed the previous output: %v", d)
			}
			// No staging directory is left behind.
			if left := leftBeside(filepath.Dir(out)); len(left) > 0 {
				t.Errorf("staging directories left behind: %v", left)
			}
		})
	}
}

func TestAllFrontMatterErrorsAtOnce(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	write := func(rel, s string) {
		if err := os.WriteFile(filepath.Join(src, rel), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/posts/a.md", "---\ntitle: \"unclosed\n---\nbody\n")
	write("content/posts/b.md", "---\ntitle: b\ndate: 2025-02-30\n---\nbody\n")
	write("content/posts/c.md", "+++\ntitle = c\n+++\nbody\n")
	_, err := pipeline.Build(pipeline.Options{Source: src, Dest: filepath.Join(t.TempDir(), "o"), CacheDir: t.TempDir()})
	var be *pipeline.Error
	if !errors.As(err, &be) {
		t.Fatalf("want a build error, got %v", err)
	}
	var got []string
	for _, d := range be.Diagnostics {
		got = append(got, d.String())
	}
	want := []string{"content/posts/a.md:2:8:", "content/posts/b.md:3:1:", "content/posts/c.md:2:9:"}
	if len(got) != len(want) {
		t.Fatalf("got %d diagnostics, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("diagnostic %d = %q, want prefix %q", i, got[i], want[i])
		}
	}
}

func TestDeterministic(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	buildTo(t, repoRoot, a)
	buildTo(t, repoRoot, b)
	if d := diffTrees(tree(t, a), tree(t, b)); len(d) > 0 {
		t.Errorf("two builds differ: %v", d)
	}
}

func TestWritesNothingIntoSourceAndIgnoresHugoEnv(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	before := tree(t, src)
	ref := filepath.Join(t.TempDir(), "ref")
	buildTo(t, src, ref)

	t.Setenv("HUGO_TITLE", "Hijacked")
	t.Setenv("HUGO_BASEURL", "https://evil.example/")
	t.Setenv("HUGO_PUBLISHDIR", filepath.Join(src, "hijacked"))
	t.Setenv("HUGO_ENVIRONMENT", "hijack")
	out := filepath.Join(t.TempDir(), "out")
	buildTo(t, src, out)

	if d := diffTrees(before, tree(t, src)); len(d) > 0 {
		t.Errorf("build wrote into the source tree: %v", d)
	}
	if d := diffTrees(tree(t, ref), tree(t, out)); len(d) > 0 {
		t.Errorf("HUGO_* variables changed the output: %v", d)
	}
}

func TestDefaultDestIsPublicInSite(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	res := buildTo(t, src, "")
	if res.Dest != filepath.Join(src, "public") {
		t.Errorf("dest = %s, want public/ in the site", res.Dest)
	}
	if _, err := os.Stat(filepath.Join(src, "public", "index.html")); err != nil {
		t.Error(err)
	}
}

func TestBrokenLinksFailTheBuild(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	os.WriteFile(filepath.Join(src, "content", "posts", "links.md"), []byte("---\ntitle: L\n---\nSee [two](/posts/secnd/) and [x](/posts/first/#nope).\n\n![logo](/img/none.png)\n"), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, fixture("minimal"), out)
	before := tree(t, out)
	_, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir()})
	var be *pipeline.Error
	if !errors.As(err, &be) {
		t.Fatalf("want a build error, got %v", err)
	}
	want := []string{
		`content/posts/links.md:4:11: page /posts/links/ links to /posts/secnd/, which does not exist; did you mean "/posts/second/"?`,
		`content/posts/links.md:4:34: page /posts/links/ links to /posts/first/#nope, but that page has no such anchor`,
		`content/posts/links.md:6:9: page /posts/links/ links to /img/none.png, which does not exist`,
	}
	var got []string
	for _, d := range be.Diagnostics {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d := diffTrees(before, tree(t, out)); len(d) > 0 {
		t.Errorf("failed build changed the previous output: %v", d)
	}
}

// A link to a heading as the editor sees it, emoji included, names the id
// Hugo gave the heading (without the emoji).
func TestMissingAnchorSuggestsTheHeadingID(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	os.WriteFile(filepath.Join(src, "content", "posts", "links.md"), []byte("---\ntitle: L\n---\n见[本节](#小结😀)。\n\n## 小结😀\n\n正文。\n"), 0o644)
	_, err := pipeline.Build(pipeline.Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), CacheDir: t.TempDir()})
	var be *pipeline.Error
	if !errors.As(err, &be) {
		t.Fatalf("want a build error, got %v", err)
	}
	want := `content/posts/links.md:4:7: page /posts/links/ links to #小结😀, but that page has no such anchor; did you mean "#小结"?`
	if len(be.Diagnostics) != 1 || be.Diagnostics[0].String() != want {
		t.Errorf("got %v\nwant %s", be.Diagnostics, want)
	}
}

func TestRefusesDestThatWouldReplaceSources(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	before := tree(t, src)
	for _, dest := range []string{src, filepath.Dir(src), filepath.Join(src, "content"), filepath.Join(src, "static", "x")} {
		_, err := pipeline.Build(pipeline.Options{Source: src, Dest: dest, CacheDir: t.TempDir()})
		var be *pipeline.Error
		if !errors.As(err, &be) || !strings.Contains(be.Error(), "would replace the site") {
			t.Errorf("dest %s: want a refusal, got %v", dest, err)
		}
	}
	if d := diffTrees(before, tree(t, src)); len(d) > 0 {
		t.Errorf("the sources changed: %v", d)
	}
}

// A page whose file is named in Chinese (with a character outside the
// BMP) has an address Hugo escapes (/posts/%E4%BC%9A.../) and a file it
// does not (posts/会员𠀾通知/index.html): the build finds it under its file's
// name, clean and over its previous output.
func TestPageNamedInChinese(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	page := "---\ntitle: 会员𠀾通知😀\ndate: 2026-12-01\n---\n生僻字𪚥与表情😀。\n"
	if err := os.WriteFile(filepath.Join(src, "content", "posts", "会员𠀾通知.md"), []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	for _, build := range []string{"clean", "over the previous output"} {
		res, err := pipeline.Build(pipeline.Options{Source: src, Dest: dest, CacheDir: t.TempDir()})
		if err != nil {
			t.Fatalf("%s: %v", build, err)
		}
		b, err := os.ReadFile(filepath.Join(dest, "posts", "会员𠀾通知", "index.html"))
		if err != nil || !strings.Contains(string(b), "生僻字𪚥与表情😀") {
			t.Errorf("%s: the page is not at its file's name: %v", build, err)
		}
		if n, _ := countOutput(dest); n != res.Files {
			t.Errorf("%s: %d files in the output, the build says %d", build, n, res.Files)
		}
	}
}

// countOutput counts the files of a built site (press's marker left out).
func countOutput(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && d.Name() != pipeline.MarkerFile {
			n++
		}
		return err
	})
	return n, err
}
