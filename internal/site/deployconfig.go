package site

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/bep/logg"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deploy/deployconfig"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/zzia/press/internal/siteconfig"
)

// Deployment is the deployment section of a site's configuration (Hugo's
// [deployment]: targets, matchers, order and the settings of hugo deploy),
// read through Hugo's own configuration loading, so environment-specific
// files (config/production/) apply as they do to builds.
type Deployment struct {
	// Targets are the deployment targets, in the configuration's order.
	Targets []DeployTarget
	// Matchers is the number of matchers (Cache-Control, Content-Type, gzip
	// rules for object storage); Hugo applies them.
	Matchers int
	// MaxDeletes is the most files one deploy may delete; -1 means no limit.
	MaxDeletes int
	// Confirm asks before changing the target.
	Confirm bool
	// DryRun only reports what would change.
	DryRun bool
	// Force uploads every file, changed or not.
	Force bool
	// InvalidateCDN invalidates the target's CloudFront or Google Cloud CDN
	// cache after a deploy (Hugo's own feature).
	InvalidateCDN bool
	// Workers is the number of files transferred at once.
	Workers int
	// BaseURL is the site's resolved base URL.
	BaseURL string
}

// DeployTarget is one entry of deployment.targets. Besides Hugo's keys it
// carries press's own, which Hugo ignores.
type DeployTarget struct {
	// Name is how the target is chosen ("press deploy NAME").
	Name string
	// URL is a Go CDK bucket URL (s3://, gs://, azblob://, file://) for
	// Hugo's deploy, or sftp://user@host[:port]/dir for press's own.
	URL string
	// CloudFrontDistributionID and GoogleCloudCDNOrigin name the CDN Hugo
	// invalidates after a deploy.
	CloudFrontDistributionID string
	GoogleCloudCDNOrigin     string
	// Include and Exclude are glob patterns limiting the files deployed.
	Include, Exclude string
	// StripIndexHTML maps dir/index.html to the key dir/.
	StripIndexHTML bool
	// RefreshCommand (press) is run after a deploy that changed files, with
	// the changed URLs; the program and its arguments, no shell.
	RefreshCommand []string
	// Keep (press, SFTP) is the number of releases kept on the server,
	// the live one included; 0 means the default.
	Keep int
}

// LoadDeployment reads the deployment section of the site in src for the
// given Hugo environment ("" means production).
func LoadDeployment(src, env string) (*Deployment, error) {
	src, err := filepath.Abs(src)
	if err != nil {
		return nil, err
	}
	configs, err := loadConfigOnly(src, env)
	if err != nil {
		return nil, err
	}
	dc, ok := configs.GetFirstLanguageConfig().GetConfigSection(deployconfig.DeploymentConfigKey).(deployconfig.DeployConfig)
	if !ok {
		return nil, fmt.Errorf("%s: no deployment section", src)
	}
	d := &Deployment{
		Matchers:      len(dc.Matchers),
		MaxDeletes:    dc.MaxDeletes,
		Confirm:       dc.Confirm,
		DryRun:        dc.DryRun,
		Force:         dc.Force,
		InvalidateCDN: dc.InvalidateCDN,
		Workers:       dc.Workers,
		BaseURL:       configs.Base.BaseURL,
	}
	raw := rawTargets(configs.LoadingInfo.Cfg.Get(deployconfig.DeploymentConfigKey))
	for i, t := range dc.Targets {
		dt := DeployTarget{
			Name:                     t.Name,
			URL:                      t.URL,
			CloudFrontDistributionID: t.CloudFrontDistributionID,
			GoogleCloudCDNOrigin:     t.GoogleCloudCDNOrigin,
			Include:                  t.Include,
			Exclude:                  t.Exclude,
			StripIndexHTML:           t.StripIndexHTML,
		}
		if i < len(raw) {
			if dt.RefreshCommand, err = stringList(raw[i]["refreshcommand"]); err != nil {
				return nil, fmt.Errorf("deployment target %q: refreshCommand: %w", t.Name, err)
			}
			if k, ok := raw[i]["keep"]; ok {
				n, ok := siteconfig.Int(k)
				if !ok || n < 1 {
					return nil, fmt.Errorf("deployment target %q: keep must be a whole number of at least 1, not %v", t.Name, k)
				}
				dt.Keep = n
			}
		}
		d.Targets = append(d.Targets, dt)
	}
	return d, nil
}

// loadConfigOnly loads the site's configuration the way Build does (no
// HUGO_* variables, our own logger, nothing written into the site) without
// building anything.
func loadConfigOnly(src, env string) (*allconfig.Configs, error) {
	if env == "" {
		env = "production"
	}
	configFile, err := ConfigFile(src)
	if err != nil {
		return nil, err
	}
	cacheDir, err := DefaultCacheDir()
	if err != nil {
		return nil, err
	}
	var logged []string
	logger := loggers.New(loggers.Options{
		Level:  logg.LevelError,
		StdOut: io.Discard,
		StdErr: io.Discard,
		HandlerPost: func(e *logg.Entry) error {
			logged = append(logged, e.Message)
			return nil
		},
	})
	flags := config.New()
	flags.Set("workingDir", src)
	flags.Set("noBuildLock", true)
	flags.Set("cacheDir", filepath.Join(cacheDir, "hugo"))
	flags.Set("resourceDir", filepath.Join(cacheDir, "resources"))
	flags.Set("environment", env)
	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:       flags,
		Fs:          hugofs.Os,
		Filename:    configFile,
		Environment: env,
		Environ:     cleanEnviron(),
		Logger:      logger,
	})
	if err != nil {
		return nil, toBuildError(src, err, logged)
	}
	return configs, nil
}

// rawTargets returns deployment.targets as loaded, keys lower-cased, for
// the keys Hugo's own decoding drops.
func rawTargets(section any) []map[string]any {
	m, err := hmaps.ToStringMapE(section)
	if err != nil {
		return nil
	}
	v, _, ok := hmaps.LookupEqualFold(m, "targets")
	if !ok {
		return nil
	}
	var list []any
	switch l := v.(type) {
	case []any:
		list = l
	case []map[string]any:
		for _, e := range l {
			list = append(list, e)
		}
	}
	var out []map[string]any
	for _, e := range list {
		em, _ := hmaps.ToStringMapE(e)
		lower := map[string]any{}
		for k, v := range em {
			lower[strings.ToLower(k)] = v
		}
		out = append(out, lower)
	}
	return out
}

func stringList(v any) ([]string, error) {
	switch l := v.(type) {
	case nil:
		return nil, nil
	case string:
		return nil, fmt.Errorf("write the command as a list of words, e.g. [\"aliyun\", \"cdn\", \"RefreshObjectCaches\", …], not %q", l)
	case []string:
		return l, nil
	case []any:
		var out []string
		for _, e := range l {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("every word must be a string, not %v", e)
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("expected a list of strings, not %T", v)
}
