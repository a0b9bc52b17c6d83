package scancache

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// pages of a small site: name → bytes.
var pages = map[string]string{
	"index.html":        "<main><h1>首页</h1></main>",
	"news/a/index.html": "<main><h1>会员𠀾😀</h1><a href=\"/news/b/\">b</a></main>",
	"news/b/index.html": "<main><h1>白皮书</h1></main>",
}

// records stands for what a scan finds in a page: two records.
func records(name string) [][]byte {
	return [][]byte{[]byte("links of " + name), []byte("search of " + name + " " + pages[name])}
}

func commitAll(t *testing.T, path, program string, old *Cache, names ...string) {
	t.Helper()
	w := NewWriter(path, program, old)
	for _, n := range names {
		k := KeyOf(n, []byte(pages[n]))
		if _, _, ok := old.Get(k, nil); ok {
			w.Taken(k)
		} else {
			w.Add(k, records(n)...)
		}
	}
	if err := w.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestRoundTrip(t *testing.T) {
	path := filepath.Join(t.TempDir(), "scan", "pages")
	if Open(path, "p1") != nil {
		t.Fatal("a cache where there is no file")
	}
	commitAll(t, path, "p1", nil, "index.html", "news/a/index.html", "news/b/index.html")
	c := Open(path, "p1")
	if c == nil || c.Len() != 3 {
		t.Fatalf("the cache written is not read back whole: %v", c)
	}
	defer c.Close()
	for n := range pages {
		recs, _, ok := c.Get(KeyOf(n, []byte(pages[n])), nil)
		if !ok || !slices.EqualFunc(recs, records(n), func(a, b []byte) bool { return string(a) == string(b) }) {
			t.Errorf("%s: got %q", n, recs)
		}
	}
	// Another name or other bytes: another key.
	if _, _, ok := c.Get(KeyOf("news/c/index.html", []byte(pages["news/b/index.html"])), nil); ok {
		t.Error("a page under another name was found")
	}
	if _, _, ok := c.Get(KeyOf("news/b/index.html", []byte(pages["news/b/index.html"]+" ")), nil); ok {
		t.Error("a page with other bytes was found")
	}
	if Open(path, "p2") != nil {
		t.Error("another program's cache was read")
	}
}

// A damaged file (a byte changed anywhere, or cut short) is not read.
func TestDamagedNotRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pages")
	commitAll(t, path, "p1", nil, "index.html", "news/a/index.html")
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, at := range []int{0, len(good) / 3, len(good) / 2, len(good) - 40, len(good) - 1} {
		b := slices.Clone(good)
		b[at] ^= 0x20
		os.WriteFile(path, b, 0o600)
		if c := Open(path, "p1"); c != nil {
			t.Errorf("a byte changed at %d of %d: read", at, len(good))
			c.Close()
		}
	}
	for _, n := range []int{1, 32, 48, len(good) / 2} {
		os.WriteFile(path, good[:len(good)-n], 0o600)
		if c := Open(path, "p1"); c != nil {
			t.Errorf("cut short by %d bytes: read", n)
			c.Close()
		}
	}
}

// A build that took every page from the cache leaves the file as it was;
// one with fewer pages, or a page changed, writes a new one with just its
// pages; an aborted one changes nothing.
func TestWriterKeepsOrReplaces(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pages")
	all := []string{"index.html", "news/a/index.html", "news/b/index.html"}
	commitAll(t, path, "p1", nil, all...)
	inode := func() os.FileInfo {
		fi, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		return fi
	}
	before := inode()
	old := Open(path, "p1")
	commitAll(t, path, "p1", old, all...)
	old.Close()
	if !os.SameFile(before, inode()) {
		t.Error("a build that took every page wrote the file again")
	}

	old = Open(path, "p1")
	commitAll(t, path, "p1", old, "index.html", "news/a/index.html")
	old.Close()
	c := Open(path, "p1")
	if c == nil || c.Len() != 2 {
		t.Fatalf("after a build of two pages: %v", c)
	}
	if recs, _, ok := c.Get(KeyOf("news/a/index.html", []byte(pages["news/a/index.html"])), nil); !ok || string(recs[1]) != string(records("news/a/index.html")[1]) {
		t.Error("a page taken from the old file was not copied into the new one")
	}
	c.Close()

	before = inode()
	old = Open(path, "p1")
	w := NewWriter(path, "p1", old)
	w.Add(KeyOf("news/c/index.html", []byte("新的一页")), []byte("l"), []byte("s"))
	w.Abort()
	old.Close()
	if !os.SameFile(before, inode()) {
		t.Error("an aborted build replaced the file")
	}
	if entries, _ := os.ReadDir(filepath.Dir(path)); len(entries) != 1 {
		t.Errorf("the aborted build left files: %v", entries)
	}
}
