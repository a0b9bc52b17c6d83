package testsite

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// What WriteFiles writes, ReadFiles reads back, from the folder and from a
// Copy of it; CopyDir replaces a file of the same name.
func TestWriteCopyRead(t *testing.T) {
	files := map[string]string{"a.txt": "甲", "sub/deeper/b.md": "---\ntitle: 乙\n---\n"}
	dir := t.TempDir()
	WriteFiles(t, dir, files)
	if got := ReadFiles(t, dir); !reflect.DeepEqual(got, files) {
		t.Errorf("read back %v, want %v", got, files)
	}
	if got := ReadFiles(t, Copy(t, dir)); !reflect.DeepEqual(got, files) {
		t.Errorf("the copy holds %v, want %v", got, files)
	}
	other := t.TempDir()
	WriteFiles(t, other, map[string]string{"a.txt": "旧", "c.txt": "丙"})
	CopyDir(t, dir, other)
	files["c.txt"] = "丙"
	if got := ReadFiles(t, other); !reflect.DeepEqual(got, files) {
		t.Errorf("copied over another folder: %v, want %v", got, files)
	}
}

// CopyTree copies a single file as well as a folder, making the folders
// the file goes in; a missing source is an error.
func TestCopyTreeFile(t *testing.T) {
	dir := t.TempDir()
	WriteFiles(t, dir, map[string]string{"hugo.toml": "title = \"甲\"\n"})
	to := filepath.Join(t.TempDir(), "new", "site")
	if err := CopyTree(filepath.Join(dir, "hugo.toml"), filepath.Join(to, "hugo.toml")); err != nil {
		t.Fatal(err)
	}
	if got := ReadFiles(t, to); !reflect.DeepEqual(got, map[string]string{"hugo.toml": "title = \"甲\"\n"}) {
		t.Errorf("copied %v", got)
	}
	if err := CopyTree(filepath.Join(dir, "missing"), to); !os.IsNotExist(err) {
		t.Errorf("copying a missing folder: %v, want not found", err)
	}
}

// Themed is the bundled theme with the fixture over it; Bundled is every
// part of the bundled site.
func TestThemedAndBundled(t *testing.T) {
	site := Themed(t, Fixture("minimal"))
	for _, f := range []string{"hugo.toml", "layouts/baseof.html"} {
		want, _ := os.ReadFile(filepath.Join(Fixture("minimal"), f))
		if got, _ := os.ReadFile(filepath.Join(site, f)); len(want) == 0 || string(got) != string(want) {
			t.Errorf("%s is not the fixture's:\n%s", f, got)
		}
	}
	bundled := Bundled(t)
	for _, d := range append(Theme, "content") {
		if _, err := os.Stat(filepath.Join(site, d)); err != nil {
			t.Errorf("Themed: %v", err)
		}
	}
	for _, s := range Sources {
		if _, err := os.Stat(filepath.Join(bundled, s)); err != nil {
			t.Errorf("Bundled: %v", err)
		}
	}
}
