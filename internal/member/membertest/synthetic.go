// Package membertest makes member data for tests and benchmarks: a
// fictional, living association of any size, written as a site's data
// files. Nothing in press's binary imports it.
package membertest

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

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
	today = clock.Day(today)
	first := today.Add(-time.Duration(m*95/100) * 42 * time.Hour)
	var src member.Sources
	people := map[string]*member.Person{}
	newPerson := func(id, name string, i int) *member.Person {
		p := &member.Person{ID: id, Name: name, Contact: member.Contact{Mobile: fmt.Sprintf("155-%04d-%04d", 5000+i/10000, i%10000),
			Email: id + "@example.com"}}
		people[id] = p
		src.People = append(src.People, p)
		return p
	}
	for i := range n {
		level := member.LevelOrdinary
		switch r := rng.IntN(100); {
		case r < 2:
			level = member.LevelVicePresident
		case r < 17:
			level = member.LevelCouncil
		case r < 22:
			level = member.LevelIndividual
		}
		joined := today.AddDate(0, 0, -30-rng.IntN(3650))
		listed := rng.IntN(20) != 0
		region := member.Regions[rng.IntN(len(member.Regions))].Value
		industry := member.Industries[rng.IntN(len(member.Industries))].Value
		fees := func(level string) ([]member.Fee, int) {
			since := max(joined.Year(), today.Year()-2)
			var out []member.Fee
			for y := since; y <= today.Year(); y++ {
				f := member.Fee{Year: y, Amount: member.StandardFee[level]}
				if level == member.LevelIndividual {
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
		if level == member.LevelIndividual {
			p := newPerson(fmt.Sprintf("synthetic-person-%05d", i), fmt.Sprintf("示例个人%05d", i), i)
			ms := &member.Membership{Joined: joined, Region: region, Industry: industry, Listed: &listed,
				Intro: "虚构的个人会员，用于性能测试。"}
			ms.Fees, ms.FeesRecordedSince = fees(level)
			p.Membership = ms
			continue
		}
		u := &member.Member{
			ID: fmt.Sprintf("synthetic-%05d", i), Name: fmt.Sprintf("郑州示例%05d科技有限公司", i), ShortName: fmt.Sprintf("示例%05d", i),
			Level: level, UnitType: member.UnitTypes[rng.IntN(len(member.UnitTypes)-1)].Value, Region: region, Industry: industry,
			Joined: joined, Website: fmt.Sprintf("https://m%05d.example.com", i), Listed: listed,
			Intro: "这是一家虚构的示例单位，用于性能测试。\n\n**仅供测试。**",
			Contact: member.Contact{Phone: fmt.Sprintf("0371-%04d%04d", 5000+i/10000, i%10000), Email: fmt.Sprintf("office@m%05d.example.com", i),
				Address: fmt.Sprintf("郑州市示例路%d号", i)},
		}
		u.Fees, u.FeesRecordedSince = fees(level)
		post := ""
		switch level {
		case member.LevelVicePresident:
			post = member.PostVicePresident
		case member.LevelCouncil:
			post = member.PostCouncil
		}
		main := newPerson(fmt.Sprintf("synthetic-rep-%05d", i), fmt.Sprintf("示例代表%05d", i), i)
		u.Representatives = []*member.Representative{{Role: member.RoleMain, PersonID: main.ID, Person: main, Name: main.Name, Title: "总经理", Post: post}}
		if rng.IntN(2) == 0 {
			dep := newPerson(fmt.Sprintf("synthetic-deputy-%05d", i), fmt.Sprintf("示例副代表%05d", i), n+i)
			u.Representatives = append(u.Representatives, &member.Representative{Role: member.RoleDeputy, PersonID: dep.ID, Person: dep, Name: dep.Name, Title: "副总经理"})
		}
		if i%40 == 7 && joined.Before(today.AddDate(-2, 0, 0)) {
			old := u.Representatives[0]
			old.Left = today.AddDate(0, 0, -60-rng.IntN(600))
			succ := newPerson(fmt.Sprintf("synthetic-successor-%05d", i), fmt.Sprintf("示例继任%05d", i), 2*n+i)
			r := &member.Representative{Role: member.RoleMain, PersonID: succ.ID, Person: succ, Name: succ.Name, Title: "总经理", Post: post, Since: old.Left}
			if post != "" {
				r.PostSince = old.Left.AddDate(0, 0, 20+rng.IntN(20))
				if r.PostSince.After(today) {
					r.PostSince = today
				}
				src.Approvals = append(src.Approvals, &member.Approval{Date: r.PostSince, Meeting: "理事会会议", Member: u.ID, Person: succ.ID, Post: post})
			}
			u.Representatives = append(u.Representatives, r)
		}
		src.Members = append(src.Members, u)
	}

	// Who is expected and who comes. member.Attendance is decided activity by
	// activity, in order, so that each member's runs of absences are what
	// the probabilities make them.
	kinds := member.Kinds.Values()
	for j := range m {
		start := first.Add(time.Duration(j) * 42 * time.Hour)
		start = time.Date(start.Year(), start.Month(), start.Day(), 9+5*(j%2), 0, 0, 0, clock.Zone)
		a := &member.Activity{
			ID: fmt.Sprintf("synthetic-activity-%05d", j), Title: fmt.Sprintf("示例活动第%d期", j+1),
			Kind: kinds[rng.IntN(len(kinds))], Department: member.Departments[rng.IntN(len(member.Departments))].Value,
			Start: start, End: start.Add(3 * time.Hour), Location: "郑州示例会议中心", Status: member.StatusHeld,
			Summary: "虚构的活动，用于性能测试。", Audience: member.AudienceAll,
		}
		switch {
		case j%50 == 0:
			a.Title, a.Kind = fmt.Sprintf("示例会员大会第%d次", j/50+1), "会议"
		case j%30 == 15:
			a.Title, a.Kind, a.Audience = fmt.Sprintf("示例理事会第%d次", j/30+1), "会议", member.AudienceCouncil
		case j%3 == 1:
			a.Title = fmt.Sprintf("示例邀请研讨会第%d期", j+1)
			for range 40 {
				id := src.Members[rng.IntN(len(src.Members))].ID
				if !slices.Contains(a.Invited, id) {
					a.Invited = append(a.Invited, id)
				}
			}
		default:
			a.Uncounted, a.Capacity = true, 200
		}
		if clock.Day(start).After(today) {
			a.Status = member.StatusPlanned
			src.Activities = append(src.Activities, a)
			continue
		}
		expected := func(u *member.Member) bool {
			switch {
			case u.Joined.After(start):
				return false
			case a.Uncounted:
				return rng.IntN(40) == 0 // a few come to trainings
			case len(a.Invited) > 0:
				return slices.Contains(a.Invited, u.ID)
			case a.Audience == member.AudienceCouncil:
				return u.Level == member.LevelVicePresident || u.Level == member.LevelCouncil
			}
			return true
		}
		for _, u := range src.Members {
			if !expected(u) || rng.IntN(100) >= 85 {
				continue
			}
			at := member.Attendance{Member: u.ID}
			for _, r := range u.Representatives {
				if r.Role == member.RoleMain && r.CurrentOn(clock.Day(start)) && rng.IntN(10) < 7 {
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
			if ms != nil && !ms.Joined.After(start) && (!a.Uncounted && len(a.Invited) == 0 && a.Audience == member.AudienceAll) && rng.IntN(100) < 85 {
				a.Attendance = append(a.Attendance, member.Attendance{Member: p.ID, Persons: []string{p.Name}})
			}
		}
		// Former representatives of Article 7 come as individual members.
		for _, u := range src.Members {
			if len(u.Representatives) < 2 {
				continue
			}
			old := u.Representatives[0]
			if !old.Left.IsZero() && !old.Left.After(start) && !a.Uncounted && len(a.Invited) == 0 && a.Audience == member.AudienceAll && rng.IntN(100) < 85 {
				a.Attendance = append(a.Attendance, member.Attendance{Member: old.PersonID, Persons: []string{old.Name}})
			}
		}
		src.Activities = append(src.Activities, a)
	}
	src.Chronicle = []member.Milestone{{Date: time.Date(2010, 5, 18, 0, 0, 0, 0, clock.Zone), Title: "示例大事"}}
	return member.WriteDataset(dir, src)
}
