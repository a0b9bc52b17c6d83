package search_test

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/search"
)

// Pages kept on disk until Build asks for them give the index that pages
// held in memory give, and the one Build makes reading every page itself;
// Close leaves nothing in the folder.
func TestPagesOnDisk(t *testing.T) {
	dir := bundled(t)
	site := os.DirFS(dir)
	pages := bundledPages(t)
	mem, tmp := search.NewPages(), t.TempDir()
	disk, err := search.NewPagesOnDisk(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range pages {
		mem.Add(name, src)
		disk.Add(name, src)
	}
	want, err := search.Build(site, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for how, ps := range map[string]*search.Pages{"in memory": mem, "on disk": disk} {
		got, err := search.Build(site, search.Options{Pages: ps})
		if err != nil {
			t.Fatal(how, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the index of the pages %s differs from the index of the site", how)
		}
	}
	if err := disk.Close(); err != nil {
		t.Error(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the pages' file is left: %v", left)
	}
}

// Pages put back from the records VisitorKeep handed over give the index
// the scanned pages give, in memory and on disk; a record cut short, or
// with bytes after it, is refused.
func TestRecordsPutBack(t *testing.T) {
	dir := bundled(t)
	site := os.DirFS(dir)
	scanned := search.NewPages()
	recs := map[string][]byte{}
	for name, src := range bundledPages(t) {
		htmlscan.Scan(bytes.NewReader(src), scanned.VisitorKeep(name, func(rec []byte) { recs[name] = bytes.Clone(rec) }))
	}
	want, err := search.Build(site, search.Options{Pages: scanned})
	if err != nil {
		t.Fatal(err)
	}
	disk, err := search.NewPagesOnDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	for how, ps := range map[string]*search.Pages{"in memory": search.NewPages(), "on disk": disk} {
		for name, rec := range recs {
			if err := ps.Put(rec); err != nil {
				t.Fatalf("%s: %s: %v", how, name, err)
			}
		}
		got, err := search.Build(site, search.Options{Pages: ps})
		if err != nil {
			t.Fatal(how, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the index of the pages put back differs from the index of the pages scanned", how)
		}
	}
	spilled, err := search.NewPagesOnDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spilled.Close()
	for name, rec := range recs {
		if len(rec) > 40 {
			if err := search.NewPages().Put(rec[:len(rec)-3]); err == nil {
				t.Errorf("%s: a record cut short was taken", name)
			}
			// Into a file, a record is checked without being decoded.
			if err := spilled.Put(rec[:len(rec)-3]); err == nil {
				t.Errorf("%s: a record cut short was taken into the file", name)
			}
			if err := spilled.Put(append(bytes.Clone(rec), 0)); err == nil {
				t.Errorf("%s: a record with a byte after it was taken into the file", name)
			}
			break
		}
	}
}
