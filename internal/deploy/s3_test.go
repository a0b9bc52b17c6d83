package deploy

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/zzia/press/internal/deploy/deploytest"
)

// s3Deployment is a deployment section for a bucket of srv with matchers
// as the bundled site has them, and a refresh command that records what it
// was given.
func s3Deployment(srv *deploytest.S3, bucket string, maxDeletes int) string {
	return fmt.Sprintf(`[deployment]
maxDeletes = %d
order = ['\.(css|js|svg|png|jpg|woff2)$']

[[deployment.targets]]
name = "oss"
url = %q
refreshCommand = ["sh", "-c", "cp \"$PRESS_DEPLOY_URLS_FILE\" refreshed-urls.txt; printf '%%s' \"$1\" > refreshed-args.txt; echo \"key $AWS_SECRET_ACCESS_KEY\"", "refresh", "{urls_json}"]

[[deployment.matchers]]
pattern = '^.+\.(css|js|svg)$'
cacheControl = "max-age=86400, public"
gzip = true

[[deployment.matchers]]
pattern = '^.+\.(html|xml)$'
cacheControl = "max-age=300, public"
gzip = true

[[deployment.matchers]]
pattern = '^.+\.pdf$'
cacheControl = "max-age=86400, public"
gzip = false
`, maxDeletes, srv.URL(bucket))
}

// s3Env is the environment of a deploy to srv: its credentials and no
// credential files or instance metadata (no network beyond loopback).
func s3Env(t *testing.T, srv *deploytest.S3, secret string) map[string]string {
	t.Helper()
	// The AWS SDK reads the process's environment itself.
	none := filepath.Join(t.TempDir(), "none")
	vars := map[string]string{
		"AWS_ACCESS_KEY_ID":           srv.AccessKey,
		"AWS_SECRET_ACCESS_KEY":       secret,
		"AWS_CONFIG_FILE":             none,
		"AWS_SHARED_CREDENTIALS_FILE": none,
		"AWS_EC2_METADATA_DISABLED":   "true",
		"AWS_PROFILE":                 "",
		"AWS_SESSION_TOKEN":           "",
		"AWS_REGION":                  "",
		"AWS_DEFAULT_REGION":          "",
	}
	for k, v := range vars {
		t.Setenv(k, v)
	}
	return vars
}

// TestObjectStorage deploys to a real S3 server (SeaweedFS) with Hugo's
// deploy: first deploy, again unchanged, one page changed, one deleted, a
// dry run, too many deletes refused, wrong credentials refused.
func TestObjectStorage(t *testing.T) {
	requireDeployTag(t)
	srv := deploytest.StartS3(t)
	srv.CreateBucket(t, "zzia-site")
	s := newTestSite(t, s3Deployment(srv, "zzia-site", 2))
	env := s3Env(t, srv, srv.SecretKey)
	var hook bytes.Buffer
	withHook := func(o *Options) { o.HookOutput = &hook }

	// First deploy: every file.
	res := s.ok(t, "first deploy", env, withHook)
	wantCounts(t, "first deploy", res, len(s.files(t)), 0)
	if res.Kind != ObjectStorage || res.Target != "oss" {
		t.Errorf("kind %q target %q", res.Kind, res.Target)
	}
	objs := srv.Objects(t, "zzia-site")
	if got, want := keys(objs), s.files(t); !reflect.DeepEqual(got, want) {
		t.Fatalf("bucket holds %v, want %v", got, want)
	}
	// The matchers' headers and gzip, as the server stores them.
	head := func(key string) *s3.HeadObjectOutput {
		out, err := srv.Client.HeadObject(context.Background(), &s3.HeadObjectInput{Bucket: aws.String("zzia-site"), Key: aws.String(key)})
		if err != nil {
			t.Fatalf("head %s: %v", key, err)
		}
		return out
	}
	if h := head("news/nianhui/index.html"); aws.ToString(h.CacheControl) != "max-age=300, public" || aws.ToString(h.ContentEncoding) != "gzip" || !strings.HasPrefix(aws.ToString(h.ContentType), "text/html") {
		t.Errorf("page headers: Cache-Control %q, Content-Encoding %q, Content-Type %q", aws.ToString(h.CacheControl), aws.ToString(h.ContentEncoding), aws.ToString(h.ContentType))
	}
	if h := head("files/journal.pdf"); aws.ToString(h.CacheControl) != "max-age=86400, public" || aws.ToString(h.ContentEncoding) != "" || aws.ToString(h.ContentType) != "application/pdf" {
		t.Errorf("PDF headers: Cache-Control %q, Content-Encoding %q, Content-Type %q", aws.ToString(h.CacheControl), aws.ToString(h.ContentEncoding), aws.ToString(h.ContentType))
	}
	if body := get(t, srv, "zzia-site", "news/nianhui/index.html"); !strings.Contains(gunzip(t, body), "促进会召开年度会员大会") {
		t.Errorf("gzipped page does not hold the page: %q", body)
	}
	// The refresh command got every URL, with directories' own URLs.
	urls, err := os.ReadFile(filepath.Join(s.src, "refreshed-urls.txt"))
	if err != nil {
		t.Fatalf("refresh command did not run: %v", err)
	}
	for _, u := range []string{"https://www.zzia.example/", "https://www.zzia.example/index.html", "https://www.zzia.example/news/nianhui/", "https://www.zzia.example/files/journal.pdf"} {
		if !strings.Contains(string(urls)+"\n", u+"\n") {
			t.Errorf("refresh URLs lack %s:\n%s", u, urls)
		}
	}
	if !res.Refreshed {
		t.Error("Result.Refreshed is false")
	}
	if !strings.Contains(hook.String(), "key ***") {
		t.Errorf("refresh command output not redacted: %q", hook.String())
	}

	// Again, unchanged: nothing uploaded, the bucket untouched.
	os.Remove(filepath.Join(s.src, "refreshed-urls.txt"))
	res = s.ok(t, "unchanged deploy", env, nil)
	wantCounts(t, "unchanged deploy", res, 0, 0)
	if after := srv.Objects(t, "zzia-site"); !reflect.DeepEqual(after, objs) {
		t.Errorf("an unchanged deploy changed the bucket")
	}
	if _, err := os.Stat(filepath.Join(s.src, "refreshed-urls.txt")); err == nil {
		t.Error("the refresh command ran although nothing changed")
	}

	// One page changed: one upload, and the bucket has the new page.
	s.write(t, "news/nianhui/index.html", "<!doctype html><title>年会</title><p>年会改期至十二月。</p>")
	res = s.ok(t, "one page changed", env, nil)
	wantCounts(t, "one page changed", res, 1, 0)
	if res.Uploads[0].Path != "news/nianhui/index.html" {
		t.Errorf("uploaded %v", paths(res.Uploads))
	}
	if body := gunzip(t, get(t, srv, "zzia-site", "news/nianhui/index.html")); !strings.Contains(body, "年会改期") {
		t.Errorf("the bucket still has the old page: %q", body)
	}
	args, _ := os.ReadFile(filepath.Join(s.src, "refreshed-args.txt"))
	if want := `["https://www.zzia.example/news/nianhui/index.html","https://www.zzia.example/news/nianhui/"]`; string(args) != want {
		t.Errorf("{urls_json} = %s, want %s", args, want)
	}

	// A dry run lists the change and changes nothing.
	s.write(t, "about/index.html", "<!doctype html><title>关于我们</title>")
	before := srv.Objects(t, "zzia-site")
	res = s.ok(t, "dry run", env, func(o *Options) { o.DryRun = true })
	if !res.DryRun || len(res.Uploads) != 1 || res.Uploads[0].Path != "about/index.html" || res.Uploads[0].Reason == "" {
		t.Errorf("dry run plan: %+v", res)
	}
	if after := srv.Objects(t, "zzia-site"); !reflect.DeepEqual(after, before) {
		t.Errorf("a dry run changed the bucket")
	}
	s.ok(t, "deploy after dry run", env, nil)

	// A page deleted: one delete.
	s.remove(t, "news/peixun/index.html")
	res = s.ok(t, "one page deleted", env, nil)
	wantCounts(t, "one page deleted", res, 0, 1)
	if _, ok := srv.Objects(t, "zzia-site")["news/peixun/index.html"]; ok {
		t.Error("the deleted page is still in the bucket")
	}

	// More deletes than maxDeletes (2): refused before anything changes,
	// the new page not uploaded either.
	s.remove(t, "notices/2026-01/index.html")
	s.remove(t, "notices/2026-02/index.html")
	s.remove(t, "notices/index.html")
	s.write(t, "news/new/index.html", "<!doctype html><title>新</title>")
	before = srv.Objects(t, "zzia-site")
	res, err = s.run(t, env, nil)
	var tm *TooManyDeletesError
	if !errors.As(err, &tm) || tm.Deletes != 3 || tm.Max != 2 {
		t.Fatalf("too many deletes: got %v", err)
	}
	if after := srv.Objects(t, "zzia-site"); !reflect.DeepEqual(after, before) {
		t.Errorf("a refused deploy changed the bucket")
	}
	// Allowed explicitly, it goes through.
	max := 3
	res = s.ok(t, "with --max-deletes 3", env, func(o *Options) { o.MaxDeletes = &max })
	wantCounts(t, "with --max-deletes 3", res, 1, 3)

	// Wrong credentials: a clear error, nothing changed, no secret shown.
	s.write(t, "news/nianhui/index.html", "<!doctype html><title>年会</title><p>又改了。</p>")
	before = srv.Objects(t, "zzia-site")
	wrong := "wrong-secret-" + strings.Repeat("x", 20)
	badEnv := s3Env(t, srv, wrong)
	hook.Reset()
	res, err = s.run(t, badEnv, withHook)
	var ae *AuthError
	if !errors.As(err, &ae) {
		t.Fatalf("wrong credentials: got %v, want an AuthError", err)
	}
	if !strings.Contains(err.Error(), "refused the credentials") || !strings.Contains(err.Error(), "AWS_SECRET_ACCESS_KEY") {
		t.Errorf("unclear error: %v", err)
	}
	noSecret(t, []string{wrong, srv.SecretKey, srv.AccessKey}, errText(err), fmt.Sprintf("%+v", res), hook.String())
	if after := srv.Objects(t, "zzia-site"); !reflect.DeepEqual(after, before) {
		t.Errorf("a deploy with wrong credentials changed the bucket")
	}
	t.Logf("wrong credentials: %v", err)
}

func keys(m map[string]deploytest.Object) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func get(t *testing.T, srv *deploytest.S3, bucket, key string) []byte {
	t.Helper()
	out, err := srv.Client.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer out.Body.Close()
	b, err := io.ReadAll(out.Body)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func gunzip(t *testing.T, b []byte) string {
	t.Helper()
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not gzipped: %v (%q)", err, b)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(out)
}
