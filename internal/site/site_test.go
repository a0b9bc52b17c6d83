package site

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/testsite"
)

var minimal = filepath.Join("..", "..", "testdata", "sites", "minimal")

func TestExcludeAndWriteFile(t *testing.T) {
	for _, inMemory := range []bool{false, true} {
		dest := ""
		if !inMemory {
			dest = t.TempDir()
		}
		res, err := Build(Options{Source: minimal, Dest: dest, CacheDir: t.TempDir(), Exclude: map[string][]string{"data": {"secret/**"}}})
		if err != nil {
			t.Fatal(err)
		}
		if err := res.WriteFile("feeds/extra.ics", []byte("BEGIN:VCALENDAR")); err != nil {
			t.Fatal(err)
		}
		out := res.Output
		if out == nil {
			out = os.DirFS(dest)
		}
		home, err := fs.ReadFile(out, "index.html")
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(string(home), "SECRET") || strings.Contains(string(home), "[secret]") {
			t.Errorf("excluded data reached the templates (memory=%v):\n%s", inMemory, home)
		}
		if !strings.Contains(string(home), "[info]") {
			t.Errorf("other data files must stay visible (memory=%v):\n%s", inMemory, home)
		}
		if b, err := fs.ReadFile(out, "feeds/extra.ics"); err != nil || string(b) != "BEGIN:VCALENDAR" {
			t.Errorf("WriteFile: %q %v (memory=%v)", b, err, inMemory)
		}
	}
}

func TestMountAddsGeneratedData(t *testing.T) {
	gen := t.TempDir()
	os.MkdirAll(filepath.Join(gen, "press"), 0o755)
	os.WriteFile(filepath.Join(gen, "press", "members.json"), []byte(`{"count": 61}`), 0o644)
	res, err := Build(Options{Source: minimal, CacheDir: t.TempDir(), Mounts: []Mount{{Source: gen, Target: "data"}}})
	if err != nil {
		t.Fatal(err)
	}
	home, _ := fs.ReadFile(res.Output, "index.html")
	if !strings.Contains(string(home), "[press]") || !strings.Contains(string(home), "61") {
		t.Errorf("mounted data not visible:\n%s", home)
	}
}

// A template using a feature Hugo will remove (.IsNode, deprecated in
// v0.163.0) gets a warning naming it, once however many pages use it: Hugo
// only logs it at the info level until it fails the build.
func TestDeprecatedFeatureWarned(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"hugo.toml":         "baseURL = \"https://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
		"content/_index.md": "---\ntitle: 首页\n---\n",
		"content/a.md":      "---\ntitle: 甲\n---\n",
		"content/b.md":      "---\ntitle: 乙\n---\n",
		"layouts/home.html": "{{ if .IsNode }}node{{ end }}",
		"layouts/page.html": "{{ if .IsNode }}node{{ else }}page{{ end }}",
	}
	testsite.WriteFiles(t, src, files)
	res, err := Build(Options{Source: src, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.Message, ".IsNode was deprecated") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d warnings of the deprecated .IsNode, want 1: %v", n, res.Warnings)
	}
}

// TestDestReadyBeforeFirstWrite: with DestReady, the output folder is not
// touched until it has returned (press seeds the stage meanwhile), and the
// build then writes its pages, through reuse too.
func TestDestReadyBeforeFirstWrite(t *testing.T) {
	src := t.TempDir()
	testsite.WriteFiles(t, src, map[string]string{
		"hugo.toml":         "baseURL = \"https://example.org/\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\"]\n",
		"content/_index.md": "---\ntitle: 首页\n---\n",
		"content/a.md":      "---\ntitle: 甲\n---\n",
		"layouts/home.html": "home",
		"layouts/page.html": "{{ .Title }}",
		"static/s.txt":      "static",
	})
	for _, reuse := range []bool{false, true} {
		dest := t.TempDir()
		// A file the preparation removes: written through, it would be seen.
		if err := os.WriteFile(filepath.Join(dest, "old.html"), []byte("old"), 0o644); err != nil {
			t.Fatal(err)
		}
		calls := 0
		ready := func() {
			calls++
			// Hugo reads the sources meanwhile; nothing may reach dest yet.
			time.Sleep(100 * time.Millisecond)
			ents, err := os.ReadDir(dest)
			if err != nil || len(ents) != 1 {
				t.Errorf("reuse %v: the output held %v before it was ready (%v)", reuse, ents, err)
			}
			os.Remove(filepath.Join(dest, "old.html"))
		}
		if _, err := Build(Options{Source: src, Dest: dest, CacheDir: t.TempDir(), Reuse: reuse, DestReady: ready}); err != nil {
			t.Fatal(err)
		}
		if calls != 1 {
			t.Errorf("reuse %v: DestReady called %d times, want 1", reuse, calls)
		}
		for name, want := range map[string]string{"index.html": "home", "a/index.html": "甲", "s.txt": "static"} {
			if b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name))); err != nil || string(b) != want {
				t.Errorf("reuse %v: %s = %q, %v; want %q", reuse, name, b, err, want)
			}
		}
		if _, err := os.Stat(filepath.Join(dest, "old.html")); err == nil {
			t.Errorf("reuse %v: old.html is back", reuse)
		}
	}
}
