package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/linkcheck"
	"github.com/zzia/press/internal/pdfcache"
	"github.com/zzia/press/internal/scancache"
	"github.com/zzia/press/internal/search"
)

// pageScan reads pages for the link check and the search index as Hugo
// writes them: the work overlaps rendering and no page is read back.
type pageScan struct {
	links  *linkcheck.Pages
	search *search.Pages // nil when the site has no search page
	queue  chan scannedPage
	wg     sync.WaitGroup
	mu     sync.RWMutex
	closed bool
	// cache, when set, holds the last build's scans: a page that reads
	// the same is taken from there.
	cache func() *scanCache
	// scanned counts the pages, taken those taken from the cache.
	scanned, taken atomic.Int64
}

// scanCache is a build's use of the page scan cache (scancache): the file
// the last build left, and the one this build makes.
type scanCache struct {
	old  *scancache.Cache
	next *scancache.Writer
}

// scannedPage is a page waiting to be scanned: its name and bytes, which
// are the page scan's until done is called.
type scannedPage struct {
	name string
	data []byte
	done func()
}

// newPageScan is the scan of a build. The pages wait on disk for the
// search index and the link check (search.NewPagesOnDisk,
// linkcheck.NewPagesOnDisk): their text and references would otherwise be
// held while Hugo renders the rest of the site, when memory is at its
// highest. close removes the files. With cache (a file in the cache
// folder), a page whose name and bytes are the same as in an earlier build
// is taken from there instead of scanned again; keep then leaves this
// build's scans there.
func newPageScan(withSearch bool, cache string) *pageScan {
	links, err := linkcheck.NewPagesOnDisk("")
	if err != nil {
		links = linkcheck.NewPages()
	}
	var sp *search.Pages
	if withSearch {
		if sp, err = search.NewPagesOnDisk(""); err != nil {
			sp = search.NewPages()
		}
	}
	s := scanInto(links, sp)
	if cache != "" {
		// The old file is read (its checksum) beside Hugo's start.
		s.cache = sync.OnceValue(func() *scanCache {
			program := pdfcache.Program()
			if withSearch {
				program += "\nsearch"
			}
			old := scancache.Open(cache, program)
			return &scanCache{old: old, next: scancache.NewWriter(cache, program, old)}
		})
		go s.cache()
	}
	return s
}

// keep leaves this build's scans in the cache file for the next build,
// once every page is scanned; a build that does not get this far drops
// them (close).
func (s *pageScan) keep() {
	if s.cache != nil {
		// A cache that cannot be written costs the next build time only.
		_ = s.cache().next.Commit()
	}
}

// close lets go of the scanned pages' files, if any.
func (s *pageScan) close() {
	if s.cache != nil {
		c := s.cache()
		c.next.Abort()
		c.old.Close()
	}
	s.links.Close()
	if s.search != nil {
		s.search.Close()
	}
}

// scanInto is a pageScan that adds to pages scanned before (the preview
// keeps them from build to build); sp may be nil.
func scanInto(links *linkcheck.Pages, sp *search.Pages) *pageScan {
	// A short queue: when the workers fall behind, Hugo's writers wait
	// instead of piling up copies of pages (each is held until scanned).
	workers := runtime.GOMAXPROCS(0)
	s := &pageScan{links: links, search: sp, queue: make(chan scannedPage, 2*workers)}
	for range workers {
		s.wg.Go(func() {
			for p := range s.queue {
				s.scan(p.name, p.data)
				p.done()
			}
		})
	}
	return s
}

// scan reads a page once for both the link check and the search index,
// or takes what an earlier build read of the same page from the cache.
func (s *pageScan) scan(name string, data []byte) {
	s.scanned.Add(1)
	var c *scanCache
	var key scancache.Key
	if s.cache != nil {
		c = s.cache()
		key = scancache.KeyOf(name, data)
		if s.take(c, key) {
			return
		}
	}
	// The records of the page, for the cache: the link check's, then the
	// search index's.
	recs := make([][]byte, 1, 2)
	keep := func(i int) func([]byte) {
		if c == nil {
			return nil
		}
		return func(rec []byte) { recs[i] = bytes.Clone(rec) }
	}
	links := s.links.VisitorKeep(name, keep(0))
	if s.search == nil {
		htmlscan.Scan(bytes.NewReader(data), links)
	} else {
		recs = recs[:2]
		htmlscan.Scan(bytes.NewReader(data), links, s.search.VisitorKeep(name, keep(1)))
	}
	if c != nil && !slices.ContainsFunc(recs, func(r []byte) bool { return r == nil }) {
		// (A page not scanned to its end has no link check record.)
		c.next.Add(key, recs...)
	}
}

// take adds the page kept under key in the cache, if there is one, to the
// link check's and the search index's pages.
func (s *pageScan) take(c *scanCache, key scancache.Key) bool {
	recs, _, ok := c.old.Get(key, nil)
	want := 1
	if s.search != nil {
		want = 2
	}
	if !ok || len(recs) != want {
		return false
	}
	// A record that cannot be read: the page is scanned (and added again,
	// as the same page).
	if s.links.Put(recs[0]) != nil {
		return false
	}
	if s.search != nil && s.search.Put(recs[1]) != nil {
		return false
	}
	c.next.Taken(key)
	s.taken.Add(1)
	return true
}

// add queues a page; its bytes are the scan's until it calls done, once
// the page is scanned (site.Options.OnPage). Pages written after wait
// (press's own generated files) are scanned at once.
func (s *pageScan) add(name string, data []byte, done func()) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		s.scan(name, data)
		done()
		return
	}
	s.queue <- scannedPage{name, data, done}
}

// wait finishes the queued scanning once Hugo is done writing.
func (s *pageScan) wait() {
	s.mu.Lock()
	s.closed = true
	close(s.queue)
	s.mu.Unlock()
	s.wg.Wait()
}

// hasSearchPage reports whether the site has a search page (/search/).
func hasSearchPage(src string) bool {
	for _, p := range []string{"content/search.md", "content/search/_index.md", "content/search/index.md"} {
		if _, err := os.Stat(filepath.Join(src, filepath.FromSlash(p))); err == nil {
			return true
		}
	}
	return false
}
