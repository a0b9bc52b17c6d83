package pipeline

import (
	"io/fs"
	"os"
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

// seed fills the empty stage with hard links to the files of the previous
// output, the marker and press's lock files aside. It reports whether the
// stage was seeded; on any failure (a file system without hard links, an
// unreadable output) the stage is emptied and the build writes everything.
func seed(prev, stage string) bool {
	if fi, err := os.Stat(prev); err != nil || !fi.IsDir() {
		return false
	}
	type link struct{ from, to string }
	var links []link
	var dirs []string
	err := filepath.WalkDir(prev, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(prev, p)
		if err != nil || rel == "." {
			return err
		}
		to := filepath.Join(stage, rel)
		switch {
		case d.IsDir():
			dirs = append(dirs, to)
		case d.Type().IsRegular():
			if rel != MarkerFile {
				links = append(links, link{p, to})
			}
		}
		// Symbolic links and other special files are not press's output:
		// they are not carried over.
		return nil
	})
	if err == nil {
		for _, d := range dirs {
			if err = os.Mkdir(d, 0o755); err != nil {
				break
			}
		}
	}
	if err == nil {
		errs := make([]error, len(links))
		// Linking is mostly waiting on the file system: more goroutines than
		// processors.
		parallel(8, len(links), func(i int) { errs[i] = os.Link(links[i].from, links[i].to) })
		for _, e := range errs {
			if e != nil {
				err = e
				break
			}
		}
	}
	if err != nil {
		empty(stage)
		return false
	}
	return true
}

// empty removes everything inside dir.
func empty(dir string) {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		os.RemoveAll(filepath.Join(dir, e.Name()))
	}
}

// prune removes from the stage the files the build did not make, except
// those skip says to leave (a folder skipped is left whole), then the
// folders left empty.
func prune(stage string, produced map[string]bool, skip func(rel string) bool) error {
	var stale, dirs []string
	err := filepath.WalkDir(stage, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(stage, p)
		rel = filepath.ToSlash(rel)
		if rel == "." {
			return nil
		}
		if skip(rel) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			dirs = append(dirs, p)
		} else if !produced[rel] && rel != MarkerFile {
			stale = append(stale, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, p := range stale {
		if err := os.Remove(p); err != nil {
			return err
		}
	}
	// Deepest first: a folder emptied by its subfolders goes too.
	sort.Slice(dirs, func(i, j int) bool { return len(dirs[i]) > len(dirs[j]) })
	for _, d := range dirs {
		os.Remove(d) // fails, as it should, on a folder that is not empty
	}
	return nil
}

// inSearch reports whether rel is the search index's folder or in it.
func inSearch(rel string) bool { return rel == "search" || strings.HasPrefix(rel, "search/") }
