package project

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/zzia/press/internal/deploy"
	"github.com/zzia/press/internal/publish"
)

// DeployOptions says how Deploy builds the site and where it sends it.
type DeployOptions struct {
	// Build says where and how the site is built first.
	Build BuildOptions
	// Built, when set, is called with the build's result before anything
	// is sent.
	Built func(*BuildResult)
	// Warn, when set, receives problems that do not stop the deploy
	// before it starts (a site outside git, whose changes cannot be
	// checked); those of the deploy itself are in its result.
	Warn func(string)
	// Force deploys sources with uncommitted changes.
	Force bool
	// Target is the name of a deployment target; "" means the first.
	Target string
	// DryRun reports what would change and changes nothing; ForceUpload
	// uploads every file.
	DryRun, ForceUpload bool
	// MaxDeletes, Confirm and InvalidateCDN, when not nil, replace the
	// configuration's settings.
	MaxDeletes    *int
	Confirm       *bool
	InvalidateCDN *bool
	// Workers is the number of parallel transfers; 0: the configuration's.
	Workers int
	// Ask is called, when confirmation is on, with the plan; false aborts.
	Ask func(*DeployResult) (bool, error)
	// HookOutput receives the refresh command's output, redacted.
	HookOutput io.Writer
}

// DeployResult reports a deploy (or, for a dry run, its plan).
type DeployResult = deploy.Result

// DeploySFTP is the kind of a target on a server reached over SSH, where
// each deploy makes a release.
const DeploySFTP = deploy.SFTP

// Deploy builds the site and, only when the build succeeded, sends it to
// a deployment target of its configuration (object storage or SFTP).
// Sources with uncommitted changes are refused unless forced. An
// interruption (or ctx) cancels the transfer. The errors are in the
// project's language; when the site was deployed but the CDN refresh
// failed, the result is returned with the error.
func (p *Project) Deploy(ctx context.Context, opts DeployOptions) (*DeployResult, error) {
	if err := p.refuseDirty(opts.Force, opts.Warn); err != nil {
		return nil, err
	}
	// Build first: a failed build is never deployed.
	res, err := p.Build(opts.Build)
	if err != nil {
		return nil, err
	}
	if opts.Built != nil {
		opts.Built(res)
	}
	dep := deploy.Options{
		Source: p.Dir, Dir: res.Dest, BaseURL: opts.Build.BaseURL, Target: opts.Target,
		DryRun: opts.DryRun, ForceUpload: opts.ForceUpload,
		MaxDeletes: opts.MaxDeletes, Confirm: opts.Confirm, InvalidateCDN: opts.InvalidateCDN,
		Workers: opts.Workers, Ask: opts.Ask, HookOutput: opts.HookOutput,
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt)
	defer stop()
	r, err := deploy.Run(ctx, dep)
	if err != nil {
		return p.deployError(err)
	}
	return r, nil
}

// refuseDirty refuses sources with uncommitted changes unless forced, as
// Publish does: what is deployed must be a commit. A site outside git
// cannot be checked; that is said through warn, not refused.
func (p *Project) refuseDirty(force bool, warn func(string)) error {
	clean, dirty, err := publish.IsClean(p.Dir)
	if errors.Is(err, git.ErrRepositoryNotExists) {
		if warn != nil {
			warn(p.site.Lang.T("deploy.norepo", err))
		}
		return nil
	}
	if err != nil {
		return err
	}
	if clean || force {
		return nil
	}
	return errors.New(p.site.Lang.T("deploy.dirty", dirtyList(dirty)))
}

// deployError puts a deploy's error in the project's language; a failed
// refresh comes with the result of the deploy that preceded it.
func (p *Project) deployError(err error) (*DeployResult, error) {
	lang := p.site.Lang
	var tm *deploy.TooManyDeletesError
	var ae *deploy.AuthError
	var ut *deploy.UnknownTargetError
	var re *deploy.RefreshError
	switch {
	case errors.Is(err, deploy.ErrNoTargets):
		return nil, errors.New(lang.T("deploy.notargets"))
	case errors.Is(err, deploy.ErrAborted):
		return nil, errors.New(lang.T("deploy.aborted"))
	case errors.As(err, &ut):
		return nil, errors.New(lang.T("deploy.unknown", ut.Name, strings.Join(ut.Known, ", ")))
	case errors.As(err, &tm):
		return nil, errors.New(lang.T("deploy.toomany", tm.Target, tm.Deletes, tm.Max, tm.Deletes))
	case errors.As(err, &ae):
		// The parts were redacted by deploy.Run.
		return nil, errors.New(lang.T("deploy.auth", ae.Target, ae.Hint, ae.Err))
	case errors.As(err, &re):
		return re.Result, errors.New(lang.T("deploy.refreshfailed", re.Command, re.Err))
	}
	return nil, err
}
