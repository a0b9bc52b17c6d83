package pipeline

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/siteconfig"
)

// navEntry is what the templates every page shares (header, footer,
// breadcrumbs, the sharing tags) show of another page: its titles and
// whether it is marked as coming soon, as its front matter gives them.
type navEntry struct {
	Title     string `json:"title,omitempty"`
	LinkTitle string `json:"linkTitle"` // Hugo's .LinkTitle: linkTitle, else title
	Coming    bool   `json:"coming,omitempty"`
}

// navigation adds hugo.Data.press.nav to gen: the navEntry of the home
// page, every section (each _index file), every page at the top of
// content/ and every page a menu of the configuration names (pageRef), by
// the page's path (Hugo's .Path: "/", "/members", "/membership/guide").
//
// The templates every page shares read these titles instead of asking
// Hugo for the pages (site.GetPage … .LinkTitle, .Ancestors): Hugo renders
// a page again when a page it asked for is marked changed, and a rebuild
// marks the home page, the sections and the top-level pages changed even
// when only one member's file changed, so every page of the site would be
// rendered again. This data changes only when one of those pages' titles
// does, and then every page is rendered again, as it must be.
//
// A page whose title press cannot read (none in its front matter, or not
// a string) has no entry: the templates ask Hugo for it. Each page with an
// entry checks, when it is rendered, that the entry gives its own title
// (layouts/baseof.html), so the two cannot drift apart unnoticed.
func navigation(src string, cfg *siteconfig.Config, gen *generated) {
	gen.addData("nav", navEntries(src, cfg))
}

// navEntries reads the entries navigation describes.
func navEntries(src string, cfg *siteconfig.Config) map[string]navEntry {
	root := filepath.Join(src, "content")
	files := map[string]string{} // page path → content file
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		if !content.ContentFile(rel) {
			return nil
		}
		dir, base := path.Split(rel)
		stem := strings.TrimSuffix(base, path.Ext(base))
		switch {
		case stem == "_index":
			files[pagePath(strings.TrimSuffix(dir, "/"))] = p
		case dir == "":
			files[pagePath(stem)] = p
		}
		return nil
	})
	for _, ref := range menuPageRefs(cfg) {
		key := pagePath(strings.Trim(ref, "/"))
		if _, ok := files[key]; ok {
			continue
		}
		// Hugo finds a pageRef whatever its case.
		for _, rel := range []string{strings.Trim(ref, "/"), strings.ToLower(strings.Trim(ref, "/"))} {
			if p, ok := pageFile(root, rel); ok {
				files[key] = p
				break
			}
		}
	}
	out := map[string]navEntry{}
	for key, p := range files {
		b, err := content.ReadFile(p)
		if err != nil {
			continue
		}
		fm, _, err := content.FrontMatter(b)
		if err != nil {
			continue // the validate stage reports it
		}
		title, ok := stringValue(fm, "title")
		if !ok || title == "" {
			continue
		}
		e := navEntry{Title: title, LinkTitle: title}
		if lt, ok := stringValue(fm, "linkTitle"); ok && lt != "" {
			e.LinkTitle = lt
		}
		if c, ok := value(fm, "coming"); ok {
			e.Coming, _ = c.(bool)
		}
		out[key] = e
	}
	return out
}

// pagePath is Hugo's path of the page whose content file is at rel (under
// content/, without its extension, "" for the home page): lower case,
// with a leading slash.
func pagePath(rel string) string {
	return "/" + strings.ReplaceAll(strings.ToLower(rel), " ", "-")
}

// pageFile finds the content file of the page at rel: rel.md, rel/index.md
// or rel/_index.md (any content extension).
func pageFile(root, rel string) (string, bool) {
	for _, stem := range []string{rel, rel + "/index", rel + "/_index"} {
		for _, ext := range []string{".md", ".markdown", ".html", ".htm"} {
			p := filepath.Join(root, filepath.FromSlash(stem+ext))
			if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
				return p, true
			}
		}
	}
	return "", false
}

// menuPageRefs are the pageRef values of the configuration's menus, sorted.
func menuPageRefs(cfg *siteconfig.Config) []string {
	if cfg == nil {
		return nil
	}
	var refs []string
	menus := map[string]any{}
	for _, key := range []string{"menu", "menus"} { // Hugo reads either
		for k, v := range cfg.Table(key) {
			menus[key+"."+k] = v
		}
	}
	for _, entries := range menus {
		list, ok := entries.([]any)
		if !ok {
			continue
		}
		for _, e := range list {
			m, ok := e.(map[string]any)
			if !ok {
				continue
			}
			for k, v := range m {
				if s, ok := v.(string); ok && strings.EqualFold(k, "pageRef") && s != "" {
					refs = append(refs, s)
				}
			}
		}
	}
	sort.Strings(refs)
	return refs
}

// value is the front-matter value of key, whose case Hugo ignores.
func value(fm map[string]any, key string) (any, bool) {
	if v, ok := fm[key]; ok {
		return v, true
	}
	for k, v := range fm {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

// stringValue is the front-matter string at key.
func stringValue(fm map[string]any, key string) (string, bool) {
	v, ok := value(fm, key)
	if !ok {
		return "", false
	}
	s, ok := v.(string)
	return s, ok
}

// navFiles reports whether one of the content files rel (relative to the
// site) can hold an entry of the navigation data: a section's _index file,
// a page at the top of content/ or one a menu names. Another page's edit,
// an article's for one, leaves the data as they are.
func navFiles(rels []string, cfg *siteconfig.Config) bool {
	var refs map[string]bool
	for _, rel := range rels {
		rel, ok := strings.CutPrefix(rel, "content/")
		if !ok {
			continue
		}
		dir, base := path.Split(rel)
		stem := strings.TrimSuffix(base, path.Ext(base))
		if stem == "_index" || dir == "" {
			return true
		}
		if refs == nil {
			refs = map[string]bool{}
			for _, r := range menuPageRefs(cfg) {
				refs[pagePath(strings.Trim(r, "/"))] = true
			}
		}
		page := strings.TrimSuffix(dir, "/")
		if stem != "index" {
			page = path.Join(page, stem)
		}
		if refs[pagePath(page)] {
			return true
		}
	}
	return false
}
