// Package cli is the command line of press: it parses flags, calls the
// pipeline and prints results and errors in the user's language.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/site"
	"github.com/zzia/press/internal/tempdir"
)

// Exit codes of press.
const (
	ExitOK    = 0 // success
	ExitBuild = 1 // content or build errors
	ExitUsage = 2 // wrong command line
)

// Version is the program version, set at link time with
// -ldflags "-X github.com/zzia/press/internal/cli.Version=v1.2.3".
var Version = "dev"

// stopCleanup ends the removal of temporary directories on interruption
// (a command that handles interruption itself from some point on calls it).
var stopCleanup = func() {}

// usageError marks errors in the command line itself.
type usageError struct{ error }

// Main runs press with args and returns the process exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	if msg.Current == msg.Zh {
		member.SetLang(member.Chinese)
	} else {
		member.SetLang(member.English)
	}
	// Plain output may go to a CI log: no line of it may be read as a
	// workflow command. A terminal gets its output as it comes.
	if !isTerminal(stdout) {
		c := &ciSafe{w: stdout}
		defer c.Flush()
		stdout = c
	}
	if !isTerminal(stderr) {
		c := &ciSafe{w: stderr}
		defer c.Flush()
		stderr = c
	}
	root := newRoot(stdout, stderr)
	root.SetArgs(args)
	// An interrupted command removes its temporary and staging directories
	// (the preview server shuts down by itself instead).
	root.PersistentPreRun = func(c *cobra.Command, _ []string) {
		if c.Name() != "serve" {
			stopCleanup = tempdir.OnInterrupt(func(sig os.Signal) {
				fmt.Fprintln(stderr, msg.T("interrupted", sig))
			})
		}
	}
	err := root.Execute()
	stopCleanup()
	stopCleanup = func() {}
	if err == nil {
		return ExitOK
	}
	var be *pipeline.Error
	var ue usageError
	var sf silentFailure
	switch {
	case errors.As(err, &sf):
		return ExitBuild
	case errors.As(err, &be):
		printDiagnostics(stderr, be.Diagnostics)
		fmt.Fprintln(stderr, msg.T("build.failed", len(be.Diagnostics.Errors())))
		return ExitBuild
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, msg.T("error.prefix")+ue.Error())
		fmt.Fprintln(stderr, msg.T("usage.hint"))
		return ExitUsage
	case isCobraUsage(err):
		fmt.Fprintln(stderr, msg.T("error.prefix")+err.Error())
		fmt.Fprintln(stderr, msg.T("usage.hint"))
		return ExitUsage
	}
	fmt.Fprintln(stderr, msg.T("error.prefix")+err.Error())
	return ExitBuild
}

// isCobraUsage recognises cobra's own errors for unknown commands and flags.
func isCobraUsage(err error) bool {
	s := err.Error()
	for _, p := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument", "accepts ", "requires at least", "requires at most"} {
		if strings.Contains(s, p) {
			return true
		}
	}
	return false
}

func printDiagnostics(w io.Writer, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(w, d.String())
	}
}

func newRoot(stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "press",
		Short:         msg.T("root.short"),
		Long:          msg.T("root.long"),
		Example:       msg.T("root.example"),
		SilenceUsage:  true,
		SilenceErrors: true,
		CompletionOptions: cobra.CompletionOptions{
			DisableDefaultCmd: true,
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	localizeHelp(root)
	root.AddCommand(
		newBuildCmd(stdout, stderr),
		newServeCmd(stdout, stderr),
		newCheckCmd(stdout, stderr),
		newPDFCmd(stdout, stderr),
		newReportCmd(stdout, stderr),
		newPrintCmd(stdout, stderr),
		newImportCmd(stdout, stderr),
		newExportCmd(stdout, stderr),
		newNewCmd(stdout),
		newPublishCmd(stdout, stderr),
		newDeployCmd(stdout, stderr),
		newHooksCmd(stdout),
		newVersionCmd(stdout),
	)
	return root
}

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: msg.T("version.short"),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(stdout, "press %s (%s)\n", Version, buildInfo())
			return nil
		},
	}
}

// buildInfo names the embedded Hugo version and the Go version.
func buildInfo() string {
	return fmt.Sprintf("hugo %s, %s", site.HugoVersion(), runtime.Version())
}

// localizeHelp replaces cobra's English help and usage headings with the
// current language's.
func localizeHelp(root *cobra.Command) {
	root.SetUsageTemplate(msg.T("usage.template"))
	root.SetHelpTemplate(msg.T("help.template"))
	root.InitDefaultHelpFlag()
	if f := root.Flags().Lookup("help"); f != nil {
		f.Usage = msg.T("flag.help")
	}
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: msg.T("help.short"),
		Run: func(c *cobra.Command, args []string) {
			cmd, _, e := c.Root().Find(args)
			if cmd == nil || e != nil {
				c.Print(msg.T("help.unknown", strings.Join(args, " ")))
				c.Root().Usage()
				return
			}
			cmd.InitDefaultHelpFlag()
			cmd.Help()
		},
	})
}

// sourceFlag is the --source flag shared by the commands that read a site.
func addSourceFlag(c *cobra.Command, p *string) {
	c.Flags().StringVarP(p, "source", "s", ".", msg.T("flag.source"))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// inside reports whether path is dir or inside it.
func inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
