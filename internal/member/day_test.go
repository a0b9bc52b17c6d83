package member

import (
	"github.com/zzia/press/internal/msg"
	"strings"
	"testing"
)

// The checks that depend on the day (today = 2026-11-27) and those that
// join files: Article 6 as of today, nothing that happened dated in the
// future, people and the approval register.
func TestAsOfToday(t *testing.T) {
	unit := func(reps string) string {
		return strings.Replace(okMemberB, "representatives:\n  - person: li-xuyi\n    role: 主代表\n", "representatives:\n"+reps, 1)
	}
	people := map[string]string{
		"data/people/wang-xubing.yaml": "id: wang-xubing\nname: 王虚丙\n",
	}
	with := func(files map[string]string) map[string]string {
		out := map[string]string{}
		for k, v := range people {
			out[k] = v
		}
		for k, v := range files {
			out[k] = v
		}
		return out
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"a future since does not count yet", with(map[string]string{"data/members/beta.yaml": unit("  - person: li-xuyi\n    role: 主代表\n    since: 2026-12-01\n")}),
			[]string{"data/members/beta.yaml:10:13: no current representative on 2026-11-27 (Article 6); record the successor (with since:), or record that the 副代表 became 主代表"}},
		{"a future left still counts", with(map[string]string{"data/members/beta.yaml": unit("  - person: li-xuyi\n    role: 主代表\n    left: 2026-12-31\n  - person: wang-xubing\n    role: 主代表\n    since: 2026-12-31\n")}),
			nil},
		{"a successor and the one who left", with(map[string]string{"data/members/beta.yaml": unit("  - person: li-xuyi\n    role: 主代表\n    left: 2026-05-01\n  - person: wang-xubing\n    role: 主代表\n    since: 2026-05-01\n")}),
			nil},
		{"two current 主代表", with(map[string]string{"data/members/beta.yaml": unit("  - person: li-xuyi\n    role: 主代表\n  - person: wang-xubing\n    role: 主代表\n")}),
			[]string{"data/members/beta.yaml:12:13: a second current 主代表; a member has one 主代表 and at most one 副代表 (Article 6)"}},
		{"only a 副代表 left in office", with(map[string]string{"data/members/beta.yaml": unit("  - person: li-xuyi\n    role: 主代表\n    left: 2026-05-01\n  - person: wang-xubing\n    role: 副代表\n")}),
			[]string{"data/members/beta.yaml:13:13: no current 主代表 on 2026-11-27 (Article 6); record the successor (with since:), or record that the 副代表 became 主代表"}},
		{"a 普通会员单位 cannot hold 会长", with(map[string]string{"data/members/beta.yaml": unit("  - person: li-xuyi\n    role: 主代表\n    post: 会长\n")}),
			[]string{"data/members/beta.yaml:12:11: a representative of a 普通会员单位 cannot hold the post 会长 (Article 6); a 普通会员单位 may hold: 副秘书长"}},
		{"a held activity after today", map[string]string{"data/activities/forum-2025.yaml": strings.NewReplacer("2025-03-02", "2026-12-02", "2025-02-28", "2026-11-30").Replace(okActivity)},
			[]string{"data/activities/forum-2025.yaml:12:9: status is held but the activity starts on 2026-12-02, after today (2026-11-27); use status: planned until it has taken place"}},
		{"joined after today", map[string]string{"data/members/beta.yaml": strings.Replace(okMemberB, "joined: 2025-01-01", "joined: 2026-12-01", 1)},
			[]string{"data/members/beta.yaml:1:5: joined 2026-12-01 is after today (2026-11-27); check the date, or pass --today"}},
		{"an unknown person", map[string]string{"data/members/beta.yaml": strings.Replace(okMemberB, "person: li-xuyi", "person: li-xu-yi", 1)},
			[]string{`data/members/beta.yaml:10:13: unknown person "li-xu-yi"; did you mean "li-xuyi"?`}},
		{"a representative written the old way", map[string]string{"data/members/beta.yaml": unit("  - role: 主代表\n    name: 李虚乙\n    contact:\n      mobile: \"155\"\n")},
			[]string{"data/members/beta.yaml:11:11: a representative names a person record: person: <id>; move the name and contact to data/people/<id>.yaml and write person: <id>",
				"data/members/beta.yaml:12:5: contact of a representative belongs in the person's file (data/people/); move the name and contact to data/people/<id>.yaml and write person: <id>"}},
		{"a name that is not the person's", map[string]string{"data/members/beta.yaml": unit("  - person: li-xuyi\n    name: 李虚甲\n    role: 主代表\n")},
			[]string{`data/members/beta.yaml:10:13: name "李虚甲" differs from "李虚乙" in data/people/li-xuyi.yaml`}},
		{"an individual member among the units", map[string]string{"data/members/beta.yaml": strings.Replace(okMemberB, "level: 普通会员单位", "level: 个人会员", 1)},
			[]string{"data/members/beta.yaml:3:8: an individual member is a person: keep it in data/people/ with a membership section; move it to data/people/<id>.yaml with name, contact and membership"}},
		{"a person's id taken by a unit", map[string]string{"data/people/beta.yaml": "id: beta\nname: 某人\n"},
			[]string{"data/people/beta.yaml:1:5: id \"beta\" is used both by data/members/beta.yaml and by data/people/beta.yaml; rename one of them"}},
		{"an individual member who never represented a unit", map[string]string{"data/people/wu.yaml": "id: wu\nname: 吴虚\nmembership:\n  region: 金水区\n"},
			[]string{"data/people/wu.yaml:3:1: membership needs joined: 吴虚 never represented a member unit"}},
		{"an individual member without region", map[string]string{"data/people/wu.yaml": "id: wu\nname: 吴虚\nmembership:\n  joined: 2024-01-01\n  industry: 教育\n  listed: true\n"},
			[]string{"data/people/wu.yaml:3:1: membership needs region: 吴虚 never represented a member unit"}},
		{"post_since not in the register", map[string]string{"data/members/alpha.yaml": strings.Replace(okMember, "    post: 理事\n", "    post: 理事\n    post_since: 2025-06-01\n", 1)},
			[]string{"data/members/alpha.yaml:18:17: post_since 2025-06-01: the approval register has no entry for 张示甲 as 理事 of alpha on that day; record the council's decision in data/approvals.yaml (date, meeting, member, person, post)"}},
		{"post_since in the register", map[string]string{"data/members/alpha.yaml": strings.Replace(okMember, "    post: 理事\n", "    post: 理事\n    post_since: 2025-06-01\n", 1),
			"data/approvals.yaml": "approvals:\n  - date: 2025-06-01\n    meeting: 第二届理事会第五次会议\n    member: alpha\n    person: zhang-shijia\n    post: 理事\n"}, nil},
		{"a register entry for another post", map[string]string{"data/members/alpha.yaml": strings.Replace(okMember, "    post: 理事\n", "    post: 理事\n    post_since: 2025-06-01\n", 1),
			"data/approvals.yaml": "approvals:\n  - date: 2025-06-01\n    meeting: 第二届理事会第五次会议\n    member: alpha\n    person: zhang-shijia\n    post: 秘书长\n"},
			[]string{"data/members/alpha.yaml:18:17: post_since 2025-06-01: the approval register has no entry for 张示甲 as 理事 of alpha on that day; recorded for this person: 2025-06-01 秘书长（alpha，第二届理事会第五次会议）"}},
		{"register entries naming nobody, or in the future", map[string]string{
			"data/approvals.yaml": "approvals:\n  - date: 2025-06-01\n    meeting: 会议\n    member: alpah\n    person: zhang-shijia\n    post: 理事\n  - date: 2027-01-01\n    meeting: 会议\n    member: alpha\n    person: nobody\n    post: 理事\n"},
			[]string{`data/approvals.yaml:2:5: unknown member "alpah"; did you mean "alpha"?`,
				`data/approvals.yaml:7:5: unknown person "nobody"; create data/people/nobody.yaml (press new person NAME)`,
				`data/approvals.yaml:7:5: the approval is dated 2027-01-01, after today (2026-11-27); check the date, or pass --today`}},
		{"attendance by a person's id", map[string]string{"data/activities/forum-2025.yaml": strings.Replace(okActivity, "member: alpha", "member: zhang-shijia", 1)},
			[]string{`data/activities/forum-2025.yaml:14:13: "zhang-shijia" is a person, not a member; write member: alpha and the name under persons`}},
		{"an invitation to nobody", map[string]string{"data/activities/forum-2025.yaml": strings.Replace(okActivity, "capacity: 100\n", "capacity: 100\ninvited: [alpha, betta]\n", 1)},
			[]string{`data/activities/forum-2025.yaml:12:18: unknown member "betta"; did you mean "beta"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wantDiagnostics(t, tt.files, tt.want)
		})
	}
}

// Individual members: people with a membership, and former
// representatives by Article 7 (see also the rules' tests W4).
func TestIndividualMembers(t *testing.T) {
	files := map[string]string{
		"data/people/lin.yaml": "id: lin\nname: 林示七\ncontact:\n  mobile: \"155-5555-0166\"\nleft_city: 2026-08-01\nmembership:\n  joined: 2021-07-15\n  region: 管城回族区\n  industry: 金融科技\n  listed: true\n  fees:\n    - year: 2026\n      amount: 200\n      paid: 2026-01-14\n",
		"data/members/beta.yaml": strings.Replace(okMemberB, "representatives:\n  - person: li-xuyi\n    role: 主代表\n",
			"representatives:\n  - person: li-xuyi\n    role: 主代表\n    left: 2026-03-01\n  - person: wang\n    role: 主代表\n    since: 2026-03-01\n", 1),
		"data/people/wang.yaml": "id: wang\nname: 王虚丙\n",
	}
	ds, diags := LoadFS(msg.En, site(files), today)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	lin := ds.Member("lin")
	if lin == nil || !lin.Individual() || lin.Derived || lin.Region != "管城回族区" || len(lin.Fees) != 1 || lin.Contact.Mobile != "155-5555-0166" {
		t.Fatalf("lin: %+v", lin)
	}
	if r := lin.Representatives[0]; !r.LeftCity || day(r.Left) != "2026-08-01" || r.Person != ds.Person("lin") {
		t.Errorf("lin's entry: %+v", r)
	}
	li := ds.Member("li-xuyi")
	if li == nil || !li.Derived || day(li.Joined) != "2026-03-01" || li.Region != "二七区" || li.Listed {
		t.Fatalf("li-xuyi by Article 7 (the unit is not listed, nor is he): %+v", li)
	}
	if li.Former == nil || li.Former.Member != ds.Member("beta") {
		t.Errorf("former position: %+v", li.Former)
	}
	if p := ds.Person("li-xuyi"); len(p.Positions) != 1 || p.Positions[0].Member.ID != "beta" {
		t.Errorf("positions: %+v", p.Positions)
	}
	// Before leaving, no individual member.
	ds, _ = LoadFS(msg.En, site(files), today.AddDate(0, -9, 0))
	if ds.Member("li-xuyi") != nil {
		t.Error("an individual member before leaving the unit")
	}
}
