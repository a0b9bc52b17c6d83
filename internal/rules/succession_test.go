package rules

import (
	"github.com/zzia/press/internal/msg"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/zzia/press/internal/member"
)

// The successions of Articles 7 and 8, read from YAML as editors write
// them: a 理事单位 whose 主代表 周示九 (理事) left on 2026-05-01, the day
// being 2026-11-27. Each test replaces the representatives.

const succUnit = `id: m08
name: 郑州虚构峰数研究院
level: 理事单位
unit_type: 科研院所
region: 荥阳市
industry: 智能制造
joined: 2019-09-01
listed: true
representatives:
  - person: zhou
    role: 主代表
    title: 院长
    post: 理事
    left: 2026-05-01
%s
fees:
  - year: 2026
    paid: 2026-01-16
`

// succActivities are a general activity each month from January to
// November 2026, attended by the unit; persons lists who came in person.
func succActivities(persons string) map[string]string {
	out := map[string]string{}
	for mo := 1; mo <= 11; mo++ {
		id := "2026-" + two(mo) + "-10-forum"
		out["data/activities/"+id+".yaml"] = "id: " + id + "\ntitle: 论坛\nkind: 论坛\nstart: 2026-" + two(mo) +
			"-10 14:00\nend: 2026-" + two(mo) + "-10 17:00\ndepartment: 咨询培训部\nstatus: held\nattendance:\n  - member: m08\n    persons: [" + persons + "]\n    others: 1\n"
	}
	return out
}

func two(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

// luoSucceeds is the representatives' list in which luo becomes the main
// representative on 2026-05-01, succeeding zhou.
const luoSucceeds = "  - person: luo\n    role: 主代表\n    since: 2026-05-01\n"

// zhouLeftCity is the file of zhou, who left the city on day.
func zhouLeftCity(day string) map[string]string {
	return map[string]string{"data/people/zhou.yaml": "id: zhou\nname: 周示九\nleft_city: " + day + "\n"}
}

// loadSucc loads the unit with the given representatives after 周示九's
// entry, the people, the approval register and the activities.
func loadSucc(t *testing.T, reps, approvals string, extra map[string]string) (*member.Dataset, *Result) {
	t.Helper()
	fsys := fstest.MapFS{
		"data/members/m08.yaml": {Data: []byte(strings.Replace(succUnit, "%s", strings.TrimRight(reps, "\n"), 1))},
		"data/people/zhou.yaml": {Data: []byte("id: zhou\nname: 周示九\ncontact:\n  mobile: \"155-5555-0008\"\n")},
		"data/people/luo.yaml":  {Data: []byte("id: luo\nname: 罗示新\n")},
		"data/people/he.yaml":   {Data: []byte("id: he\nname: 何虚丙\n")},
		"data/approvals.yaml":   {Data: []byte("approvals:\n" + approvals)},
	}
	if approvals == "" {
		delete(fsys, "data/approvals.yaml")
	}
	for k, v := range succActivities("") {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	for k, v := range extra {
		fsys[k] = &fstest.MapFile{Data: []byte(v)}
	}
	ds, diags := member.LoadFS(msg.En, fsys, d("2026-11-27"))
	if diags.HasErrors() {
		t.Fatalf("load: %v", diags)
	}
	return ds, Derive(ds, d("2026-11-27"))
}

// repStatus returns the status of the member's representative named name.
func repStatus(s *MemberStatus, name string) *RepStatus {
	for _, r := range s.Representatives {
		if r.Name == name && r.Current {
			return r
		}
	}
	return nil
}

func reasonWith(s *MemberStatus, article string) string {
	for _, r := range s.Reasons {
		if r.Article == article {
			return r.In(msg.Zh)
		}
	}
	return ""
}

// W1: a successor without since holds no office: Article 8, with the
// missing approval, not Article 9(3) counted from before they took office.
func TestW1SuccessorWithoutSince(t *testing.T) {
	_, res := loadSucc(t, "  - person: luo\n    role: 主代表\n    post: 理事\n", "", nil)
	s := res.Member("m08")
	if r := repStatus(s, "罗示新"); r == nil || r.EffectivePost != "" {
		t.Fatalf("the successor holds %+v", r)
	}
	got := reasonWith(s, "第八条")
	for _, want := range []string{"第八条：罗示新（主代表，任职日期未填写，按接任处理，自 2026-05-01 起）接替已调离的主代表周示九",
		"不能直接代理其会内职务（理事）", "审批登记中没有理事会通过其任理事的记录"} {
		if !strings.Contains(got, want) {
			t.Errorf("reason %q lacks %q", got, want)
		}
	}
	if r := reasonWith(s, "第九条第3款"); r != "" {
		t.Errorf("a reason of Article 9(3): %s", r)
	}
	// In office from 2026-05-01 only: not counted as absent before.
	if r := repStatus(s, "罗示新"); r.Expected != 7 {
		t.Errorf("expected in person %d times, want 7 (May to November)", r.Expected)
	}
	if posts := strings.Join(s.Posts, ""); posts != member.PostNone {
		t.Errorf("posts = %v", s.Posts)
	}
	// With the council's approval recorded, the post holds.
	_, res = loadSucc(t, "  - person: luo\n    role: 主代表\n    post: 理事\n    post_since: 2026-06-20\n",
		"  - date: 2026-06-20\n    meeting: 第三届理事会第二次会议\n    member: m08\n    person: luo\n    post: 理事\n", nil)
	if r := repStatus(res.Member("m08"), "罗示新"); r.EffectivePost != member.PostCouncil {
		t.Errorf("approved successor: %+v; %v", r, res.Member("m08").Reasons)
	}
}

// W2: post_since before since is not an approval of this office.
func TestW2ApprovalBeforeTakingOffice(t *testing.T) {
	_, res := loadSucc(t, "  - person: luo\n    role: 主代表\n    post: 理事\n    since: 2026-05-01\n    post_since: 2026-04-20\n",
		"  - date: 2026-04-20\n    meeting: 第三届理事会第一次会议\n    member: m08\n    person: luo\n    post: 理事\n", nil)
	s := res.Member("m08")
	if r := repStatus(s, "罗示新"); r.EffectivePost != "" {
		t.Fatalf("holds %q", r.EffectivePost)
	}
	if got := reasonWith(s, "第八条"); !strings.Contains(got, "post_since 2026-04-20 早于其任职日期 2026-05-01，该审批不是对本次任职的批准") {
		t.Errorf("reason: %s", got)
	}
}

// W3: an existing 副代表 handed the departed 主代表's post, in place or as a
// new entry, holds no office without an approval.
func TestW3DeputyHandedThePost(t *testing.T) {
	for name, reps := range map[string]string{
		"edited in place": "  - person: he\n    role: 主代表\n    title: 副院长\n    post: 理事\n",
		"new entry":       "  - person: he\n    role: 副代表\n    title: 副院长\n    left: 2026-05-01\n  - person: he\n    role: 主代表\n    post: 理事\n    since: 2026-05-01\n",
		"kept as 副代表":     "  - person: he\n    role: 副代表\n    post: 理事\n  - person: luo\n    role: 主代表\n    since: 2026-05-01\n",
	} {
		t.Run(name, func(t *testing.T) {
			ds, res := loadSucc(t, reps, "", nil)
			s := res.Member("m08")
			if r := repStatus(s, "何虚丙"); r == nil || r.EffectivePost != "" {
				t.Fatalf("何虚丙: %+v", r)
			}
			if got := reasonWith(s, "第八条"); !strings.Contains(got, "何虚丙") || !strings.Contains(got, "审批登记中没有理事会通过其任理事的记录") {
				t.Errorf("reason: %s", got)
			}
			if m := ds.Member("he"); m != nil {
				t.Errorf("何虚丙 holds a position and is not an individual member: %+v", m)
			}
		})
	}
}

// W4: a representative who leaves the post and stays in Zhengzhou is an
// ordinary individual member from that day (Article 7); one who left the
// city is not; one who left later is, and is withdrawn from then.
func TestW4RepresentativeStaysInTheCity(t *testing.T) {
	attend := map[string]string{}
	for k, v := range succActivities("") {
		if strings.Compare(k, "data/activities/2026-05") >= 0 {
			attend[k] = v + "  - member: zhou\n    persons: [周示九]\n"
		}
	}
	ds, res := loadSucc(t, luoSucceeds, "", attend)
	m := ds.Member("zhou")
	if m == nil || !m.Individual() || !m.Derived || date(m.Joined) != "2026-05-01" {
		t.Fatalf("周示九 as an individual member: %+v", m)
	}
	if m.Region != "荥阳市" || m.Industry != "智能制造" || !m.Listed || m.Name != "周示九" {
		t.Errorf("individual member's details: %+v", m)
	}
	s := res.Member("zhou")
	if s.Status != Active || s.Expected != 7 || s.Attended != 7 {
		t.Errorf("status %s, attended %d of %d", s.Status, s.Attended, s.Expected)
	}
	if got := reasonWith(s, "第七条"); got != "第七条：周示九原为郑州虚构峰数研究院主代表，于 2026-05-01 调离工作岗位，仍在本市，自动成为普通个人会员" {
		t.Errorf("reason: %q", got)
	}
	if got := reasonWith(res.Member("m08"), "第七条"); !strings.HasSuffix(got, "仍在本市，自动降为普通个人会员（zhou）") {
		t.Errorf("the unit's reason: %q", got)
	}

	t.Run("left the city with the post", func(t *testing.T) {
		ds, res := loadSucc(t, luoSucceeds, "", zhouLeftCity("2026-05-01"))
		if m := ds.Member("zhou"); m != nil {
			t.Errorf("left the city but a member: %+v", m)
		}
		if got := reasonWith(res.Member("m08"), "第七条"); !strings.Contains(got, "已调离本市，普通会员资格也自动取消") {
			t.Errorf("reason: %q", got)
		}
	})
	t.Run("left the city later", func(t *testing.T) {
		ds, res := loadSucc(t, luoSucceeds, "", zhouLeftCity("2026-09-01"))
		if m := ds.Member("zhou"); m == nil {
			t.Fatal("no individual member")
		}
		if s := res.Member("zhou"); s.Status != Withdrawn || date(s.Since) != "2026-09-01" {
			t.Errorf("status %s since %s", s.Status, date(s.Since))
		}
	})
	t.Run("not yet left", func(t *testing.T) {
		ds, _ := loadSucc(t, luoSucceeds, "", map[string]string{
			"data/members/m08.yaml": strings.Replace(strings.Replace(succUnit, "%s", "  - person: luo\n    role: 副代表", 1), "left: 2026-05-01", "left: 2026-12-31", 1)})
		if m := ds.Member("zhou"); m != nil {
			t.Errorf("an individual member before leaving: %+v", m)
		}
	})
}

// Activities marked counts: false, or by invitation, are not expected of
// those they do not count for.
func TestActivitiesThatDoNotCount(t *testing.T) {
	acts := series("x...")
	acts[1].Uncounted = true
	acts[2].Invited = []string{"other"}
	other := unit("")
	other.ID = "other"
	ds, diags := member.Assemble(msg.En, member.Sources{Members: []*member.Member{unit(""), other}, Activities: acts}, time.Time{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	res := Derive(ds, d("2025-06-20"))
	if s := res.Member("m"); s.Expected != 2 || s.Status != Active {
		t.Errorf("expected %d, status %s; want 2 and active", s.Expected, s.Status)
	}
	if s := res.Member("other"); s.Expected != 3 {
		t.Errorf("invited: expected %d, want 3", s.Expected)
	}
}

// Years before the fees were first recorded are not unpaid.
func TestFeesRecordedSince(t *testing.T) {
	m := unit("")
	m.Joined = d("2019-03-01")
	m.Fees = []member.Fee{{Year: 2025, Paid: d("2025-01-05")}, {Year: 2026, Paid: d("2026-01-10")}}
	if s := derive(t, m, nil, "2026-11-27"); len(s.UnpaidYears) != 6 {
		t.Errorf("from the join year: unpaid %v", s.UnpaidYears)
	}
	m.FeesRecordedSince = 2025
	if s := derive(t, m, nil, "2026-11-27"); len(s.UnpaidYears) != 0 || s.InArrears {
		t.Errorf("recorded since 2025: unpaid %v", s.UnpaidYears)
	}
}

// The report is Chinese whatever the locale: reasons can be had in either
// language.
func TestReasonInEitherLanguage(t *testing.T) {
	s := derive(t, unit(""), series("xx..."), "2025-06-20")
	r := s.ReasonsOf(KindStatus)[0]
	if !strings.HasPrefix(r.In(msg.Zh), "第九条第2款：连续3次活动无人参加") || !strings.HasPrefix(r.In(msg.En), "Article 9(2): nobody attended 3") {
		t.Errorf("%q / %q", r.In(msg.Zh), r.In(msg.En))
	}
}
