package search_test

import (
	"bytes"
	"testing"

	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/htmlscan/scantest"
	"github.com/zzia/press/internal/linkcheck"
	"github.com/zzia/press/internal/search"
)

// linksVisitor is the other reader of a shared pass: the link check's.
func linksVisitor(name string) htmlscan.Visitor { return linkcheck.NewPages().Visitor(name) }

// The search extracts from htmlscan's tricky pages what it extracted with a
// tokenizer pass of its own, alone and in a pass shared with the link check
// (before and after it).
func TestSharedScanTrickyPages(t *testing.T) {
	scantest.AgreeAll(t, scantest.TrickyPages(t), search.ExtractDiff, linksVisitor)
}

// bundledPages are the HTML pages of the bundled site, by name.
func bundledPages(t testing.TB) map[string][]byte {
	return scantest.SitePages(t, bundled(t), 100)
}

// The same on every page of the bundled site.
func TestSharedScanBundledSite(t *testing.T) {
	scantest.AgreeAll(t, bundledPages(t), search.ExtractDiff, linksVisitor)
}

// BenchmarkPageScan reads every page of the bundled site for the link
// check and the search index: in one tokenizer pass shared by both, and in
// a pass each (as before htmlscan).
func BenchmarkPageScan(b *testing.B) {
	pages := bundledPages(b)
	size := 0
	for _, src := range pages {
		size += len(src)
	}
	b.Run("shared", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			links, sp := linkcheck.NewPages(), search.NewPages()
			for name, src := range pages {
				htmlscan.Scan(bytes.NewReader(src), links.Visitor(name), sp.Visitor(name))
			}
		}
	})
	b.Run("separate", func(b *testing.B) {
		b.SetBytes(int64(size))
		for b.Loop() {
			links, sp := linkcheck.NewPages(), search.NewPages()
			for name, src := range pages {
				links.Add(name, src)
				sp.Add(name, src)
			}
		}
	})
}
