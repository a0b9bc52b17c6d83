package deploy

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestRedactor(t *testing.T) {
	home := t.TempDir()
	os.MkdirAll(filepath.Join(home, ".aws"), 0o700)
	os.WriteFile(filepath.Join(home, ".aws", "credentials"), []byte("[default]\naws_access_key_id = AKIAFROMFILE1234\naws_secret_access_key = fileSecretABCDEFG\n"), 0o600)
	getenv, environ := testEnv(map[string]string{
		"AWS_SECRET_ACCESS_KEY":       "envSecret123456",
		"ALIBABA_CLOUD_ACCESS_KEY_ID": "LTAIenvKeyId",
		"MY_DEPLOY_TOKEN":             "tok-9876543210",
		"AWS_SHARED_CREDENTIALS_FILE": filepath.Join(home, ".aws", "credentials"),
		"AWS_REGION":                  "cn-hangzhou",
		"DEBUG":                       "1",
	})
	r := NewRedactor(getenv, environ)
	in := "keys envSecret123456 LTAIenvKeyId tok-9876543210 AKIAFROMFILE1234 fileSecretABCDEFG in cn-hangzhou, sftp://deploy:pa55word@host/x, debug 1"
	want := "keys *** *** *** *** *** in cn-hangzhou, sftp://deploy:***@host/x, debug 1"
	if got := r.String(in); got != want {
		t.Errorf("String:\n got %s\nwant %s", got, want)
	}

	// Errors keep their identity for errors.Is and errors.As, not their text.
	base := &AuthError{Target: "x", Err: fmt.Errorf("denied for envSecret123456: %w", os.ErrPermission)}
	err := r.Error(fmt.Errorf("deploy: %w", base))
	var ae *AuthError
	if strings.Contains(err.Error(), "envSecret123456") || !errors.Is(err, os.ErrPermission) || !errors.As(err, &ae) {
		t.Errorf("Error: %q, Is %v, As %v", err, errors.Is(err, os.ErrPermission), errors.As(err, &ae))
	}
	if errors.Unwrap(err) != nil {
		t.Error("a redacted error unwraps to the unredacted one")
	}

	// The writer redacts whole lines, also a secret split across writes.
	var out bytes.Buffer
	w := r.Writer(&out)
	w.Write([]byte("secret envSec"))
	w.Write([]byte("ret123456 here\nlast tok-9876543210"))
	w.Close()
	if out.String() != "secret *** here\nlast ***" {
		t.Errorf("Writer: %q", out.String())
	}
}

func TestChangedURLs(t *testing.T) {
	r := &Result{
		Uploads: []Change{{Path: "news/nianhui/index.html"}, {Path: "index.html"}, {Path: "css/site.css"}},
		Deletes: []string{"news/old/index.html"},
	}
	got := changedURLs("https://www.zzia.example", r)
	want := []string{
		"https://www.zzia.example/css/site.css",
		"https://www.zzia.example/index.html",
		"https://www.zzia.example/",
		"https://www.zzia.example/news/nianhui/index.html",
		"https://www.zzia.example/news/nianhui/",
		"https://www.zzia.example/news/old/index.html",
		"https://www.zzia.example/news/old/",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if got := expandRefresh([]string{"tccli", "cdn", "PurgeUrlsCache", "--Urls", "{urls_json}", "--x={urls}"}, []string{"a", "b"}, `["a","b"]`); !reflect.DeepEqual(got, []string{"tccli", "cdn", "PurgeUrlsCache", "--Urls", `["a","b"]`, "--x=a\nb"}) {
		t.Errorf("expandRefresh: %q", got)
	}
}

func TestTargets(t *testing.T) {
	s := newTestSite(t, `[deployment]
[[deployment.targets]]
name = "a"
url = "file:///tmp/a"
[[deployment.targets]]
name = "b"
url = "sftp://deploy@example.org/srv"
`)
	if _, err := s.run(t, nil, func(o *Options) { o.Target = "c" }); err == nil || !strings.Contains(err.Error(), `no deployment target "c" (the configuration has: a, b)`) {
		t.Errorf("unknown target: %v", err)
	}
	empty := newTestSite(t, "")
	if _, err := empty.run(t, nil, nil); !errors.Is(err, ErrNoTargets) {
		t.Errorf("no targets: %v", err)
	}
}

// TestConfirm deploys to a file:// bucket (Hugo's deploy, no server) with
// confirmation on: nobody to ask is an error, "no" changes nothing.
func TestConfirm(t *testing.T) {
	requireDeployTag(t)
	bucket := t.TempDir()
	s := newTestSite(t, "[deployment]\nconfirm = true\n[[deployment.targets]]\nname = \"dir\"\nurl = \"file://"+filepath.ToSlash(bucket)+"\"\n")
	if _, err := s.run(t, nil, nil); err == nil || !strings.Contains(err.Error(), "confirm") {
		t.Errorf("nobody to ask: %v", err)
	}
	var asked *Result
	_, err := s.run(t, nil, func(o *Options) {
		o.Ask = func(plan *Result) (bool, error) { asked = plan; return false, nil }
	})
	if !errors.Is(err, ErrAborted) || asked == nil || len(asked.Uploads) != len(s.files(t)) {
		t.Errorf("answered no: %v, asked with %+v", err, asked)
	}
	if entries, _ := os.ReadDir(bucket); len(entries) != 0 {
		t.Errorf("an aborted deploy wrote %d entries", len(entries))
	}
	res := s.ok(t, "answered yes", nil, func(o *Options) {
		o.Ask = func(*Result) (bool, error) { return true, nil }
	})
	wantCounts(t, "answered yes", res, len(s.files(t)), 0)
	if _, err := os.Stat(filepath.Join(bucket, "news", "nianhui", "index.html")); err != nil {
		t.Error(err)
	}
}
