package cli

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

// parseToday reads a --today value (YYYY-MM-DD); empty gives the zero time.
func parseToday(lang msg.Lang, s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := project.ParseDay(s)
	if err != nil {
		return time.Time{}, usageError{errors.New(lang.T("today.bad", s))}
	}
	return t, nil
}

// siteFlags are the flags of every command that opens the site: its
// folder (--source) and the day taken as today (--today).
type siteFlags struct{ source, today string }

// add registers --source and --today on c.
func (s *siteFlags) add(lang msg.Lang, c *cobra.Command) {
	addSourceFlag(lang, c, &s.source)
	c.Flags().StringVar(&s.today, "today", "", lang.T("flag.today"))
}

// open opens the site of --source as of --today: the one loaded project a
// command hands to every stage it runs.
func (s *siteFlags) open(lang msg.Lang) (*project.Project, error) {
	t, err := parseToday(lang, s.today)
	if err != nil {
		return nil, err
	}
	return project.Open(lang, s.source, t)
}

// addBuildFlags adds the flags of the build a command runs (publish and
// deploy build first) to c, except --print and --force.
func addBuildFlags(lang msg.Lang, c *cobra.Command, o *project.BuildOptions, site *siteFlags) {
	site.add(lang, c)
	f := c.Flags()
	f.StringVarP(&o.Dest, "dest", "d", "", lang.T("flag.dest"))
	f.StringVar(&o.BaseURL, "base-url", "", lang.T("flag.baseurl"))
	f.StringVar(&o.CacheDir, "cache-dir", "", lang.T("flag.cachedir"))
}

// printBuilt prints the summary line of a build to w, the output folder
// quoted when quote is set.
func printBuilt(lang msg.Lang, w io.Writer, res *project.BuildResult, quote bool) {
	dest := res.Dest
	if quote {
		dest = diag.QuoteName(dest)
	}
	fmt.Fprintln(w, lang.T("build.done", res.Pages, res.Files, dest, res.Elapsed.Round(time.Millisecond)))
}

func newBuildCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts project.BuildOptions
	var site siteFlags
	var timings bool
	c := command(lang, "build", "build", func(*cobra.Command, []string) error {
		p, err := site.open(lang)
		if err != nil {
			return err
		}
		opts.Progress, opts.Terminal = stderr, isTerminal(stderr)
		res, err := p.Build(opts)
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
			if res.Scanned > 0 {
				fmt.Fprintln(stderr, "  "+lang.T("build.scancache", res.Cached, res.Scanned))
			}
		}
		printBuilt(lang, stdout, res, true)
		return nil
	})
	addBuildFlags(lang, c, &opts, &site)
	c.Flags().BoolVar(&opts.Print, "print", false, lang.T("flag.print"))
	c.Flags().BoolVar(&timings, "timings", false, lang.T("flag.timings"))
	c.Flags().BoolVar(&opts.Force, "force", false, lang.T("flag.build.force"))
	return c
}
