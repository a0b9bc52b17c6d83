//go:build withdeploy

package site

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/deploy"
	"github.com/gohugoio/hugo/deploy/deployconfig"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/spf13/afero"
)

// DeploySupported reports whether this press was built with Hugo's deploy
// feature (the withdeploy build tag, which make sets).
const DeploySupported = true

// DeployHugo runs Hugo's own deploy (hugo deploy) of the built site in
// opts.Dir to a target of the site's deployment configuration: a Go CDK
// bucket (s3://, gs://, azblob://, file://). Hugo compares files by MD5 and
// uploads only the changed ones, with the headers and gzip of the
// configuration's matchers, in its order; deletes are bounded by
// opts.MaxDeletes. With opts.DryRun nothing is changed and the result lists
// what would be.
//
// Credentials are the cloud SDKs' own: the environment and their usual
// credential files. Errors keep the chain of the storage's error, so callers
// can tell refused credentials from other failures.
func DeployHugo(ctx context.Context, opts HugoDeployOptions) (*HugoDeployResult, error) {
	hugoMu.Lock()
	defer hugoMu.Unlock()

	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return nil, err
	}
	dir, err := filepath.Abs(opts.Dir)
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(dir); err != nil {
		return nil, err
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	configs, err := loadConfigOnly(src, opts.Environment)
	if err != nil {
		return nil, err
	}
	cfg := configs.GetFirstLanguageConfig()
	dc, ok := cfg.GetConfigSection(deployconfig.DeploymentConfigKey).(deployconfig.DeployConfig)
	if !ok {
		return nil, errors.New("no deployment configuration")
	}
	dc.Target = opts.Target
	dc.DryRun = opts.DryRun
	dc.Force = opts.ForceUpload
	dc.MaxDeletes = opts.MaxDeletes
	dc.InvalidateCDN = opts.InvalidateCDN
	dc.Confirm = false // press asks itself, before the real run
	if opts.Workers > 0 {
		dc.Workers = opts.Workers
	}

	d, err := deploy.New(deployProvider{AllProvider: cfg, dcfg: dc}, loggers.NewDefault(), afero.NewBasePathFs(hugofs.Os, dir))
	if err != nil {
		return nil, err
	}
	var runErr error
	stdout, stderr, err := captureStdio(func() { runErr = d.Deploy(ctx) })
	if err != nil {
		return nil, err
	}
	res, perr := parseDeployOutput(stdout, stderr, opts.DryRun)
	if runErr != nil {
		if res == nil {
			res = &HugoDeployResult{}
		}
		return res, runErr
	}
	if perr != nil {
		return nil, perr
	}
	return res, nil
}

// deployProvider is the site's configuration with the deployment section
// press chose for this run.
type deployProvider struct {
	config.AllProvider
	dcfg deployconfig.DeployConfig
}

// GetConfigSection returns press's deployment section, others as loaded.
func (p deployProvider) GetConfigSection(s string) any {
	if s == deployconfig.DeploymentConfigKey {
		return p.dcfg
	}
	return p.AllProvider.GetConfigSection(s)
}

// BuildExpired is false: Hugo's deployer reads it as "quiet" and would then
// not report what it changes.
func (p deployProvider) BuildExpired() bool { return false }

// captureStdio runs fn with the process's standard output and error sent to
// temporary files and returns what was written. Hugo's deployer ignores the
// logger it is given and prints its report there; hugoMu keeps other builds
// out meanwhile.
func captureStdio(fn func()) (stdout, stderr string, err error) {
	outF, err := os.CreateTemp("", "press-deploy-out-")
	if err != nil {
		return "", "", err
	}
	defer os.Remove(outF.Name())
	defer outF.Close()
	errF, err := os.CreateTemp("", "press-deploy-err-")
	if err != nil {
		return "", "", err
	}
	defer os.Remove(errF.Name())
	defer errF.Close()

	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = outF, errF
	func() {
		defer func() { os.Stdout, os.Stderr = oldOut, oldErr }()
		fn()
	}()
	o, err := os.ReadFile(outF.Name())
	if err != nil {
		return "", "", err
	}
	e, err := os.ReadFile(errF.Name())
	if err != nil {
		return "", "", err
	}
	return string(o), string(e), nil
}
