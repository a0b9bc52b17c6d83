package pipeline

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// A build over an existing output writes only what changed, without ever
// touching the published output:
//
//  1. the staging directory is made to hold a hard link to every file of
//     the previous output (no bytes are copied): it starts as the spare
//     tree the last build left (below), in which only the links that differ
//     are made again, or empty. This runs beside derive and Hugo's reading
//     of the sources (startSeed); Hugo's first touch of the stage waits for
//     it;
//  2. Hugo and press write into the stage through a file system that
//     compares each file with the one in place: the same bytes leave the
//     link, other bytes replace the link by a new file (the stage's name is
//     unlinked first, so the published file is never written through);
//  3. files of the stage that the build did not make are removed (their
//     stage names only);
//  4. the stage is swapped in as before (stage.go), in one step;
//  5. the previous output, now beside the new one, is kept as the spare
//     tree (stage.go): its unchanged files are the same inodes as the new
//     output's, so the next build's step 1 costs a walk and a link per file
//     this build changed, where a fresh seed links every file and the
//     removal of the previous output unlinks every file again.
//
// The published directory is only ever read until the swap, so a crash at
// any moment leaves either the previous output, whole (the next build
// removes the stage), or the new one, whole. The spare tree is only ever
// read as a candidate: a file of it is kept only when it is the published
// file itself (same device and inode), so whatever state a crash left it
// in, the next stage starts equal to the output. Unchanged files keep their
// inode and modification time, so a sync to a server (rsync, press deploy)
// sees them as unchanged too.

// seeded lists what seed put into the stage, slash-separated and relative
// to it: prune then knows the candidates without reading the folders.
type seeded struct {
	files []string
	dirs  []string // folders, each before the folders inside it
}

// seeding is a seed running beside the build (startSeed).
type seeding struct {
	reuse bool // the previous output is a folder: the stage is seeded from it
	done  chan struct{}
	res   *seeded       // set when done
	took  time.Duration // set when done
}

// startSeed starts seeding stage from prev on its own goroutine.
func startSeed(prev, stage string) *seeding {
	fi, err := os.Stat(prev)
	s := &seeding{reuse: err == nil && fi.IsDir(), done: make(chan struct{})}
	go func() {
		start := time.Now()
		s.res = seed(prev, stage)
		s.took = time.Since(start)
		close(s.done)
	}()
	return s
}

// wait returns what seed put into the stage, once it has finished; nil:
// nothing (no previous output, or it could not be linked).
func (s *seeding) wait() *seeded {
	<-s.done
	return s.res
}

// seed makes the stage hold a hard link to each file of the previous
// output, the marker and press's lock files aside, and nothing else. The
// stage is empty or a spare tree: a file of the stage that already is the
// output's file (same inode) stays, any other entry is removed or replaced.
// It returns what the stage then holds; on any failure (a file system
// without hard links, an unreadable output) the stage is emptied and it
// returns nil: the build writes everything.
func seed(prev, stage string) *seeded {
	if fi, err := os.Stat(prev); err != nil || !fi.IsDir() {
		empty(stage)
		return nil
	}
	r := reconciler{prev: prev, stage: stage}
	err := r.dir("", true)
	if err == nil {
		err = r.links()
	}
	if err != nil {
		empty(stage)
		return nil
	}
	return &r.s
}

// reconciler brings a stage into line with the previous output.
type reconciler struct {
	prev, stage string
	s           seeded
	same        []string // files in both trees: kept if the same inode
	link        []string // files missing from the stage: linked
}

// dir reconciles the folder rel (slash-separated, "" for the top) of the
// stage with the previous output's; known says the stage's folder exists.
// Folders are walked one after the other, files compared and linked
// afterwards, side by side (links).
func (r *reconciler) dir(rel string, known bool) error {
	pe, err := os.ReadDir(filepath.Join(r.prev, filepath.FromSlash(rel)))
	if err != nil {
		return err
	}
	have := map[string]fs.DirEntry{}
	if known {
		se, err := os.ReadDir(filepath.Join(r.stage, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		for _, e := range se {
			have[e.Name()] = e
		}
	}
	for _, e := range pe {
		name := e.Name()
		p := path.Join(rel, name)
		if rel == "" && name == MarkerFile {
			// Not seeded: the stage gets its own (mark).
			continue
		}
		st, inStage := have[name]
		switch {
		case e.IsDir():
			delete(have, name)
			r.s.dirs = append(r.s.dirs, p)
			sub := inStage && st.IsDir()
			if !sub {
				sp := filepath.Join(r.stage, filepath.FromSlash(p))
				if inStage {
					if err := os.RemoveAll(sp); err != nil {
						return err
					}
				}
				if err := os.Mkdir(sp, 0o755); err != nil {
					return err
				}
			}
			if err := r.dir(p, sub); err != nil {
				return err
			}
		case e.Type().IsRegular():
			delete(have, name)
			r.s.files = append(r.s.files, p)
			switch {
			case inStage && st.Type().IsRegular():
				r.same = append(r.same, p)
			case inStage:
				if err := os.RemoveAll(filepath.Join(r.stage, filepath.FromSlash(p))); err != nil {
					return err
				}
				fallthrough
			default:
				r.link = append(r.link, p)
			}
		}
		// Symbolic links and other special files are not press's output:
		// they are not carried over (and go from the stage, below).
	}
	// What the stage holds and the output does not.
	for name := range have {
		if err := os.RemoveAll(filepath.Join(r.stage, filepath.FromSlash(path.Join(rel, name)))); err != nil {
			return err
		}
	}
	return nil
}

// links keeps the files of r.same that are the output's own and replaces
// the others, and links the files of r.link. Linking is mostly waiting on
// the file system: more goroutines than processors.
func (r *reconciler) links() error {
	relink := make([]bool, len(r.same))
	errs := make([]error, len(r.same))
	parallel(8, len(r.same), func(i int) {
		rel := filepath.FromSlash(r.same[i])
		a, err := os.Lstat(filepath.Join(r.prev, rel))
		if err != nil {
			errs[i] = err
			return
		}
		sp := filepath.Join(r.stage, rel)
		b, err := os.Lstat(sp)
		if err == nil && os.SameFile(a, b) {
			return
		}
		if err := os.Remove(sp); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs[i] = err
			return
		}
		relink[i] = true
	})
	for i, rel := range r.same {
		if relink[i] {
			r.link = append(r.link, rel)
		}
	}
	lerrs := make([]error, len(r.link))
	parallel(8, len(r.link), func(i int) {
		rel := filepath.FromSlash(r.link[i])
		lerrs[i] = os.Link(filepath.Join(r.prev, rel), filepath.Join(r.stage, rel))
	})
	return errors.Join(append(errs, lerrs...)...)
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
