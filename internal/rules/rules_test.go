package rules

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/msg/msgtest"

	"github.com/zzia/press/internal/clock/clocktest"
	"github.com/zzia/press/internal/member"
)

// d is the day s (YYYY-MM-DD) in Beijing time.
var d = clocktest.Day

const rep = "张示甲"

// unit returns a council member joined on 2025-01-01 with one main
// representative holding post (may be "").
func unit(post string) *member.Member {
	return &member.Member{
		ID: "m", Name: "郑州示例甲科技有限公司", Level: member.LevelCouncil, Joined: d("2025-01-01"),
		Representatives: []*member.Representative{{Role: member.RoleMain, Name: rep, Post: post}},
		Fees:            []member.Fee{{Year: 2026, Paid: d("2026-01-10")}},
	}
}

// series returns held activities on the 1st of each month from 2025-02-01,
// one per character of pattern: 'x' the representative came, 'o' only
// other staff of the unit came, '.' nobody came, 'c' cancelled.
func series(pattern string) []*member.Activity {
	var out []*member.Activity
	for i, c := range pattern {
		a := &member.Activity{
			ID: fmt.Sprintf("a%02d", i), Title: fmt.Sprintf("活动%d", i),
			Start: d("2025-02-01").AddDate(0, i, 0), Status: member.StatusHeld, Audience: member.AudienceAll,
		}
		a.End = a.Start.Add(2 * time.Hour)
		switch c {
		case 'x':
			a.Attendance = []member.Attendance{{Member: "m", Persons: []string{rep}}}
		case 'o':
			a.Attendance = []member.Attendance{{Member: "m", Others: 1}}
		case 'c':
			a.Status = member.StatusCancelled
		}
		out = append(out, a)
	}
	return out
}

func derive(t *testing.T, m *member.Member, acts []*member.Activity, today string) *MemberStatus {
	t.Helper()
	// The day's checks of the loader (Article 6, held activities in the
	// future) are the member package's; these tests feed the rules directly.
	ds, diags := member.Assemble(msg.En, member.Sources{Members: []*member.Member{m}, Activities: acts}, time.Time{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return Derive(ds, d(today)).Member("m")
}

// The activities of series(n) run monthly from 2025-02-01; "2027-01-01" is
// after all of them.
func TestStatusBoundaries(t *testing.T) {
	tests := []struct {
		name    string
		pattern string
		today   string
		want    Status
		since   string
		reason  string // a substring of the status reason, "" for none
	}{
		{"2 misses in a row: active", "xx..", "2025-05-20", Active, "", ""},
		{"3 misses in a row: suspended", "xx...", "2025-06-20", Suspended, "2025-06-01", "第九条第2款：连续3次活动无人参加（2025-04-01 起）"},
		{"3 misses, then attended: active again", "x...x", "2025-06-20", Active, "", ""},
		{"cancelled activities do not count", "xx..c", "2025-06-20", Active, "", ""},
		{"5 misses: suspended, not withdrawn", "x.....", "2025-07-20", Suspended, "2025-05-01", "连续5次活动无人参加"},
		{"6 misses: withdrawn", "x......", "2025-08-20", Withdrawn, "2025-08-01", "第九条第2款：连续6次活动无人参加（2025-03-01 至 2025-08-01），视同自动退会"},
		{"withdrawal is final", "x......xxx", "2025-11-20", Withdrawn, "2025-08-01", "视同自动退会"},
		{"representative 5 absences, unit present: active", "xooooo", "2025-07-20", Active, "", ""},
		{"representative 6 absences, unit present: suspended", "xoooooo", "2025-08-20", Suspended, "2025-08-01", "第九条第2款：会员单位代表张示甲连续6次本人未参加活动（2025-03-01 起）"},
		{"representative 6 absences ended by attending", "xooooooox", "2025-10-20", Active, "", ""},
		{"attended every time", "xxxx", "2025-05-20", Active, "", ""},
		{"no activity yet", "", "2025-05-20", Active, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := derive(t, unit(""), series(tt.pattern), tt.today)
			if s.Status != tt.want {
				t.Fatalf("status = %s, want %s; reasons %v", s.Status, tt.want, s.Reasons)
			}
			if tt.since != "" && date(s.Since) != tt.since {
				t.Errorf("since = %s, want %s", date(s.Since), tt.since)
			}
			if tt.since == "" && !s.Since.IsZero() {
				t.Errorf("since = %s, want none", date(s.Since))
			}
			got := s.ReasonsOf(KindStatus)
			if tt.reason == "" && len(got) > 0 {
				t.Errorf("unexpected status reasons %v", got)
			}
			if tt.reason != "" && (len(got) == 0 || !strings.Contains(got[0].In(msg.Zh), tt.reason)) {
				t.Errorf("reasons %v lack %q", got, tt.reason)
			}
		})
	}
}

func TestPastWarningKept(t *testing.T) {
	s := derive(t, unit(""), series("x...x"), "2025-06-20")
	h := s.ReasonsOf(KindHistory)
	if len(h) != 1 || h[0].In(msg.Zh) != "第九条第2款：曾连续3次活动无人参加（2025-03-01 起），已于 2025-06-01 恢复参加" {
		t.Errorf("history = %v", h)
	}
}

// A year without attending: 364 days is not enough, 365 (a calendar year)
// is; and the year must contain an activity the member missed.
func TestYearWithoutAttending(t *testing.T) {
	acts := []*member.Activity{
		{ID: "a1", Start: d("2025-11-27"), Status: member.StatusHeld, Audience: member.AudienceAll,
			Attendance: []member.Attendance{{Member: "m", Persons: []string{rep}}}},
		{ID: "a2", Start: d("2026-03-10"), Status: member.StatusHeld, Audience: member.AudienceAll},
	}
	for _, a := range acts {
		a.End = a.Start
	}
	tests := []struct {
		today string
		want  Status
	}{
		{"2026-11-26", Active},    // 364 days after the last attendance
		{"2026-11-27", Withdrawn}, // 365 days
	}
	for _, tt := range tests {
		t.Run(tt.today, func(t *testing.T) {
			s := derive(t, unit(""), acts, tt.today)
			if s.Status != tt.want {
				t.Fatalf("status = %s, want %s (%v)", s.Status, tt.want, s.Reasons)
			}
			if tt.want == Withdrawn {
				want := "第九条第2款：自 2025-11-27 起连续1年未参加活动（期间 1 次活动无人参加），于 2026-11-27 视同自动退会，不再享有会员名誉"
				if r := s.ReasonsOf(KindStatus); len(r) != 1 || r[0].In(msg.Zh) != want {
					t.Errorf("reasons = %v", r)
				}
			}
		})
	}
	t.Run("a year with no activity at all", func(t *testing.T) {
		s := derive(t, unit(""), acts[:1], "2027-06-01")
		if s.Status != Active {
			t.Errorf("status = %s (%v)", s.Status, s.Reasons)
		}
	})
	t.Run("attending on the anniversary is too late", func(t *testing.T) {
		late := &member.Activity{ID: "a3", Start: d("2026-11-27"), Status: member.StatusHeld, Audience: member.AudienceAll,
			Attendance: []member.Attendance{{Member: "m", Persons: []string{rep}}}}
		late.End = late.Start
		s := derive(t, unit(""), append(acts[:2:2], late), "2026-12-01")
		if s.Status != Withdrawn || date(s.Since) != "2026-11-27" {
			t.Errorf("status = %s since %s", s.Status, date(s.Since))
		}
	})
	t.Run("never attended: counted from joining", func(t *testing.T) {
		m := unit("")
		m.Joined = d("2025-11-27")
		s := derive(t, m, acts[1:], "2026-11-27")
		if s.Status != Withdrawn {
			t.Errorf("status = %s", s.Status)
		}
	})
}

func TestExpectedActivities(t *testing.T) {
	acts := series("x.......")
	acts[1].Audience = member.AudienceCouncil
	m := unit("")
	m.Level = member.LevelOrdinary
	m.Joined = d("2025-02-15") // after a00
	s := derive(t, m, acts, "2025-09-20")
	// a00 is before joining, a01 is for the council: 6 expected, none attended.
	if s.Expected != 6 || s.Attended != 0 {
		t.Errorf("expected %d attended %d, want 6 and 0", s.Expected, s.Attended)
	}
	if rate, ok := s.Rate(); !ok || rate != 0 {
		t.Errorf("rate = %v %v", rate, ok)
	}
	if s.Status != Withdrawn {
		t.Errorf("status = %s", s.Status)
	}
	// Activities after today are not counted.
	s = derive(t, unit(""), series("xx.."), "2025-03-15")
	if s.Expected != 2 || s.Attended != 2 {
		t.Errorf("expected %d attended %d, want 2 and 2", s.Expected, s.Attended)
	}
	if rate, _ := s.Rate(); rate != 1 {
		t.Errorf("rate = %v", rate)
	}
}

func TestFees(t *testing.T) {
	tests := []struct {
		name   string
		fees   []member.Fee
		today  string
		arrear bool
		unpaid []int
	}{
		{"paid", []member.Fee{{Year: 2025, Paid: d("2025-01-05")}, {Year: 2026, Paid: d("2026-01-10")}}, "2026-11-27", false, nil},
		{"current year unpaid", []member.Fee{{Year: 2025, Paid: d("2025-01-05")}}, "2026-11-27", true, []int{2026}},
		{"recorded but not paid", []member.Fee{{Year: 2025, Paid: d("2025-01-05")}, {Year: 2026, Amount: 10000}}, "2026-11-27", true, []int{2026}},
		{"paid after today", []member.Fee{{Year: 2025, Paid: d("2025-01-05")}, {Year: 2026, Paid: d("2026-12-01")}}, "2026-11-27", true, []int{2026}},
		{"paid on today", []member.Fee{{Year: 2025, Paid: d("2025-01-05")}, {Year: 2026, Paid: d("2026-11-27")}}, "2026-11-27", false, nil},
		{"past year unpaid only", []member.Fee{{Year: 2026, Paid: d("2026-01-10")}}, "2026-11-27", false, []int{2025}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := unit("")
			m.Fees = tt.fees
			s := derive(t, m, nil, tt.today)
			if s.InArrears != tt.arrear || fmt.Sprint(s.UnpaidYears) != fmt.Sprint(tt.unpaid) {
				t.Errorf("in arrears %v unpaid %v, want %v %v", s.InArrears, s.UnpaidYears, tt.arrear, tt.unpaid)
			}
			if tt.arrear {
				if r := s.ReasonsOf(KindFee); len(r) == 0 || r[0].In(msg.Zh) != "第九条：2026年度会费未缴纳（欠缴会费）" {
					t.Errorf("reasons = %v", r)
				}
			}
		})
	}
}

func TestPosts(t *testing.T) {
	t.Run("a representative who left loses the post (Article 7)", func(t *testing.T) {
		m := unit(member.PostVicePresident)
		m.Representatives[0].Left = d("2026-05-01")
		m.Representatives = append(m.Representatives, &member.Representative{Role: member.RoleMain, Name: "李示乙", Since: d("2026-05-01")})
		s := derive(t, m, nil, "2026-11-27")
		if s.Representatives[0].EffectivePost != "" || s.Representatives[0].Current {
			t.Errorf("rep = %+v", s.Representatives[0])
		}
		want := "第七条：会员单位代表张示甲于 2026-05-01 调离工作岗位，其会内职务（副会长）自动取消；仍在本市，自动降为普通个人会员"
		if r := s.ReasonsOf(KindPost); len(r) != 1 || r[0].In(msg.Zh) != want {
			t.Errorf("reasons = %v", r)
		}
		if fmt.Sprint(s.Posts) != "[会员]" {
			t.Errorf("posts = %v", s.Posts)
		}
		// The day before leaving, the post holds.
		s = derive(t, m, nil, "2026-04-30")
		if s.Representatives[0].EffectivePost != member.PostVicePresident || fmt.Sprint(s.Posts) != "[副会长]" {
			t.Errorf("before leaving: %+v %v", s.Representatives[0], s.Posts)
		}
	})
	t.Run("left the city", func(t *testing.T) {
		m := unit(member.PostCouncil)
		m.Representatives[0].Left, m.Representatives[0].LeftCity = d("2026-05-01"), true
		s := derive(t, m, nil, "2026-11-27")
		if r := s.ReasonsOf(KindPost); len(r) != 1 || !strings.Contains(r[0].In(msg.Zh), "已调离本市，普通会员资格也自动取消") {
			t.Errorf("reasons = %v", r)
		}
	})
	t.Run("a successor does not inherit the post (Article 8)", func(t *testing.T) {
		m := unit(member.PostVicePresident)
		m.Representatives[0].Left = d("2026-05-01")
		m.Representatives = append(m.Representatives, &member.Representative{Role: member.RoleMain, Name: "李示乙",
			Since: d("2026-05-01"), Post: member.PostVicePresident})
		s := derive(t, m, nil, "2026-11-27")
		if s.Representatives[1].EffectivePost != "" {
			t.Errorf("successor keeps %q", s.Representatives[1].EffectivePost)
		}
		if r := s.ReasonsOf(KindPost); len(r) != 2 || !strings.HasPrefix(r[1].In(msg.Zh), "第八条：李示乙（主代表，任职日期2026-05-01）接替已调离的主代表张示甲，不能直接代理其会内职务（副会长）：审批登记中没有理事会通过其任副会长的记录；") {
			t.Errorf("reasons = %v", r)
		}
		m.Representatives[1].PostSince = d("2026-06-15")
		s = derive(t, m, nil, "2026-11-27")
		if s.Representatives[1].EffectivePost != member.PostVicePresident {
			t.Errorf("approved successor lost the post: %v", s.Reasons)
		}
	})
	t.Run("the posts of a withdrawn member", func(t *testing.T) {
		s := derive(t, unit(member.PostCouncil), series("x......"), "2025-08-20")
		if s.Status != Withdrawn || s.Representatives[0].EffectivePost != "" {
			t.Errorf("%s %+v", s.Status, s.Representatives[0])
		}
	})
}

// Article 9.3: a leader six months without taking part is relieved.
func TestLeaderRelieved(t *testing.T) {
	acts := []*member.Activity{
		{ID: "a1", Start: d("2026-05-27"), Status: member.StatusHeld, Audience: member.AudienceAll,
			Attendance: []member.Attendance{{Member: "m", Persons: []string{rep}}}},
		{ID: "a2", Start: d("2026-06-15"), Status: member.StatusHeld, Audience: member.AudienceAll,
			Attendance: []member.Attendance{{Member: "m", Others: 2}}},
	}
	for _, a := range acts {
		a.End = a.Start
	}
	tests := []struct {
		post, today string
		relieved    bool
	}{
		{member.PostVicePresident, "2026-11-26", false},
		{member.PostVicePresident, "2026-11-27", true},
		{member.PostPresident, "2026-11-27", true},
		{member.PostSecretaryGen, "2026-11-27", true},
		{member.PostCouncil, "2026-11-27", false}, // not a leader
	}
	for _, tt := range tests {
		t.Run(tt.post+" "+tt.today, func(t *testing.T) {
			s := derive(t, unit(tt.post), acts, tt.today)
			r := s.Representatives[0]
			if (r.EffectivePost == "") != tt.relieved {
				t.Fatalf("effective post %q, relieved want %v; %v", r.EffectivePost, tt.relieved, s.Reasons)
			}
			if tt.relieved {
				want := "第九条第3款：" + tt.post + "张示甲自 2026-05-27 起连续6个月未参与会内工作（期间 1 次活动本人均未参加），于 2026-11-27 做自动离职处理；恢复原职需重新审定资格并经理事会表决通过"
				if p := s.ReasonsOf(KindPost); len(p) != 1 || p[0].In(msg.Zh) != want {
					t.Errorf("reasons = %v", p)
				}
				if date(r.Relieved) != "2026-11-27" {
					t.Errorf("relieved = %v", r.Relieved)
				}
			}
			if s.Status != Active {
				t.Errorf("the member stays active: %s", s.Status)
			}
		})
	}
	t.Run("re-approved after being relieved", func(t *testing.T) {
		m := unit(member.PostVicePresident)
		m.Representatives[0].PostSince = d("2026-11-01")
		s := derive(t, m, acts, "2026-11-27")
		if s.Representatives[0].EffectivePost != member.PostVicePresident {
			t.Errorf("post lost: %v", s.Reasons)
		}
	})
}

func TestIndividualLeftCity(t *testing.T) {
	m := &member.Member{ID: "m", Level: member.LevelIndividual, Joined: d("2025-01-01"),
		Representatives: []*member.Representative{{Role: member.RoleMain, Name: rep, Left: d("2026-03-01"), LeftCity: true}},
		Fees:            []member.Fee{{Year: 2026, Paid: d("2026-01-10")}}}
	s := derive(t, m, nil, "2026-11-27")
	if s.Status != Withdrawn || date(s.Since) != "2026-03-01" {
		t.Fatalf("status %s since %s", s.Status, date(s.Since))
	}
	if r := s.ReasonsOf(KindStatus); len(r) != 1 || r[0].In(msg.Zh) != "第七条：个人会员张示甲于 2026-03-01 调离本市，普通会员资格自动取消" {
		t.Errorf("reasons = %v", r)
	}
}

func TestEnglishReasons(t *testing.T) {
	ds, _ := member.Assemble(msg.En, member.Sources{Members: []*member.Member{unit("")}, Activities: series("xx...")}, time.Time{})
	s := Derive(ds, d("2025-06-20")).Member("m")
	if r := s.ReasonsOf(KindStatus); len(r) != 1 || !strings.HasPrefix(r[0].In(msg.En), "Article 9(2): nobody attended 3 activities in a row (since 2025-04-01)") {
		t.Errorf("reasons = %v", r)
	}
}

// TestSentencesInCatalogue: every sentence key has its texts in the
// catalogue (which checks that both languages are there).
func TestSentencesInCatalogue(t *testing.T) {
	keys := msgtest.Keys(t, "messages.go", "sentence")
	for _, key := range keys {
		if got := msg.Zh.T(key); got == key {
			t.Errorf("sentence %q is not in the catalogue", key)
		}
	}
	if len(keys) < 20 {
		t.Errorf("found %d sentence keys", len(keys))
	}
}
