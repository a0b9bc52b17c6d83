package member

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/zzia/press/internal/clock"
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

// SyntheticVersion changes whenever Synthetic writes other data for the
// same arguments, so that cached benchmark sites are written anew.
const SyntheticVersion = "2"

// Synthetic writes a fictional, living association of n members and m
// activities under the site directory dir, as of today, the same for the
// same arguments: for benchmarks and load tests.
//
// Like a real association of that size, most members are in good standing
// on today: about 2% are 副会长单位, 15% 理事单位, 5% individual members; 95%
// are listed. The m activities run about four a week up to a few weeks
// after today. Every 50th is a general meeting that counts for every
// member, every 30th a council meeting (理事会); a third are
// invitation-only seminars counted for the 40 members invited; the others
// are trainings and lectures that do not count for attendance. Members come
// to 85% of what they are expected at, their 主代表 in person to 70% of
// those. One unit in 40 changed its 主代表 in the last two years: the
// successor was approved by the council when the post called for it, and
// the former representative, still in the city, is an individual member
// by Article 7.
func Synthetic(dir string, n, m int, seed uint64, today time.Time) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	today = dayOf(today)
	first := today.Add(-time.Duration(m*95/100) * 42 * time.Hour)
	var src Sources
	people := map[string]*Person{}
	newPerson := func(id, name string, i int) *Person {
		p := &Person{ID: id, Name: name, Contact: Contact{Mobile: fmt.Sprintf("155-%04d-%04d", 5000+i/10000, i%10000),
			Email: id + "@example.com"}}
		people[id] = p
		src.People = append(src.People, p)
		return p
	}
	for i := range n {
		level := LevelOrdinary
		switch r := rng.IntN(100); {
		case r < 2:
			level = LevelVicePresident
		case r < 17:
			level = LevelCouncil
		case r < 22:
			level = LevelIndividual
		}
		joined := today.AddDate(0, 0, -30-rng.IntN(3650))
		listed := rng.IntN(20) != 0
		region := Regions[rng.IntN(len(Regions))].Value
		industry := Industries[rng.IntN(len(Industries))].Value
		fees := func(level string) ([]Fee, int) {
			since := max(joined.Year(), today.Year()-2)
			var out []Fee
			for y := since; y <= today.Year(); y++ {
				f := Fee{Year: y, Amount: StandardFee[level]}
				if level == LevelIndividual {
					f.Amount, f.Note = 200, "个人会员会费"
				}
				if rng.IntN(10) != 0 {
					f.Paid = time.Date(y, 2, 1+rng.IntN(27), 0, 0, 0, 0, clock.Zone)
					if f.Paid.Before(joined) {
						f.Paid = joined.AddDate(0, 0, 7)
					}
					if f.Paid.After(today) {
						f.Paid = today
					}
				}
				out = append(out, f)
			}
			return out, since
		}
		if level == LevelIndividual {
			p := newPerson(fmt.Sprintf("synthetic-person-%05d", i), fmt.Sprintf("示例个人%05d", i), i)
			ms := &Membership{Joined: joined, Region: region, Industry: industry, Listed: &listed,
				Intro: "虚构的个人会员，用于性能测试。"}
			ms.Fees, ms.FeesRecordedSince = fees(level)
			p.Membership = ms
			continue
		}
		u := &Member{
			ID: fmt.Sprintf("synthetic-%05d", i), Name: fmt.Sprintf("郑州示例%05d科技有限公司", i), ShortName: fmt.Sprintf("示例%05d", i),
			Level: level, UnitType: UnitTypes[rng.IntN(len(UnitTypes)-1)].Value, Region: region, Industry: industry,
			Joined: joined, Website: fmt.Sprintf("https://m%05d.example.com", i), Listed: listed,
			Intro: "这是一家虚构的示例单位，用于性能测试。\n\n**仅供测试。**",
			Contact: Contact{Phone: fmt.Sprintf("0371-%04d%04d", 5000+i/10000, i%10000), Email: fmt.Sprintf("office@m%05d.example.com", i),
				Address: fmt.Sprintf("郑州市示例路%d号", i)},
		}
		u.Fees, u.FeesRecordedSince = fees(level)
		post := ""
		switch level {
		case LevelVicePresident:
			post = PostVicePresident
		case LevelCouncil:
			post = PostCouncil
		}
		main := newPerson(fmt.Sprintf("synthetic-rep-%05d", i), fmt.Sprintf("示例代表%05d", i), i)
		u.Representatives = []*Representative{{Role: RoleMain, PersonID: main.ID, Person: main, Name: main.Name, Title: "总经理", Post: post}}
		if rng.IntN(2) == 0 {
			dep := newPerson(fmt.Sprintf("synthetic-deputy-%05d", i), fmt.Sprintf("示例副代表%05d", i), n+i)
			u.Representatives = append(u.Representatives, &Representative{Role: RoleDeputy, PersonID: dep.ID, Person: dep, Name: dep.Name, Title: "副总经理"})
		}
		if i%40 == 7 && joined.Before(today.AddDate(-2, 0, 0)) {
			old := u.Representatives[0]
			old.Left = today.AddDate(0, 0, -60-rng.IntN(600))
			succ := newPerson(fmt.Sprintf("synthetic-successor-%05d", i), fmt.Sprintf("示例继任%05d", i), 2*n+i)
			r := &Representative{Role: RoleMain, PersonID: succ.ID, Person: succ, Name: succ.Name, Title: "总经理", Post: post, Since: old.Left}
			if post != "" {
				r.PostSince = old.Left.AddDate(0, 0, 20+rng.IntN(20))
				if r.PostSince.After(today) {
					r.PostSince = today
				}
				src.Approvals = append(src.Approvals, &Approval{Date: r.PostSince, Meeting: "理事会会议", Member: u.ID, Person: succ.ID, Post: post})
			}
			u.Representatives = append(u.Representatives, r)
		}
		src.Members = append(src.Members, u)
	}

	// Who is expected and who comes. Attendance is decided activity by
	// activity, in order, so that each member's runs of absences are what
	// the probabilities make them.
	kinds := Kinds.Values()
	for j := range m {
		start := first.Add(time.Duration(j) * 42 * time.Hour)
		start = time.Date(start.Year(), start.Month(), start.Day(), 9+5*(j%2), 0, 0, 0, clock.Zone)
		a := &Activity{
			ID: fmt.Sprintf("synthetic-activity-%05d", j), Title: fmt.Sprintf("示例活动第%d期", j+1),
			Kind: kinds[rng.IntN(len(kinds))], Department: Departments[rng.IntN(len(Departments))].Value,
			Start: start, End: start.Add(3 * time.Hour), Location: "郑州示例会议中心", Status: StatusHeld,
			Summary: "虚构的活动，用于性能测试。", Audience: AudienceAll,
		}
		switch {
		case j%50 == 0:
			a.Title, a.Kind = fmt.Sprintf("示例会员大会第%d次", j/50+1), "会议"
		case j%30 == 15:
			a.Title, a.Kind, a.Audience = fmt.Sprintf("示例理事会第%d次", j/30+1), "会议", AudienceCouncil
		case j%3 == 1:
			a.Title = fmt.Sprintf("示例邀请研讨会第%d期", j+1)
			for range 40 {
				id := src.Members[rng.IntN(len(src.Members))].ID
				if !contains(a.Invited, id) {
					a.Invited = append(a.Invited, id)
				}
			}
		default:
			a.Uncounted, a.Capacity = true, 200
		}
		if dayOf(start).After(today) {
			a.Status = StatusPlanned
			src.Activities = append(src.Activities, a)
			continue
		}
		expected := func(u *Member) bool {
			switch {
			case u.Joined.After(start):
				return false
			case a.Uncounted:
				return rng.IntN(40) == 0 // a few come to trainings
			case len(a.Invited) > 0:
				return contains(a.Invited, u.ID)
			case a.Audience == AudienceCouncil:
				return u.Level == LevelVicePresident || u.Level == LevelCouncil
			}
			return true
		}
		for _, u := range src.Members {
			if !expected(u) || rng.IntN(100) >= 85 {
				continue
			}
			at := Attendance{Member: u.ID}
			for _, r := range u.Representatives {
				if r.Role == RoleMain && r.CurrentOn(dayOf(start)) && rng.IntN(10) < 7 {
					at.Persons = append(at.Persons, r.Name)
				}
			}
			if len(at.Persons) == 0 {
				at.Others = 1 + rng.IntN(2)
			}
			a.Attendance = append(a.Attendance, at)
		}
		for _, p := range src.People {
			ms := p.Membership
			if ms != nil && !ms.Joined.After(start) && (!a.Uncounted && len(a.Invited) == 0 && a.Audience == AudienceAll) && rng.IntN(100) < 85 {
				a.Attendance = append(a.Attendance, Attendance{Member: p.ID, Persons: []string{p.Name}})
			}
		}
		// Former representatives of Article 7 come as individual members.
		for _, u := range src.Members {
			if len(u.Representatives) < 2 {
				continue
			}
			old := u.Representatives[0]
			if !old.Left.IsZero() && !old.Left.After(start) && !a.Uncounted && len(a.Invited) == 0 && a.Audience == AudienceAll && rng.IntN(100) < 85 {
				a.Attendance = append(a.Attendance, Attendance{Member: old.PersonID, Persons: []string{old.Name}})
			}
		}
		src.Activities = append(src.Activities, a)
	}
	src.Chronicle = []Milestone{{Date: time.Date(2010, 5, 18, 0, 0, 0, 0, clock.Zone), Title: "示例大事"}}
	return WriteDataset(dir, src)
}
