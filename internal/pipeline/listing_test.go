package pipeline

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"
)

// The files a build saw itself write are listed in the order a walk of the
// output gives, which the search index's document numbers follow: a name
// with '.' or '-' after a folder's name comes after that folder's files.
func TestWalkOrderIsWalkDirs(t *testing.T) {
	names := []string{
		"a.txt", "a/b", "a/b.txt", "a/c/d.html", "a-b/c", "ab", "index.html",
		"news/2026-10-01-x/index.html", "news/2026-10-01/index.html", "news/index.html",
		"news/page/2/index.html", "新闻/中文.html", "search/d/0.json", "search/t/a.json", "z",
	}
	fsys := fstest.MapFS{}
	set := map[string]bool{}
	for _, n := range names {
		fsys[n] = &fstest.MapFile{Data: []byte(n)}
		set[n] = true
	}
	var walked []string
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return err
	})
	if got := walkOrder(set); !slices.Equal(got, walked) {
		t.Errorf("walkOrder:\n%q\nfs.WalkDir:\n%q", got, walked)
	}
}
