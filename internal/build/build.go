// Package build is the press pipeline: it loads and validates a site's
// sources, renders the website (and later PDFs and feeds) into a staging
// directory, and swaps the result into place only when everything succeeded,
// so a failed build leaves the previous output untouched.
package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/facts"
	"github.com/zzia/press/internal/history"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
	"github.com/zzia/press/internal/search"
	"github.com/zzia/press/internal/site"
	"github.com/zzia/press/internal/tempdir"
)

// Options says what to build.
type Options struct {
	// Source is the site directory; empty means the current directory.
	Source string
	// Dest is the output directory; empty means "public" inside Source.
	Dest string
	// CacheDir holds caches outside the site; empty means the user's cache.
	CacheDir string
	// BaseURL overrides the site's configured base URL.
	BaseURL string
	// Today is the date the membership rules and templates take as "today".
	// Zero means the build's date setting or, failing that, the clock's date.
	Today time.Time
	// Log receives warnings; nil discards them.
	Log io.Writer
	// Print makes the printer's edition of the PDFs: 3 mm bleed and crop
	// marks, with MediaBox, BleedBox and TrimBox set.
	Print bool
	// Progress, when set, receives progress of long work (PDF typesetting);
	// Terminal says whether it is a terminal (a live display) or a log (lines).
	Progress io.Writer
	Terminal bool
	// Force lets Build replace a destination that is neither new, empty,
	// nor marked as press's output.
	Force bool

	// Project is the loaded site; nil: Source is opened, with Today.
	// Given, it decides the site folder, the configuration and today
	// (Source and Today are then set from it).
	Project *project.Project

	preview bool             // set by Memory: development environment, drafts included
	clock   time.Time        // Hugo's "now" when the day was given; zero: the clock's
	history *history.History // the site's git history, when it has one
}

// Result describes a finished build.
type Result struct {
	Dest     string        // where the site was written
	Pages    int           // pages rendered by Hugo
	Files    int           // files in the output
	Warnings diag.List     // problems that did not stop the build
	Elapsed  time.Duration // wall time of the whole build
	Stages   []Stage       // wall time of each stage, in order
	// Output is the built site when it was built in memory (see Memory).
	Output fs.FS
	// Recovered says that the previous output, lost by an interrupted
	// build, was put back before this build began.
	Recovered bool
}

// Stage is the wall time one stage of the pipeline took.
type Stage struct {
	Name    string
	Elapsed time.Duration
}

// timer records the stages of one build.
type timer struct {
	last   time.Time
	stages []Stage
}

func newTimer() *timer { return &timer{last: time.Now()} }

// done ends the current stage under name.
func (t *timer) done(name string) {
	now := time.Now()
	t.stages = append(t.stages, Stage{name, now.Sub(t.last)})
	t.last = now
}

// Error is a failed build: every problem found, each with its position.
type Error struct {
	Diagnostics diag.List
}

// Error lists every diagnostic, one per line.
func (e *Error) Error() string { return e.Diagnostics.Error() }

// Resolve fills in the defaults of opts: the project (opened from Source
// and Today unless given), absolute Source and Dest, and today.
func (o Options) Resolve() (Options, error) {
	if o.Project == nil {
		p, err := project.Open(o.Source, o.Today)
		if err != nil {
			return o, err
		}
		o.Project = p
	}
	p := o.Project
	o.Source, o.Today = p.Dir, p.Today.Day
	if p.Today.Fixed {
		o.clock = p.Today.Now
	}
	if o.Dest == "" {
		o.Dest = filepath.Join(o.Source, "public")
	}
	var err error
	if o.Dest, err = filepath.Abs(o.Dest); err != nil {
		return o, err
	}
	return o, nil
}

// Build runs the whole pipeline and publishes the result to opts.Dest.
// The destination is locked while the build runs, and replaced only when it
// is press's (see stage.go) or opts.Force is set.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	opts, err := prepare(opts)
	if err != nil {
		return nil, err
	}
	if err := checkDest(opts); err != nil {
		return nil, err
	}

	out, err := openOutput(opts, opts.Force)
	if err != nil {
		return nil, err
	}
	defer out.close()
	if out.recovered && opts.Log != nil {
		fmt.Fprintln(opts.Log, msg.T("build.recovered", opts.Dest))
	}
	dir, err := out.newStage()
	if err != nil {
		return nil, err
	}

	res, err := render(opts, dir)
	if err != nil {
		return nil, err
	}
	t := newTimer()
	if err := out.mark(); err != nil {
		return nil, err
	}
	files, err := countFiles(dir)
	if err != nil {
		return nil, err
	}
	if err := out.commit(); err != nil {
		return nil, err
	}
	t.done("publish")
	res.Stages = append(res.Stages, t.stages...)
	res.Dest = opts.Dest
	res.Files = files
	res.Recovered = out.recovered
	res.Elapsed = time.Since(start)
	return res, nil
}

// Memory builds the site into memory for the preview server, as the
// "development" environment with drafts, and returns it in Result.Output.
func Memory(opts Options) (*Result, error) {
	start := time.Now()
	opts, err := prepare(opts)
	if err != nil {
		return nil, err
	}
	opts.preview = true
	res, err := render(opts, "")
	if err != nil {
		return nil, err
	}
	res.Elapsed = time.Since(start)
	return res, nil
}

// Check runs everything a build validates and renders the site in memory
// (production settings), writing nothing. It returns the warnings, or an
// *Error listing every problem.
func Check(opts Options) (diag.List, error) {
	opts, err := prepare(opts)
	if err != nil {
		return nil, err
	}
	res, err := render(opts, "")
	if err != nil {
		return nil, err
	}
	return res.Warnings, nil
}

// sweep removes, once per process, the temporary directories of press
// processes that died without removing them.
var sweep sync.Once

// prepare resolves the options and makes sure Source is a site.
func prepare(opts Options) (Options, error) {
	sweep.Do(func() { tempdir.Sweep("press-gen-", "press-config-") })
	if opts.Project == nil {
		p, err := Open(opts.Source, opts.Today)
		if err != nil {
			return opts, err
		}
		opts.Project = p
	}
	return opts.Resolve()
}

// Open opens the site in source as of today (zero: PRESS_TODAY,
// SOURCE_DATE_EPOCH or the clock; see project.Open). A folder that is not
// a site is an *Error saying what to do.
func Open(source string, today time.Time) (*project.Project, error) {
	p, err := project.Open(source, today)
	if errors.Is(err, project.ErrNoConfig) {
		return nil, &Error{Diagnostics: diag.List{{Message: err.Error(), Hint: hintNoConfig}}}
	}
	return p, err
}

// checkDest refuses an output directory that the swap would destroy: the
// site itself, a folder holding it, or one of its source folders.
func checkDest(opts Options) error {
	bad := inside(opts.Source, opts.Dest)
	for _, d := range []string{"content", "data", "layouts", "static", "assets", "i18n", "archetypes", ".git"} {
		bad = bad || inside(opts.Dest, filepath.Join(opts.Source, d))
	}
	if bad {
		return &Error{Diagnostics: diag.List{{Message: msg.T("build.baddest", opts.Dest), Hint: msg.T("build.baddest.hint")}}}
	}
	return nil
}

const hintNoConfig = "run press in the site directory or pass --source DIR"

// validate checks every source before anything is rendered, so that all
// problems are reported at once.
func validate(opts Options) (diag.List, error) {
	var l diag.List
	l = append(l, content.Check(opts.Source, filepath.Join(opts.Source, "content"))...)
	l = append(l, facts.Pending(opts.Project.Config)...) // 待公布 on the site until filled in
	l.Sort()
	if l.HasErrors() {
		return l, &Error{Diagnostics: l.Errors()}
	}
	return l, nil
}

// render builds everything into dir, or into memory when dir is empty:
// validate and derive (into generated data and files), render the site with
// Hugo, add the generated files, then check every internal link.
func render(opts Options, dir string) (*Result, error) {
	tm := newTimer()
	// Validation reads every source file; it runs beside the rest, and its
	// findings, when there are any, are what the build reports.
	type validation struct {
		warnings diag.List
		err      error
	}
	validated := make(chan validation, 1)
	go func() {
		w, err := validate(opts)
		validated <- validation{w, err}
	}()
	gen := newGenerated()
	var v *validation
	wait := func() validation {
		if v == nil {
			r := <-validated
			v = &r
		}
		return *v
	}
	l := derive(opts, gen)
	if l.HasErrors() {
		all := l.Errors()
		var be *Error
		if r := wait(); errors.As(r.err, &be) {
			all = append(be.Diagnostics, all...)
		}
		return nil, &Error{Diagnostics: all}
	}
	tm.done("derive")

	genDir, err := tempdir.Make("press-gen-")
	if err != nil {
		return nil, err
	}
	defer tempdir.Remove(genDir)
	dataDir, err := gen.writeData(genDir)
	if err != nil {
		return nil, err
	}

	so := site.Options{
		Source:   opts.Source,
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
	// Pages are scanned for the link check and the search index while Hugo
	// writes them, on workers beside Hugo's own.
	scan := newPageScan(hasSearchPage(opts.Source))
	so.OnPage = scan.add
	sres, err := site.Build(so)
	scan.wait()
	// Every source problem press found is reported, not Hugo's first one.
	if r := wait(); r.err != nil {
		return nil, r.err
	}
	if err != nil {
		return nil, siteError(err)
	}
	warnings := append(wait().warnings, l...)
	tm.done("hugo")
	if err := gen.writeFiles(sres.WriteFile); err != nil {
		return nil, siteError(err)
	}
	tm.done("write")
	out := sres.Output
	if out == nil {
		out = os.DirFS(dir)
	}
	// The search index and the link check both read every page; they run
	// side by side. The index only adds files under search/, which the link
	// check does not look at.
	var (
		wg        sync.WaitGroup
		searchErr error
		broken    diag.List
	)
	wg.Go(func() { searchErr = indexForSearch(out, sres, scan.search) })
	broken, err = checkLinks(out, sres.BaseURL, sres.Sources, opts.Source, scan.links)
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
	// Nothing private leaves: every output file is read back (privacy.go).
	if err := gen.private.check(out); err != nil {
		return nil, err
	}
	tm.done("privacy")
	res := &Result{Pages: sres.Pages, Output: sres.Output, Warnings: warnings, Stages: tm.stages}
	for _, w := range sres.Warnings {
		res.Warnings = append(res.Warnings, diag.Diagnostic{File: w.File, Line: w.Line, Column: w.Column, Severity: diag.Warning, Message: w.Message})
	}
	return res, nil
}

// indexForSearch adds the search index to the output of a site that has a
// search page (/search/); it reads only the rendered public pages.
func indexForSearch(out fs.FS, sres *site.Result, pages *search.Pages) error {
	if _, ok := sres.Sources["/search/"]; !ok {
		return nil
	}
	files, err := search.Build(out, search.Options{Pages: pages})
	if err != nil {
		return fmt.Errorf("search index: %w", err)
	}
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
			errs[i] = sres.WriteFile(n, files[n])
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

// derive makes the generated data and files from the validated sources.
func derive(opts Options, gen *generated) diag.List {
	hist, l := pageHistory(opts, gen)
	opts.history = hist
	_, _, ml := members(opts, gen)
	l = append(l, ml...)
	if l.HasErrors() {
		return l
	}
	l = append(l, publications(opts, gen)...)
	l = append(l, applicationForm(opts, gen)...)
	return l
}

// siteError converts the site package's error into a build Error.
func siteError(err error) error {
	var be *site.BuildError
	if errors.As(err, &be) {
		var l diag.List
		for _, d := range be.Diagnostics {
			l = append(l, diag.Diagnostic{File: d.File, Line: d.Line, Column: d.Column, Message: d.Message})
		}
		return &Error{Diagnostics: l}
	}
	return err
}

func inside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && !strings.HasPrefix(rel, "..")
}

func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(_ string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() != MarkerFile {
			n++
		}
		return nil
	})
	return n, err
}
