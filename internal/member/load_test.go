package member

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/msg/msgtest"

	"github.com/zzia/press/internal/clock"
)

const okMember = `id: alpha
name: 郑州示例甲科技有限公司
short_name: 示例甲
level: 理事单位
unit_type: 企业
region: 金水区
industry: 软件和信息技术服务业
joined: 2024-03-15
website: https://alpha.example.com
listed: true
intro: |
  <b>示例</b> introduction with <script>alert(1)</script>
representatives:
  - person: zhang-shijia
    role: 主代表
    title: 总经理
    post: 理事
contact:
  phone: "0371-55550001"
  address: 郑州市金水区示例路1号
fees:
  - year: 2026
    amount: 10000
    paid: 2026-02-01
`

const okMemberB = `id: beta
name: 中原虚构大学
level: 普通会员单位
unit_type: 高校
region: 二七区
industry: 教育
joined: 2025-01-01
listed: false
representatives:
  - person: li-xuyi
    role: 主代表
`

const okPerson = `id: zhang-shijia
name: 张示甲
contact:
  mobile: "155-5555-0001"
  email: zhang@example.com
`

// today is the day the fixtures are checked against.
var today = time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)

const okActivity = `id: forum-2025
title: 数字化转型论坛
kind: 论坛
start: 2025-03-02 14:00
end: 2025-03-02 17:00
location: 郑州示例会展中心
department: 咨询培训部
registration:
  url: https://reg.example.com/forum
  deadline: 2025-02-28 18:00
capacity: 100
status: held
attendance:
  - member: alpha
    persons: [张示甲]
    others: 2
`

// site returns a file system holding the valid files, with the given files
// added or replaced.
func site(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{
		"data/members/alpha.yaml":         {Data: []byte(okMember)},
		"data/members/beta.yaml":          {Data: []byte(okMemberB)},
		"data/people/zhang-shijia.yaml":   {Data: []byte(okPerson)},
		"data/people/li-xuyi.yaml":        {Data: []byte("id: li-xuyi\nname: 李虚乙\n")},
		"data/activities/forum-2025.yaml": {Data: []byte(okActivity)},
		"data/chronicle.yaml":             {Data: []byte("milestones:\n  - date: 2010-05-18\n    title: 成立\n")},
	}
	for name, src := range files {
		if src == "" {
			delete(fsys, name)
			continue
		}
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

func TestLoadValid(t *testing.T) {
	ds, diags := LoadFS(msg.En, site(nil), today)
	if len(diags) != 0 {
		t.Fatalf("unexpected diagnostics:\n%v", diags)
	}
	if len(ds.Members) != 2 || len(ds.Activities) != 1 || len(ds.Chronicle) != 1 {
		t.Fatalf("got %d members, %d activities, %d milestones", len(ds.Members), len(ds.Activities), len(ds.Chronicle))
	}
	m := ds.Member("alpha")
	if m.Name != "郑州示例甲科技有限公司" || m.Level != LevelCouncil || !m.Listed {
		t.Errorf("member fields: %+v", m)
	}
	if !strings.Contains(m.Intro, "<script>alert(1)</script>") {
		t.Errorf("HTML in intro must be kept as data, got %q", m.Intro)
	}
	if m.Contact.Phone != "0371-55550001" || m.Representatives[0].Contact.Email != "zhang@example.com" {
		t.Errorf("contacts: %+v %+v", m.Contact, m.Representatives[0].Contact)
	}
	if len(m.Fees) != 1 || m.Fees[0].Year != 2026 || m.Fees[0].Paid.IsZero() {
		t.Errorf("fees: %+v", m.Fees)
	}
	a := ds.Activity("forum-2025")
	want := time.Date(2025, 3, 2, 6, 0, 0, 0, time.UTC)
	if !a.Start.Equal(want) || a.AllDay {
		t.Errorf("start = %v (all day %v), want %v", a.Start.UTC(), a.AllDay, want)
	}
	if at := a.Attended("alpha"); at == nil || !at.Person("张示甲") || at.Others != 2 {
		t.Errorf("attendance: %+v", a.Attendance)
	}
	if a.Audience != AudienceAll {
		t.Errorf("default audience = %q", a.Audience)
	}
}

// TestValidationErrors covers every kind of mistake an editor can make,
// each with its exact file:line:col, message and hint.
func TestValidationErrors(t *testing.T) {
	replace := func(src, old, new string) string {
		if !strings.Contains(src, old) {
			panic("fixture lacks " + old)
		}
		return strings.Replace(src, old, new, 1)
	}
	tests := []struct {
		name  string
		files map[string]string
		want  []string // diagnostics, exactly, in order
	}{
		{
			name:  "unknown field with a suggestion",
			files: map[string]string{"data/members/alpha.yaml": replace(okMember, "  phone:", "  phon:")},
			want:  []string{`data/members/alpha.yaml:19:3: unknown field "phon"; did you mean "phone"?`},
		},
		{
			name:  "unknown field far from any known one",
			files: map[string]string{"data/members/beta.yaml": okMemberB + "colour: red\n"},
			want:  []string{`data/members/beta.yaml:12:1: unknown field "colour"`},
		},
		{
			name:  "wrong type: number for text",
			files: map[string]string{"data/members/alpha.yaml": replace(okMember, `phone: "0371-55550001"`, `phone: 037155550001`)},
			want:  []string{`data/members/alpha.yaml:19:10: phone: expected text, got number 037155550001; put the value in quotes: phone: "037155550001"`},
		},
		{
			name:  "wrong type: text for a boolean",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "listed: false", "listed: 否")},
			want:  []string{`data/members/beta.yaml:8:9: listed: expected true or false, got text; did you mean "false"?`},
		},
		{
			name:  "wrong type: mapping for a list",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "representatives:\n  - person", "representatives:\n    person")},
			want: []string{
				`data/members/beta.yaml:10:5: representatives: expected a list, got mapping`,
			},
		},
		{
			name:  "wrong type: text for a number",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "capacity: 100", "capacity: 一百")},
			want:  []string{`data/activities/forum-2025.yaml:11:11: capacity: expected a whole number, got text`},
		},
		{
			name:  "value outside the list, close to one",
			files: map[string]string{"data/members/alpha.yaml": replace(okMember, "region: 金水区", "region: 金水")},
			want:  []string{`data/members/alpha.yaml:6:9: region: "金水" is not an allowed value; did you mean "金水区"?`},
		},
		{
			name:  "value outside the list, far from all",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "kind: 论坛", "kind: 团建")},
			want:  []string{`data/activities/forum-2025.yaml:3:7: kind: "团建" is not an allowed value; allowed: 研讨会 论坛 讲座 培训 会议 其他`},
		},
		{
			name:  "department not one of the four",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "咨询培训部", "咨询部")},
			want:  []string{`data/activities/forum-2025.yaml:7:13: department: "咨询部" is not an allowed value; did you mean "咨询培训部"?`},
		},
		{
			name:  "missing required fields",
			files: map[string]string{"data/members/beta.yaml": replace(replace(okMemberB, "name: 中原虚构大学\n", ""), "industry: 教育\n", "")},
			want: []string{
				`data/members/beta.yaml:1:1: missing required field "name" (名称)`,
				`data/members/beta.yaml:1:1: missing required field "industry" (行业)`,
			},
		},
		{
			name:  "required field left empty",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "joined: 2025-01-01", "joined:")},
			want:  []string{`data/members/beta.yaml:7:1: missing required field "joined" (入会日期)`},
		},
		{
			name:  "missing field in a nested mapping",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "    role: 主代表\n", "    title: 校长\n")},
			want:  []string{`data/members/beta.yaml:10:5: missing required field "role" (主代表/副代表)`},
		},
		{
			name:  "duplicate member id names both files",
			files: map[string]string{"data/members/alpha.yml": replace(okMember, "name: 郑州示例甲科技有限公司", "name: 另一家")},
			want: []string{
				`data/members/alpha.yml:1:5: duplicate id "alpha"; also defined at data/members/alpha.yaml:1:5`,
			},
		},
		{
			name:  "duplicate activity id names both files",
			files: map[string]string{"data/activities/forum-2025.yml": okActivity},
			want: []string{
				`data/activities/forum-2025.yml:1:5: duplicate id "forum-2025"; also defined at data/activities/forum-2025.yaml:1:5`,
			},
		},
		{
			name:  "id differs from the file name",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "id: beta", "id: gamma")},
			want:  []string{`data/members/beta.yaml:1:5: id "gamma" does not match the file name "beta.yaml"; rename the file to gamma.yaml or set id: beta`},
		},
		{
			name:  "id not a slug",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "id: beta", "id: Beta Univ")},
			want:  []string{`data/members/beta.yaml:1:5: id "Beta Univ" is not a slug; use lower-case letters a–z, digits and single hyphens, e.g. "beta-univ"`},
		},
		{
			name:  "attendance names an unknown member",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "member: alpha", "member: alpah")},
			want:  []string{`data/activities/forum-2025.yaml:14:13: attendance names unknown member "alpah"; did you mean "alpha"?`},
		},
		{
			name:  "attendance names a person who is not a representative",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "persons: [张示甲]", "persons: [张示乙]")},
			want:  []string{`data/activities/forum-2025.yaml:15:15: "张示乙" is not a representative of alpha; list only the unit's representatives under persons; count other staff under others`},
		},
		{
			name:  "attendance names a person with a homophone slip",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "persons: [张示甲]", "persons: [章示甲]")},
			want:  []string{`data/activities/forum-2025.yaml:15:15: "章示甲" is not a representative of alpha; did you mean "张示甲"?`},
		},
		{
			name:  "attendance on an activity not held",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "status: held", "status: planned")},
			want:  []string{`data/activities/forum-2025.yaml:13:1: attendance is recorded but status is "planned"; only held activities have attendance`},
		},
		{
			name:  "end before start",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "end: 2025-03-02 17:00", "end: 2025-03-02 13:00")},
			want:  []string{`data/activities/forum-2025.yaml:5:6: end 2025-03-02 13:00 is before start 2025-03-02 14:00`},
		},
		{
			name:  "registration deadline after the start",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "deadline: 2025-02-28 18:00", "deadline: 2025-03-03")},
			want:  []string{`data/activities/forum-2025.yaml:10:13: registration deadline 2025-03-03 is after the start 2025-03-02 14:00`},
		},
		{
			name:  "impossible date",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "joined: 2025-01-01", "joined: 2025-02-30")},
			want:  []string{`data/members/beta.yaml:7:9: joined: "2025-02-30" is not a valid date; write a date as YYYY-MM-DD, e.g. 2026-03-15`},
		},
		{
			name:  "impossible time",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "start: 2025-03-02 14:00", "start: 2025-03-02 25:00")},
			want:  []string{`data/activities/forum-2025.yaml:4:8: start: "2025-03-02 25:00" is not a valid date and time; write YYYY-MM-DD HH:MM (Asia/Shanghai), e.g. 2026-03-15 14:30, or a date for an all-day activity`},
		},
		{
			name:  "YAML syntax error",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "region: 二七区", "region: 二七区: x")},
			want:  []string{`data/members/beta.yaml:5:9: YAML syntax error: mapping value is not allowed in this context; put a value containing ": " in quotes, or check the indentation`},
		},
		{
			name:  "duplicate key",
			files: map[string]string{"data/members/beta.yaml": okMemberB + "region: 金水区\n"},
			want:  []string{`data/members/beta.yaml:12:1: YAML syntax error: mapping key "region" already defined at [5:1]; keep one of them`},
		},
		{
			name:  "empty file",
			files: map[string]string{"data/members/empty.yaml": "# nothing yet\n"},
			want:  []string{`data/members/empty.yaml:1:1: the file is empty`},
		},
		{
			name:  "two documents in one file",
			files: map[string]string{"data/members/beta.yaml": okMemberB + "---\nid: x\n"},
			want:  []string{`data/members/beta.yaml:12:1: the file holds 2 YAML documents; keep one document per file; remove the --- separators`},
		},
		{
			name: "bad URL and e-mail",
			files: map[string]string{"data/members/alpha.yaml": replace(okMember, "https://alpha.example.com", "alpha.example.com"),
				"data/people/zhang-shijia.yaml": replace(okPerson, "zhang@example.com", "zhang(at)example")},
			want: []string{
				`data/members/alpha.yaml:9:10: website: "alpha.example.com" is not an http(s) URL`,
				`data/people/zhang-shijia.yaml:5:10: email: "zhang(at)example" is not an e-mail address`,
			},
		},
		{
			name: "two current main representatives (Article 6)",
			files: map[string]string{"data/members/beta.yaml": okMemberB + "  - person: wang-xubing\n    role: 主代表\n",
				"data/people/wang-xubing.yaml": "id: wang-xubing\nname: 王虚丙\n"},
			want: []string{`data/members/beta.yaml:12:13: a second current 主代表; a member has one 主代表 and at most one 副代表 (Article 6)`},
		},
		{
			name:  "a post the level does not allow (Article 6)",
			files: map[string]string{"data/members/beta.yaml": okMemberB + "    post: 理事\n"},
			want:  []string{`data/members/beta.yaml:12:11: a representative of a 普通会员单位 cannot hold the post 理事 (Article 6); a 普通会员单位 may hold: 副秘书长`},
		},
		{
			name:  "left before since",
			files: map[string]string{"data/members/beta.yaml": okMemberB + "    since: 2025-05-01\n    left: 2025-04-01\n"},
			want:  []string{`data/members/beta.yaml:13:11: left 2025-04-01 is before since 2025-05-01`},
		},
		{
			name:  "duplicate fee year",
			files: map[string]string{"data/members/alpha.yaml": okMember + "  - year: 2026\n    paid: 2026-03-01\n"},
			want:  []string{`data/members/alpha.yaml:25:11: fee year 2026 is listed twice`},
		},
		{
			name:  "negative capacity",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "capacity: 100", "capacity: -5")},
			want:  []string{`data/activities/forum-2025.yaml:11:11: capacity must not be negative, got -5`},
		},
		{
			name:  "all-day start with a timed end",
			files: map[string]string{"data/activities/forum-2025.yaml": replace(okActivity, "start: 2025-03-02 14:00", "start: 2025-03-02")},
			want:  []string{`data/activities/forum-2025.yaml:5:6: start and end must both be dates or both be dates with times; write YYYY-MM-DD HH:MM (Asia/Shanghai), e.g. 2026-03-15 14:30, or a date for an all-day activity`},
		},
		{
			name:  "alias",
			files: map[string]string{"data/members/beta.yaml": replace(okMemberB, "name: 中原虚构大学", "name: &n 中原虚构大学\nshort_name: *n")},
			want:  []string{`data/members/beta.yaml:3:13: YAML aliases are not supported; write the value out`},
		},
		{
			name:  "chronicle problems",
			files: map[string]string{"data/chronicle.yaml": "milestones:\n  - date: 2010-13-01\n    title: 成立\n  - titel: x\n"},
			want: []string{
				`data/chronicle.yaml:2:11: date: "2010-13-01" is not a valid date; write a date as YYYY-MM-DD, e.g. 2026-03-15`,
				`data/chronicle.yaml:4:5: unknown field "titel"; did you mean "title"?`,
				`data/chronicle.yaml:4:5: missing required field "date" (日期)`,
				`data/chronicle.yaml:4:5: missing required field "title" (标题)`,
			},
		},
		{
			name: "every problem at once, across files",
			files: map[string]string{
				"data/members/beta.yaml":          replace(okMemberB, "level: 普通会员单位", "level: 会员"),
				"data/activities/forum-2025.yaml": replace(replace(okActivity, "kind: 论坛", "kind: 论谈"), "member: alpha", "member: nobody"),
			},
			want: []string{
				`data/activities/forum-2025.yaml:3:7: kind: "论谈" is not an allowed value; did you mean "论坛"?`,
				`data/activities/forum-2025.yaml:14:13: attendance names unknown member "nobody"`,
				`data/members/beta.yaml:3:8: level: "会员" is not an allowed value; allowed: 副会长单位 理事单位 普通会员单位 个人会员`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			diags := wantDiagnostics(t, tt.files, tt.want)
			if !diags.HasErrors() {
				t.Errorf("expected errors")
			}
		})
	}
}

func TestWarnings(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"fee differs from the standard", map[string]string{"data/members/alpha.yaml": strings.Replace(okMember, "amount: 10000", "amount: 5000", 1)},
			`data/members/alpha.yaml:23:13: warning: fee of 5000 yuan for 2026 differs from the standard fee of 10000 yuan for 理事单位; set note: to explain a reduced or special fee`},
		{"attended before joining", map[string]string{"data/members/alpha.yaml": strings.Replace(okMember, "joined: 2024-03-15", "joined: 2025-06-01", 1)},
			`data/activities/forum-2025.yaml:14:13: warning: member "alpha" attended on 2025-03-02, before joining on 2025-06-01`},
		{"over capacity", map[string]string{"data/activities/forum-2025.yaml": strings.Replace(okActivity, "capacity: 100", "capacity: 2", 1)},
			`data/activities/forum-2025.yaml:11:11: warning: 3 people attended, more than the capacity of 2`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := LoadFS(msg.En, site(tt.files), today)
			if len(diags) != 1 || diags[0].String() != tt.want || diags.HasErrors() {
				t.Errorf("got %q, want one warning %q", diags.Error(), tt.want)
			}
		})
	}
}

func TestChineseMessages(t *testing.T) {
	_, diags := LoadFS(msg.Zh, site(map[string]string{"data/members/alpha.yaml": strings.Replace(okMember, "  phone:", "  phon:", 1)}), today)
	want := `data/members/alpha.yaml:19:3: 未知字段 "phon"; 是否应为 "phone"？`
	if len(diags) != 1 || diags[0].String() != want {
		t.Errorf("got %q, want %q", diags.Error(), want)
	}
}

// TestMessagesInCatalogue: every message key has its texts in the
// catalogue (which checks that both languages are there).
func TestMessagesInCatalogue(t *testing.T) {
	keys := msgtest.Keys(t, "messages.go", "Msg")
	for _, key := range keys {
		if got := text(msg.Zh, Msg(key)); got == "member."+key {
			t.Errorf("message %q is not in the catalogue", key)
		}
	}
	if len(keys) < 100 {
		t.Errorf("found %d message keys", len(keys))
	}
}

func TestAllDayActivity(t *testing.T) {
	src := strings.NewReplacer("start: 2025-03-02 14:00", "start: 2025-03-02", "end: 2025-03-02 17:00", "end: 2025-03-03",
		"deadline: 2025-02-28 18:00", "deadline: 2025-03-02").Replace(okActivity)
	a, diags := ParseActivity(msg.En, "data/activities/forum-2025.yaml", []byte(src))
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if !a.AllDay || day(a.End) != "2025-03-03" {
		t.Errorf("all day = %v, end = %v", a.AllDay, a.End)
	}
}

func TestNearest(t *testing.T) {
	tests := []struct {
		in   string
		list []string
		want string
	}{
		{"phon", []string{"phone", "fax"}, "phone"},
		{"金水", Regions.Values(), "金水区"},
		{"高新", Regions.Values(), "郑州高新技术产业开发区"},
		{"ph", []string{"phone", "fax"}, "phone"},
		{"xyz", []string{"id", "name"}, ""},
		{"", []string{"id"}, ""},
	}
	for _, tt := range tests {
		if got := nearest(tt.in, tt.list); got != tt.want {
			t.Errorf("nearest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// wantDiagnostics loads the site of files as of today and checks that its
// diagnostics, in English, are want, exactly and in order.
func wantDiagnostics(t *testing.T, files map[string]string, want []string) diag.List {
	t.Helper()
	_, diags := LoadFS(msg.En, site(files), today)
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(want, "\n      "))
	}
	return diags
}
