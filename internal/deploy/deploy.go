// Package deploy puts a built site where it is served: S3-compatible object
// storage (Alibaba Cloud OSS, Tencent COS, Huawei OBS, AWS S3, MinIO,
// SeaweedFS) and the other Go CDK buckets through Hugo's own deploy, or the
// association's own server over SFTP, where each deploy becomes a new
// release directory switched in atomically.
//
// Targets are the site's deployment configuration (Hugo's [deployment]
// section). Only changed files are uploaded; a deploy that would delete more
// than maxDeletes files is refused before anything changes; a dry run
// reports what would change. Credentials come from the environment and the
// usual credential files only, and are removed from every message.
package deploy

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/zzia/press/internal/site"
)

// Environment variables press reads for SFTP credentials.
const (
	// KeyVar names a private key file for SFTP targets.
	KeyVar = "PRESS_SFTP_KEY"
	// PassphraseVar holds the passphrase of that key, if it has one.
	PassphraseVar = "PRESS_SFTP_KEY_PASSPHRASE"
	// PasswordVar holds a password for SFTP targets (servers without keys).
	PasswordVar = "PRESS_SFTP_PASSWORD"
	// KnownHostsVar names known_hosts files (separated by the list
	// separator, ":" on Unix) instead of ~/.ssh/known_hosts.
	KnownHostsVar = "PRESS_SFTP_KNOWN_HOSTS"
)

// Kind is how a target is deployed to.
type Kind string

// Kinds of targets.
const (
	// ObjectStorage is a Go CDK bucket (s3://, gs://, azblob://, file://),
	// deployed to by Hugo's deploy.
	ObjectStorage Kind = "object-storage"
	// SFTP is a directory on a server reached over SSH.
	SFTP Kind = "sftp"
)

// Options says what to deploy where.
type Options struct {
	// Source is the site directory; its deployment configuration is read.
	Source string
	// Dir is the built site to deploy.
	Dir string
	// Environment is the Hugo environment of the configuration ("" is production).
	Environment string
	// Target is the name of a deployment target; "" means the first.
	Target string
	// DryRun reports what would change and changes nothing (also when the
	// configuration sets dryRun).
	DryRun bool
	// ForceUpload uploads every file, changed or not (also when the
	// configuration sets force).
	ForceUpload bool
	// MaxDeletes, when not nil, replaces the configuration's maxDeletes
	// (-1: no limit).
	MaxDeletes *int
	// Confirm, when not nil, replaces the configuration's confirm.
	Confirm *bool
	// InvalidateCDN, when not nil, replaces the configuration's invalidateCDN.
	InvalidateCDN *bool
	// Ask is called, when confirmation is on, with the plan before anything
	// changes; false aborts the deploy (ErrAborted).
	Ask func(*Result) (bool, error)
	// BaseURL replaces the site's base URL in the changed URLs.
	BaseURL string
	// Workers is the number of parallel transfers; 0 means the configuration's.
	Workers int
	// HookOutput receives the refresh command's output, redacted; nil discards it.
	HookOutput io.Writer
	// Getenv and Environ give the environment (credentials, settings); nil
	// means the process's.
	Getenv  func(string) string
	Environ []string
	// Now gives the time that names an SFTP release; nil means time.Now.
	Now func() time.Time
}

// Change is one file a deploy uploads.
type Change struct {
	// Path is the file's path in the site, slash-separated.
	Path string
	// Size is the number of bytes sent, as Hugo reports it for object
	// storage ("12 kB") or exact for SFTP.
	Size string
	// Reason says why it is uploaded ("not found at target", "md5 differs", …).
	Reason string
}

// Result reports a deploy (or, for a dry run or a refusal, its plan).
type Result struct {
	// Target is the target's name; URL its URL without credentials.
	Target, URL string
	// Kind is how the target was deployed to.
	Kind Kind
	// DryRun reports that nothing was changed on purpose.
	DryRun bool
	// Uploads and Deletes are the changes: made, or planned by a dry run.
	Uploads []Change
	Deletes []string
	// Unchanged is the number of files already up to date (SFTP; -1 when
	// unknown).
	Unchanged int
	// UploadSize is the total sent, in Hugo's words (object storage) or bytes.
	UploadSize string
	// Release is the new release directory (SFTP), empty when none was made.
	Release string
	// URLs are the public URLs of the changed files (for a CDN refresh).
	URLs []string
	// Refreshed reports that the refresh command ran and succeeded.
	Refreshed bool
	// RefreshCommand is the refresh command that ran or would run.
	RefreshCommand []string
	// Warnings are problems that did not stop the deploy.
	Warnings []string
	// Elapsed is the wall time of the deploy.
	Elapsed time.Duration
}

// Changed reports whether the deploy changed (or would change) anything.
func (r *Result) Changed() bool { return len(r.Uploads)+len(r.Deletes) > 0 }

// Errors a deploy returns; match them with errors.Is or errors.As.
var (
	// ErrNoTargets: the site's configuration has no deployment targets.
	ErrNoTargets = errors.New("the site's configuration has no deployment targets")
	// ErrAborted: the deploy was not confirmed.
	ErrAborted = errors.New("deploy aborted: nothing was changed")
)

// UnknownTargetError is returned for a target name the configuration lacks.
type UnknownTargetError struct {
	Name  string
	Known []string
}

func (e *UnknownTargetError) Error() string {
	return fmt.Sprintf("no deployment target %q (the configuration has: %s)", e.Name, strings.Join(e.Known, ", "))
}

// TooManyDeletesError is returned, before anything changes, when a deploy
// would delete more files than maxDeletes allows.
type TooManyDeletesError struct {
	Target  string
	Deletes int
	Max     int
	// Plan is what the deploy would have done.
	Plan *Result
}

func (e *TooManyDeletesError) Error() string {
	return fmt.Sprintf("deploy to %s would delete %d files, more than maxDeletes (%d); nothing was changed (raise maxDeletes in the deployment configuration or pass --max-deletes if this is intended)", e.Target, e.Deletes, e.Max)
}

// AuthError is returned when the target refused the credentials; nothing
// was changed.
type AuthError struct {
	Target string
	// Hint says where the credentials come from.
	Hint string
	Err  error
}

func (e *AuthError) Error() string {
	return fmt.Sprintf("%s refused the credentials; nothing was changed. %s (%v)", e.Target, e.Hint, e.Err)
}

// Unwrap returns the underlying error.
func (e *AuthError) Unwrap() error { return e.Err }

// RefreshError is returned when the deploy succeeded but the CDN refresh
// command failed.
type RefreshError struct {
	Command string
	Err     error
	// Result is the deploy that did succeed.
	Result *Result
}

func (e *RefreshError) Error() string {
	return fmt.Sprintf("the site was deployed, but the refresh command %s failed: %v", e.Command, e.Err)
}

// Unwrap returns the underlying error.
func (e *RefreshError) Unwrap() error { return e.Err }

// settings are one deploy's resolved options.
type settings struct {
	opts       Options
	target     site.DeployTarget
	maxDeletes int
	confirm    bool
	dryRun     bool
	force      bool
	invalidate bool
	workers    int
	baseURL    string
	red        *Redactor
	getenv     func(string) string
}

// Run deploys the built site in opts.Dir to a target of the site's
// deployment configuration. It plans first (what to upload, what to
// delete), refuses a plan deleting more than maxDeletes files, asks when
// confirmation is on, applies the plan, and then runs the target's refresh
// command with the changed URLs. Errors never contain credentials.
func Run(ctx context.Context, opts Options) (*Result, error) {
	start := time.Now()
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	if opts.Environ == nil {
		opts.Environ = os.Environ()
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	red := NewRedactor(opts.Getenv, opts.Environ)
	if fi, err := os.Stat(opts.Dir); err != nil {
		return nil, fmt.Errorf("deploy: built site: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("deploy: built site %s is not a directory", opts.Dir)
	}
	dep, err := site.LoadDeployment(opts.Source, opts.Environment)
	if err != nil {
		return nil, err
	}
	tgt, err := chooseTarget(dep.Targets, opts.Target)
	if err != nil {
		return nil, err
	}
	s := &settings{
		opts:       opts,
		target:     tgt,
		maxDeletes: dep.MaxDeletes,
		confirm:    dep.Confirm,
		dryRun:     opts.DryRun || dep.DryRun,
		force:      opts.ForceUpload || dep.Force,
		invalidate: dep.InvalidateCDN,
		workers:    dep.Workers,
		baseURL:    dep.BaseURL,
		red:        red,
		getenv:     opts.Getenv,
	}
	if opts.MaxDeletes != nil {
		s.maxDeletes = *opts.MaxDeletes
	}
	if opts.Confirm != nil {
		s.confirm = *opts.Confirm
	}
	if opts.InvalidateCDN != nil {
		s.invalidate = *opts.InvalidateCDN
	}
	if opts.Workers > 0 {
		s.workers = opts.Workers
	}
	if s.workers <= 0 {
		s.workers = 10
	}
	if opts.BaseURL != "" {
		s.baseURL = opts.BaseURL
	}

	var d deployer
	u, err := url.Parse(tgt.URL)
	if err != nil {
		return nil, red.Error(fmt.Errorf("deployment target %q: bad URL: %w", tgt.Name, err))
	}
	kind := ObjectStorage
	if strings.EqualFold(u.Scheme, "sftp") {
		kind = SFTP
		sd, err := newSFTPDeployer(s, u)
		if err != nil {
			return nil, red.Error(err)
		}
		d = sd
	} else {
		d = &hugoDeployer{s: s}
	}
	defer d.close()

	res, err := run(ctx, s, d)
	if res != nil {
		res.Target, res.URL, res.Kind = tgt.Name, redactURL(tgt.URL), kind
		res.Elapsed = time.Since(start)
		for i, w := range res.Warnings {
			res.Warnings[i] = red.String(w)
		}
	}
	var tm *TooManyDeletesError
	if errors.As(err, &tm) {
		tm.Plan = res
	}
	var re *RefreshError
	if errors.As(err, &re) {
		re.Result = res
		re.Err = red.Error(re.Err)
	}
	var ae *AuthError
	if errors.As(err, &ae) {
		ae.Err = red.Error(ae.Err)
	}
	return res, red.Error(err)
}

// deployer is one kind of target: it plans a deploy, then applies the plan.
type deployer interface {
	plan(ctx context.Context) (*Result, error)
	apply(ctx context.Context, plan *Result) (*Result, error)
	close()
}

func run(ctx context.Context, s *settings, d deployer) (*Result, error) {
	plan, err := d.plan(ctx)
	if err != nil {
		return plan, err
	}
	plan.URLs = changedURLs(s.baseURL, plan)
	plan.RefreshCommand = s.target.RefreshCommand
	if s.maxDeletes >= 0 && len(plan.Deletes) > s.maxDeletes {
		return plan, &TooManyDeletesError{Target: s.target.Name, Deletes: len(plan.Deletes), Max: s.maxDeletes}
	}
	if s.dryRun {
		plan.DryRun = true
		return plan, nil
	}
	if !plan.Changed() {
		return plan, nil
	}
	if s.confirm {
		if s.opts.Ask == nil {
			return plan, errors.New("the deployment configuration asks for confirmation (confirm = true) but there is no one to ask; pass --confirm=false")
		}
		ok, err := s.opts.Ask(plan)
		if err != nil {
			return plan, err
		}
		if !ok {
			return plan, ErrAborted
		}
	}
	res, err := d.apply(ctx, plan)
	if err != nil {
		return res, err
	}
	res.URLs = changedURLs(s.baseURL, res)
	res.RefreshCommand = s.target.RefreshCommand
	if len(s.target.RefreshCommand) > 0 && len(res.URLs) > 0 {
		if err := refresh(ctx, s, res); err != nil {
			return res, &RefreshError{Command: s.target.RefreshCommand[0], Err: err}
		}
		res.Refreshed = true
	}
	return res, nil
}

func chooseTarget(targets []site.DeployTarget, name string) (site.DeployTarget, error) {
	if len(targets) == 0 {
		return site.DeployTarget{}, ErrNoTargets
	}
	if name == "" {
		return targets[0], nil
	}
	var known []string
	for _, t := range targets {
		if t.Name == name {
			return t, nil
		}
		known = append(known, t.Name)
	}
	return site.DeployTarget{}, &UnknownTargetError{Name: name, Known: known}
}

// changedURLs are the public URLs of the uploaded and deleted files; a
// directory's index.html also stands for the directory's own URL, which is
// the one visitors (and CDN caches) use.
func changedURLs(base string, r *Result) []string {
	if !strings.HasSuffix(base, "/") {
		base += "/"
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		u := base + strings.TrimPrefix(p, "/")
		if !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	paths := make([]string, 0, len(r.Uploads)+len(r.Deletes))
	for _, c := range r.Uploads {
		paths = append(paths, c.Path)
	}
	paths = append(paths, r.Deletes...)
	sort.Strings(paths)
	for _, p := range paths {
		add(p)
		if p == "index.html" {
			add("")
		} else if strings.HasSuffix(p, "/index.html") {
			add(strings.TrimSuffix(p, "index.html"))
		}
	}
	return out
}

// redactURL returns raw without user information's password.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return userinfo.ReplaceAllString(raw, "${1}:***@")
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			u.User = url.UserPassword(u.User.Username(), "***")
		}
	}
	return u.String()
}
