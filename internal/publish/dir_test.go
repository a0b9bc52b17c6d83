package publish

import (
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// listFiles returns the files under dir with their contents.
func listFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.Walk(dir, func(path string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		b, err := os.ReadFile(path)
		out[filepath.ToSlash(rel)] = string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestToDir(t *testing.T) {
	built := builtSite(t, map[string]string{
		"index.html":          "home v2",
		"css/site.css":        "body{}",
		"news/new/index.html": "new page",
		"about":               "now a file",
		"feeds/index.xml":     "<rss/>",
	})
	dest := t.TempDir()
	writeFiles(t, dest, map[string]string{
		"index.html":          "home v1",
		"css/site.css":        "body{}",
		"news/old/index.html": "stale page",
		"news/old/img/a.png":  "png",
		"about/index.html":    "was a directory",
		"stale.txt":           "stale",
		".git/config":         "[core]",
	})
	old := time.Now().Add(-time.Hour)
	unchanged := filepath.Join(dest, "css", "site.css")
	if err := os.Chtimes(unchanged, old, old); err != nil {
		t.Fatal(err)
	}

	res, err := ToDir(built, dest)
	if err != nil {
		t.Fatal(err)
	}
	want := listFiles(t, built)
	want[".git/config"] = "[core]" // a checkout's .git is kept
	if got := listFiles(t, dest); !reflect.DeepEqual(got, want) {
		t.Errorf("dest = %v\nwant %v", got, want)
	}
	if res.Copied != 4 || res.Unchanged != 1 {
		t.Errorf("result %+v, want 4 copied, 1 unchanged", res)
	}
	// news/old (with its files), stale.txt, and the about directory.
	if res.Removed != 3 {
		t.Errorf("removed %d, want 3", res.Removed)
	}
	if fi, err := os.Stat(unchanged); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("an identical file was rewritten (%v, %v)", fi.ModTime(), err)
	}
	entries, _ := os.ReadDir(filepath.Join(dest, "news"))
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	if !reflect.DeepEqual(names, []string{"new"}) {
		t.Errorf("news/ holds %v, want [new] (no temporary files, no stale directory)", names)
	}

	again, err := ToDir(built, dest)
	if err != nil {
		t.Fatal(err)
	}
	if again.Copied != 0 || again.Removed != 0 || again.Unchanged != 5 {
		t.Errorf("second mirror %+v, want nothing to do", again)
	}
}

func TestToDirRefusesOverlap(t *testing.T) {
	built := builtSite(t, map[string]string{"index.html": "x"})
	for _, dest := range []string{built, filepath.Join(built, "out"), filepath.Dir(built)} {
		if _, err := ToDir(built, dest); err == nil || !strings.Contains(err.Error(), "overlap") {
			t.Errorf("ToDir(%s, %s) = %v, want an overlap error", built, dest, err)
		}
	}
}

func TestIsClean(t *testing.T) {
	src, _ := newSource(t)
	clean, dirty, err := IsClean(filepath.Join(src, "content"))
	if err != nil {
		t.Fatal(err)
	}
	if !clean || len(dirty) != 0 {
		t.Fatalf("fresh commit: clean=%v dirty=%v", clean, dirty)
	}
	// Ignored output does not count.
	writeFiles(t, src, map[string]string{"public/index.html": "built"})
	if clean, dirty, _ := IsClean(src); !clean {
		t.Errorf("ignored public/ made the tree dirty: %v", dirty)
	}
	writeFiles(t, src, map[string]string{"content/_index.md": "changed", "content/news/new.md": "untracked"})
	clean, dirty, err = IsClean(src)
	if err != nil {
		t.Fatal(err)
	}
	if clean || !reflect.DeepEqual(dirty, []string{"content/_index.md", "content/news/new.md"}) {
		t.Errorf("clean=%v dirty=%v, want the modified and the untracked file", clean, dirty)
	}
	// Staged but not committed is still dirty.
	repo, _ := git.PlainOpen(src)
	wt, _ := repo.Worktree()
	if err := wt.AddGlob("content"); err != nil {
		t.Fatal(err)
	}
	if clean, _, _ := IsClean(src); clean {
		t.Error("staged changes counted as clean")
	}
	if _, err := wt.Commit("commit", &git.CommitOptions{Author: &object.Signature{Name: "a", Email: "a@b", When: when}}); err != nil {
		t.Fatal(err)
	}
	if clean, dirty, _ := IsClean(src); !clean {
		t.Errorf("after commit: dirty %v", dirty)
	}
}

func TestIsCleanOutsideRepository(t *testing.T) {
	if _, _, err := IsClean(t.TempDir()); err == nil {
		t.Error("IsClean outside a repository gave no error")
	}
}
