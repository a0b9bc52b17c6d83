package pipeline

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/ical"
	"github.com/zzia/press/internal/member/membertest"
)

// TestFeedsMadeAgainOnlyForActivities: the preview keeps the iCalendar
// feeds it made; an edit of a member file (which the feeds do not read)
// takes them as they are, an edit of an activity or another day makes
// them again, and what the memo gives is what making them afresh gives.
func TestFeedsMadeAgainOnlyForActivities(t *testing.T) {
	today := membertest.Today
	dir, load := membertest.Folder(t, 60, 40)
	edit := func(glob, old, new string) {
		t.Helper()
		names, _ := filepath.Glob(filepath.Join(dir, glob))
		membertest.Replace(t, names[0], old, new)
	}
	opts := Options{Today: today, BaseURL: "https://example.org/"}
	var memo feedMemo
	same := func(a, b []ical.File) bool {
		if len(a) != len(b) {
			return false
		}
		for i := range a {
			if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
				return false
			}
		}
		return true
	}
	reused := func(a, b []ical.File) bool { return len(a) > 0 && len(b) > 0 && &a[0] == &b[0] }

	first, _ := icalFeeds(opts, nil, load(), &memo)
	steps := []struct {
		name  string
		do    func()
		reuse bool
	}{
		{"nothing changed", func() {}, true},
		{"a member renamed", func() { edit("data/members/*.yaml", "\nname: ", "\nname: 新") }, true},
		{"an activity retitled", func() { edit("data/activities/*.yaml", "\ntitle: ", "\ntitle: 新") }, false},
		{"the base URL", func() { opts.BaseURL = "https://example.com/" }, false},
		{"another day", func() { opts.Today = today.AddDate(0, 0, 1) }, false},
	}
	prev := first
	for _, st := range steps {
		st.do()
		ds := load()
		got, _ := icalFeeds(opts, nil, ds, &memo)
		fresh, _ := icalFeeds(opts, nil, ds, nil)
		if !same(got, fresh) {
			t.Errorf("%s: the feeds differ from those made afresh", st.name)
		}
		if reused(got, prev) != st.reuse {
			t.Errorf("%s: feeds reused %v, want %v", st.name, reused(got, prev), st.reuse)
		}
		if !st.reuse && strings.Contains(st.name, "retitled") && same(got, prev) {
			t.Errorf("%s: the feeds did not change", st.name)
		}
		prev = got
	}
}
