// Package cli is the command line of press: it parses flags, opens the
// project and calls its methods, and prints results and errors in the
// user's language.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
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
// (project.HandleInterrupt); Run calls it when the command is done.
var stopCleanup = func() {}

// usageError marks errors in the command line itself.
type usageError struct{ error }

// Main runs press with args in the language of the locale (msg.FromEnv)
// and returns the process exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	return Run(msg.FromEnv(os.Getenv), args, stdout, stderr)
}

// Run runs press with args, writing its messages in language lang, and
// returns the process exit code.
func Run(lang msg.Lang, args []string, stdout, stderr io.Writer) int {
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
	root := newRoot(lang, stdout, stderr)
	root.SetArgs(args)
	// An interrupted command removes its temporary and staging directories
	// (the preview server shuts down by itself instead).
	root.PersistentPreRun = func(c *cobra.Command, _ []string) {
		if c.Name() != "serve" {
			stopCleanup = project.HandleInterrupt(func(sig os.Signal) {
				fmt.Fprintln(stderr, lang.T("interrupted", sig))
			})
		}
	}
	cmd, err := root.ExecuteC()
	stopCleanup()
	stopCleanup = func() {}
	if err == nil {
		return ExitOK
	}
	var be *project.Error
	var ue usageError
	var sf silentFailure
	switch {
	case errors.As(err, &sf):
		return ExitBuild
	case errors.As(err, &be):
		printDiagnostics(lang, stderr, be.Diagnostics)
		failed := "build.failed"
		if cmd != nil && cmd.Name() == "pdf" {
			failed = "pdf.failed" // one file set, not a site built
		}
		fmt.Fprintln(stderr, lang.T(failed, len(be.Diagnostics.Errors())))
		return ExitBuild
	case errors.As(err, &ue):
		fmt.Fprintln(stderr, lang.T("error.prefix")+ue.Error())
		fmt.Fprintln(stderr, lang.T("usage.hint"))
		return ExitUsage
	case isCobraUsage(err):
		fmt.Fprintln(stderr, lang.T("error.prefix")+err.Error())
		fmt.Fprintln(stderr, lang.T("usage.hint"))
		return ExitUsage
	}
	fmt.Fprintln(stderr, lang.T("error.prefix")+err.Error())
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

func printDiagnostics(lang msg.Lang, w io.Writer, l diag.List) {
	for _, d := range l {
		fmt.Fprintln(w, d.In(lang))
	}
}

func newRoot(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "press",
		Short:         lang.T("root.short"),
		Long:          lang.T("root.long"),
		Example:       lang.T("root.example"),
		SilenceUsage:  true,
		SilenceErrors: true,
		CompletionOptions: cobra.CompletionOptions{
			DisableDefaultCmd: true,
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	localizeHelp(lang, root)
	root.AddCommand(
		newBuildCmd(lang, stdout, stderr),
		newServeCmd(lang, stdout, stderr),
		newCheckCmd(lang, stdout, stderr),
		newPDFCmd(lang, stdout, stderr),
		newReportCmd(lang, stdout, stderr),
		newPrintCmd(lang, stdout, stderr),
		newImportCmd(lang, stdout, stderr),
		newExportCmd(lang, stdout, stderr),
		newNewCmd(lang, stdout),
		newPublishCmd(lang, stdout, stderr),
		newDeployCmd(lang, stdout, stderr),
		newHooksCmd(lang, stdout),
		newVersionCmd(lang, stdout),
	)
	return root
}

func newVersionCmd(lang msg.Lang, stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: lang.T("version.short"),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(stdout, "press %s (%s)\n", Version, buildInfo())
			return nil
		},
	}
}

// buildInfo names the embedded Hugo version and the Go version.
func buildInfo() string {
	return fmt.Sprintf("hugo %s, %s", project.HugoVersion(), runtime.Version())
}

// localizeHelp replaces cobra's English help and usage headings with the
// ones in language lang.
func localizeHelp(lang msg.Lang, root *cobra.Command) {
	root.SetUsageTemplate(lang.T("usage.template"))
	root.SetHelpTemplate(lang.T("help.template"))
	root.InitDefaultHelpFlag()
	if f := root.Flags().Lookup("help"); f != nil {
		f.Usage = lang.T("flag.help")
	}
	root.SetHelpCommand(&cobra.Command{
		Use:   "help [command]",
		Short: lang.T("help.short"),
		Run: func(c *cobra.Command, args []string) {
			cmd, _, e := c.Root().Find(args)
			if cmd == nil || e != nil {
				c.Print(lang.T("help.unknown", strings.Join(args, " ")))
				c.Root().Usage()
				return
			}
			cmd.InitDefaultHelpFlag()
			cmd.Help()
		},
	})
}

// command returns the command use whose help is the messages key.short,
// key.long and key.example, running run. It takes no arguments unless its
// Args is set.
func command(lang msg.Lang, use, key string, run func(*cobra.Command, []string) error) *cobra.Command {
	return &cobra.Command{
		Use:     use,
		Short:   lang.T(key + ".short"),
		Long:    lang.T(key + ".long"),
		Example: lang.T(key + ".example"),
		Args:    cobra.NoArgs,
		RunE:    run,
	}
}

// group returns the command name that only holds subcommands: run alone,
// it shows its help. Its short help is the message name.short.
func group(lang msg.Lang, name string) *cobra.Command {
	return &cobra.Command{
		Use:   name,
		Short: lang.T(name + ".short"),
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
}

// sourceFlag is the --source flag shared by the commands that read a site.
func addSourceFlag(lang msg.Lang, c *cobra.Command, p *string) {
	c.Flags().StringVarP(p, "source", "s", ".", lang.T("flag.source"))
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
