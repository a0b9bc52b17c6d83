package pipeline

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/zzia/press/internal/siteconfig"
	"github.com/zzia/press/internal/testsite"
)

// The titles press reads for the shared templates: every section, the
// pages at the top and those a menu names; linkTitle in any case; a page
// without a readable title left to Hugo.
func TestNavEntries(t *testing.T) {
	src := t.TempDir()
	files := map[string]string{
		"hugo.toml":                       "title = \"站\"\n[[menus.footer]]\n  pageRef = \"/help/Guide\"\n[[menu.main]]\n  pageRef = \"/news\"\n",
		"content/_index.md":               "---\ntitle: 首页\n---\n",
		"content/about.md":                "+++\ntitle = \"关于\"\nLinkTitle = \"简介\"\n+++\n",
		"content/news/_index.md":          "---\ntitle: 新闻\ncoming: true\n---\n",
		"content/news/a.md":               "---\ntitle: 一篇新闻\n---\n",
		"content/help/guide.md":           "---\ntitle: 指南\n---\n",
		"content/help/other.md":           "---\ntitle: 其他\n---\n",
		"content/Deep Dir/x/_index.md":    "---\ntitle: 深层\n---\n",
		"content/untitled/_index.md":      "---\ndescription: 无标题\n---\n",
		"content/numbered/_index.md":      "---\ntitle: 2026\n---\n",
		"content/.hidden/_index.md":       "---\ntitle: 隐藏\n---\n",
		"content/members/_content.gotmpl": "{{/* adapter */}}",
	}
	testsite.WriteFiles(t, src, files)
	cfg, err := siteconfig.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	got := navEntries(src, cfg)
	want := map[string]navEntry{
		"/":           {Title: "首页", LinkTitle: "首页"},
		"/about":      {Title: "关于", LinkTitle: "简介"},
		"/news":       {Title: "新闻", LinkTitle: "新闻", Coming: true},
		"/help/guide": {Title: "指南", LinkTitle: "指南"},
		"/deep-dir/x": {Title: "深层", LinkTitle: "深层"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("navEntries:\n got %v\nwant %v", got, want)
	}
}

// Which edits can change the navigation data.
func TestNavFiles(t *testing.T) {
	src := t.TempDir()
	if err := os.WriteFile(filepath.Join(src, "hugo.toml"), []byte("[[menus.footer]]\n  pageRef = \"/help/guide\"\n[[menus.footer]]\n  pageRef = \"/help/bundle\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg, err := siteconfig.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	for rel, want := range map[string]bool{
		"content/_index.md":             true,
		"content/about.md":              true,
		"content/news/_index.md":        true,
		"content/a/b/_index.md":         true,
		"content/help/guide.md":         true,
		"content/help/Guide.md":         true,
		"content/help/bundle/index.md":  true,
		"content/news/2026-10-23-x.md":  false,
		"content/help/other.md":         false,
		"content/help/bundle/extra.md":  false,
		"layouts/_partials/footer.html": false,
	} {
		if got := navFiles([]string{rel}, cfg); got != want {
			t.Errorf("navFiles(%s) = %v, want %v", rel, got, want)
		}
	}
}
