package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/zzia/press/internal/atomicfile"
)

// Built is an index as BuildIndex makes it.
type Built struct {
	// Files are the index files, by slash-separated path relative to the
	// site root.
	Files Files
	// Kept maps files taken from Options.Cache to files on disk in the
	// cache's folder that hold the same bytes (keptDir): a caller whose
	// output is on the same file system links them instead of writing
	// them again. They must never be written to in place.
	Kept map[string]string
}

// keptDir is the folder beside the cache file that holds the files of the
// index last taken from it, each named by the SHA-256 of its bytes.
func keptDir(cache string) string { return cache + ".files" }

// keepFiles returns, for each of files, the file in dir named by the
// SHA-256 of its bytes, which holds them: one missing or with other bytes
// (damaged, or cut short by a crash) is written anew, whole or not at all
// (atomicfile). The folder's other files are removed, so that it holds one
// index. A file it cannot keep is left out of the map.
func keepFiles(dir string, files Files, workers int) map[string]string {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	paths := make([]string, len(names))
	parallel(len(names), workers, func(i int) error {
		data := files[names[i]]
		sum := sha256.Sum256(data)
		p := filepath.Join(dir, hex.EncodeToString(sum[:]))
		if b, err := os.ReadFile(p); err == nil && bytes.Equal(b, data) {
			paths[i] = p
		} else if atomicfile.Write(p, data, 0o644) == nil {
			paths[i] = p
		}
		return nil
	})
	kept := make(map[string]string, len(names))
	want := make(map[string]bool, len(names))
	for i, p := range paths {
		if p != "" {
			kept[names[i]] = p
			want[filepath.Base(p)] = true
		}
	}
	removeOthers(dir, want)
	return kept
}

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
