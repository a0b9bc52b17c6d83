package directorytest

import (
	"testing"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/testsite"
)

// Load puts each member of the bundled site in exactly one of Listed,
// Withdrawn and Unlisted, and the bundled data has each; every listed
// member's values are values of the classification's list.
func TestLoad(t *testing.T) {
	w := Load(t, testsite.Root(), time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	if len(w.Listed) == 0 || len(w.Withdrawn) == 0 || len(w.Unlisted) == 0 {
		t.Fatalf("%d listed, %d withdrawn, %d unlisted: the bundled data lacks a case", len(w.Listed), len(w.Withdrawn), len(w.Unlisted))
	}
	seen := map[string]int{}
	for _, group := range [][]string{ids(w.Listed), ids(w.Withdrawn), ids(w.Unlisted)} {
		for _, id := range group {
			seen[id]++
		}
	}
	for _, m := range w.Data.Members {
		if seen[m.ID] != 1 {
			t.Errorf("%s is in %d of the groups, want 1", m.ID, seen[m.ID])
		}
	}
	for _, m := range w.Listed {
		for class, voc := range Classes {
			for _, v := range w.Values(class, m) {
				if !voc.Has(v) && !(class == "unit-types" && v == "个人") {
					t.Errorf("%s: %q is not a value of %s", m.ID, v, class)
				}
			}
		}
	}
}

func ids(ms []*member.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}
