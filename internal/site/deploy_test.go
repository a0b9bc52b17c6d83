package site

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/zzia/press/internal/testenv"
)

// A dry run's report as Hugo v0.165.0 prints it.
const dryRunReport = `Deploying to target "oss" (s3://zzia?endpoint=http://127.0.0.1:8333&region=us-east-1)
Identified 3 file(s) to upload, totaling 14 kB, and 1 file(s) to delete.
[DRY RUN] Would upload: css/site.min.a77b.css (1.2 kB, Cache-Control: "public, max-age=31536000, immutable", Content-Encoding: "gzip", Content-Type: "text/css"): not found at target
[DRY RUN] Would upload: news/年会 (2026)/index.html (9.8 kB, Cache-Control: "public, max-age=300", Content-Encoding: "gzip", Content-Type: "text/html"): md5 differs
[DRY RUN] Would upload: files/a.pdf (3.0 kB): size differs
[DRY RUN] Would delete news/old/index.html
Success!
`

func TestParseDeployOutput(t *testing.T) {
	res, err := parseDeployOutput(dryRunReport, "", true)
	if err != nil {
		t.Fatal(err)
	}
	want := &HugoDeployResult{
		Uploads: []DeployUpload{
			{Path: "css/site.min.a77b.css", Size: "1.2 kB", Reason: "not found at target"},
			{Path: "news/年会 (2026)/index.html", Size: "9.8 kB", Reason: "md5 differs"},
			{Path: "files/a.pdf", Size: "3.0 kB", Reason: "size differs"},
		},
		Deletes:    []string{"news/old/index.html"},
		NumUploads: 3, NumDeletes: 1, UploadSize: "14 kB",
	}
	if !reflect.DeepEqual(res, want) {
		t.Errorf("got %+v\nwant %+v", res, want)
	}

	// A real run prints the counts only; nothing to do prints no counts.
	res, err = parseDeployOutput("Deploying to target \"oss\" (s3://zzia)\nIdentified 2 file(s) to upload, totaling 3.4 MB, and 0 file(s) to delete.\nSuccess!\n", "WARN  something\n", false)
	if err != nil || res.NumUploads != 2 || res.UploadSize != "3.4 MB" || len(res.Warnings) != 1 {
		t.Errorf("real run: %+v %v", res, err)
	}
	if res, err := parseDeployOutput("Deploying to target \"oss\" (s3://zzia)\nNo changes required.\n", "", true); err != nil || res.NumUploads != 0 {
		t.Errorf("no changes: %+v %v", res, err)
	}

	// What this version of Hugo would not print is an error, not a guess.
	for _, bad := range []string{
		"Deploying to target \"oss\" (s3://zzia)\n",
		"Identified 2 file(s) to upload, totaling 3 kB, and 0 file(s) to delete.\n[DRY RUN] Would upload: a.html (1 kB): a new reason\n",
		"Identified 2 file(s) to upload, totaling 3 kB, and 0 file(s) to delete.\n[DRY RUN] Would upload: a.html (1.0 kB): not found at target\n",
	} {
		if _, err := parseDeployOutput(bad, "", true); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}

func TestLoadDeployment(t *testing.T) {
	dir := t.TempDir()
	cfg := `baseURL = "https://www.zzia.example/"
[deployment]
maxDeletes = 7
confirm = true
[[deployment.targets]]
name = "oss"
url = "s3://zzia?endpoint=https://s3.oss-cn-hangzhou.aliyuncs.com&region=cn-hangzhou"
refreshCommand = ["aliyun", "cdn", "RefreshObjectCaches", "--ObjectPath", "{urls}"]
[[deployment.targets]]
name = "server"
url = "sftp://deploy@www.zzia.example/srv/www/zzia"
keep = 3
[[deployment.matchers]]
pattern = '^.+\.html$'
gzip = true
`
	os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(cfg), 0o644)
	d, err := LoadDeployment(dir, "")
	if err != nil {
		t.Fatal(err)
	}
	if d.MaxDeletes != 7 || !d.Confirm || !d.InvalidateCDN || d.Matchers != 1 || d.BaseURL != "https://www.zzia.example/" || len(d.Targets) != 2 {
		t.Fatalf("got %+v", d)
	}
	if got := d.Targets[0].RefreshCommand; !reflect.DeepEqual(got, []string{"aliyun", "cdn", "RefreshObjectCaches", "--ObjectPath", "{urls}"}) {
		t.Errorf("refreshCommand %q", got)
	}
	if d.Targets[1].Keep != 3 || d.Targets[1].URL != "sftp://deploy@www.zzia.example/srv/www/zzia" {
		t.Errorf("server target %+v", d.Targets[1])
	}

	os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte(strings.Replace(cfg, `["aliyun", "cdn", "RefreshObjectCaches", "--ObjectPath", "{urls}"]`, `"aliyun cdn RefreshObjectCaches"`, 1)), 0o644)
	if _, err := LoadDeployment(dir, ""); err == nil || !strings.Contains(err.Error(), "list of words") {
		t.Errorf("a refreshCommand string: %v", err)
	}
}

// TestDeployHugoToDirectory runs Hugo's deploy to a file:// bucket: the
// plumbing (configuration, Hugo's report) without a server.
func TestDeployHugoToDirectory(t *testing.T) {
	if !DeploySupported {
		testenv.Missing(t, "Hugo's deploy is not built in: run the tests with -tags withdeploy (make test does)")
	}
	src, built, bucket := t.TempDir(), t.TempDir(), t.TempDir()
	os.WriteFile(filepath.Join(src, "hugo.toml"), []byte("[deployment]\n[[deployment.targets]]\nname = \"dir\"\nurl = \"file://"+filepath.ToSlash(bucket)+"\"\n"), 0o644)
	os.MkdirAll(filepath.Join(built, "news"), 0o755)
	os.WriteFile(filepath.Join(built, "index.html"), []byte("<p>首页</p>"), 0o644)
	os.WriteFile(filepath.Join(built, "news", "index.html"), []byte("<p>新闻</p>"), 0o644)
	opts := HugoDeployOptions{Source: src, Dir: built, DryRun: true, MaxDeletes: -1}
	res, err := DeployHugo(context.Background(), opts)
	if err != nil || res.NumUploads != 2 || len(res.Uploads) != 2 || res.Uploads[1].Path != "news/index.html" {
		t.Fatalf("dry run: %+v %v", res, err)
	}
	if entries, _ := os.ReadDir(bucket); len(entries) != 0 {
		t.Fatalf("a dry run wrote %d entries", len(entries))
	}
	opts.DryRun = false
	if res, err = DeployHugo(context.Background(), opts); err != nil || res.NumUploads != 2 {
		t.Fatalf("deploy: %+v %v", res, err)
	}
	if b, err := os.ReadFile(filepath.Join(bucket, "news", "index.html")); err != nil || string(b) != "<p>新闻</p>" {
		t.Errorf("bucket holds %q %v", b, err)
	}
	if res, err = DeployHugo(context.Background(), opts); err != nil || res.NumUploads != 0 {
		t.Errorf("again: %+v %v", res, err)
	}
}
