package rules

import (
	"github.com/zzia/press/internal/msg"
	"testing"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// TestSampleData checks that the site's sample data loads without a
// problem and gives every rule a live case on the sample's day.
func TestSampleData(t *testing.T) {
	ds, diags := member.Load(msg.En, "../..", time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone))
	if len(diags) != 0 {
		t.Fatalf("sample data has problems:\n%v", diags)
	}
	res := Derive(ds, time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone))
	count := map[string]int{}
	for _, s := range res.Members {
		count[string(s.Status)]++
		if s.InArrears {
			count["arrears"]++
		}
		for _, r := range s.Reasons {
			switch {
			case r.Kind == KindStatus && contains(r.In(msg.Zh), "连续3次活动无人参加"), r.Kind == KindStatus && contains(r.In(msg.Zh), "连续4次活动无人参加"):
				count["suspended-unit"]++
			case r.Kind == KindStatus && contains(r.In(msg.Zh), "本人未参加"):
				count["suspended-rep"]++
			case r.Kind == KindStatus && contains(r.In(msg.Zh), "连续6次活动无人参加"):
				count["withdrawn-6"]++
			case r.Kind == KindStatus && contains(r.In(msg.Zh), "连续1年未参加"):
				count["withdrawn-year"]++
			case r.Article == "第七条" && r.Kind == KindStatus:
				count["individual-left-city"]++
			case r.Article == "第七条":
				count["rep-left"]++
			case r.Article == "第八条":
				count["successor"]++
			case r.Article == "第九条第3款":
				count["relieved"]++
			case r.Kind == KindHistory:
				count["past-warning"]++
			}
		}
	}
	t.Logf("sample: %v", count)
	for _, k := range []string{"active", "suspended", "withdrawn", "arrears", "suspended-unit", "suspended-rep", "withdrawn-6",
		"withdrawn-year", "individual-left-city", "rep-left", "successor", "relieved", "past-warning"} {
		if count[k] == 0 {
			t.Errorf("no live case of %s", k)
		}
	}
	seen := map[string]map[string]bool{"level": {}, "unit": {}, "region": {}, "industry": {}, "kind": {}, "dept": {}}
	for _, m := range ds.Members {
		seen["level"][m.Level] = true
		seen["unit"][m.UnitType] = true
		seen["region"][m.Region] = true
		seen["industry"][m.Industry] = true
	}
	for _, a := range ds.Activities {
		seen["kind"][a.Kind] = true
		seen["dept"][a.Department] = true
	}
	for key, voc := range map[string]member.Vocabulary{"level": member.Levels, "unit": member.UnitTypes, "region": member.Regions,
		"industry": member.Industries, "kind": member.Kinds, "dept": member.Departments} {
		for _, v := range voc.Values() {
			if !seen[key][v] {
				t.Errorf("sample data has no %s %q", key, v)
			}
		}
	}
	if len(ds.Members) < 60 || len(ds.Activities) < 40 {
		t.Errorf("%d members, %d activities", len(ds.Members), len(ds.Activities))
	}
}

func contains(s, sub string) bool { return len(sub) <= len(s) && (s == sub || indexOf(s, sub) >= 0) }

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}
