package e2e

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testenv"
)

// repoRoot is the bundled site: the repository itself.
var repoRoot = filepath.Join("..", "..")

// today is the date the site is built for: the calendar's current month is
// November 2026 and 27 November is marked as today.
var today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))

// browserDir is where `make browser-deps` runs `npm ci` (axe-core, vnu-jar).
var browserDir = filepath.Join(repoRoot, "tests", "browser")

// chromiumPaths are where Debian's chromium and other Chromium builds live.
var chromiumPaths = []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}

// shared is what the tests of the package share: the built site, its
// server and one headless browser. Each is made on first use.
var shared struct {
	tmp string // removed by TestMain

	siteOnce sync.Once
	siteErr  error
	site     string // the built site
	base     string // http://127.0.0.1:port, serving site
	host     string // 127.0.0.1:port
	server   *http.Server

	browserOnce sync.Once
	browserErr  error
	browser     context.Context // a chromedp context with the running browser
	stop        []func()        // ends the browser
}

func TestMain(m *testing.M) {
	tmp, err := os.MkdirTemp("", "press-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	shared.tmp = tmp
	code := m.Run()
	for i := len(shared.stop) - 1; i >= 0; i-- {
		shared.stop[i]()
	}
	if shared.server != nil {
		shared.server.Close()
	}
	os.RemoveAll(tmp)
	os.Exit(code)
}

// tool is something the tests need from outside Go.
type tool struct {
	name string
	find func() (string, bool) // the path, and whether it is there
	how  string                // how to get it
}

var (
	toolChromium = tool{"Chromium", findChromium, "Debian package chromium"}
	toolJava     = tool{"Java", func() (string, bool) { p, err := exec.LookPath("java"); return p, err == nil }, "Debian package default-jre-headless"}
	toolAxe      = tool{"axe-core", nodeFile("axe-core", "axe.min.js"), "npm ci in tests/browser"}
	toolVnu      = tool{"the Nu HTML checker", nodeFile("vnu-jar", "build", "dist", "vnu.jar"), "npm ci in tests/browser"}
)

func findChromium() (string, bool) {
	if p := os.Getenv("PRESS_CHROMIUM"); p != "" {
		_, err := os.Stat(p)
		return p, err == nil
	}
	for _, p := range chromiumPaths {
		if _, err := os.Stat(p); err == nil {
			return p, true
		}
	}
	for _, n := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(n); err == nil {
			return p, true
		}
	}
	return chromiumPaths[0], false
}

func nodeFile(parts ...string) func() (string, bool) {
	return func() (string, bool) {
		p := filepath.Join(append([]string{browserDir, "node_modules"}, parts...)...)
		_, err := os.Stat(p)
		return p, err == nil
	}
}

// need returns the paths of the tools, in order. When one is missing it
// skips the test, or fails it in CI, naming what is missing and how to get
// it.
func need(t *testing.T, tools ...tool) []string {
	t.Helper()
	var paths, missing []string
	for _, tl := range tools {
		p, ok := tl.find()
		if !ok {
			missing = append(missing, fmt.Sprintf("%s (%s; %s)", tl.name, p, tl.how))
		}
		paths = append(paths, p)
	}
	if len(missing) > 0 {
		msg := "missing: " + strings.Join(missing, ", ") + ". Run `make deps` (or `make test`, which installs them)."
		testenv.Missing(t, "the browser tests cannot run: "+msg)
	}
	return paths
}

// site builds the bundled site once and serves it; it returns the folder
// and the server's base URL.
func site(t *testing.T) (dir, base string) {
	t.Helper()
	shared.siteOnce.Do(func() {
		dest := filepath.Join(shared.tmp, "public")
		_, err := pipeline.Build(pipeline.Options{
			Source:   repoRoot,
			Dest:     dest,
			CacheDir: filepath.Join(shared.tmp, "cache"),
			Today:    today,
		})
		if err != nil {
			shared.siteErr = fmt.Errorf("building the site: %w", err)
			return
		}
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			shared.siteErr = err
			return
		}
		shared.site = dest
		shared.host = ln.Addr().String()
		shared.base = "http://" + shared.host
		shared.server = &http.Server{Handler: http.FileServer(http.Dir(dest)), ReadHeaderTimeout: 10 * time.Second}
		go shared.server.Serve(ln)
	})
	if shared.siteErr != nil {
		t.Fatal(shared.siteErr)
	}
	return shared.site, shared.base
}

// browser starts the shared headless Chromium once and returns its context.
func browser(t *testing.T) context.Context {
	t.Helper()
	exe := need(t, toolChromium, toolAxe)[0]
	site(t)
	shared.browserOnce.Do(func() {
		profile := filepath.Join(shared.tmp, "profile")
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe),
			chromedp.Headless,
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			chromedp.Flag("disable-domain-reliability", true),
			// No name but the test server's resolves: a request to another
			// host fails at once instead of leaving the machine (the tabs
			// still see it and fail the test).
			chromedp.Flag("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"),
			chromedp.UserDataDir(profile),
			chromedp.WindowSize(1280, 900),
		)
		actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
		bctx, bcancel := chromedp.NewContext(actx)
		shared.stop = append(shared.stop, acancel, bcancel)
		// The first Do starts the browser and binds it to bctx, which has
		// no deadline; a bounded wait guards against a browser that hangs
		// on start.
		done := make(chan error, 1)
		go func() { done <- chromedp.Do(bctx) }()
		select {
		case err := <-done:
			if err != nil {
				shared.browserErr = fmt.Errorf("starting %s: %w", exe, err)
				return
			}
		case <-time.After(2 * time.Minute):
			shared.browserErr = fmt.Errorf("%s did not start within 2 minutes", exe)
			return
		}
		shared.browser = bctx
	})
	if shared.browserErr != nil {
		t.Fatal(shared.browserErr)
	}
	return shared.browser
}
