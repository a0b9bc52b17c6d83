package directory

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/parallel"
	"github.com/zzia/press/internal/rules"
)

var activityStatusLabels = map[string]string{
	member.StatusPlanned:   "即将举办",
	member.StatusHeld:      "已举办",
	member.StatusCancelled: "已取消",
}

// Calendar is the public view of the activities.
type Calendar struct {
	Today string `json:"today"`
	// Activities are all activities by start, then id.
	Activities []Activity `json:"activities"`
	// Upcoming are planned activities ending on or after today, soonest first.
	Upcoming []ActivitySummary `json:"upcoming"`
	// Months groups every activity by the month it starts in, in order.
	Months []Month `json:"months"`
	// Archive groups past activities (ended before today, or held) by year,
	// newest year first and newest activity first.
	Archive []Year `json:"archive"`
	// Kinds counts activities of each kind, in the list's order.
	Kinds []KindCount `json:"kinds"`
	// Index gives each activity's position in Activities by id, so a
	// template finds one without scanning the list.
	Index map[string]int `json:"index"`
	// ActivityShards is the number of files of the activities' pages
	// (Site.AssetFiles).
	ActivityShards int `json:"activity_shards"`
}

// Activity is the public view of one activity.
type Activity struct {
	ID           string        `json:"id"`
	Slug         string        `json:"slug"`
	Title        string        `json:"title"`
	Kind         Term          `json:"kind"`
	Start        string        `json:"start"` // RFC 3339 with +08:00; a date when all day
	End          string        `json:"end"`   // likewise; for all-day activities the last day
	AllDay       bool          `json:"all_day"`
	Date         string        `json:"date"`  // YYYY-MM-DD of the start
	Year         int           `json:"year"`  // of the start
	Month        string        `json:"month"` // YYYY-MM of the start
	When         string        `json:"when"`  // e.g. 2026年3月2日 14:00–17:00
	Location     string        `json:"location,omitempty"`
	Department   Term          `json:"department"`
	Audience     string        `json:"audience"`
	Speakers     []Speaker     `json:"speakers"`
	Summary      string        `json:"summary,omitempty"` // Markdown
	Registration *Registration `json:"registration,omitempty"`
	Capacity     int           `json:"capacity,omitempty"`
	Status       string        `json:"status"`
	StatusLabel  string        `json:"status_label"`
	Upcoming     bool          `json:"upcoming"`
	// Archived says the activity is listed in the archive of its year.
	Archived bool `json:"archived"`
	// Attendance, for held activities: the listed member units that came
	// (by name order), and how many units and people came in all.
	Attendance *Attendance `json:"attendance,omitempty"`
	// Source is the data file the activity is read from (its page's
	// params.source).
	Source string `json:"-"`
}

// Speaker is someone who speaks at an activity.
type Speaker struct {
	Name        string `json:"name"`
	Affiliation string `json:"affiliation,omitempty"`
	Title       string `json:"title,omitempty"`
	Topic       string `json:"topic,omitempty"`
}

// Registration says where and until when to register.
type Registration struct {
	URL      string `json:"url,omitempty"`
	Deadline string `json:"deadline,omitempty"` // RFC 3339
	Open     bool   `json:"open"`               // the deadline (or the start) is not past
}

// MaxUnitsNamed is how many attending units an activity's page names at
// most; a larger meeting gives the counts only, so that the page stays
// small (a general meeting of thousands of members).
const MaxUnitsNamed = 300

// Attendance is the public part of who came.
type Attendance struct {
	Units  []Unit `json:"units"` // empty when more than MaxUnitsNamed came
	Count  int    `json:"unit_count"`
	People int    `json:"people"`
}

// Unit names a member of the directory that attended (members not
// listed, or since treated as withdrawn, are only counted).
type Unit struct {
	ID   string `json:"id"`
	Slug string `json:"slug"`
	Name string `json:"name"`
	Page bool   `json:"page"` // the unit has a page in the directory: always true
}

// ActivitySummary is an activity as listed in the upcoming list, the month
// view and the archive.
type ActivitySummary struct {
	ID          string `json:"id"`
	Slug        string `json:"slug"`
	Title       string `json:"title"`
	Kind        Term   `json:"kind"`
	Date        string `json:"date"`
	When        string `json:"when"`
	Location    string `json:"location,omitempty"`
	Status      string `json:"status"`
	StatusLabel string `json:"status_label"`
}

// Month is the activities starting in one month.
type Month struct {
	Month      string            `json:"month"` // YYYY-MM
	Label      string            `json:"label"` // 2026年3月
	Activities []ActivitySummary `json:"activities"`
}

// Year is the past activities of one year.
type Year struct {
	Year       int               `json:"year"`
	Count      int               `json:"count"`
	Activities []ActivitySummary `json:"activities"`
}

// KindCount counts the activities of one kind.
type KindCount struct {
	Term
	Count int `json:"count"`
}

// BuildCalendar projects the activities of ds onto the public calendar.
// Attendance names only listed members.
func BuildCalendar(ds *member.Dataset, res *rules.Result) *Calendar {
	today := res.Today
	cal := &Calendar{Today: day(today), Activities: []Activity{}, Upcoming: []ActivitySummary{},
		Months: []Month{}, Archive: []Year{}, Index: map[string]int{}, ActivityShards: ActivityShards}
	kinds := map[string]int{}
	units := listedUnits(ds, res)
	// Each activity on its own, side by side (2,000 activities attended by
	// thousands of members are a tenth of a second).
	public := make([]Activity, len(ds.Activities))
	parallel.Each(len(public), func(i int) {
		public[i] = publicActivity(ds.Activities[i], today, units)
	})
	for i, a := range ds.Activities {
		pa := public[i]
		cal.Index[a.ID] = len(cal.Activities)
		cal.Activities = append(cal.Activities, pa)
		kinds[a.Kind]++
		sum := summary(pa)
		if pa.Upcoming {
			cal.Upcoming = append(cal.Upcoming, sum)
		}
		if n := len(cal.Months); n == 0 || cal.Months[n-1].Month != pa.Month {
			t := a.Start.In(clock.Zone)
			cal.Months = append(cal.Months, Month{Month: pa.Month, Label: fmt.Sprintf("%d年%d月", t.Year(), t.Month())})
		}
		m := &cal.Months[len(cal.Months)-1]
		m.Activities = append(m.Activities, sum)
	}
	// The archive: newest first.
	for i := len(ds.Activities) - 1; i >= 0; i-- {
		pa := cal.Activities[i]
		if pa.Upcoming || (pa.Status != member.StatusHeld && !lastDay(ds.Activities[i]).Before(today)) {
			continue
		}
		if n := len(cal.Archive); n == 0 || cal.Archive[n-1].Year != pa.Year {
			cal.Archive = append(cal.Archive, Year{Year: pa.Year})
		}
		y := &cal.Archive[len(cal.Archive)-1]
		cal.Activities[i].Archived = true
		y.Activities = append(y.Activities, summary(pa))
		y.Count++
	}
	for _, k := range member.Kinds {
		cal.Kinds = append(cal.Kinds, KindCount{Term: Term{k.Value, k.Slug}, Count: kinds[k.Value]})
	}
	return cal
}

// lastDay returns the start of the activity's last day.
func lastDay(a *member.Activity) time.Time {
	y, m, d := a.End.In(clock.Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, clock.Zone)
}

// attendingUnits are the listed members as an activity's page names them
// when they came, in SortMembers's order (a list of them is put in it by
// sorting their indexes), with the index of each by id: looked up once per
// member, not once per attendance.
type attendingUnits struct {
	list  []attendingUnit
	index map[string]int32
}

// attendingUnit is a listed member as an activity names it.
type attendingUnit struct {
	named bool // the member is still one (not treated as withdrawn)
	unit  Unit
}

// listedUnits are ds's listed members as activities name them.
func listedUnits(ds *member.Dataset, res *rules.Result) attendingUnits {
	sorted := slices.Clone(ds.Members)
	SortMembers(sorted)
	u := attendingUnits{index: make(map[string]int32, len(sorted))}
	for _, m := range sorted {
		if !m.Listed {
			continue
		}
		st := res.Member(m.ID)
		u.index[m.ID] = int32(len(u.list))
		u.list = append(u.list, attendingUnit{named: st != nil && st.Status != rules.Withdrawn,
			unit: Unit{ID: m.ID, Slug: m.ID, Name: m.Name, Page: true}})
	}
	return u
}

// publicActivity is what the site shows of a as of today; units are the
// members that may be named as attending (listedUnits).
func publicActivity(a *member.Activity, today time.Time, units attendingUnits) Activity {
	start := a.Start.In(clock.Zone)
	pa := Activity{
		ID: a.ID, Slug: a.ID, Title: a.Title, Kind: term(member.Kinds, a.Kind),
		AllDay: a.AllDay, Date: start.Format("2006-01-02"), Year: start.Year(), Month: start.Format("2006-01"),
		When: when(a), Location: a.Location, Department: term(member.Departments, a.Department),
		Audience: a.Audience, Speakers: []Speaker{}, Summary: a.Summary, Capacity: a.Capacity,
		Status: a.Status, StatusLabel: activityStatusLabels[a.Status],
		Upcoming: a.Status == member.StatusPlanned && !lastDay(a).Before(today),
		Source:   a.Pos.File,
	}
	if a.AllDay {
		pa.Start, pa.End = day(a.Start), day(a.End)
	} else {
		pa.Start, pa.End = a.Start.In(clock.Zone).Format(time.RFC3339), a.End.In(clock.Zone).Format(time.RFC3339)
	}
	for _, s := range a.Speakers {
		pa.Speakers = append(pa.Speakers, Speaker(s))
	}
	if a.Registration.URL != "" || !a.Registration.Deadline.IsZero() {
		r := &Registration{URL: a.Registration.URL}
		closes := a.Start
		if !a.Registration.Deadline.IsZero() {
			r.Deadline = a.Registration.Deadline.In(clock.Zone).Format(time.RFC3339)
			closes = a.Registration.Deadline
		}
		r.Open = pa.Upcoming && !closes.Before(today)
		pa.Registration = r
	}
	if a.Held() {
		at := &Attendance{}
		listed := make([]int32, 0, len(a.Attendance))
		for _, x := range a.Attendance {
			at.Count++
			at.People += len(x.Persons) + x.Others
			if i, ok := units.index[x.Member]; ok {
				listed = append(listed, i)
			}
		}
		if len(listed) > MaxUnitsNamed {
			listed = nil
		}
		slices.Sort(listed)
		at.Units = make([]Unit, 0, len(listed))
		for _, i := range listed {
			if u := &units.list[i]; u.named {
				at.Units = append(at.Units, u.unit)
			}
		}
		pa.Attendance = at
	}
	return pa
}

// when formats an activity's time for people: 2026年3月2日 14:00–17:00,
// 2026年3月2日—3月3日 for all-day activities.
func when(a *member.Activity) string {
	s, e := a.Start.In(clock.Zone), a.End.In(clock.Zone)
	date := func(t time.Time) string { return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()) }
	sameDay := s.Year() == e.Year() && s.YearDay() == e.YearDay()
	switch {
	case a.AllDay && sameDay:
		return date(s)
	case a.AllDay:
		return date(s) + "—" + date(e)
	case sameDay:
		return date(s) + " " + s.Format("15:04") + "–" + e.Format("15:04")
	default:
		return date(s) + " " + s.Format("15:04") + " — " + date(e) + " " + e.Format("15:04")
	}
}

func summary(a Activity) ActivitySummary {
	return ActivitySummary{ID: a.ID, Slug: a.Slug, Title: a.Title, Kind: a.Kind, Date: a.Date, When: a.When,
		Location: a.Location, Status: a.Status, StatusLabel: a.StatusLabel}
}

// Chronicle is the association's chronicle (大事记) by year.
type Chronicle struct {
	Years []ChronicleYear `json:"years"` // newest first
}

// ChronicleYear is the entries of one year, in date order.
type ChronicleYear struct {
	Year    int     `json:"year"`
	Entries []Entry `json:"entries"`
}

// Entry is a milestone from data/chronicle.yaml or a held activity.
type Entry struct {
	Date     string `json:"date"`
	Title    string `json:"title"`
	Text     string `json:"text,omitempty"` // Markdown
	Link     string `json:"link,omitempty"`
	Kind     string `json:"kind"`               // "milestone" or "activity"
	Activity string `json:"activity,omitempty"` // the activity's slug
	Category string `json:"category,omitempty"` // the activity's kind
}

// BuildChronicle merges the milestones with the held activities up to the
// rules' day.
func BuildChronicle(ds *member.Dataset, res *rules.Result) *Chronicle {
	type dated struct {
		t time.Time
		e Entry
	}
	var all []dated
	for _, m := range ds.Chronicle {
		all = append(all, dated{m.Date, Entry{Date: day(m.Date), Title: m.Title, Text: m.Text, Link: m.Link, Kind: "milestone"}})
	}
	for _, a := range ds.Activities {
		if a.Held() && a.Start.Before(res.Today.AddDate(0, 0, 1)) {
			all = append(all, dated{a.Start, Entry{Date: day(a.Start), Title: a.Title, Kind: "activity", Activity: a.ID, Category: a.Kind}})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].t.Before(all[j].t) })
	c := &Chronicle{Years: []ChronicleYear{}}
	for _, x := range all {
		y := x.t.In(clock.Zone).Year()
		if n := len(c.Years); n == 0 || c.Years[n-1].Year != y {
			c.Years = append(c.Years, ChronicleYear{Year: y})
		}
		cy := &c.Years[len(c.Years)-1]
		cy.Entries = append(cy.Entries, x.e)
	}
	for i, j := 0, len(c.Years)-1; i < j; i, j = i+1, j-1 {
		c.Years[i], c.Years[j] = c.Years[j], c.Years[i]
	}
	return c
}
