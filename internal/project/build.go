package project

import (
	"io"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/pipeline"
)

// BuildOptions says where and how Build builds the project's site; its
// folder, configuration and today are the project's.
type BuildOptions struct {
	// Dest is the output folder; empty means "public" in the site folder.
	Dest string
	// CacheDir holds caches outside the site; empty means the user's cache.
	CacheDir string
	// BaseURL overrides the configured base URL.
	BaseURL string
	// Print makes the printer's edition of the PDFs (bleed, crop marks).
	Print bool
	// Force lets the build replace a destination that is not press's.
	Force bool
	// Progress, when set, receives the progress of long work; Terminal
	// says whether it is a terminal (a live display) or a log (lines).
	Progress io.Writer
	Terminal bool
}

// BuildResult describes a finished build: where it went, what it made,
// its warnings and the time of each stage.
type BuildResult = pipeline.Result

// pipeline returns the options the pipeline takes for the project's site.
func (o BuildOptions) pipeline(p *Project) pipeline.Options {
	return pipeline.Options{
		Site:     p.site,
		Source:   p.Dir,
		Dest:     o.Dest,
		CacheDir: o.CacheDir,
		BaseURL:  o.BaseURL,
		Print:    o.Print,
		Force:    o.Force,
		Progress: o.Progress,
		Terminal: o.Terminal,
		Lang:     p.site.Lang,
	}
}

// Build runs the whole pipeline (validate, derive, render, check) and
// swaps the result into the destination, which is left as it was when
// any stage fails: the error is then an *Error listing every problem.
func (p *Project) Build(opts BuildOptions) (*BuildResult, error) {
	return pipeline.Build(opts.pipeline(p))
}

// CheckOptions says how Check checks the project's site.
type CheckOptions struct {
	// CacheDir holds caches outside the site; empty means the user's cache.
	CacheDir string
}

// Check runs everything a build validates and checks, rendering the site
// in memory and writing nothing. It returns the warnings, or an *Error
// listing every problem.
func (p *Project) Check(opts CheckOptions) (diag.List, error) {
	return pipeline.Check(BuildOptions{CacheDir: opts.CacheDir}.pipeline(p))
}

// HugoVersion is the version of the embedded Hugo, e.g. "v0.165.0".
func HugoVersion() string {
	return pipeline.HugoVersion()
}
