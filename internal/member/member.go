// Package member holds the association's member and activity data: the
// typed model of data/members/*.yaml (member units), data/people/*.yaml
// (people: representatives and individual members), data/approvals.yaml
// (the council's approvals of posts), data/activities/*.yaml and
// data/chronicle.yaml, and the loaders that read and check them as of a
// given day, reporting every problem with its file:line:col.
//
// Every value keeps the position it was read from (Pos fields), so that
// other readers and writers of the same shape (a spreadsheet import) can
// report problems the same way.
//
// Values are kept as editors wrote them: text containing HTML or script is
// data, and escaping it is the job of whatever renders it.
package member

import (
	"time"
)

// Pos is a position in a source file. File is relative to the site
// directory, with forward slashes; Line and Column are 1-based.
type Pos struct {
	File   string
	Line   int
	Column int
}

// Dataset is everything loaded from a site's data directory, checked as
// of one day.
type Dataset struct {
	// Today is the day the data was checked against (Article 6, dates in
	// the future) and the individual memberships of Article 7 derived for.
	Today time.Time
	// Members are the member units and the individual members (from
	// people with a membership, and the former representatives of Article
	// 7), sorted by ID.
	Members    []*Member
	People     []*Person   // sorted by ID
	Approvals  []*Approval // sorted by date, then member, person and post
	Activities []*Activity // sorted by start, then ID
	Chronicle  []Milestone // sorted by date, then title
	// Files are the data files the dataset was loaded from, with the
	// SHA-256 sum of their bytes; nil for a dataset assembled in Go.
	Files Digests

	memberByID   map[string]*Member
	personByID   map[string]*Person
	activityByID map[string]*Activity
}

// Member returns the member with the given id, or nil.
func (ds *Dataset) Member(id string) *Member { return ds.memberByID[id] }

// Person returns the person with the given id, or nil.
func (ds *Dataset) Person(id string) *Person { return ds.personByID[id] }

// Activity returns the activity with the given id, or nil.
func (ds *Dataset) Activity(id string) *Activity { return ds.activityByID[id] }

// Member is one member: a unit (副会长/理事/普通会员单位) from one file under
// data/members/, or a person (个人会员) made from a file under data/people/.
type Member struct {
	Pos       Pos    // position of the id field (of the person's for individual members)
	ID        string // stable slug, equal to the file name (the person's id for individuals)
	Name      string
	ShortName string
	Level     string // one of Levels
	UnitType  string // one of UnitTypes; 个人 for individual members
	Region    string // one of Regions
	Industry  string // one of Industries
	Joined    time.Time
	Website   string
	Logo      string // path relative to the site's static or assets folder
	// LogoPublic: the logo (or the photo of the 会员登记表, 第三条) may be
	// shown on the public site; without it, it is for internal use only.
	LogoPublic        bool
	Intro             string // public introduction, Markdown
	Listed            bool   // shown in the public directory
	Representatives   []*Representative
	Contact           Contact // private
	Fees              []Fee   // private; sorted by year
	FeesRecordedSince int     // the first year whose fee is recorded; 0: the join year
	Notes             string  // private remarks of the secretariat
	// Assessments are the secretariat's assessment records (会员考核登记,
	// 第五条), by date; private. Attendance and fees are counted by the
	// rules; these record the rest: exchanges and cooperation, social
	// conduct, and notes on the other two.
	Assessments []Assessment

	// Person is the person of an individual member (nil for units).
	Person *Person
	// Derived: an individual member by Article 7, a former representative
	// who left the post in a unit and is still in Zhengzhou. Former is the
	// position they left.
	Derived bool
	Former  *Representative

	badReps bool // the representatives had errors: Article 6 is not checked
}

// Individual reports whether the member is a person rather than a unit.
func (m *Member) Individual() bool { return m.Level == LevelIndividual }

// Representative is a member unit's representative (会员单位代表, Article
// 6): one position of a person in a unit, from since to left. For an
// individual member it is the person, from joining on.
type Representative struct {
	Pos       Pos     // position of the person field (of name, for legacy entries)
	Role      string  // one of Roles
	PersonID  string  // the person's id
	Person    *Person // the person, once assembled
	Member    *Member // the member the position is in
	Name      string  // the person's name
	Title     string  // job title in the unit (职务)
	Post      string  // association post as recorded (会内职务), "" for none
	Since     time.Time
	PostSince time.Time // the council's approval of the post (an entry of the approval register); zero if not recorded
	Left      time.Time // when the representative left the post in the unit (调离); zero if still there
	// LeftCity: the person had left Zhengzhou by the dataset's day (Article 7).
	LeftCity bool
	Contact  Contact   // the person's; private
	Approval *Approval // the register entry PostSince points to

	sincePos, postPos, postSincePos Pos
}

// HasLeft reports whether the representative had left on or before day.
func (r *Representative) HasLeft(day time.Time) bool {
	return !r.Left.IsZero() && !r.Left.After(day)
}

// Person is a natural person: a representative of member units over time,
// and possibly an individual member (个人会员), from one file under
// data/people/.
type Person struct {
	Pos      Pos // position of the id field
	ID       string
	Name     string
	Contact  Contact   // private
	LeftCity time.Time // the day they left Zhengzhou (Article 7); zero if still here
	Notes    string    // private remarks of the secretariat
	// Membership holds the details of an individual membership; nil when
	// the person is not one, or is one only by Article 7 with the details
	// of the unit they left.
	Membership *Membership
	// Positions are the person's representative positions in member
	// units, by start.
	Positions []*Representative
}

// Membership is what the secretariat records of an individual member.
type Membership struct {
	Pos               Pos
	Joined            time.Time // zero: from leaving the unit post (Article 7)
	Region, Industry  string    // "": the unit's
	Listed            *bool     // nil: as the unit was
	Website, Intro    string
	Fees              []Fee // private
	FeesRecordedSince int
}

// Approval is one entry of the approval register (data/approvals.yaml):
// the council's decision that a person of a member unit takes up a post
// (Article 8; also the reinstatement of Article 9(3)). A representative's
// post_since points to it by its date.
type Approval struct {
	Pos     Pos
	Date    time.Time
	Meeting string // e.g. 第三届理事会第六次会议
	Member  string // member id
	Person  string // person id
	Post    string // one of HeldPosts
	Note    string
}

// Contact holds contact details. They are private: never public output.
type Contact struct {
	Phone   string
	Mobile  string
	Fax     string
	Email   string
	Address string
}

// Assessment is one entry of a member's assessment record (考核登记).
type Assessment struct {
	Pos  Pos // position of the date field
	Date time.Time
	Kind string // one of AssessmentKinds
	Note string
}

// Fee is the membership fee of one year and its payment.
type Fee struct {
	Pos    Pos // position of the year field
	Year   int
	Amount int       // yuan; 0 when not recorded
	Paid   time.Time // zero when unpaid
	// Method is how it was paid, one of PaymentMethods; "" when not recorded.
	Method string
	// Receipt and Invoice are the numbers of the association's receipt
	// (收据) and of the invoice (发票) for the payment; "" when none.
	Receipt, Invoice string
	Note             string

	receiptPos, invoicePos Pos
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
	Capacity     int // 0 when not limited or not recorded
	// Uncounted: the activity does not count for attendance under Article
	// 9 (counts: false; capacity-limited trainings and the like).
	Uncounted bool
	// Invited, when not empty, are the only members the activity counts
	// for (an invitation-only meeting).
	Invited    []string
	Status     string // one of ActivityStatuses
	Sequence   int    // iCalendar SEQUENCE set by editors
	Updated    time.Time
	Attendance []Attendance

	startPos, endPos, deadlinePos, statusPos Pos
	invitedPos                               []Pos
	invited                                  map[string]bool
}

// Invites reports whether the member id is among those invited.
func (a *Activity) Invites(id string) bool {
	if a.invited == nil {
		return contains(a.Invited, id)
	}
	return a.invited[id]
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
