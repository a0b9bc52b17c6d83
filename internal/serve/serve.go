// Package serve is the live preview: it builds the site into memory, serves
// it over HTTP, watches the sources and rebuilds what every change affects
// (pipeline.Live, on Hugo's partial rebuild), and tells open browser tabs to
// reload. A failed build shows its errors in the
// terminal and in the browser until the sources are fixed.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"mime"
	"net"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
)

// DefaultDebounce is how long the preview waits after a file event for
// more before it rebuilds. An editor's save (write, or write to a new file
// and rename) comes as events a few milliseconds apart; an incremental
// rebuild of the bundled site takes about as long as this wait, so a save
// split wider than it costs one more cheap rebuild, not a wrong page.
const DefaultDebounce = 40 * time.Millisecond

// Options configures the preview server.
type Options struct {
	Source   string        // site directory
	Addr     string        // listen address, e.g. 127.0.0.1:1313
	CacheDir string        // caches outside the site
	Today    time.Time     // the build's "today"; zero for the clock
	Out      io.Writer     // progress messages
	Err      io.Writer     // build errors
	Lang     msg.Lang      // the language of the messages
	Debounce time.Duration // quiet time before a rebuild; zero means DefaultDebounce
	// Ready, if set, is called with the preview's URL once it serves.
	Ready func(url string)
}

// Server holds the latest build and the browsers waiting for a reload.
type Server struct {
	opts Options

	live *pipeline.Live // the site kept built between changes
	// watching says that the watcher runs: every change reaches live.
	watching bool
	// building is held for writing while a build changes the output, so
	// that no page is served half-written.
	building sync.RWMutex

	mu      sync.RWMutex
	out     fs.FS     // last good build
	failure diag.List // errors of the last build, nil when it succeeded
	gen     int       // build generation, bumped on every build

	clientsMu sync.Mutex
	clients   map[chan int]struct{}
}

// New makes a server for opts without starting it.
func New(opts Options) *Server {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:1313"
	}
	if opts.Out == nil {
		opts.Out = io.Discard
	}
	if opts.Err == nil {
		opts.Err = io.Discard
	}
	if opts.Debounce == 0 {
		opts.Debounce = DefaultDebounce
	}
	return &Server{opts: opts, clients: map[chan int]struct{}{}}
}

// Run builds, serves and watches until ctx is cancelled, then shuts down
// cleanly. It returns an error only when it cannot start.
func Run(ctx context.Context, opts Options) error {
	return New(opts).Run(ctx)
}

// Run is the server's main loop; see the package Run.
func (s *Server) Run(ctx context.Context) error {
	ln, err := net.Listen("tcp", s.opts.Addr)
	if err != nil {
		return err
	}
	url := "http://" + ln.Addr().String() + "/"
	live, err := pipeline.OpenLive(pipeline.Options{
		Source:   s.opts.Source,
		CacheDir: s.opts.CacheDir,
		BaseURL:  url,
		Today:    s.opts.Today,
		Lang:     s.opts.Lang,
	})
	if err != nil {
		ln.Close()
		return err
	}
	s.live = live
	defer live.Close()
	s.update(nil)

	root, err := filepath.Abs(s.opts.Source)
	if err != nil {
		ln.Close()
		return err
	}
	// Absolute names in the events: the preview's site is absolute.
	w, err := newWatcher(root)
	if err != nil {
		ln.Close()
		return err
	}
	defer w.close()
	s.watching = true
	s.live.Watched()

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	fmt.Fprintln(s.opts.Out, s.opts.Lang.T("serve.listening", url))
	if s.opts.Ready != nil {
		s.opts.Ready(url)
	}

	var timer *time.Timer
	var fire <-chan time.Time
	var pending []fsnotify.Event
	for {
		select {
		case <-ctx.Done():
			s.closeClients()
			sctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
			defer cancel()
			srv.Shutdown(sctx)
			fmt.Fprintln(s.opts.Out, s.opts.Lang.T("serve.stopped"))
			return nil
		case ev, ok := <-w.changes:
			if !ok {
				return errors.New("file watcher stopped")
			}
			pending = append(pending, ev)
			if timer == nil {
				timer = time.NewTimer(s.opts.Debounce)
			} else {
				timer.Reset(s.opts.Debounce)
			}
			fire = timer.C
		case err := <-w.errors:
			fmt.Fprintln(s.opts.Err, s.opts.Lang.T("serve.watcherr", err))
			// Events may be lost (the queue overflowed): the next
			// rebuild looks at every data file.
			s.live.Recheck()
		case <-fire:
			fire = nil
			s.update(pending)
			pending = nil
		}
	}
}

// Rebuild builds the whole site into memory for baseURL and notifies
// browsers; the server keeps it for the changes that follow.
func (s *Server) Rebuild(baseURL string) {
	if s.live != nil {
		s.live.Close()
	}
	live, err := pipeline.OpenLive(pipeline.Options{
		Source:   s.opts.Source,
		CacheDir: s.opts.CacheDir,
		BaseURL:  baseURL,
		Today:    s.opts.Today,
		Lang:     s.opts.Lang,
	})
	if err != nil {
		s.report(nil, err)
		return
	}
	s.live = live
	if s.watching {
		live.Watched()
	}
	s.update(nil)
}

// update rebuilds what events change (everything when nil) and notifies
// browsers.
func (s *Server) update(events []fsnotify.Event) {
	s.building.Lock()
	res, err := s.live.Update(events)
	s.building.Unlock()
	if err == nil && res == nil {
		return // nothing the site is made of changed
	}
	s.report(res, err)
}

// report records a build's outcome, prints it and tells the browsers.
func (s *Server) report(res *pipeline.Result, err error) {
	s.mu.Lock()
	s.gen++
	gen := s.gen
	if err != nil {
		var be *pipeline.Error
		if errors.As(err, &be) {
			s.failure = be.Diagnostics
		} else {
			s.failure = diag.List{{Message: err.Error()}}
		}
		for _, d := range s.failure {
			fmt.Fprintln(s.opts.Err, d.In(s.opts.Lang))
		}
		fmt.Fprintln(s.opts.Err, s.opts.Lang.T("serve.failed"))
	} else {
		s.out = res.Output
		s.failure = nil
		for _, d := range res.Warnings {
			fmt.Fprintln(s.opts.Err, d.In(s.opts.Lang))
		}
		fmt.Fprintln(s.opts.Out, s.opts.Lang.T("serve.built", res.Pages, res.Elapsed.Round(time.Millisecond)))
	}
	s.mu.Unlock()
	s.notify(gen)
}

// isSearchIndex reports whether a URL path is a file of the search index
// (search/manifest.json …), not the search page.
func isSearchIndex(p string) bool {
	return strings.HasPrefix(p, "/search/") && p != "/search/" && p != "/search/index.html"
}

// search brings the search index up to date before it is served; a
// problem with it (private data in the index) is the build's failure.
func (s *Server) search() {
	if s.live == nil {
		return
	}
	s.building.Lock()
	err := s.live.Search()
	s.building.Unlock()
	if err != nil {
		s.report(nil, err)
	}
}

// complete brings the file a URL path asks for up to date first when the
// last rebuilds left it stale (the sitemap: pipeline.Live.Stale); a
// problem with it is the build's failure.
func (s *Server) complete(urlPath string) {
	if s.live == nil {
		return
	}
	s.building.Lock()
	var err error
	if s.live.Stale(urlPath) {
		err = s.live.Complete()
	}
	s.building.Unlock()
	if err != nil {
		s.report(nil, err)
	}
}

// Failure returns the errors of the last build, or nil if it succeeded.
func (s *Server) Failure() diag.List {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.failure
}

const (
	eventsPath = "/__press/events"
	scriptPath = "/__press/reload.js"
)

// reloadJS reconnects after a server restart and reloads on every build.
const reloadJS = `(function(){
  var gen = null;
  function connect(){
    var es = new EventSource("` + eventsPath + `");
    es.onmessage = function(e){
      if (gen !== null && e.data !== gen) { location.reload(); }
      gen = e.data;
    };
    es.onerror = function(){ es.close(); setTimeout(connect, 1000); };
  }
  connect();
})();
`

// ServeHTTP serves the built site, the reload script and its event stream,
// to requests for a local host name only (see allowedHost).
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !allowedHost(r.Host) {
		http.Error(w, s.opts.Lang.T("serve.badhost", r.Host), http.StatusForbidden)
		return
	}
	switch r.URL.Path {
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadJS)
		return
	case eventsPath:
		s.serveEvents(w, r)
		return
	}
	if isSearchIndex(r.URL.Path) {
		s.search()
	}
	s.complete(r.URL.Path)
	s.mu.RLock()
	out, failure := s.out, s.failure
	s.mu.RUnlock()

	if failure != nil && acceptsHTML(r) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, errorPage(s.opts.Lang, failure))
		return
	}
	if out == nil {
		http.Error(w, "no build yet", http.StatusServiceUnavailable)
		return
	}
	s.building.RLock()
	name, data, err := lookup(out, r.URL.Path)
	status := http.StatusOK
	if err != nil {
		status = http.StatusNotFound
		name, data, err = lookup(out, "/404.html")
	}
	s.building.RUnlock()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(ctype, "text/html") {
		data = injectScript(data)
	}
	w.WriteHeader(status)
	w.Write(data)
}

// lookup finds the file for a URL path, trying index.html for directories.
func lookup(out fs.FS, urlPath string) (string, []byte, error) {
	p := strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if p == "" {
		p = "."
	}
	if st, err := fs.Stat(out, p); err == nil && st.IsDir() {
		p = path.Join(p, "index.html")
	}
	data, err := fs.ReadFile(out, p)
	return p, data, err
}

// allowedHost reports whether a request's Host header names the preview
// itself: an IP address (what the server listens on, or the machine's own
// when it listens on all of them) or localhost. A DNS rebinding attack
// reaches the server under a domain name of the attacker's, so any other
// name is refused.
func allowedHost(host string) bool {
	h := host
	if hh, _, err := net.SplitHostPort(host); err == nil {
		h = hh
	}
	h = strings.TrimSuffix(strings.TrimPrefix(h, "["), "]")
	if h == "" {
		return false
	}
	if net.ParseIP(h) != nil {
		return true
	}
	h = strings.ToLower(strings.TrimSuffix(h, "."))
	return h == "localhost" || strings.HasSuffix(h, ".localhost")
}

func acceptsHTML(r *http.Request) bool {
	if strings.Contains(r.Header.Get("Accept"), "text/html") {
		return true
	}
	ext := path.Ext(r.URL.Path)
	return ext == "" || ext == ".html"
}

// injectScript adds the reload script before </body>.
func injectScript(page []byte) []byte {
	tag := []byte(`<script src="` + scriptPath + `"></script>`)
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		return append(page, tag...)
	}
	out := make([]byte, 0, len(page)+len(tag))
	out = append(out, page[:i]...)
	out = append(out, tag...)
	return append(out, page[i:]...)
}

// errorPage shows build errors in the browser.
func errorPage(lang msg.Lang, l diag.List) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>`)
	b.WriteString(html.EscapeString(lang.T("serve.errtitle")))
	b.WriteString(`</title><style>body{font:16px/1.6 system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1a1a1a}h1{color:#a10000;font-size:1.4rem}pre{background:#fff4f4;border-left:4px solid #a10000;padding:1rem;white-space:pre-wrap;word-break:break-all}</style></head><body><main><h1>`)
	b.WriteString(html.EscapeString(lang.T("serve.errtitle")))
	b.WriteString(`</h1><p>`)
	b.WriteString(html.EscapeString(lang.T("serve.errhint")))
	b.WriteString(`</p><pre>`)
	for _, d := range l {
		b.WriteString(html.EscapeString(d.In(lang)))
		b.WriteByte('\n')
	}
	b.WriteString(`</pre></main><script src="` + scriptPath + `"></script></body></html>`)
	return b.String()
}

func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	ch := make(chan int, 4)
	s.clientsMu.Lock()
	s.clients[ch] = struct{}{}
	s.clientsMu.Unlock()
	defer func() {
		s.clientsMu.Lock()
		delete(s.clients, ch)
		s.clientsMu.Unlock()
	}()
	s.mu.RLock()
	gen := s.gen
	s.mu.RUnlock()
	fmt.Fprintf(w, "data: %d\n\n", gen)
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case g, ok := <-ch:
			if !ok {
				return
			}
			fmt.Fprintf(w, "data: %d\n\n", g)
			fl.Flush()
		}
	}
}

func (s *Server) notify(gen int) {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for ch := range s.clients {
		select {
		case ch <- gen:
		default:
		}
	}
}

func (s *Server) closeClients() {
	s.clientsMu.Lock()
	defer s.clientsMu.Unlock()
	for ch := range s.clients {
		close(ch)
		delete(s.clients, ch)
	}
}

// ignoredDir reports whether a directory is output, VCS or cache, not a source.
func ignoredDir(name string) bool {
	switch name {
	case "public", "resources", "node_modules", ".git", ".hg", "testdata":
		return true
	}
	return strings.HasPrefix(name, ".")
}
