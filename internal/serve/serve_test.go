package serve_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zzia/press/internal/serve"

	"github.com/zzia/press/internal/testsite"
)

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	req.Header.Set("Accept", "text/html")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls url until cond holds on its response; the deadline only
// bounds a hung test, it is not a timing requirement.
func waitFor(t *testing.T, url string, what string, cond func(int, string) bool) string {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		code, body := get(t, url)
		if cond(code, body) {
			return body
		}
		if time.Now().After(deadline) {
			t.Fatalf("waiting for %s: last response %d:\n%s", what, code, body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// start runs press serve with opts (on a free port, its own cache folder,
// a short debounce) until stop, and returns its address once it serves.
func start(t *testing.T, opts serve.Options) (base string, stop func()) {
	t.Helper()
	opts.Addr, opts.CacheDir, opts.Debounce = "127.0.0.1:0", t.TempDir(), 20*time.Millisecond
	ready := make(chan string, 1)
	opts.Ready = func(u string) { ready <- u }
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve.Run(ctx, opts) }()
	select {
	case base = <-ready:
	case err := <-done:
		cancel()
		t.Fatalf("serve stopped: %v", err)
	case <-time.After(120 * time.Second):
		cancel()
		t.Fatal("serve did not start")
	}
	var once sync.Once
	stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("serve returned %v on shutdown", err)
				}
			case <-time.After(30 * time.Second):
				t.Error("serve did not stop")
			}
		})
	}
	t.Cleanup(stop)
	return base, stop
}

func TestServeRebuildsAndRecovers(t *testing.T) {
	src := testsite.Copy(t, testsite.Fixture("minimal"))
	// With a sitemap, which a rebuild leaves to be made when it is asked for.
	config := filepath.Join(src, "hugo.toml")
	if b, err := os.ReadFile(config); err != nil || !bytes.Contains(b, []byte(`"sitemap", `)) {
		t.Fatalf("%s does not disable the sitemap (%v)", config, err)
	} else {
		os.WriteFile(config, bytes.Replace(b, []byte(`"sitemap", `), nil, 1), 0o644)
	}
	// A section page that lists its pages, to see lists follow edits.
	os.WriteFile(filepath.Join(src, "layouts", "section.html"),
		[]byte(`{{ define "main" }}<article><h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></article>{{ end }}`), 0o644)

	base, stop := start(t, serve.Options{Source: src})
	page := base + "posts/second/"

	code, body := get(t, page)
	if code != 200 || !strings.Contains(body, "中文内容") {
		t.Fatalf("first page: %d %s", code, body)
	}
	if !strings.Contains(body, `<script src="/__press/reload.js"></script></body>`) {
		t.Error("reload script not injected")
	}
	if code, _ := get(t, base+"no/such/page/"); code != 404 {
		t.Errorf("missing page gave %d, want 404", code)
	}

	post := filepath.Join(src, "content", "posts", "second.md")
	if _, list := get(t, base+"posts/"); !strings.Contains(list, "第二篇") {
		t.Fatalf("the section list lacks the article:\n%s", list)
	}
	// The title and the body of an article: the page and its section's
	// list show them (the site is rebuilt incrementally).
	os.WriteFile(post, []byte("---\ntitle: 改过的标题\ndate: 2026-01-03\n---\n修改后的内容。\n"), 0o644)
	waitFor(t, page, "the edit", func(c int, b string) bool {
		return c == 200 && strings.Contains(b, "修改后的内容") && strings.Contains(b, "改过的标题")
	})
	waitFor(t, base+"posts/", "the new title in the list", func(c int, b string) bool {
		return c == 200 && strings.Contains(b, "改过的标题") && !strings.Contains(b, "第二篇")
	})

	// A page added to the section, then deleted: its page and its entry in
	// the list come and go.
	added := filepath.Join(src, "content", "posts", "added.md")
	os.WriteFile(added, []byte("---\ntitle: 新加的一篇\ndate: 2026-01-04\n---\n新加的正文。\n"), 0o644)
	waitFor(t, base+"posts/added/", "the added page", func(c int, b string) bool { return c == 200 && strings.Contains(b, "新加的正文") })
	waitFor(t, base+"posts/", "the added page in the list", func(c int, b string) bool { return strings.Contains(b, "新加的一篇") })
	// The sitemap, which a rebuild leaves stale, is brought up to date
	// when it is asked for.
	if code, sitemap := get(t, base+"sitemap.xml"); code != 200 || !strings.Contains(sitemap, "/posts/added/</loc>") {
		t.Errorf("the sitemap does not list the added page (%d):\n%s", code, sitemap)
	}
	os.Remove(added)
	waitFor(t, base+"posts/added/", "the deleted page gone", func(c int, b string) bool { return c == 404 })
	waitFor(t, base+"posts/", "the deleted page out of the list", func(c int, b string) bool { return c == 200 && !strings.Contains(b, "新加的一篇") })
	if code, sitemap := get(t, base+"sitemap.xml"); code != 200 || strings.Contains(sitemap, "/posts/added/") {
		t.Errorf("the sitemap still lists the deleted page (%d):\n%s", code, sitemap)
	}

	os.WriteFile(post, []byte("---\ntitle: [broken\n---\n"), 0o644)
	body = waitFor(t, page, "the error page", func(c int, b string) bool { return c == 500 })
	if !strings.Contains(body, "content/posts/second.md:2") {
		t.Errorf("error page does not name the file and line:\n%s", body)
	}

	os.WriteFile(post, []byte("---\ntitle: 第二篇\n---\n恢复了。\n"), 0o644)
	waitFor(t, page, "recovery", func(c int, b string) bool { return c == 200 && strings.Contains(b, "恢复了") })

	// A new page in a new directory is picked up too.
	os.MkdirAll(filepath.Join(src, "content", "more"), 0o755)
	os.WriteFile(filepath.Join(src, "content", "more", "third.md"), []byte("---\ntitle: Third\n---\nnew\n"), 0o644)
	waitFor(t, base+"more/third/", "a page in a new directory", func(c int, b string) bool { return c == 200 && strings.Contains(b, "Third") })

	stop()
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("serve wrote public/ into the site; it must serve from memory")
	}
}

// TestServeSeesMemberEdits: a member file edited while press serve runs
// shows on the member's page, each time: the preview takes the other data
// files as unchanged without looking at them (the watcher names every
// change), so every edit must reach it as an event.
func TestServeSeesMemberEdits(t *testing.T) {
	src := testsite.Bundled(t)
	base, stop := start(t, serve.Options{Source: src, Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)})
	file := filepath.Join(src, "data", "members", "m01-erqi.yaml")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	page := base + "members/m01-erqi/"
	for i, name := range []string{"第一次改名𠀾大学", "第二次改名😀大学", "第三次改名大学"} {
		edited := strings.Replace(string(orig), "name: 中原虚构星联大学\n", "name: "+name+"\n", 1)
		if edited == string(orig) {
			t.Fatal("the member file has no name line to edit")
		}
		if err := os.WriteFile(file, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
		waitFor(t, page, "edit "+strconv.Itoa(i+1), func(c int, b string) bool { return c == 200 && strings.Contains(b, name) })
	}
	stop()
}
