package hugopatch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"
)

// TestEditsFitTheRequiredHugo checks each edit against the Hugo go.mod
// requires: its text stands exactly once in the module's file, so that the
// copy make builds with is patched, and patched where it must be.
func TestEditsFitTheRequiredHugo(t *testing.T) {
	b, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse("go.mod", b, nil)
	if err != nil {
		t.Fatal(err)
	}
	var version string
	for _, r := range f.Require {
		if r.Mod.Path == Module {
			version = r.Mod.Version
		}
	}
	src, err := ModuleDir(version)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, e := range Edits {
		if e.Old == "" {
			if _, err := os.Stat(filepath.Join(src, filepath.FromSlash(e.File))); err == nil {
				t.Errorf("%s: the edit adds it, but this Hugo has it", e.File)
			}
			continue // a file press adds
		}
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(e.File)))
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(e.File)), string(b))
	}
	if err := Apply(dir); err != nil {
		t.Fatal(err)
	}
	meta := readFile(t, filepath.Join(dir, "hugolib", "page__meta.go"))
	if !strings.Contains(meta, "m.datesPrevious = m.pageConfig.Dates\n\tm.pageConfig.Dates = m.datesOriginal") {
		t.Errorf("prepareRebuild does not keep the previous dates:\n%s", meta)
	}
	if !strings.Contains(readFile(t, filepath.Join(dir, "hugolib", "content_map_page_assembler.go")), "oldDates := pageBundle.m.datesPrevious") {
		t.Error("the aggregation does not compare with the previous dates")
	}
	// Applied twice, the edits no longer find their text: a copy is
	// patched once.
	if err := Apply(dir); err == nil || !strings.Contains(err.Error(), "edit 1 of hugolib/page__meta.go") {
		t.Errorf("a second Apply: %v, want the first edit named", err)
	}
}

// TestMakeKeepsAPatchedCopy checks that Make copies and patches once and
// makes the copy again only when the edits change.
func TestMakeKeepsAPatchedCopy(t *testing.T) {
	src := t.TempDir()
	for _, e := range Edits {
		if e.Old == "" {
			continue // a file the edit adds
		}
		p := filepath.Join(src, filepath.FromSlash(e.File))
		old := ""
		if b, err := os.ReadFile(p); err == nil {
			old = string(b)
		}
		writeFile(t, p, old+"// before\n"+e.Old+"\n// after\n")
	}
	writeFile(t, filepath.Join(src, "go.mod"), "module "+Module+"\n")
	dir := t.TempDir()
	to, err := Make(src, "v0.0.1", dir)
	if err != nil {
		t.Fatal(err)
	}
	if got := readFile(t, filepath.Join(to, "go.mod")); got != "module "+Module+"\n" {
		t.Errorf("go.mod of the copy: %q", got)
	}
	for _, e := range Edits {
		if !strings.Contains(readFile(t, filepath.Join(to, filepath.FromSlash(e.File))), e.New) {
			t.Errorf("%s is not patched", e.File)
		}
	}
	// A copy with the same edits is kept as it is.
	marker := filepath.Join(to, "kept")
	writeFile(t, marker, "")
	if _, err := Make(src, "v0.0.1", dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err != nil {
		t.Error("Make copied the module again although the edits are the same")
	}
	// Another stamp (other edits) makes it again.
	writeFile(t, filepath.Join(to, ".press-patch"), "v0.0.1 other\n")
	if _, err := Make(src, "v0.0.1", dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(marker); err == nil {
		t.Error("Make kept a copy made with other edits")
	}
}

func writeFile(t *testing.T, name, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func readFile(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
