package cli

import (
	"errors"
	"io"
	"path/filepath"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/project"
	"github.com/zzia/press/internal/rules"
)

// The helpers of this file serve the commands still written on the
// pipeline's options (the secretariat's: print, report, import, export);
// the site commands call project methods instead. They go when no
// command calls them.

// openSite opens the project of opts.Source as of --today and hands it to
// the pipeline as opts.Site; it returns the project for the command's own
// use.
func openSite(lang msg.Lang, opts *pipeline.Options, today string) (*project.Project, error) {
	p, err := openProject(lang, opts.Source, today)
	if err != nil {
		return nil, err
	}
	opts.Site = p.Site()
	return p, nil
}

// openResolved is openSite with the options resolved (absolute Source and
// Dest): what a command that works on the site's files needs.
func openResolved(lang msg.Lang, opts *pipeline.Options, today string) (*project.Project, error) {
	p, err := openSite(lang, opts, today)
	if err != nil {
		return nil, err
	}
	if *opts, err = opts.Resolve(); err != nil {
		return nil, err
	}
	return p, nil
}

// privateOut sets *out, a secretariat output's folder, to the site's
// internal folder when it is empty, and refuses one that would be
// published. It is checked before any work.
func privateOut(lang msg.Lang, out *string, opts pipeline.Options) error {
	if *out == "" {
		*out = filepath.Join(opts.Source, defaultInternalDir)
	}
	return private(lang, *out, opts)
}

// openMembers opens the project for a secretariat output under *out
// (see privateOut) and loads its members (see loadMembers), in that order:
// a wrong --out fails before any work.
func openMembers(lang msg.Lang, opts *pipeline.Options, today string, out *string, stderr io.Writer) (*member.Dataset, *rules.Result, error) {
	p, err := openResolved(lang, opts, today)
	if err != nil {
		return nil, nil, err
	}
	if err := privateOut(lang, out, *opts); err != nil {
		return nil, nil, err
	}
	return loadMembers(lang, p, stderr)
}

// loadMembers returns the project's member data and the rules' result,
// printing the warnings; errors, or a site without members, fail.
func loadMembers(lang msg.Lang, p *project.Project, stderr io.Writer) (*member.Dataset, *rules.Result, error) {
	ds, res, l := p.Members()
	printDiagnostics(lang, stderr, l.Warnings())
	if l.HasErrors() {
		return nil, nil, &pipeline.Error{Diagnostics: l.Errors()}
	}
	if len(ds.Members) == 0 {
		return nil, nil, errors.New(lang.T("report.nomembers", filepath.Join(p.Dir, "data", "members")))
	}
	return ds, res, nil
}
