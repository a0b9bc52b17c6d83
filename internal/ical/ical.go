// Package ical writes the association's activities as iCalendar (RFC 5545)
// feeds: one of all activities, one per kind, and a single-event file per
// activity for "add to calendar".
//
// It uses github.com/arran4/golang-ical to build and serialise the
// calendars. That library folds lines at 75 octets without splitting a
// UTF-8 character and escapes TEXT values, but on Unix it ends lines with a
// bare LF unless told otherwise; every calendar here is serialised with
// CRLF (ics.WithNewLineWindows), and the tests check each line.
//
// The output depends only on the data and the options, never on the clock:
// UIDs come from activity ids, so subscribed calendars update events in
// place instead of adding duplicates. Times are written in the
// association's zone, TZID=Asia/Shanghai, with its VTIMEZONE (UTC+8, no
// daylight saving since 1991), so that a calendar shows 14:00 as the
// organisers wrote it.
package ical

import (
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// UIDDomain is the right-hand side of every UID.
const UIDDomain = "zzia-press"

// TZID is the time zone of every timed event.
const TZID = "Asia/Shanghai"

// ProductID is the calendars' PRODID.
const ProductID = "-//郑州市信息化促进会//press//ZH"

// CalendarName is the name of the feed of all activities.
const CalendarName = "郑州市信息化促进会 活动与培训"

// UID returns the stable UID of an activity: its id at UIDDomain.
func UID(a *member.Activity) string { return a.ID + "@" + UIDDomain }

// Revision is what is known about an activity's edits.
type Revision struct {
	Sequence int       // how many significant revisions it had
	Counted  bool      // Sequence counts them all, cancelling included
	Modified time.Time // when it was last changed
}

// Options says how to write the feeds.
type Options struct {
	// Stamp is the build's date setting. It is LAST-MODIFIED and DTSTAMP
	// of an activity about whose edits nothing is known.
	Stamp time.Time
	// URL returns the absolute URL of an activity's page; nil for none.
	URL func(a *member.Activity) string
	// Revision returns what version control knows of an activity's edits
	// (e.g. the number of commits that changed its file and the time of
	// the last); nil or ok=false when nothing is known.
	Revision func(a *member.Activity) (r Revision, ok bool)
}

// revision decides SEQUENCE and LAST-MODIFIED of an activity:
//
//   - SEQUENCE is the larger of the sequence field editors bump and the
//     count of significant revisions from Options.Revision (the changes of
//     time, place or status in version control). Without that count, a
//     cancelled activity gets one more (cancelling is a significant change,
//     RFC 5545 3.8.7.4).
//   - LAST-MODIFIED is the time from Options.Revision, else the updated
//     field, else Options.Stamp.
//
// DTSTAMP is set to LAST-MODIFIED, so the bytes of a feed change only when
// its data does.
func revision(a *member.Activity, opt Options) (seq int, modified time.Time) {
	seq, modified = a.Sequence, a.Updated
	counted := false
	if opt.Revision != nil {
		if r, ok := opt.Revision(a); ok {
			seq, counted = max(seq, r.Sequence), r.Counted
			if !r.Modified.IsZero() {
				modified = r.Modified
			}
		}
	}
	if a.Status == member.StatusCancelled && !counted {
		seq++
	}
	if modified.IsZero() {
		modified = opt.Stamp
	}
	return seq, modified
}

// File is a generated calendar: a slash-separated name relative to the
// folder the feeds go in, and its bytes.
type File struct {
	Name string
	Data []byte
}

// Feeds returns every calendar file of the activities, names sorted:
// all.ics (every activity), <kind-slug>.ics for each kind with activities
// (e.g. training.ics), and events/<id>.ics for each activity. Each
// activity's event is made and serialised once, for all the calendars that
// hold it.
func Feeds(ds *member.Dataset, opt Options) []File {
	events := make(map[*member.Activity]*sharedEvent, len(ds.Activities))
	eventOf := func(a *member.Activity) ics.Component {
		e := events[a]
		if e == nil {
			e = &sharedEvent{event: event(a, opt)}
			events[a] = e
		}
		return e
	}
	var out []File
	out = append(out, File{"all.ics", calendar(CalendarName, ds.Activities, eventOf)})
	for _, k := range member.Kinds {
		if acts := ofKind(ds.Activities, k.Value); len(acts) > 0 {
			out = append(out, File{KindFile(k.Value), calendar(CalendarName+" · "+k.Value, acts, eventOf)})
		}
	}
	for _, a := range ds.Activities {
		out = append(out, File{EventFile(a), singleEvent(a, eventOf)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// sharedEvent is an activity's event in the calendars of Feeds: it is
// serialised once, and its bytes are written again into each calendar
// serialised the same way.
type sharedEvent struct {
	event *ics.VEvent
	b     []byte                         // event serialised with config
	cfg   ics.SerializationConfiguration // how b was
}

// UnknownPropertiesIANAProperties is the event's.
func (e *sharedEvent) UnknownPropertiesIANAProperties() []ics.IANAProperty {
	return e.event.UnknownPropertiesIANAProperties()
}

// SubComponents are the event's.
func (e *sharedEvent) SubComponents() []ics.Component { return e.event.SubComponents() }

// SerializeTo writes the event as config says.
func (e *sharedEvent) SerializeTo(w io.Writer, config *ics.SerializationConfiguration) error {
	if e.b == nil || e.cfg != *config {
		var b bytes.Buffer
		if err := e.event.SerializeTo(&b, config); err != nil {
			return err
		}
		e.b, e.cfg = b.Bytes(), *config
	}
	_, err := w.Write(e.b)
	return err
}

// ofKind returns the activities of acts of the kind, in their order: the
// events of that kind's feed.
func ofKind(acts []*member.Activity, kind string) []*member.Activity {
	var out []*member.Activity
	for _, a := range acts {
		if a.Kind == kind {
			out = append(out, a)
		}
	}
	return out
}

// KindFile returns the name of the feed of one kind of activity.
func KindFile(kind string) string { return member.Kinds.Slug(kind) + ".ics" }

// EventFile returns the name of an activity's single-event file.
func EventFile(a *member.Activity) string { return "events/" + a.ID + ".ics" }

// Calendar returns a calendar of the activities, ordered by start then id.
func Calendar(name string, acts []*member.Activity, opt Options) []byte {
	return calendar(name, acts, func(a *member.Activity) ics.Component { return event(a, opt) })
}

// calendar is Calendar with the events eventOf gives.
func calendar(name string, acts []*member.Activity, eventOf func(*member.Activity) ics.Component) []byte {
	sorted := append([]*member.Activity(nil), acts...)
	sort.SliceStable(sorted, func(i, j int) bool {
		if !sorted[i].Start.Equal(sorted[j].Start) {
			return sorted[i].Start.Before(sorted[j].Start)
		}
		return sorted[i].ID < sorted[j].ID
	})
	cal := newCalendar(name)
	for _, a := range sorted {
		cal.Components = append(cal.Components, eventOf(a))
	}
	return serialize(cal)
}

// Event returns a calendar holding one activity, for "add to calendar".
func Event(a *member.Activity, opt Options) []byte {
	return singleEvent(a, func(a *member.Activity) ics.Component { return event(a, opt) })
}

// singleEvent is Event with the event eventOf gives.
func singleEvent(a *member.Activity, eventOf func(*member.Activity) ics.Component) []byte {
	cal := newCalendar(a.Title)
	cal.Components = append(cal.Components, eventOf(a))
	return serialize(cal)
}

func newCalendar(name string) *ics.Calendar {
	cal := ics.NewCalendarFor("zzia")
	cal.SetProductId(ProductID)
	cal.SetCalscale("GREGORIAN")
	cal.SetMethod(ics.MethodPublish)
	cal.SetXWRCalName(clean(name))
	cal.SetXWRTimezone(TZID)
	// The library adds VALUE=DURATION itself.
	cal.SetRefreshInterval("PT12H")
	cal.SetXPublishedTTL("PT12H")
	tz := cal.AddTimezone(TZID)
	std := tz.AddStandard()
	std.AddProperty(ics.ComponentProperty(ics.PropertyDtstart), "19700101T000000")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetfrom), "+0800")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzoffsetto), "+0800")
	std.AddProperty(ics.ComponentProperty(ics.PropertyTzname), "CST")
	return cal
}

func serialize(cal *ics.Calendar) []byte {
	var b bytes.Buffer
	// CRLF as RFC 5545 3.1 requires; the library's default on Unix is LF.
	if err := cal.SerializeTo(&b, ics.WithNewLineWindows); err != nil {
		panic(err) // only for unknown options, which are fixed here
	}
	return b.Bytes()
}

func event(a *member.Activity, opt Options) *ics.VEvent {
	e := ics.NewEvent(UID(a))
	seq, modified := revision(a, opt)
	e.SetDtStampTime(modified)
	if a.AllDay {
		e.SetAllDayStartAt(a.Start.In(clock.Zone))
		// DTEND of a date is exclusive: the day after the last day.
		e.SetAllDayEndAt(a.End.In(clock.Zone).AddDate(0, 0, 1))
	} else {
		e.SetProperty(ics.ComponentPropertyDtStart, local(a.Start), ics.WithTZID(TZID))
		e.SetProperty(ics.ComponentPropertyDtEnd, local(a.End), ics.WithTZID(TZID))
	}
	e.SetSummary(clean(a.Title))
	if a.Location != "" {
		e.SetLocation(clean(a.Location))
	}
	if desc := description(a); desc != "" {
		e.SetDescription(desc)
	}
	e.AddCategory(clean(a.Kind))
	switch a.Status {
	case member.StatusCancelled:
		e.SetStatus(ics.ObjectStatusCancelled)
	default:
		e.SetStatus(ics.ObjectStatusConfirmed)
	}
	e.SetSequence(seq)
	e.SetModifiedAt(modified)
	e.SetProperty(ics.ComponentPropertyTransp, "OPAQUE")
	if opt.URL != nil {
		if u := opt.URL(a); u != "" {
			e.SetURL(u)
		}
	}
	return e
}

// local formats t as a local date-time in the association's zone.
func local(t time.Time) string { return t.In(clock.Zone).Format("20060102T150405") }

// description is the plain text of an activity: the summary, the
// speakers, who organises it and how to register.
func description(a *member.Activity) string {
	var parts []string
	if s := strings.TrimSpace(a.Summary); s != "" {
		parts = append(parts, s)
	}
	for _, s := range a.Speakers {
		line := "主讲：" + s.Name
		if s.Affiliation != "" || s.Title != "" {
			line += "（" + strings.TrimSpace(s.Affiliation+" "+s.Title) + "）"
		}
		if s.Topic != "" {
			line += "：" + s.Topic
		}
		parts = append(parts, line)
	}
	if a.Department != "" {
		parts = append(parts, "主办部门："+a.Department)
	}
	if a.Registration.URL != "" {
		line := "报名：" + a.Registration.URL
		if !a.Registration.Deadline.IsZero() {
			line += fmt.Sprintf("（截止 %s）", a.Registration.Deadline.In(clock.Zone).Format("2006-01-02 15:04"))
		}
		parts = append(parts, line)
	}
	if a.Status == member.StatusCancelled {
		parts = append([]string{"【已取消】"}, parts...)
	}
	return clean(strings.Join(parts, "\n\n"))
}

// clean makes text fit an iCalendar TEXT value: line ends become \n (which
// the library escapes), other control characters become spaces.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n':
			return r
		case r < 0x20 || r == 0x7f:
			return ' '
		}
		return r
	}, s)
}
