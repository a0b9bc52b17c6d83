package publish

import (
	"fmt"
	"sort"

	git "github.com/go-git/go-git/v5"
)

// IsClean reports whether the work tree of the repository containing dir
// has no uncommitted changes: nothing modified, staged, deleted or untracked
// (files ignored by .gitignore do not count). dirty lists the paths that
// differ, relative to the repository's root with forward slashes, sorted.
// Publishing refuses a dirty tree unless forced, as the build would not
// match the commit it names.
func IsClean(dir string) (clean bool, dirty []string, err error) {
	repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return false, nil, fmt.Errorf("publish: open repository %s: %w", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return false, nil, fmt.Errorf("publish: %s: %w", dir, err)
	}
	status, err := wt.Status()
	if err != nil {
		return false, nil, fmt.Errorf("publish: status of %s: %w", dir, err)
	}
	for path, s := range status {
		if s.Staging == git.Unmodified && s.Worktree == git.Unmodified {
			continue
		}
		dirty = append(dirty, path)
	}
	sort.Strings(dirty)
	return len(dirty) == 0, dirty, nil
}
