// Package testsite gives tests copies of sites to build and change: the
// bundled site of this repository, the fixtures under testdata/sites, or
// any folder, in a temporary directory the test owns. Only tests and the
// benchmarks (their generator and commands) import it.
package testsite

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// Sources are the parts of a site folder that make the site: what Bundled
// copies.
var Sources = []string{"content", "data", "layouts", "assets", "static", "i18n", "hugo.toml"}

// Theme are the parts of the bundled site that give it its look: what
// Themed copies.
var Theme = []string{"layouts", "assets", "static", "i18n"}

// Root is the repository's root folder (the one holding go.mod).
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Fixture is the folder of the fixture site name under testdata/sites.
func Fixture(name string) string {
	return filepath.Join(Root(), "testdata", "sites", name)
}

// CopyDir copies the folder from, with everything in it, to to (made if
// missing), replacing the files of the same name there.
func CopyDir(t testing.TB, from, to string) {
	t.Helper()
	if err := CopyTree(from, to); err != nil {
		t.Fatal(err)
	}
}

// CopyTree copies the file or folder from, with everything in it, to to
// (folders made if missing), replacing the files of the same name there:
// CopyDir for a program that has no test (a benchmark command).
func CopyTree(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if p == from {
			// A single file: the walk made no folder for it.
			if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
				return err
			}
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// Copy copies the folder from into a new temporary folder and returns it.
func Copy(t testing.TB, from string) string {
	t.Helper()
	dir := t.TempDir()
	CopyDir(t, from, dir)
	return dir
}

// Bundled copies the sources of the repository's own site (Sources) into
// a new temporary folder and returns it.
func Bundled(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	for _, s := range Sources {
		from := filepath.Join(Root(), s)
		if fi, err := os.Stat(from); err == nil && !fi.IsDir() {
			WriteFiles(t, dir, map[string]string{s: string(mustRead(t, from))})
			continue
		}
		CopyDir(t, from, filepath.Join(dir, s))
	}
	return dir
}

// Themed copies the bundled site's theme (Theme) and over it the folder
// from (a site's configuration, content and any layouts of its own) into a
// new temporary folder and returns it.
func Themed(t testing.TB, from string) string {
	t.Helper()
	dir := t.TempDir()
	for _, d := range Theme {
		CopyDir(t, filepath.Join(Root(), d), filepath.Join(dir, d))
	}
	CopyDir(t, from, dir)
	return dir
}

// WriteFiles writes files (slash-separated names relative to dir, and
// their text) into dir, making folders as needed.
func WriteFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// ReadFiles returns the files below dir (every entry that is not a
// folder, read through links) by slash-separated name relative to dir,
// with their text: what WriteFiles would write to make dir again.
func ReadFiles(t testing.TB, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func mustRead(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
