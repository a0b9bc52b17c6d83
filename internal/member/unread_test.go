package member_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/msg"
)

// TestUnreadFileNotReportedAgain: a member's file saved as GBK, or a
// person's file with broken YAML, gives its own error, and the
// attendance, approvals and representatives naming it are not reported
// as naming nothing (a member attends dozens of activities: its error was
// the last of dozens), nor are the people its former representative
// (an individual member by Article 7 of that unit) was named as. A file
// that is not there at all is another matter: every reference is reported.
func TestUnreadFileNotReportedAgain(t *testing.T) {
	today := membertest.Today
	for _, tc := range []struct {
		name, file string
		write      func(string) error
		unknown    bool // the references are reported
	}{
		{"member saved as GBK", "data/members/synthetic-00007.yaml", func(p string) error {
			b, _ := os.ReadFile(p)
			gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes(b)
			if err != nil {
				return err
			}
			return os.WriteFile(p, gbk, 0o644)
		}, false},
		{"person with broken YAML", "data/people/synthetic-rep-00007.yaml", func(p string) error {
			return os.WriteFile(p, []byte("id: synthetic-rep-00007\nname: [示例\n"), 0o644)
		}, false},
		{"member file gone", "data/members/synthetic-00007.yaml", os.Remove, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := membertest.Synthetic(dir, 40, 60, 1, today); err != nil {
				t.Fatal(err)
			}
			id := strings.TrimSuffix(filepath.Base(tc.file), ".yaml")
			if err := tc.write(filepath.Join(dir, filepath.FromSlash(tc.file))); err != nil {
				t.Fatal(err)
			}
			_, l := member.Load(msg.Zh, dir, today)
			errs := l.Errors()
			if len(errs) == 0 {
				t.Fatal("no error")
			}
			others := 0
			for _, d := range errs {
				if d.File != tc.file {
					others++
					if !tc.unknown {
						t.Errorf("an error outside %s: %s", tc.file, d.In(msg.Zh))
					}

				}
			}
			if tc.unknown && others == 0 {
				t.Errorf("no reference to the missing %s reported", id)
			}
		})
	}
}
