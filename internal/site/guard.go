package site

import (
	"bytes"
	"errors"
	"os"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/gohugoio/hugo/hugolib"
	"github.com/zzia/press/internal/msg"
)

// Hugo v0.165.0 can hang for ever when page templates fail on many pages.
// Site.renderPages feeds pages to its workers through a buffered channel:
//
//	select {
//	case <-s.h.Done():
//		return radix.WalkStop, nil
//	default:
//		pages <- p // blocks while the buffer is full
//	}
//
// Its error collator stops reading errors after ten and closes Done; from
// then on every worker that has an error to report returns. When all
// workers have returned while the walker is blocked on that send (it looked
// at Done just before it was closed and the buffer was full), nobody ever
// reads the channel again and Build never returns. A send inside the select
// (case pages <- p) would fix it upstream.
//
// guard runs Build and watches for that state: once Hugo has stopped
// (Done is closed) it looks at the goroutines until Build returns; a walker
// blocked in renderPages with no page worker left is the hang, and so is a
// Build that has not returned stopGrace after Hugo stopped.

// stopGrace is how long a stopped Hugo may take to return from Build
// before the build is given up as hung, whatever the cause.
var stopGrace = 30 * time.Second

// pollEvery is how often the goroutines are looked at once Hugo stopped.
const pollEvery = 20 * time.Millisecond

// hungError is a build Hugo stopped but never finished.
type hungError struct {
	pages  int      // pages of the site, to size the retry
	logged error    // what Hugo logged before it hung, if anything
	lang   msg.Lang // the language of the run's messages
}

func (e *hungError) Error() string { return e.lang.T("site.hung") }

// report is the error Build returns when even the retry could not say what
// went wrong: the hang itself, with what Hugo logged.
func (e *hungError) report() error {
	d := []Diagnostic{{Message: e.lang.T("site.hung")}}
	var be *BuildError
	if errors.As(e.logged, &be) {
		d = append(d, be.Diagnostics...)
	}
	return &BuildError{Diagnostics: d}
}

// guard runs build (Hugo's Build on h) and returns its error, or a
// *hungError when Hugo stopped and can never finish.
func guard(h *hugolib.HugoSites, build func() error) error {
	done := make(chan error, 1)
	ids := make(chan string, 1)
	go func() {
		ids <- goroutineID()
		done <- build()
	}()
	id := <-ids
	tick := time.NewTicker(pollEvery)
	defer tick.Stop()
	// A rebuild (Session) replaces Hugo's stop channel as it starts: it
	// is looked up again on every tick.
wait:
	for {
		select {
		case err := <-done:
			return err
		case <-h.Done():
			break wait
		case <-tick.C:
		}
	}
	limit := time.NewTimer(stopGrace)
	defer limit.Stop()
	for {
		select {
		case err := <-done:
			return err
		case <-limit.C:
			return &hungError{}
		case <-tick.C:
			if walkerStuck(allStacks(), id) {
				// Build may have returned between the look and now.
				select {
				case err := <-done:
					return err
				default:
				}
				return &hungError{}
			}
		}
	}
}

// goroutineID is the id of the calling goroutine, as tracebacks print it.
func goroutineID() string {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	f := bytes.Fields(buf)
	if len(f) < 2 {
		return ""
	}
	return string(f[1])
}

// allStacks is the traceback of every goroutine.
func allStacks() string {
	buf := make([]byte, 1<<16)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// walkerStuck reports whether, in the tracebacks stacks, the goroutine id
// is blocked sending in Hugo's renderPages while no page worker is left to
// receive: the state Hugo cannot leave.
func walkerStuck(stacks, id string) bool {
	if id == "" {
		return false
	}
	blocked := false
	for _, g := range strings.Split(stacks, "\n\n") {
		// A worker's outermost frame is printed even when its stack is deep.
		if strings.Contains(g, "hugolib.pageRenderer(") {
			return false
		}
		if strings.HasPrefix(g, "goroutine "+id+" [chan send") && strings.Contains(g, "hugolib.(*Site).renderPages(") {
			blocked = true
		}
	}
	return blocked
}

// countPages is the number of pages of every site of h, a bound for the
// pages one render pass hands to its workers.
func countPages(h *hugolib.HugoSites) int {
	n := 0
	for _, s := range h.Sites {
		n += len(s.Pages())
	}
	return n + 64
}

// setWorkers makes Hugo start n page workers (and buffer n pages), so that
// its page walker never waits for a worker; it returns a function that
// restores the previous setting. Builds are serialised by hugoMu.
func setWorkers(n int) (restore func()) {
	const key = "HUGO_NUMWORKERMULTIPLIER"
	old, had := os.LookupEnv(key)
	os.Setenv(key, strconv.Itoa(n))
	return func() {
		if had {
			os.Setenv(key, old)
		} else {
			os.Unsetenv(key)
		}
	}
}
