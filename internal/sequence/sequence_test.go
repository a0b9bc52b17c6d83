package sequence

import (
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/testgit"
)

const activity = `id: forum
title: 论坛
kind: 论坛
start: 2027-03-02 14:00
end: 2027-03-02 17:00
location: 郑州示例会展中心
department: 咨询培训部
status: planned
`

// A site in a folder of a repository; each step is a commit.
func TestSequenceFromHistory(t *testing.T) {
	root := t.TempDir()
	repo := testgit.Init(t, root)
	site := filepath.Join(root, "site")
	file := filepath.Join(site, "data", "activities", "forum.yaml")
	os.MkdirAll(filepath.Dir(file), 0o755)
	when := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	commit := func(src, message string) {
		t.Helper()
		if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		when = when.Add(time.Hour)
		repo.Commit(t, message, "编辑", when, "site/data/activities/forum.yaml")
	}
	steps := []struct {
		src     string
		changes int
	}{
		{activity, 0},
		{strings.Replace(activity, "title: 论坛", "title: 数字经济论坛", 1), 0},                                      // the title: not significant
		{strings.Replace(activity, "14:00", "15:00", 1), 1},                                                  // the time
		{strings.Replace(activity, "14:00", "15:00", 1) + "summary: 议程见后。\n", 1},                             // the summary: not significant
		{strings.Replace(activity, "status: planned", "status: broken: [", 1), 1},                            // unreadable: skipped
		{strings.NewReplacer("14:00", "15:00", "会展中心", "会议中心").Replace(activity), 2},                         // the place
		{strings.NewReplacer("14:00", "15:00", "会展中心", "会议中心", "planned", "cancelled").Replace(activity), 3}, // the status
	}
	for i, st := range steps {
		commit(st.src, "step")
		logs, err := Read(site)
		if err != nil {
			t.Fatal(err)
		}
		if got := logs["forum"].Changes; got != st.changes {
			t.Errorf("after step %d: %d changes, want %d", i, got, st.changes)
		}
	}
	// An edit not committed yet counts one more.
	logs, _ := Read(site)
	edited, _ := member.ParseActivity(msg.En, "data/activities/forum.yaml", []byte(strings.NewReplacer("14:00", "16:00", "会展中心", "会议中心", "planned", "cancelled").Replace(activity)))
	if got := logs["forum"].Sequence(edited); got != 4 {
		t.Errorf("sequence with an edit not committed: %d, want 4", got)
	}
	same, _ := member.ParseActivity(msg.En, "data/activities/forum.yaml", []byte(strings.NewReplacer("14:00", "15:00", "会展中心", "会议中心", "planned", "cancelled").Replace(activity)))
	if got := logs["forum"].Sequence(same); got != 3 {
		t.Errorf("sequence as committed: %d, want 3", got)
	}
}

func TestNoRepository(t *testing.T) {
	logs, err := Read(t.TempDir())
	if err != nil || logs != nil {
		t.Errorf("outside git: %v %v", logs, err)
	}
}
