package pipeline_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testsite"
	"golang.org/x/sys/unix"
)

// buildErr builds src into dest and returns the error's text ("" on success).
func buildErr(t *testing.T, src, dest string, force bool) string {
	t.Helper()
	_, err := pipeline.Build(pipeline.Options{Source: src, Dest: dest, CacheDir: t.TempDir(), Force: force})
	if err == nil {
		return ""
	}
	return err.Error()
}

// TestDestNotOurs: press never empties a directory it did not make.
func TestDestNotOurs(t *testing.T) {
	src := fixture("minimal")

	t.Run("a file", func(t *testing.T) {
		site := testsite.Copy(t, src)
		cfg := filepath.Join(site, "hugo.toml")
		before, _ := os.ReadFile(cfg)
		if e := buildErr(t, site, cfg, false); !strings.Contains(e, "is not a directory") {
			t.Errorf("--dest hugo.toml: want a refusal, got %q", e)
		}
		if after, err := os.ReadFile(cfg); err != nil || string(after) != string(before) {
			t.Errorf("hugo.toml changed or went: %v", err)
		}
	})

	t.Run("a directory of other files", func(t *testing.T) {
		dest := t.TempDir()
		os.WriteFile(filepath.Join(dest, "notes.txt"), []byte("mine"), 0o644)
		if e := buildErr(t, src, dest, false); !strings.Contains(e, "was not made by press") || !strings.Contains(e, "--force") {
			t.Errorf("want a refusal naming --force, got %q", e)
		}
		if b, err := os.ReadFile(filepath.Join(dest, "notes.txt")); err != nil || string(b) != "mine" {
			t.Errorf("the unrelated file was touched: %v", err)
		}
		// --force replaces it; the output is then marked and is press's.
		if e := buildErr(t, src, dest, true); e != "" {
			t.Fatalf("--force: %s", e)
		}
		if _, err := os.Stat(filepath.Join(dest, "notes.txt")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("--force kept the old contents")
		}
		if _, err := os.Stat(filepath.Join(dest, pipeline.MarkerFile)); err != nil {
			t.Errorf("the output has no marker: %v", err)
		}
		if e := buildErr(t, src, dest, false); e != "" {
			t.Errorf("rebuilding a marked output: %s", e)
		}
	})

	t.Run("an empty directory", func(t *testing.T) {
		if e := buildErr(t, src, t.TempDir(), false); e != "" {
			t.Errorf("an empty directory: %s", e)
		}
	})

	t.Run("the site's public/ from an older press", func(t *testing.T) {
		site := testsite.Copy(t, src)
		pub := filepath.Join(site, "public")
		os.MkdirAll(pub, 0o755)
		os.WriteFile(filepath.Join(pub, "index.html"), []byte("old"), 0o644)
		if e := buildErr(t, site, "", false); e != "" {
			t.Errorf("the default public/: %s", e)
		}
	})
}

// TestDestSymlinkIsFollowed: public -> /var/www/site keeps the target's
// other files until the target is press's, then builds beside the target
// and switches the link; it never turns the link into a directory.
func TestDestSymlinkIsFollowed(t *testing.T) {
	site := testsite.Copy(t, fixture("minimal"))
	www := t.TempDir()
	target := filepath.Join(www, "site")
	os.MkdirAll(target, 0o755)
	os.WriteFile(filepath.Join(target, "keep.txt"), []byte("the web server's"), 0o644)
	link := filepath.Join(site, "public")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}

	if e := buildErr(t, site, link, false); !strings.Contains(e, "was not made by press") {
		t.Fatalf("a link to a foreign directory: want a refusal, got %q", e)
	}
	if _, err := os.Stat(filepath.Join(target, "keep.txt")); err != nil {
		t.Fatalf("the link's target was emptied: %v", err)
	}

	os.Remove(filepath.Join(target, "keep.txt"))
	for i := range 2 {
		if e := buildErr(t, site, link, false); e != "" {
			t.Fatalf("build %d through the link: %s", i+1, e)
		}
		fi, err := os.Lstat(link)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			t.Fatalf("build %d: public is no longer a link (%v)", i+1, err)
		}
		dest, _ := os.Readlink(link)
		if filepath.Dir(dest) != www {
			t.Errorf("build %d: the link points to %s, not beside its target in %s", i+1, dest, www)
		}
		if home := read(t, link, "index.html"); !strings.Contains(home, "Fixture Site") {
			t.Errorf("build %d: the linked output lacks the home page", i+1)
		}
		// The current output, and the previous one as the spare tree.
		entries, _ := os.ReadDir(www)
		var names []string
		for _, e := range entries {
			if e.Name() != ".press-stage-site.spare" {
				names = append(names, e.Name())
			}
		}
		if len(names) != 1 {
			t.Errorf("build %d: %s holds %v; want only the current output", i+1, www, names)
		}
	}
	if left := leftBeside(site); len(left) > 0 {
		t.Errorf("left beside the link: %v", left)
	}
}

// TestDestLockedByAnotherBuild: a second build into the same output is
// refused while the first holds the lock, naming who holds it.
func TestDestLockedByAnotherBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	lock := filepath.Join(filepath.Dir(out), ".press-stage-public.lock")
	f, err := os.OpenFile(lock, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		t.Fatal(err)
	}
	f.WriteString("pid 4242 on buildhost, since 2025-01-02 03:04:05\n")
	e := buildErr(t, fixture("minimal"), out, false)
	if !strings.Contains(e, "another press build") || !strings.Contains(e, "pid 4242 on buildhost") {
		t.Errorf("want a refusal naming the holder, got %q", e)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the refused build wrote its output")
	}
	unix.Flock(int(f.Fd()), unix.LOCK_UN)
	if e := buildErr(t, fixture("minimal"), out, false); e != "" {
		t.Errorf("after the lock is released: %s", e)
	}
}

// leftBeside lists the staging directories and locks in dir: what a build
// must not leave. The spare tree (.press-stage-<name>.spare) is left on
// purpose.
func leftBeside(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, ".press-stage-*"))
	return slices.DeleteFunc(m, func(p string) bool { return strings.HasSuffix(p, ".spare") })
}

// TestInterruptedSwapIsRecovered: a crash between moving the previous
// output aside and putting the new one in place loses nothing; the next
// build, even a failing one, puts the previous output back.
func TestInterruptedSwapIsRecovered(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	buildTo(t, fixture("minimal"), out)
	before := tree(t, out)

	// What a build killed between its two renames leaves: the previous
	// output moved aside, the new one complete in its stage, no output.
	aside := filepath.Join(dir, ".press-stage-public-123456.old")
	if err := os.Rename(out, aside); err != nil {
		t.Fatal(err)
	}
	stage := filepath.Join(dir, ".press-stage-public-123457")
	testsite.CopyDir(t, aside, stage)
	os.WriteFile(filepath.Join(stage, "index.html"), []byte("half"), 0o644)

	e := buildErr(t, fixture("badtemplate"), out, false)
	if e == "" {
		t.Fatal("the bad site built")
	}
	if d := diffTrees(before, tree(t, out)); len(d) > 0 {
		t.Errorf("the previous output was not restored: %v", d)
	}
	if left := leftBeside(dir); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}
}

// TestMarkerName: publish leaves out build's marker by this name.
func TestMarkerName(t *testing.T) {
	if pipeline.MarkerFile != ".press-output" {
		t.Errorf("MarkerFile is %q; internal/publish skips .press-output", pipeline.MarkerFile)
	}
}
