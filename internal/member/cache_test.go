package member_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/msg"
)

// records is a dataset as text: every member, person and activity as its
// file would hold it.
func records(ds *member.Dataset) []byte {
	var b bytes.Buffer
	for _, m := range ds.Members {
		b.Write(member.MemberYAML(m))
	}
	for _, p := range ds.People {
		b.Write(member.PersonYAML(p))
	}
	for _, a := range ds.Activities {
		b.Write(member.ActivityYAML(a))
	}
	return b.Bytes()
}

func diagText(l diag.List) string {
	var b bytes.Buffer
	for _, d := range l {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// A load through the parse cache gives what a load without it gives, the
// first time, again (the records Assemble changed are not the cache's),
// after an edit, and with an error at the same file:line:column.
func TestParseCacheLoadsTheSame(t *testing.T) {
	dir := t.TempDir()
	if err := membertest.Synthetic(dir, 40, 12, 1, membertest.Today); err != nil {
		t.Fatal(err)
	}
	c := member.NewParseCache()
	same := func(step string) {
		t.Helper()
		want, wl := member.Load(msg.Zh, dir, membertest.Today)
		got, gl := member.LoadCached(msg.Zh, dir, membertest.Today, c)
		if diagText(gl) != diagText(wl) {
			t.Errorf("%s: diagnostics through the cache:\n%s\nwithout:\n%s", step, diagText(gl), diagText(wl))
		}
		if (got == nil) != (want == nil) {
			t.Fatalf("%s: dataset %v through the cache, %v without", step, got != nil, want != nil)
		}
		if got != nil && !bytes.Equal(records(got), records(want)) {
			t.Errorf("%s: the records through the cache differ from a load without it", step)
		}
	}
	same("first load")
	files := 0
	for _, d := range []string{member.MembersDir, member.PeopleDir, member.ActivitiesDir} {
		ents, _ := os.ReadDir(filepath.Join(dir, filepath.FromSlash(d)))
		files += len(ents)
	}
	if c.Len() != files {
		t.Errorf("the cache keeps %d files, the data has %d", c.Len(), files)
	}
	same("second load")
	// The activities come decoded from the cache: a load that changes the
	// records it got does not change what the next load gets.
	if ds, _ := member.LoadCached(msg.Zh, dir, membertest.Today, c); ds != nil {
		changed := 0
		for _, a := range ds.Activities {
			a.Title += "（改）"
			for i := range a.Attendance {
				for j := range a.Attendance[i].Persons {
					a.Attendance[i].Persons[j] += "（改）"
					changed++
				}
			}
		}
		if changed == 0 {
			t.Fatal("the synthetic data has no attendance by person to change")
		}
		// So do the members and people, and what Assemble linked to them.
		reps, fees := 0, 0
		for _, m := range ds.Members {
			m.Name += "（改）"
			for _, r := range m.Representatives {
				r.Name += "（改）"
				r.Title += "（改）"
				reps++
			}
			for i := range m.Fees {
				m.Fees[i].Amount++
				fees++
			}
			for i := range m.Assessments {
				m.Assessments[i].Note += "（改）"
			}
		}
		for _, p := range ds.People {
			p.Name += "（改）"
			if p.Membership != nil {
				p.Membership.Intro += "（改）"
				for i := range p.Membership.Fees {
					p.Membership.Fees[i].Amount++
				}
			}
		}
		if reps == 0 || fees == 0 {
			t.Fatalf("the synthetic data has %d representatives and %d fees to change", reps, fees)
		}
	}
	same("load after one that changed its records")

	_, file, orig := membertest.MemberFile(t, dir, 3)
	name := regexp.MustCompile(`(?m)^name: (.*)$`)
	if err := os.WriteFile(file, name.ReplaceAll(orig, []byte("name: ${1}（改）")), 0o644); err != nil {
		t.Fatal(err)
	}
	same("name changed")
	if ds, _ := member.LoadCached(msg.Zh, dir, membertest.Today, c); !bytes.Contains(records(ds), []byte("（改）")) {
		t.Error("the edited name is not in the data loaded through the cache")
	}
	if c.Len() != files {
		t.Errorf("after an edit the cache keeps %d files, the data has %d: the old version stays", c.Len(), files)
	}

	if err := os.WriteFile(file, name.ReplaceAll(orig, []byte("name: \"${1}")), 0o644); err != nil {
		t.Fatal(err)
	}
	same("syntax error")
	if _, l := member.LoadCached(msg.Zh, dir, membertest.Today, c); !l.HasErrors() || l.Errors()[0].Line == 0 {
		t.Errorf("the syntax error is not reported at a line: %v", l.Errors())
	}
	same("syntax error again") // from the cache this time

	if err := os.WriteFile(file, orig, 0o644); err != nil {
		t.Fatal(err)
	}
	same("restored")
}

// oneMemberFile makes a synthetic association in a temporary folder and
// returns it, with one member's file (slash-separated and relative to the
// folder, then as a path) and its bytes.
func oneMemberFile(t *testing.T) (dir, rel, file string, orig []byte) {
	t.Helper()
	dir = t.TempDir()
	if err := membertest.Synthetic(dir, 10, 4, 1, membertest.Today); err != nil {
		t.Fatal(err)
	}
	rel, file, orig = membertest.MemberFile(t, dir, 2)
	return dir, rel, file, orig
}

// loader returns a step that loads dir through c and checks that the data
// holds want.
func loader(t *testing.T, dir string, c *member.ParseCache) func(step, want string) {
	return func(step, want string) {
		t.Helper()
		ds, l := member.LoadCached(msg.Zh, dir, membertest.Today, c)
		if l.HasErrors() {
			t.Fatalf("%s: %v", step, l.Errors())
		}
		if !bytes.Contains(records(ds), []byte(want)) {
			t.Errorf("%s: the loaded data has no %q", step, want)
		}
	}
}

// A file whose size and modification time are unchanged is not read again;
// an edit that changes either is, and so is a file the cache was told to
// forget (the preview's watcher named it) even when both look unchanged.
func TestParseCacheReadsWhatChanged(t *testing.T) {
	dir, rel, file, orig := oneMemberFile(t)
	fi, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	name := regexp.MustCompile(`(?m)^name: (.*)$`)
	// write gives the member the name suffix (three bytes, as every
	// suffix here: every version has the same size) and sets the file's
	// time to mod.
	write := func(suffix string, mod time.Time) {
		t.Helper()
		b := name.ReplaceAll(orig, []byte("name: ${1}"+suffix))
		if err := os.WriteFile(file, b, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(file, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	c := member.NewParseCache()
	loaded := loader(t, dir, c)
	write("甲", fi.ModTime())
	loaded("first load", "甲")
	size := func() int64 { s, _ := os.Stat(file); return s.Size() }
	before := size()
	write("乙", fi.ModTime())
	if size() != before {
		t.Fatal("the edit changed the file's size")
	}
	loaded("same size and time: kept bytes", "甲")
	c.Forget(rel)
	loaded("forgotten", "乙")
	write("丙", fi.ModTime().Add(time.Second))
	loaded("same size, new time", "丙")
}

// A cache that trusts its caller's Forget (the preview, whose watcher
// names every changed file) does not look at the files again: it sees an
// edit once it is told of it, at the first load after Trust (what changed
// before the watch began) and after Recheck (events lost).
func TestParseCacheTrusted(t *testing.T) {
	dir, rel, file, orig := oneMemberFile(t)
	name := regexp.MustCompile(`(?m)^name: (.*)$`)
	mod := time.Now().Add(-time.Hour)
	// write gives the member the name suffix, each time with a later
	// modification time: a load that looks sees the change.
	write := func(suffix string) {
		t.Helper()
		if err := os.WriteFile(file, name.ReplaceAll(orig, []byte("name: ${1}"+suffix)), 0o644); err != nil {
			t.Fatal(err)
		}
		mod = mod.Add(time.Second)
		if err := os.Chtimes(file, mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	c := member.NewParseCache()
	loaded := loader(t, dir, c)
	write("甲")
	loaded("first load", "甲")
	c.Trust()
	write("乙")
	loaded("the first load after Trust looks at every file", "乙")
	write("丙")
	loaded("trusted, not told: the kept bytes", "乙")
	c.Forget(rel)
	loaded("told", "丙")
	write("丁")
	c.Recheck()
	loaded("after Recheck", "丁")
	write("戊")
	loaded("trusted again after the recheck", "丁")
}

// Under Trust the data folders are listed again only when a name the
// watcher reported was added to or taken from them, and data/'s symbolic
// links looked for again only when such a name is not a regular file: a
// new member file told is loaded, one removed and told is dropped, an edit
// told leaves the listing alone, a link told that leads outside the site
// is refused; a change not told waits for Recheck.
func TestParseCacheTrustsListings(t *testing.T) {
	dir, edited, _, orig := oneMemberFile(t)
	rel := member.MembersDir + "/zz-new.yaml"
	file := filepath.Join(dir, filepath.FromSlash(rel))
	src := regexp.MustCompile(`(?m)^id: .*$`).ReplaceAll(orig, []byte("id: zz-new"))
	src = regexp.MustCompile(`(?m)^name: .*$`).ReplaceAll(src, []byte("name: 郑州新𠀾😀科技有限公司"))
	c := member.NewParseCache()
	c.Trust()
	loaded := func(step string, want bool) diag.List {
		t.Helper()
		ds, l := member.LoadCached(msg.Zh, dir, membertest.Today, c)
		if _, got := ds.Files[rel]; got != want {
			t.Errorf("%s: %s loaded: %v, want %v", step, rel, got, want)
		}
		return l
	}
	loaded("the first load", false)
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	loaded("a new file not told: the folder is not listed again", false)
	c.Forget(edited)
	loaded("another file told, written in place: the listing stands", false)
	c.Forget(rel)
	loaded("the new file told", true)
	os.Remove(file)
	c.Forget(rel)
	loaded("the file removed and told", false)

	// A link that leads outside the site, in place of the file.
	outside := filepath.Join(t.TempDir(), "secret.yaml")
	os.WriteFile(outside, src, 0o644)
	if err := os.Symlink(outside, file); err != nil {
		t.Fatal(err)
	}
	c.Forget(rel)
	l := loaded("a link told", true)
	if !strings.Contains(fmt.Sprint(l), rel+" 是指向网站目录之外") {
		t.Errorf("a link told that leads outside: not refused: %v", l)
	}
	os.Remove(file)
	os.WriteFile(file, src, 0o644)
	c.Forget(rel)
	if l := loaded("the link replaced by the file, told", true); strings.Contains(fmt.Sprint(l), "网站目录之外") {
		t.Errorf("the link is gone but still refused: %v", l)
	}

	os.Remove(file)
	loaded("removed, not told", true)
	c.Recheck()
	loaded("after Recheck", false)
}
