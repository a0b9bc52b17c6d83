package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testgit"
	"github.com/zzia/press/internal/testsite"
)

// siteRepo copies the bundled site into a new git repository and commits it
// in two steps by two editors; it returns the work tree.
func siteRepo(t *testing.T) string {
	t.Helper()
	dir := testsite.Bundled(t)
	r := testgit.Init(t, dir)
	cst := time.FixedZone("CST", 8*3600)
	r.Commit(t, "网站初稿", "编辑甲", time.Date(2026, 9, 1, 10, 0, 0, 0, cst))
	fees := filepath.Join(dir, "content", "membership", "fees.md")
	b, _ := os.ReadFile(fees)
	os.WriteFile(fees, append(b, []byte("\n会费请按年度缴纳。\n")...), 0o644)
	r.Commit(t, "修订会费说明", "编辑乙", time.Date(2026, 10, 15, 16, 30, 0, 0, cst))
	// An activity's file and a member's (its fees, say) change, and so do
	// the content adapters' templates, which are no page's content.
	for _, f := range []string{"data/activities/2025-01-08-forum.yaml", "data/members/m01-erqi.yaml"} {
		f = filepath.Join(dir, filepath.FromSlash(f))
		b, _ := os.ReadFile(f)
		os.WriteFile(f, append(b, []byte("# 修订\n")...), 0o644)
	}
	for _, f := range []string{"content/members/_content.gotmpl", "content/activities/_content.gotmpl"} {
		f = filepath.Join(dir, filepath.FromSlash(f))
		b, _ := os.ReadFile(f)
		os.WriteFile(f, append(b, []byte("{{/* 修订 */}}\n")...), 0o644)
	}
	r.Commit(t, "修订活动与名录", "编辑乙", time.Date(2026, 11, 3, 9, 0, 0, 0, cst))
	return dir
}

func TestPageHistoryFromGit(t *testing.T) {
	src := siteRepo(t)
	out := filepath.Join(t.TempDir(), "public")
	res, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, "shallow") {
			t.Errorf("a full clone warned about a shallow one: %v", w)
		}
	}
	fees := text(read(t, out, "membership/fees/index.html"))
	if !strings.Contains(fees, "最后更新： 2026年10月15日") {
		t.Errorf("fees page lacks its last change (2026-10-15):\n%s", fees)
	}
	about := text(read(t, out, "about/index.html"))
	if !strings.Contains(about, "最后更新： 2026年9月1日") {
		t.Errorf("about page's last change is not 2026-09-01:\n%s", about)
	}
	// An activity's page: its data file's last change, as its calendar
	// entry's LAST-MODIFIED, not its adapter's; another activity's, its own.
	if got := text(read(t, out, "activities/2025-01-08-forum/index.html")); !strings.Contains(got, "最后更新： 2026年11月3日") {
		t.Errorf("the edited activity's page lacks its file's last change (2026-11-03):\n%s", got)
	}
	if got := text(read(t, out, "activities/2025-01-22-training/index.html")); !strings.Contains(got, "最后更新： 2026年9月1日") {
		t.Errorf("an activity's page does not show its file's last change (2026-09-01):\n%s", got)
	}
	// A member's page and the pages listing members show none: the
	// adapter's template is not their content, and the member's file
	// holds the secretariat's records, whose dates are not public.
	for _, page := range []string{"members/m01-erqi/index.html", "members/regions/erqi/index.html", "activities/calendar/index.html"} {
		if got := text(read(t, out, page)); strings.Contains(got, "最后更新") {
			t.Errorf("%s shows a last change:\n%s", page, got)
		}
	}
	// Who changed a page, and the commit, are not for the readers: no page
	// and no search file names the editors or shows a commit id.
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".html") || strings.HasPrefix(filepath.ToSlash(p), filepath.ToSlash(filepath.Join(out, "search"))+"/")) {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, s := range []string{"编辑甲", "编辑乙", "修订会费说明", "版本 <code>"} {
			if strings.Contains(string(b), s) {
				t.Errorf("%s shows %q, taken from git", p, s)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sitemap := read(t, out, "sitemap.xml")
	if !strings.Contains(sitemap, "<loc>https://www.zzia.example/membership/fees/</loc>\n    <lastmod>2026-10-15T16:30:00+08:00</lastmod>") {
		t.Errorf("sitemap lacks the fees page's lastmod from git:\n%s", sitemap)
	}
	if !strings.Contains(sitemap, "<loc>https://www.zzia.example/activities/2025-01-08-forum/</loc>\n    <lastmod>2026-11-03T09:00:00+08:00</lastmod>") {
		t.Errorf("sitemap lacks the edited activity's lastmod from git:\n%s", sitemap)
	}
	if strings.Contains(sitemap, "<loc>https://www.zzia.example/members/m01-erqi/</loc>\n    <lastmod>") {
		t.Errorf("sitemap gives a member's page a lastmod:\n%s", sitemap)
	}
}

func TestShallowCloneBuildsWithWarning(t *testing.T) {
	origin := siteRepo(t)
	clone := t.TempDir()
	if _, err := git.PlainClone(clone, false, &git.CloneOptions{URL: origin, Depth: 1}); err != nil {
		t.Fatalf("shallow clone: %v", err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := pipeline.Build(pipeline.Options{Source: clone, Dest: out, CacheDir: t.TempDir(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))})
	if err != nil {
		t.Fatalf("a shallow clone must still build: %v", err)
	}
	warned := false
	for _, w := range res.Warnings {
		warned = warned || strings.Contains(w.Message, "shallow")
	}
	if !warned {
		t.Errorf("no warning about the shallow clone; warnings: %v", res.Warnings)
	}
	if _, err := os.Stat(filepath.Join(out, "membership", "fees", "index.html")); err != nil {
		t.Error(err)
	}
}
