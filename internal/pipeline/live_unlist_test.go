package pipeline_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/fsnotify/fsnotify"
)

// An unlisted member leaves the preview as it leaves a full build: its
// page, and its place in the counts of every classification; listed
// again, it comes back.
func TestLiveMemberUnlistedAndListedAgain(t *testing.T) {
	ls := openLive(t)
	const rel = "data/members/m01-erqi.yaml"
	orig := ls.read(rel)
	if !strings.Contains(orig, "listed: true") {
		t.Fatalf("%s: no listed: true to change", rel)
	}
	ls.update([]fsnotify.Event{ls.write(rel, strings.Replace(orig, "listed: true", "listed: false", 1))})
	if _, err := fs.Stat(ls.out, "members/m01-erqi/index.html"); err == nil {
		t.Error("the unlisted member's page is still there")
	}
	ls.sameAsFull("member unlisted")
	ls.update([]fsnotify.Event{ls.write(rel, orig)})
	if _, err := fs.Stat(ls.out, "members/m01-erqi/index.html"); err != nil {
		t.Error("the member's page did not come back")
	}
	ls.sameAsFull("member listed again")
}

// An activity's edit changes hugo.Data.press.activities: the preview
// must render its readers again as a full build does.
func TestLiveActivityRetitled(t *testing.T) {
	ls := openLive(t)
	rel := "data/activities/2025-01-08-forum.yaml"
	orig := ls.read(rel)
	i := strings.Index(orig, "title: ")
	j := i + strings.Index(orig[i:], "\n")
	ls.update([]fsnotify.Event{ls.write(rel, orig[:j]+"（改）"+orig[j:])})
	ls.sameAsFull("activity retitled")
}
