// Package linkcheck finds broken internal links in a built site: links and
// image, script and stylesheet references in every HTML page, and the links
// in feeds and sitemaps, checked against the files of the site and the ids
// of the page they point into.
package linkcheck

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"golang.org/x/net/html"

	"github.com/zzia/press/internal/editdist"
	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/spool"
)

// Broken is one reference to something the site does not have.
type Broken struct {
	Page   string // the output file holding the reference, e.g. "news/x/index.html"
	Target string // the reference as written, e.g. "/membership/fee/#a"
	Reason string // "missing" or "missing anchor"
	// Near is, for a missing anchor, the target page's id closest to it
	// when one is close (an editor's "#小结😀" where Hugo made "小结"),
	// else "".
	Near string
}

// refAttrs are the attributes that reference another resource, per element.
var refAttrs = map[string][]string{
	"a": {"href"}, "area": {"href"}, "link": {"href"}, "img": {"src", "srcset"},
	"script": {"src"}, "source": {"src", "srcset"}, "video": {"src", "poster"},
	"audio": {"src"}, "iframe": {"src"}, "embed": {"src"}, "object": {"data"},
	"use": {"href", "xlink:href"}, "image": {"href", "xlink:href"},
}

// xmlLink finds URLs in RSS, Atom and sitemap files.
var xmlLink = regexp.MustCompile(`<(?:link|loc|guid)[^>]*>([^<]+)</|<link[^>]+href="([^"]+)"`)

// page is what the checker knows of one HTML file. The pages of a site
// are held while the site is rendered (Pages), so each holds no more than
// it needs: its references and ids in slices of their exact length, the
// strings shared with the other pages (interner).
type page struct {
	ids  idSet
	refs []string
}

// idSet is the ids of a page, sorted, each once.
type idSet []string

// newIDSet is the set of ids, which it may reorder.
func newIDSet(ids []string) idSet {
	slices.Sort(ids)
	return idSet(slices.Clone(slices.Compact(ids)))
}

// has reports whether id is in s.
func (s idSet) has(id string) bool {
	_, ok := slices.BinarySearch(s, id)
	return ok
}

// Pages collects the references and ids of pages as the site generator
// writes them, so Check need not read them back. It is safe for concurrent use.
type Pages struct {
	// refs holds one copy of each reference: the menus and footers of a
	// site repeat the same links on every page.
	refs  interner
	store *spool.Store[*page]
}

// NewPages returns an empty collection.
func NewPages() *Pages {
	ps := &Pages{}
	ps.store = spool.NewStore(appendPage, func(r *bufio.Reader) (string, *page, error) {
		return readPage(r, ps.refs.reader())
	}).CheckWith(func(r *bufio.Reader) error {
		_, _, err := readPage(r, skipString())
		return err
	})
	return ps
}

// pageInterner is the interner of the strings of a page about to be added:
// the collection's own when pages are held in memory, the page's own when
// they wait in a file (their strings are read back, and shared, only when
// the check asks for them, after Hugo's render).
func (ps *Pages) pageInterner() *interner {
	if ps.store.Spilled() {
		return new(interner)
	}
	return &ps.refs
}

// Add scans the HTML page written at name (slash-separated, relative to the
// site root).
func (ps *Pages) Add(name string, data []byte) {
	htmlscan.Scan(bytes.NewReader(data), ps.Visitor(name))
}

// Visitor scans the HTML page written at name as Add does, in a scan
// shared with other readers of the page (see htmlscan.Scan): the page is
// added when the scan ends.
func (ps *Pages) Visitor(name string) htmlscan.Visitor {
	return ps.VisitorKeep(name, nil)
}

// VisitorKeep is Visitor, and also hands keep (when not nil) the page's
// record when the page is added: Put takes it back for a page with the
// same name and bytes. keep may not hold on to rec. A page that cannot be
// scanned to its end has no record.
func (ps *Pages) VisitorKeep(name string, keep func(rec []byte)) htmlscan.Visitor {
	return &scanner{pg: &page{}, refs: ps.pageInterner(), end: func(pg *page, err error) {
		if err != io.EOF {
			return // Check scans it again from the file and reports the error
		}
		ps.store.Add(name, pg, keep)
	}}
}

// Put adds a page from its record, as VisitorKeep handed it over: the
// same as scanning the page again. A record that cannot be read is an
// error, and nothing is added.
func (ps *Pages) Put(rec []byte) error { return ps.store.Put(rec) }

// interner hands out one string for equal byte strings.
type interner struct {
	mu   sync.Mutex
	strs map[string]string
}

func (in *interner) get(b []byte) string {
	in.mu.Lock()
	defer in.mu.Unlock()
	if s, ok := in.strs[string(b)]; ok {
		return s
	}
	if in.strs == nil {
		in.strs = map[string]string{}
	}
	s := string(b)
	in.strs[s] = s
	return s
}

// get is the page written at name, nil when the collection lacks it. The
// first get reads back the pages on disk; if they cannot be read, the
// check reads every page from the site.
func (ps *Pages) get(name string) *page {
	if ps == nil {
		return nil
	}
	pg, _ := ps.store.Get(name)
	return pg
}

// Check scans every HTML and XML file in site. base is the site's
// base URL (e.g. "https://www.zzia.example/"); absolute links to its host are
// internal too. The result is sorted by page and target.
func Check(site fs.FS, base string) ([]Broken, error) {
	return CheckPages(site, base, nil)
}

// CheckPages is Check with pages already scanned (see Pages); the pages it
// lacks are read from site.
func CheckPages(site fs.FS, base string, known *Pages) ([]Broken, error) {
	if _, err := url.Parse(base); err != nil {
		return nil, err
	}
	w, err := walkSite(site)
	if err != nil {
		return nil, err
	}
	return checkWalked(site, w, base, known)
}

// CheckListed is CheckPages on a site whose files the caller has listed
// already (files: every file of site, slash-separated, as fs.WalkDir
// gives them; no directories): site is not walked again.
func CheckListed(site fs.FS, files []string, base string, known *Pages) ([]Broken, error) {
	return checkWalked(site, listed(files), base, known)
}

// checkWalked is CheckPages on the files w of site.
func checkWalked(site fs.FS, w walked, base string, known *Pages) ([]Broken, error) {
	bu, err := url.Parse(base)
	if err != nil {
		return nil, err
	}
	scanned, err := scanPages(site, w.html, known)
	if err != nil {
		return nil, err
	}
	pages := make(map[string]*page, len(w.html))
	for i, p := range w.html {
		pages[p] = scanned[i]
	}
	xmlRefs := map[string][]string{}
	for _, p := range w.xml {
		b, err := fs.ReadFile(site, p)
		if err != nil {
			return nil, err
		}
		if refs := xmlRefsOf(b); len(refs) > 0 {
			xmlRefs[p] = refs
		}
	}

	var out []Broken
	rs := &resolver{bu: bu, basePath: basePath(bu), files: w.files, once: map[string]resolved{}}
	rs.ids = func(file string) (idSet, bool) {
		if pg := pages[file]; pg != nil {
			return pg.ids, true
		}
		return nil, false
	}
	for p, pg := range pages {
		for _, r := range pg.refs {
			out = rs.check(out, p, r, false)
		}
	}
	for p, refs := range xmlRefs {
		for _, r := range refs {
			out = rs.check(out, p, r, true)
		}
	}
	sortBroken(out)
	return out, nil
}

// sortBroken sorts by page and target (the order Check returns).
func sortBroken(out []Broken) {
	sort.Slice(out, func(i, j int) bool {
		if out[i].Page != out[j].Page {
			return out[i].Page < out[j].Page
		}
		return out[i].Target < out[j].Target
	})
}

// walked is the files of a site: all of them, and its HTML and XML files.
type walked struct {
	files     map[string]bool
	html, xml []string
}

// walkSite lists the files of site.
func walkSite(site fs.FS) (walked, error) {
	w := walked{files: map[string]bool{}}
	err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			w.add(p)
		}
		return nil
	})
	return w, err
}

// listed is the walked of the files listed.
func listed(files []string) walked {
	w := walked{files: make(map[string]bool, len(files))}
	for _, p := range files {
		w.add(p)
	}
	return w
}

// add adds the file p.
func (w *walked) add(p string) {
	w.files[p] = true
	switch path.Ext(p) {
	case ".html", ".htm":
		w.html = append(w.html, p)
	case ".xml":
		w.xml = append(w.xml, p)
	}
}

// walkAndScan lists the files of site and scans its HTML pages (see
// scanPages): the scans are in the order of w.html.
func walkAndScan(site fs.FS, known *Pages) (w walked, scanned []*page, err error) {
	if w, err = walkSite(site); err != nil {
		return w, nil, err
	}
	scanned, err = scanPages(site, w.html, known)
	return w, scanned, err
}

// scanPages returns the scans of the HTML files names of site: known's,
// or else read from site on every core.
func scanPages(site fs.FS, names []string, known *Pages) ([]*page, error) {
	// Each worker fills its own slots.
	var refs interner
	scanned := make([]*page, len(names))
	errs := make([]error, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(names) {
					return
				}
				if pg := known.get(names[i]); pg != nil {
					scanned[i] = pg
					continue
				}
				f, err := site.Open(names[i])
				if err != nil {
					errs[i] = err
					continue
				}
				scanned[i], errs[i] = scanHTML(f, &refs)
				f.Close()
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return scanned, nil
}

// xmlRefsOf returns the URLs in an RSS, Atom or sitemap file.
func xmlRefsOf(b []byte) []string {
	var refs []string
	for _, m := range xmlLink.FindAllSubmatch(b, -1) {
		refs = append(refs, html.UnescapeString(string(bytes.TrimSpace(append(m[1], m[2]...)))))
	}
	return refs
}

// resolved is what a reference resolves to.
type resolved struct {
	file, frag string
	ok, found  bool
	deps       []int32 // the names read (Checker)
}

// resolver checks references against one state of a site.
type resolver struct {
	bu       *url.URL
	basePath string
	files    map[string]bool
	// ids returns the ids of the HTML page file; false when file is not one.
	ids func(file string) (idSet, bool)
	// The menus and footers repeat the same absolute links on every page:
	// a reference that resolves the same from any page is resolved once.
	once map[string]resolved
	// deps, when set, numbers the names the lookup of a path reads, and
	// dep receives them for every reference checked (Checker).
	deps func(p string) []int32
	dep  func([]int32)
}

// check appends to out what is broken of reference ref in file from;
// isXML says from is a feed or sitemap (their anchors are not checked).
func (rs *resolver) check(out []Broken, from, ref string, isXML bool) []Broken {
	r, seen := rs.once[ref]
	if !seen {
		target, frag, ok, relative := resolve(from, ref, rs.bu, rs.basePath)
		r = resolved{frag: frag, ok: ok}
		if ok {
			r.file, r.found = lookup(rs.files, target)
			if rs.deps != nil {
				r.deps = rs.deps(target)
			}
		}
		if !relative {
			rs.once[ref] = r
		}
	}
	if !r.ok {
		return out
	}
	if rs.dep != nil {
		rs.dep(r.deps)
	}
	file, found, frag := r.file, r.found, r.frag
	if !found {
		return append(out, Broken{Page: from, Target: ref, Reason: "missing"})
	}
	if frag == "" || isXML {
		return out
	}
	if ids, ok := rs.ids(file); ok && !ids.has(frag) && frag != "top" {
		out = append(out, Broken{Page: from, Target: ref, Reason: "missing anchor", Near: nearestID(frag, ids)})
	}
	return out
}

// nearestID is the id of ids closest to frag by edit distance, if one is
// within a third of frag's length (plus one); of equally close ids, the
// first in byte order.
func nearestID(frag string, ids idSet) string {
	best, bestD := "", utf8.RuneCountInString(frag)/3+2
	for _, id := range ids {
		if d := editdist.Distance(frag, id); d < bestD || d == bestD && best != "" && id < best {
			best, bestD = id, d
		}
	}
	return best
}

// scanHTML collects the ids and references of one page, each reference
// as refs hands it out.
func scanHTML(r io.Reader, refs *interner) (*page, error) {
	var (
		out *page
		err error
	)
	htmlscan.Scan(r, &scanner{pg: &page{}, refs: refs, end: func(pg *page, e error) {
		if e == io.EOF {
			out = pg
		} else {
			err = e
		}
	}})
	return out, err
}

// scanner is the link check's reader of a page's tokens: it collects the
// page's ids and references, then hands the page to end with the error
// that ended the scan (io.EOF for the whole page read).
type scanner struct {
	pg   *page
	ids  []string // the page's ids as found
	refs *interner
	end  func(pg *page, err error)
}

// Token reads the ids and references of a start or self-closing tag.
func (s *scanner) Token(t *htmlscan.Token) bool {
	if t.Type != html.StartTagToken && t.Type != html.SelfClosingTagToken {
		return true
	}
	attrs := refAttrs[string(t.Name)]
	isA := string(t.Name) == "a"
	for _, at := range t.Attrs() {
		s.pg.attr(at.Key, at.Val, isA, attrs, s.refs, &s.ids)
	}
	return true
}

// attr records the attribute k="v" of a tag (an a when isA) whose
// reference attributes are attrs (its refAttrs): an id (or an a's name)
// as a target, appended to ids (End makes them the page's idSet), a
// reference attribute's URL (each URL of a srcset) as refs hands it out.
// Both are strings of refs: the ids of the templates (nav, main) are on
// every page.
func (pg *page) attr(k, v []byte, isA bool, attrs []string, refs *interner, ids *[]string) {
	if string(k) == "id" || (isA && string(k) == "name") {
		*ids = append(*ids, refs.get(v))
		return
	}
	for _, a := range attrs {
		if string(k) != a {
			continue
		}
		if a == "srcset" {
			for _, c := range bytes.Split(v, []byte(",")) {
				if f := bytes.Fields(c); len(f) > 0 {
					pg.refs = append(pg.refs, refs.get(f[0]))
				}
			}
		} else {
			pg.refs = append(pg.refs, refs.get(v))
		}
	}
}

// End hands the page over, its slices cut to their length.
func (s *scanner) End(err error) {
	s.pg.ids = newIDSet(s.ids)
	s.pg.refs = slices.Clone(s.pg.refs)
	s.end(s.pg, err)
}

// resolve turns a reference found in page from into a site path and a
// fragment; ok is false for external and non-HTTP references. relative
// says that the result depends on from (a relative or fragment-only
// reference).
func resolve(from, ref string, base *url.URL, basePath string) (target, frag string, ok, relative bool) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return "", "", false, false
	}
	u, err := url.Parse(ref)
	if err != nil {
		return "", "", false, false
	}
	if u.Scheme != "" && u.Scheme != "http" && u.Scheme != "https" {
		return "", "", false, false // mailto:, tel:, data:, javascript:
	}
	if u.Host != "" && !strings.EqualFold(u.Host, base.Host) {
		return "", "", false, false
	}
	p := u.Path
	if p == "" {
		p = "/" + from // a fragment-only link points into its own page
		relative = true
	} else if !strings.HasPrefix(p, "/") {
		p = path.Join("/"+path.Dir(from), p)
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
		relative = true
	} else if strings.HasPrefix(p, basePath) {
		p = "/" + strings.TrimPrefix(p, basePath)
	}
	return p, u.Fragment, true, relative
}

// lookup finds the file a URL path serves: the file itself, or index.html
// in the directory.
func lookup(files map[string]bool, p string) (string, bool) {
	clean := strings.TrimPrefix(path.Clean(p), "/")
	if clean == "" || clean == "." {
		return "index.html", files["index.html"]
	}
	if strings.HasSuffix(p, "/") {
		f := clean + "/index.html"
		return f, files[f]
	}
	if files[clean] {
		return clean, true
	}
	f := clean + "/index.html"
	return f, files[f]
}

// lookupNames are the files lookup(files, p) reads ("" for none): its
// result depends on their existence alone.
func lookupNames(p string) [2]string {
	clean := strings.TrimPrefix(path.Clean(p), "/")
	if clean == "" || clean == "." {
		return [2]string{"index.html", ""}
	}
	if strings.HasSuffix(p, "/") {
		return [2]string{clean + "/index.html", ""}
	}
	return [2]string{clean, clean + "/index.html"}
}
