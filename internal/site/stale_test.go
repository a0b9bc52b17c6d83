package site

import (
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"
	"github.com/zzia/press/internal/testsite"
)

// TestSessionLeavesPagesWithoutHTML: a rebuild renders again every HTML
// page the change affects, and leaves the sitemap and a page whose only
// output is JSON stale until Complete, on a site served below a base path
// (whose files are named without it).
func TestSessionLeavesPagesWithoutHTML(t *testing.T) {
	src := t.TempDir()
	testsite.WriteFiles(t, src, map[string]string{
		"hugo.toml": "baseURL = \"https://example.org/sub/\"\ntitle = \"t\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\"]\n" +
			"[outputs]\n  section = [\"html\"]\n",
		"layouts/home.html":      `{{ range site.RegularPages }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}`,
		"layouts/page.html":      `<h1>{{ .Title }}</h1>`,
		"layouts/page.json":      `[{{ range $i, $p := site.RegularPages }}{{ if $i }},{{ end }}{{ $p.Title | jsonify }}{{ end }}]`,
		"content/a.md":           "---\ntitle: A\n---\n",
		"content/list/_index.md": "---\ntitle: L\n---\n",
		"content/titles.md":      "---\ntitle: Titles\noutputs: [json]\n---\n",
	})
	se, err := OpenSession(Options{Source: src, CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	defer se.Close()
	if _, err := se.Build(nil, nil); err != nil {
		t.Fatal(err)
	}
	if se.Stale("sitemap.xml") {
		t.Error("the sitemap is stale after the first build")
	}
	// A page's title changed: the page and the home page that lists it
	// are rendered again; the sitemap (which reads the page) and the
	// page of titles are left.
	a := filepath.Join(src, "content", "a.md")
	testsite.WriteFiles(t, src, map[string]string{"content/a.md": "---\ntitle: B\n---\n"})
	res, err := se.Build([]fsnotify.Event{{Name: a, Op: fsnotify.Write}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Written, "index.html") || !slices.Contains(res.Written, "a/index.html") {
		t.Errorf("the rebuild did not render the edited page and the home page that lists it: %v", res.Written)
	}
	for _, name := range []string{"sitemap.xml", "titles/index.json"} {
		if slices.Contains(res.Written, name) || !se.Stale(name) {
			t.Errorf("the rebuild rendered %s, or did not mark it stale: %v", name, res.Written)
		}
	}
	if se.Stale("index.html") || se.Stale("list/index.html") {
		t.Error("an HTML page is marked stale")
	}
	written, err := se.Complete()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(written, "sitemap.xml") || !slices.Contains(written, "titles/index.json") {
		t.Errorf("Complete wrote %v", written)
	}
	for name, want := range map[string]string{"sitemap.xml": "https://example.org/sub/a/", "titles/index.json": `"B"`} {
		data, err := fs.ReadFile(res.Output, name)
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s after Complete lacks %s (%v):\n%s", name, want, err, data)
		}
		if se.Stale(name) {
			t.Errorf("%s is still stale after Complete", name)
		}
	}
}
