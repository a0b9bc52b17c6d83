package report

import (
	"bytes"
	"encoding/csv"
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/clock/clocktest"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
)

// d is the day s (YYYY-MM-DD) in Beijing time.
var d = clocktest.Day

func fixture(t *testing.T) (*member.Dataset, *rules.Result) {
	t.Helper()
	m := &member.Member{ID: "x", Name: "<script>alert(1)</script>示例", Level: member.LevelCouncil, UnitType: "企业",
		Region: "金水区", Industry: "互联网", Joined: d("2025-01-01"), Listed: false,
		Representatives: []*member.Representative{{Role: member.RoleMain, Name: "张示甲", Post: member.PostVicePresident,
			Contact: member.Contact{Mobile: "155-5555-0101"}}},
		Contact: member.Contact{Phone: "0371-5555-0001", Email: "office@example.com", Address: "郑州市金水区示例路1号"},
		Fees:    []member.Fee{{Year: 2025, Paid: d("2025-02-01"), Amount: 10000}},
		Notes:   "=cmd",
	}
	var acts []*member.Activity
	for i := 0; i < 3; i++ {
		a := &member.Activity{ID: "a" + string(rune('0'+i)), Start: d("2026-03-01").AddDate(0, i, 0), Status: member.StatusHeld, Audience: member.AudienceAll}
		a.End = a.Start
		acts = append(acts, a)
	}
	ds, diags := member.Assemble(msg.En, member.Sources{Members: []*member.Member{m}, Activities: acts}, time.Time{})
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	return ds, rules.Derive(ds, d("2026-11-27"))
}

func TestReport(t *testing.T) {
	ds, res := fixture(t)
	rep := Build(ds, res)
	if rep.Total != 1 || rep.Suspended != 1 || rep.Owing != 1 {
		t.Fatalf("counts %+v", rep)
	}
	row := rep.Rows[0]
	if row.Rate != "0.0%" || row.FeeThisYear != "未缴" || row.UnpaidYears != "2026" || row.Since != "2026-05-01" {
		t.Errorf("row = %+v", row)
	}
	html, err := rep.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;示例", "第九条第2款：连续3次活动无人参加（2026-03-01 起）",
		"第九条：2026年度会费未缴纳（欠缴会费）", "0371-5555-0001", "155-5555-0101", "noindex"} {
		if !bytes.Contains(html, []byte(want)) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if bytes.Contains(html, []byte("<script>alert")) {
		t.Error("HTML not escaped")
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(rep.CSV(), []byte("\ufeff")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(rows[1]) != len(CSVHeader) || rows[1][17] != "0371-5555-0001" || rows[1][22] != "'=cmd" ||
		!strings.Contains(rows[1][9], "第九条第2款") || !strings.Contains(rows[1][16], "155-5555-0101") {
		t.Errorf("csv = %q", rows)
	}
}

func TestWrite(t *testing.T) {
	ds, res := fixture(t)
	dir := filepath.Join(t.TempDir(), "report")
	paths, err := Write(dir, ds, res)
	if err != nil || len(paths) != 2 {
		t.Fatal(paths, err)
	}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || st.Mode().Perm() != 0o600 || st.Size() == 0 {
			t.Errorf("%s: %v %v", p, st, err)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// The report is Chinese under any locale, and lists the individual members
// of Article 7 and every status with its reason.
func TestReportOfTheSample(t *testing.T) {
	today := d("2026-11-27")
	ds, l := member.Load(msg.En, filepath.Join("..", ".."), today)
	if l.HasErrors() {
		t.Fatal(l)
	}
	rep := Build(ds, rules.Derive(ds, today))
	var derived *Row
	statuses := map[rules.Status]int{}
	for i, row := range rep.Rows {
		statuses[row.Status]++
		if row.ID == "zhou-shi-jiu" {
			derived = &rep.Rows[i]
		}
		for _, r := range row.Reasons {
			if !strings.HasPrefix(r, "第") {
				t.Errorf("%s: a reason not in Chinese: %q", row.ID, r)
			}
		}
	}
	if derived == nil || !derived.Derived || derived.Level != member.LevelIndividual || len(derived.Reasons) == 0 ||
		!strings.HasPrefix(derived.Reasons[0], "第七条：周示九原为郑州虚构峰数研究院主代表") {
		t.Errorf("the former representative of m08: %+v", derived)
	}
	if statuses[rules.Suspended] == 0 || statuses[rules.Withdrawn] == 0 {
		t.Errorf("statuses %v: the report lists every member", statuses)
	}
}

// TestAssessments: the assessment records (考核登记) of the seed are in the
// internal report, HTML and CSV, by date.
func TestAssessments(t *testing.T) {
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)
	ds, l := member.Load(msg.En, filepath.Join("..", ".."), today)
	if l.HasErrors() {
		t.Fatal(l.Errors())
	}
	rep := Build(ds, rules.Derive(ds, today))
	for _, row := range rep.Rows {
		if row.ID != "m01-erqi" {
			continue
		}
		want := "2026-06-18 交流合作：（示例）承办数字经济发展论坛分会场，提供场地与讲者。"
		if len(row.Assessments) != 2 || row.Assessments[0] != want {
			t.Fatalf("assessments %q", row.Assessments)
		}
		page, err := rep.HTML()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), "<li>"+want+"</li>") || !strings.Contains(string(rep.CSV()), want) {
			t.Error("the records are not in the HTML or the CSV")
		}
		return
	}
	t.Fatal("no row for m01-erqi")
}
