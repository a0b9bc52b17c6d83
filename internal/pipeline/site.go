package pipeline

import (
	"errors"
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/siteconfig"
)

// Site is the loaded site the stages read, as the project hands it to
// the pipeline: its folder, its configuration, today and its member data.
type Site struct {
	// Dir is the site folder, absolute.
	Dir string
	// Config is the site's configuration file.
	Config *siteconfig.Config
	// Today is the run's today.
	Today clock.Today
	// Lang is the language of the run's messages.
	Lang msg.Lang
	// Members returns the member and activity data checked as of today
	// and the membership rules' result, with every problem found (the
	// data nil when there are errors). It is called only for a site that
	// keeps member data (member.HasData).
	Members func() (*member.Dataset, *rules.Result, diag.List)
}

// OpenSite loads the site in source as of today (zero: PRESS_TODAY,
// SOURCE_DATE_EPOCH or the clock), with its member data loaded on first
// use: what a build without a given Site reads. Commands open the site
// through the project, which hands its own loaded data to the pipeline.
// A folder that is not a site is an *Error saying what to do. Messages
// are in language lang.
func OpenSite(lang msg.Lang, source string, today time.Time) (*Site, error) {
	if source == "" {
		source = "."
	}
	abs, err := filepath.Abs(source)
	if err != nil {
		return nil, err
	}
	t, err := clock.Resolve(today, os.Getenv, time.Now)
	if err != nil {
		return nil, err
	}
	cfg, err := siteconfig.Load(abs)
	if err != nil {
		return nil, NotSite(err)
	}
	var once sync.Once
	var ds *member.Dataset
	var res *rules.Result
	var l diag.List
	load := func() (*member.Dataset, *rules.Result, diag.List) {
		once.Do(func() {
			if ds, l = member.Load(lang, abs, t.Day); l.HasErrors() {
				ds = nil
				return
			}
			res = rules.Derive(ds, t.Day)
		})
		return ds, res, l
	}
	return &Site{Dir: abs, Config: cfg, Today: t, Lang: lang, Members: load}, nil
}

// NotSite returns err, the error of opening a site, as an *Error saying
// what to do when the folder has no site configuration.
func NotSite(err error) error {
	if errors.Is(err, siteconfig.ErrNoConfig) {
		return &Error{Diagnostics: diag.List{{Message: err.Error(), Hint: hintNoConfig}}}
	}
	return err
}
