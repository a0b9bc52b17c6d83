package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/facts"
	"github.com/zzia/press/internal/history"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/pdfcache"
	"github.com/zzia/press/internal/search"
	"github.com/zzia/press/internal/site"
	"github.com/zzia/press/internal/tempdir"
)

// The stages of a build, each a function from typed inputs to typed
// outputs, chained by run (publish by Build, which alone writes to the
// destination):
//
//	validate(Options)                   → warnings, or *Error    every source checked, all problems at once
//	derive(Options)                     → *derived, problems     generated data and files (directory, calendars, PDFs)
//	render(Options, *derived, dir)      → *rendered, error       Hugo's site with the generated files added
//	check(Options, *derived, *rendered) → error                  search index, internal links, nothing private
//	publish(*output, dir)               → files, error           the staged output swapped into place (stage.go)
//
// validate reads every source file and runs beside derive and render; its
// findings, when there are any, are what the build reports.

// derived is the derive stage's output.
type derived struct {
	gen      *generated       // data for the templates, files for the output, private values
	history  *history.History // the site's git history; nil outside git
	warnings diag.List
}

// rendered is the render stage's output.
type rendered struct {
	site     *site.Result
	out      fs.FS     // the output: in memory, or the staging directory
	dir      string    // the staging directory; "" in memory
	scan     *pageScan // what was read of every page while Hugo wrote it
	warnings diag.List // Hugo's
}

// run builds everything into dir, or into memory when dir is empty, by
// running the stages up to check; publishing is the caller's.
func run(opts Options, dir string) (*Result, error) {
	tm := newTimer()
	validated := startValidate(opts)
	d, l := derive(opts)
	if l.HasErrors() {
		all := l.Errors()
		var be *Error
		if _, err := validated(); errors.As(err, &be) {
			all = append(be.Diagnostics, all...)
		}
		return nil, &Error{Diagnostics: all}
	}
	tm.done("derive")

	r, err := render(opts, d, dir)
	if err == nil {
		defer r.scan.close()
	}
	// Every source problem press found is reported, not Hugo's first one.
	vw, verr := validated()
	if verr != nil {
		return nil, verr
	}
	if err != nil {
		return nil, err
	}
	tm.done("hugo+write")

	if err := check(opts, d, r, tm); err != nil {
		return nil, err
	}
	warnings := append(append(vw, d.warnings...), r.warnings...)
	res := &Result{Pages: r.site.Pages, Output: r.site.Output, Warnings: warnings, Stages: tm.stages, Files: -1,
		Scanned: int(r.scan.scanned.Load()), Cached: int(r.scan.taken.Load())}
	if r.site.Produced != nil {
		res.Files = len(r.site.Produced())
	}
	return res, nil
}

// startValidate runs validate beside the caller; the function it returns
// waits for its result.
func startValidate(opts Options) func() (diag.List, error) {
	type validation struct {
		warnings diag.List
		err      error
	}
	ch := make(chan validation, 1)
	go func() {
		w, err := validate(opts)
		ch <- validation{w, err}
	}()
	var once sync.Once
	var v validation
	return func() (diag.List, error) {
		once.Do(func() { v = <-ch })
		return v.warnings, v.err
	}
}

// validate checks every source before anything is rendered, so that all
// problems are reported at once.
func validate(opts Options) (diag.List, error) {
	var l diag.List
	// The files found clean before are not parsed again (validVerdicts).
	path := validCachePath(cacheDir(opts), opts.Source)
	known := loadValidVerdicts(path, validKey(opts.Lang))
	l = append(l, content.CheckKnown(opts.Lang, opts.Source, filepath.Join(opts.Source, "content"), known)...)
	known.save(path)
	l = append(l, facts.Pending(opts.Lang, opts.Site.Config)...) // 待公布 on the site until filled in
	l.Sort()
	if l.HasErrors() {
		return l, &Error{Diagnostics: l.Errors()}
	}
	return l, nil
}

// derive makes the generated data and files from the sources: the pages'
// history, the titles of the pages every page links to (nav.go), the member
// directory and calendars, the publications and the application form. It returns every problem found; with errors among
// them, the result is incomplete.
func derive(opts Options) (*derived, diag.List) {
	d := &derived{gen: newGenerated()}
	hist, l := pageHistory(opts, d.gen)
	d.history = hist
	navigation(opts.Source, opts.Site.Config, d.gen)
	_, _, ml := members(opts, hist, d.gen, nil, nil)
	l = append(l, ml...)
	if l.HasErrors() {
		return d, l
	}
	l = append(l, publications(opts, d.gen)...)
	l = append(l, applicationForm(opts, d.gen)...)
	d.warnings = l
	return d, l
}

// siteOptions are the options of Hugo's build of the site into dir (""
// for memory), with press's generated data mounted from dataDir ("" for none).
func siteOptions(opts Options, dir, dataDir string) site.Options {
	so := site.Options{
		Source:   opts.Source,
		Lang:     opts.Lang,
		Dest:     dir,
		CacheDir: opts.CacheDir,
		BaseURL:  opts.BaseURL,
		Clock:    opts.clock,
		Log:      opts.Log,
		// Member and activity files hold private contact details: Hugo never
		// sees them, only the public data press derives from them.
		Exclude: map[string][]string{"data": privateData()},
		// Nor can a template read them, or the repository and the
		// secretariat's outputs, by path (readFile, os.ReadDir).
		Private: privatePaths,
	}
	if dataDir != "" {
		so.Mounts = append(so.Mounts, site.Mount{Source: dataDir, Target: "data"})
	}
	if opts.preview {
		so.Environment = "development"
		so.Drafts = true
	}
	return so
}

// render builds the site with Hugo into dir (in memory when dir is empty),
// the generated data mounted beside the site's own, and adds the generated
// files to the output. The generated data is Hugo's files from then on: d
// no longer holds it.
func render(opts Options, d *derived, dir string) (*rendered, error) {
	genDir, err := tempdir.Make("press-gen-")
	if err != nil {
		return nil, err
	}
	defer tempdir.Remove(genDir)
	dataDir, assetsDir, err := d.gen.writeData(genDir)
	if err != nil {
		return nil, err
	}
	d.gen.dropData()

	so := siteOptions(opts, dir, dataDir)
	mountAssets(&so, assetsDir)
	if opts.seeding != nil {
		// A seed that fails empties the stage: reuse then finds no file in
		// place and writes every one.
		so.Reuse = opts.seeding.reuse
		so.DestReady = func() { opts.seeding.wait() }
	}
	// Pages are scanned for the link check and the search index while Hugo
	// writes them, on workers beside Hugo's own.
	scan := newPageScan(hasSearchPage(opts.Source), scanCachePath(cacheDir(opts), opts.Source, opts.preview))
	done := false
	defer func() {
		if !done {
			scan.close()
		}
	}()
	so.OnPage = scan.add
	sres, err := site.Build(so)
	scan.wait()
	if err != nil {
		return nil, siteError(err)
	}
	// Hugo's pages and templates are garbage now (site.Build lets go of
	// them); collected at once, the check stage's work starts from a small
	// heap instead of growing to the size Hugo's last collection set.
	runtime.GC()
	if err := d.gen.writeFiles(sres.WriteFile); err != nil {
		return nil, siteError(err)
	}
	// Every page is scanned now, press's own (written after Hugo's) too.
	scan.keep()
	if seeded := opts.seeded(); seeded != nil {
		// What the previous output had and this build did not make goes
		// before the link check looks at the files (the search index's
		// folder after the index is written, in check).
		if err := seeded.prune(dir, sres.Produced(), inSearch); err != nil {
			return nil, err
		}
	}
	r := &rendered{site: sres, out: sres.Output, scan: scan, dir: dir}
	if r.out == nil {
		r.out = os.DirFS(dir)
	}
	for _, w := range sres.Warnings {
		r.warnings = append(r.warnings, diag.Diagnostic{File: w.File, Line: w.Line, Column: w.Column, Severity: diag.Warning, Message: w.Message})
	}
	done = true // the caller closes r.scan
	return r, nil
}

// files lists the files of the rendered output, in the order of
// fs.WalkDir (the one listing the search index and the link check share):
// the files Hugo's writer saw the build make, or, where it did not watch,
// a walk of the output. In a build over a previous output, the files left
// of it (pruned after the check) are not listed.
func (r *rendered) files() ([]string, error) {
	if r.site.Produced == nil {
		return listFiles(r.out)
	}
	return walkOrder(r.site.Produced()), nil
}

// check adds the search index to the rendered output and checks it: every
// internal link resolves, and no file holds a private value of the member
// data (privacy.go).
func check(opts Options, d *derived, r *rendered, tm *timer) error {
	// The search index and the link check both read every page; they run
	// side by side, from one listing of the output. The index only adds
	// files under search/, which the link check does not look at.
	files, err := r.files()
	if err != nil {
		return err
	}
	var (
		wg        sync.WaitGroup
		searchErr error
	)
	wg.Go(func() {
		searchErr = indexForSearch(r.out, files, r.site, r.scan.search, searchCachePath(cacheDir(opts), opts.Source, opts.preview))
	})
	broken, err := checkLinks(opts.Lang, r.out, files, r.site.BaseURL, r.site.Sources, opts.Source, r.scan.links)
	wg.Wait()
	tm.done("search+links")
	if err != nil {
		return err
	}
	if searchErr != nil {
		return siteError(searchErr)
	}
	if len(broken) > 0 {
		return &Error{Diagnostics: broken}
	}
	if seeded := opts.seeded(); seeded != nil {
		if err := seeded.prune(r.dir, r.site.Produced(), func(rel string) bool { return !inSearch(rel) }); err != nil {
			return err
		}
	}
	// Nothing private leaves: every output file is read back (and scanned
	// unless the last build found the same bytes clean).
	if p := d.gen.private; p != nil {
		clean := loadCleanFiles(cleanFilesPath(cacheDir(opts)), p.key)
		if err := p.checkCached(r.out, clean); err != nil {
			return err
		}
		clean.save(cleanFilesPath(cacheDir(opts)))
	}
	tm.done("privacy")
	return nil
}

// publish is the last stage: the staged output in dir, checked, is marked
// as press's and swapped into place (stage.go). It returns the number of
// files published: files, or (when files < 0, unknown) the count of a
// walk of dir.
func publish(out *output, dir string, files int) (int, error) {
	if err := out.mark(); err != nil {
		return 0, err
	}
	if files < 0 {
		var err error
		if files, err = countFiles(dir); err != nil {
			return 0, err
		}
	}
	if err := out.commit(); err != nil {
		return 0, err
	}
	return files, nil
}

// searchCachePath is the file in which the builds of the site at source
// keep their last search index (search.Options.Cache); the preview (drafts
// included) has its own, so that it and the builds do not take each
// other's place.
func searchCachePath(cacheDir, source string, preview bool) string {
	return filepath.Join(cacheDir, "search", siteKey(source), kindOfBuild(preview, "index"))
}

// scanCachePath is the file in which the builds of the site at source keep
// their scans of the pages for the next (newPageScan); the preview keeps
// its own.
func scanCachePath(cacheDir, source string, preview bool) string {
	return filepath.Join(cacheDir, "scan", siteKey(source), kindOfBuild(preview, "pages"))
}

func kindOfBuild(preview bool, build string) string {
	if preview {
		return "preview"
	}
	return build
}

// siteKey names a site's own files in a cache folder that several sites
// share (the user's, by default): the first 16 hex digits of the SHA-256
// of its absolute path. Each cache keeps one site's last build, so sites
// built in turn would otherwise evict each other's.
func siteKey(source string) string {
	if abs, err := filepath.Abs(source); err == nil {
		source = abs
	}
	sum := sha256.Sum256([]byte(source))
	return hex.EncodeToString(sum[:8])
}

// indexForSearch adds the search index to the output of a site that has a
// search page (/search/); it reads only the rendered public pages. listed
// are the output's files (listFiles). The index last made is kept at cache:
// a build whose pages read the same takes it from there.
func indexForSearch(out fs.FS, listed []string, sres *site.Result, pages *search.Pages, cache string) error {
	if _, ok := sres.Sources["/search/"]; !ok {
		return nil
	}
	idx, err := search.BuildIndex(out, search.Options{Pages: pages, Files: listed, Cache: cache, Program: pdfcache.Program()})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
	files := idx.Files
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	// Thousands of small files on a large site: write them side by side.
	errs := make([]error, len(names))
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for i, n := range names {
		sem <- struct{}{}
		wg.Go(func() {
			// Files taken from the cache are linked from it: a clean
			// build over an unchanged site writes none of them.
			if kept, ok := idx.Kept[n]; ok {
				errs[i] = sres.LinkFile(n, kept, files[n])
			} else {
				errs[i] = sres.WriteFile(n, files[n])
			}
			<-sem
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// privateData are the data files with private details (member.Private),
// read by press and hidden from Hugo's data, as globs under data/.
func privateData() []string {
	var globs []string
	for _, p := range member.Private {
		rel := strings.TrimPrefix(p, "data/")
		if strings.HasSuffix(rel, ".yaml") {
			globs = append(globs, rel)
		} else {
			globs = append(globs, rel+"/**")
		}
	}
	return globs
}

// privatePaths are the folders of a site that Hugo may not read at all.
var privatePaths = append([]string{".git", "secretariat"}, member.Private...)
