package e2e

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// stepTimeout bounds each browser step (a navigation, a script, a wait). It
// is generous: it only keeps a hung browser from hanging the test run.
const stepTimeout = 60 * time.Second

// waitTimeout bounds a wait for the page to show something after an
// action (a filter, a search); the page needs a fraction of a second.
const waitTimeout = 30 * time.Second

// tab is a browser tab of its own (a fresh browser context: no cookies or
// local storage from other tests) that records, from its first event, what
// a reader would notice going wrong: console errors, uncaught exceptions,
// failed requests and requests to any host but the test server. A test
// that opens a tab fails, when it ends, with each of these.
type tab struct {
	t    *testing.T
	ctx  context.Context
	base string
	noJS bool // the page's scripts are off

	mu       sync.Mutex
	at       string                     // the URL of the page shown now
	problems []problem                  // what went wrong, in order
	foreign  map[network.RequestID]bool // requests to other hosts (reported once)
}

// problem is something that went wrong on a page.
type problem struct{ what, page string }

// openTab opens a new tab of the shared browser. noJS turns JavaScript off
// in it before any page loads.
func openTab(t *testing.T, noJS bool) *tab {
	t.Helper()
	bctx := browser(t)
	tb := &tab{t: t, base: shared.base, foreign: map[network.RequestID]bool{}}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithNewBrowserContext(), chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	// The first Do attaches the tab; it binds the tab's life to ctx, so it
	// runs without a deadline (in a goroutine, with a bounded wait).
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("opening a tab: %v", err)
		}
	case <-time.After(stepTimeout):
		t.Fatalf("opening a tab took more than %v", stepTimeout)
	}
	tb.ctx = ctx
	if noJS {
		tb.scripts(false)
	}
	tb.noJS = noJS
	t.Cleanup(tb.report)
	return tb
}

// scripts turns the page's JavaScript on or off. Turning it on runs no
// script the page skipped, it only lets the test's own scripts (axe) run
// their timers.
func (tb *tab) scripts(on bool) {
	tb.t.Helper()
	tb.do(fmt.Sprintf("turning JavaScript on: %v", on), chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: !on})
		return err
	}))
}

// listen runs in the tab's event loop for every event, in order.
func (tb *tab) listen(ev any) {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	switch ev := ev.(type) {
	case *page.EventFrameNavigated:
		if ev.Frame.ParentID == "" {
			tb.at = ev.Frame.URL
		}
	case *network.EventRequestWillBeSent:
		u, err := url.Parse(ev.Request.URL)
		switch {
		case err != nil:
			tb.problem("a request for an unparsable URL %q", ev.Request.URL)
		case u.Scheme == "data" || u.Scheme == "blob" || u.Scheme == "about":
		case u.Host != shared.host:
			tb.foreign[ev.RequestID] = true
			tb.problem("a request to another host: %s %s (%s)", ev.Request.Method, ev.Request.URL, ev.Type)
		}
	case *network.EventResponseReceived:
		if ev.Response.Status >= 400 {
			tb.problem("HTTP %d %s for %s", ev.Response.Status, ev.Response.StatusText, ev.Response.URL)
		}
	case *network.EventLoadingFailed:
		if !ev.Canceled && !tb.foreign[ev.RequestID] {
			tb.problem("a request failed: %s (%s)", ev.ErrorText, ev.Type)
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			var args []string
			for _, a := range ev.Args {
				if len(a.Value) > 0 {
					args = append(args, string(a.Value))
				} else {
					args = append(args, a.Description)
				}
			}
			tb.problem("console.%s: %s", ev.Type, strings.Join(args, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			msg += " " + d.Exception.Description
		}
		tb.problem("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, msg)
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError && !tb.foreign[ev.Entry.NetworkRequestID] {
			tb.problem("browser console error (%s): %s %s", ev.Entry.Source, ev.Entry.Text, ev.Entry.URL)
		}
	}
}

// problem records a problem on the page shown now. The caller holds mu.
func (tb *tab) problem(format string, args ...any) {
	tb.problems = append(tb.problems, problem{fmt.Sprintf(format, args...), tb.path(tb.at)})
}

// report fails the test with every problem the tab recorded, each once
// with the pages it happened on.
func (tb *tab) report() {
	// A last round trip delivers the events the browser sent before it.
	ctx, cancel := context.WithTimeout(tb.ctx, 10*time.Second)
	defer cancel()
	_, _ = chromedp.Run(ctx, chromedp.Evaluate[bool](`true`))
	tb.mu.Lock()
	defer tb.mu.Unlock()
	var order []string
	pages := map[string][]string{}
	for _, p := range tb.problems {
		if _, ok := pages[p.what]; !ok {
			order = append(order, p.what)
		}
		if !slices.Contains(pages[p.what], p.page) {
			pages[p.what] = append(pages[p.what], p.page)
		}
	}
	for _, what := range order {
		tb.t.Errorf("%s — on %s", what, list(pages[what], 8))
	}
}

// list joins the first max items of s, saying how many more there are.
func list(s []string, max int) string {
	if len(s) <= max {
		return strings.Join(s, ", ")
	}
	return fmt.Sprintf("%s and %d more", strings.Join(s[:max], ", "), len(s)-max)
}

// path is u relative to the test server, for messages.
func (tb *tab) path(u string) string {
	if p, ok := strings.CutPrefix(u, tb.base); ok {
		return p
	}
	return u
}

// do runs browser actions with a deadline, failing the test with what on
// error.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// open loads the page at path (relative to the site's root) and waits for
// it to load; the page must answer 200.
func (tb *tab) open(path string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.Run(ctx, chromedp.NavigateResponse(tb.base+path))
	if err != nil {
		tb.t.Fatalf("opening %s: %v", path, err)
	}
	if resp == nil || resp.Status != 200 {
		status := 0
		if resp != nil {
			status = int(resp.Status)
		}
		tb.t.Fatalf("opening %s: HTTP %d", path, status)
	}
}

// follow runs a step that navigates (a click on a link) and waits for the
// new page to load.
func (tb *tab) follow(what string, step chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, step)
	if err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
	if resp != nil && resp.Status != 200 {
		tb.t.Fatalf("%s: HTTP %d for %s", what, resp.Status, resp.URL)
	}
}

// reload reloads the page and waits for it.
func (tb *tab) reload() {
	tb.t.Helper()
	tb.do("reloading "+tb.location(), chromedp.Reload())
}

// eval evaluates a JavaScript expression in the page and returns its value
// decoded as T (a promise is awaited).
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("on %s, evaluating %s: %v", tb.location(), short(expr), err)
	}
	return v
}

// waitFor waits until the JavaScript predicate is true, failing with what
// when it is not within the step timeout.
func (tb *tab) waitFor(what, predicate string) {
	tb.t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, waitTimeout+5*time.Second)
	defer cancel()
	_, err := chromedp.Run(ctx, chromedp.Poll[chromedp.Void](predicate,
		chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(waitTimeout)))
	if err != nil {
		tb.t.Fatalf("on %s, waiting for %s: %v", tb.location(), what, err)
	}
}

// location is the path (and query) of the page shown now.
func (tb *tab) location() string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return tb.path(tb.at)
}

// href is the page's current address, as the reader sees it (including
// changes made with history.replaceState).
func (tb *tab) href() string {
	tb.t.Helper()
	return tb.path(eval[string](tb, `location.href`))
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// ---- axe-core ---------------------------------------------------------

var axeSource = sync.OnceValues(func() (string, error) {
	p, _ := toolAxe.find()
	b, err := os.ReadFile(p)
	return string(b), err
})

// axeTags are the rules axe runs: WCAG 2.0 and 2.1, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"}

type axeNode struct {
	Target  string `json:"target"`
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

type axeViolation struct {
	ID      string    `json:"id"`
	Impact  string    `json:"impact"`
	Help    string    `json:"help"`
	HelpURL string    `json:"helpUrl"`
	Nodes   []axeNode `json:"nodes"`
}

// axe runs axe-core on the page as it is now and fails the test with each
// serious or critical violation: the rule, the elements and what to fix.
// state says what the page shows (e.g. "filtered by region").
func (tb *tab) axe(state string) {
	tb.t.Helper()
	src, err := axeSource()
	if err != nil {
		tb.t.Fatalf("reading axe-core: %v", err)
	}
	if tb.noJS {
		// axe waits on timers, which do not run while scripts are off.
		tb.scripts(true)
		defer tb.scripts(false)
	}
	if !eval[bool](tb, `typeof window.axe === "object"`) {
		tb.do("loading axe-core", chromedp.Evaluate[chromedp.Void](src))
	}
	tags := `["` + strings.Join(axeTags, `","`) + `"]`
	vs := eval[[]axeViolation](tb, `axe.run(document, {runOnly: {type: "tag", values: `+tags+`}, resultTypes: ["violations"]}).then(r =>
		r.violations.filter(v => v.impact === "serious" || v.impact === "critical").map(v => ({
			id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
			nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html.slice(0, 160), summary: n.failureSummary}))
		})))`)
	where := tb.location()
	if state != "" {
		where += " (" + state + ")"
	}
	for _, v := range vs {
		var b strings.Builder
		fmt.Fprintf(&b, "axe, %s: %s violation %q: %s (%s)", where, v.Impact, v.ID, v.Help, v.HelpURL)
		for _, n := range v.Nodes {
			fmt.Fprintf(&b, "\n\t%s\n\t\t%s\n\t\t%s", n.Target, n.HTML, strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
		tb.t.Error(b.String())
	}
}
