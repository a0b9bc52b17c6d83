// Package history reads, in one pass over a git repository's history, when
// each file of a site last changed, in which commit and by whom. Pages show it
// ("最后更新"), and the sitemap, feeds and PDF metadata take their dates from
// it. It uses go-git only; no git binary is needed.
//
// Semantics follow `git log -- PATH` with git's default history
// simplification: the walk starts at HEAD and visits every reachable commit;
// a non-merge commit changes a path when the path's blob (or mode, or
// presence) differs from its parent's; at a merge, a path that is unchanged
// relative to some parent (TREESAME) is followed into the first such parent
// only, and a path that differs from every parent is changed by the merge
// itself, whose parents are then all followed. A root commit changes every
// path it holds.
//
// Dates are author dates (git log's %ad, Hugo's GitInfo.AuthorDate); the
// commit date is kept beside them.
package history

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/cache"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/memory"
)

// ErrNoRepository is returned by Load when the site directory is not inside
// a git repository. Callers fall back to dates from the content.
var ErrNoRepository = errors.New("not inside a git repository")

// Commit describes one commit.
type Commit struct {
	Hash        string    // full hexadecimal hash
	Subject     string    // first line of the message
	Author      string    // author name
	AuthorEmail string    // author email
	AuthorDate  time.Time // when the change was authored (git log %ad)
	CommitDate  time.Time // when the commit was made (git log %cd)
}

// File is the history of one file.
type File struct {
	// Path is relative to the site directory, with forward slashes.
	Path string
	// Modified is the author date of the last commit that changed the file.
	Modified time.Time
	// Last is the last commit that changed the file.
	Last Commit
	// Authors are the distinct author names of the commits that changed the
	// file, newest first, each at its most recent appearance. In a shallow
	// clone the list stops at the shallow boundary.
	Authors []string
}

// History is the git history of the files of a site, as of HEAD.
type History struct {
	// Head is the commit HEAD points to; zero in a repository without
	// commits.
	Head Commit
	// Shallow reports that the repository is a shallow clone: the walk stopped
	// at the shallow boundary, and files last changed before it are absent.
	Shallow bool
	// Warnings are problems that did not stop the walk (a shallow clone, no
	// commits yet), as sentences for the build log.
	Warnings []string

	files map[string]*File
}

// File returns the history of the file at path (relative to the site
// directory, forward slashes). ok is false for files that are not committed,
// are untracked, or were last changed before a shallow clone's boundary.
func (h *History) File(path string) (f File, ok bool) {
	if h == nil {
		return File{}, false
	}
	p, ok := h.files[path]
	if !ok {
		return File{}, false
	}
	return *p, true
}

// Len returns the number of files with a history.
func (h *History) Len() int {
	if h == nil {
		return 0
	}
	return len(h.files)
}

// Paths returns the paths of the files with a history, sorted.
func (h *History) Paths() []string {
	if h == nil {
		return nil
	}
	out := make([]string, 0, len(h.files))
	for p := range h.files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}

// Load opens the git repository that contains siteDir (searching upwards for
// .git, as git does) and reads the history of HEAD for the files under
// siteDir. It returns an error wrapping ErrNoRepository when there is no
// repository. A shallow clone is not an error: see History.Shallow.
func Load(siteDir string) (*History, error) {
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return nil, fmt.Errorf("history: %w", err)
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{
		DetectDotGit:          true,
		EnableDotGitCommonDir: true,
	})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, fmt.Errorf("history: %s: %w", siteDir, ErrNoRepository)
	}
	if err != nil {
		return nil, fmt.Errorf("history: open repository of %s: %w", siteDir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return nil, fmt.Errorf("history: %s: %w", siteDir, err)
	}
	subdir, err := RelativeTo(wt.Filesystem.Root(), abs)
	if err != nil {
		return nil, fmt.Errorf("history: %s: %w", siteDir, err)
	}

	fsst, ok := repo.Storer.(*filesystem.Storage)
	if !ok {
		return fromStorer(repo.Storer, subdir, siteDir)
	}
	// Packfiles are memory-mapped and read directly; objects in no pack go
	// through a go-git storage of the same directory, one per goroutine, as
	// go-git storages are not safe for concurrent use.
	dotgit := fsst.Filesystem()
	newStorage := func() *filesystem.Storage {
		return filesystem.NewStorageWithOptions(dotgit, cache.NewObjectLRU(8*cache.MiByte),
			filesystem.Options{KeepDescriptors: true})
	}
	ps, mapped, err := openPacks(objectsDir(dotgit.Root()))
	if err != nil {
		return nil, fmt.Errorf("history: %s: %w", siteDir, err)
	}
	if !mapped {
		st := newStorage()
		defer st.Close()
		return fromStorer(st, subdir, siteDir)
	}
	defer ps.close()
	rs := func() (objectReader, func() error, error) {
		st := newStorage()
		return newPackReader(ps, storerReader{st}), st.Close, nil
	}
	st := newStorage()
	defer st.Close()
	h, err := read(st, rs, subdir)
	if err != nil {
		return nil, fmt.Errorf("history: %s: %w", siteDir, err)
	}
	return h, nil
}

// objectsDir returns the objects directory of the .git directory at dotgit,
// following a linked work tree's commondir.
func objectsDir(dotgit string) string {
	if raw, err := os.ReadFile(filepath.Join(dotgit, "commondir")); err == nil {
		common := strings.TrimSpace(string(raw))
		if !filepath.IsAbs(common) {
			common = filepath.Join(dotgit, common)
		}
		return filepath.Join(common, "objects")
	}
	return filepath.Join(dotgit, "objects")
}

// fromStorer reads the history through go-git's storage alone.
func fromStorer(st repoStorer, subdir, what string) (*History, error) {
	h, err := read(st, storerReaders(st), subdir)
	if err != nil {
		return nil, fmt.Errorf("history: %s: %w", what, err)
	}
	return h, nil
}

// storerReaders reads through st. Only storages safe for concurrent reads
// (the in-memory one) get more than one reader; others are read by one
// goroutine.
func storerReaders(st repoStorer) readers {
	_, concurrent := st.(*memory.Storage)
	first := true
	return func() (objectReader, func() error, error) {
		if !first && !concurrent {
			return nil, nil, errSingleReader
		}
		first = false
		return storerReader{st}, func() error { return nil }, nil
	}
}

// errSingleReader tells computeChanges to use only the readers it has.
var errSingleReader = errors.New("storage allows a single reader")

// FromRepository reads the history of r's HEAD for the files under subdir,
// a path relative to the repository's root with forward slashes ("" or "."
// for the whole repository). It works on any go-git storage, in memory too.
func FromRepository(r *git.Repository, subdir string) (*History, error) {
	return fromStorer(r.Storer, cleanSubdir(subdir), "repository")
}

// RelativeTo returns dir relative to root (a work tree's top) with forward
// slashes, "" when they are the same directory; an error when dir is
// outside root. Symbolic links are resolved first.
func RelativeTo(root, dir string) (string, error) {
	if r, err := filepath.EvalSymlinks(root); err == nil {
		root = r
	}
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		dir = d
	}
	rel, err := filepath.Rel(root, dir)
	if err != nil {
		return "", err
	}
	if rel == ".." || strings.HasPrefix(rel, ".."+string(os.PathSeparator)) {
		return "", fmt.Errorf("%s is outside the work tree %s", dir, root)
	}
	return cleanSubdir(filepath.ToSlash(rel)), nil
}

func cleanSubdir(s string) string {
	s = strings.Trim(filepath.ToSlash(s), "/")
	if s == "." {
		return ""
	}
	return s
}

// repoStorer is what the walk needs from a repository's storage.
type repoStorer interface {
	storer.EncodedObjectStorer
	storer.ReferenceStorer
	storer.ShallowStorer
}

// read walks the history of HEAD in st for the files under subdir.
func read(st repoStorer, rs readers, subdir string) (*History, error) {
	h := &History{files: map[string]*File{}}
	head, err := storer.ResolveReference(st, plumbing.HEAD)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		h.Warnings = append(h.Warnings, "the repository has no commits yet; dates come from the content")
		return h, nil
	}
	if err != nil {
		return nil, fmt.Errorf("resolve HEAD: %w", err)
	}
	shallow, err := st.Shallow()
	if err != nil {
		return nil, fmt.Errorf("read shallow list: %w", err)
	}
	w, release, err := newWalker(rs, subdir, shallow)
	if err != nil {
		return nil, err
	}
	defer release()
	if err := w.load(head.Hash()); err != nil {
		return nil, err
	}
	if err := w.run(); err != nil {
		return nil, err
	}
	w.fill(h)
	return h, nil
}
