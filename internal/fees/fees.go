// Package fees is the secretariat's account of the membership fees (会费):
// who is in arrears and owes what, whose renewal is coming, and what was
// due and received by level and year, from the fees recorded in the
// member data and the fee standard (会费标准).
package fees

import (
	"github.com/zzia/press/internal/clock"
	"sort"
	"strconv"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sheet"
)

// Standard is the yearly fee in yuan by level; a level without one (the
// individual members) owes what its recorded fees say.
type Standard map[string]int

// Owed is one unpaid year of a member's fee.
type Owed struct {
	Year   int
	Amount int // yuan: the recorded amount, else the standard; 0 when neither is known
}

// Arrear is a member with unpaid fees up to Today's year.
type Arrear struct {
	Member *member.Member
	Status rules.Status
	Owed   []Owed
	Total  int
}

// Renewal is a member whose next year's fee falls due soon and is not yet
// paid.
type Renewal struct {
	Member *member.Member
	Year   int
	Due    time.Time // 1 January of Year
	Amount int
	// LastPaid is the day the last fee was paid; zero if none was.
	LastPaid time.Time
}

// Total is what one level owed and paid for one year.
type Total struct {
	Year, Level string
	// Liable counts the members that owed the year's fee; Paid those who
	// paid it.
	Liable, Paid int
	// Due is what the liable members owed, Received what was paid (yuan).
	Due, Received int
}

// Report is the account of the fees as of Today.
type Report struct {
	Today    time.Time
	Arrears  []Arrear  // by level, then id
	Renewals []Renewal // by level, then id
	Totals   []Total   // by year, then level
}

// Build makes the report as of today: arrears from the rules (every
// unpaid year from joining or fees_recorded_since on, as Article 9 counts
// them), renewals due within the given number of days (the fee is due on 1
// January of the year it pays for), and totals by level and year. Members
// that have withdrawn are left out of the arrears and renewals.
func Build(ds *member.Dataset, res *rules.Result, std Standard, today time.Time, within int) *Report {
	r := &Report{Today: today}
	next := today.Year() + 1
	due := time.Date(next, 1, 1, 0, 0, 0, 0, clock.Zone)
	soon := !due.After(today.AddDate(0, 0, within))
	type key struct {
		year  int
		level string
	}
	totals := map[key]*Total{}
	for _, m := range ds.Members {
		st := res.Member(m.ID)
		if st == nil || m.Derived {
			continue
		}
		recorded := map[int]member.Fee{}
		var last time.Time
		for _, f := range m.Fees {
			recorded[f.Year] = f
			if !f.Paid.IsZero() && !f.Paid.After(today) && f.Paid.After(last) {
				last = f.Paid
			}
		}
		amount := func(y int) int {
			if f, ok := recorded[y]; ok && f.Amount > 0 {
				return f.Amount
			}
			return std[m.Level]
		}
		if st.Status != rules.Withdrawn && len(st.UnpaidYears) > 0 {
			a := Arrear{Member: m, Status: st.Status}
			for _, y := range st.UnpaidYears {
				a.Owed = append(a.Owed, Owed{y, amount(y)})
				a.Total += amount(y)
			}
			r.Arrears = append(r.Arrears, a)
		}
		if soon && st.Status != rules.Withdrawn {
			if f, ok := recorded[next]; !ok || f.Paid.IsZero() || f.Paid.After(today) {
				r.Renewals = append(r.Renewals, Renewal{Member: m, Year: next, Due: due, Amount: amount(next), LastPaid: last})
			}
		}
		// The years the member owed: from the first counted year to
		// today's, or to the year it withdrew.
		if m.Joined.IsZero() {
			continue
		}
		first := max(m.Joined.In(clock.Zone).Year(), m.FeesRecordedSince)
		lastYear := today.Year()
		if st.Status == rules.Withdrawn && !st.Since.IsZero() {
			lastYear = min(lastYear, st.Since.Year())
		}
		unpaid := map[int]bool{}
		for _, y := range st.UnpaidYears {
			unpaid[y] = true
		}
		for y := first; y <= lastYear; y++ {
			k := key{y, m.Level}
			t := totals[k]
			if t == nil {
				t = &Total{Year: strconv.Itoa(y), Level: m.Level}
				totals[k] = t
			}
			t.Liable++
			t.Due += amount(y)
			if !unpaid[y] {
				t.Paid++
				t.Received += amount(y)
			}
		}
	}
	byLevel := func(a, b *member.Member) bool {
		if ia, ib := member.Levels.Index(a.Level), member.Levels.Index(b.Level); ia != ib {
			return ia < ib
		}
		return a.ID < b.ID
	}
	sort.Slice(r.Arrears, func(i, j int) bool { return byLevel(r.Arrears[i].Member, r.Arrears[j].Member) })
	sort.Slice(r.Renewals, func(i, j int) bool { return byLevel(r.Renewals[i].Member, r.Renewals[j].Member) })
	keys := make([]key, 0, len(totals))
	for k := range totals {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].year != keys[j].year {
			return keys[i].year < keys[j].year
		}
		return member.Levels.Index(keys[i].level) < member.Levels.Index(keys[j].level)
	})
	for _, k := range keys {
		r.Totals = append(r.Totals, *totals[k])
	}
	return r
}

// Tables returns the report as the sheets of a workbook: 欠缴会费, 即将续缴
// and 分级别年度汇总.
func (r *Report) Tables() []*sheet.Table {
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.In(clock.Zone).Format("2006-01-02")
	}
	arrears := &sheet.Table{Name: "欠缴会费", Columns: []sheet.Column{
		{Header: "标识", Width: 18}, {Header: "名称", Width: 30}, {Header: "会员级别", Width: 12}, {Header: "状态", Width: 8},
		{Header: "欠缴年度", Width: 16}, {Header: "欠缴金额（元）", Width: 14}, {Header: "固定电话", Width: 15}, {Header: "电子信箱", Width: 24},
	}}
	for _, a := range r.Arrears {
		years := ""
		for i, o := range a.Owed {
			if i > 0 {
				years += "、"
			}
			years += strconv.Itoa(o.Year)
		}
		arrears.Rows = append(arrears.Rows, []string{a.Member.ID, name(a.Member), a.Member.Level, StatusText(a.Status),
			years, strconv.Itoa(a.Total), a.Member.Contact.Phone, a.Member.Contact.Email})
	}
	renewals := &sheet.Table{Name: "即将续缴", Columns: []sheet.Column{
		{Header: "标识", Width: 18}, {Header: "名称", Width: 30}, {Header: "会员级别", Width: 12}, {Header: "年度", Width: 8},
		{Header: "应缴日期", Width: 12}, {Header: "金额（元）", Width: 12}, {Header: "上次缴费", Width: 12},
	}}
	for _, n := range r.Renewals {
		renewals.Rows = append(renewals.Rows, []string{n.Member.ID, name(n.Member), n.Member.Level, strconv.Itoa(n.Year),
			day(n.Due), strconv.Itoa(n.Amount), day(n.LastPaid)})
	}
	totals := &sheet.Table{Name: "分级别年度汇总", Columns: []sheet.Column{
		{Header: "年度", Width: 8}, {Header: "会员级别", Width: 12}, {Header: "应缴会员数", Width: 10}, {Header: "已缴会员数", Width: 10},
		{Header: "应收（元）", Width: 12}, {Header: "实收（元）", Width: 12}, {Header: "未收（元）", Width: 12},
	}}
	for _, t := range r.Totals {
		totals.Rows = append(totals.Rows, []string{t.Year, t.Level, strconv.Itoa(t.Liable), strconv.Itoa(t.Paid),
			strconv.Itoa(t.Due), strconv.Itoa(t.Received), strconv.Itoa(t.Due - t.Received)})
	}
	return []*sheet.Table{arrears, renewals, totals}
}

func name(m *member.Member) string {
	if m.Individual() && m.Person != nil {
		return m.Person.Name
	}
	return m.Name
}

// StatusText is the member's status as the fee report writes it (正常,
// 暂停权利, 视同退会).
func (a Arrear) StatusText() string { return StatusText(a.Status) }

// StatusText is the Chinese name of a member's status.
func StatusText(s rules.Status) string {
	switch s {
	case rules.Active:
		return "正常"
	case rules.Suspended:
		return "暂停权利"
	case rules.Withdrawn:
		return "视同退会"
	}
	return string(s)
}
