package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/testgit"
	"github.com/zzia/press/internal/testsite"
)

// siteRepo makes a git repository holding a copy of the minimal fixture site.
func siteRepo(t *testing.T) string {
	t.Helper()
	dir := testsite.Copy(t, fixtureSite("minimal"))
	testsite.WriteFiles(t, dir, map[string]string{".gitignore": "/public/\n"})
	testgit.Init(t, dir).Commit(t, "sources", "编辑甲", time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	return dir
}

func TestPublishToBareRepository(t *testing.T) {
	site := siteRepo(t)
	bare := t.TempDir()
	testgit.Bare(t, bare)
	args := []string{"publish", "--source", site, "--remote", bare, "--cache-dir", t.TempDir()}
	code, out, errs := run(msg.En, args...)
	if code != ExitOK || !strings.Contains(out, "Published gh-pages") {
		t.Fatalf("first publish: exit %d\n%s\n%s", code, out, errs)
	}
	remote, _ := git.PlainOpen(bare)
	ref, err := remote.Reference(plumbing.NewBranchReferenceName("gh-pages"), true)
	if err != nil {
		t.Fatalf("no gh-pages on the remote: %v", err)
	}
	c, _ := remote.CommitObject(ref.Hash())
	if _, err := c.File("posts/second/index.html"); err != nil {
		t.Errorf("published tree lacks a page: %v", err)
	}
	head, _ := git.PlainOpen(site)
	h, _ := head.Head()
	if !strings.Contains(c.Message, h.Hash().String()) {
		t.Errorf("publish message does not name the source commit %s:\n%s", h.Hash(), c.Message)
	}

	code, out, _ = run(msg.En, args...)
	if code != ExitOK || !strings.Contains(out, "no commit made") {
		t.Errorf("second publish should make no commit: exit %d\n%s", code, out)
	}
	if ref2, _ := remote.Reference(plumbing.NewBranchReferenceName("gh-pages"), true); ref2.Hash() != ref.Hash() {
		t.Error("the remote branch moved without a change")
	}

	// Uncommitted sources are refused unless forced.
	os.WriteFile(filepath.Join(site, "content", "posts", "second.md"), []byte("---\ntitle: 改\n---\n改了\n"), 0o644)
	code, _, errs = run(msg.En, args...)
	if code == ExitOK || !strings.Contains(errs, "uncommitted changes") {
		t.Errorf("publishing uncommitted sources: exit %d %s", code, errs)
	}
	code, out, errs = run(msg.En, append(args, "--force")...)
	if code != ExitOK || !strings.Contains(out, "Published") {
		t.Errorf("forced publish: exit %d %s %s", code, out, errs)
	}

	// A failed build is never published.
	os.WriteFile(filepath.Join(site, "content", "posts", "second.md"), []byte("---\ntitle: [\n---\n"), 0o644)
	code, _, errs = run(msg.En, append(args, "--force")...)
	if code != ExitBuild || !strings.Contains(errs, "content/posts/second.md:2") {
		t.Errorf("publishing a failed build: exit %d %s", code, errs)
	}
}

func TestNewAndHooks(t *testing.T) {
	site := siteRepo(t)
	code, out, errs := run(msg.Zh, "new", "news", "信息化研讨会在郑州召开", "--source", site, "--today", "2026-11-27")
	if code != ExitOK || !strings.Contains(out, "content/news/2026-11-27-xinxihua-yantaohui") {
		t.Fatalf("new news: exit %d %s %s", code, out, errs)
	}
	code, _, errs = run(msg.Zh, "new", "news", "信息化研讨会在郑州召开", "--source", site, "--today", "2026-11-27")
	if code != ExitBuild || !strings.Contains(errs, "请换一个标题") {
		t.Errorf("second new must refuse to overwrite: exit %d %s", code, errs)
	}
	// Without --today, the day is the build's: PRESS_TODAY, not the clock.
	t.Setenv("PRESS_TODAY", "2019-03-01")
	code, out, errs = run(msg.Zh, "new", "news", "年会通知", "--source", site)
	if code != ExitOK || !strings.Contains(out, "content/news/2019-03-01-") {
		t.Fatalf("new news under PRESS_TODAY: exit %d %s %s", code, out, errs)
	}
	if b, err := os.ReadFile(filepath.Join(site, strings.TrimSpace(out[strings.Index(out, "content/news/"):]))); err != nil || !strings.Contains(string(b), "date: 2019-03-01") {
		t.Errorf("new news under PRESS_TODAY is not dated 2019-03-01: %v\n%s", err, b)
	}
	t.Setenv("PRESS_TODAY", "")
	if code, _, errs := run(msg.En, "new", "poem", "x", "--source", site); code != ExitUsage {
		t.Errorf("unknown kind: exit %d %s", code, errs)
	}
	code, out, errs = run(msg.En, "hooks", "install", "--source", site)
	if code != ExitOK {
		t.Fatalf("hooks install: %d %s %s", code, out, errs)
	}
	b, err := os.ReadFile(filepath.Join(site, ".git", "hooks", "pre-commit"))
	if err != nil || !strings.Contains(string(b), "press check") {
		t.Errorf("pre-commit hook: %v\n%s", err, b)
	}
}
