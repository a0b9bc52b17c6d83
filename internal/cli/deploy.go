package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/deploy"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/publish"
	"github.com/zzia/press/internal/site"
)

func newDeployCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts pipeline.Options
	var dep deploy.Options
	var today string
	var force, verbose, confirm, invalidate bool
	var maxDeletes int
	c := command(lang, "deploy [TARGET]", "deploy", func(c *cobra.Command, args []string) error {
		if _, err := openResolved(lang, &opts, today); err != nil {
			return err
		}
		if err := refuseDirty(lang, opts.Source, force, stderr); err != nil {
			return err
		}
		// Build first: a failed build is never deployed.
		opts.Progress, opts.Terminal = stderr, isTerminal(stderr)
		res, err := pipeline.Build(opts)
		if err != nil {
			return err
		}
		printDiagnostics(lang, stderr, res.Warnings)
		fmt.Fprintln(stderr, lang.T("build.done", res.Pages, res.Files, res.Dest, res.Elapsed.Round(time.Millisecond)))

		dep.Source, dep.Dir, dep.BaseURL = opts.Source, res.Dest, opts.BaseURL
		if len(args) == 1 {
			dep.Target = args[0]
		}
		f := c.Flags()
		if f.Changed("max-deletes") {
			dep.MaxDeletes = &maxDeletes
		}
		if f.Changed("confirm") {
			dep.Confirm = &confirm
		}
		if f.Changed("invalidate-cdn") {
			dep.InvalidateCDN = &invalidate
		}
		in := bufio.NewReader(c.InOrStdin())
		dep.Ask = func(plan *deploy.Result) (bool, error) {
			fmt.Fprint(stdout, lang.T("deploy.confirm", len(plan.Uploads), len(plan.Deletes), plan.Target))
			line, err := in.ReadString('\n')
			if err != nil && line == "" {
				return false, nil
			}
			a := strings.ToLower(strings.TrimSpace(line))
			return a == "y" || a == "yes" || a == "是", nil
		}
		dep.HookOutput = stderr
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
		defer stop()
		r, err := deploy.Run(ctx, dep)
		if err != nil {
			return deployError(lang, err, stdout)
		}
		printDeploy(lang, stdout, stderr, r, verbose)
		return nil
	})
	c.Args = cobra.MaximumNArgs(1)
	addSourceFlag(lang, c, &opts.Source)
	f := c.Flags()
	f.StringVarP(&opts.Dest, "dest", "d", "", lang.T("flag.dest"))
	f.BoolVar(&dep.DryRun, "dry-run", false, lang.T("flag.deploy.dryrun"))
	f.BoolVar(&force, "force", false, lang.T("flag.deploy.force"))
	f.BoolVar(&dep.ForceUpload, "force-upload", false, lang.T("flag.deploy.upload"))
	f.IntVar(&maxDeletes, "max-deletes", 0, lang.T("flag.deploy.maxdel"))
	f.BoolVar(&confirm, "confirm", false, lang.T("flag.deploy.confirm"))
	f.BoolVar(&invalidate, "invalidate-cdn", false, lang.T("flag.deploy.cdn"))
	f.IntVar(&dep.Workers, "workers", 0, lang.T("flag.deploy.workers"))
	f.BoolVarP(&verbose, "verbose", "v", false, lang.T("flag.deploy.verbose"))
	f.StringVar(&today, "today", "", lang.T("flag.today"))
	f.StringVar(&opts.BaseURL, "base-url", "", lang.T("flag.baseurl"))
	f.StringVar(&opts.CacheDir, "cache-dir", "", lang.T("flag.cachedir"))
	return c
}

// refuseDirty refuses sources with uncommitted changes unless forced, as
// press publish does: what is deployed must be a commit. A site outside
// git cannot be checked; that is said, not refused.
func refuseDirty(lang msg.Lang, src string, force bool, stderr io.Writer) error {
	clean, dirty, err := publish.IsClean(src)
	if errors.Is(err, git.ErrRepositoryNotExists) {
		fmt.Fprintln(stderr, lang.T("deploy.warning", lang.T("deploy.norepo", err)))
		return nil
	}
	if err != nil {
		return err
	}
	if clean || force {
		return nil
	}
	if len(dirty) > 5 {
		dirty = append(dirty[:5], "…")
	}
	return errors.New(lang.T("deploy.dirty", strings.Join(dirty, ", ")))
}

// deployError puts a deploy's error in the user's language; a refused plan
// is shown first.
func deployError(lang msg.Lang, err error, stdout io.Writer) error {
	var tm *deploy.TooManyDeletesError
	var ae *deploy.AuthError
	var ut *deploy.UnknownTargetError
	var re *deploy.RefreshError
	switch {
	case errors.Is(err, deploy.ErrNoTargets):
		return errors.New(lang.T("deploy.notargets"))
	case errors.Is(err, deploy.ErrAborted):
		return errors.New(lang.T("deploy.aborted"))
	case errors.Is(err, site.ErrDeployUnsupported):
		return err
	case errors.As(err, &ut):
		return errors.New(lang.T("deploy.unknown", ut.Name, strings.Join(ut.Known, ", ")))
	case errors.As(err, &tm):
		return errors.New(lang.T("deploy.toomany", tm.Target, tm.Deletes, tm.Max, tm.Deletes))
	case errors.As(err, &ae):
		// The parts were redacted by deploy.Run.
		return errors.New(lang.T("deploy.auth", ae.Target, ae.Hint, ae.Err))
	case errors.As(err, &re):
		fmt.Fprintln(stdout, lang.T("deploy.done", re.Result.Target, len(re.Result.Uploads), re.Result.UploadSize, len(re.Result.Deletes), re.Result.Elapsed.Round(time.Millisecond)))
		return errors.New(lang.T("deploy.refreshfailed", re.Command, re.Err))
	}
	return err
}

func printDeploy(lang msg.Lang, stdout, stderr io.Writer, r *deploy.Result, verbose bool) {
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
	case r.Kind == deploy.SFTP:
		fmt.Fprintln(stdout, lang.T("deploy.done.sftp", r.Target, len(r.Uploads), r.UploadSize, len(r.Deletes), r.Unchanged, r.Release, elapsed))
	default:
		fmt.Fprintln(stdout, lang.T("deploy.done", r.Target, len(r.Uploads), r.UploadSize, len(r.Deletes), elapsed))
	}
	if r.Refreshed {
		fmt.Fprintln(stdout, lang.T("deploy.refreshed", r.RefreshCommand[0], len(r.URLs)))
	}
}
