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
func parseToday(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := clock.ParseDay(s)
	if err != nil {
		return time.Time{}, usageError{errors.New(msg.T("today.bad", s))}
	}
	return t, nil
}

// openProject opens the site of --source as of --today: the one loaded
// project a command hands to every stage it runs.
func openProject(source, today string) (*project.Project, error) {
	t, err := parseToday(today)
	if err != nil {
		return nil, err
	}
	return project.Open(source, t)
}

// openSite opens the project of opts.Source as of --today and hands it to
// the pipeline as opts.Site; it returns the project for the command's own
// use.
func openSite(opts *pipeline.Options, today string) (*project.Project, error) {
	p, err := openProject(opts.Source, today)
	if err != nil {
		return nil, err
	}
	opts.Site = p.Site()
	return p, nil
}

// loadMembers returns the project's member data and the rules' result,
// printing the warnings; errors, or a site without members, fail.
func loadMembers(p *project.Project, stderr io.Writer) (*member.Dataset, *rules.Result, error) {
	ds, res, l := p.Members()
	printDiagnostics(stderr, l.Warnings())
	if l.HasErrors() {
		return nil, nil, &pipeline.Error{Diagnostics: l.Errors()}
	}
	if len(ds.Members) == 0 {
		return nil, nil, errors.New(msg.T("report.nomembers", filepath.Join(p.Dir, "data", "members")))
	}
	return ds, res, nil
}

func newBuildCmd(stdout, stderr io.Writer) *cobra.Command {
	var opts pipeline.Options
	var today string
	var timings bool
	c := &cobra.Command{
		Use:     "build",
		Short:   msg.T("build.short"),
		Long:    msg.T("build.long"),
		Example: msg.T("build.example"),
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			var err error
			if _, err = openSite(&opts, today); err != nil {
				return err
			}
			opts.Log = nil
			opts.Progress, opts.Terminal = stderr, isTerminal(stderr)
			res, err := pipeline.Build(opts)
			if err != nil {
				return err
			}
			if res.Recovered {
				fmt.Fprintln(stderr, msg.T("build.recovered", diag.QuoteName(res.Dest)))
			}
			printDiagnostics(stderr, res.Warnings)
			if timings {
				for _, st := range res.Stages {
					fmt.Fprintf(stderr, "  %-14s %v\n", st.Name, st.Elapsed.Round(time.Millisecond))
				}
			}
			fmt.Fprintln(stdout, msg.T("build.done", res.Pages, res.Files, diag.QuoteName(res.Dest), res.Elapsed.Round(time.Millisecond)))
			return nil
		},
	}
	addSourceFlag(c, &opts.Source)
	c.Flags().StringVarP(&opts.Dest, "dest", "d", "", msg.T("flag.dest"))
	c.Flags().StringVar(&opts.BaseURL, "base-url", "", msg.T("flag.baseurl"))
	c.Flags().StringVar(&today, "today", "", msg.T("flag.today"))
	c.Flags().StringVar(&opts.CacheDir, "cache-dir", "", msg.T("flag.cachedir"))
	c.Flags().BoolVar(&opts.Print, "print", false, msg.T("flag.print"))
	c.Flags().BoolVar(&timings, "timings", false, msg.T("flag.timings"))
	c.Flags().BoolVar(&opts.Force, "force", false, msg.T("flag.build.force"))
	return c
}
