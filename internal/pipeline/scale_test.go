package pipeline_test

import (
	"github.com/zzia/press/internal/msg"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/rules"

	"github.com/zzia/press/internal/testsite"
)

// maxPage is the largest page of HTML the directory and the activities
// may make.
const maxPage = 300 << 10

// TestDirectoryAtScale builds the bundled site with the synthetic data of
// a living association of 5,000 members and 2,000 activities (most of
// them listed, a few suspended or withdrawn, as on the build's date) and
// checks that the directory stays usable: paged listings, every page of
// the directory and of the activities under 300 KB of HTML, every member
// of the directory with its page. The sizes are logged.
func TestDirectoryAtScale(t *testing.T) {
	src := testsite.Bundled(t)
	for _, d := range []string{member.MembersDir, member.PeopleDir, member.ActivitiesDir} {
		os.RemoveAll(filepath.Join(src, filepath.FromSlash(d)))
	}
	os.Remove(filepath.Join(src, filepath.FromSlash(member.ApprovalsFile)))
	if err := membertest.Synthetic(src, 5000, 2000, 1, pagesToday); err != nil {
		t.Fatal(err)
	}
	ds, l := member.Load(msg.En, src, pagesToday)
	if l.HasErrors() {
		t.Fatal(l.Errors()[:1])
	}
	res := rules.Derive(ds, pagesToday)
	count := map[rules.Status]int{}
	listed := 0
	for _, s := range res.Members {
		count[s.Status]++
		if m := ds.Member(s.ID); m.Listed && s.Status != rules.Withdrawn {
			listed++
		}
	}
	t.Logf("%d members: %d active, %d suspended, %d withdrawn; %d in the directory", len(res.Members),
		count[rules.Active], count[rules.Suspended], count[rules.Withdrawn], listed)
	if listed < len(res.Members)*85/100 || count[rules.Suspended] == 0 || count[rules.Withdrawn] == 0 {
		t.Errorf("not a living association with a case of each status: %v, %d listed", count, listed)
	}

	out := buildOn(t, src)
	largest := map[string]int64{}
	var biggest string
	var biggestSize int64
	pages := 0
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if !strings.HasPrefix(rel, "members/") && !strings.HasPrefix(rel, "activities/") {
			return nil
		}
		info, _ := d.Info()
		pages++
		kind := pageKind(rel)
		if info.Size() > largest[kind] {
			largest[kind] = info.Size()
		}
		if info.Size() > biggestSize {
			biggest, biggestSize = rel, info.Size()
		}
		if info.Size() > maxPage {
			t.Errorf("%s is %d KB of HTML, more than %d KB", rel, info.Size()>>10, maxPage>>10)
		}
		return nil
	})
	var kinds []string
	for k := range largest {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, k := range kinds {
		t.Logf("largest %-34s %4d KB", k, largest[k]>>10)
	}
	t.Logf("%d pages; the largest is %s, %d KB", pages, biggest, biggestSize>>10)
	dir := read(t, out, "members/index.html")
	if strings.Contains(dir, `id="dir-filter"`) || !strings.Contains(dir, `href="/members/levels/ordinary/"`) {
		t.Error("the paged directory does not link the levels' pages instead of filtering")
	}
	if !exists(out, "members/levels/ordinary-p2/index.html") || !exists(out, "members/posts/member-p2/index.html") {
		t.Error("the long listings are not paged")
	}
	for _, m := range ds.Members {
		if s := res.Member(m.ID); m.Listed && s.Status != rules.Withdrawn && !exists(out, "members/"+m.ID+"/index.html") {
			t.Errorf("%s has no page", m.ID)
		}
	}
}

// pageKind names the kind of a page for the figures: its path with ids
// and page numbers left out.
func pageKind(rel string) string {
	parts := strings.Split(rel, "/")
	switch {
	case len(parts) == 3 && parts[0] == "members" && strings.HasPrefix(parts[1], "synthetic"):
		return "members/<id>/"
	case len(parts) == 3 && parts[0] == "activities" && strings.HasPrefix(parts[1], "synthetic"):
		return "activities/<id>/"
	case len(parts) == 4 && parts[0] == "members":
		return "members/" + parts[1] + "/<value>/"
	case len(parts) == 4 && parts[0] == "activities":
		return "activities/" + parts[1] + "/<part>/"
	}
	return strings.TrimSuffix(rel, "index.html")
}
