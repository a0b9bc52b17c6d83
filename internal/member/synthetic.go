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

// MemberYAML returns the YAML text of a member, fields in the documented
// order.
func MemberYAML(m *Member) []byte {
	y := &yamlDoc{}
	y.text(0, "id", m.ID)
	y.text(0, "name", m.Name)
	y.text(0, "short_name", m.ShortName)
	y.text(0, "level", m.Level)
	if !(m.Individual() && m.UnitType == "个人") {
		y.text(0, "unit_type", m.UnitType)
	}
	y.text(0, "region", m.Region)
	y.text(0, "industry", m.Industry)
	y.date(0, "joined", m.Joined)
	y.text(0, "website", m.Website)
	y.text(0, "logo", m.Logo)
	y.line(0, "listed", strconv.FormatBool(m.Listed))
	y.text(0, "intro", m.Intro)
	y.line(0, "representatives", "")
	for _, r := range m.Representatives {
		y.item(2, "role", r.Role)
		y.text(4, "name", r.Name)
		y.text(4, "title", r.Title)
		y.text(4, "post", r.Post)
		y.date(4, "since", r.Since)
		y.date(4, "post_since", r.PostSince)
		y.date(4, "left", r.Left)
		if r.LeftCity {
			y.line(4, "left_city", "true")
		}
		y.contact(4, r.Contact)
	}
	y.contact(0, m.Contact)
	if len(m.Fees) > 0 {
		y.line(0, "fees", "")
		for _, f := range m.Fees {
			y.item(2, "year", strconv.Itoa(f.Year))
			y.integer(4, "amount", f.Amount)
			y.date(4, "paid", f.Paid)
			y.text(4, "note", f.Note)
		}
	}
	y.text(0, "notes", m.Notes)
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

// WriteDataset writes members, activities and chronicle as YAML files
// under the site directory dir, one file per member and per activity.
func WriteDataset(dir string, members []*Member, activities []*Activity, chronicle []Milestone) error {
	for _, sub := range []string{MembersDir, ActivitiesDir} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.FromSlash(sub)), 0o755); err != nil {
			return err
		}
	}
	for _, m := range members {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(MembersDir), m.ID+".yaml"), MemberYAML(m), 0o644); err != nil {
			return err
		}
	}
	for _, a := range activities {
		if err := os.WriteFile(filepath.Join(dir, filepath.FromSlash(ActivitiesDir), a.ID+".yaml"), ActivityYAML(a), 0o644); err != nil {
			return err
		}
	}
	if chronicle != nil {
		return os.WriteFile(filepath.Join(dir, filepath.FromSlash(ChronicleFile)), ChronicleYAML(chronicle), 0o644)
	}
	return nil
}

// Synthetic writes a fictional data set of n members and m activities
// under the site directory dir, the same for the same seed: for
// benchmarks and load tests. Activities run from 2020 on, about four a
// week; each held one is attended by about 100 member units.
func Synthetic(dir string, n, m int, seed uint64) error {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	levels := Levels.Values()
	members := make([]*Member, n)
	for i := range members {
		level := levels[rng.IntN(len(levels)-1)]
		if i%50 == 49 {
			level = LevelIndividual
		}
		mem := &Member{
			ID: fmt.Sprintf("synthetic-%05d", i), Name: fmt.Sprintf("郑州示例%05d科技有限公司", i), ShortName: fmt.Sprintf("示例%05d", i),
			Level: level, UnitType: UnitTypes[rng.IntN(len(UnitTypes)-1)].Value,
			Region: Regions[rng.IntN(len(Regions))].Value, Industry: Industries[rng.IntN(len(Industries))].Value,
			Joined:  time.Date(2015+rng.IntN(6), time.Month(1+rng.IntN(12)), 1+rng.IntN(28), 0, 0, 0, 0, Shanghai),
			Website: fmt.Sprintf("https://m%05d.example.com", i), Listed: rng.IntN(10) != 0,
			Intro: "这是一家虚构的示例单位，用于性能测试。\n\n**仅供测试。**",
			Contact: Contact{Phone: fmt.Sprintf("0371-5555%04d", i%10000), Email: fmt.Sprintf("office@m%05d.example.com", i),
				Address: fmt.Sprintf("郑州市示例路%d号", i)},
		}
		if level == LevelIndividual {
			mem.UnitType = "个人"
		}
		post := ""
		switch {
		case level == LevelVicePresident:
			post = PostVicePresident
		case level == LevelCouncil:
			post = PostCouncil
		}
		mem.Representatives = []*Representative{{Role: RoleMain, Name: fmt.Sprintf("示例代表%05d", i), Title: "总经理", Post: post,
			Contact: Contact{Mobile: fmt.Sprintf("155-5555-%04d", i%10000)}}}
		if level != LevelIndividual && rng.IntN(2) == 0 {
			mem.Representatives = append(mem.Representatives, &Representative{Role: RoleDeputy, Name: fmt.Sprintf("示例副代表%05d", i)})
		}
		for y := 2024; y <= 2026; y++ {
			f := Fee{Year: y, Amount: StandardFee[level]}
			if rng.IntN(8) != 0 {
				f.Paid = time.Date(y, 2, 1+rng.IntN(27), 0, 0, 0, 0, Shanghai)
			}
			mem.Fees = append(mem.Fees, f)
		}
		members[i] = mem
	}
	start := time.Date(2020, 1, 6, 14, 0, 0, 0, Shanghai)
	activities := make([]*Activity, m)
	for j := range activities {
		a := &Activity{
			ID: fmt.Sprintf("synthetic-activity-%05d", j), Title: fmt.Sprintf("示例活动第%d期", j+1),
			Kind: Kinds[rng.IntN(len(Kinds))].Value, Department: Departments[rng.IntN(len(Departments))].Value,
			Start: start.Add(time.Duration(j) * 42 * time.Hour), Location: "郑州示例会议中心", Status: StatusHeld,
			Summary: "虚构的活动，用于性能测试。", Audience: AudienceAll,
		}
		a.End = a.Start.Add(3 * time.Hour)
		if a.Start.After(time.Date(2026, 11, 27, 0, 0, 0, 0, Shanghai)) {
			a.Status = StatusPlanned
		} else {
			for k := rng.IntN(50); k < n; k += 1 + rng.IntN(99) { // about 100 units each
				mem := members[k]
				if mem.Joined.After(a.Start) {
					continue
				}
				at := Attendance{Member: mem.ID, Others: rng.IntN(3)}
				if rng.IntN(3) != 0 {
					at.Persons = []string{mem.Representatives[0].Name}
				}
				if at.Others == 0 && len(at.Persons) == 0 {
					at.Others = 1
				}
				a.Attendance = append(a.Attendance, at)
			}
		}
		activities[j] = a
	}
	return WriteDataset(dir, members, activities, []Milestone{{Date: time.Date(2010, 5, 18, 0, 0, 0, 0, Shanghai), Title: "示例大事"}})
}
