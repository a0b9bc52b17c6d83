package cli

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

func newDeployCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts project.DeployOptions
	var site siteFlags
	var verbose, confirm, invalidate bool
	var maxDeletes int
	c := command(lang, "deploy [TARGET]", "deploy", func(c *cobra.Command, args []string) error {
		p, err := site.open(lang)
		if err != nil {
			return err
		}
		opts.Build.Progress, opts.Build.Terminal = stderr, isTerminal(stderr)
		opts.Warn = func(w string) { fmt.Fprintln(stderr, lang.T("deploy.warning", w)) }
		opts.Built = func(res *project.BuildResult) {
			printDiagnostics(lang, stderr, res.Warnings)
			printBuilt(lang, stderr, res, false)
		}
		if len(args) == 1 {
			opts.Target = args[0]
		}
		f := c.Flags()
		if f.Changed("max-deletes") {
			opts.MaxDeletes = &maxDeletes
		}
		if f.Changed("confirm") {
			opts.Confirm = &confirm
		}
		if f.Changed("invalidate-cdn") {
			opts.InvalidateCDN = &invalidate
		}
		in := bufio.NewReader(c.InOrStdin())
		opts.Ask = func(plan *project.DeployResult) (bool, error) {
			fmt.Fprint(stdout, lang.T("deploy.confirm", len(plan.Uploads), len(plan.Deletes), plan.Target))
			line, err := in.ReadString('\n')
			if err != nil && line == "" {
				return false, nil
			}
			a := strings.ToLower(strings.TrimSpace(line))
			return a == "y" || a == "yes" || a == "是", nil
		}
		opts.HookOutput = stderr
		r, err := p.Deploy(context.Background(), opts)
		if err != nil {
			if r != nil {
				// Deployed, but the refresh that follows failed.
				fmt.Fprintln(stdout, lang.T("deploy.done", r.Target, len(r.Uploads), r.UploadSize, len(r.Deletes), r.Elapsed.Round(time.Millisecond)))
			}
			return err
		}
		printDeploy(lang, stdout, stderr, r, verbose)
		return nil
	})
	c.Args = cobra.MaximumNArgs(1)
	addBuildFlags(lang, c, &opts.Build, &site)
	f := c.Flags()
	f.BoolVar(&opts.DryRun, "dry-run", false, lang.T("flag.deploy.dryrun"))
	f.BoolVar(&opts.Force, "force", false, lang.T("flag.deploy.force"))
	f.BoolVar(&opts.ForceUpload, "force-upload", false, lang.T("flag.deploy.upload"))
	f.IntVar(&maxDeletes, "max-deletes", 0, lang.T("flag.deploy.maxdel"))
	f.BoolVar(&confirm, "confirm", false, lang.T("flag.deploy.confirm"))
	f.BoolVar(&invalidate, "invalidate-cdn", false, lang.T("flag.deploy.cdn"))
	f.IntVar(&opts.Workers, "workers", 0, lang.T("flag.deploy.workers"))
	f.BoolVarP(&verbose, "verbose", "v", false, lang.T("flag.deploy.verbose"))
	return c
}

func printDeploy(lang msg.Lang, stdout, stderr io.Writer, r *project.DeployResult, verbose bool) {
	for _, w := range r.Warnings {
		fmt.Fprintln(stderr, lang.T("deploy.warning", w))
	}
	fmt.Fprintln(stdout, lang.T("deploy.target", r.Target, r.URL))
	if r.DryRun || verbose {
		for _, u := range r.Uploads {
			fmt.Fprintln(stdout, lang.T("deploy.upload", u.Path, u.Reason, u.Size))
		}
		for _, d := range r.Deletes {
			fmt.Fprintln(stdout, lang.T("deploy.delete", d))
		}
	}
	elapsed := r.Elapsed.Round(time.Millisecond)
	switch {
	case r.DryRun:
		fmt.Fprintln(stdout, lang.T("deploy.dryrun", len(r.Uploads), r.UploadSize, len(r.Deletes)))
		if len(r.RefreshCommand) > 0 && len(r.URLs) > 0 {
			fmt.Fprintln(stdout, lang.T("deploy.wouldrefresh", r.RefreshCommand[0], len(r.URLs)))
		}
		return
	case !r.Changed():
		fmt.Fprintln(stdout, lang.T("deploy.nochange", r.Target, elapsed))
		return
	case r.Kind == project.DeploySFTP:
		fmt.Fprintln(stdout, lang.T("deploy.done.sftp", r.Target, len(r.Uploads), r.UploadSize, len(r.Deletes), r.Unchanged, r.Release, elapsed))
	default:
		fmt.Fprintln(stdout, lang.T("deploy.done", r.Target, len(r.Uploads), r.UploadSize, len(r.Deletes), elapsed))
	}
	if r.Refreshed {
		fmt.Fprintln(stdout, lang.T("deploy.refreshed", r.RefreshCommand[0], len(r.URLs)))
	}
}
