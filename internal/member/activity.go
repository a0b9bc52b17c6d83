package member

import (
	"crypto/sha256"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
)

var activitySchema = &schema{
	fields: []string{"id", "title", "kind", "start", "end", "location", "department", "audience",
		"speakers", "summary", "registration", "capacity", "counts", "invited", "status", "sequence", "updated", "attendance"},
	required: []string{"id", "title", "kind", "start", "end", "department", "status"},
	labels: map[string]string{
		"id": "标识", "title": "标题", "kind": "活动类型", "start": "开始时间", "end": "结束时间",
		"department": "主办部门", "status": "状态",
	},
}

var speakerSchema = &schema{
	fields:   []string{"name", "affiliation", "title", "topic"},
	required: []string{"name"},
	labels:   map[string]string{"name": "姓名"},
}

var registrationSchema = &schema{
	fields: []string{"url", "deadline"},
}

var attendanceSchema = &schema{
	fields:   []string{"member", "persons", "others"},
	required: []string{"member"},
	labels:   map[string]string{"member": "会员标识"},
}

var chronicleSchema = &schema{
	fields:   []string{"milestones"},
	required: []string{"milestones"},
	labels:   map[string]string{"milestones": "大事记条目"},
}

var milestoneSchema = &schema{
	fields:   []string{"date", "title", "text", "link"},
	required: []string{"date", "title"},
	labels:   map[string]string{"date": "日期", "title": "标题"},
}

// day formats a date as YYYY-MM-DD in clock.Zone.
func day(t time.Time) string { return t.In(clock.Zone).Format("2006-01-02") }

// stamp formats a time as YYYY-MM-DD HH:MM in clock.Zone, or as a day for
// all-day values.
func stamp(t time.Time, allDay bool) string {
	if allDay {
		return day(t)
	}
	return t.In(clock.Zone).Format("2006-01-02 15:04")
}

// ParseActivity reads one activity file. name is the path relative to the
// site (data/activities/<id>.yaml). Checks that need other files
// (attendance naming members) are done by Assemble.
func ParseActivity(lang msg.Lang, name string, src []byte) (*Activity, diag.List) {
	return parseCached(lang, name, src, [sha256.Size]byte{}, nil, decodeActivity)
}

// clone is a copy of a that Assemble can change without changing a: the
// attendance (whose persons it rewrites) is copied, the lists it only
// reads are shared, and the invitation index is left to be built again.
func (a *Activity) clone() *Activity {
	c := *a
	c.invited = nil
	if a.Attendance != nil {
		c.Attendance = make([]Attendance, len(a.Attendance))
		for i, at := range a.Attendance {
			at.Persons = slices.Clone(at.Persons)
			c.Attendance[i] = at
		}
	}
	return &c
}

// decodeActivity decodes the activity file name (bytes src).
func decodeActivity(lang msg.Lang, name string, src []byte, c *ParseCache) (*Activity, diag.List) {
	d, fs, ok := openFileCached(lang, name, src, "activity", activitySchema, c)
	if !ok {
		return nil, d.diags
	}
	a := &Activity{}
	a.ID, a.Pos = d.id(fs, name)
	a.Title = d.text(fs, "title")
	a.Kind = d.choice(fs, "kind", Kinds)
	var startAllDay, endAllDay bool
	a.Start, startAllDay, a.startPos = d.dateTime(fs, "start")
	a.End, endAllDay, a.endPos = d.dateTime(fs, "end")
	a.AllDay = startAllDay
	if !a.Start.IsZero() && !a.End.IsZero() {
		switch {
		case startAllDay != endAllDay:
			d.errorAt(a.endPos, d.tr(HintTimeFormat), MsgMixedAllDay)
		case a.End.Before(a.Start):
			d.errorAt(a.endPos, "", MsgEndBeforeStart, stamp(a.End, endAllDay), stamp(a.Start, startAllDay))
		}
	}
	a.Location = d.optText(fs, "location")
	a.Department = d.choice(fs, "department", Departments)
	a.Audience = AudienceAll
	if f, has := fs["audience"]; has && f.value != nil {
		a.Audience = d.choice(fs, "audience", Audiences)
	}
	for _, item := range d.list(fs, "speakers") {
		sfs, ok := d.object(item, "speaker", d.pos(item), speakerSchema)
		if !ok {
			continue
		}
		a.Speakers = append(a.Speakers, Speaker{
			Name:        d.text(sfs, "name"),
			Affiliation: d.optText(sfs, "affiliation"),
			Title:       d.optText(sfs, "title"),
			Topic:       d.optText(sfs, "topic"),
		})
	}
	a.Summary = d.optText(fs, "summary")
	if f, has := fs["registration"]; has && f.value != nil {
		if rfs, ok := d.object(f.value, "registration", f.keyPos, registrationSchema); ok {
			a.Registration.URL = d.url(rfs, "url")
			var deadlineAllDay bool
			a.Registration.Deadline, deadlineAllDay, a.deadlinePos = d.dateTime(rfs, "deadline")
			if deadlineAllDay && !a.Registration.Deadline.IsZero() {
				// A deadline written as a day means the end of that day.
				a.Registration.Deadline = a.Registration.Deadline.Add(24*time.Hour - time.Second)
			}
			if !a.Registration.Deadline.IsZero() && !a.Start.IsZero() {
				limit := a.Start
				if a.AllDay {
					limit = a.Start.Add(24*time.Hour - time.Second)
				}
				if a.Registration.Deadline.After(limit) {
					d.errorAt(a.deadlinePos, "", MsgDeadlineAfter,
						stamp(a.Registration.Deadline, deadlineAllDay), stamp(a.Start, a.AllDay))
				}
			}
		}
	}
	a.Capacity, _ = d.integer(fs, "capacity", 0, 1_000_000)
	if f := fs["counts"]; f.value != nil {
		counts, _ := d.boolean(fs, "counts")
		a.Uncounted = !counts
	}
	invited, invitedPos := d.strings(fs, "invited")
	seenInvited := map[string]bool{}
	for i, id := range invited {
		id = strings.TrimSpace(id)
		if seenInvited[id] {
			d.errorAt(invitedPos[i], "", MsgDuplicateInvited, id)
			continue
		}
		seenInvited[id] = true
		a.Invited = append(a.Invited, id)
		a.invitedPos = append(a.invitedPos, invitedPos[i])
	}
	a.Status = d.choice(fs, "status", ActivityStatuses)
	a.statusPos = d.pos(fs["status"].value)
	a.Sequence, _ = d.integer(fs, "sequence", 0, 1_000_000)
	a.Updated, _, _ = d.dateTime(fs, "updated")
	items := d.list(fs, "attendance")
	if len(items) > 0 && a.Status != "" && a.Status != StatusHeld {
		d.errorAt(fs["attendance"].keyPos, "", MsgAttendanceStatus, a.Status)
	}
	seen := map[string]bool{}
	people := 0
	for _, item := range items {
		afs, ok := d.object(item, "attendance", d.pos(item), attendanceSchema)
		if !ok {
			continue
		}
		at := Attendance{Member: strings.TrimSpace(d.text(afs, "member"))}
		at.Pos = d.pos(afs["member"].value)
		at.Persons, at.personPos = d.strings(afs, "persons")
		at.Others, _ = d.integer(afs, "others", 0, 100_000)
		if at.Member == "" {
			continue
		}
		if seen[at.Member] {
			d.errorAt(at.Pos, "", MsgDuplicateAttend, at.Member)
			continue
		}
		seen[at.Member] = true
		names := map[string]bool{}
		for i, p := range at.Persons {
			if names[p] {
				d.errorAt(at.personPos[i], "", MsgDuplicatePerson, p)
			}
			names[p] = true
		}
		if len(at.Persons) == 0 && at.Others == 0 {
			d.errorAt(at.Pos, d.tr(HintAttendRep), MsgEmptyAttendance, at.Member)
		}
		people += len(at.Persons) + at.Others
		a.Attendance = append(a.Attendance, at)
	}
	if a.Capacity > 0 && people > a.Capacity {
		d.warnAt(d.pos(fs["capacity"].value), "", MsgOverCapacity, people, a.Capacity)
	}
	return a, d.diags
}

// ParseChronicle reads data/chronicle.yaml: a mapping with a milestones
// list of {date, title, text, link}.
func ParseChronicle(lang msg.Lang, name string, src []byte) ([]Milestone, diag.List) {
	d, fs, ok := openFile(lang, name, src, "chronicle", chronicleSchema)
	if !ok {
		return nil, d.diags
	}
	var out []Milestone
	for _, item := range d.list(fs, "milestones") {
		mfs, ok := d.object(item, "milestone", d.pos(item), milestoneSchema)
		if !ok {
			continue
		}
		m := Milestone{Pos: d.pos(item)}
		m.Date, _ = d.date(mfs, "date")
		m.Title = d.text(mfs, "title")
		m.Text = d.optText(mfs, "text")
		m.Link = d.url(mfs, "link")
		if !m.Date.IsZero() && m.Title != "" {
			out = append(out, m)
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Date.Equal(out[j].Date) {
			return out[i].Date.Before(out[j].Date)
		}
		return out[i].Title < out[j].Title
	})
	return out, d.diags
}
