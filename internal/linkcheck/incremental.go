package linkcheck

import (
	"bytes"
	"io/fs"
	"maps"
	"net/url"
	"slices"
	"strings"
)

// Checker checks a site again and again as it changes (the preview). It
// keeps what it found in each page and, at each Check, checks again only
//
//   - the pages scanned since the last Check (see Pages) and the other
//     HTML and XML files whose bytes changed, and
//   - the pages with a reference whose result read a file that has since
//     appeared or disappeared, or a page whose ids have changed:
//
// the result of every other page is what it was, since nothing it was
// made of changed. Check's result is therefore CheckPages's on the same
// site, but for the files Stale names. The zero Checker is ready to use; it
// is not safe for concurrent use.
type Checker struct {
	// Stale, when set, names the files that are not checked for now
	// (the preview's sitemap, left out of date until it is asked for):
	// their references are not followed, though they exist as targets.
	// Each is checked at the first Check that no longer names it.
	Stale func(name string) bool

	base     string
	bu       *url.URL
	basePath string

	files map[string]bool    // the site's files at the last Check
	pages map[string]*result // the HTML pages' results, by file
	xml   map[string]*result // the XML files' results, by file

	// Every file name a result has read is numbered: a result keeps the
	// numbers (result.deps), compact and quick to test against the
	// names that changed.
	num   map[string]int32
	names []string
	// mark[n] is stamp when name n is in the deps of the result being
	// made: each is kept once.
	mark  []uint32
	stamp uint32
}

// result is what the checker keeps of one file.
type result struct {
	pg     *page    // the scan checked (HTML)
	data   []byte   // the bytes checked (XML)
	refs   []string // the references found in data (XML)
	deps   []int32  // the files read: their existence, or their ids
	broken []Broken
}

// reset forgets every result: the next Check checks everything.
func (c *Checker) reset() {
	c.files = nil
	c.pages = map[string]*result{}
	c.xml = map[string]*result{}
	c.num = map[string]int32{}
	c.names, c.mark, c.stamp = nil, nil, 0
}

// next starts the deps of another result (see mark).
func (c *Checker) next() {
	c.stamp++
	if c.stamp == 0 { // wrapped: no mark may look current
		clear(c.mark)
		c.stamp = 1
	}
}

// Check is CheckPages(site, base, known) for the site as it is now: the
// pages known has are taken as the site's (as CheckPages does), a page
// known scanned again since the last Check being a changed page. After an
// error, or with another base, Check checks everything.
func (c *Checker) Check(site fs.FS, base string, known *Pages) (out []Broken, err error) {
	defer func() {
		if err != nil {
			c.reset()
		}
	}()
	if c.pages == nil || base != c.base {
		bu, err := url.Parse(base)
		if err != nil {
			return nil, err
		}
		c.reset()
		c.base, c.bu, c.basePath = base, bu, basePath(bu)
	}
	w, scanned, err := walkAndScan(site, known)
	if err != nil {
		return nil, err
	}
	if c.Stale != nil {
		w.html, scanned = leaveStale(w.html, scanned, c.Stale)
		w.xml, _ = leaveStale(w.xml, nil, c.Stale)
	}
	xmlData := make([][]byte, len(w.xml))
	for i, p := range w.xml {
		if xmlData[i], err = fs.ReadFile(site, p); err != nil {
			return nil, err
		}
	}

	// The names whose existence or ids changed.
	changed := map[string]bool{}
	if c.files != nil {
		for f := range w.files {
			if !c.files[f] {
				changed[f] = true
			}
		}
		for f := range c.files {
			if !w.files[f] {
				changed[f] = true
			}
		}
	}
	for _, m := range []map[string]*result{c.pages, c.xml} {
		maps.DeleteFunc(m, func(name string, _ *result) bool {
			return !w.files[name] || c.Stale != nil && c.Stale(name)
		})
	}
	// The files to check again: the new and the changed ones first.
	again := map[*result]string{}
	for i, p := range w.html {
		r := c.pages[p]
		if r != nil && r.pg == scanned[i] {
			continue
		}
		if r == nil {
			r = &result{}
			c.pages[p] = r
		} else if !sameIDs(r.pg.ids, scanned[i].ids) {
			changed[p] = true
		}
		r.pg = scanned[i]
		again[r] = p
	}
	for i, p := range w.xml {
		r := c.xml[p]
		if r != nil && bytes.Equal(r.data, xmlData[i]) {
			continue
		}
		if r == nil {
			r = &result{}
			c.xml[p] = r
		}
		r.data, r.refs = xmlData[i], xmlRefsOf(xmlData[i])
		again[r] = p
	}
	// Then those that read a name that changed.
	if len(changed) > 0 {
		hit := make([]bool, len(c.names))
		read := false // a result read one of them
		for n := range changed {
			if i, ok := c.num[n]; ok {
				hit[i], read = true, true
			}
		}
		for _, m := range []map[string]*result{c.pages, c.xml} {
			for p, r := range m {
				if _, ok := again[r]; ok || !read {
					continue
				}
				for _, d := range r.deps {
					if hit[d] {
						again[r] = p
						break
					}
				}
			}
		}
	}
	c.files = w.files

	rs := &resolver{bu: c.bu, basePath: c.basePath, files: w.files, once: map[string]resolved{}, deps: c.deps}
	rs.ids = func(file string) (idSet, bool) {
		if r := c.pages[file]; r != nil {
			return r.pg.ids, true
		}
		return nil, false
	}
	var r *result
	rs.dep = func(ds []int32) {
		for _, d := range ds {
			if c.mark[d] != c.stamp {
				c.mark[d] = c.stamp
				r.deps = append(r.deps, d)
			}
		}
	}
	for rr, p := range again {
		r = rr
		r.broken, r.deps = r.broken[:0], r.deps[:0]
		c.next()
		if r.pg != nil {
			for _, ref := range r.pg.refs {
				r.broken = rs.check(r.broken, p, ref, false)
			}
		} else {
			for _, ref := range r.refs {
				r.broken = rs.check(r.broken, p, ref, true)
			}
		}
		r.deps = slices.Clip(r.deps)
		if len(r.broken) == 0 {
			r.broken = nil
		}
	}

	for _, m := range []map[string]*result{c.pages, c.xml} {
		for _, r := range m {
			out = append(out, r.broken...)
		}
	}
	sortBroken(out)
	return out, nil
}

// leaveStale is names without those stale names, and scanned (when not
// nil, a scan for each name) without theirs.
func leaveStale(names []string, scanned []*page, stale func(string) bool) ([]string, []*page) {
	var keptNames []string
	var keptScans []*page
	for i, n := range names {
		if stale(n) {
			continue
		}
		keptNames = append(keptNames, n)
		if scanned != nil {
			keptScans = append(keptScans, scanned[i])
		}
	}
	return keptNames, keptScans
}

// deps numbers the names a reference to target p reads (see lookup).
func (c *Checker) deps(p string) []int32 {
	var d []int32
	for _, n := range lookupNames(p) {
		if n == "" {
			continue
		}
		i, ok := c.num[n]
		if !ok {
			i = int32(len(c.names))
			c.num[n] = i
			c.names = append(c.names, n)
			c.mark = append(c.mark, 0)
		}
		d = append(d, i)
	}
	return d
}

// sameIDs reports whether a and b hold the same ids.
func sameIDs(a, b idSet) bool {
	return slices.Equal(a, b)
}

// basePath is the path of the base URL bu, ending in a slash.
func basePath(bu *url.URL) string {
	p := bu.Path
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}
