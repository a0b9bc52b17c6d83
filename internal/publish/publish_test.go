package publish

import (
	"bytes"
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
	"github.com/go-git/go-git/v5/plumbing/transport/http"

	"github.com/zzia/press/internal/testgit"
	"github.com/zzia/press/internal/testsite"
)

var when = time.Date(2026, 11, 27, 9, 30, 0, 0, time.FixedZone("CST", 8*3600))

// newSource makes a repository with one commit of site sources, as CI's
// checkout of main, and returns its directory and HEAD.
func newSource(t *testing.T) (string, string) {
	t.Helper()
	dir := t.TempDir()
	repo := testgit.Init(t, dir)
	writeFiles(t, dir, map[string]string{"content/_index.md": "---\ntitle: 首页\n---\n", ".gitignore": "public/\n"})
	return dir, repo.Commit(t, "首页", "王芳", when).String()
}

func newBare(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site.git")
	testgit.Bare(t, dir)
	return dir
}

func builtSite(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	writeFiles(t, dir, files)
	return dir
}

// branchTip returns the tip of branch in the repository at dir, "" when the
// branch does not exist.
func branchTip(t *testing.T, dir, branch string) string {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := repo.Reference(plumbing.NewBranchReferenceName(branch), true)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return ref.Hash().String()
}

// commitFiles returns the commit and the files of its tree.
func commitFiles(t *testing.T, dir, hash string) (*object.Commit, map[string]string) {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	c, err := repo.CommitObject(plumbing.NewHash(hash))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	iter, err := c.Files()
	if err != nil {
		t.Fatal(err)
	}
	err = iter.ForEach(func(f *object.File) error {
		s, err := f.Contents()
		files[f.Name] = s
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return c, files
}

func historyLength(t *testing.T, dir, hash string) int {
	t.Helper()
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	iter, err := repo.Log(&git.LogOptions{From: plumbing.NewHash(hash)})
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	iter.ForEach(func(*object.Commit) error { n++; return nil })
	return n
}

var site1 = map[string]string{
	"index.html":                 "<h1>郑州市信息化促进会</h1>",
	"css/site.css":               "body{}",
	"news/2026/kaimu/index.html": "<p>开幕</p>",
	".nojekyll":                  "",
}

func TestPublishToBareRemote(t *testing.T) {
	ctx := context.Background()
	src, source := newSource(t)
	remote := newBare(t)
	built := builtSite(t, site1)
	opts := Options{Dir: built, Repo: src, Source: source, When: when, Remote: remote,
		AuthorName: "press CI", AuthorEmail: "ci@zzia.org.cn", Getenv: func(string) string { return "" }}

	res, err := ToBranch(ctx, opts)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Created || !res.Pushed || res.Files != len(site1) || res.Parent != "" {
		t.Errorf("first publish: %+v, want a new pushed root commit of %d files", res, len(site1))
	}
	if tip := branchTip(t, remote, "gh-pages"); tip != res.Commit {
		t.Fatalf("remote gh-pages = %q, want %s", tip, res.Commit)
	}
	if tip := branchTip(t, src, "gh-pages"); tip != res.Commit {
		t.Errorf("local gh-pages = %q, want %s", tip, res.Commit)
	}
	c, files := commitFiles(t, remote, res.Commit)
	if !reflect.DeepEqual(files, site1) {
		t.Errorf("published tree = %v, want %v", files, site1)
	}
	if !strings.Contains(c.Message, source) {
		t.Errorf("message %q does not name the source commit %s", c.Message, source)
	}
	if !c.Author.When.Equal(when) || !c.Committer.When.Equal(when) || c.Author.Name != "press CI" {
		t.Errorf("signature = %+v / %+v, want press CI at %v", c.Author, c.Committer, when)
	}
	first := res.Commit

	t.Run("unchanged site makes no commit", func(t *testing.T) {
		res, err := ToBranch(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		if res.Created || res.Pushed || res.Commit != first {
			t.Errorf("second publish: %+v, want no commit, tip %s", res, first)
		}
		if tip := branchTip(t, remote, "gh-pages"); tip != first {
			t.Errorf("remote gh-pages moved to %s", tip)
		}
		if n := historyLength(t, remote, first); n != 1 {
			t.Errorf("remote history has %d commits, want 1", n)
		}
	})

	var second string
	t.Run("changed site makes one commit on top", func(t *testing.T) {
		changed := builtSite(t, map[string]string{
			"index.html": "<h1>郑州市信息化促进会</h1><p>新</p>", "css/site.css": "body{}", ".nojekyll": "",
		})
		o := opts
		o.Dir, o.Source = changed, strings.Repeat("ab", 20)
		res, err := ToBranch(ctx, o)
		if err != nil {
			t.Fatal(err)
		}
		if !res.Created || !res.Pushed || res.Parent != first {
			t.Fatalf("third publish: %+v, want a pushed commit on %s", res, first)
		}
		c, files := commitFiles(t, remote, res.Commit)
		if _, ok := files["news/2026/kaimu/index.html"]; ok || len(files) != 3 {
			t.Errorf("removed page still published: %v", files)
		}
		if len(c.ParentHashes) != 1 || c.ParentHashes[0].String() != first {
			t.Errorf("parents = %v, want [%s]", c.ParentHashes, first)
		}
		second = res.Commit
	})

	t.Run("a fresh clone publishes on top of the remote branch", func(t *testing.T) {
		// CI checks out main only: no local gh-pages. The remote's branch
		// must be fetched and used as the parent.
		fresh, freshSource := newSource(t)
		changed := builtSite(t, map[string]string{"index.html": "v3"})
		res, err := ToBranch(ctx, Options{Dir: changed, Repo: fresh, Source: freshSource, When: when, Remote: remote,
			Getenv: func(string) string { return "" }})
		if err != nil {
			t.Fatal(err)
		}
		if res.Parent != second || !res.Pushed {
			t.Errorf("fresh publish: %+v, want parent %s, pushed", res, second)
		}
		if n := historyLength(t, remote, branchTip(t, remote, "gh-pages")); n != 3 {
			t.Errorf("remote history has %d commits, want 3", n)
		}
	})
}

func TestPublishNamedRemote(t *testing.T) {
	src, source := newSource(t)
	remote := newBare(t)
	repo, err := git.PlainOpen(src)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := repo.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{remote}}); err != nil {
		t.Fatal(err)
	}
	res, err := ToBranch(context.Background(), Options{Dir: builtSite(t, site1), Repo: filepath.Join(src, "content"),
		Branch: "pages", Source: source, When: when, Remote: "origin", Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	if tip := branchTip(t, remote, "pages"); tip != res.Commit {
		t.Errorf("remote pages = %q, want %s", tip, res.Commit)
	}
	ref, err := repo.Reference(plumbing.NewRemoteReferenceName("origin", "pages"), true)
	if err != nil || ref.Hash().String() != res.Commit {
		t.Errorf("origin/pages = %v (%v), want %s", ref, err, res.Commit)
	}
}

func TestPublishIsReproducible(t *testing.T) {
	var commits []string
	for range 2 {
		src, _ := newSource(t)
		res, err := ToBranch(context.Background(), Options{Dir: builtSite(t, site1), Repo: src,
			Source: strings.Repeat("1", 40), When: when, Remote: newBare(t), Getenv: func(string) string { return "" }})
		if err != nil {
			t.Fatal(err)
		}
		commits = append(commits, res.Commit)
	}
	if commits[0] != commits[1] {
		t.Errorf("same site, source and time gave commits %s and %s", commits[0], commits[1])
	}
}

func TestPublishWithoutRemote(t *testing.T) {
	src, source := newSource(t)
	res, err := ToBranch(context.Background(), Options{Dir: builtSite(t, site1), Repo: src, Source: source, When: when})
	if err != nil {
		t.Fatal(err)
	}
	if !res.Created || res.Pushed || res.Remote != "" {
		t.Errorf("%+v, want a local commit only", res)
	}
	if tip := branchTip(t, src, "gh-pages"); tip != res.Commit {
		t.Errorf("local gh-pages = %q, want %s", tip, res.Commit)
	}
}

// rejectPush serves fetches from local repositories but refuses every push,
// like a server with a protected branch. Its error repeats the password, as
// careless servers do, to check that it is redacted.
type rejectPush struct{ inner transport.Transport }

func (r rejectPush) NewUploadPackSession(ep *transport.Endpoint, auth transport.AuthMethod) (transport.UploadPackSession, error) {
	return r.inner.NewUploadPackSession(ep, auth)
}

func (r rejectPush) NewReceivePackSession(ep *transport.Endpoint, _ transport.AuthMethod) (transport.ReceivePackSession, error) {
	return nil, fmt.Errorf("pre-receive hook declined for %s:%s", ep.User, ep.Password)
}

func init() {
	client.InstallProtocol("rejectpush", rejectPush{newLocalTransport()})
}

func TestFailingPushKeepsLocalBranch(t *testing.T) {
	ctx := context.Background()
	src, source := newSource(t)
	remote := newBare(t)
	first, err := ToBranch(ctx, Options{Dir: builtSite(t, site1), Repo: src, Source: source, When: when, Remote: remote})
	if err != nil {
		t.Fatal(err)
	}
	rejecting := "rejectpush://editor:s3cret-token@localhost" + filepath.ToSlash(remote)

	t.Run("existing branch", func(t *testing.T) {
		_, err := ToBranch(ctx, Options{Dir: builtSite(t, map[string]string{"index.html": "new"}), Repo: src,
			Source: source, When: when, Remote: rejecting})
		if err == nil {
			t.Fatal("push to a rejecting remote succeeded")
		}
		if !strings.Contains(err.Error(), "pre-receive hook declined") || strings.Contains(err.Error(), "s3cret-token") {
			t.Errorf("error %q: want the remote's refusal without the password", err)
		}
		if tip := branchTip(t, src, "gh-pages"); tip != first.Commit {
			t.Errorf("local gh-pages = %s after a failed push, want %s", tip, first.Commit)
		}
		if tip := branchTip(t, remote, "gh-pages"); tip != first.Commit {
			t.Errorf("remote gh-pages = %s, want %s", tip, first.Commit)
		}
	})

	t.Run("new branch", func(t *testing.T) {
		fresh, freshSource := newSource(t)
		empty := newBare(t)
		_, err := ToBranch(ctx, Options{Dir: builtSite(t, site1), Repo: fresh, Source: freshSource, When: when,
			Remote: "rejectpush://localhost" + filepath.ToSlash(empty)})
		if err == nil {
			t.Fatal("push to a rejecting remote succeeded")
		}
		if tip := branchTip(t, fresh, "gh-pages"); tip != "" {
			t.Errorf("local gh-pages = %s after a failed first push, want no branch", tip)
		}
	})

	t.Run("missing remote", func(t *testing.T) {
		_, err := ToBranch(ctx, Options{Dir: builtSite(t, map[string]string{"index.html": "other"}), Repo: src,
			Source: source, When: when, Remote: filepath.Join(t.TempDir(), "missing.git")})
		if err == nil {
			t.Fatal("publish to a missing remote succeeded")
		}
		if tip := branchTip(t, src, "gh-pages"); tip != first.Commit {
			t.Errorf("local gh-pages = %s, want %s", tip, first.Commit)
		}
	})
}

func TestCredentials(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	tests := []struct {
		name    string
		url     string
		getenv  func(string) string
		want    transport.AuthMethod
		wantErr string
	}{
		{"press token", "https://github.com/zzia/site.git", env("PRESS_GIT_TOKEN", "tok1", "GITHUB_TOKEN", "tok2"),
			&http.BasicAuth{Username: "x-access-token", Password: "tok1"}, ""},
		{"github token", "https://github.com/zzia/site.git", env("GITHUB_TOKEN", "tok2"),
			&http.BasicAuth{Username: "x-access-token", Password: "tok2"}, ""},
		{"no token", "https://gitea.example.org/zzia/site.git", env(), nil, ""},
		{"ssh without agent", "git@github.com:zzia/site.git", env("GITHUB_TOKEN", "tok2"), nil, "SSH_AUTH_SOCK"},
		{"local path", "/srv/git/site.git", env("GITHUB_TOKEN", "tok2"), nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ep, err := transport.NewEndpoint(tt.url)
			if err != nil {
				t.Fatal(err)
			}
			c, err := credentialsFor(ep, tt.getenv)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Errorf("err = %v, want one mentioning %s", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(c.auth, tt.want) {
				t.Errorf("auth = %#v, want %#v", c.auth, tt.want)
			}
		})
	}
}

func TestRedact(t *testing.T) {
	c := credentials{secrets: []string{"ghp_secret"}}
	inner := fmt.Errorf("push to https://x-access-token:ghp_secret@github.com/zzia/site.git: %w", io.ErrUnexpectedEOF)
	err := c.redact(inner)
	if strings.Contains(err.Error(), "ghp_secret") || strings.Contains(err.Error(), "x-access-token:") {
		t.Errorf("redacted error still has the secret: %q", err)
	}
	if !strings.Contains(err.Error(), "https://***@github.com/zzia/site.git") {
		t.Errorf("redacted error lost the URL: %q", err)
	}
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Error("redaction hid the wrapped error from errors.Is")
	}
	if errors.Unwrap(err) != nil {
		t.Error("redacted error unwraps to the unredacted one")
	}
}

// TestRedactEveryEncoding: the token is redacted wherever a message could
// carry it: as is, URL-encoded, in a Basic authorization header, and in any
// base64 text that contains it.
func TestRedactEveryEncoding(t *testing.T) {
	for _, tok := range []string{"ghp_16C7e42F292c6912E7710c838347Ae178B4a", "glpat-a+b/c=d&e é%"} {
		ep, err := transport.NewEndpoint("https://git.example.org/zzia/site.git")
		if err != nil {
			t.Fatal(err)
		}
		c, err := credentialsFor(ep, func(k string) string {
			if k == "PRESS_GIT_TOKEN" {
				return tok
			}
			return ""
		})
		if err != nil {
			t.Fatal(err)
		}
		b64 := base64.StdEncoding.EncodeToString
		u64 := base64.URLEncoding.EncodeToString
		leaks := map[string]string{
			"raw":              tok,
			"query-escaped":    url.QueryEscape(tok),
			"path-escaped":     url.PathEscape(tok),
			"basic header":     "Basic " + b64([]byte("x-access-token:"+tok)),
			"basic url-safe":   u64([]byte("x-access-token:" + tok)),
			"token alone":      b64([]byte(tok)),
			"inside, offset 1": b64([]byte("a" + tok + "\n")),
			"inside, offset 2": b64([]byte("ab" + tok + "xyz")),
			"inside, offset 3": b64([]byte("abc" + tok + "q")),
			"userinfo":         "https://x-access-token:" + url.QueryEscape(tok) + "@git.example.org/",
		}
		for name, leak := range leaks {
			msg := c.redact(fmt.Errorf("push failed: request header Authorization: %s", leak)).Error()
			if recoverable(msg, tok) {
				t.Errorf("%q, %s: the token can be read from %q", tok, name, msg)
			}
			if !strings.Contains(msg, "***") {
				t.Errorf("%q, %s: nothing redacted in %q", tok, name, msg)
			}
		}
	}
}

// recoverable reports whether tok (or 8 bytes of it) can be read from msg:
// as is, URL-decoded, or by decoding any base64 run in it at any offset.
func recoverable(msg, tok string) bool {
	for _, f := range []string{tok, url.QueryEscape(tok), url.PathEscape(tok)} {
		if strings.Contains(msg, f) {
			return true
		}
	}
	windows := func(b []byte) bool {
		for i := 0; i+8 <= len(tok); i++ {
			if bytes.Contains(b, []byte(tok[i:i+8])) {
				return true
			}
		}
		return false
	}
	for _, run := range regexp.MustCompile(`[A-Za-z0-9+/_-]{8,}`).FindAllString(msg, -1) {
		run = strings.NewReplacer("-", "+", "_", "/").Replace(run)
		for off := range 4 {
			seg := run[off:]
			seg = seg[:len(seg)/4*4]
			if b, err := base64.StdEncoding.DecodeString(seg); err == nil && windows(b) {
				return true
			}
		}
	}
	return false
}

// TestPlainHTTPRefused: a token or a password is never sent to an http://
// remote; publishing fails before connecting, and the error has no secret.
func TestPlainHTTPRefused(t *testing.T) {
	src, _ := newSource(t)
	dir := builtSite(t, map[string]string{"index.html": "x"})
	for _, tc := range []struct {
		name, remote string
		env          map[string]string
	}{
		{"token", "http://127.0.0.1:9/zzia/site.git", map[string]string{"GITHUB_TOKEN": "ghp_plainsecret"}},
		{"password in the URL", "http://deploy:pw_plainsecret@127.0.0.1:9/zzia/site.git", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ToBranch(context.Background(), Options{Dir: dir, Repo: src, Remote: tc.remote,
				Getenv: func(k string) string { return tc.env[k] }})
			if !errors.Is(err, ErrPlainHTTP) {
				t.Fatalf("want ErrPlainHTTP, got %v", err)
			}
			if strings.Contains(err.Error(), "plainsecret") {
				t.Errorf("the error shows the secret: %v", err)
			}
		})
	}
	// Without credentials, plain http is a matter for the remote.
	ep, _ := transport.NewEndpoint("http://127.0.0.1:9/zzia/site.git")
	if _, err := credentialsFor(ep, func(string) string { return "" }); err != nil {
		t.Errorf("http without credentials: %v", err)
	}
}

// writeFiles writes files into dir.
var writeFiles = testsite.WriteFiles
