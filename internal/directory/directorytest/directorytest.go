// Package directorytest says what a site's member directory must show,
// computed from its YAML data alone (member.Load, rules.Derive) and not from
// the JSON the templates read: who is listed, who is treated as withdrawn,
// who is not listed, and each member's values of the directory's
// classifications. Only tests import it.
package directorytest

import (
	"testing"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/rules"
)

// Classes are the directory's classifications, each with its list of
// values, by the URL slug of its filter.
var Classes = map[string]member.Vocabulary{
	"posts": member.Posts, "unit-types": member.UnitTypes, "regions": member.Regions, "industries": member.Industries,
}

// Want is what the data says the directory must show.
type Want struct {
	Data      *member.Dataset
	Rules     *rules.Result
	Listed    []*member.Member // listed and not treated as withdrawn: the directory
	Withdrawn []*member.Member // listed, but treated as withdrawn
	Unlisted  []*member.Member
}

// Load reads the data of the site in the folder site and applies the
// membership rules as of today; an error in the data fails the test.
func Load(t testing.TB, site string, today time.Time) *Want {
	t.Helper()
	ds, l := member.Load(msg.En, site, today)
	if l.HasErrors() {
		t.Fatalf("loading the data of %s: %v", site, l)
	}
	w := &Want{Data: ds, Rules: rules.Derive(ds, today)}
	for _, m := range ds.Members {
		switch {
		case !m.Listed:
			w.Unlisted = append(w.Unlisted, m)
		case w.Rules.Member(m.ID).Status == rules.Withdrawn:
			w.Withdrawn = append(w.Withdrawn, m)
		default:
			w.Listed = append(w.Listed, m)
		}
	}
	return w
}

// Values returns a member's values of the classification whose slug is
// class (a key of Classes): a member without a unit type is 个人, one
// without a post has member.PostNone.
func (w *Want) Values(class string, m *member.Member) []string {
	switch class {
	case "unit-types":
		if m.UnitType == "" {
			return []string{"个人"}
		}
		return []string{m.UnitType}
	case "regions":
		return []string{m.Region}
	case "industries":
		return []string{m.Industry}
	case "posts":
		if p := w.Rules.Member(m.ID).Posts; len(p) > 0 {
			return p
		}
		return []string{member.PostNone}
	}
	panic("directorytest: no classification " + class)
}
