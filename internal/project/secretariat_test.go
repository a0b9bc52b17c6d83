package project

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/secretariat"
)

// testDay is the day the tests take as today.
var testDay, _ = clock.ParseDay("2026-11-27")

// seedSite opens the repository's own site, with the seed association's
// member data, as of testDay. The tests only read it: what they write
// goes to temporary folders.
func seedSite(t *testing.T) *Project {
	t.Helper()
	p, err := Open(msg.En, filepath.Join("..", ".."), testDay)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestPrivate: every folder the site publishes or is built from is
// refused, through a symbolic link too, as a *UsageError naming the
// folder; a folder beside the site's sources is not.
func TestPrivate(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte("title = \"测试\"\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "static"), 0o755)
	os.Symlink("static", filepath.Join(dir, "link"))
	p, err := Open(msg.En, dir, testDay)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"public", "public/sec", "static/x", "link/x", "content", "data/sec", "layouts", "i18n/a/b"} {
		err := p.Private(filepath.Join(dir, path))
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), "which the site publishes or is built from") {
			t.Errorf("%s: %v", path, err)
		}
	}
	for _, path := range []string{"secretariat", "secretariat/x.pdf", "publicity", "../elsewhere"} {
		if err := p.Private(filepath.Join(dir, path)); err != nil {
			t.Errorf("%s refused: %v", path, err)
		}
	}
	if d, err := p.OutDir(""); err != nil || d != filepath.Join(p.Dir, InternalDir) {
		t.Errorf("OutDir(\"\") = %q, %v", d, err)
	}
}

// TestParseLabels reads the label flags and refuses what does not fit, as
// usage errors naming the flag.
func TestParseLabels(t *testing.T) {
	lo, err := ParseLabels(msg.En, "3×8", "70x36", "4.5,0", "", "副会长单位=2, 理事单位=0")
	if err != nil || lo.Columns != 3 || lo.Rows != 8 || lo.Width != 70 || lo.Height != 36 || lo.Top != 4.5 || lo.Left != 0 || lo.Copies["副会长单位"] != 2 || lo.Copies["理事单位"] != 0 {
		t.Fatalf("%+v %v", lo, err)
	}
	if lo, _ := ParseLabels(msg.En, "2x7", "99.1x38.1", "", "", ""); lo.GapX == 0 {
		t.Error("the default sheet has no gap between its columns")
	}
	for _, c := range [][]string{
		{"2.5x7", "99.1x38.1", "", "", "", "--labels"},
		{"2x7", "99.1", "", "", "", "--label-size"},
		{"2x7", "99.1x38.1", "10", "", "", "--label-margins"},
		{"2x7", "99.1x38.1", "", "2", "", "--label-gap"},
		{"2x7", "99.1x38.1", "", "", "理事=1", "--copies"},
		{"3x7", "99.1x38.1", "", "", "", "does not fit on A4"},
	} {
		_, err := ParseLabels(msg.En, c[0], c[1], c[2], c[3], c[4])
		var ue *UsageError
		if !errors.As(err, &ue) || !strings.Contains(err.Error(), c[5]) {
			t.Errorf("%v: %v", c, err)
		}
	}
}

// TestExportImportRoundTrip: a sheet exported and read back unchanged
// plans no change; a filtered export is named for its filter and lists
// only the members it selects; a bad filter value is a usage error.
func TestExportImportRoundTrip(t *testing.T) {
	p := seedSite(t)
	out := t.TempDir()
	all, err := p.ExportMembers(out, "xlsx", ExportFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(out, "会员通信联络表.xlsx"); all.File != want || len(all.Wrote) != 1 || all.Wrote[0] != want || all.Rows == 0 {
		t.Fatalf("export: %+v", all)
	}
	if st, err := os.Stat(all.File); err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the export is not private: %v %v", st, err)
	}
	im, err := p.PlanMemberImport(all.File, "")
	if err != nil || len(im.Problems) > 0 || im.Plan == nil || len(im.Plan.Files) != 0 {
		t.Fatalf("the unchanged sheet: %+v %v", im, err)
	}
	some, err := p.ExportMembers(t.TempDir(), "csv", ExportFilter{Region: "金水区"})
	if err != nil || !strings.HasSuffix(some.File, "会员通信联络表-金水区.csv") || some.Rows == 0 || some.Rows >= all.Rows {
		t.Errorf("filtered export: %+v %v (all: %d)", some, err, all.Rows)
	}
	if err := CheckExport(msg.En, "csv", ExportFilter{Region: "北京"}); err == nil || !strings.Contains(err.Error(), "--region") {
		t.Errorf("a region outside the vocabulary: %v", err)
	}
	if err := CheckExport(msg.En, "pdf", ExportFilter{}); err == nil {
		t.Error("an unknown format was accepted")
	}
}

// TestReportFees: the workbook always, the letters only when asked for.
func TestReportFees(t *testing.T) {
	p := seedSite(t)
	out := t.TempDir()
	r, err := p.ReportFees(out, FeesOptions{Within: 60})
	if err != nil || r.Book != filepath.Join(out, secretariat.FeesFile) || r.Letters != "" || len(r.Wrote) != 1 || len(r.Report.Arrears) == 0 {
		t.Fatalf("without letters: %+v %v", r, err)
	}
	r, err = p.ReportFees(out, FeesOptions{Within: 60, Letters: true})
	if err != nil || r.Letters != filepath.Join(out, secretariat.RemindersFile) || r.Reminders == 0 || len(r.Wrote) != 2 {
		t.Fatalf("with letters: %+v %v", r, err)
	}
	if b, _ := os.ReadFile(r.Letters); !strings.HasPrefix(string(b), "%PDF-") {
		t.Error("the letters are not a PDF")
	}
}

// TestSecretariatWithoutMembers: a site without member data says where
// they belong, after refusing a published folder first.
func TestSecretariatWithoutMembers(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte("title = \"测试\"\n"), 0o644)
	p, err := Open(msg.En, dir, testDay)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.ReportMembers(filepath.Join(dir, "public")); !errors.As(err, new(*UsageError)) {
		t.Errorf("public/: %v", err)
	}
	o, err := p.ReportMembers("")
	if err == nil || !strings.Contains(err.Error(), filepath.Join(dir, "data", "members")) || len(o.Wrote) != 0 {
		t.Errorf("no members: %+v %v", o, err)
	}
}
