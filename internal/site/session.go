package site

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/bep/clocks"
	"github.com/bep/logg"
	"github.com/fsnotify/fsnotify"
	"github.com/gohugoio/hugo/common/hmaps"
	"github.com/gohugoio/hugo/common/htime"
	"github.com/gohugoio/hugo/common/loggers"
	"github.com/gohugoio/hugo/common/types"
	"github.com/gohugoio/hugo/config"
	"github.com/gohugoio/hugo/config/allconfig"
	"github.com/gohugoio/hugo/deps"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/spf13/afero"
)

// Session is a site kept in memory between builds, for the preview: the
// first Build renders everything, the next ones give Hugo the file-change
// events and let it re-render only what depends on the changed files
// (Hugo's own partial rebuild, as hugo server does). The output is in
// memory and kept from build to build; files of pages that are gone are
// removed from it.
//
// A Session whose Build failed must not be built again: Close it and open
// a new one.
type Session struct {
	s *session
}

// OpenSession loads the site's configuration for builds into memory
// (opts.Dest must be empty); it builds nothing yet.
func OpenSession(opts Options) (*Session, error) {
	if opts.Dest != "" {
		return nil, errors.New("site: a session builds into memory only")
	}
	hugoMu.Lock()
	defer hugoMu.Unlock()
	s, err := open(opts, true)
	if err != nil {
		return nil, err
	}
	return &Session{s: s}, nil
}

// Build builds the site: everything the first time, then what the changes
// in events (absolute paths of the site's files and of mounted folders, as
// the file watcher reported them) affect. onPage, when set, receives each
// HTML file written (see Options.OnPage). Result.Written lists every file
// this build wrote.
func (se *Session) Build(events []fsnotify.Event, onPage func(name string, data []byte, done func())) (*Result, error) {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	se.s.onPage = onPage
	defer func() { se.s.onPage = nil }()
	res, err := se.s.run(events)
	var hung *hungError
	if errors.As(err, &hung) {
		return explainHang(se.s.opts, hung)
	}
	return res, err
}

// Close releases the site.
func (se *Session) Close() { se.s.close() }

// Stale reports whether the output file name (slash-separated, relative to
// the output) may be out of date: a rebuild renders again every HTML page a
// change affects, but leaves the pages without an HTML output (the sitemap,
// robots.txt: Hugo lists every page in the sitemap, and rendering it after
// each edit of a site of thousands of pages costs more than the edited page)
// to Complete, which the preview calls when one of them is asked for.
func (se *Session) Stale(name string) bool {
	return se.s.pending && se.s.otherFiles[strings.TrimPrefix(name, "/")]
}

// Complete renders again the pages the rebuilds since the last Build or
// Complete left stale (see Stale) and returns the files it wrote.
func (se *Session) Complete() ([]string, error) {
	hugoMu.Lock()
	defer hugoMu.Unlock()
	written, err := se.s.complete()
	var hung *hungError
	if errors.As(err, &hung) {
		_, err = explainHang(se.s.opts, hung)
	}
	return written, err
}

// session is one loaded Hugo site: its configuration, file systems and
// HugoSites. Build uses it once; Session again and again.
type session struct {
	opts     Options
	src      string
	inMemory bool
	watch    bool
	logs     *logSink
	h        *hugolib.HugoSites
	hfs      *hugofs.Fs
	publish  afero.Fs // hfs.PublishDir, kept after Close for Result.WriteFile
	destFs   afero.Fs
	root     string   // the output folder's absolute path ("/" in memory)
	output   afero.Fs // what Hugo writes through (destFs, hooked), by absolute paths
	cleanup  func()
	hung     bool // a hung build's goroutines still use h
	hooked   bool // every file created in the output is seen (written)
	built    bool

	onPage    func(name string, data []byte, done func()) // for the build under way
	mu        sync.Mutex
	written   map[string]bool // files written by the build under way
	files     map[string]bool // Hugo's output files at the last build
	generated map[string]bool // files added with Result.WriteFile
	paged     map[string]bool // paginator pages Hugo wrote (news/page/2/index.html)

	// In the preview, a rebuild renders again every HTML page that
	// depends on a change, and leaves the pages without an HTML output
	// (the sitemap, robots.txt) for Complete: Hugo's fast render mode,
	// told that every HTML page was recently visited.
	html       *types.EvictingQueue[string] // the HTML pages' URL paths
	other      []string                     // the other pages' URL paths
	otherFiles map[string]bool              // and their files
	pending    bool                         // a rebuild may have left them stale
}

// logSink collects Hugo's warnings and logged errors of one build, and
// its notices of deprecated features the site uses, once each.
type logSink struct {
	src        string
	log        io.Writer
	mu         sync.Mutex
	warnings   []Diagnostic
	logged     []string
	deprecated map[string]bool
}

func (l *logSink) handle(e *logg.Entry) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	switch {
	case e.Level == logg.LevelInfo:
		// Hugo tells of a feature it will remove (a template's .IsNode) at
		// the info level for months, then warns, then fails the build: the
		// site's maintainer hears of it at the first.
		if !deprecation(e) || l.deprecated[e.Message] {
			return nil
		}
		if l.deprecated == nil {
			l.deprecated = map[string]bool{}
		}
		l.deprecated[e.Message] = true
		d := Diagnostic{Message: "Hugo " + HugoVersion() + ": " + e.Message}
		l.warnings = append(l.warnings, d)
		if l.log != nil {
			fmt.Fprintln(l.log, d.String())
		}
	case e.Level == logg.LevelWarn:
		d := parseWarning(l.src, e.Message)
		l.warnings = append(l.warnings, d)
		if l.log != nil {
			fmt.Fprintln(l.log, d.String())
		}
	case e.Level >= logg.LevelError:
		l.logged = append(l.logged, e.Message)
	}
	return nil
}

func (l *logSink) reset() {
	l.mu.Lock()
	l.warnings, l.logged, l.deprecated = nil, nil, nil
	l.mu.Unlock()
}

// deprecation reports whether e is Hugo's notice of a deprecated feature.
func deprecation(e *logg.Entry) bool {
	for _, f := range e.Fields {
		if f.Name == loggers.FieldNameCmd && f.Value == "deprecated" {
			return true
		}
	}
	return false
}

func (l *logSink) take() ([]Diagnostic, []string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Diagnostic(nil), l.warnings...), append([]string(nil), l.logged...)
}

// open loads the site for opts; watch keeps Hugo ready for rebuilds.
func open(opts Options, watch bool) (*session, error) {
	src, err := filepath.Abs(opts.Source)
	if err != nil {
		return nil, err
	}
	if _, err := os.Stat(src); err != nil {
		return nil, err
	}
	cacheDir := opts.CacheDir
	if cacheDir == "" {
		cacheDir, err = DefaultCacheDir()
		if err != nil {
			return nil, err
		}
	}
	// Hugo wants its cache folders absolute.
	if cacheDir, err = filepath.Abs(cacheDir); err != nil {
		return nil, err
	}
	s := &session{opts: opts, src: src, inMemory: opts.Dest == "", watch: watch,
		logs: &logSink{src: src, log: opts.Log}, generated: map[string]bool{}, paged: map[string]bool{}}
	logger := loggers.New(loggers.Options{
		Level:         logg.LevelInfo, // for deprecations (logSink.handle)
		DistinctLevel: logg.LevelWarn,
		StdOut:        io.Discard,
		StdErr:        io.Discard,
		StoreErrors:   true,
		HandlerPost:   s.logs.handle,
	})

	flags := config.New()
	flags.Set("workingDir", src)
	flags.Set("noBuildLock", true)
	flags.Set("cacheDir", filepath.Join(cacheDir, "hugo"))
	flags.Set("resourceDir", filepath.Join(cacheDir, "resources"))
	flags.Set("environment", environment(opts))
	if watch {
		// What hugo server sets, but "running": templates see the same
		// hugo.IsServer as in a build, so the preview's pages are a build's.
		// Fast render mode: see session.html.
		flags.Set("internal", hmaps.Params{"watch": true, "fastRenderMode": true})
	}
	if opts.BaseURL != "" {
		flags.Set("baseURL", opts.BaseURL)
	}
	if opts.Drafts {
		flags.Set("buildDrafts", true)
		flags.Set("buildFuture", true)
	}
	defer s.useClock()()
	if s.inMemory {
		flags.Set("publishDir", "/")
	} else {
		dest, err := filepath.Abs(opts.Dest)
		if err != nil {
			return nil, err
		}
		flags.Set("publishDir", dest)
	}

	configFile, cleanup, err := overlayConfig(src, opts)
	if err != nil {
		return nil, err
	}
	s.cleanup = cleanup

	configs, err := allconfig.LoadConfig(allconfig.ConfigSourceDescriptor{
		Flags:       flags,
		Fs:          hugofs.Os,
		Filename:    configFile,
		Environment: environment(opts),
		Environ:     cleanEnviron(),
		Logger:      logger,
	})
	if err != nil {
		cleanup()
		_, logged := s.logs.take()
		return nil, toBuildError(src, err, logged)
	}
	base := configs.Base
	flags.Set("publishDir", base.PublishDir)
	flags.Set("publishDirStatic", base.PublishDir)
	flags.Set("publishDirDynamic", base.PublishDir)

	var destFs afero.Fs = stopFs{hugofs.Os}
	if opts.DestReady != nil && !s.inMemory {
		destFs = stopFs{newGateFs(hugofs.Os, opts.DestReady)}
	}
	if s.inMemory {
		destFs = afero.NewMemMapFs()
	} else if opts.Reuse {
		destFs = newReuseFs(destFs)
	}
	s.destFs = destFs
	s.root = string(filepath.Separator)
	if !s.inMemory {
		s.root, _ = filepath.Abs(opts.Dest)
	}
	hugoDest := destFs
	if opts.OnPage != nil || watch || opts.Reuse {
		s.onPage = opts.OnPage
		s.hooked = true
		hugoDest = hookFs{Fs: destFs, root: s.root, fn: s.page, seen: s.wrote}
	}
	if inside(cacheDir, src) {
		cleanup()
		return nil, &BuildError{Diagnostics: []Diagnostic{{Message: opts.Lang.T("site.cacheinside", cacheDir)}}}
	}
	srcFs := newPrivateFs(hugofs.Os, src, append([]string{".git"}, opts.Private...), opts.Lang)
	s.output = hugoDest
	s.hfs = hugofs.NewFromSourceAndDestination(srcFs, hugoDest, flags)
	s.publish = s.hfs.PublishDir

	h, err := hugolib.NewHugoSites(deps.DepsCfg{
		Configs:  configs,
		Fs:       s.hfs,
		StdOut:   io.Discard,
		StdErr:   io.Discard,
		LogLevel: logg.LevelWarn,
		// TestLogger is the only way to hand Hugo our own logger, which
		// collects warnings and errors as values instead of printing them.
		TestLogger: logger,
	})
	if err != nil {
		cleanup()
		_, logged := s.logs.take()
		return nil, toBuildError(src, err, logged)
	}
	s.h = h
	return s, nil
}

// useClock sets Hugo's clock to opts.Clock, when given, and returns the
// function that sets it back. Hugo's clock is a global its command line
// sets; hugolib only reads it (now, future and expired content). It stands
// still, so the build is reproducible.
func (s *session) useClock() func() {
	if s.opts.Clock.IsZero() {
		return func() {}
	}
	htime.Clock = clocks.Fixed(s.opts.Clock)
	return func() { htime.Clock = clocks.System() }
}

// page hands a written HTML file to the build's onPage, which calls done
// once it is through with data.
func (s *session) page(name string, data []byte, done func()) {
	if s.onPage != nil {
		s.onPage(name, data, done)
	} else {
		done()
	}
}

// wrote records a file the build under way wrote.
func (s *session) wrote(name string) {
	s.mu.Lock()
	s.written[name] = true
	s.mu.Unlock()
}

// close releases the site, unless a hung build still uses it.
func (s *session) close() {
	if s.h != nil && !s.hung {
		s.h.Close()
		// The Result's functions keep the session: without Hugo's sites
		// and its file systems (which hold them), the pages and templates
		// are garbage while press checks the output and builds the search
		// index.
		s.h, s.hfs = nil, nil
	}
	if s.cleanup != nil {
		s.cleanup()
	}
}

// begin starts a build: Hugo's clock set (useClock), no log and no file
// written yet. It returns the function that sets the clock back.
func (s *session) begin() func() {
	end := s.useClock()
	s.logs.reset()
	s.mu.Lock()
	s.written = map[string]bool{}
	s.mu.Unlock()
	return end
}

// run builds the site: all of it the first time, then what events affect.
func (s *session) run(events []fsnotify.Event) (*Result, error) {
	h, src := s.h, s.src
	incremental := s.built
	defer s.begin()()
	if !incremental {
		if err := copyStatic(h, s.hfs); err != nil {
			return nil, toBuildError(src, err, nil)
		}
	}
	s.built = true
	if incremental {
		events = hugoEvents(events)
	}
	cfg := hugolib.BuildCfg{NoBuildLock: true}
	if incremental && s.watch {
		cfg.RecentlyTouched = s.html
	}
	err := guard(h, func() error { return h.Build(cfg, events...) })
	warnings, logged := s.logs.take()
	if he := s.hang(err, logged); he != nil {
		return nil, he
	}
	if err != nil {
		return nil, toBuildError(src, err, logged)
	}
	// Two sources writing one file: the later silently replaces the other.
	outs := outputFiles(s.opts.Lang, src, h)
	dups, files := outs.dups, outs.files
	if len(logged) > 0 || len(dups) > 0 {
		var diags []Diagnostic
		var be *BuildError
		if len(logged) > 0 && errors.As(toBuildError(src, nil, logged), &be) {
			diags = be.Diagnostics
		}
		return nil, &BuildError{Diagnostics: append(diags, dups...)}
	}

	res := &Result{Warnings: warnings, Sources: map[string]string{}}
	if s.watch {
		s.mu.Lock()
		if incremental {
			// The files of pages, aliases and static files that are gone.
			for f := range s.files {
				if !files[f] && !s.written[f] && !s.generated[f] {
					s.destFs.Remove(string(filepath.Separator) + filepath.FromSlash(f))
				}
			}
		}
		s.files = files
		s.html = touched(outs.html)
		s.other, s.otherFiles = outs.other, outs.otherFiles
		s.pending = incremental && len(outs.other) > 0
		s.removeStalePagers(h, incremental)
		for f := range s.written {
			res.Written = append(res.Written, f)
		}
		s.mu.Unlock()
		sort.Strings(res.Written)
		res.Incremental = incremental
	}
	// prepare checks that name is not one of Hugo's files and makes its
	// folder; it returns name as the output file system has it.
	prepare := func(name string) (string, error) {
		rel := strings.TrimPrefix(name, "/")
		name = filepath.Join(string(filepath.Separator), filepath.FromSlash(name))
		// A file Hugo wrote (a page's url, a static file) is not replaced.
		var exists bool
		if s.opts.Reuse {
			// The destination holds the previous output: what counts is
			// what this build wrote.
			s.mu.Lock()
			exists = s.written[rel]
			s.mu.Unlock()
		} else {
			_, err := s.publish.Stat(name)
			exists = err == nil && !s.generated[rel]
		}
		if exists || files[rel] {
			return "", &BuildError{Diagnostics: []Diagnostic{{Message: s.opts.Lang.T("site.generatedexists", "/"+rel)}}}
		}
		if err := s.publish.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			return "", err
		}
		if s.watch {
			s.mu.Lock()
			s.generated[rel] = true
			s.mu.Unlock()
		}
		return name, nil
	}
	res.WriteFile = func(name string, data []byte) error {
		name, err := prepare(name)
		if err != nil {
			return err
		}
		return afero.WriteFile(s.publish, name, data, 0o644)
	}
	res.LinkFile = func(name, src string, data []byte) error {
		name, err := prepare(name)
		if err != nil {
			return err
		}
		if !s.inMemory {
			if err := linkInto(s.output, src, filepath.Join(s.root, name), data); err == nil {
				return nil
			} else if errors.Is(err, errStopping) {
				return err
			}
		}
		return afero.WriteFile(s.publish, name, data, 0o644)
	}
	if s.hooked {
		res.Produced = func() map[string]bool {
			s.mu.Lock()
			defer s.mu.Unlock()
			p := make(map[string]bool, len(files)+len(s.written))
			for f := range files {
				p[f] = true
			}
			for f := range s.written {
				p[f] = true
			}
			return p
		}
	}
	res.RemoveFile = func(name string) error {
		rel := strings.TrimPrefix(name, "/")
		s.mu.Lock()
		ours := s.generated[rel]
		delete(s.generated, rel)
		s.mu.Unlock()
		if !ours {
			return nil
		}
		err := s.publish.Remove(filepath.Join(string(filepath.Separator), filepath.FromSlash(rel)))
		if errors.Is(err, os.ErrNotExist) {
			return nil
		}
		return err
	}
	for _, st := range h.Sites {
		res.Pages += len(st.Pages())
		if res.BaseURL == "" {
			res.BaseURL = st.Home().Permalink()
		}
		for _, p := range st.Pages() {
			if f := p.File(); f != nil {
				if rel, err := filepath.Rel(src, f.Filename()); err == nil && !strings.HasPrefix(rel, "..") {
					res.Sources[p.RelPermalink()] = filepath.ToSlash(rel)
				} else {
					res.Sources[p.RelPermalink()] = f.Filename()
				}
			}
		}
	}
	if s.inMemory {
		// Hugo writes rooted paths ("/posts/…"); the base path makes the
		// io/fs names ("posts/…") resolve to them.
		res.Output = afero.NewIOFS(afero.NewBasePathFs(s.destFs, "/"))
	}
	return res, nil
}

// hang returns err as a *hungError, completed, when a build hung (guard),
// and marks the session hung; else nil.
func (s *session) hang(err error, logged []string) *hungError {
	var he *hungError
	if !errors.As(err, &he) {
		return nil
	}
	s.hung = true
	he.pages = countPages(s.h)
	he.lang = s.opts.Lang
	he.logged = toBuildError(s.src, nil, logged)
	return he
}

// touched is the queue of recently visited URL paths that makes Hugo's
// fast render mode render every page of urls again when a change affects
// it; it never evicts one (a rebuild adds the changed pages' paths).
func touched(urls []string) *types.EvictingQueue[string] {
	q := types.NewEvictingQueue[string](math.MaxInt)
	for _, u := range urls {
		q.Add(u)
	}
	return q
}

// complete renders the pages a rebuild left stale (Session.Complete).
func (s *session) complete() ([]string, error) {
	if !s.pending {
		return nil, nil
	}
	h := s.h
	defer s.begin()()
	all := touched(s.other)
	for _, u := range s.html.PeekAll() {
		all.Add(u)
	}
	err := guard(h, func() error {
		return h.Build(hugolib.BuildCfg{NoBuildLock: true, PartialReRender: true, RecentlyTouched: all})
	})
	_, logged := s.logs.take()
	if he := s.hang(err, logged); he != nil {
		return nil, he
	}
	if err != nil || len(logged) > 0 {
		return nil, toBuildError(s.src, err, logged)
	}
	s.pending = false
	s.mu.Lock()
	defer s.mu.Unlock()
	written := make([]string, 0, len(s.written))
	for f := range s.written {
		written = append(written, f)
	}
	sort.Strings(written)
	return written, nil
}

// removeStalePagers removes the paginator pages of a list that is now
// shorter: Hugo writes a list's pages whenever it renders the list, but
// they are not pages of the site (outputFiles does not know them), so
// one no longer written when its list was rendered again is stale. It
// records the pages written (s.mu held).
func (s *session) removeStalePagers(h *hugolib.HugoSites, incremental bool) {
	pager := h.Conf.Pagination().Path
	if pager == "" {
		return
	}
	for f := range s.written {
		if _, ok := pagerOwner(f, pager); ok {
			s.paged[f] = true
		}
	}
	if !incremental {
		return
	}
	for f := range s.paged {
		if s.written[f] {
			continue
		}
		owner, _ := pagerOwner(f, pager)
		if s.written[owner] || !s.files[owner] {
			s.destFs.Remove(string(filepath.Separator) + filepath.FromSlash(f))
			delete(s.paged, f)
		}
	}
}

// pagerOwner returns the list file whose paginator page f is
// ("news/index.html" for "news/page/2/index.html"), and whether f is one.
func pagerOwner(f, pager string) (string, bool) {
	parts := strings.Split(f, "/")
	n := len(parts)
	if n < 3 || parts[n-3] != pager {
		return "", false
	}
	for _, r := range parts[n-2] {
		if r < '0' || r > '9' {
			return "", false
		}
	}
	return strings.Join(append(parts[:n-3:n-3], parts[n-1]), "/"), true
}

// hugoEvents are the watcher's events as Hugo takes them: editors' swap
// and backup files left out.
func hugoEvents(events []fsnotify.Event) []fsnotify.Event {
	var out []fsnotify.Event
	for _, ev := range events {
		base := filepath.Base(ev.Name)
		if base == "" || base[0] == '.' || strings.HasSuffix(base, "~") {
			continue
		}
		out = append(out, ev)
	}
	return out
}
