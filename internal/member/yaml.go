package member

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// yamlDoc writes YAML the way editors write it: block style, two-space
// indents, text quoted only when it must be.
type yamlDoc struct{ b strings.Builder }

var (
	plainUnsafe = regexp.MustCompile(`^[-?:,\[\]{}#&*!|>'"%@` + "`" + `\s]|: | #|:$|\s$`)
	looksTyped  = regexp.MustCompile(`(?i)^([-+]?(\.?[0-9][0-9_]*(\.[0-9_]*)?([e][-+]?[0-9]+)?|0x[0-9a-f_]+|0o[0-7_]+|0b[01_]+|\.inf)|\.nan|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([t ].*)?|[0-9:]+|true|false|null|yes|no|on|off|y|n|~)$`)
)

// scalar returns s as a YAML scalar.
func scalar(s string) string {
	if s == "" || plainUnsafe.MatchString(s) || looksTyped.MatchString(s) || strings.ContainsAny(s, "\n\t\"\\") {
		return strconv.Quote(s)
	}
	return s
}

// Scalar returns s as a YAML scalar the way the writers of this package
// write it: plain unless it must be quoted.
func Scalar(s string) string { return scalar(s) }

func (y *yamlDoc) line(indent int, key, value string) {
	y.b.WriteString(strings.Repeat(" ", indent))
	y.b.WriteString(key)
	y.b.WriteString(":")
	if value != "" {
		y.b.WriteString(" ")
		y.b.WriteString(value)
	}
	y.b.WriteString("\n")
}

// text writes key: value, skipping empty values.
func (y *yamlDoc) text(indent int, key, value string) {
	if value == "" {
		return
	}
	if strings.Contains(value, "\n") {
		y.line(indent, key, "|")
		for _, l := range strings.Split(strings.TrimRight(value, "\n"), "\n") {
			if l == "" {
				y.b.WriteString("\n")
				continue
			}
			y.b.WriteString(strings.Repeat(" ", indent+2) + l + "\n")
		}
		return
	}
	y.line(indent, key, scalar(value))
}

func (y *yamlDoc) date(indent int, key string, t time.Time) {
	if !t.IsZero() {
		y.line(indent, key, day(t))
	}
}

func (y *yamlDoc) dateTime(indent int, key string, t time.Time, allDay bool) {
	if !t.IsZero() {
		y.line(indent, key, stamp(t, allDay))
	}
}

func (y *yamlDoc) integer(indent int, key string, n int) {
	if n != 0 {
		y.line(indent, key, strconv.Itoa(n))
	}
}

// item starts a list item: "- key: value" at indent.
func (y *yamlDoc) item(indent int, key, value string) {
	y.line(indent, "- "+key, value)
}

// MemberYAML returns the YAML text of a member unit, fields in the
// documented order.
func MemberYAML(m *Member) []byte {
	y := &yamlDoc{}
	y.text(0, "id", m.ID)
	y.text(0, "name", m.Name)
	y.text(0, "short_name", m.ShortName)
	y.text(0, "level", m.Level)
	y.text(0, "unit_type", m.UnitType)
	y.text(0, "region", m.Region)
	y.text(0, "industry", m.Industry)
	y.date(0, "joined", m.Joined)
	y.text(0, "website", m.Website)
	y.text(0, "logo", m.Logo)
	if m.LogoPublic {
		y.line(0, "logo_public", "true")
	}
	y.line(0, "listed", strconv.FormatBool(m.Listed))
	y.text(0, "intro", m.Intro)
	y.line(0, "representatives", "")
	for _, r := range m.Representatives {
		y.item(2, "person", scalar(r.PersonID))
		y.text(4, "role", r.Role)
		y.text(4, "title", r.Title)
		y.text(4, "post", r.Post)
		y.date(4, "since", r.Since)
		y.date(4, "post_since", r.PostSince)
		y.date(4, "left", r.Left)
	}
	y.contact(0, m.Contact)
	y.fees(0, m.Fees, m.FeesRecordedSince)
	y.text(0, "notes", m.Notes)
	if len(m.Assessments) > 0 {
		y.line(0, "assessments", "")
		for _, a := range m.Assessments {
			y.item(2, "date", day(a.Date))
			y.text(4, "kind", a.Kind)
			y.text(4, "note", a.Note)
		}
	}
	return []byte(y.b.String())
}

func (y *yamlDoc) fees(indent int, fees []Fee, since int) {
	y.integer(indent, "fees_recorded_since", since)
	if len(fees) == 0 {
		return
	}
	y.line(indent, "fees", "")
	for _, f := range fees {
		y.item(indent+2, "year", strconv.Itoa(f.Year))
		y.integer(indent+4, "amount", f.Amount)
		y.date(indent+4, "paid", f.Paid)
		y.text(indent+4, "method", f.Method)
		y.text(indent+4, "receipt", f.Receipt)
		y.text(indent+4, "invoice", f.Invoice)
		y.text(indent+4, "note", f.Note)
	}
}

// PersonYAML returns the YAML text of a person.
func PersonYAML(p *Person) []byte {
	y := &yamlDoc{}
	y.text(0, "id", p.ID)
	y.text(0, "name", p.Name)
	y.contact(0, p.Contact)
	y.date(0, "left_city", p.LeftCity)
	y.text(0, "notes", p.Notes)
	if ms := p.Membership; ms != nil {
		y.line(0, "membership", "")
		y.date(2, "joined", ms.Joined)
		y.text(2, "region", ms.Region)
		y.text(2, "industry", ms.Industry)
		if ms.Listed != nil {
			y.line(2, "listed", strconv.FormatBool(*ms.Listed))
		}
		y.text(2, "website", ms.Website)
		y.text(2, "intro", ms.Intro)
		y.fees(2, ms.Fees, ms.FeesRecordedSince)
	}
	return []byte(y.b.String())
}

// ApprovalsYAML returns the YAML text of data/approvals.yaml.
func ApprovalsYAML(as []*Approval) []byte {
	y := &yamlDoc{}
	y.b.WriteString("# 理事会审批登记（会员管理办法第八条）：新任代表接任或就任会内职务、恢复原职，\n" +
		"# 须经理事会讨论通过。代表的 post_since 填写此处的审批日期。\n")
	y.line(0, "approvals", "")
	for _, a := range as {
		y.item(2, "date", day(a.Date))
		y.text(4, "meeting", a.Meeting)
		y.text(4, "member", a.Member)
		y.text(4, "person", a.Person)
		y.text(4, "post", a.Post)
		y.text(4, "note", a.Note)
	}
	return []byte(y.b.String())
}

func (y *yamlDoc) contact(indent int, c Contact) {
	if c == (Contact{}) {
		return
	}
	y.line(indent, "contact", "")
	y.text(indent+2, "phone", c.Phone)
	y.text(indent+2, "mobile", c.Mobile)
	y.text(indent+2, "fax", c.Fax)
	y.text(indent+2, "email", c.Email)
	y.text(indent+2, "address", c.Address)
}

// ActivityYAML returns the YAML text of an activity.
func ActivityYAML(a *Activity) []byte {
	y := &yamlDoc{}
	y.text(0, "id", a.ID)
	y.text(0, "title", a.Title)
	y.text(0, "kind", a.Kind)
	y.dateTime(0, "start", a.Start, a.AllDay)
	y.dateTime(0, "end", a.End, a.AllDay)
	y.text(0, "location", a.Location)
	y.text(0, "department", a.Department)
	if a.Audience != "" && a.Audience != AudienceAll {
		y.text(0, "audience", a.Audience)
	}
	if len(a.Speakers) > 0 {
		y.line(0, "speakers", "")
		for _, s := range a.Speakers {
			y.item(2, "name", scalar(s.Name))
			y.text(4, "affiliation", s.Affiliation)
			y.text(4, "title", s.Title)
			y.text(4, "topic", s.Topic)
		}
	}
	y.text(0, "summary", a.Summary)
	if a.Registration.URL != "" || !a.Registration.Deadline.IsZero() {
		y.line(0, "registration", "")
		y.text(2, "url", a.Registration.URL)
		y.dateTime(2, "deadline", a.Registration.Deadline, false)
	}
	y.integer(0, "capacity", a.Capacity)
	if a.Uncounted {
		y.line(0, "counts", "false")
	}
	if len(a.Invited) > 0 {
		y.line(0, "invited", "")
		for _, id := range a.Invited {
			y.b.WriteString("  - " + scalar(id) + "\n")
		}
	}
	y.text(0, "status", a.Status)
	y.integer(0, "sequence", a.Sequence)
	y.dateTime(0, "updated", a.Updated, false)
	if len(a.Attendance) > 0 {
		y.line(0, "attendance", "")
		for _, at := range a.Attendance {
			y.item(2, "member", at.Member)
			if len(at.Persons) > 0 {
				quoted := make([]string, len(at.Persons))
				for i, p := range at.Persons {
					quoted[i] = scalar(p)
				}
				y.line(4, "persons", "["+strings.Join(quoted, ", ")+"]")
			}
			y.integer(4, "others", at.Others)
		}
	}
	return []byte(y.b.String())
}

// ChronicleYAML returns the YAML text of data/chronicle.yaml.
func ChronicleYAML(ms []Milestone) []byte {
	y := &yamlDoc{}
	y.line(0, "milestones", "")
	for _, m := range ms {
		y.item(2, "date", day(m.Date))
		y.text(4, "title", m.Title)
		y.text(4, "text", m.Text)
		y.text(4, "link", m.Link)
	}
	return []byte(y.b.String())
}

// WriteDataset writes the sources as YAML files under the site directory
// dir: one file per member unit, per person and per activity, the approval
// register and the chronicle.
func WriteDataset(dir string, src Sources) error {
	for _, sub := range []string{MembersDir, PeopleDir, ActivitiesDir} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(sub)), 0o755); err != nil {
			return err
		}
	}
	write := func(rel string, b []byte) error {
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(rel)), b, 0o644)
	}
	for _, m := range src.Members {
		if err := write(MembersDir+"/"+m.ID+".yaml", MemberYAML(m)); err != nil {
			return err
		}
	}
	for _, p := range src.People {
		if err := write(PeopleDir+"/"+p.ID+".yaml", PersonYAML(p)); err != nil {
			return err
		}
	}
	for _, a := range src.Activities {
		if err := write(ActivitiesDir+"/"+a.ID+".yaml", ActivityYAML(a)); err != nil {
			return err
		}
	}
	if src.Approvals != nil {
		if err := write(ApprovalsFile, ApprovalsYAML(src.Approvals)); err != nil {
			return err
		}
	}
	if src.Chronicle != nil {
		return write(ChronicleFile, ChronicleYAML(src.Chronicle))
	}
	return nil
}
