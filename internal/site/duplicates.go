package site

import (
	"bufio"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/resources/page"
	"github.com/spf13/afero"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
)

// producer is one source of an output file: a page (through its URL or an
// alias) or a static file.
type producer struct {
	source string // the source file, relative to the site, or a description
	key    string // the front-matter key that moved it there ("url", "aliases"); "" if none
	line   int    // that key's line in source, when known
	own    bool   // the address is the one its file name gives anyway
}

// duplicateOutputs finds the output files that more than one source
// writes: a page whose url or alias is another page's address (Hugo writes
// the later one over the earlier, silently), or a static file's. Each is a
// diagnostic naming every source, placed at the url or alias that caused it.
func duplicateOutputs(l msg.Lang, src string, h *hugolib.HugoSites) []Diagnostic {
	return outputFiles(l, src, h).dups
}

// siteOutputs is what outputFiles finds of a site's output.
type siteOutputs struct {
	dups []Diagnostic // duplicateOutputs
	// files are the files (relative to the output, slash-separated) that
	// the pages, their aliases and the static files are written to.
	files map[string]bool
	// html are the URL paths of the pages' HTML outputs; other those of
	// the pages without any (the sitemap, robots.txt), and otherFiles
	// their files.
	html, other []string
	otherFiles  map[string]bool
}

// outputFiles finds the duplicate outputs of h and the files and
// addresses of its pages.
func outputFiles(l msg.Lang, src string, h *hugolib.HugoSites) siteOutputs {
	res := siteOutputs{otherFiles: map[string]bool{}}
	adapters := map[string]string{}
	outputs := map[string][]producer{}
	add := func(key string, p producer) {
		for _, q := range outputs[key] {
			if q == p {
				return
			}
		}
		outputs[key] = append(outputs[key], p)
	}
	for _, s := range h.Sites {
		base := "/"
		if home := s.Home(); home != nil {
			base = home.RelPermalink()
		}
		for _, p := range s.Pages() {
			source, file := pageSource(l, src, p, adapters)
			urlKey := ""
			if _, ok := p.Params()["url"]; ok {
				urlKey = "url"
			}
			ofs := p.OutputFormats()
			hasHTML := false
			for _, of := range ofs {
				hasHTML = hasHTML || of.Format.IsHTML
			}
			for _, of := range ofs {
				rel := of.RelPermalink()
				if rel == "" {
					continue
				}
				index := fileName(of)
				key := outputKey(urlPath(strings.TrimPrefix(rel, strings.TrimSuffix(base, "/"))), index, "")
				add(key, producer{source: source, key: urlKey, line: keyLine(file, urlKey), own: key == naturalKey(src, file, index)})
				switch {
				case of.Format.IsHTML:
					res.html = append(res.html, rel)
				case !hasHTML:
					res.other = append(res.other, rel)
					res.otherFiles[key] = true
				}
			}
			for _, a := range p.Aliases() {
				add(outputKey(urlPath(a), "index.html", ".html"), producer{source: source, key: "aliases", line: keyLine(file, "aliases")})
			}
		}
		// Hugo's standalone pages are not among the site's pages: those
		// without an HTML output (the 404 page is rendered at every
		// rebuild anyway).
		for _, key := range []string{"/_sitemap", "/_sitemapindex", "/_robots"} {
			p, err := s.GetPage(key)
			if err != nil || p == nil {
				continue
			}
			for _, of := range p.OutputFormats() {
				if rel := of.RelPermalink(); rel != "" && !of.Format.IsHTML {
					res.other = append(res.other, rel)
					res.otherFiles[outputKey(urlPath(strings.TrimPrefix(rel, strings.TrimSuffix(base, "/"))), fileName(of), "")] = true
				}
			}
		}
	}
	for _, sfs := range h.BaseFs.SourceFilesystems.Static {
		afero.Walk(sfs.Fs, string(filepath.Separator), func(p string, fi os.FileInfo, err error) error {
			if err != nil || fi.IsDir() {
				return nil
			}
			name := filepath.ToSlash(filepath.Join(sfs.PublishFolder, p))
			source := "static" + name
			if mi, ok := fi.(hugofs.FileMetaInfo); ok && mi.Meta().Filename != "" {
				source = relName(src, mi.Meta().Filename)
			}
			add(strings.TrimPrefix(name, "/"), producer{source: source})
			return nil
		})
	}

	res.files = make(map[string]bool, len(outputs))
	for key := range outputs {
		res.files[key] = true
	}
	var out []Diagnostic
	for key, ps := range outputs {
		if len(ps) < 2 {
			continue
		}
		// The diagnostic goes to a source that asked for the address (url
		// or aliases), else to the last one by name.
		sort.Slice(ps, func(i, j int) bool { return ps[i].source < ps[j].source })
		at := ps[len(ps)-1]
		for _, p := range ps {
			if p.key != "" {
				at = p
				if !p.own {
					break
				}
			}
		}
		var names []string
		for _, p := range ps {
			names = append(names, diag.QuoteName(p.source))
		}
		d := Diagnostic{Message: l.T("site.duplicate", diag.QuoteName("/"+key), strings.Join(names, l.T("site.duplicate.and")))}
		if at.source != "" && !strings.Contains(at.source, " ") {
			d.File, d.Line = at.source, at.line
			if d.Line > 0 {
				d.Column = 1
			}
		}
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Message < out[j].Message })
	res.dups = out
	return res
}

// fileName is the name of the file an output format writes for an
// address that is a folder ("index.html", "sitemap.xml").
func fileName(of page.OutputFormat) string {
	return of.Format.BaseName + of.Format.MediaType.FirstSuffix.FullSuffix
}

// urlPath is the path of an address as Hugo writes its file: unescaped
// ("/posts/%E4%BC%9A/" is written to posts/会/index.html); an address that
// does not unescape is taken as it is.
func urlPath(addr string) string {
	if p, err := url.PathUnescape(addr); err == nil {
		return p
	}
	return addr
}

// outputKey is the file an address (unescaped: urlPath) is written to, relative to the output,
// as Hugo names it: "/contact/" and "/contact" are "contact/index.html",
// "/x.txt" is "x.txt". For aliases (ext set), only that extension makes
// a file.
func outputKey(addr, index, ext string) string {
	trailing := strings.HasSuffix(addr, "/")
	a := strings.TrimPrefix(path.Clean("/"+addr), "/")
	switch {
	case a == "":
		return index
	case trailing:
		return a + "/" + index
	case ext != "" && path.Ext(a) != ext:
		return a + "/" + index
	case ext == "" && path.Ext(a) == "":
		return a + "/" + index
	}
	return a
}

// pageSource names the source of a page for messages (its file relative
// to the site, the content adapter that made it, or what Hugo made it for)
// and returns its file's path on disk ("" without one). adapters keeps the
// adapter found for each folder ("" for none), as the pages of one adapter
// share their folders.
func pageSource(l msg.Lang, src string, p page.Page, adapters map[string]string) (string, string) {
	if f := p.File(); f != nil {
		return relName(src, f.Filename()), f.Filename()
	}
	if a := adapterOf(src, path.Dir(p.Path()), adapters); a != "" {
		return a, ""
	}
	return l.T("site.generatedpage", p.Kind(), p.Path()), ""
}

// adapterOf is the content adapter (_content.gotmpl, relative to the site)
// nearest above the content folder dir, or "".
func adapterOf(src, dir string, adapters map[string]string) string {
	if a, ok := adapters[dir]; ok {
		return a
	}
	a := ""
	if adapter := filepath.Join(src, "content", filepath.FromSlash(dir), "_content.gotmpl"); fileExists(adapter) {
		a = relName(src, adapter)
	} else if dir != "/" && dir != "." {
		a = adapterOf(src, path.Dir(dir), adapters)
	}
	adapters[dir] = a
	return a
}

// fileExists reports whether name exists.
func fileExists(name string) bool {
	_, err := os.Stat(name)
	return err == nil
}

// naturalKey is the output file a content file has without url or slug:
// content/contact.md is contact/index.html.
func naturalKey(src, file, index string) string {
	if file == "" {
		return ""
	}
	rel, err := filepath.Rel(filepath.Join(src, "content"), file)
	if err != nil || strings.HasPrefix(rel, "..") {
		return ""
	}
	rel = filepath.ToSlash(strings.TrimSuffix(rel, filepath.Ext(rel)))
	if b := path.Base(rel); b == "index" || b == "_index" {
		rel = path.Dir(rel)
	}
	return outputKey(rel+"/", index, "")
}

func relName(src, name string) string {
	if rel, err := filepath.Rel(src, name); err == nil && !strings.HasPrefix(rel, "..") {
		return filepath.ToSlash(rel)
	}
	return name
}

// keyLine is the line of a top-level front-matter key in file, 0 if not
// found.
func keyLine(file, key string) int {
	if file == "" || key == "" {
		return 0
	}
	f, err := os.Open(file)
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan() && n < 200; n++ {
		l := strings.TrimLeft(sc.Text(), "\"'")
		if strings.HasPrefix(strings.ToLower(l), key) {
			r := strings.TrimLeft(l[len(key):], " \t\"'")
			if strings.HasPrefix(r, ":") || strings.HasPrefix(r, "=") {
				return n
			}
		}
	}
	return 0
}
