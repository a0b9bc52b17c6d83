package pipeline

import (
	"strings"
	"sync"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/directory"
	"github.com/zzia/press/internal/history"
	"github.com/zzia/press/internal/ical"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sequence"
)

// Paths in the output of the member and activity files press writes itself.
const (
	directoryCSV = "members/directory.csv"
	calendarDir  = "activities/calendar/"
)

// members loads the member and activity data, applies the membership rules
// as of opts.Today, and adds the public directory, calendar and chronicle to
// gen, with the CSV and the iCalendar feeds. It returns the loaded data and
// the derived statuses for later stages (nil when the site has no data).
// prev are the private values of an earlier load, or nil (collectSecrets).
func members(opts Options, hist *history.History, gen *generated, prev *secrets) (*member.Dataset, *rules.Result, diag.List) {
	if !member.HasData(opts.Site.Dir) {
		return nil, nil, nil
	}
	ds, res, l := opts.Site.Members()
	if l.HasErrors() {
		return nil, nil, l
	}
	// The private values and the feeds need only the data: they are made
	// beside the directory, which needs the rules' result too. All three
	// only read ds.
	var wg sync.WaitGroup
	wg.Go(func() { gen.private = collectSecrets(opts.Lang, ds, prev) })
	var feeds []ical.File
	var feedDiags diag.List
	wg.Go(func() { feeds, feedDiags = icalFeeds(opts, hist, ds) })
	defer wg.Wait()
	pub := directory.Build(ds, res)
	files, err := pub.DataFiles()
	if err != nil {
		return nil, nil, append(l, diag.Diagnostic{Message: err.Error()})
	}
	for _, f := range files {
		gen.addData(strings.TrimSuffix(f.Name, ".json"), jsonRaw(f.Data))
	}
	assets, err := pub.AssetFiles()
	if err != nil {
		return nil, nil, append(l, diag.Diagnostic{Message: err.Error()})
	}
	for _, f := range assets {
		gen.addAsset(f.Name, f.Data)
	}
	gen.addFile(directoryCSV, pub.Directory.CSV())

	wg.Wait()
	for _, f := range feeds {
		gen.addFile(calendarDir+f.Name, f.Data)
	}
	return ds, res, append(l, feedDiags...)
}

// icalFeeds makes the iCalendar feeds of the activities in ds, with their
// revisions from the site's history when hist is not nil.
func icalFeeds(opts Options, hist *history.History, ds *member.Dataset) ([]ical.File, diag.List) {
	var l diag.List
	base := opts.BaseURL
	if base == "" {
		base = opts.Site.Config.BaseURL()
	}
	base = strings.TrimSuffix(base, "/") + "/"
	icalOpts := ical.Options{
		Stamp: opts.Today,
		URL:   func(a *member.Activity) string { return base + "activities/" + a.ID + "/" },
	}
	if h := hist; h != nil {
		// An edited activity's LAST-MODIFIED is the date of its last
		// commit; its SEQUENCE counts the commits that changed its time,
		// place or status.
		logs, err := sequence.Read(opts.Source)
		if err != nil {
			l = append(l, diag.Diagnostic{Severity: diag.Warning, Message: err.Error()})
		}
		icalOpts.Revision = func(a *member.Activity) (ical.Revision, bool) {
			f, ok := h.File("data/activities/" + a.ID + ".yaml")
			r := ical.Revision{Modified: f.Modified}
			if lg, known := logs[a.ID]; known {
				r.Sequence, r.Counted, ok = lg.Sequence(a), true, true
			}
			return r, ok
		}
	}
	return ical.Feeds(ds, icalOpts), l
}
