// Package publication makes the association's periodicals from the site's
// Markdown: each journal issue (会刊) and white paper (白皮书) as a
// print-ready PDF, each newsletter (简讯) as a PDF and an e-mail edition.
// The web pages of all three are Hugo's; this package gives their templates
// what they link to (the PDF, its size and pages).
//
// Build reads the configuration and finds the documents (package catalog),
// composes each (package compose: covers, colophon, contents by column,
// back cover around the typesetter's pages), typesets them in parallel,
// makes the newsletters' e-mail editions (package email), and keeps every
// PDF in a cache keyed by a hash of all its inputs (package pdfcache), so
// that an unchanged document is never typeset again. Dates come from the content, never from
// the clock: the same sources always give the same bytes.
package publication

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/zzia/press/internal/publication/catalog"
	"github.com/zzia/press/internal/publication/compose"
	"github.com/zzia/press/internal/publication/email"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/siteconfig"

	"github.com/schollz/progressbar/v3"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/pdfcache"
	"github.com/zzia/press/internal/typeset/fonts"
	"github.com/zzia/press/internal/typeset/picture"
)

// Version names the composition of the publications; change it when a
// change to this package or to the typesetter changes the PDFs, so that
// cached PDFs made by older code are not reused. The cache key also holds
// the program's build information.
const Version = "publication/1"

// Options say what to build.
type Options struct {
	Source string // the site folder
	// Config is the site's configuration; nil: read from Source.
	Config   *siteconfig.Config
	CacheDir string // where PDFs are cached (<CacheDir>/pdf); empty: no cache
	// Print makes the printer's edition: 3 mm bleed and crop marks. The
	// site configuration's [params.publications] print = true does too.
	Print  bool
	Drafts bool // include drafts
	// BaseURL, when set, is the site's address instead of the
	// configuration's baseURL (press build --base-url): the colophons and
	// the e-mail editions' links give it.
	BaseURL string
	// Progress receives progress of the PDF work: a live bar when Terminal
	// is set, a line per document otherwise. Nil: none.
	Progress io.Writer
	Terminal bool
	// Lang is the language of the progress lines.
	Lang msg.Lang
	// Workers is how many documents are typeset at once; zero: GOMAXPROCS.
	Workers int
}

// Result is what a build made.
type Result struct {
	// Files are the output files by slash-separated path in the site:
	// PDFs and the newsletters' e-mail editions.
	Files map[string][]byte
	// Pages holds, per Hugo page path ("/journal/2026-1"), what its
	// template links to.
	Pages map[string]PageData
	// Typeset and Cached count the PDFs typeset and those taken from the
	// cache; PDFPages counts the pages of all PDFs.
	Typeset, Cached, PDFPages int
}

// PageData is what a web page of a publication links to.
type PageData struct {
	PDF   string `json:"pdf"`             // the PDF, relative to the site root
	Bytes int    `json:"bytes"`           // its size
	Size  string `json:"size"`            // its size for readers: "1.2 MB", "356 KB"
	Pages int    `json:"pages"`           // its page count
	Page  int    `json:"page,omitempty"`  // the PDF page (from 1) this article or chapter starts on
	Label string `json:"label,omitempty"` // the page number printed there
	Email string `json:"email,omitempty"` // the e-mail edition (newsletters)
	Text  string `json:"text,omitempty"`  // its plain-text alternative
	Print bool   `json:"print,omitempty"` // the PDF is the printer's edition
}

// job is one PDF to make.
type job struct {
	name   string // output path
	source string // the document's main file, for messages
	hash   func(h *pdfcache.Hasher) error
	run    func() ([]byte, compose.Meta, diag.List, error)
	pages  []string // page paths that link to it
	starts bool     // record where each page starts
}

// Build discovers the publications of the site and makes their files.
// Problems with the content are diagnostics (errors stop the build); err
// is for failures of the machine (a missing font, an unwritable cache).
func Build(opts Options) (*Result, diag.List, error) {
	site := opts.Config
	if site == nil {
		var err error
		if site, err = siteconfig.Load(opts.Source); err != nil {
			return nil, diag.List{{Message: err.Error()}}, nil
		}
	}
	cfg, l := catalog.ReadConfig(site)
	if l.HasErrors() {
		return nil, l, nil
	}
	if opts.BaseURL != "" {
		cfg.BaseURL = opts.BaseURL
	}
	cat, ds := catalog.Discover(opts.Source, opts.Drafts)
	l = append(l, ds...)
	if l.HasErrors() {
		return nil, l, nil
	}
	res := &Result{Files: map[string][]byte{}, Pages: map[string]PageData{}}
	if len(cat.Issues)+len(cat.Whitepapers)+len(cat.Newsletters) == 0 {
		return res, l, nil
	}
	print := opts.Print || cfg.Print
	c := compose.New(cfg, print, opts.Lang)

	common, err := commonInputs(cfg, print)
	if err != nil {
		return nil, l, err
	}
	var jobs []*job
	for _, is := range cat.Issues {

		j := &job{name: strings.TrimPrefix(is.Path, "/") + "/journal-" + path.Base(is.Path) + ".pdf", source: is.File,
			hash:  func(h *pdfcache.Hasher) error { return h.Tree("issue", is.Dir) },
			run:   func() ([]byte, compose.Meta, diag.List, error) { return c.Journal(is) },
			pages: []string{is.Path}, starts: true}
		for _, a := range is.Articles {
			j.pages = append(j.pages, a.Path)
		}
		jobs = append(jobs, j)
	}
	for _, wp := range cat.Whitepapers {

		j := &job{name: strings.TrimPrefix(wp.Path, "/") + "/" + path.Base(wp.Path) + ".pdf", source: wp.File,
			hash:  func(h *pdfcache.Hasher) error { return h.Tree("whitepaper", wp.Dir) },
			run:   func() ([]byte, compose.Meta, diag.List, error) { return c.Whitepaper(wp) },
			pages: []string{wp.Path}, starts: true}
		for _, ch := range wp.Chapters {
			if ch.Path != wp.Path {
				j.pages = append(j.pages, ch.Path)
			}
		}
		jobs = append(jobs, j)
	}
	for _, n := range cat.Newsletters {

		jobs = append(jobs, &job{name: strings.TrimPrefix(n.Path, "/") + "/newsletter-" + n.Slug + ".pdf", source: n.File,
			hash:  func(h *pdfcache.Hasher) error { return hashWithImages(h, n.Abs) },
			run:   func() ([]byte, compose.Meta, diag.List, error) { return c.Newsletter(n) },
			pages: []string{n.Path}})
	}

	type outcome struct {
		data     []byte
		meta     compose.Meta
		diags    diag.List
		err      error
		cached   bool
		duration time.Duration
	}
	outs := make([]outcome, len(jobs))
	cache := pdfcache.Open(opts.CacheDir)
	prog := newProgress(opts.Progress, opts.Lang, opts.Terminal, len(jobs))
	workers := opts.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(workers, len(jobs)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j, o := jobs[i], &outs[i]
				start := time.Now()
				h := pdfcache.NewHasher(j.name)
				h.Bytes("common", common)
				if o.err = j.hash(h); o.err != nil {
					prog.done(j.name, 0, false, 0)
					continue
				}
				key := h.Key()
				if data, meta, ok := cache.Get(key); ok && json.Unmarshal(meta, &o.meta) == nil {
					o.data, o.cached = data, true
				} else {
					o.data, o.meta, o.diags, o.err = j.run()
					if o.err == nil && !o.diags.HasErrors() {
						mb, _ := json.Marshal(o.meta)
						if err := cache.Put(key, o.data, mb); err != nil {
							o.diags = append(o.diags, diag.Diagnostic{Severity: diag.Warning, Message: opts.Lang.T("publication.cache", err)})
						}
					}
				}
				o.duration = time.Since(start)
				prog.done(j.name, o.meta.Pages, o.cached, o.duration)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
	prog.finish()

	for i, j := range jobs {
		o := outs[i]
		l = append(l, o.diags...)
		if o.err != nil {
			return nil, l, fmt.Errorf("%s: %w", j.source, o.err)
		}
		if o.diags.HasErrors() {
			continue
		}
		if o.cached {
			res.Cached++
		} else {
			res.Typeset++
		}
		res.PDFPages += o.meta.Pages
		res.Files[j.name] = o.data
		pd := PageData{PDF: j.name, Bytes: len(o.data), Size: humanSize(len(o.data)), Pages: o.meta.Pages, Print: print}
		for k, p := range j.pages {
			d := pd
			if j.starts && k > 0 {
				d.Page, d.Label = o.meta.Starts[p], o.meta.Labels[p]
			}
			res.Pages[p] = d
		}
	}
	if l.HasErrors() {
		return nil, l, nil
	}
	// The newsletters' e-mail editions.
	for _, n := range cat.Newsletters {
		pd := res.Pages[n.Path]
		html, text, err := email.Edition(cfg, n, pd.PDF, pd.Size)
		if err != nil {
			return nil, l, fmt.Errorf("%s: e-mail edition: %w", n.File, err)
		}
		dir := strings.TrimPrefix(n.Path, "/")
		res.Files[dir+"/email.html"] = html
		res.Files[dir+"/email.txt"] = text
		pd.Email, pd.Text = dir+"/email.html", dir+"/email.txt"
		res.Pages[n.Path] = pd
	}
	l.Sort()
	return res, l, nil
}

// humanSize writes a file size for readers, in KB below 1 MB.
func humanSize(n int) string {
	if n < 1000*1024 {
		return fmt.Sprintf("%d KB", (n+1023)/1024)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1024*1024))
}

// commonInputs are the inputs every document shares: the program, the
// configuration, the edition and the font files.
func commonInputs(cfg catalog.Config, print bool) ([]byte, error) {
	h := pdfcache.NewHasher("common")
	h.String("version", programVersion())
	cb, err := json.Marshal(cfg)
	if err != nil {
		return nil, err
	}
	h.Bytes("config", cb)
	h.String("print", fmt.Sprint(print))
	fps, err := fonts.Fingerprint(cfg.Fonts, pdfcache.FileDigest)
	if err != nil {
		return nil, err
	}
	for _, f := range fps {
		h.String("font", f)
	}
	return []byte(h.Key()), nil
}

// programVersion identifies the program (pdfcache.Program) and this
// package's Version, so that a rebuilt press does not reuse PDFs an older
// one made.
func programVersion() string { return Version + "\n" + pdfcache.Program() }

// imageRef finds the local images a Markdown file refers to.
var imageRef = regexp.MustCompile(`!\[[^\]]*\]\(\s*<?([^)\s>]+)`)

// hashWithImages adds a Markdown file and the local images it shows.
func hashWithImages(h *pdfcache.Hasher, file string) error {
	src, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	h.Bytes("source", src)
	var refs []string
	for _, m := range imageRef.FindAllSubmatch(src, -1) {
		ref := string(m[1])
		if strings.Contains(ref, "://") || strings.HasPrefix(ref, "data:") {
			continue
		}
		refs = append(refs, ref)
	}
	sort.Strings(refs)
	for _, ref := range refs {
		p := filepath.Join(filepath.Dir(file), filepath.FromSlash(ref))
		b, err := picture.ReadFile(p, picture.MaxBytes)
		if err != nil {
			h.String("unreadable", ref+"\x00"+err.Error())
			continue
		}
		h.Bytes("image/"+ref, b)
	}
	return nil
}

// progress reports the PDF work: a bar on a terminal, lines in a log.
type progress struct {
	mu    sync.Mutex
	w     io.Writer
	lang  msg.Lang
	bar   *progressbar.ProgressBar
	total int
	n     int
}

func newProgress(w io.Writer, lang msg.Lang, terminal bool, total int) *progress {
	p := &progress{w: w, lang: lang, total: total}
	if w != nil && terminal && total > 0 {
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(w),
			progressbar.OptionSetDescription("PDF"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetWidth(30),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionThrottle(100*time.Millisecond),
		)
	}
	return p
}

func (p *progress) done(name string, pages int, cached bool, d time.Duration) {
	if p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	p.n++
	if p.bar != nil {
		p.bar.Describe("PDF " + path.Base(name))
		p.bar.Add(1)
		return
	}
	how := p.lang.T("pub.typeset", d.Round(time.Millisecond))
	if cached {
		how = p.lang.T("pub.cached")
	}
	fmt.Fprintln(p.w, p.lang.T("pub.progress", p.n, p.total, name, pages, how))
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
