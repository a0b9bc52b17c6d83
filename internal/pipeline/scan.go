package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"sync"

	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/linkcheck"
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
}

type scannedPage struct {
	name string
	data []byte
}

// newPageScan is the scan of a build. The pages wait on disk for the
// search index and the link check (search.NewPagesOnDisk,
// linkcheck.NewPagesOnDisk): their text and references would otherwise be
// held while Hugo renders the rest of the site, when memory is at its
// highest. close removes the files.
func newPageScan(withSearch bool) *pageScan {
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
	return scanInto(links, sp)
}

// close lets go of the scanned pages' files, if any.
func (s *pageScan) close() {
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
				s.scan(p)
			}
		})
	}
	return s
}

// scan reads a page once for both the link check and the search index.
func (s *pageScan) scan(p scannedPage) {
	links := s.links.Visitor(p.name)
	if s.search == nil {
		htmlscan.Scan(bytes.NewReader(p.data), links)
		return
	}
	htmlscan.Scan(bytes.NewReader(p.data), links, s.search.Visitor(p.name))
}

// add queues a page; Hugo hands over the bytes and does not reuse them.
// Pages written after wait (press's own generated files) are scanned at once.
func (s *pageScan) add(name string, data []byte) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		s.scan(scannedPage{name, data})
		return
	}
	s.queue <- scannedPage{name, data}
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
