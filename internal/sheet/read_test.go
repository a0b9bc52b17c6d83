package sheet

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/msg"
)

func TestCheck(t *testing.T) {
	for _, tc := range []struct {
		kind          Kind
		in            string
		number        bool
		want, problem string
	}{
		{Date, "2026-01-31", false, "2026-01-31", ""},
		{Date, "2026/1/3", false, "2026-01-03", ""},
		{Date, "2026年1月3日", false, "2026-01-03", ""},
		{Date, "2026-02-30", false, "2026-02-30", "不是日期"},
		{Date, "46023", false, "46023", "Excel 的日期序列号（即 2026-01-01）"},
		{Number, "12", false, "12", ""},
		{Number, "１２", false, "１２", "全角数字；请写成 12"},
		{Number, "3人", false, "3人", "不是整数"},
		{Phone, "0371-55550000", false, "0371-55550000", ""},
		{Phone, "37155550000", true, "37155550000", "存成了数值"},
		{Phone, "1.38E+10", false, "1.38E+10", "存成了数值"},
		{Text, "  ", false, "  ", ""},
	} {
		got, problem := check(msg.Zh, tc.kind, tc.in, tc.number)
		if got != tc.want || (tc.problem == "") != (problem == "") || !strings.Contains(problem, tc.problem) {
			t.Errorf("check(%d, %q) = %q, %q; want %q, %q", tc.kind, tc.in, got, problem, tc.want, tc.problem)
		}
	}
}

// TestCSVRoundTrip: what WriteCSV writes, Read reads back under the same
// columns, headers found by alias and in any order, trailing empty rows
// ignored.
func TestCSVRoundTrip(t *testing.T) {
	cols := []Column{{Header: "单位名称", Aliases: []string{"单位"}, Required: true}, {Header: "入会日期", Kind: Date}}
	var b bytes.Buffer
	tb := &Table{Name: "x", Columns: []Column{{Header: "入会日期"}, {Header: "单位"}}, Rows: [][]string{{"2026-01-02", "甲, 乙"}, {"", "=HYPERLINK(\"x\")"}, {"", ""}}}
	if err := WriteCSV(&b, tb); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "t.csv")
	os.WriteFile(path, b.Bytes(), 0o644)
	in, ps := Read(msg.En, path, "", cols)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if !strings.Contains(b.String(), "'=HYPERLINK") {
		t.Errorf("a formula is written as is:\n%s", b.String())
	}
	if len(in.Records) != 2 || in.Records[0].Cells["单位名称"] != "甲, 乙" || in.Records[0].Cells["入会日期"] != "2026-01-02" || in.Records[0].Row != 2 ||
		in.Records[1].Cells["单位名称"] != "=HYPERLINK(\"x\")" {
		t.Errorf("records %+v", in.Records)
	}
	if in.Col["单位名称"] != 2 {
		t.Errorf("columns %v", in.Col)
	}
}

// TestProblemLanguage: a problem writes its position in its own language.
func TestProblemLanguage(t *testing.T) {
	p := Problem{File: "会员.xlsx", Sheet: "会员", Row: 12, Col: 5, Message: "m"}
	if got := p.String(); got != `会员.xlsx, sheet "会员", row 12, column E: m` {
		t.Errorf("English: %s", got)
	}
	p.Lang = msg.Zh
	if got := p.String(); got != "会员.xlsx 工作表「会员」第 12 行 E 列：m" {
		t.Errorf("Chinese: %s", got)
	}
	p.Col = 0
	if got := p.String(); got != "会员.xlsx 工作表「会员」第 12 行：m" {
		t.Errorf("Chinese, whole row: %s", got)
	}
}
