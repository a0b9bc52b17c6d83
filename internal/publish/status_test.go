package publish

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/zzia/press/internal/testgit"
)

// TestIsCleanAgreesWithGitStatus builds a repository whose ignore rules
// come from everywhere git reads them, and expects exactly what
// `git status --porcelain` lists there: the tracked file that changed.
func TestIsCleanAgreesWithGitStatus(t *testing.T) {
	dir := t.TempDir()
	repo := testgit.Init(t, dir)
	global := filepath.Join(t.TempDir(), "ignore")
	os.WriteFile(global, []byte("*.swp\n"), 0o644)
	cfg, _ := repo.Config()
	cfg.Raw.Section("core").SetOption("excludesFile", global)
	repo.SetConfig(cfg)

	writeFiles(t, dir, map[string]string{
		".gitignore":               "*.log\n/public/\n",
		"sub/.gitignore":           "tmp.txt\n",
		"content/_index.md":        "home",
		"keep.log":                 "tracked although ignored",
		"sub/deeper/.gitignore":    "!important.log\n",
		"sub/deeper/important.log": "tracked",
	})
	repo.Commit(t, "init", "a", when, ".gitignore", "sub/.gitignore", "content/_index.md", "keep.log", "sub/deeper/.gitignore", "sub/deeper/important.log")
	os.MkdirAll(filepath.Join(dir, ".git", "info"), 0o755)
	os.WriteFile(filepath.Join(dir, ".git", "info", "exclude"), []byte("secret.env\n"), 0o644)
	writeFiles(t, dir, map[string]string{
		"secret.env":        "excluded by .git/info/exclude",
		"sub/tmp.txt":       "ignored by a committed sub/.gitignore",
		"other.log":         "ignored by the committed .gitignore",
		"notes.swp":         "ignored by core.excludesFile",
		"public/index.html": "ignored output",
		"keep.log":          "changed: tracked files are never ignored",
	})
	clean, dirty, err := IsClean(dir)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"keep.log"}; clean || !reflect.DeepEqual(dirty, want) {
		t.Errorf("clean=%v dirty=%v; git status lists %v", clean, dirty, want)
	}
	writeFiles(t, dir, map[string]string{"keep.log": "tracked although ignored"})
	if clean, dirty, _ := IsClean(dir); !clean {
		t.Errorf("everything else is ignored, but dirty=%v", dirty)
	}
}

// TestCommonDir finds info/exclude of a linked work tree in the main
// repository, where git keeps it.
func TestCommonDir(t *testing.T) {
	main := t.TempDir()
	gitdir := filepath.Join(main, ".git", "worktrees", "wt")
	os.MkdirAll(gitdir, 0o755)
	os.WriteFile(filepath.Join(gitdir, "commondir"), []byte("../..\n"), 0o644)
	linked := t.TempDir()
	os.WriteFile(filepath.Join(linked, ".git"), []byte("gitdir: "+gitdir+"\n"), 0o644)
	if got, want := commonDir(linked), filepath.Join(main, ".git"); got != want {
		t.Errorf("linked work tree: %s, want %s", got, want)
	}
	if got, want := commonDir(main), filepath.Join(main, ".git"); got != want {
		t.Errorf("main work tree: %s, want %s", got, want)
	}
}

// TestMarkerIsNotPublished: build's marker stays out of the published
// branch and the mirrored directory.
func TestMarkerIsNotPublished(t *testing.T) {
	src, source := newSource(t)
	dir := builtSite(t, map[string]string{"index.html": "home", outputMarker: "press output"})
	res, err := ToBranch(context.Background(), Options{Dir: dir, Repo: src, Source: source, When: when})
	if err != nil {
		t.Fatal(err)
	}
	if _, files := commitFiles(t, src, res.Commit); len(files) != 1 || files["index.html"] != "home" {
		t.Errorf("published tree: %v", files)
	}
	dest := t.TempDir()
	if _, err := ToDir(dir, dest, false); err != nil {
		t.Fatal(err)
	}
	if b, err := os.ReadFile(filepath.Join(dest, outputMarker)); err != nil || string(b) != dirMarkerText {
		t.Errorf("the build's marker was copied, or the mirror's is missing: %q, %v", b, err)
	}
}
