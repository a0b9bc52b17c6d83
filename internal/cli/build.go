package cli

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/project"
	"github.com/zzia/press/internal/rules"
)

// parseToday reads a --today value (YYYY-MM-DD); empty gives the zero time.
func parseToday(lang msg.Lang, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := clock.ParseDay(s)
	if err != nil {
		return time.Time{}, usageError{errors.New(lang.T("today.bad", s))}
	}
	return t, nil
}

// openProject opens the site of --source as of --today: the one loaded
// project a command hands to every stage it runs.
func openProject(lang msg.Lang, source, today string) (*project.Project, error) {
	t, err := parseToday(lang, today)
	if err != nil {
		return nil, err
	}
	return project.Open(lang, source, t)
}

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

func newBuildCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts pipeline.Options
	var today string
	var timings bool
	c := command(lang, "build", "build", func(*cobra.Command, []string) error {
		var err error
		if _, err = openSite(lang, &opts, today); err != nil {
			return err
		}
		opts.Log = nil
		opts.Progress, opts.Terminal = stderr, isTerminal(stderr)
		res, err := pipeline.Build(opts)
		if err != nil {
			return err
		}
		if res.Recovered {
			fmt.Fprintln(stderr, lang.T("build.recovered", diag.QuoteName(res.Dest)))
		}
		printDiagnostics(lang, stderr, res.Warnings)
		if timings {
			for _, st := range res.Stages {
				fmt.Fprintf(stderr, "  %-14s %v\n", st.Name, st.Elapsed.Round(time.Millisecond))
			}
		}
		fmt.Fprintln(stdout, lang.T("build.done", res.Pages, res.Files, diag.QuoteName(res.Dest), res.Elapsed.Round(time.Millisecond)))
		return nil
	})
	addSourceFlag(lang, c, &opts.Source)
	c.Flags().StringVarP(&opts.Dest, "dest", "d", "", lang.T("flag.dest"))
	c.Flags().StringVar(&opts.BaseURL, "base-url", "", lang.T("flag.baseurl"))
	c.Flags().StringVar(&today, "today", "", lang.T("flag.today"))
	c.Flags().StringVar(&opts.CacheDir, "cache-dir", "", lang.T("flag.cachedir"))
	c.Flags().BoolVar(&opts.Print, "print", false, lang.T("flag.print"))
	c.Flags().BoolVar(&timings, "timings", false, lang.T("flag.timings"))
	c.Flags().BoolVar(&opts.Force, "force", false, lang.T("flag.build.force"))
	return c
}
