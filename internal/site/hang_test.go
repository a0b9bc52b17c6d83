package site

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/zzia/press/internal/testsite"
)

// failingSite writes a site of n pages whose footer partial fails on every
// page, the shape that makes Hugo v0.165.0 stop at its error limit.
func failingSite(t *testing.T, n int, footer string) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"hugo.toml":                     "baseURL = \"https://example.org/\"\ntitle = \"t\"\ndisableKinds = [\"taxonomy\", \"term\", \"rss\", \"sitemap\", \"robotsTXT\"]\n",
		"layouts/baseof.html":           `<!DOCTYPE html><html><body>{{ block "main" . }}{{ end }}{{ partial "footer.html" . }}</body></html>`,
		"layouts/page.html":             `{{ define "main" }}{{ .Content }}{{ end }}`,
		"layouts/home.html":             `{{ define "main" }}home{{ end }}`,
		"layouts/section.html":          `{{ define "main" }}section{{ end }}`,
		"layouts/_partials/footer.html": footer,
	}
	for i := range n {
		files[fmt.Sprintf("content/p%03d.md", i)] = fmt.Sprintf("---\ntitle: p%d\n---\nhello %d\n", i, i)
	}
	testsite.WriteFiles(t, dir, files)
	return dir
}

// TestTemplateErrorOnEveryPageEnds builds, twenty times each, a site whose
// footer fails on each of its 200 pages. Plain Hugo v0.165.0 hangs on such a
// site in about one run of four (its page walker blocks on a channel nobody
// reads once the error limit has stopped the workers; see guard.go); every
// build must end, with the footer's error. The time limit only turns a hang
// into a failure instead of the test binary's timeout.
func TestTemplateErrorOnEveryPageEnds(t *testing.T) {
	for _, tc := range []struct{ name, footer, want string }{
		{"div by zero", "<footer>{{ div 1 0 }}</footer>", "can't divide the value by 0"},
		{"denied getenv", `<footer>{{ os.Getenv "HOME" }}</footer>`, "access denied"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := failingSite(t, 200, tc.footer)
			cache := t.TempDir()
			runs := 20
			for i := range runs {
				dest := ""
				if i%2 == 1 {
					dest = t.TempDir()
				}
				done := make(chan error, 1)
				go func() {
					_, err := Build(Options{Source: src, Dest: dest, CacheDir: cache})
					done <- err
				}()
				var err error
				select {
				case err = <-done:
				case <-time.After(2 * time.Minute):
					t.Fatalf("run %d: the build did not end", i+1)
				}
				var be *BuildError
				if !errors.As(err, &be) {
					t.Fatalf("run %d: want a BuildError, got %v", i+1, err)
				}
				if !strings.Contains(be.Error(), "layouts/_partials/footer.html:1:") || !strings.Contains(be.Error(), tc.want) {
					t.Fatalf("run %d: the error does not name the footer and its problem:\n%v", i+1, be)
				}
			}
		})
	}
}

// TestSessionTemplateErrorEnds is TestTemplateErrorOnEveryPageEnds on the
// preview's path: a kept site rebuilt from the change of its footer.
func TestSessionTemplateErrorEnds(t *testing.T) {
	src := failingSite(t, 200, "<footer>ok</footer>")
	cache := t.TempDir()
	footer := filepath.Join(src, "layouts", "_partials", "footer.html")
	for i := range 10 {
		if err := os.WriteFile(footer, []byte("<footer>ok</footer>"), 0o644); err != nil {
			t.Fatal(err)
		}
		se, err := OpenSession(Options{Source: src, CacheDir: cache})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := se.Build(nil, nil); err != nil {
			t.Fatalf("run %d: first build: %v", i+1, err)
		}
		os.WriteFile(footer, []byte("<footer>{{ div 1 0 }}</footer>"), 0o644)
		done := make(chan error, 1)
		go func() {
			_, err := se.Build([]fsnotify.Event{{Name: footer, Op: fsnotify.Write}}, nil)
			done <- err
		}()
		select {
		case err = <-done:
		case <-time.After(2 * time.Minute):
			t.Fatalf("run %d: the rebuild did not end", i+1)
		}
		se.Close()
		var be *BuildError
		if !errors.As(err, &be) || !strings.Contains(be.Error(), "layouts/_partials/footer.html:1:") || !strings.Contains(be.Error(), "can't divide the value by 0") {
			t.Fatalf("run %d: the rebuild's error does not name the footer and its problem: %v", i+1, err)
		}
	}
}
