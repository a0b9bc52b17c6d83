package pipeline

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"testing"

	"github.com/zzia/press/internal/testsite"
)

// listTree lists every entry under dir, slash-separated, folders with a
// trailing slash, and fails on anything but files and folders.
func listTree(t *testing.T, dir string) []string {
	t.Helper()
	var all []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(dir, p)
		switch {
		case rel == ".":
		case d.IsDir():
			all = append(all, filepath.ToSlash(rel)+"/")
		case d.Type().IsRegular():
			all = append(all, filepath.ToSlash(rel))
		default:
			all = append(all, filepath.ToSlash(rel)+"@")
		}
		return nil
	})
	return all
}

// seed makes a stage hold exactly the previous output's files, each the
// output's own inode, from an empty folder or from a spare tree in any
// state; the previous output is never written.
func TestSeedReconcilesTheSpareTree(t *testing.T) {
	prevFiles := map[string]string{
		"index.html":               "home",
		MarkerFile:                 markerText,
		"a/index.html":             "a",
		"a/b/index.html":           "b",
		"a/b/c/deep.txt":           "deep",
		"css/site.css":             "css",
		"was-dir":                  "now a file",
		"was-file/index.html":      "now in a folder",
		"changed/index.html":       "new bytes",
		"empty-in-output/.keep":    "",
		"only-in-output/page.html": "p",
	}
	// What the spare trees the tests start from do to a copy of the output.
	cases := map[string]func(t *testing.T, prev, stage string){
		"empty stage": func(t *testing.T, prev, stage string) {},
		"spare tree, partly stale": func(t *testing.T, prev, stage string) {
			// Mostly links to the output, as the last build leaves them.
			for _, rel := range []string{"index.html", "a/index.html", "a/b/index.html", "css/site.css"} {
				os.MkdirAll(filepath.Join(stage, filepath.Dir(rel)), 0o755)
				if err := os.Link(filepath.Join(prev, rel), filepath.Join(stage, rel)); err != nil {
					t.Fatal(err)
				}
			}
			testsite.WriteFiles(t, stage, map[string]string{
				"changed/index.html":     "old bytes", // a file the output has in another version
				"was-dir/index.html":     "a folder where the output has a file",
				"was-file":               "a file where the output has a folder",
				"gone/index.html":        "a page no longer made",
				"gone/deeper/x.txt":      "in a folder no longer made",
				"a/b/stray.txt":          "a file the output lacks",
				MarkerFile:               "the last output's marker",
				"only-in-output/old.htm": "stray beside a missing file",
			})
			os.Symlink("index.html", filepath.Join(stage, "a", "c"))
		},
		"spare tree of another output": func(t *testing.T, prev, stage string) {
			// Same names, same bytes, other inodes: all linked again.
			for rel, body := range prevFiles {
				testsite.WriteFiles(t, stage, map[string]string{rel: body})
			}
		},
	}
	for name, prepare := range cases {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			prev, stage := filepath.Join(dir, "public"), filepath.Join(dir, stagePrefix+"public-1")
			testsite.WriteFiles(t, prev, prevFiles)
			os.Symlink("index.html", filepath.Join(prev, "link.html"))
			os.Mkdir(filepath.Join(prev, "empty"), 0o755)
			os.Mkdir(stage, 0o755)
			before := listTree(t, prev)
			prepare(t, prev, stage)

			s := seed(prev, stage)
			if s == nil {
				t.Fatal("seed gave up")
			}
			var want []string
			for _, e := range before {
				if e != MarkerFile && e != "link.html@" {
					want = append(want, e)
				}
			}
			if got := listTree(t, stage); !slices.Equal(got, want) {
				t.Errorf("the stage holds\n%q\nwant\n%q", got, want)
			}
			for rel, body := range prevFiles {
				a, err := os.Stat(filepath.Join(prev, filepath.FromSlash(rel)))
				if err != nil {
					t.Fatal(err)
				}
				if got, _ := os.ReadFile(filepath.Join(prev, filepath.FromSlash(rel))); string(got) != body {
					t.Errorf("the output's %s was written: %q", rel, got)
				}
				if rel == MarkerFile {
					continue
				}
				b, err := os.Stat(filepath.Join(stage, filepath.FromSlash(rel)))
				if err != nil || !os.SameFile(a, b) {
					t.Errorf("the stage's %s is not the output's file (%v)", rel, err)
				}
			}
			if got := listTree(t, prev); !slices.Equal(got, before) {
				t.Errorf("the output changed:\n%q\nwas\n%q", got, before)
			}
			// What prune is told was seeded: every file but the marker, every
			// folder, each folder before those inside it.
			var files, dirs []string
			for _, e := range want {
				if e[len(e)-1] == '/' {
					dirs = append(dirs, e[:len(e)-1])
				} else {
					files = append(files, e)
				}
			}
			slices.Sort(files)
			got := slices.Sorted(slices.Values(s.files))
			if !slices.Equal(got, files) {
				t.Errorf("seeded files %q, want %q", got, files)
			}
			for i, d := range s.dirs {
				if up := path.Dir(d); up != "." && !slices.Contains(s.dirs[:i], up) {
					t.Errorf("folder %s listed before its parent %s", d, up)
				}
			}
			if got := slices.Sorted(slices.Values(s.dirs)); !slices.Equal(got, dirs) {
				t.Errorf("seeded folders %q, want %q", got, dirs)
			}
		})
	}
}

// A stage over a missing previous output starts empty, even from a spare
// tree: nothing of an older output may reach the new one unseen by prune.
func TestSeedWithoutOutputEmptiesTheStage(t *testing.T) {
	dir := t.TempDir()
	stage := filepath.Join(dir, stagePrefix+"public-1")
	testsite.WriteFiles(t, stage, map[string]string{"index.html": "old", "a/b.html": "old"})
	if s := seed(filepath.Join(dir, "public"), stage); s != nil {
		t.Errorf("seeded %v from no output", s.files)
	}
	if got := listTree(t, stage); len(got) > 0 {
		t.Errorf("the stage still holds %q", got)
	}
}

// stageGlob finds the output's own staging directories, not those of an
// output whose name begins with the same letters (another build may be
// using them).
func TestStageGlobOwnOnly(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"public-123", "public-456.old", "public-x-789", "public-2-11", "public.spare", "public.lock", "public-x.lock", "public-12.old.x"} {
		os.Mkdir(filepath.Join(dir, stagePrefix+n), 0o755)
	}
	var got []string
	for _, p := range stageGlob(dir, "public") {
		got = append(got, filepath.Base(p))
	}
	want := []string{stagePrefix + "public-123", stagePrefix + "public-456.old"}
	if !slices.Equal(got, want) {
		t.Errorf("stageGlob = %q, want %q", got, want)
	}
}

// BenchmarkStage compares the two ways a build over an output of 1,200
// pages (a folder each) and 450 other files gets its stage: linking every
// file into an empty folder (and removing the previous output after the
// swap, as the build did before the spare tree) against bringing the spare
// tree into line.
func BenchmarkStage(b *testing.B) {
	dir := b.TempDir()
	prev := filepath.Join(dir, "public")
	files := map[string]string{}
	for i := range 1200 {
		files[fmt.Sprintf("news/%04d/index.html", i)] = "page"
	}
	for i := range 450 {
		files[fmt.Sprintf("assets/%02d/f%03d.css", i%30, i)] = "asset"
	}
	for rel, body := range files {
		p := filepath.Join(prev, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	stage := filepath.Join(dir, stagePrefix+"public-1")
	b.Run("fresh seed, previous output removed", func(b *testing.B) {
		for b.Loop() {
			os.Mkdir(stage, 0o755)
			if seed(prev, stage) == nil {
				b.Fatal("no seed")
			}
			removeAll(stage)
		}
	})
	b.Run("spare tree brought into line", func(b *testing.B) {
		os.Mkdir(stage, 0o755)
		seed(prev, stage)
		for b.Loop() {
			if seed(prev, stage) == nil {
				b.Fatal("no seed")
			}
		}
		removeAll(stage)
	})
}
