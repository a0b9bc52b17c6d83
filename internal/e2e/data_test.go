package e2e

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pelletier/go-toml/v2"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/directory/directorytest"
	"github.com/zzia/press/internal/member"
)

// data is what the site's sources say the pages must show, computed from
// the YAML files (member.Load, rules.Derive) and hugo.toml, independently
// of the JSON the templates read.
type data struct {
	*directorytest.Want
	menu []menuItem // the main menu, in order
}

type menuItem struct {
	Name    string `toml:"name"`
	PageRef string `toml:"pageRef"`
	Weight  int    `toml:"weight"`
}

// loadData reads the bundled site's data.
func loadData(t *testing.T) *data {
	t.Helper()
	d := &data{Want: directorytest.Load(t, repoRoot, today)}
	b, err := os.ReadFile(filepath.Join(repoRoot, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	var cfg struct {
		Menus struct {
			Main []menuItem `toml:"main"`
		} `toml:"menus"`
	}
	if err := toml.Unmarshal(b, &cfg); err != nil {
		t.Fatalf("hugo.toml: %v", err)
	}
	d.menu = cfg.Menus.Main
	slices.SortStableFunc(d.menu, func(a, b menuItem) int { return a.Weight - b.Weight })
	if len(d.Listed) < 10 || len(d.menu) < 5 {
		t.Fatalf("the sample data is too small to test with: %d members in the directory, %d menu items", len(d.Listed), len(d.menu))
	}
	return d
}

// filter is what a reader chooses in the directory's filter form: a value
// for some classifications (by slug) and a name to look for.
type filter struct {
	values map[string]string // classification slug → value (as shown)
	name   string
}

// members returns the sorted ids of the directory's members that match f.
// A name matches a member's name, short name or id; the test's names are
// chosen to be in no classification value, where the page's search text
// would find them too (checked by nameIsPlain).
func (d *data) members(f filter) []string {
	var ids []string
	for _, m := range d.Listed {
		ok := true
		for class, v := range f.values {
			ok = ok && slices.Contains(d.Values(class, m), v)
		}
		if f.name != "" {
			ok = ok && (strings.Contains(m.Name, f.name) || strings.Contains(m.ShortName, f.name) || strings.Contains(m.ID, f.name))
		}
		if ok {
			ids = append(ids, m.ID)
		}
	}
	slices.Sort(ids)
	return ids
}

// nameIsPlain fails the test when name is part of a classification value,
// which the directory's search also matches.
func nameIsPlain(t *testing.T, name string) {
	t.Helper()
	vocabs := []member.Vocabulary{member.Levels}
	for _, voc := range directorytest.Classes {
		vocabs = append(vocabs, voc)
	}
	for _, voc := range vocabs {
		for _, v := range voc.Values() {
			if strings.Contains(v, name) {
				t.Fatalf("test bug: the name %q is part of the classification value %q", name, v)
			}
		}
	}
}

// monthActivities returns, for each day (YYYY-MM-DD) of the month ym
// (YYYY-MM), the sorted ids of the activities on that day, and the ids of
// every activity in the month.
func (d *data) monthActivities(ym string) (byDay map[string][]string, all []string) {
	first, err := time.ParseInLocation("2006-01", ym, clock.Zone)
	if err != nil {
		panic(err)
	}
	byDay = map[string][]string{}
	for day := first; day.Month() == first.Month(); day = day.AddDate(0, 0, 1) {
		ds := day.Format("2006-01-02")
		for _, a := range d.Data.Activities {
			from, to := a.Start.In(clock.Zone).Format("2006-01-02"), a.End.In(clock.Zone).Format("2006-01-02")
			if from <= ds && ds <= to {
				byDay[ds] = append(byDay[ds], a.ID)
				if !slices.Contains(all, a.ID) {
					all = append(all, a.ID)
				}
			}
		}
		slices.Sort(byDay[ds])
	}
	slices.Sort(all)
	return byDay, all
}

// daysIn returns the number of days of the month ym (YYYY-MM) and the
// column (0 = Monday) of its first day.
func daysIn(ym string) (days, offset int) {
	first, err := time.Parse("2006-01", ym)
	if err != nil {
		panic(err)
	}
	return first.AddDate(0, 1, -1).Day(), (int(first.Weekday()) + 6) % 7
}
