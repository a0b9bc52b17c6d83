package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/deploy/deploytest"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/site"
	"github.com/zzia/press/internal/testenv"
	"github.com/zzia/press/internal/testgit"
)

// bundledRepo copies the bundled site into a new git repository, with the
// deployment targets appended to its hugo.toml, and commits it.
func bundledRepo(t *testing.T, targets string) (string, *testgit.Repo) {
	t.Helper()
	dir := t.TempDir()
	cfg := deploytest.BundledSite(t, dir)
	write(t, filepath.Join(dir, "hugo.toml"), string(cfg)+"\n"+targets)
	write(t, filepath.Join(dir, ".gitignore"), "/public/\n")
	r := testgit.Init(t, dir)
	commit(t, r, "sources")
	return dir, r
}

func write(t *testing.T, p, s string) {
	t.Helper()
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

var commitClock = time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)

// commit commits every change in r, an hour after the previous commit.
func commit(t *testing.T, r *testgit.Repo, m string) {
	t.Helper()
	commitClock = commitClock.Add(time.Hour)
	r.Commit(t, m, "编辑甲", commitClock)
}

// deployed reads press deploy's summary line.
var deployed = regexp.MustCompile(`(?m)^(?:Deployed to \S+: (\d+) uploaded \(([^)]*)\), (\d+) deleted.*in (\S+)\.|Nothing to deploy to \S+: 0 uploaded, 0 deleted .* in (\S+)\.)$`)

type deployFigures struct {
	uploads, deletes int
	size             string
	elapsed          string
	out              string
}

// TestDeployBundledSite deploys the bundled site with press deploy to a
// real S3 server (SeaweedFS) and a real SSH server (OpenSSH): first
// deploy, again unchanged, one news article edited; a dirty tree and a
// failed build are refused without touching either target. The counts and
// times are logged (the figures; no timing is asserted).
func TestDeployBundledSite(t *testing.T) {
	if !site.DeploySupported {
		testenv.Missing(t, "Hugo's deploy is not built in: run the tests with -tags withdeploy (make test does)")
	}
	s3srv := deploytest.StartS3(t)
	s3srv.CreateBucket(t, "zzia-site")
	sshd := deploytest.StartSSH(t)
	remote := filepath.Join(t.TempDir(), "www")
	src, w := bundledRepo(t, fmt.Sprintf(`
[[deployment.targets]]
  name = "oss"
  url = %q

[[deployment.targets]]
  name = "server"
  url = "sftp://%s@%s%s"
`, s3srv.URL("zzia-site"), sshd.User, sshd.Addr, remote))

	none := filepath.Join(t.TempDir(), "none")
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": s3srv.AccessKey, "AWS_SECRET_ACCESS_KEY": s3srv.SecretKey,
		"AWS_CONFIG_FILE": none, "AWS_SHARED_CREDENTIALS_FILE": none, "AWS_EC2_METADATA_DISABLED": "true",
		"AWS_PROFILE": "", "AWS_SESSION_TOKEN": "", "AWS_REGION": "", "AWS_DEFAULT_REGION": "",
		"PRESS_SFTP_KEY": sshd.KeyFile, "PRESS_SFTP_KNOWN_HOSTS": sshd.KnownHosts,
		"PRESS_SFTP_PASSWORD": "", "SSH_AUTH_SOCK": "", "HOME": t.TempDir(),
	} {
		t.Setenv(k, v)
	}
	dest := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	deployTo := func(target string, extra ...string) (int, string, string) {
		args := append([]string{"deploy", target, "--source", src, "--dest", dest, "--cache-dir", cache, "--today", "2026-12-01"}, extra...)
		return run(msg.En, args...)
	}
	figures := func(what, target string, extra ...string) deployFigures {
		t.Helper()
		code, out, errs := deployTo(target, extra...)
		if code != ExitOK {
			t.Fatalf("%s to %s: exit %d\n%s\n%s", what, target, code, out, errs)
		}
		noSecret(t, out+errs, s3srv.SecretKey, s3srv.AccessKey)
		m := deployed.FindStringSubmatch(out)
		if m == nil {
			t.Fatalf("%s to %s: no summary in\n%s", what, target, out)
		}
		f := deployFigures{out: out}
		if m[5] != "" {
			f.elapsed = m[5]
			return f
		}
		fmt.Sscan(m[1], &f.uploads)
		fmt.Sscan(m[3], &f.deletes)
		f.size, f.elapsed = m[2], m[4]
		return f
	}
	state := func() (map[string]deploytest.Object, string) {
		link, _ := os.Readlink(filepath.Join(remote, "current"))
		return s3srv.Objects(t, "zzia-site"), link
	}

	var report []string
	for _, target := range []string{"oss", "server"} {
		first := figures("first deploy", target)
		files := deploytest.CountFiles(dest)
		if first.uploads != files || first.deletes != 0 {
			t.Errorf("first deploy to %s: %d uploaded, %d deleted; the site has %d files", target, first.uploads, first.deletes, files)
		}
		again := figures("unchanged deploy", target)
		if again.uploads != 0 || again.deletes != 0 {
			t.Errorf("unchanged deploy to %s: %d uploaded, %d deleted", target, again.uploads, again.deletes)
		}
		report = append(report, fmt.Sprintf("%s: first deploy %d files (%s) in %s; unchanged 0 in %s", target, first.uploads, first.size, first.elapsed, again.elapsed))
	}

	// One news article's text edited and committed: its page is uploaded
	// with what lists or indexes it (sitemap, search index, the feeds that
	// carry its full text), nothing else.
	article := filepath.Join(src, "content", "news", "2026-10-23-data-security-training.md")
	b, err := os.ReadFile(article)
	if err != nil {
		t.Fatal(err)
	}
	write(t, article, string(b)+"\n培训资料已发至各会员单位联系人邮箱。\n")
	commit(t, w, "news: one sentence more")
	changed := regexp.MustCompile(`(?m)^  (upload|delete)  (\S+)`)

	// A dry run lists the changes and makes none; a deploy that would
	// delete more than --max-deletes files is refused and makes none.
	objs, link := state()
	code, out, errs := deployTo("oss", "--dry-run")
	if code != ExitOK || !strings.Contains(out, "upload  news/2026-10-23-data-security-training/index.html") || !regexp.MustCompile(`(?m)^Dry run: \d+ to upload \(.+\), \d+ to delete; nothing was changed\.$`).MatchString(out) {
		t.Errorf("dry run: exit %d\n%s\n%s", code, out, errs)
	}
	for _, target := range []string{"oss", "server"} {
		code, out, errs = deployTo(target, "--max-deletes", "5")
		if code != ExitBuild || !regexp.MustCompile(`would delete \d+ files, more than maxDeletes \(5\): refused, nothing was changed`).MatchString(errs) {
			t.Errorf("--max-deletes 5 to %s: exit %d\n%s\n%s", target, code, out, errs)
		}
	}
	if o, l := state(); !reflect.DeepEqual(o, objs) || l != link {
		t.Error("a dry run or a refused deploy changed a target")
	}
	for _, target := range []string{"oss", "server"} {
		one := figures("one page changed", target, "--verbose")
		if !strings.Contains(one.out, "upload  news/2026-10-23-data-security-training/index.html") {
			t.Errorf("one page changed, deploy to %s did not upload its page:\n%s", target, one.out)
		}
		for _, m := range changed.FindAllStringSubmatch(one.out, -1) {
			switch p := m[2]; {
			case p == "news/2026-10-23-data-security-training/index.html", p == "sitemap.xml", strings.HasPrefix(p, "search/"),
				p == "index.xml", p == "news/index.xml":
			default:
				t.Errorf("one page changed, deploy to %s also changed %s %s", target, m[1], p)
			}
		}
		report = append(report, fmt.Sprintf("%s: one article changed: %d uploaded (%s), %d deleted (search index shards) in %s", target, one.uploads, one.size, one.deletes, one.elapsed))
	}

	// Uncommitted changes: refused, both targets untouched.
	objs, link = state()
	write(t, article, string(b)+"\n未提交的修改。\n")
	for _, target := range []string{"oss", "server"} {
		code, out, errs := deployTo(target)
		if code != ExitBuild || !strings.Contains(errs, "uncommitted changes") || !strings.Contains(errs, "--force") {
			t.Errorf("deploy to %s of a dirty tree: exit %d\n%s\n%s", target, code, out, errs)
		}
	}
	// A failed build: refused, both targets untouched.
	commit(t, w, "news: not yet")
	base := filepath.Join(src, "layouts", "baseof.html")
	tpl, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	write(t, base, string(tpl)+"{{ end }}")
	commit(t, w, "layouts: broken")
	for _, target := range []string{"oss", "server"} {
		code, out, errs := deployTo(target)
		if code != ExitBuild || !strings.Contains(errs, "unexpected {{end}}") || !strings.Contains(errs, "Build failed") {
			t.Errorf("deploy to %s of a failed build: exit %d\n%s\n%s", target, code, out, errs)
		}
	}
	if o, l := state(); !reflect.DeepEqual(o, objs) || l != link {
		t.Error("a refused deploy changed a target")
	}
	for _, r := range report {
		t.Log(r)
	}
}

// TestDeployMessages checks the errors press deploy gives before any
// transfer, in both languages.
func TestDeployMessages(t *testing.T) {
	src, _ := bundledRepo(t, "")
	dest := filepath.Join(t.TempDir(), "public")
	code, _, errs := run(msg.En, "deploy", "--source", src, "--dest", dest, "--cache-dir", t.TempDir(), "--today", "2026-12-01")
	if code != ExitBuild || !strings.Contains(errs, "no deployment targets") || !strings.Contains(errs, "docs/deploy.md") {
		t.Errorf("no targets: exit %d\n%s", code, errs)
	}
	code, _, errs = run(msg.Zh, "deploy", "nope", "--source", src, "--dest", dest, "--cache-dir", t.TempDir(), "--today", "2026-12-01")
	if code != ExitBuild || !strings.Contains(errs, "没有部署目标") {
		t.Errorf("no targets (zh): exit %d\n%s", code, errs)
	}
}

func noSecret(t *testing.T, text string, secrets ...string) {
	t.Helper()
	for _, s := range secrets {
		if strings.Contains(text, s) {
			t.Errorf("a credential appears in the output:\n%s", text)
		}
	}
}
