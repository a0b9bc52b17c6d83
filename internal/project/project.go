// Package project is a site as press has loaded it: its folder, its
// configuration parsed once, the day the run takes as today, and its member
// and activity data, loaded the first time a command needs them and then
// shared. The commands open a project once and hand it to the stages
// (build, check, preview, print, report, publish, deploy), so that no two
// parts of a run read the configuration, the clock or the data
// differently. It sits above the stages: they take the project as a
// *pipeline.Site (see Site), no stage imports this package, and it imports
// only the stages (pipeline, serve, secretariat, publish, deploy, mdpdf,
// scaffold, hooks) and the packages shared by all.
package project

import (
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/siteconfig"
)

// Error is a failed build or a refused input: every problem found, each
// with its position. The commands print its diagnostics and a summary.
type Error = pipeline.Error

// Project is a loaded site.
type Project struct {
	// Dir is the site folder, absolute.
	Dir string
	// Config is the site's configuration file.
	Config *siteconfig.Config
	// Today is the run's today, resolved once (see clock.Resolve).
	Today clock.Today

	given time.Time // the day Open was given (zero: none)
	site  *pipeline.Site
}

// Open loads the site in dir ("" is the current folder): it finds and
// parses its configuration and resolves today from the given day (a
// --today flag; zero when there is none), PRESS_TODAY, SOURCE_DATE_EPOCH
// or the clock. A folder without a configuration file is not a site:
// the error, a *pipeline.Error, says what to do. The project's messages
// (its member data's diagnostics) are in language lang.
func Open(lang msg.Lang, dir string, today time.Time) (*Project, error) {
	s, err := pipeline.OpenSite(lang, dir, today)
	if err != nil {
		return nil, err
	}
	return &Project{Dir: s.Dir, Config: s.Config, Today: s.Today, given: today, site: s}, nil
}

// ParseDay reads a day given on the command line (YYYY-MM-DD), in
// Beijing time, as Open and the commands' date flags take it.
func ParseDay(s string) (time.Time, error) {
	return clock.ParseDay(s)
}

// Site is the project as the pipeline reads it: its folder, configuration
// and today, and its member data, loaded once and shared with the command.
func (p *Project) Site() *pipeline.Site {
	return p.site
}
