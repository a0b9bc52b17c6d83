package deploy

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/deploy/deploytest"
	"github.com/zzia/press/internal/testsite"
)

// remoteTree is what the server's directory holds: the live release's
// files with their contents, and the releases present.
type remoteTree struct {
	live     string
	files    map[string]string
	releases []string
}

func readRemote(t *testing.T, dir string) remoteTree {
	t.Helper()
	rt := remoteTree{files: map[string]string{}}
	link, err := os.Readlink(filepath.Join(dir, "current"))
	if err != nil {
		if os.IsNotExist(err) {
			return rt
		}
		t.Fatal(err)
	}
	rt.live = filepath.Base(link)
	root := filepath.Join(dir, "current") + "/"
	filepath.WalkDir(root, func(p string, e os.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			b, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(root, p)
			rt.files[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	entries, _ := os.ReadDir(filepath.Join(dir, "releases"))
	for _, e := range entries {
		rt.releases = append(rt.releases, e.Name())
	}
	sort.Strings(rt.releases)
	return rt
}

// TestSFTP deploys to a real OpenSSH server: first deploy, again unchanged,
// one page changed, one deleted, a dry run, too many deletes refused, wrong
// credentials refused; each deploy is a release switched in atomically.
func TestSFTP(t *testing.T) {
	srv := deploytest.StartSSH(t)
	remote := filepath.Join(t.TempDir(), "www")
	s := newTestSite(t, fmt.Sprintf(`[deployment]
maxDeletes = 2

[[deployment.targets]]
name = "server"
url = "sftp://%s@%s%s"
keep = 3
`, srv.User, srv.Addr, remote))
	env := map[string]string{KeyVar: srv.KeyFile, KnownHostsVar: srv.KnownHosts, "HOME": t.TempDir()}
	clock := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	tick := func(o *Options) {
		now := clock
		o.Now = func() time.Time { return now }
		clock = clock.Add(time.Minute)
	}

	// First deploy: every file, in the first release.
	res := s.ok(t, "first deploy", env, tick)
	wantCounts(t, "first deploy", res, len(s.files(t)), 0)
	if res.Kind != SFTP || res.Release != "20261201T090000Z" || res.Unchanged != 0 {
		t.Errorf("kind %q release %q unchanged %d", res.Kind, res.Release, res.Unchanged)
	}
	rt := readRemote(t, remote)
	if rt.live != res.Release || len(rt.files) != len(s.files(t)) || rt.files["news/nianhui/index.html"] == "" {
		t.Fatalf("server holds release %q with %d files", rt.live, len(rt.files))
	}
	if fi, err := os.Stat(filepath.Join(remote, "current", "news/nianhui/index.html")); err != nil || fi.Mode().Perm() != 0o644 {
		t.Errorf("uploaded file mode: %v %v", fi.Mode(), err)
	}

	// Again, unchanged: nothing uploaded, no new release.
	res = s.ok(t, "unchanged deploy", env, tick)
	wantCounts(t, "unchanged deploy", res, 0, 0)
	if res.Release != "" || res.Unchanged != len(s.files(t)) {
		t.Errorf("unchanged deploy made release %q, unchanged %d", res.Release, res.Unchanged)
	}
	if again := readRemote(t, remote); !reflect.DeepEqual(again, rt) {
		t.Errorf("an unchanged deploy changed the server: %v, was %v", again.releases, rt.releases)
	}

	// One page changed: one upload into a new release; the other files
	// are hard links to the previous release's, which stays as it was.
	first := rt.live
	s.write(t, "news/nianhui/index.html", "<!doctype html><title>年会</title><p>年会改期至十二月。</p>")
	res = s.ok(t, "one page changed", env, tick)
	wantCounts(t, "one page changed", res, 1, 0)
	if res.Uploads[0].Path != "news/nianhui/index.html" || res.Unchanged != len(s.files(t))-1 {
		t.Errorf("uploaded %v, unchanged %d", paths(res.Uploads), res.Unchanged)
	}
	rt = readRemote(t, remote)
	if rt.live != res.Release || !strings.Contains(rt.files["news/nianhui/index.html"], "年会改期") {
		t.Errorf("live release %s has %q", rt.live, rt.files["news/nianhui/index.html"])
	}
	old, _ := os.ReadFile(filepath.Join(remote, "releases", first, "news/nianhui/index.html"))
	if strings.Contains(string(old), "年会改期") {
		t.Error("the previous release was changed in place")
	}
	if testsite.Inode(t, filepath.Join(remote, "releases", first, "css/site.css")) != testsite.Inode(t, filepath.Join(remote, "current", "css/site.css")) {
		t.Error("an unchanged file was copied, not linked")
	}

	// A dry run lists the change and changes nothing.
	s.write(t, "about/index.html", "<!doctype html><title>关于我们</title>")
	before := readRemote(t, remote)
	res = s.ok(t, "dry run", env, func(o *Options) { tick(o); o.DryRun = true })
	if !res.DryRun || len(res.Uploads) != 1 || res.Uploads[0].Path != "about/index.html" {
		t.Errorf("dry run plan: %+v", res)
	}
	if after := readRemote(t, remote); !reflect.DeepEqual(after, before) {
		t.Error("a dry run changed the server")
	}
	s.ok(t, "deploy after dry run", env, tick)

	// A page deleted: one delete.
	s.remove(t, "news/peixun/index.html")
	res = s.ok(t, "one page deleted", env, tick)
	wantCounts(t, "one page deleted", res, 0, 1)
	rt = readRemote(t, remote)
	if _, ok := rt.files["news/peixun/index.html"]; ok {
		t.Error("the deleted page is still live")
	}
	// keep = 3: older releases were removed, with their manifests.
	if want := []string{"20261201T090200Z", "20261201T090200Z.json", "20261201T090400Z", "20261201T090400Z.json", "20261201T090500Z", "20261201T090500Z.json"}; !reflect.DeepEqual(rt.releases, want) {
		t.Errorf("releases on the server: %v, want %v", rt.releases, want)
	}

	// More deletes than maxDeletes: refused, nothing changed.
	s.remove(t, "notices/2026-01/index.html")
	s.remove(t, "notices/2026-02/index.html")
	s.remove(t, "notices/index.html")
	before = readRemote(t, remote)
	_, err := s.run(t, env, tick)
	var tm *TooManyDeletesError
	if !errors.As(err, &tm) || tm.Deletes != 3 || tm.Max != 2 {
		t.Fatalf("too many deletes: got %v", err)
	}
	if after := readRemote(t, remote); !reflect.DeepEqual(after, before) {
		t.Error("a refused deploy changed the server")
	}

	// Wrong credentials: a key the server does not know, and a password
	// (refused too); a clear error, nothing changed, no secret shown.
	wrongKey := filepath.Join(t.TempDir(), "id_ed25519")
	deploytest.NewKey(t, wrongKey)
	password := "wrong-password-Zq8xW2"
	bad := map[string]string{KeyVar: wrongKey, KnownHostsVar: srv.KnownHosts, PasswordVar: password, "HOME": t.TempDir()}
	max := -1
	res, err = s.run(t, bad, func(o *Options) { tick(o); o.MaxDeletes = &max })
	var ae *AuthError
	if !errors.As(err, &ae) {
		t.Fatalf("wrong credentials: got %v, want an AuthError", err)
	}
	if !strings.Contains(err.Error(), "refused the credentials") || !strings.Contains(err.Error(), srv.User) {
		t.Errorf("unclear error: %v", err)
	}
	noSecret(t, []string{password}, errText(err), fmt.Sprintf("%+v", res), fmt.Sprintf("%+v", ae))
	if after := readRemote(t, remote); !reflect.DeepEqual(after, before) {
		t.Error("a deploy with wrong credentials changed the server")
	}
	t.Logf("wrong credentials: %v", err)

	// An unknown host key is refused before any credential is offered.
	other := deploytest.StartSSH(t)
	_, err = s.run(t, map[string]string{KeyVar: srv.KeyFile, KnownHostsVar: other.KnownHosts, "HOME": t.TempDir()}, tick)
	if err == nil || !strings.Contains(err.Error(), "host key") {
		t.Errorf("a server whose key is not in known_hosts: got %v", err)
	}
}

// TestSFTPURL checks the target URLs press accepts and refuses.
func TestSFTPURL(t *testing.T) {
	getenv := func(k string) string {
		if k == "USER" {
			return "deploy"
		}
		return ""
	}
	for _, c := range []struct{ url, want, err string }{
		{url: "sftp://www@example.org/srv/zzia", want: "sftp://www@example.org:22/srv/zzia"},
		{url: "sftp://www@example.org:2222/srv/zzia/", want: "sftp://www@example.org:2222/srv/zzia"},
		{url: "sftp://example.org/~/site", want: "sftp://deploy@example.org:22/~/site"},
		{url: "sftp://www:hunter22@example.org/srv", err: "password in its URL"},
		{url: "sftp://www@example.org/", err: "names no directory"},
		{url: "sftp:///srv", err: "no host"},
	} {
		u, err := url.Parse(c.url)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseSFTP(u, getenv)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.url, err, c.err)
			}
			if err != nil && strings.Contains(err.Error(), "hunter22") {
				t.Errorf("%s: the error shows the password: %v", c.url, err)
			}
			continue
		}
		if err != nil || got.String() != c.want {
			t.Errorf("%s: %v %v, want %s", c.url, got, err, c.want)
		}
	}
}
