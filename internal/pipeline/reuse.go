package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
)

// A build over an existing output writes only what changed, without ever
// touching the published output:
//
//  1. the staging directory is seeded with hard links to every file of the
//     previous output (no bytes are copied);
//  2. Hugo and press write into the stage through a file system that
//     compares each file with the one in place: the same bytes leave the
//     link, other bytes replace the link by a new file (the stage's name is
//     unlinked first, so the published file is never written through);
//  3. files of the stage that the build did not make are removed (their
//     stage names only);
//  4. the stage is swapped in as before (stage.go), in one step.
//
// The published directory is only ever read until the swap, so a crash at
// any moment leaves either the previous output, whole (the next build
// removes the stage), or the new one, whole. Unchanged files keep their
// inode and modification time, so a sync to a server (rsync, press
// deploy) sees them as unchanged too.

// seeded lists what seed put into the stage, slash-separated and relative
// to it: prune then knows the candidates without reading the folders.
type seeded struct {
	files []string
	dirs  []string // folders, each before the folders inside it
}

// seed fills the empty stage with hard links to the files of the previous
// output, the marker and press's lock files aside. It returns what it put
// there; on any failure (a file system without hard links, an unreadable
// output) the stage is emptied and it returns nil: the build writes
// everything.
func seed(prev, stage string) *seeded {
	if fi, err := os.Stat(prev); err != nil || !fi.IsDir() {
		return nil
	}
	var s seeded
	err := filepath.WalkDir(prev, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(prev, p)
		if err != nil || rel == "." {
			return err
		}
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			s.dirs = append(s.dirs, rel)
		case d.Type().IsRegular():
			if rel != MarkerFile {
				s.files = append(s.files, rel)
			}
		}
		// Symbolic links and other special files are not press's output:
		// they are not carried over.
		return nil
	})
	if err == nil {
		for _, d := range s.dirs {
			if err = os.Mkdir(filepath.Join(stage, filepath.FromSlash(d)), 0o755); err != nil {
				break
			}
		}
	}
	if err == nil {
		errs := make([]error, len(s.files))
		// Linking is mostly waiting on the file system: more goroutines than
		// processors.
		parallel(8, len(s.files), func(i int) {
			rel := filepath.FromSlash(s.files[i])
			errs[i] = os.Link(filepath.Join(prev, rel), filepath.Join(stage, rel))
		})
		for _, e := range errs {
			if e != nil {
				err = e
				break
			}
		}
	}
	if err != nil {
		empty(stage)
		return nil
	}
	return &s
}

// empty removes everything inside dir.
func empty(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// prune removes from the stage the seeded files the build did not make,
// except those skip says to leave (a folder skipped is left whole), then
// the folders left empty. The build only ever adds files it made, so the
// seeded files are the only candidates: no folder is read.
func (s *seeded) prune(stage string, produced map[string]bool, skip func(rel string) bool) error {
	skipped := func(rel string) bool {
		for p := rel; ; p = path.Dir(p) {
			if skip(p) {
				return true
			}
			if !strings.Contains(p, "/") {
				return false
			}
		}
	}
	// Folders that may be left empty: those of the files removed, and
	// those that held no file when seeded.
	maybeEmpty := map[string]bool{}
	holds := map[string]bool{}
	for _, rel := range s.files {
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			holds[d] = true
		}
		if produced[rel] || skipped(rel) {
			continue
		}
		p := filepath.Join(stage, filepath.FromSlash(rel))
		// Gone, or the build made a folder where the previous output had
		// this file, or a file where it had one of its folders (reuseFs
		// cleared the way): nothing stale there.
		if fi, err := os.Lstat(p); err != nil || fi.IsDir() {
			continue
		}
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		for d := path.Dir(rel); d != "."; d = path.Dir(d) {
			maybeEmpty[d] = true
		}
	}
	for _, d := range s.dirs {
		if !holds[d] {
			maybeEmpty[d] = true
		}
	}
	dirs := make([]string, 0, len(maybeEmpty))
	for d := range maybeEmpty {
		if !skipped(d) {
			dirs = append(dirs, d)
		}
	}
	// Deepest first: a folder emptied by its subfolders goes too.
	sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) })
	for _, d := range dirs {
		p := filepath.Join(stage, filepath.FromSlash(d))
		// A folder only (the build may have made a file in its place);
		// removing fails, as it should, on a folder that is not empty.
		if fi, err := os.Lstat(p); err == nil && fi.IsDir() {
			os.Remove(p)
		}
	}
	return nil
}

// inSearch reports whether rel is the search index's folder or in it.
func inSearch(rel string) bool { return rel == "search" || strings.HasPrefix(rel, "search/") }
