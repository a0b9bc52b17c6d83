package pipeline_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/pipeline"

	"github.com/zzia/press/internal/testsite"
)

// privateSite is the minimal fixture with one member (contact details
// included), a git repository whose config holds a credential, and a roster
// in secretariat/.
func privateSite(t *testing.T) string {
	t.Helper()
	src := testsite.Copy(t, fixture("minimal"))
	files := map[string]string{
		".git/config":            "[remote \"origin\"]\n\turl = https://x-access-token:ghp_CHECKOUTSECRET@git.example.org/zzia/site.git\n",
		"secretariat/roster.csv": "name,mobile\nROSTERSECRET,155-0000-0000\n",
	}
	// The member unit and its two representatives' person files (their
	// mobiles and e-mails) from the bundled data, and an approval register.
	files["data/approvals.yaml"] = "approvals:\n  - date: 2024-01-10\n    meeting: 理事会\n    member: m00-zhongyuan\n    person: huang-xu-si\n    post: 副秘书长\n"
	for _, name := range []string{"data/members/m00-zhongyuan.yaml", "data/people/zhang-shi-yi.yaml", "data/people/huang-xu-si.yaml"} {
		b, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(name)))
		if err != nil {
			t.Fatal(err)
		}
		files[name] = string(b)
	}
	testsite.WriteFiles(t, src, files)
	return src
}

// TestTemplatesCannotReadPrivateFiles tries, from a layout and from a
// content adapter, to read member data, the repository's config and the
// secretariat's roster by path. Each attempt fails the build naming the
// template, and nothing private reaches the output.
func TestTemplatesCannotReadPrivateFiles(t *testing.T) {
	secrets := []string{"155-5555-0000", "rep00@example.com", "office@m00.example.com", "ghp_CHECKOUTSECRET", "ROSTERSECRET"}
	cases := []struct {
		name, file, body, wantFile, wantPath string
	}{
		{"layout reads a member file", "layouts/home.html",
			`{{ define "main" }}<pre>{{ readFile "data/members/m00-zhongyuan.yaml" }}</pre>{{ end }}`,
			"layouts/home.html", "data/members/m00-zhongyuan.yaml"},
		{"layout reads a person file", "layouts/home.html",
			`{{ define "main" }}<pre>{{ readFile "data/people/zhang-shi-yi.yaml" }}</pre>{{ end }}`,
			"layouts/home.html", "data/people/zhang-shi-yi.yaml"},
		{"layout reads the approval register", "layouts/home.html",
			`{{ define "main" }}<pre>{{ readFile "data/approvals.yaml" }}</pre>{{ end }}`,
			"layouts/home.html", "data/approvals.yaml"},
		{"layout reads .git/config", "layouts/home.html",
			`{{ define "main" }}<pre>{{ os.ReadFile ".git/config" }}</pre>{{ end }}`,
			"layouts/home.html", ".git/config"},
		{"content adapter reads .git/config", "content/leak/_content.gotmpl",
			`{{ $.AddPage (dict "path" "x" "title" "x" "content" (dict "mediaType" "text/markdown" "value" (readFile ".git/config"))) }}`,
			"content/leak/_content.gotmpl", ".git/config"},
		{"content adapter reads a member file", "content/leak/_content.gotmpl",
			`{{ $.AddPage (dict "path" "x" "title" "x" "content" (dict "mediaType" "text/markdown" "value" (readFile "data/members/m00-zhongyuan.yaml"))) }}`,
			"content/leak/_content.gotmpl", "data/members/m00-zhongyuan.yaml"},
		{"layout reads the roster", "layouts/home.html",
			`{{ define "main" }}<pre>{{ readFile "secretariat/roster.csv" }}</pre>{{ end }}`,
			"layouts/home.html", "secretariat/roster.csv"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			src := privateSite(t)
			p := filepath.Join(src, filepath.FromSlash(tc.file))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "public")
			_, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir()})
			var be *pipeline.Error
			if !errors.As(err, &be) {
				t.Fatalf("want a build error, got %v", err)
			}
			msg := be.Error()
			if !strings.Contains(msg, tc.wantFile+":") || !strings.Contains(msg, tc.wantPath+" is private") {
				t.Errorf("the error should name %s and %s as private:\n%s", tc.wantFile, tc.wantPath, msg)
			}
			for _, s := range secrets {
				if strings.Contains(msg, s) {
					t.Errorf("the error shows %q", s)
				}
			}
			if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a failed build wrote %s", out)
			}
		})
	}
}

// TestPrivateFoldersAreNotListed lists the data folder and the site's root
// from a template: the private folders are not there, the rest is.
func TestPrivateFoldersAreNotListed(t *testing.T) {
	src := privateSite(t)
	os.WriteFile(filepath.Join(src, "layouts", "home.html"), []byte(
		`{{ define "main" }}<p id="data">{{ range os.ReadDir "data" }}[{{ .Name }}]{{ end }}</p>`+
			`<p id="root">{{ range os.ReadDir "." }}[{{ .Name }}]{{ end }}</p>`+
			`<p id="exists">{{ fileExists "content" }}</p>{{ end }}`), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, src, out)
	home := read(t, out, "index.html")
	for _, want := range []string{"[info.yaml]", "[content]", "[layouts]", `<p id="exists">true</p>`} {
		if !strings.Contains(home, want) {
			t.Errorf("home page lacks %s:\n%s", want, home)
		}
	}
	for _, hidden := range []string{"[members]", "[people]", "[activities]", "[approvals.yaml]", "[.git]", "[secretariat]"} {
		if strings.Contains(home, hidden) {
			t.Errorf("home page lists %s:\n%s", hidden, home)
		}
	}
}

// TestPrivateDataNotInHugoData: the member, people and approval data are not
// in hugo.Data for templates to range over; only what press derives is.
func TestPrivateDataNotInHugoData(t *testing.T) {
	src := privateSite(t)
	os.WriteFile(filepath.Join(src, "layouts", "home.html"), []byte(
		`{{ define "main" }}<p id="keys">{{ range $k, $v := hugo.Data }}[{{ $k }}]{{ end }}</p>`+
			`<pre>{{ jsonify hugo.Data }}</pre>{{ end }}`), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, src, out)
	home := read(t, out, "index.html")
	for _, hidden := range []string{"[members]", "[people]", "[activities]", "[approvals]", "155-5555-0000", "rep00@example.com", "office@m00.example.com"} {
		if strings.Contains(home, hidden) {
			t.Errorf("hugo.Data shows %s:\n%s", hidden, home)
		}
	}
}

// TestCacheInsideSiteRefused: a cache in the site would be readable by the
// templates.
func TestCacheInsideSiteRefused(t *testing.T) {
	src := testsite.Copy(t, fixture("minimal"))
	_, err := pipeline.Build(pipeline.Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), CacheDir: filepath.Join(src, ".cache")})
	if err == nil || !strings.Contains(err.Error(), "inside the site") {
		t.Fatalf("want a refusal of the cache inside the site, got %v", err)
	}
}
