package printjob

import (
	"strings"
	"testing"
)

// TestReminders: one page per unit, each with its name, the unpaid years
// and total, the fee standard and the account, dated Today.
func TestReminders(t *testing.T) {
	rs := []Reminder{
		{Name: "郑州示例甲科技有限公司", Level: "理事单位", Contact: "张示甲 总经理", Owed: []OwedFee{{2025, 10000}, {2026, 10000}}, Total: 20000},
		{Name: "中原虚构大学", Level: "普通会员单位", Owed: []OwedFee{{2026, 2000}}, Total: 2000},
	}
	opts := ReminderOptions{Options: Options{Today: today}, FormOptions: FormOptions{
		Account: Account{Bank: "郑州银行西建材支行", Number: "90501880190002349", Name: "郑州市信息化促进会"},
		Office:  "郑州市信息化促进会秘书处", Phone: "0371-00000000",
	}}
	pdf, err := Reminders(rs, opts)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, pdf)
	if len(ps) != 2 {
		t.Fatalf("%d pages, want 2", len(ps))
	}
	for _, want := range []string{"会费缴纳通知", "郑州示例甲科技有限公司：", "2025年度", "2026年度", "合计20,000元",
		"理事单位10,000元/年", "郑州银行西建材支行", "90501880190002349", "二〇二六年十一月二十七日"} {
		if !strings.Contains(ps[0], want) {
			t.Errorf("page 1 lacks %q:\n%s", want, ps[0])
		}
	}
	if !strings.Contains(ps[1], "中原虚构大学：") || !strings.Contains(ps[1], "合计2,000元") || strings.Contains(ps[1], "2025年度") {
		t.Errorf("page 2:\n%s", ps[1])
	}
	again, _ := Reminders(rs, opts)
	if string(again) != string(pdf) {
		t.Error("the same reminders give other bytes")
	}
}

// TestCertificateNumbersFromRegister: a member in the register keeps its
// number; a member whose computed number was issued to another gets the
// next free one of its level; the others keep their computed numbers.
func TestCertificateNumbersFromRegister(t *testing.T) {
	ds, res := load(t)
	plain, _ := Eligible(ds, res, CertificateOptions{})
	if len(plain) < 3 {
		t.Fatalf("%d certificates", len(plain))
	}
	a, b := plain[0], plain[1] // two of the same level (副会长单位 first)
	if a.Level != b.Level {
		t.Fatalf("%s %s", a.Level, b.Level)
	}
	// The register gave b's computed number to a.
	got, _ := Eligible(ds, res, CertificateOptions{Numbers: map[string]string{a.ID: b.Number}})
	num := map[string]string{}
	for _, c := range got {
		num[c.ID] = c.Number
	}
	if num[a.ID] != b.Number {
		t.Errorf("%s: %s, want the registered %s", a.ID, num[a.ID], b.Number)
	}
	if num[b.ID] == b.Number || num[b.ID] == a.Number || !strings.HasPrefix(num[b.ID], "ZZIA-2026-FHZ-") {
		t.Errorf("%s: %s, want a new FHZ number", b.ID, num[b.ID])
	}
	seen := map[string]bool{}
	for _, c := range got {
		if seen[c.Number] {
			t.Errorf("number %s twice", c.Number)
		}
		seen[c.Number] = true
	}
	for _, c := range plain[2:] {
		if num[c.ID] != c.Number {
			t.Errorf("%s: %s, was %s", c.ID, num[c.ID], c.Number)
		}
	}
}
