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
