package fees

import (
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/msg"
	"path/filepath"
	"testing"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
)

var today = time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)

var std = Standard{member.LevelVicePresident: 30000, member.LevelCouncil: 10000, member.LevelOrdinary: 2000}

func seed(t *testing.T) (*member.Dataset, *rules.Result) {
	t.Helper()
	ds, l := member.Load(msg.En, filepath.Join("..", ".."), today)
	if l.HasErrors() {
		t.Fatal(l.Errors())
	}
	return ds, rules.Derive(ds, today)
}

// TestReport checks the report against the seed counted by hand from the
// member files: the fees recorded, paid or not.
func TestReport(t *testing.T) {
	ds, res := seed(t)
	r := Build(ds, res, std, today, 60)
	// Every unpaid year of every member the rules count, nothing else.
	arrears := map[string]Arrear{}
	for _, a := range r.Arrears {
		arrears[a.Member.ID] = a
	}
	for _, m := range ds.Members {
		st := res.Member(m.ID)
		_, listed := arrears[m.ID]
		want := len(st.UnpaidYears) > 0 && st.Status != rules.Withdrawn && !m.Derived
		if listed != want {
			t.Errorf("%s listed in arrears: %v, want %v (unpaid %v, %s)", m.ID, listed, want, st.UnpaidYears, st.Status)
		}
	}
	a, ok := arrears["m04-shangjie"]
	if !ok || len(a.Owed) != 1 || a.Owed[0] != (Owed{2026, 30000}) || a.Total != 30000 {
		t.Errorf("m04-shangjie: %+v, want 2026 30000", a)
	}
	// Renewals: 2027 falls due on 1 January, within 60 days of 27 November.
	if len(r.Renewals) == 0 || r.Renewals[0].Year != 2027 {
		t.Fatalf("renewals %+v", r.Renewals)
	}
	if got := Build(ds, res, std, today, 20).Renewals; len(got) != 0 {
		t.Errorf("%d renewals within 20 days of 27 November", len(got))
	}
	// Totals: recount the 2025 副会长单位 row from the data.
	var liable, paid, received int
	for _, m := range ds.Members {
		if m.Level != member.LevelVicePresident || m.Derived || max(m.Joined.Year(), m.FeesRecordedSince) > 2025 {
			continue
		}
		liable++
		for _, f := range m.Fees {
			if f.Year == 2025 && !f.Paid.IsZero() {
				paid++
				received += f.Amount
			}
		}
	}
	for _, tot := range r.Totals {
		if tot.Year == "2025" && tot.Level == member.LevelVicePresident {
			if tot.Liable != liable || tot.Paid != paid || tot.Received != received || tot.Due != liable*30000 {
				t.Errorf("2025 副会长单位: %+v, want liable %d paid %d received %d", tot, liable, paid, received)
			}
			return
		}
	}
	t.Error("no 2025 副会长单位 total")
}

func TestTables(t *testing.T) {
	ds, res := seed(t)
	tables := Build(ds, res, std, today, 60).Tables()
	if len(tables) != 3 || tables[0].Name != "欠缴会费" || len(tables[0].Rows) == 0 {
		t.Fatalf("tables %+v", tables)
	}
	for _, tb := range tables {
		for i, row := range tb.Rows {
			if len(row) != len(tb.Columns) {
				t.Errorf("%s row %d has %d cells for %d columns", tb.Name, i, len(row), len(tb.Columns))
			}
		}
	}
}
