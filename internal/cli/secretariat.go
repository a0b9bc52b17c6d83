package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

// secretariatFlags are the flags every secretariat command has: the site
// (--source), its today (--today) and, for most, the output (--out).
type secretariatFlags struct {
	source, today, out string
}

// add registers --source and --today on c, and --out with the help text
// outUsage unless that is empty.
func (f *secretariatFlags) add(lang msg.Lang, c *cobra.Command, outUsage string) {
	addSourceFlag(lang, c, &f.source)
	if outUsage != "" {
		c.Flags().StringVarP(&f.out, "out", "o", "", outUsage)
	}
	c.Flags().StringVar(&f.today, "today", "", lang.T("flag.today"))
}

// open opens the project of --source as of --today.
func (f *secretariatFlags) open(lang msg.Lang) (*project.Project, error) {
	return openProject(lang, f.source, f.today)
}

// secretariat returns the run function of a secretariat command: the
// project's usage errors (a refused output, an unknown member …) are the
// command line's.
func secretariat(run func(args []string) error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		err := run(args)
		if ue := (*project.UsageError)(nil); errors.As(err, &ue) {
			return usageError{ue}
		}
		return err
	}
}

// warn prints the warnings of a secretariat command.
func warn(lang msg.Lang, stderr io.Writer, o *project.Output) {
	printDiagnostics(lang, stderr, o.Warnings)
}

// wrote says which files a secretariat command wrote.
func wrote(lang msg.Lang, stdout io.Writer, o *project.Output) {
	for _, p := range o.Wrote {
		fmt.Fprintln(stdout, lang.T("report.wrote", p))
	}
}

// done prints what a secretariat command did: its warnings, then the
// files it wrote; it returns err.
func done(lang msg.Lang, stdout, stderr io.Writer, o *project.Output, err error) error {
	warn(lang, stderr, o)
	wrote(lang, stdout, o)
	return err
}
