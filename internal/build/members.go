package build

import (
	"os"
	"strings"
	"time"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/directory"
	"github.com/zzia/press/internal/ical"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sequence"
	"github.com/zzia/press/internal/site"
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
func members(opts Options, gen *generated) (*member.Dataset, *rules.Result, diag.List) {
	if !hasMemberData(opts.Source) {
		return nil, nil, nil
	}
	ds, l := member.Load(opts.Source, opts.Today)
	if l.HasErrors() {
		return nil, nil, l
	}
	gen.private = collectSecrets(ds)
	res := rules.Derive(ds, opts.Today)
	pub := directory.Build(ds, res)
	files, err := pub.DataFiles()
	if err != nil {
		return nil, nil, append(l, diag.Diagnostic{Message: err.Error()})
	}
	for _, f := range files {
		gen.addData(strings.TrimSuffix(f.Name, ".json"), jsonRaw(f.Data))
	}
	gen.addFile(directoryCSV, pub.Directory.CSV())

	base := opts.BaseURL
	if base == "" {
		base, _ = site.BaseURL(opts.Source)
	}
	base = strings.TrimSuffix(base, "/") + "/"
	icalOpts := ical.Options{
		Stamp: opts.Today,
		URL:   func(a *member.Activity) string { return base + "activities/" + a.ID + "/" },
	}
	if h := opts.history; h != nil {
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
	for _, f := range ical.Feeds(ds, icalOpts) {
		gen.addFile(calendarDir+f.Name, f.Data)
	}
	return ds, res, l
}

// hasMemberData reports whether the site keeps member or activity data.
func hasMemberData(src string) bool {
	for _, d := range []string{"data/members", "data/people", "data/activities", "data/chronicle.yaml"} {
		if _, err := os.Stat(src + string(os.PathSeparator) + d); err == nil {
			return true
		}
	}
	return false
}

// today resolves the date the rules take as today: the option, else
// PRESS_TODAY, else SOURCE_DATE_EPOCH, else the clock's date, in the
// association's time zone.
func today(t time.Time, getenv func(string) string) (time.Time, error) {
	if !t.IsZero() {
		return dayIn(t), nil
	}
	if v := getenv("PRESS_TODAY"); v != "" {
		d, err := time.ParseInLocation("2006-01-02", v, shanghai)
		if err != nil {
			return time.Time{}, err
		}
		return d, nil
	}
	if v := getenv("SOURCE_DATE_EPOCH"); v != "" {
		var sec int64
		for _, c := range v {
			if c < '0' || c > '9' {
				return time.Time{}, &time.ParseError{Value: v, Message: ": SOURCE_DATE_EPOCH must be seconds since 1970"}
			}
			sec = sec*10 + int64(c-'0')
		}
		return dayIn(time.Unix(sec, 0)), nil
	}
	return dayIn(time.Now()), nil
}

var shanghai = time.FixedZone("CST", 8*3600)

func dayIn(t time.Time) time.Time {
	t = t.In(shanghai)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, shanghai)
}
