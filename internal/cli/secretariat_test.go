package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/testsite"
)

// TestExportImportMembers runs the secretary's loop through the command
// line: export, edit a cell, a dry run (a diff, nothing written), a
// malformed sheet (every problem, exit 1, nothing written), --write.
func TestExportImportMembers(t *testing.T) {
	site := testsite.Bundled(t)
	code, stdout, stderr := run(msg.Zh, "export", "members", "--source", site, "--today", "2026-11-27")
	if code != ExitOK {
		t.Fatalf("export: exit %d\n%s%s", code, stdout, stderr)
	}
	book := filepath.Join(site, "secretariat", "会员通信联络表.xlsx")
	if st, err := os.Stat(book); err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("export wrote no private workbook: %v %v", st, err)
	}
	// Filtered exports, and the public output refused.
	for _, args := range [][]string{{"--format", "csv", "--region", "金水区"}, {"--format", "vcf", "--post", "理事"}} {
		if code, _, stderr := run(msg.En, append([]string{"export", "members", "--source", site, "--today", "2026-11-27"}, args...)...); code != ExitOK {
			t.Fatalf("%v: exit %d %s", args, code, stderr)
		}
	}
	csv, _ := os.ReadFile(filepath.Join(site, "secretariat", "会员通信联络表-金水区.csv"))
	if lines := strings.Count(string(csv), "\r\n"); lines < 2 || strings.Contains(string(csv), "二七区") {
		t.Errorf("the 金水区 CSV has %d lines or other regions:\n%s", lines, csv)
	}
	if code, _, stderr := run(msg.En, "export", "members", "--source", site, "--out", filepath.Join(site, "public", "x")); code != ExitUsage || !strings.Contains(stderr, "must stay out") {
		t.Errorf("export into public/: exit %d %s", code, stderr)
	}

	data := filepath.Join(site, "data", "members", "m05-huiji.yaml")
	before, _ := os.ReadFile(data)
	f, err := excelize.OpenFile(book)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := f.GetRows("会员通信联络表")
	row := 0
	for i, r := range rows {
		if r[0] == "m05-huiji" {
			row = i + 1
		}
	}
	cell, _ := excelize.CoordinatesToCellName(21, row) // U: 固定电话
	if h, _ := f.GetCellValue("会员通信联络表", "U1"); h != "固定电话" {
		t.Fatalf("column U is %q", h)
	}
	f.SetCellStr("会员通信联络表", cell, "0371-66668888")
	f.Save()
	code, stdout, stderr = run(msg.Zh, "import", "members", book, "--source", site, "--today", "2026-11-27")
	if code != ExitOK || !strings.Contains(stdout, "+  phone: 0371-66668888") || !strings.Contains(stdout, "未写入") {
		t.Errorf("dry run: exit %d\n%s%s", code, stdout, stderr)
	}
	if now, _ := os.ReadFile(data); string(now) != string(before) {
		t.Fatal("the dry run wrote")
	}
	// A bad cell too: every problem, nothing written.
	f.SetCellStr("会员通信联络表", "F3", "金水")
	f.SetCellInt("会员通信联络表", "H4", 43101)
	f.Save()
	code, _, stderr = run(msg.Zh, "import", "members", book, "--source", site, "--today", "2026-11-27", "--write")
	if code != ExitBuild || !strings.Contains(stderr, "第 3 行 F 列") || !strings.Contains(stderr, "第 4 行 H 列") || !strings.Contains(stderr, "未写入任何文件") {
		t.Errorf("malformed: exit %d\n%s", code, stderr)
	}
	if now, _ := os.ReadFile(data); string(now) != string(before) {
		t.Fatal("a sheet with problems was written")
	}
	f.SetCellStr("会员通信联络表", "F3", rows[2][5])
	f.SetCellStr("会员通信联络表", "H4", rows[3][7])
	f.Save()
	code, stdout, stderr = run(msg.Zh, "import", "members", book, "--source", site, "--today", "2026-11-27", "--write")
	if code != ExitOK || !strings.Contains(stdout, "已写入 1 处修改") {
		t.Errorf("write: exit %d\n%s%s", code, stdout, stderr)
	}
	now, _ := os.ReadFile(data)
	if want := strings.Replace(string(before), "0371-55550005", "0371-66668888", 1); string(now) != want {
		t.Errorf("m05-huiji.yaml after the import:\n%s", now)
	}
	// The template.
	tpl := filepath.Join(site, "会员登记表.xlsx")
	if code, _, stderr := run(msg.Zh, "import", "members", "--template", tpl, "--source", site); code != ExitOK {
		t.Fatalf("template: %d %s", code, stderr)
	}
	tf, err := excelize.OpenFile(tpl)
	if err != nil {
		t.Fatal(err)
	}
	if head, _ := tf.GetRows("会员通信联络表"); len(head) != 1 || head[0][0] != "标识" || head[0][1] != "单位名称" {
		t.Errorf("template rows %v", head)
	}
}

// TestReportFees writes the fee report and the reminder letters.
func TestReportFees(t *testing.T) {
	site := testsite.Bundled(t)
	code, stdout, stderr := run(msg.Zh, "report", "fees", "--source", site, "--today", "2026-11-27")
	if code != ExitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"欠缴会费：", "m04-shangjie", "即将续缴 2027 年度会费", "会费报表.xlsx", "会费缴纳通知.pdf"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
	if _, err := os.Stat(filepath.Join(site, "secretariat", "会费缴纳通知.pdf")); err != nil {
		t.Error(err)
	}
}

// TestCertificateRegister: --record registers the numbers; a later print
// (a reprint of one member) lists them as issued with the same number.
func TestCertificateRegister(t *testing.T) {
	site := testsite.Bundled(t)
	out := filepath.Join(t.TempDir(), "sec")
	args := []string{"print", "certificates", "--source", site, "--out", out, "--today", "2026-11-27"}
	code, stdout, stderr := run(msg.En, append(args, "--record")...)
	if code != ExitOK || !strings.Contains(stdout, "ZZIA-2026-FHZ-001  m00-zhongyuan") || !strings.Contains(stdout, "Recorded ") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	reg, err := os.ReadFile(filepath.Join(site, "data", "certificates.yaml"))
	if err != nil || !strings.Contains(string(reg), "  - number: ZZIA-2026-FHZ-001\n    member: m00-zhongyuan\n") {
		t.Fatalf("register:\n%s %v", reg, err)
	}
	code, stdout, _ = run(msg.En, append(args, "--only", "m00-zhongyuan", "--record")...)
	if code != ExitOK || !strings.Contains(stdout, "ZZIA-2026-FHZ-001  m00-zhongyuan") || !strings.Contains(stdout, "issued 2026-11-27") || strings.Contains(stdout, "Recorded") {
		t.Errorf("reprint:\n%s", stdout)
	}
	if again, _ := os.ReadFile(filepath.Join(site, "data", "certificates.yaml")); string(again) != string(reg) {
		t.Error("a reprint changed the register")
	}
}
