// Package site builds a Hugo site in-process with the embedded Hugo
// (github.com/gohugoio/hugo). It is the only package that sees Hugo's types:
// callers give it directories and options and get back plain Go values.
package site

import (
	"encoding/json"
	"errors"
	"fmt"
	"github.com/zzia/press/internal/msg"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/gohugoio/hugo/common/herrors"
	hugoversion "github.com/gohugoio/hugo/common/hugo"
	"github.com/gohugoio/hugo/hugofs"
	"github.com/gohugoio/hugo/hugolib"
	"github.com/gohugoio/hugo/resources/page"
	"github.com/spf13/fsync"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/tempdir"
)

// Options says what to build and where.
type Options struct {
	// Source is the site directory (the one holding hugo.toml).
	Source string
	// Lang is the language of press's own messages (Hugo's stay English).
	Lang msg.Lang
	// Dest is the directory the site is written to. Empty means in memory.
	Dest string
	// CacheDir holds Hugo's caches and processed resources; it must be
	// outside the site. Empty means the user's cache directory.
	CacheDir string
	// Environment is Hugo's environment ("production" or "development").
	Environment string
	// BaseURL overrides the site's baseURL when set.
	BaseURL string
	// Drafts includes draft, future and expired content (preview).
	Drafts bool
	// Reuse says that Dest already holds the previous output's files as
	// hard links (a staging directory seeded from it): a file whose bytes
	// are unchanged is left as it is, any other is replaced by a new file,
	// never written through the link. Result.Produced tells which files
	// the build made, so that the others can be removed.
	Reuse bool
	// DestReady, when set, is called before the output folder is first
	// touched and returns once it is ready: the caller may still be
	// preparing Dest (seeding it) while Hugo reads the sources.
	DestReady func()
	// Mounts adds directories outside the site (for generated content or data)
	// to the site's component folders.
	Mounts []Mount
	// Exclude hides files of the site's own component folders from Hugo,
	// keyed by folder ("data") with glob patterns ("members/**"): press reads
	// those itself and hands Hugo only what may be published.
	Exclude map[string][]string
	// Private are paths in the site (slash-separated, relative to it) that
	// Hugo may not read at all: they are left out of directory listings and
	// opening them is an error, so no template or content adapter can
	// publish them. The site's .git is always private.
	Private []string
	// Params are set as site parameters (site.Params), overriding the config.
	Params map[string]any
	// Clock, when not zero, is the time templates see as "now", and the
	// time future and expired content is judged by.
	Clock time.Time
	// Log receives Hugo's warnings; nil discards them.
	Log io.Writer
	// OnPage, when set, receives every HTML file Hugo writes as soon as it
	// is written (path relative to the output, slash-separated), from
	// Hugo's rendering goroutines; it must be safe for concurrent use and
	// owns data until it calls done, once (the buffer then serves another
	// page).
	OnPage func(name string, data []byte, done func())
}

// Mount adds the directory Source to the site's Target folder
// ("content", "data", "layouts", "static", "assets" or "i18n").
type Mount struct {
	Source string
	Target string
}

// Result describes a finished build.
type Result struct {
	// Pages is the number of pages Hugo rendered (all kinds and languages).
	Pages int
	// Warnings are Hugo's warnings, in order, with file positions where Hugo gave them.
	Warnings []Diagnostic
	// Output is the built site when Options.Dest was empty.
	Output fs.FS
	// BaseURL is the site's resolved base URL.
	BaseURL string
	// WriteFile adds a file to the output (on disk or in memory); press uses
	// it for outputs Hugo does not make (feeds, search index).
	WriteFile func(name string, data []byte) error
	// LinkFile adds a file to the output as WriteFile does, as a hard link
	// to src, a file on disk that holds data, where it can (an output on
	// disk, on src's file system); elsewhere it writes data. The output then
	// shares src's bytes: src must never be written to in place.
	LinkFile func(name, src string, data []byte) error
	// RemoveFile removes a file WriteFile added (a preview session's file
	// that is no longer made); other files are left alone.
	RemoveFile func(name string) error
	// Incremental says the build was a Session's rebuild: only the files
	// in Written were written.
	Incremental bool
	// Written are the files (slash-separated, relative to the output) a
	// Session's build wrote; nil for Build.
	Written []string
	// Produced returns the files (slash-separated, relative to the output)
	// this build made so far: written by Hugo or WriteFile, or (with
	// Options.Reuse) left in place because their bytes did not change. It
	// is nil when the build did not watch its writes (no OnPage, not a
	// Session, no Reuse); then only a walk of the output lists its files.
	// A Session's rebuild lists Hugo's files and what it wrote itself, not
	// WriteFile's files of earlier builds.
	Produced func() map[string]bool
	// Sources maps each page's URL path ("/news/x/") to its source file,
	// relative to the site ("content/news/x.md"), for pages that have one.
	Sources map[string]string
}

// Diagnostic is one problem found in a source file.
type Diagnostic struct {
	File    string // path relative to the site when possible
	Line    int    // 1-based; 0 when unknown
	Column  int    // 1-based; 0 when unknown
	Message string
}

// String formats the diagnostic as file:line:col: message.
func (d Diagnostic) String() string {
	f := diag.QuoteName(d.File)
	switch {
	case d.File == "":
		return d.Message
	case d.Line == 0:
		return fmt.Sprintf("%s: %s", f, d.Message)
	case d.Column == 0:
		return fmt.Sprintf("%s:%d: %s", f, d.Line, d.Message)
	}
	return fmt.Sprintf("%s:%d:%d: %s", f, d.Line, d.Column, d.Message)
}

// BuildError is returned when the site failed to build. It lists every
// problem Hugo reported.
type BuildError struct {
	Diagnostics []Diagnostic
}

// Error lists every diagnostic, one per line.
func (e *BuildError) Error() string {
	var b strings.Builder
	for i, d := range e.Diagnostics {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}

// hugoMu serialises builds: Hugo keeps some global state (its clock and
// default logger) that concurrent builds in one process would share.
var hugoMu sync.Mutex

// Build builds the site once. It always ends: when Hugo stops at its error
// limit and then hangs (see guard.go), Build renders the site again in memory
// with one worker per page, which cannot hang, to report Hugo's errors.
func Build(opts Options) (*Result, error) {
	hugoMu.Lock()
	defer hugoMu.Unlock()

	res, err := build(opts)
	var hung *hungError
	if !errors.As(err, &hung) {
		return res, err
	}
	return explainHang(opts, hung)
}

// explainHang renders the site of a hung build again in memory with one
// worker per page, which cannot hang, and returns Hugo's errors, or the
// hang itself when the retry finds none. hugoMu is held.
func explainHang(opts Options, hung *hungError) (*Result, error) {
	retry := opts
	retry.Dest, retry.OnPage, retry.Log = "", nil, nil
	restore := setWorkers(hung.pages)
	_, rerr := build(retry)
	restore()
	var be *BuildError
	if errors.As(rerr, &be) {
		return nil, rerr
	}
	return nil, hung.report()
}

// build is one attempt at Build.
func build(opts Options) (*Result, error) {
	s, err := open(opts, false)
	if err != nil {
		return nil, err
	}
	res, err := s.run(nil)
	s.close()
	// Hugo keeps sorted page lists in a global cache until its next build:
	// emptied, the built site's pages are garbage while press checks the
	// output and builds the search index.
	page.Clear()
	return res, err
}

// copyStatic copies the static folders (the site's and any mounted ones) to
// the output. Hugo's command line does this outside hugolib's Build.
func copyStatic(h *hugolib.HugoSites, hfs *hugofs.Fs) error {
	for _, sfs := range h.BaseFs.SourceFilesystems.Static {
		syncer := fsync.NewSyncer()
		syncer.NoTimes = true
		syncer.NoChmod = true
		syncer.SrcFs = sfs.Fs
		syncer.DestFs = hfs.PublishDirStatic
		to := string(filepath.Separator)
		if sfs.PublishFolder != "" {
			to = filepath.Join(to, sfs.PublishFolder)
		}
		if err := syncer.Sync(to, string(filepath.Separator)); err != nil && !herrors.IsNotExist(err) {
			return fmt.Errorf("copying static files: %w", err)
		}
	}
	return nil
}

func environment(opts Options) string {
	if opts.Environment != "" {
		return opts.Environment
	}
	return "production"
}

// DefaultCacheDir is where press keeps Hugo's caches: the user's cache
// directory, never the site.
func DefaultCacheDir() (string, error) {
	if d := os.Getenv("PRESS_CACHE_DIR"); d != "" {
		return d, nil
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "press-cache"), nil
	}
	return filepath.Join(d, "press"), nil
}

// cleanEnviron is the process environment without HUGO_* variables, so that
// stray settings in an editor's shell or a CI runner cannot change the site.
// It is never empty (an empty list makes Hugo read os.Environ itself).
func cleanEnviron() []string {
	env := []string{"PRESS=1"}
	for _, kv := range os.Environ() {
		if strings.HasPrefix(strings.ToUpper(kv), "HUGO") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

// toBuildError turns Hugo's error (and errors it only logged) into
// diagnostics with file positions relative to the site.
func toBuildError(src string, err error, logged []string) error {
	var diags []Diagnostic
	seen := map[string]bool{}
	add := func(d Diagnostic) {
		if rel, err := filepath.Rel(src, d.File); err == nil && !strings.HasPrefix(rel, "..") {
			d.File = filepath.ToSlash(rel)
		}
		k := d.String()
		if !seen[k] {
			seen[k] = true
			diags = append(diags, d)
		}
	}
	if err != nil {
		for _, e := range herrors.Errors(err) {
			fes := herrors.UnwrapFileErrors(e)
			if len(fes) == 0 {
				add(Diagnostic{Message: cleanMessage(e.Error())})
				continue
			}
			// The innermost file error has the most precise position.
			fe := fes[len(fes)-1]
			pos := fe.Position()
			d := Diagnostic{File: pos.Filename, Line: pos.LineNumber, Column: pos.ColumnNumber, Message: cleanMessage(rootCause(fe))}
			add(templatePosition(src, d))
		}
	}
	for _, m := range logged {
		add(parseLogged(m))
	}
	if len(diags) == 0 {
		return errors.New("build failed")
	}
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].File != diags[j].File {
			return diags[i].File < diags[j].File
		}
		return diags[i].Line < diags[j].Line
	})
	return &BuildError{Diagnostics: diags}
}

// configNames are the site configuration files Hugo looks for, in its order.
var configNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// ConfigFile returns the site's configuration file, or an error saying none was found.
func ConfigFile(src string) (string, error) {
	for _, n := range configNames {
		p := filepath.Join(src, n)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: no site configuration (hugo.toml) found", src)
}

// defaultMounts are Hugo's own component folders; an overlay that declares
// mounts must repeat them, since declared mounts replace the defaults.
var defaultMounts = []string{"content", "data", "layouts", "static", "assets", "i18n", "archetypes"}

// overlayConfig returns the config file list for Hugo: the site's own file,
// followed by a generated overlay (outside the site) holding extra mounts and
// params, which wins over the site's settings.
func overlayConfig(src string, opts Options) (string, func(), error) {
	base, err := ConfigFile(src)
	if err != nil {
		return "", func() {}, err
	}
	if len(opts.Mounts) == 0 && len(opts.Params) == 0 && len(opts.Exclude) == 0 {
		return base, func() {}, nil
	}
	overlay := map[string]any{}
	if len(opts.Mounts) > 0 || len(opts.Exclude) > 0 {
		var mounts []map[string]any
		for _, d := range defaultMounts {
			if _, err := os.Stat(filepath.Join(src, d)); err == nil {
				m := map[string]any{"source": d, "target": d}
				if ex := opts.Exclude[d]; len(ex) > 0 {
					var files []string
					for _, p := range ex {
						files = append(files, "! "+p)
					}
					m["files"] = files
				}
				mounts = append(mounts, m)
			}
		}
		for _, m := range opts.Mounts {
			abs, err := filepath.Abs(m.Source)
			if err != nil {
				return "", func() {}, err
			}
			mounts = append(mounts, map[string]any{"source": abs, "target": m.Target})
		}
		overlay["module"] = map[string]any{"mounts": mounts}
	}
	if len(opts.Params) > 0 {
		overlay["params"] = opts.Params
	}
	dir, err := tempdir.Make("press-config-")
	if err != nil {
		return "", func() {}, err
	}
	cleanup := func() { tempdir.Remove(dir) }
	b, err := json.Marshal(overlay)
	if err != nil {
		cleanup()
		return "", func() {}, err
	}
	p := filepath.Join(dir, "press-overlay.json")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		cleanup()
		return "", func() {}, err
	}
	return base + "," + p, cleanup, nil
}

// rootCause is the message of the innermost error, without the chain of
// "render: failed to render pages:" prefixes Hugo adds on the way up.
func rootCause(err error) string {
	msg := err.Error()
	for e := errors.Unwrap(err); e != nil; e = errors.Unwrap(e) {
		if _, ok := e.(herrors.FileError); ok {
			continue
		}
		msg = e.Error()
	}
	return msg
}

// cleanMessage strips the position prefix Hugo puts in messages
// ("\"/abs/file.md:3:1\": ") since the diagnostic carries it separately,
// and keeps only the first line (parsers append a source excerpt).
func cleanMessage(m string) string {
	m = strings.TrimSpace(strings.SplitN(strings.TrimSpace(m), "\n", 2)[0])
	for {
		if !strings.HasPrefix(m, "\"") {
			break
		}
		end := strings.Index(m[1:], "\": ")
		if end < 0 {
			break
		}
		m = m[end+4:]
	}
	return yamlPos.ReplaceAllString(m, "")
}

// parseLogged reads an error Hugo only logged, in the form
// `"/path/file:line:col": message` or plain text.
func parseLogged(m string) Diagnostic {
	m = strings.TrimSpace(m)
	if strings.HasPrefix(m, "\"") {
		if end := strings.Index(m[1:], "\""); end > 0 {
			loc := m[1 : end+1]
			rest := strings.TrimSpace(strings.TrimPrefix(m[end+2:], ":"))
			d := Diagnostic{Message: rest}
			parts := strings.Split(loc, ":")
			d.File = parts[0]
			if len(parts) > 1 {
				fmt.Sscan(parts[1], &d.Line)
			}
			if len(parts) > 2 {
				fmt.Sscan(parts[2], &d.Column)
			}
			return d
		}
	}
	return Diagnostic{Message: m}
}

var (
	// templateRef finds "template: page.html:3:12:" in Go template errors,
	// which name the template that failed even when Hugo's position points
	// at the base template that included it.
	templateRef = regexp.MustCompile(`template: ([^\s:]+):(\d+)(?::(\d+))?:`)
	// yamlPos is goccy/go-yaml's "[2:7] " prefix, relative to the front matter.
	yamlPos = regexp.MustCompile(`^\[\d+:\d+\]\s*`)
	// rawHTML is goldmark's warning for omitted raw HTML.
	rawHTML = regexp.MustCompile(`Raw HTML omitted while rendering "([^"]+)"`)
)

// templatePosition moves a template error to the template file and line the
// message names, when that file exists under the site's layouts.
func templatePosition(src string, d Diagnostic) Diagnostic {
	m := templateRef.FindStringSubmatch(d.Message)
	if m == nil {
		return d
	}
	name := filepath.FromSlash(m[1])
	var found string
	filepath.WalkDir(filepath.Join(src, "layouts"), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && (p == filepath.Join(src, "layouts", name) || strings.HasSuffix(p, string(filepath.Separator)+name)) {
			if found == "" {
				found = p
			}
		}
		return nil
	})
	if found == "" {
		return d
	}
	d.File = found
	fmt.Sscan(m[2], &d.Line)
	d.Column = 0
	if m[3] != "" {
		fmt.Sscan(m[3], &d.Column)
	}
	d.Message = strings.TrimSpace(d.Message[strings.Index(d.Message, m[0])+len(m[0]):])
	if i := strings.LastIndex(d.Message, ": "); strings.HasPrefix(d.Message, "executing") && i > 0 {
		d.Message = d.Message[i+2:]
	}
	return d
}

// parseWarning turns a Hugo warning into a diagnostic, naming the file
// where Hugo says which one.
func parseWarning(src, m string) Diagnostic {
	first := strings.TrimSpace(strings.SplitN(m, "\n", 2)[0])
	if r := rawHTML.FindStringSubmatch(first); r != nil {
		return relTo(src, Diagnostic{File: r[1], Message: "raw HTML omitted: Markdown raw HTML is disabled on this site; use Markdown or a shortcode instead"})
	}
	return relTo(src, parseLogged(first))
}

// inside reports whether path is dir or lies inside it.
func inside(path, dir string) bool {
	p, err1 := filepath.Abs(path)
	d, err2 := filepath.Abs(dir)
	if err1 != nil || err2 != nil {
		return false
	}
	rel, err := filepath.Rel(d, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func relTo(src string, d Diagnostic) Diagnostic {
	if rel, err := filepath.Rel(src, d.File); err == nil && !strings.HasPrefix(rel, "..") && d.File != "" {
		d.File = filepath.ToSlash(rel)
	}
	return d
}

// HugoVersion is the version of the embedded Hugo, e.g. "v0.165.0".
func HugoVersion() string {
	return "v" + hugoversion.CurrentVersion.String()
}
