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
	site siteFlags
	out  string
}

// add registers --source and --today on c, and --out with the help text
// outUsage unless that is empty.
func (f *secretariatFlags) add(lang msg.Lang, c *cobra.Command, outUsage string) {
	f.site.add(lang, c)
	if outUsage != "" {
		c.Flags().StringVarP(&f.out, "out", "o", "", outUsage)
	}
}

// run returns the run function of a secretariat command: check, when
// not nil, looks at the command line before any work; then the project
// of --source is opened as of --today and do runs on it. The project's
// usage errors (a refused output, an unknown member …) are the command
// line's.
func (f *secretariatFlags) run(lang msg.Lang, check func(args []string) error, do func(p *project.Project, args []string) error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		err := f.open(lang, check, do, args)
		if ue := (*project.UsageError)(nil); errors.As(err, &ue) {
			return usageError{ue}
		}
		return err
	}
}

// open checks the command line, opens the project and runs do (see run).
func (f *secretariatFlags) open(lang msg.Lang, check func(args []string) error, do func(p *project.Project, args []string) error, args []string) error {
	if check != nil {
		if err := check(args); err != nil {
			return err
		}
	}
	p, err := f.site.open(lang)
	if err != nil {
		return err
	}
	return do(p, args)
}

// usagef returns the usage error whose message is key, with its
// arguments, in language lang.
func usagef(lang msg.Lang, key string, args ...any) error {
	return usageError{errors.New(lang.T(key, args...))}
}

// showWarnings prints the warnings of a secretariat command.
func showWarnings(lang msg.Lang, stderr io.Writer, o *project.Output) {
	printDiagnostics(lang, stderr, o.Warnings)
}

// showWrote says which files a secretariat command wrote.
func showWrote(lang msg.Lang, stdout io.Writer, o *project.Output) {
	for _, p := range o.Wrote {
		fmt.Fprintln(stdout, lang.T("report.wrote", p))
	}
}

// showOutput prints what a secretariat command did: its warnings, then the
// files it wrote; it returns err.
func showOutput(lang msg.Lang, stdout, stderr io.Writer, o *project.Output, err error) error {
	showWarnings(lang, stderr, o)
	showWrote(lang, stdout, o)
	return err
}
