package search

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Built is an index as BuildIndex makes it.
type Built struct {
	// Files are the index files, by slash-separated path relative to the
	// site root.
	Files Files
	// Kept maps the files kept in Options.Cache (taken from it, or put
	// there as the index was made) to files on disk in the cache's folder
	// that hold the same bytes (keptDir): a caller whose output is on the
	// same file system links them instead of writing them again. They must
	// never be written to in place.
	Kept map[string]string
}

// keptDir is the folder beside the cache file that holds the files of the
// index it lists, each named by the SHA-256 of its bytes.
func keptDir(cache string) string { return cache + ".files" }

// staleTemp is how old a temporary file left in the kept folder must be
// before it is taken for a crashed writer's and removed.
const staleTemp = time.Hour

// removeOthers removes from dir the kept files not in want, and temporary
// files a crash left behind. Another build's files may go too: a link it
// then cannot make falls back to writing.
func removeOthers(dir string, want map[string]bool) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		if want[name] {
			continue
		}
		if strings.HasPrefix(name, ".") {
			if fi, err := e.Info(); err != nil || time.Since(fi.ModTime()) < staleTemp {
				continue
			}
		}
		os.Remove(filepath.Join(dir, name))
	}
}
