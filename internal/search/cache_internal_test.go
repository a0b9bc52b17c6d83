package search

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/zzia/press/internal/htmlscan"
)

// TestCacheTakenOnlyForTheSameInput: the cache's files are what Build
// makes, and they are taken only when the pages, the options and the
// program are all the same and the cache file is whole.
func TestCacheTakenOnlyForTheSameInput(t *testing.T) {
	site := fstest.MapFS{
		"index.html":           {Data: []byte(`<main><h1>首页</h1><p>郑州市信息化促进会。</p></main>`)},
		"news/a/index.html":    {Data: []byte(`<main><h1>会员𠀾𪚥</h1><p>表情😀与生僻字𠀾。AI 培训 &lt;报名&gt;。</p></main>`)},
		"news/b/index.html":    {Data: []byte(`<main><h1>白皮书</h1><p>数字经济发展报告。</p></main>`)},
		"notices/c/index.html": {Data: []byte(`<main><h1>通知</h1><p>年会将于十二月举行。</p></main>`)},
	}
	cache := filepath.Join(t.TempDir(), "search", "index")
	build := func(opts Options) Files {
		t.Helper()
		files, err := Build(site, opts)
		if err != nil {
			t.Fatal(err)
		}
		return files
	}
	want := build(Options{})
	if got := build(Options{Cache: cache, Program: "p1"}); !maps.EqualFunc(got, want, bytesEqual) {
		t.Fatal("an index built with a cache differs from one built without")
	}
	if got := build(Options{Cache: cache, Program: "p1"}); !maps.EqualFunc(got, want, bytesEqual) {
		t.Fatal("the index taken from the cache differs from the one built")
	}

	// The cache is read: a file kept for the same input is what Build gives.
	digest := cachedDigest(t, cache)
	marker := Files{"search/marker": []byte("from the cache")}
	if _, err := saveCached(cache, digest, marker, 2); err != nil {
		t.Fatal(err)
	}
	if got := build(Options{Cache: cache, Program: "p1"}); !maps.EqualFunc(got, marker, bytesEqual) {
		t.Fatalf("the cache was not taken for the same input: %d files", len(got))
	}

	// Anything else that makes the index: not taken.
	for name, opts := range map[string]Options{
		"another program":    {Cache: cache, Program: "p2"},
		"another shard size": {Cache: cache, Program: "p1", ShardBytes: 4 << 10},
		"another chunk size": {Cache: cache, Program: "p1", ChunkBytes: 4 << 10},
		"another folder":     {Cache: cache, Program: "p1", Dir: "find"},
	} {
		if _, err := saveCached(cache, digest, marker, 2); err != nil {
			t.Fatal(err)
		}
		if got := build(opts); maps.EqualFunc(got, marker, bytesEqual) {
			t.Errorf("%s: the cache's files were taken", name)
		}
	}
	if _, err := saveCached(cache, digest, marker, 2); err != nil {
		t.Fatal(err)
	}
	edited := maps.Clone(site)
	edited["news/b/index.html"] = &fstest.MapFile{Data: []byte(`<main><h1>白皮书</h1><p>数字经济发展报告（修订）。</p></main>`)}
	got, err := Build(edited, Options{Cache: cache, Program: "p1"})
	if err != nil {
		t.Fatal(err)
	}
	if maps.EqualFunc(got, marker, bytesEqual) {
		t.Error("an edited page: the cache's files were taken")
	}
	fresh, err := Build(edited, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(got, fresh, bytesEqual) {
		t.Error("an edited page: the index differs from one built without a cache")
	}

	// A damaged cache file (a byte changed, or cut short) is not taken.
	for name, damage := range map[string]func([]byte) []byte{
		"a byte of the list changed": func(b []byte) []byte { b[len(b)-33] ^= 1; return b },
		"cut short":                  func(b []byte) []byte { return b[:len(b)-10] },
	} {
		if _, err := saveCached(cache, digest, marker, 2); err != nil {
			t.Fatal(err)
		}
		b, err := os.ReadFile(cache)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(cache, damage(b), 0o600); err != nil {
			t.Fatal(err)
		}
		if got := build(Options{Cache: cache, Program: "p1"}); !maps.EqualFunc(got, want, bytesEqual) {
			t.Errorf("%s: the index differs from the one built", name)
		}
	}
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// cachedDigest reads the input digest a cache file was kept under.
func cachedDigest(t *testing.T, path string) (d [32]byte) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < len(cacheMagic)+len(d) {
		t.Fatalf("no cache file at %s: %v", path, err)
	}
	copy(d[:], b[len(cacheMagic):])
	return d
}

// TestKeptFiles: an index made or taken from the cache comes with files
// on disk that hold each file's bytes; a kept file that was damaged is
// not taken (the index is made again and the file written again), and
// files of other indexes are removed when the cache is written.
func TestKeptFiles(t *testing.T) {
	site := fstest.MapFS{
		"index.html":        {Data: []byte(`<main><h1>首页</h1><p>郑州市信息化促进会。</p></main>`)},
		"news/a/index.html": {Data: []byte(`<main><h1>会员𠀾</h1><p>表情😀与生僻字𪚥。</p></main>`)},
	}
	cache := filepath.Join(t.TempDir(), "search", "index")
	opts := Options{Cache: cache, Program: "p1"}
	want, err := Build(site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	check := func(what string) Built {
		t.Helper()
		got, err := BuildIndex(site, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(got.Files, want, bytesEqual) {
			t.Fatalf("%s: the files differ from an index made without a cache", what)
		}
		if len(got.Kept) != len(got.Files) {
			t.Fatalf("%s: %d of %d files kept", what, len(got.Kept), len(got.Files))
		}
		for name, p := range got.Kept {
			if b, err := os.ReadFile(p); err != nil || string(b) != string(got.Files[name]) {
				t.Errorf("%s: the kept file of %s does not hold its bytes (%v)", what, name, err)
			}
		}
		return got
	}
	check("made anew")
	stale := filepath.Join(keptDir(cache), "0000stale")
	os.WriteFile(stale, []byte("another index's file"), 0o644)
	taken := check("taken from the cache")

	// A kept file damaged (replaced with other bytes, or cut short): the
	// cache is not taken, and the file is written again.
	for name, damage := range map[string][]byte{"other bytes": []byte("damaged"), "cut short": nil} {
		for _, p := range taken.Kept {
			b, _ := os.ReadFile(p)
			if damage == nil {
				damage = b[:len(b)/2]
			}
			os.Remove(p)
			os.WriteFile(p, damage, 0o644)
			break
		}
		if _, _, ok := loadCached(cache, cachedDigest(t, cache), 2); ok {
			t.Errorf("%s: a cache with a damaged kept file was taken", name)
		}
		taken = check("after a kept file was damaged: " + name)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("another index's kept file was left when the cache was written")
	}
}

// TestCacheWithCollectedPages: with pages collected as they were written
// (Pages), the cache is taken when every page reads the same, whether
// scanned or put back from its record, and not when one page's text
// changed, even where the file on disk was not read.
func TestCacheWithCollectedPages(t *testing.T) {
	site := fstest.MapFS{
		"index.html":        {Data: []byte(`<main><h1>首页</h1><p>郑州市信息化促进会。</p></main>`)},
		"news/a/index.html": {Data: []byte(`<main><h1>会员𠀾</h1><p>表情😀与生僻字𪚥。</p></main>`)},
		"news/b/index.html": {Data: []byte(`<main><h1>培训</h1><p>人工智能应用培训。</p></main>`)},
	}
	edited := maps.Clone(site)
	edited["news/b/index.html"] = &fstest.MapFile{Data: []byte(`<main><h1>培训</h1><p>数据安全培训。</p></main>`)}
	cache := filepath.Join(t.TempDir(), "search", "index")
	// collect scans the pages of fsys, all but skip, keeping their records.
	collect := func(fsys fstest.MapFS, skip string) (*Pages, [][]byte) {
		ps := NewPages()
		var recs [][]byte
		for name, f := range fsys {
			if name != skip {
				htmlscan.Scan(bytes.NewReader(f.Data), ps.VisitorKeep(name, func(rec []byte) { recs = append(recs, bytes.Clone(rec)) }))
			}
		}
		return ps, recs
	}
	var lastDigest [32]byte
	build := func(what string, fsys fs.FS, ps *Pages, taken bool, want Files) {
		t.Helper()
		got, err := BuildIndex(fsys, Options{Cache: cache, Program: "p1", Pages: ps})
		if err != nil {
			t.Fatal(err)
		}
		if !maps.EqualFunc(got.Files, want, bytesEqual) {
			t.Errorf("%s: the index differs from one made without a cache", what)
		}
		if got := cachedDigest(t, cache); taken != (got == lastDigest) {
			t.Errorf("%s: cache taken = %v, want %v", what, !taken, taken)
		}
		lastDigest = cachedDigest(t, cache)
	}
	want, err := Build(site, Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantEdited, err := Build(edited, Options{})
	if err != nil {
		t.Fatal(err)
	}
	ps, recs := collect(site, "")
	build("first", site, ps, false, want)
	ps, _ = collect(site, "")
	build("the same pages scanned", site, ps, true, want)
	// Scanned without keeping records, in memory and on disk: the same.
	disk, err := NewPagesOnDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer disk.Close()
	for how, ps := range map[string]*Pages{"in memory": NewPages(), "on disk": disk} {
		for name, f := range site {
			htmlscan.Scan(bytes.NewReader(f.Data), ps.Visitor(name))
		}
		build("the same pages scanned "+how, site, ps, true, want)
	}
	ps = NewPages()
	for _, rec := range recs {
		if err := ps.Put(rec); err != nil {
			t.Fatal(err)
		}
	}
	build("the same pages put back", site, ps, true, want)
	ps, _ = collect(site, "news/a/index.html")
	build("one page read from the site", site, ps, true, want)
	// The edited page's file is the old one: only its scan says it changed.
	ps, _ = collect(edited, "")
	build("one page's text changed", site, ps, false, wantEdited)
}
