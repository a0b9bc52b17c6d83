package linkcheck

import (
	"bytes"
	"os"
	"reflect"
	"testing"
	"testing/fstest"

	"github.com/zzia/press/internal/htmlscan"
)

// Pages kept on disk until the check asks for them give the check's result
// that pages held in memory give, hold nothing in memory before, and
// leave nothing in the folder once closed.
func TestPagesOnDisk(t *testing.T) {
	site := fstest.MapFS{
		"index.html":   {Data: []byte(`<nav id="nav"><a href="/a/">a</a><a href="/a/#x">x</a><a href="/a/#gone">gone</a><a href="/missing/">m</a><img srcset="/i.png 1x, /j.png 2x"></nav>`)},
		"a/index.html": {Data: []byte(`<nav id="nav"><a href="/">home</a></nav><h2 id="x">x</h2><p>no refs</p>`)},
		"b/index.html": {Data: []byte(`<p>nothing</p>`)},
		"i.png":        {Data: []byte("png")},
	}
	files := []string{"a/index.html", "b/index.html", "i.png", "index.html"}
	mem, tmp := NewPages(), t.TempDir()
	disk, err := NewPagesOnDisk(tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	for _, f := range files {
		if f != "i.png" {
			mem.Add(f, site[f].Data)
			disk.Add(f, site[f].Data)
		}
	}
	if disk.store.Held() != 0 || len(disk.refs.strs) != 0 {
		t.Errorf("%d pages and %d of their strings in memory before they are asked for", disk.store.Held(), len(disk.refs.strs))
	}
	want, err := CheckListed(site, files, "https://h.example/", mem)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 3 {
		t.Errorf("want 3 broken references, got %v", want)
	}
	got, err := CheckListed(site, files, "https://h.example/", disk)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("pages on disk: got\n%v\nwant\n%v", got, want)
	}
	for _, f := range []string{"index.html", "a/index.html", "b/index.html"} {
		if m, d := mem.get(f), disk.get(f); !reflect.DeepEqual(m, d) {
			t.Errorf("%s read back as %+v, want %+v", f, d, m)
		}
	}
	if err := disk.Close(); err != nil {
		t.Error(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the pages' file is left: %v", left)
	}
}

// A page put back from the record VisitorKeep handed over is the page the
// scan found, in memory and on disk; a record cut short is refused.
func TestRecordsPutBack(t *testing.T) {
	site := fstest.MapFS{
		"index.html":   {Data: []byte(`<nav id="nav"><a href="/a/">a</a><a href="/a/#x">x</a><a href="/a/#gone">gone</a><a href="/missing/">𠀾</a><img srcset="/i.png 1x, /j.png 2x"></nav>`)},
		"a/index.html": {Data: []byte(`<nav id="nav"><a href="/">首页😀</a></nav><h2 id="x">x</h2><h2 id="生僻字𪚥">y</h2>`)},
		"i.png":        {Data: []byte("png")},
	}
	files := []string{"a/index.html", "i.png", "index.html"}
	scanned := NewPages()
	recs := map[string][]byte{}
	for _, f := range []string{"index.html", "a/index.html"} {
		htmlscan.Scan(bytes.NewReader(site[f].Data), scanned.VisitorKeep(f, func(rec []byte) { recs[f] = bytes.Clone(rec) }))
	}
	want, err := CheckListed(site, files, "https://h.example/", scanned)
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 3 {
		t.Fatalf("want 3 broken references, got %v", want)
	}
	disk, err := NewPagesOnDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	for how, ps := range map[string]*Pages{"in memory": NewPages(), "on disk": disk} {
		for f, rec := range recs {
			if err := ps.Put(rec); err != nil {
				t.Fatalf("%s: %s: %v", how, f, err)
			}
		}
		got, err := CheckListed(site, files, "https://h.example/", ps)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: pages put back from records: got\n%v\nwant\n%v", how, got, want)
		}
	}
	rec := recs["index.html"]
	if err := NewPages().Put(rec[:len(rec)-3]); err == nil {
		t.Error("a record cut short was taken")
	}
	spilled, err := NewPagesOnDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer spilled.Close()
	if err := spilled.Put(rec[:len(rec)-3]); err == nil {
		t.Error("a record cut short was taken into the file")
	}
	if err := spilled.Put(append(bytes.Clone(rec), 0)); err == nil {
		t.Error("a record with a byte after it was taken into the file")
	}
	// A page put into the file shares no strings until it is read back.
	if err := spilled.Put(rec); err != nil {
		t.Fatal(err)
	}
	if n := len(spilled.refs.strs); n != 0 {
		t.Errorf("%d strings interned before the pages were read back", n)
	}
}
