// Package member holds the association's member and activity data: the
// typed model of data/members/*.yaml, data/activities/*.yaml and
// data/chronicle.yaml, and the loaders that read and check them, reporting
// every problem with its file:line:col.
//
// Values are kept as editors wrote them: text containing HTML or script is
// data, and escaping it is the job of whatever renders it.
package member

import (
	"time"
)

// Shanghai is the association's time zone (UTC+8, no daylight saving since
// 1991). A fixed zone keeps builds independent of the machine's tzdata.
var Shanghai = time.FixedZone("CST", 8*60*60)

// Pos is a position in a source file. File is relative to the site
// directory, with forward slashes; Line and Column are 1-based.
type Pos struct {
	File   string
	Line   int
	Column int
}

// Dataset is everything loaded from a site's data directory.
type Dataset struct {
	Members    []*Member   // sorted by ID
	Activities []*Activity // sorted by start, then ID
	Chronicle  []Milestone // sorted by date, then title

	memberByID   map[string]*Member
	activityByID map[string]*Activity
}

// Member returns the member with the given id, or nil.
func (ds *Dataset) Member(id string) *Member { return ds.memberByID[id] }

// Activity returns the activity with the given id, or nil.
func (ds *Dataset) Activity(id string) *Activity { return ds.activityByID[id] }

// Member is one member: a unit (副会长/理事/普通会员单位) or a person
// (个人会员), from one file under data/members/.
type Member struct {
	Pos             Pos    // position of the id field
	ID              string // stable slug, equal to the file name
	Name            string
	ShortName       string
	Level           string // one of Levels
	UnitType        string // one of UnitTypes
	Region          string // one of Regions
	Industry        string // one of Industries
	Joined          time.Time
	Website         string
	Logo            string // path relative to the site's static or assets folder
	Intro           string // public introduction, Markdown
	Listed          bool   // shown in the public directory
	Representatives []*Representative
	Contact         Contact // private
	Fees            []Fee   // private; sorted by year
	Notes           string  // private remarks of the secretariat
}

// Individual reports whether the member is a person rather than a unit.
func (m *Member) Individual() bool { return m.Level == LevelIndividual }

// Representative is a member's representative (会员单位代表, Article 6);
// for an individual member, the person.
type Representative struct {
	Pos       Pos    // position of the name field
	Role      string // one of Roles
	Name      string
	Title     string // job title in the unit (职务)
	Post      string // association post as recorded (会内职务), "" for none
	Since     time.Time
	PostSince time.Time // when the post was (re)conferred by the council; zero if not recorded
	Left      time.Time // when the representative left the post in the unit; zero if still there
	LeftCity  bool      // left Zhengzhou (Article 7)
	Contact   Contact   // private
}

// HasLeft reports whether the representative had left on or before day.
func (r *Representative) HasLeft(day time.Time) bool {
	return !r.Left.IsZero() && !r.Left.After(day)
}

// Contact holds contact details. They are private: never public output.
type Contact struct {
	Phone   string
	Mobile  string
	Fax     string
	Email   string
	Address string
}

// Fee is the membership fee of one year.
type Fee struct {
	Pos    Pos // position of the year field
	Year   int
	Amount int       // yuan; 0 when not recorded
	Paid   time.Time // zero when unpaid
	Note   string
}

// Activity is one activity of the association, from one file under
// data/activities/.
type Activity struct {
	Pos          Pos // position of the id field
	ID           string
	Title        string
	Kind         string // one of Kinds
	Start        time.Time
	End          time.Time
	AllDay       bool // start and end were written as dates; End is the last day
	Location     string
	Department   string // one of Departments
	Audience     string // one of Audiences
	Speakers     []Speaker
	Summary      string // Markdown
	Registration Registration
	Capacity     int    // 0 when not limited or not recorded
	Status       string // one of ActivityStatuses
	Sequence     int    // iCalendar SEQUENCE set by editors
	Updated      time.Time
	Attendance   []Attendance

	startPos, endPos, deadlinePos Pos
}

// Held reports whether the activity took place.
func (a *Activity) Held() bool { return a.Status == StatusHeld }

// Attended returns the attendance record of the member, or nil.
func (a *Activity) Attended(memberID string) *Attendance {
	for i := range a.Attendance {
		if a.Attendance[i].Member == memberID {
			return &a.Attendance[i]
		}
	}
	return nil
}

// Speaker is someone who speaks at an activity.
type Speaker struct {
	Name        string
	Affiliation string
	Title       string
	Topic       string
}

// Registration says where and until when to register.
type Registration struct {
	URL      string
	Deadline time.Time
}

// Attendance records that a member unit attended an activity, with which of
// its representatives came in person and how many other people it sent.
type Attendance struct {
	Pos     Pos      // position of the member field
	Member  string   // member id
	Persons []string // names of the member's representatives who came
	Others  int      // other people the unit sent

	personPos []Pos
}

// Person reports whether the named representative came in person.
func (at *Attendance) Person(name string) bool {
	for _, p := range at.Persons {
		if p == name {
			return true
		}
	}
	return false
}

// Milestone is one entry of the association's chronicle (大事记).
type Milestone struct {
	Pos   Pos
	Date  time.Time
	Title string
	Text  string // Markdown
	Link  string
}
