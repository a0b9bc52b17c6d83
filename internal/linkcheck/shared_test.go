package linkcheck_test

import (
	"path/filepath"
	"testing"

	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/htmlscan/scantest"
	"github.com/zzia/press/internal/linkcheck"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/search"
	"github.com/zzia/press/internal/testsite"
)

// searchVisitor is the other reader of a shared pass: the search index's.
func searchVisitor(name string) htmlscan.Visitor { return search.NewPages().Visitor(name) }

// The link check finds in htmlscan's tricky pages what it found with a
// tokenizer pass of its own, alone and in a pass shared with the search
// index (before and after it).
func TestSharedScanTrickyPages(t *testing.T) {
	scantest.AgreeAll(t, scantest.TrickyPages(t), linkcheck.ScanDiff, searchVisitor)
}

// The same on every page of the bundled site.
func TestSharedScanBundledSite(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the bundled site")
	}
	tmp := t.TempDir()
	out := filepath.Join(tmp, "public")
	if _, err := pipeline.Build(pipeline.Options{Source: testsite.Root(), Dest: out, CacheDir: filepath.Join(tmp, "cache")}); err != nil {
		t.Fatal(err)
	}
	scantest.AgreeAll(t, scantest.SitePages(t, out, 100), linkcheck.ScanDiff, searchVisitor)
}
