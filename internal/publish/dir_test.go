package publish

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/testgit"
	"github.com/zzia/press/internal/testsite"
)

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
		outputMarker:          dirMarkerText, // mirrored here before
	})
	old := time.Now().Add(-time.Hour)
	unchanged := filepath.Join(dest, "css", "site.css")
	if err := os.Chtimes(unchanged, old, old); err != nil {
		t.Fatal(err)
	}

	res, err := ToDir(built, dest, false)
	if err != nil {
		t.Fatal(err)
	}
	want := testsite.ReadFiles(t, built)
	want[".git/config"] = "[core]" // a checkout's .git is kept
	want[outputMarker] = dirMarkerText
	if got := testsite.ReadFiles(t, dest); !reflect.DeepEqual(got, want) {
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

	again, err := ToDir(built, dest, false)
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
		if _, err := ToDir(built, dest, true); err == nil || !strings.Contains(err.Error(), "overlap") {
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
	repo := testgit.Open(t, src)
	wt, _ := repo.Worktree()
	if err := wt.AddGlob("content"); err != nil {
		t.Fatal(err)
	}
	if clean, _, _ := IsClean(src); clean {
		t.Error("staged changes counted as clean")
	}
	repo.Commit(t, "commit", "a", when, "content")
	if clean, dirty, _ := IsClean(src); !clean {
		t.Errorf("after commit: dirty %v", dirty)
	}
}

func TestIsCleanOutsideRepository(t *testing.T) {
	if _, _, err := IsClean(t.TempDir()); err == nil {
		t.Error("IsClean outside a repository gave no error")
	}
}

// TestToDirRefusesForeignDirectory: a directory with files press did not
// put there (a home folder, another site) is left untouched unless forced;
// a missing, empty or .git-only one is taken and marked, and a marked one
// is mirrored again without --force.
func TestToDirRefusesForeignDirectory(t *testing.T) {
	built := builtSite(t, map[string]string{"index.html": "home"})
	foreign := t.TempDir()
	writeFiles(t, foreign, map[string]string{"notes.txt": "mine", "photos/a.jpg": "jpg"})
	before := testsite.ReadFiles(t, foreign)
	_, err := ToDir(built, foreign, false)
	var notOurs *NotOursError
	if !errors.As(err, &notOurs) || notOurs.Files != 2 {
		t.Fatalf("ToDir into a foreign directory: %v, want a NotOursError counting 2 entries", err)
	}
	if got := testsite.ReadFiles(t, foreign); !reflect.DeepEqual(got, before) {
		t.Errorf("a refused directory changed: %v", got)
	}
	// A marker that is a directory does not make it ours.
	if err := os.Mkdir(filepath.Join(foreign, outputMarker), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := ToDir(built, foreign, false); !errors.As(err, &notOurs) {
		t.Errorf("a directory named %s counted as the marker: %v", outputMarker, err)
	}
	if err := os.Remove(filepath.Join(foreign, outputMarker)); err != nil {
		t.Fatal(err)
	}
	if _, err := ToDir(built, foreign, true); err != nil {
		t.Fatalf("forced: %v", err)
	}
	if got := testsite.ReadFiles(t, foreign); got["notes.txt"] != "" || got["index.html"] != "home" || got[outputMarker] != dirMarkerText {
		t.Errorf("forced mirror = %v, want the site and the marker only", got)
	}

	checkout := t.TempDir()
	writeFiles(t, checkout, map[string]string{".git/HEAD": "ref: refs/heads/pages"})
	missing := filepath.Join(t.TempDir(), "new")
	for _, dest := range []string{t.TempDir(), checkout, missing} {
		if _, err := ToDir(built, dest, false); err != nil {
			t.Errorf("ToDir into %s: %v", dest, err)
			continue
		}
		// Marked now: the next publish needs no --force.
		writeFiles(t, dest, map[string]string{"stale.html": "old"})
		if _, err := ToDir(built, dest, false); err != nil {
			t.Errorf("second ToDir into %s: %v", dest, err)
		}
		if _, err := os.Stat(filepath.Join(dest, "stale.html")); !os.IsNotExist(err) {
			t.Errorf("%s: stale file kept (%v)", dest, err)
		}
	}
}
