// Package sequence counts, from a site's git history, the significant
// revisions of each activity: the commits that changed its time, place or
// status. They are the activity's iCalendar SEQUENCE (RFC 5545 3.8.7.4),
// which tells a subscribed calendar that an event moved or was cancelled.
//
// The history read is HEAD's first-parent chain (a change merged from a
// branch counts once, at the merge); each version of an activity file is
// parsed with the member package, and versions that do not parse are
// skipped. It uses go-git only; no git binary is needed.
package sequence

import (
	"errors"
	"fmt"
	"github.com/zzia/press/internal/msg"
	"io"
	"path"
	"path/filepath"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"

	"github.com/zzia/press/internal/history"
	"github.com/zzia/press/internal/member"
)

// Log is what the history says of one activity.
type Log struct {
	// Changes counts the commits after the first that changed the
	// activity's time, place or status.
	Changes int
	// Last is the Key of the last committed version.
	Last string
}

// Key is what makes a revision significant: the start and end (and
// whether all day), the place and the status.
func Key(a *member.Activity) string {
	return fmt.Sprintf("%d|%d|%t|%s|%s", a.Start.Unix(), a.End.Unix(), a.AllDay, strings.TrimSpace(a.Location), a.Status)
}

// Sequence returns the SEQUENCE of a: the changes the history counted,
// and one more when the file as it is differs from its last commit in a
// significant way (an edit not committed yet).
func (l Log) Sequence(a *member.Activity) int {
	if l.Last != "" && Key(a) != l.Last {
		return l.Changes + 1
	}
	return l.Changes
}

// Read reads the history of the activity files (data/activities/*.yaml)
// of the site in siteDir and returns a Log for each activity id with a
// committed version. It returns nil and no error when the site is not in a
// git repository or the repository has no commits.
func Read(siteDir string) (map[string]Log, error) {
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return nil, err
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if errors.Is(err, git.ErrRepositoryNotExists) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	dir := member.ActivitiesDir
	if wt, err := repo.Worktree(); err == nil {
		sub, err := history.RelativeTo(wt.Filesystem.Root(), abs)
		if err != nil {
			return nil, err
		}
		if sub != "" {
			dir = path.Join(sub, dir)
		}
	}
	head, err := repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	// HEAD's first-parent chain, oldest first.
	var chain []*object.Commit
	for c, err := repo.CommitObject(head.Hash()); ; {
		if err != nil {
			if errors.Is(err, plumbing.ErrObjectNotFound) && len(chain) > 0 {
				break // a shallow clone's boundary
			}
			return nil, err
		}
		chain = append(chain, c)
		if c.NumParents() == 0 {
			break
		}
		c, err = c.Parent(0)
	}
	logs := map[string]Log{}
	var prevTree plumbing.Hash
	blobs := map[string]plumbing.Hash{} // file name → blob of the previous version
	for i := len(chain) - 1; i >= 0; i-- {
		tree, err := chain[i].Tree()
		if err != nil {
			return nil, err
		}
		acts, err := tree.Tree(dir)
		if errors.Is(err, object.ErrDirectoryNotFound) {
			prevTree, blobs = plumbing.ZeroHash, map[string]plumbing.Hash{}
			continue
		}
		if err != nil {
			return nil, err
		}
		if acts.Hash == prevTree {
			continue
		}
		prevTree = acts.Hash
		now := map[string]plumbing.Hash{}
		for _, e := range acts.Entries {
			if !e.Mode.IsFile() || path.Ext(e.Name) != ".yaml" {
				continue
			}
			now[e.Name] = e.Hash
			if blobs[e.Name] == e.Hash {
				continue
			}
			b, err := repo.BlobObject(e.Hash)
			if err != nil {
				return nil, err
			}
			r, err := b.Reader()
			if err != nil {
				return nil, err
			}
			src, err := io.ReadAll(r)
			r.Close()
			if err != nil {
				return nil, err
			}
			// Only whether the file has errors counts, not their language.
			a, diags := member.ParseActivity(msg.En, path.Join(member.ActivitiesDir, e.Name), src)
			if a == nil || diags.HasErrors() || a.ID == "" {
				continue
			}
			k := Key(a)
			l, seen := logs[a.ID]
			if seen && l.Last != k {
				l.Changes++
			}
			l.Last = k
			logs[a.ID] = l
		}
		blobs = now
	}
	return logs, nil
}
