// Package pipeline is press's build pipeline: from a loaded project it
// validates the sources, derives the generated data and files (member
// directory, calendars, PDFs), renders the website with them, checks the
// result (links, search index, privacy) and publishes it by swapping a
// staging directory into place only when everything succeeded, so a failed
// build leaves the previous output untouched. The stages are in stages.go.
package pipeline

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
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
	// Lang is the language of the build's messages (a given Site's
	// language takes its place).
	Lang msg.Lang

	// Site is the loaded site, as the project hands it over; nil: Source
	// is opened (OpenSite), with Today. Given, it decides the site folder,
	// the configuration and today (Source and Today are then set from it).
	Site *Site

	preview bool      // set by Memory: development environment, drafts included
	seeding *seeding  // the stage being seeded from the previous output (reuse.go); nil: no stage
	clock   time.Time // Hugo's "now" when the day was given; zero: the clock's
}

// seeded is what the seed put into the stage, once it has finished; nil:
// no stage, or nothing seeded.
func (o Options) seeded() *seeded {
	if o.seeding == nil {
		return nil
	}
	return o.seeding.wait()
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
	// Scanned is how many pages the link check and the search index read
	// as Hugo wrote them; Cached, how many of those were taken from the
	// last build's scan of the same bytes instead (the cache folder).
	Scanned, Cached int
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

// Resolve fills in the defaults of opts: the site (opened from Source
// and Today unless given), absolute Source and Dest, and today.
func (o Options) Resolve() (Options, error) {
	if o.Site == nil {
		p, err := OpenSite(o.Lang, o.Source, o.Today)
		if err != nil {
			return o, err
		}
		o.Site = p
	}
	p := o.Site
	o.Source, o.Today, o.Lang = p.Dir, p.Today.Day, p.Lang
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
		fmt.Fprintln(opts.Log, opts.Lang.T("build.recovered", opts.Dest))
	}
	dir, err := out.newStage()
	if err != nil {
		return nil, err
	}
	// The stage is seeded beside derive and Hugo's reading of the sources;
	// Hugo's first touch of the output waits for it (site.Options.DestReady).
	opts.seeding = startSeed(out.target, dir)
	defer opts.seeding.wait() // before the stage may be removed (out.close)

	res, err := run(opts, dir)
	if err != nil {
		return nil, err
	}
	res.Stages = append(res.Stages, Stage{"seed (beside)", opts.seeding.took})
	t := newTimer()
	files, err := publish(out, dir, res.Files)
	if err != nil {
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
	res, err := run(opts, "")
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
	res, err := run(opts, "")
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
	return opts.Resolve()
}

// checkDest refuses an output directory that the swap would destroy: the
// site itself, a folder holding it, or one of its source folders.
func checkDest(opts Options) error {
	bad := inside(opts.Source, opts.Dest)
	for _, d := range []string{"content", "data", "layouts", "static", "assets", "i18n", "archetypes", ".git"} {
		bad = bad || inside(opts.Dest, filepath.Join(opts.Source, d))
	}
	if bad {
		return &Error{Diagnostics: diag.List{{Message: opts.Lang.T("build.baddest", opts.Dest), Hint: opts.Lang.T("build.baddest.hint")}}}
	}
	return nil
}

const hintNoConfig = "run press in the site directory or pass --source DIR"

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
