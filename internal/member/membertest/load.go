package membertest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/msg"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// Today is the day the synthetic associations of Load are written and
// checked as of.
var Today = time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)

// Load writes a synthetic association of n members and m activities (seed
// 1) into a temporary folder of tb and loads it as of Today; any error
// stops tb.
func Load(tb testing.TB, n, m int) *member.Dataset {
	tb.Helper()
	_, load := Folder(tb, n, m)
	return load()
}

// Folder writes a synthetic association of n members and m activities
// (seed 1) as of Today into a temporary folder of tb, and returns the
// folder and a loader of its data as of Today that stops tb on any error:
// for tests that edit the files (Replace) and load them again.
func Folder(tb testing.TB, n, m int) (dir string, load func() *member.Dataset) {
	tb.Helper()
	dir = tb.TempDir()
	if err := Synthetic(dir, n, m, 1, Today); err != nil {
		tb.Fatal(err)
	}
	return dir, func() *member.Dataset {
		tb.Helper()
		ds, diags := member.Load(msg.En, dir, Today)
		if diags.HasErrors() {
			tb.Fatal(diags.Errors())
		}
		return ds
	}
}

// Replace replaces the first old in the file name with new; a file
// without old, or any error, stops tb.
func Replace(tb testing.TB, name, old, new string) {
	tb.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		tb.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		tb.Fatalf("%s has no %q", name, old)
	}
	if err := os.WriteFile(name, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		tb.Fatal(err)
	}
}

// MemberFile returns the i-th member file, in name order, of the
// association in dir: its name (slash-separated, relative to dir), its path
// and its bytes. Any error stops tb.
func MemberFile(tb testing.TB, dir string, i int) (rel, file string, orig []byte) {
	tb.Helper()
	ents, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(member.MembersDir)))
	if err != nil {
		tb.Fatal(err)
	}
	rel = member.MembersDir + "/" + ents[i].Name()
	file = filepath.Join(dir, filepath.FromSlash(rel))
	if orig, err = os.ReadFile(file); err != nil {
		tb.Fatal(err)
	}
	return rel, file, orig
}
