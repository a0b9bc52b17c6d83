package pipeline

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/facts"
	"github.com/zzia/press/internal/history"
	"github.com/zzia/press/internal/linkcheck"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/search"
	"github.com/zzia/press/internal/site"
	"github.com/zzia/press/internal/tempdir"
)

// Live is the preview's site, kept built in memory from one change to the
// next. Update gives the file-change events to Hugo's own partial rebuild
// (site.Session) and redoes press's stages only for what changed:
//
//   - the member and activity data are loaded, checked and derived again
//     only when a file under data/ changed (parsing only the files that
//     changed, and, when only member units' files changed, applying the
//     rules again only to them and to the members sharing a person with
//     them: rules.DeriveAfter), and the privacy scan then reads the whole
//     output again; otherwise it reads only the files written;
//   - publications are typeset again only when their folders under content/
//     or the data changed (and the PDF cache skips those whose inputs are
//     the same);
//   - front matter is checked for the changed content files only;
//   - the link check and the search index reuse what they scanned of the
//     pages that were not written again, the link check checks again only
//     the pages that changed and those linking to a file that appeared or
//     disappeared or to a page whose ids changed (linkcheck.Checker), and
//     after a change the search index is made only when it is asked for
//     (Search);
//   - a change of the configuration, the static files or anything Live does
//     not know builds everything again, as does the change after a failed
//     build.
type Live struct {
	given Options // as OpenLive was given them
	opts  Options // resolved, the site's configuration loaded

	sess   *site.Session
	genDir string // press's generated data, mounted as a data folder
	// The generated data and files, by the stage that made them.
	hist, nav, mem, pubs, form *generated
	history                    *history.History

	valid   diag.List // the content files' front-matter problems
	facts   diag.List // the configuration's pending facts
	links   *linkcheck.Pages
	checker *linkcheck.Checker // the link check's results, kept
	search  *search.Pages
	written map[string][]byte  // generated and search files in the output
	data    map[string][]byte  // generated data files, by name
	assets  map[string][]byte  // generated assets, by path under assets/
	clean   *cleanFiles        // contents the privacy scan found clean
	parsed  *member.ParseCache // the data files' syntax trees, by content
	derived *rules.Result      // the last member statuses derived
	kept    kept               // the last feeds and directory JSON made
	// searchStale, when set, brings the search index up to date.
	searchStale func() error
	out         fs.FS // the output, once built
	// base and sources are the last build's Result.BaseURL and Sources.
	base    string
	sources map[string]string
	// lastWritten are the files the last Update wrote (Written).
	lastWritten []string
}

// Written lists the files (slash-separated, relative to the output) the
// last successful Update wrote: Hugo's pages and press's own files.
func (l *Live) Written() []string {
	return l.lastWritten
}

// Search brings the search index up to date, when a change made it stale,
// and scans the files it wrote for private data. The preview calls it when
// the index is asked for.
func (l *Live) Search() error {
	if l.searchStale == nil {
		return nil
	}
	err := l.searchStale()
	l.searchStale = nil
	if err != nil {
		l.reset()
	}
	return err
}

// Stale reports whether the file a URL path asks for may be out of date
// until Complete: the sitemap and the other pages without an HTML output,
// which a rebuild leaves alone (site.Session.Stale).
func (l *Live) Stale(urlPath string) bool {
	if l.sess == nil {
		return false
	}
	p := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	return l.sess.Stale(p) || l.sess.Stale(path.Join(p, "index.html"))
}

// Complete renders the files the last changes left stale (Stale) and scans
// them for private data. The preview calls it when one of them is asked for.
func (l *Live) Complete() error {
	if l.sess == nil || l.out == nil {
		return nil
	}
	written, err := l.sess.Complete()
	if err == nil {
		err = l.merged().private.checkFilesCached(l.out, written, l.clean)
	}
	if err == nil {
		var broken diag.List
		if broken, err = l.checkLinks(l.out, l.base, l.sources); err == nil && len(broken) > 0 {
			err = &Error{Diagnostics: broken}
		}
	}
	if err != nil {
		l.reset()
		return siteError(err)
	}
	l.lastWritten = append(l.lastWritten, written...)
	return nil
}

// OpenLive prepares a preview of opts.Source in memory, as Memory builds
// it (development environment, drafts); the first Update builds it.
func OpenLive(opts Options) (*Live, error) {
	l := &Live{given: opts, clean: newCleanFiles(), parsed: member.NewParseCache()}
	if err := l.load(); err != nil {
		return nil, err
	}
	return l, nil
}

// load opens the site and its configuration afresh.
func (l *Live) load() error {
	opts, err := prepare(l.given)
	if err != nil {
		return err
	}
	opts.preview = true
	if opts.Site != nil {
		opts.Site.Members = cachedMembers(opts.Site, l.parsed, &l.derived)
	}
	l.opts = opts
	return nil
}

// cachedMembers is the loader of s's member data (Site.Members) parsing
// only the files that changed since the last load with c, and deriving
// again only the statuses the change may touch since *prev, the last
// result (rules.DeriveAfter), which it replaces.
func cachedMembers(s *Site, c *member.ParseCache, prev **rules.Result) func() (*member.Dataset, *rules.Result, diag.List) {
	var (
		once sync.Once
		ds   *member.Dataset
		res  *rules.Result
		l    diag.List
	)
	return func() (*member.Dataset, *rules.Result, diag.List) {
		once.Do(func() {
			if ds, l = member.LoadCached(s.Lang, s.Dir, s.Today.Day, c); l.HasErrors() {
				ds = nil
				return
			}
			res = rules.DeriveAfter(*prev, ds, s.Today.Day)
			*prev = res
		})
		return ds, res, l
	}
}

// Watched says that the caller now watches the site and hands every
// change to Update: from the next Update on, a data file it does not name
// is taken as unchanged without looking at its size and time (the next
// Update still looks at every file once, for the changes made before the
// watch began).
func (l *Live) Watched() { l.parsed.Trust() }

// Recheck makes the next Update look at every data file's size and time,
// for changes the watcher may have lost.
func (l *Live) Recheck() { l.parsed.Recheck() }

// Close releases the site and the generated data.
func (l *Live) Close() {
	l.reset()
}

// reset drops the kept site: the next Update builds everything.
func (l *Live) reset() {
	l.searchStale, l.out = nil, nil
	if l.sess != nil {
		l.sess.Close()
		l.sess = nil
	}
	if l.genDir != "" {
		tempdir.Remove(l.genDir)
		l.genDir = ""
	}
}

// change is what a set of events touches.
type change struct {
	full      bool // rebuild everything
	data      bool // data/: re-derive the member data, the form, the publications
	hugoData  bool // a data file Hugo reads (hugo.Data) changed
	pubs      bool // a publication's folder
	content   []string
	dataFiles []string // the data files named, relative to the site
	toHugo    []fsnotify.Event
	anything  bool
}

// publicationDirs are the content folders publications are typeset from.
var publicationDirs = []string{"content/journal/", "content/whitepapers/", "content/newsletter/"}

// classify sorts events (absolute paths) by what they change.
func (l *Live) classify(events []fsnotify.Event) change {
	var c change
	added := map[string]bool{}
	for _, ev := range events {
		name := ev.Name
		if !filepath.IsAbs(name) {
			// A watcher started on a relative folder reports relative names.
			if abs, err := filepath.Abs(name); err == nil {
				name = abs
			}
		}
		ev.Name = name // Hugo takes absolute names
		rel, err := filepath.Rel(l.opts.Source, name)
		if err != nil || strings.HasPrefix(rel, "..") {
			continue
		}
		rel = filepath.ToSlash(rel)
		top, _, _ := strings.Cut(rel, "/")
		switch {
		case top == "public" || top == "resources" || top == "secretariat" || strings.HasPrefix(top, "."):
			continue
		case isConfig(rel):
			c.full = true
		case top == "content":
			c.anything = true
			if content.ContentFile(rel) {
				c.content = append(c.content, rel)
				if ev.Has(fsnotify.Create) {
					added[rel] = true
				}
			}
			for _, d := range publicationDirs {
				if strings.HasPrefix(rel, d) {
					c.pubs = true
				}
			}
			c.toHugo = append(c.toHugo, ev)
		case top == "data":
			c.anything = true
			c.data = true
			c.dataFiles = append(c.dataFiles, rel)
			if !privateFile(rel) {
				c.toHugo = append(c.toHugo, ev)
				c.hugoData = true
			}
		case top == "layouts" || top == "assets" || top == "i18n" || top == "archetypes":
			c.anything = true
			c.toHugo = append(c.toHugo, ev)
		default:
			// static/ (copied outside Hugo's build), themes, go.mod, …
			c.full = true
		}
	}
	// Hugo v0.165.0's partial rebuild adds only the first of several new
	// content files given at once (hugo server too: of ten articles
	// written together, one appears): several new pages build everything.
	if len(added) > 1 {
		c.full = true
	}
	return c
}

// isConfig reports whether rel (relative to the site) is a configuration file.
func isConfig(rel string) bool {
	if strings.HasPrefix(rel, "config/") {
		return true
	}
	switch rel {
	case "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json", "press.toml":
		return true
	}
	return false
}

// privateFile reports whether rel is one of the member data's private files.
func privateFile(rel string) bool {
	for _, p := range privatePaths {
		if rel == p || strings.HasPrefix(rel, p+"/") {
			return true
		}
	}
	return false
}

// Update builds the preview: everything the first time (events nil), then
// what the file-change events affect. After an error the next Update builds
// everything again.
func (l *Live) Update(events []fsnotify.Event) (res *Result, err error) {
	start := time.Now()
	defer func() {
		if err != nil {
			l.reset()
		} else if res != nil { // nil: nothing the site is made of changed
			res.Elapsed = time.Since(start)
		}
	}()
	c := l.classify(events)
	// A data file the watcher names is read again, whatever its size and
	// time say.
	l.parsed.Forget(c.dataFiles...)
	if l.sess == nil {
		return l.full()
	}
	if c.full {
		l.reset()
		return l.full()
	}
	if !c.anything {
		return nil, nil
	}
	return l.incremental(c)
}

// full builds everything and keeps the site for the next Update.
func (l *Live) full() (*Result, error) {
	tm := newTimer()
	// The configuration may be what changed.
	if err := l.load(); err != nil {
		return nil, err
	}
	opts := l.opts
	type validation struct{ valid, facts diag.List }
	validated := make(chan validation, 1)
	go func() {
		validated <- validation{
			content.Check(opts.Lang, opts.Source, filepath.Join(opts.Source, "content")),
			facts.Pending(opts.Lang, opts.Site.Config),
		}
	}()
	l.hist = newGenerated()
	var dl diag.List
	l.history, dl = pageHistory(opts, l.hist)
	l.nav = newGenerated()
	navigation(opts.Source, opts.Site.Config, l.nav)
	l.mem, l.form, l.pubs = newGenerated(), newGenerated(), newGenerated()
	dl = append(dl, l.deriveData(nil)...)
	if !dl.HasErrors() {
		dl = append(dl, publications(opts, l.pubs)...)
	}
	v := <-validated
	l.valid, l.facts = v.valid, v.facts
	if err := l.validation(dl); err != nil {
		return nil, err
	}
	tm.done("derive")

	dir, err := tempdir.Make("press-gen-")
	if err != nil {
		return nil, err
	}
	l.genDir = dir
	l.data, l.assets = map[string][]byte{}, map[string][]byte{}
	if _, _, err := l.writeData(); err != nil {
		return nil, err
	}
	so := siteOptions(opts, "", filepath.Join(dir, "data"))
	mountAssets(&so, filepath.Join(dir, "assets"))
	l.sess, err = site.OpenSession(so)
	if err != nil {
		return nil, siteError(err)
	}
	l.links, l.checker = linkcheck.NewPages(), &linkcheck.Checker{}
	if hasSearchPage(opts.Source) {
		l.search = search.NewPages()
	} else {
		l.search = nil
	}
	l.written = map[string][]byte{}
	return l.render(nil, tm, dl, true)
}

// incremental rebuilds what c changes.
func (l *Live) incremental(c change) (*Result, error) {
	tm := newTimer()
	var dl diag.List
	secretsChanged := false
	if c.data {
		// The project keeps the member data it loaded: it is opened again.
		if err := l.load(); err != nil {
			return nil, err
		}
		old := l.mem.private
		l.mem, l.form = newGenerated(), newGenerated()
		dl = append(dl, l.deriveData(old)...)
		// The files not written again were found clean of the same
		// private values: only new values make the scan read them all.
		secretsChanged = !sameSecrets(old, l.mem.private)
	}
	if (c.data || c.pubs) && !dl.HasErrors() {
		l.pubs = newGenerated()
		dl = append(dl, publications(l.opts, l.pubs)...)
	}
	// The titles every page shows of the sections and top-level pages: a
	// change of one of them renders every page again (writeData).
	navChanged := false
	if navFiles(c.content, l.opts.Site.Config) {
		nav := newGenerated()
		navigation(l.opts.Source, l.opts.Site.Config, nav)
		old, _ := dataJSON(l.nav.data["nav"])
		now, err := dataJSON(nav.data["nav"])
		if err != nil {
			return nil, err
		}
		l.nav, navChanged = nav, !bytes.Equal(old, now)
	}
	for _, rel := range c.content {
		l.valid = withoutFile(l.valid, rel)
		if b, err := content.ReadFile(filepath.Join(l.opts.Source, filepath.FromSlash(rel))); err == nil {
			l.valid = append(l.valid, content.CheckFile(l.opts.Lang, rel, b)...)
		} else if !errors.Is(err, fs.ErrNotExist) {
			l.valid = append(l.valid, diag.Diagnostic{File: rel, Message: err.Error()})
		}
	}
	if err := l.validation(dl); err != nil {
		return nil, err
	}
	events := c.toHugo
	if c.data || c.pubs || navChanged {
		ev, dataChanged, err := l.writeData()
		if err != nil {
			return nil, err
		}
		events = append(events, ev...)
		if dataChanged || c.hugoData {
			// Hugo v0.165.0 resets the dates of the pages that read data
			// (the home page and sections aggregate theirs from their
			// pages) but aggregates them again only when content changed:
			// a change of the home page's file makes it do so.
			home, ok := homeFile(l.opts.Source)
			if !ok {
				l.reset()
				return l.full()
			}
			events = append(events, fsnotify.Event{Name: home, Op: fsnotify.Write})
		}
	}
	tm.done("derive")
	return l.render(events, tm, dl, secretsChanged)
}

// deriveData loads and derives the member data and the application form;
// prev are the private values of the last load, or nil.
func (l *Live) deriveData(prev *secrets) diag.List {
	_, _, dl := members(l.opts, l.history, l.mem, prev, &l.kept)
	if dl.HasErrors() {
		return dl
	}
	return append(dl, applicationForm(l.opts, l.form)...)
}

// validation returns the build's error when the sources or the derived
// data have errors.
func (l *Live) validation(derived diag.List) error {
	var all diag.List
	all = append(all, l.valid...)
	all = append(all, l.facts...)
	all.Sort()
	if all.HasErrors() || derived.HasErrors() {
		return &Error{Diagnostics: append(all.Errors(), derived.Errors()...)}
	}
	return nil
}

// merged is the generated data and files of every stage.
func (l *Live) merged() *generated {
	g := newGenerated()
	for _, p := range []*generated{l.hist, l.nav, l.mem, l.pubs, l.form} {
		for k, v := range p.data {
			g.data[k] = v
		}
		for k, v := range p.assets {
			g.assets[k] = v
		}
		for k, v := range p.files {
			g.files[k] = v
		}
	}
	g.private = l.mem.private
	return g
}

// writeData writes the generated data files and assets whose bytes
// changed and returns the events Hugo needs for them, and whether a data
// file (not only an asset) changed.
func (l *Live) writeData() (events []fsnotify.Event, dataChanged bool, err error) {
	g := l.merged()
	dataFiles := map[string][]byte{}
	for name, v := range g.data {
		b, err := dataJSON(v)
		if err != nil {
			return nil, false, err
		}
		dataFiles[filepath.ToSlash(filepath.Join("press", name+".json"))] = b
	}
	for _, set := range []struct {
		root      string
		now, prev map[string][]byte
	}{
		{filepath.Join(l.genDir, "data"), dataFiles, l.data},
		{filepath.Join(l.genDir, "assets"), g.assets, l.assets},
	} {
		if err := os.MkdirAll(filepath.Join(set.root, "press"), 0o755); err != nil {
			return nil, false, err
		}
		names := make([]string, 0, len(set.now))
		for name := range set.now {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			b := set.now[name]
			old, had := set.prev[name]
			if had && bytes.Equal(old, b) {
				continue
			}
			if err := writeAsset(set.root, name, b); err != nil {
				return nil, false, err
			}
			op := fsnotify.Write
			if !had {
				op = fsnotify.Create
			}
			events = append(events, fsnotify.Event{Name: filepath.Join(set.root, filepath.FromSlash(name)), Op: op})
		}
		for name := range set.prev {
			if _, ok := set.now[name]; !ok {
				p := filepath.Join(set.root, filepath.FromSlash(name))
				os.Remove(p)
				events = append(events, fsnotify.Event{Name: p, Op: fsnotify.Remove})
			}
		}
		if set.root == filepath.Join(l.genDir, "data") {
			dataChanged = len(events) > 0
		}
	}
	l.data, l.assets = dataFiles, cloneBytes(g.assets)
	return events, dataChanged, nil
}

// cloneBytes is a shallow copy of m.
func cloneBytes(m map[string][]byte) map[string][]byte {
	c := make(map[string][]byte, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}

// render has Hugo build (all or what events change), then adds press's
// files, checks the links and scans for private data: the whole output
// when everything is new, else the files written.
func (l *Live) render(events []fsnotify.Event, tm *timer, derived diag.List, scanAll bool) (*Result, error) {
	scan := scanInto(l.links, l.search)
	sres, err := l.sess.Build(events, scan.add)
	scan.wait()
	if err != nil {
		return nil, siteError(err)
	}
	tm.done("hugo")
	g := l.merged()
	out := sres.Output
	written := append([]string(nil), sres.Written...)

	// press's own files: those whose bytes changed are written, those no
	// longer made are removed.
	files := map[string][]byte{}
	for n, b := range g.files {
		files[n] = b
	}
	put := func(files map[string][]byte, keep func(string) bool) error {
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			if old, ok := l.written[n]; ok && bytes.Equal(old, files[n]) {
				continue
			}
			if err := sres.WriteFile(n, files[n]); err != nil {
				return siteError(err)
			}
			l.written[n] = files[n]
			written = append(written, n)
		}
		for n := range l.written {
			if _, ok := files[n]; !ok && keep(n) {
				if err := sres.RemoveFile(n); err != nil {
					return err
				}
				delete(l.written, n)
			}
		}
		return nil
	}
	isSearch := func(n string) bool { return strings.HasPrefix(n, "search/") && !isGenerated(g, n) }
	if err := put(files, func(n string) bool { return !isSearch(n) }); err != nil {
		return nil, err
	}
	tm.done("write")

	var (
		wg        sync.WaitGroup
		searchErr error
		broken    diag.List
	)
	_, hasSearch := sres.Sources["/search/"]
	hasSearch = hasSearch && l.search != nil
	l.searchStale = nil
	if hasSearch && sres.Incremental {
		// After a change the index is made when the search page asks for
		// it (Search): editing seldom needs it.
		l.searchStale = func() error {
			idx, err := search.Build(out, search.Options{Pages: l.search})
			if err != nil {
				return siteError(err)
			}
			before := len(written)
			if err := put(idx, isSearch); err != nil {
				return err
			}
			return g.private.checkFilesCached(out, written[before:], l.clean)
		}
	} else if hasSearch {
		wg.Go(func() {
			idx, err := search.Build(out, search.Options{Pages: l.search})
			if err != nil {
				searchErr = err
				return
			}
			searchErr = put(idx, isSearch)
		})
	}
	broken, err = l.checkLinks(out, sres.BaseURL, sres.Sources)
	wg.Wait()
	tm.done("search+links")
	if err != nil {
		return nil, err
	}
	if searchErr != nil {
		return nil, siteError(searchErr)
	}
	if len(broken) > 0 {
		return nil, &Error{Diagnostics: broken}
	}
	// Nothing private leaves: the files written are read back, or all of
	// them when the private data changed.
	if scanAll || !sres.Incremental {
		err = g.private.checkCached(out, l.clean)
	} else {
		var names []string
		for _, n := range written {
			if !skipScan[strings.ToLower(path.Ext(n))] {
				names = append(names, n)
			}
		}
		sort.Strings(names)
		err = g.private.checkFilesCached(out, names, l.clean)
	}
	if err != nil {
		return nil, err
	}
	tm.done("privacy")

	var warnings diag.List
	warnings = append(warnings, l.valid.Warnings()...)
	warnings = append(warnings, l.facts.Warnings()...)
	warnings.Sort()
	warnings = append(warnings, derived...)
	res := &Result{Pages: sres.Pages, Output: out, Warnings: warnings, Stages: tm.stages}
	l.lastWritten = written
	l.out, l.base, l.sources = out, sres.BaseURL, sres.Sources
	for _, w := range sres.Warnings {
		res.Warnings = append(res.Warnings, diag.Diagnostic{File: w.File, Line: w.Line, Column: w.Column, Severity: diag.Warning, Message: w.Message})
	}
	return res, nil
}

// checkLinks is checkLinks for the preview: the link check of the pages
// that did not change, and do not link to what changed, is kept from the
// last Update (linkcheck.Checker).
func (l *Live) checkLinks(out fs.FS, base string, sources map[string]string) (diag.List, error) {
	l.checker.Stale = l.sess.Stale
	broken, err := l.checker.Check(out, base, l.links)
	if err != nil {
		return nil, err
	}
	if checkAgainstFull {
		full, err := linkcheck.CheckPages(out, base, l.links)
		if err != nil {
			return nil, err
		}
		full = slices.DeleteFunc(full, func(b linkcheck.Broken) bool { return l.sess.Stale(b.Page) })
		if !slices.Equal(broken, full) {
			return nil, fmt.Errorf("incremental link check %v, full %v", broken, full)
		}
	}
	return linkDiagnostics(l.opts.Lang, broken, sources, l.opts.Source), nil
}

// checkAgainstFull, set in tests, has the preview's link check compared
// with a full one (an error when they differ).
var checkAgainstFull bool

// isGenerated reports whether name is one of press's generated files.
func isGenerated(g *generated, name string) bool {
	_, ok := g.files[name]
	return ok
}

// withoutFile is l without the diagnostics of file.
func withoutFile(l diag.List, file string) diag.List {
	out := l[:0:0]
	for _, d := range l {
		if d.File != file {
			out = append(out, d)
		}
	}
	return out
}

// homeFile is the home page's content file.
func homeFile(src string) (string, bool) {
	for _, n := range []string{"_index.md", "_index.markdown", "_index.html"} {
		p := filepath.Join(src, "content", n)
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
	}
	return "", false
}

// sameSecrets reports whether a and b look for the same private values.
func sameSecrets(a, b *secrets) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.key == b.key
}
