package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

// files lists the files under dir, relative and sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func TestPrintWritesOnlyUnderOut(t *testing.T) {
	site := filepath.Join("..", "..")
	before := files(t, filepath.Join(site, "data"))
	_, secErr := os.Stat(filepath.Join(site, project.InternalDir))
	tmp := t.TempDir()
	out := filepath.Join(tmp, "sec")
	for _, args := range [][]string{
		{"print", "roster", "--source", site, "--out", out, "--today", "2026-11-27"},
		{"print", "labels", "--source", site, "--out", out, "--today", "2026-11-27", "--labels", "3x8", "--label-size", "70x36", "--copies", "副会长单位=2"},
		{"print", "certificates", "--source", site, "--out", out, "--today", "2026-11-27"},
		{"print", "form", "--source", site, "--out", filepath.Join(out, "form", "申请表.pdf")},
	} {
		code, stdout, stderr := run(msg.En, args...)
		if code != ExitOK {
			t.Fatalf("%v: exit %d\n%s\n%s", args, code, stdout, stderr)
		}
		if !strings.Contains(stdout, "Wrote ") {
			t.Errorf("%v: stdout %q", args, stdout)
		}
		if args[1] == "labels" && (!strings.Contains(stderr, "m35-jinshui") || !strings.Contains(stdout, "labels for")) {
			t.Errorf("labels: the withdrawn member is not reported, or no summary:\n%s\n%s", stdout, stderr)
		}
		if args[1] == "certificates" && !strings.Contains(stderr, "no certificate for m30-gaoxin") {
			t.Errorf("certificates: the suspended member is not reported:\n%s", stderr)
		}
	}
	got := files(t, tmp)
	want := []string{"sec/certificates.pdf", "sec/distribution.csv", "sec/form/申请表.pdf", "sec/labels.pdf", "sec/roster.pdf"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("wrote %v, want %v", got, want)
	}
	for _, f := range got {
		b, _ := os.ReadFile(filepath.Join(tmp, f))
		if strings.HasSuffix(f, ".pdf") && !strings.HasPrefix(string(b), "%PDF-") {
			t.Errorf("%s is not a PDF", f)
		}
	}
	// Nothing was written into the site.
	if after := files(t, filepath.Join(site, "data")); strings.Join(after, " ") != strings.Join(before, " ") {
		t.Error("the site's data changed")
	}
	if _, err := os.Stat(filepath.Join(site, project.InternalDir)); os.IsNotExist(secErr) && err == nil {
		t.Error("secretariat/ was created in the site although --out was given")
	}
}

// press report and press print refuse any output directory inside the
// site's sources or output, before doing any work: the next build would
// publish every phone, e-mail, fee and note.
func TestPrintRefusesPublishedPlaces(t *testing.T) {
	site := t.TempDir()
	os.WriteFile(filepath.Join(site, "hugo.toml"), []byte("title = \"测试\"\n"), 0o644)
	os.Mkdir(filepath.Join(site, "static"), 0o755)
	os.Symlink("static", filepath.Join(site, "link")) // a link into static/
	for _, args := range [][]string{
		{"print", "roster", "--source", site, "--out", filepath.Join(site, "public", "sec")},
		{"print", "labels", "--source", site, "--out", filepath.Join(site, "static", "x")},
		{"print", "certificates", "--source", site, "--out", filepath.Join(site, "public")},
		{"print", "form", "--source", site, "--out", filepath.Join(site, "public", "membership", "form.pdf")},
		{"print", "form", "--source", site, "--out", filepath.Join(site, "content", "form.pdf")},
		{"print", "roster", "--source", site, "--out", filepath.Join(site, "assets", "x")},
		{"print", "roster", "--source", site, "--out", filepath.Join(site, "layouts")},
		{"print", "roster", "--source", site, "--out", filepath.Join(site, "data", "sec")},
		{"print", "roster", "--source", site, "--out", filepath.Join(site, "i18n", "sec")},
		{"print", "roster", "--source", site, "--out", filepath.Join(site, "link", "sec")},
		{"report", "members", "--source", site, "--out", filepath.Join(site, "static", "x")},
		{"report", "members", "--source", site, "--out", filepath.Join(site, "public")},
		{"report", "members", "--source", site, "--out", filepath.Join(site, "content", "internal")},
		{"report", "members", "--source", site, "--out", filepath.Join(site, "data")},
		{"report", "members", "--source", site, "--out", filepath.Join(site, "link")},
	} {
		code, _, stderr := run(msg.En, args...)
		if code != ExitUsage || !strings.Contains(stderr, "which the site publishes or is built from") {
			t.Errorf("%v: exit %d, %s", args, code, stderr)
		}
	}
	if got := files(t, site); strings.Join(got, " ") != "hugo.toml link" {
		t.Errorf("files written: %v", got)
	}
	zh := []string{"print", "form", "--source", site, "--out", filepath.Join(site, "public", "f.pdf")}
	if code, _, stderr := run(msg.Zh, zh...); code != ExitUsage || !strings.Contains(stderr, "会被发布") {
		t.Errorf("zh: exit %d, %s", code, stderr)
	}
}

func TestPrintLabelFlags(t *testing.T) {
	site := filepath.Join("..", "..")
	out := t.TempDir()
	for _, c := range []struct {
		args []string
		err  string
	}{
		{[]string{"--labels", "2by7"}, "--labels"},
		{[]string{"--label-size", "99.1"}, "--label-size"},
		{[]string{"--labels", "3x7"}, "does not fit on A4"},
		{[]string{"--copies", "理事=2"}, "--copies"},
		{[]string{"--copies", "理事单位=-1"}, "--copies"},
		{[]string{"--label-margins", "10"}, "--label-margins"},
	} {
		args := append([]string{"print", "labels", "--source", site, "--out", out}, c.args...)
		code, _, stderr := run(msg.En, args...)
		if code != ExitUsage || !strings.Contains(stderr, c.err) {
			t.Errorf("%v: exit %d, %s", c.args, code, stderr)
		}
	}
	if got := files(t, out); len(got) != 0 {
		t.Errorf("a failed command wrote %v", got)
	}
}
