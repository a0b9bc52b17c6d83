package membersheet

import (
	"bytes"
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/msg"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sheet"
)

var today = time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)

// site copies the repository's data (the seed association) into a
// temporary site and loads it.
func site(t *testing.T) (string, *member.Dataset) {
	t.Helper()
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "data"), os.DirFS(filepath.Join("..", "..", "data"))); err != nil {
		t.Fatal(err)
	}
	ds, l := member.Load(msg.En, dir, today)
	if l.HasErrors() {
		t.Fatal(l.Errors())
	}
	return dir, ds
}

// snapshot reads every file under dir/data.
func snapshot(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := fs.WalkDir(os.DirFS(dir), "data", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(filepath.Join(dir, p))
		out[p] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// export writes the 联络表 of the dataset as an .xlsx file.
func export(t *testing.T, dir string, ds *member.Dataset) string {
	t.Helper()
	var b bytes.Buffer
	if err := sheet.WriteXLSX(&b, Table(ds, rules.Derive(ds, today), Filter{})); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "联络表.xlsx")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// cellOf returns the cell name of the member's value under header.
func cellOf(t *testing.T, f *excelize.File, id, header string) string {
	t.Helper()
	rows, err := f.GetRows(SheetName)
	if err != nil {
		t.Fatal(err)
	}
	col := -1
	for j, h := range rows[0] {
		if h == header {
			col = j
		}
	}
	for i, r := range rows {
		if len(r) > 0 && r[0] == id {
			c, _ := excelize.CoordinatesToCellName(col+1, i+1)
			return c
		}
	}
	t.Fatalf("no row for %s", id)
	return ""
}

func importFile(t *testing.T, dir, path string) (*Plan, sheet.Problems) {
	t.Helper()
	ds, l := member.Load(msg.En, dir, today)
	if l.HasErrors() {
		t.Fatal(l.Errors())
	}
	in, ps := sheet.Read(msg.En, path, "", Columns)
	if len(ps) > 0 {
		return nil, ps
	}
	return PlanMembers(dir, ds, in)
}

// TestRoundTrip is the acceptance test: export to xlsx, change
// one cell with excelize, import: exactly that field changes, every other
// byte of every data file stays.
func TestRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name, id, header, value string
		file, oldLine, newLine  string
	}{
		{"unit phone", "m05-huiji", ColPhone, "0371-66668888", "data/members/m05-huiji.yaml", "  phone: 0371-55550005", "  phone: 0371-66668888"},
		{"representative's mobile", "m00-zhongyuan", ColMainMobile, "139-0000-1234", "data/people/zhang-shi-yi.yaml", "  mobile: 155-5555-0000", "  mobile: 139-0000-1234"},
		{"region", "m12-zhengdong", ColRegion, "金水区", "data/members/m12-zhengdong.yaml", "region: 郑东新区", "region: 金水区"},
		{"a new key", "m63-hangkonggang", ColDepPost, "副秘书长", "data/members/m63-hangkonggang.yaml", "", "    post: 副秘书长"},
		{"a cleared cell", "m63-hangkonggang", ColFax, "", "data/members/m63-hangkonggang.yaml", "  fax: 0371-55560063", ""},
		{"title", "m00-zhongyuan", ColMainTitle, "董事长", "data/members/m00-zhongyuan.yaml", "    title: 总经理", "    title: 董事长"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, ds := site(t)
			path := export(t, dir, ds)
			// Unchanged, the import changes nothing.
			plan, ps := importFile(t, dir, path)
			if len(ps) > 0 {
				t.Fatal(ps)
			}
			if len(plan.Files) != 0 {
				t.Fatalf("an unchanged sheet changes %d files", len(plan.Files))
			}
			before := snapshot(t, dir)
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if err := f.SetCellStr(SheetName, cellOf(t, f, tc.id, tc.header), tc.value); err != nil {
				t.Fatal(err)
			}
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			f.Close()
			plan, ps = importFile(t, dir, path)
			if len(ps) > 0 {
				t.Fatal(ps)
			}
			if len(plan.Changes) != 1 {
				t.Fatalf("changes %+v, want one", plan.Changes)
			}
			if err := plan.Write(dir); err != nil {
				t.Fatal(err)
			}
			after := snapshot(t, dir)
			for name, b := range before {
				if name == tc.file {
					continue
				}
				if !bytes.Equal(b, after[name]) {
					t.Errorf("%s changed", name)
				}
			}
			old := strings.Split(string(before[tc.file]), "\n")
			cur := strings.Split(string(after[tc.file]), "\n")
			removed, added := lineDiff(old, cur)
			var wantRemoved, wantAdded []string
			if tc.oldLine != "" {
				wantRemoved = []string{tc.oldLine}
			}
			if tc.newLine != "" {
				wantAdded = []string{tc.newLine}
			}
			if strings.Join(removed, "|") != strings.Join(wantRemoved, "|") || strings.Join(added, "|") != strings.Join(wantAdded, "|") {
				t.Errorf("%s: removed %q added %q; want removed %q added %q", tc.file, removed, added, wantRemoved, wantAdded)
			}
			// The data still loads, with the new value.
			ds2, l := member.Load(msg.En, dir, today)
			if l.HasErrors() {
				t.Fatal(l.Errors())
			}
			if got := Row(ds2.Member(tc.id), today)[tc.header]; got != tc.value {
				t.Errorf("%s of %s is %q after the import, want %q", tc.header, tc.id, got, tc.value)
			}
		})
	}
}

// lineDiff returns the lines only in a and only in b (as multisets).
func lineDiff(a, b []string) (removed, added []string) {
	count := map[string]int{}
	for _, l := range a {
		count[l]++
	}
	for _, l := range b {
		count[l]--
	}
	for _, l := range a {
		if count[l] > 0 {
			removed = append(removed, l)
			count[l]--
		}
	}
	for _, l := range b {
		if count[l] < 0 {
			added = append(added, l)
			count[l]++
		}
	}
	return
}
