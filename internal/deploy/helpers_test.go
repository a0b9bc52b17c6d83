package deploy

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/zzia/press/internal/site"
	"github.com/zzia/press/internal/testenv"
)

// testSite is a site configuration and a built site to deploy.
type testSite struct {
	src, dir string
}

// newTestSite writes hugo.toml with the given deployment section and a
// built site of a few pages, a stylesheet, an image and a PDF.
func newTestSite(t *testing.T, deployment string) *testSite {
	t.Helper()
	root := t.TempDir()
	s := &testSite{src: filepath.Join(root, "site"), dir: filepath.Join(root, "public")}
	if err := os.MkdirAll(s.src, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := "baseURL = \"https://www.zzia.example/\"\ntitle = \"测试\"\n\n" + deployment
	if err := os.WriteFile(filepath.Join(s.src, "hugo.toml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"index.html":                 "<!doctype html><title>首页</title><p>郑州市信息化促进会</p>",
		"news/index.html":            "<!doctype html><title>新闻</title>",
		"news/nianhui/index.html":    "<!doctype html><title>年会</title><p>促进会召开年度会员大会。</p>",
		"news/peixun/index.html":     "<!doctype html><title>培训</title>",
		"notices/index.html":         "<!doctype html><title>通知</title>",
		"notices/2026-01/index.html": "<!doctype html><title>通知一</title>",
		"notices/2026-02/index.html": "<!doctype html><title>通知二</title>",
		"about/index.html":           "<!doctype html><title>关于</title>",
		"css/site.css":               "body{font-family:sans-serif}\n",
		"js/search.js":               "console.log('search')\n",
		"images/logo.svg":            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
		"files/journal.pdf":          "%PDF-1.7\n" + strings.Repeat("0123456789", 3000),
		"index.xml":                  "<rss/>",
		"sitemap.xml":                "<urlset/>",
		"404.html":                   "<!doctype html><title>404</title>",
	}
	for p, c := range files {
		s.write(t, p, c)
	}
	return s
}

func (s *testSite) write(t *testing.T, p, content string) {
	t.Helper()
	full := filepath.Join(s.dir, filepath.FromSlash(p))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (s *testSite) remove(t *testing.T, p string) {
	t.Helper()
	if err := os.Remove(filepath.Join(s.dir, filepath.FromSlash(p))); err != nil {
		t.Fatal(err)
	}
}

// files lists the built site's files.
func (s *testSite) files(t *testing.T) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(s.dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			rel, _ := filepath.Rel(s.dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// run deploys s with the environment env (and nothing else of the
// process's, except what the cloud SDKs read themselves).
func (s *testSite) run(t *testing.T, env map[string]string, mod func(*Options)) (*Result, error) {
	t.Helper()
	getenv, environ := testEnv(env)
	opts := Options{Source: s.src, Dir: s.dir, Getenv: getenv, Environ: environ}
	if mod != nil {
		mod(&opts)
	}
	return Run(context.Background(), opts)
}

func testEnv(vars map[string]string) (func(string) string, []string) {
	m := map[string]string{"PATH": os.Getenv("PATH")}
	for k, v := range vars {
		m[k] = v
	}
	var environ []string
	for k, v := range m {
		environ = append(environ, k+"="+v)
	}
	sort.Strings(environ)
	return func(k string) string { return m[k] }, environ
}

func paths(cs []Change) []string {
	var out []string
	for _, c := range cs {
		out = append(out, c.Path)
	}
	sort.Strings(out)
	return out
}

// ok deploys like run and fails the test on an error.
func (s *testSite) ok(t *testing.T, what string, env map[string]string, mod func(*Options)) *Result {
	t.Helper()
	res, err := s.run(t, env, mod)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return res
}

func wantCounts(t *testing.T, what string, res *Result, uploads, deletes int) {
	t.Helper()
	if len(res.Uploads) != uploads || len(res.Deletes) != deletes {
		t.Fatalf("%s: %d uploads %v and %d deletes %v, want %d and %d", what, len(res.Uploads), paths(res.Uploads), len(res.Deletes), res.Deletes, uploads, deletes)
	}
}

// requireDeployTag fails (under CI) or skips a test that needs Hugo's
// deploy when the test binary was built without it.
func requireDeployTag(t *testing.T) {
	t.Helper()
	if site.DeploySupported {
		return
	}
	testenv.Missing(t, "Hugo's deploy is not built in: run the tests with -tags withdeploy (make test does)")
}

// noSecret fails if any of the secrets appears in any of the texts.
func noSecret(t *testing.T, secrets []string, texts ...string) {
	t.Helper()
	for _, s := range secrets {
		for _, x := range texts {
			if strings.Contains(x, s) {
				t.Errorf("secret %q appears in %q", s, x)
			}
		}
	}
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	s := err.Error()
	for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
		s += "\n" + e.Error()
	}
	return s + "\n" + fmt.Sprintf("%+v", err)
}
