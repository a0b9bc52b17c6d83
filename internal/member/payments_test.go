package member

import (
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/msg"
	"strings"
	"testing"
	"time"
)

// TestPayments: a fee's payment (method, receipt and invoice numbers) is
// read, written back the same, and checked.
func TestPayments(t *testing.T) {
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)
	paid := strings.Replace(okMember, "    paid: 2026-02-01\n",
		"    paid: 2026-02-01\n    method: 银行转账\n    receipt: SJ2026-001\n    invoice: \"04412345\"\n", 1)
	ds, l := LoadFS(msg.En, site(map[string]string{"data/members/alpha.yaml": paid}), today)
	if l.HasErrors() {
		t.Fatal(l.Errors())
	}
	f := ds.Member("alpha").Fees[0]
	if f.Method != "银行转账" || f.Receipt != "SJ2026-001" || f.Invoice != "04412345" {
		t.Errorf("fee %+v", f)
	}
	if got := string(MemberYAML(ds.Member("alpha"))); !strings.Contains(got, "    method: 银行转账\n    receipt: SJ2026-001\n    invoice: \"04412345\"\n") {
		t.Errorf("written back:\n%s", got)
	}
	for _, tc := range []struct {
		name, old, new, want string
		more                 map[string]string
	}{
		{"unknown method", "    paid: 2026-02-01\n", "    paid: 2026-02-01\n    method: 刷卡\n", `alpha.yaml:25:13: method: "刷卡" is not an allowed value`, nil},
		{"receipt without the day", "    paid: 2026-02-01\n", "    receipt: SJ-1\n", `alpha.yaml:24:14: receipt of the 2026 fee without the day it was paid (paid)`, nil},
		{"receipt used twice", "    paid: 2026-02-01\n", "    paid: 2026-02-01\n    receipt: SJ-1\n", `beta.yaml:16:14: receipt number "SJ-1" is also that of data/members/alpha.yaml:25:14`,
			map[string]string{"data/members/beta.yaml": okMemberB + "fees:\n  - year: 2026\n    amount: 2000\n    paid: 2026-03-01\n    receipt: SJ-1\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			files := map[string]string{"data/members/alpha.yaml": strings.Replace(okMember, tc.old, tc.new, 1)}
			for k, v := range tc.more {
				files[k] = v
			}
			_, l := LoadFS(msg.En, site(files), today)
			if !strings.Contains(l.Errors().Error(), tc.want) {
				t.Errorf("errors:\n%v\nwant %s", l.Errors(), tc.want)
			}
		})
	}
}
