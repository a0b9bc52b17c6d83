// Package testgit makes throw-away git repositories for tests: a work
// tree in a folder the test owns, commits by a named editor at a set time,
// and bare repositories to push to. Only tests import it.
package testgit

import (
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// Email is the e-mail address of every commit's author and committer.
const Email = "editor@example.org"

// Repo is a git repository with a work tree, made or opened by a test.
type Repo struct {
	*git.Repository
	// Dir is the work tree's folder.
	Dir string
}

// Init makes a new git repository whose work tree is dir (the .git
// folder inside it).
func Init(t testing.TB, dir string) *Repo {
	t.Helper()
	r, err := git.PlainInit(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	return &Repo{Repository: r, Dir: dir}
}

// Open opens the git repository whose work tree is dir.
func Open(t testing.TB, dir string) *Repo {
	t.Helper()
	r, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	return &Repo{Repository: r, Dir: dir}
}

// Bare makes a new bare repository (no work tree) in dir, as a remote to
// publish to.
func Bare(t testing.TB, dir string) *git.Repository {
	t.Helper()
	r, err := git.PlainInit(dir, true)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// Commit stages paths (slash-separated, relative to Dir), or with none
// every change in the work tree as `git add --all` does, and commits the
// index with message, by author (with Email) at when. It returns the new
// commit's hash.
func (r *Repo) Commit(t testing.TB, message, author string, when time.Time, paths ...string) plumbing.Hash {
	t.Helper()
	wt, err := r.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		err = wt.AddGlob(".")
	}
	for _, p := range paths {
		if _, err = wt.Add(p); err != nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("git add in %s: %v", r.Dir, err)
	}
	sig := &object.Signature{Name: author, Email: Email, When: when}
	h, err := wt.Commit(message, &git.CommitOptions{Author: sig, Committer: sig, All: len(paths) == 0})
	if err != nil {
		t.Fatalf("git commit %q in %s: %v", message, r.Dir, err)
	}
	return h
}
