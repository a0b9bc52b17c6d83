package cli

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/build"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
)

// shanghai is the association's time zone; dates on the command line are read in it.
var shanghai = time.FixedZone("CST", 8*3600)

// parseToday reads a --today value (YYYY-MM-DD); empty gives the zero time.
func parseToday(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.ParseInLocation("2006-01-02", s, shanghai)
	if err != nil {
		return time.Time{}, usageError{errors.New(msg.T("today.bad", s))}
	}
	return t, nil
}

func newBuildCmd(stdout, stderr io.Writer) *cobra.Command {
	var opts build.Options
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
			if opts.Today, err = parseToday(today); err != nil {
				return err
			}
			opts.Log = nil
			opts.Progress, opts.Terminal = stderr, isTerminal(stderr)
			res, err := build.Build(opts)
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
