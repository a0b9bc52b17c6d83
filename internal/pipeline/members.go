package pipeline

import (
	"maps"
	"reflect"
	"strings"
	"sync"
	"time"

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
// prev are the private values of an earlier load, or nil (collectSecrets);
// k, when not nil, is what the last call made, used again where it was
// made from the same and replaced (the preview's: kept).
func members(opts Options, hist *history.History, gen *generated, prev *secrets, k *kept) (*member.Dataset, *rules.Result, diag.List) {
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
	var cal []ical.File
	var feedDiags diag.List
	var feeds *feedMemo
	var assetsMemo *directory.Encoded
	if k != nil {
		feeds, assetsMemo = &k.feeds, &k.assets
	}
	wg.Go(func() { cal, feedDiags = icalFeeds(opts, hist, ds, feeds) })
	defer wg.Wait()
	pub := directory.Build(ds, res)
	files, err := pub.DataFiles()
	if err != nil {
		return nil, nil, append(l, diag.Diagnostic{Message: err.Error()})
	}
	for _, f := range files {
		gen.addData(strings.TrimSuffix(f.Name, ".json"), jsonRaw(f.Data))
	}
	assets, err := pub.AssetFiles(assetsMemo)
	if err != nil {
		return nil, nil, append(l, diag.Diagnostic{Message: err.Error()})
	}
	for _, f := range assets {
		gen.addAsset(f.Name, f.Data)
	}
	gen.addFile(directoryCSV, pub.Directory.CSV())

	wg.Wait()
	for _, f := range cal {
		gen.addFile(calendarDir+f.Name, f.Data)
	}
	return ds, res, append(l, feedDiags...)
}

// kept is what the preview keeps of one derive for the next, so that an
// edit makes again only what it changes: the iCalendar feeds, and the JSON
// of the directory's and the activities' pages.
type kept struct {
	feeds  feedMemo
	assets directory.Encoded
}

// feedMemo keeps the iCalendar feeds the preview made last, with what
// they were made from, so that an edit of member files (which the feeds
// do not read) does not make them again.
type feedMemo struct {
	key   feedKey
	files []ical.File
}

// feedKey is everything the feeds are made from: the activities' files,
// the day, the site's address, the history and the revision logs.
type feedKey struct {
	activities member.Digests // nil: unknown (never equal)
	today      time.Time
	base       string
	hist       *history.History
	logs       map[string]sequence.Log
}

// same reports whether k and o make the same feeds.
func (k feedKey) same(o feedKey) bool {
	return k.activities != nil && o.activities != nil && maps.Equal(k.activities, o.activities) &&
		k.today.Equal(o.today) && k.base == o.base && k.hist == o.hist && reflect.DeepEqual(k.logs, o.logs)
}

// activityFiles are the digests of the activities' files among files
// (nil when files is).
func activityFiles(files member.Digests) member.Digests {
	if files == nil {
		return nil
	}
	out := member.Digests{}
	for name, sum := range files {
		if strings.HasPrefix(name, member.ActivitiesDir+"/") {
			out[name] = sum
		}
	}
	return out
}

// icalFeeds makes the iCalendar feeds of the activities in ds, with their
// revisions from the site's history when hist is not nil, or takes them
// from memo (which may be nil) when they were made from the same.
func icalFeeds(opts Options, hist *history.History, ds *member.Dataset, memo *feedMemo) ([]ical.File, diag.List) {
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
	key := feedKey{activities: activityFiles(ds.Files), today: opts.Today, base: base, hist: hist}
	if h := hist; h != nil {
		// An edited activity's LAST-MODIFIED is the date of its last
		// commit; its SEQUENCE counts the commits that changed its time,
		// place or status.
		logs, err := sequence.Read(opts.Source)
		if err != nil {
			l = append(l, diag.Diagnostic{Severity: diag.Warning, Message: err.Error()})
		}
		key.logs = logs
		icalOpts.Revision = func(a *member.Activity) (ical.Revision, bool) {
			f, ok := h.File("data/activities/" + a.ID + ".yaml")
			r := ical.Revision{Modified: f.Modified}
			if lg, known := logs[a.ID]; known {
				r.Sequence, r.Counted, ok = lg.Sequence(a), true, true
			}
			return r, ok
		}
	}
	if memo != nil && memo.key.same(key) {
		return memo.files, l
	}
	files := ical.Feeds(ds, icalOpts)
	if memo != nil {
		memo.key, memo.files = key, files
	}
	return files, l
}
