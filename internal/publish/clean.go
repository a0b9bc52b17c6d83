package publish

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// IsClean reports whether the work tree of the repository containing dir
// has no uncommitted changes: nothing modified, staged, deleted or untracked.
// Ignored files do not count, with the ignore rules git status uses: the
// .gitignore files of the tree, the repository's info/exclude (in its
// common directory for a linked work tree) and core.excludesFile (default
// $XDG_CONFIG_HOME/git/ignore). dirty lists the paths that differ, relative
// to the repository's root with forward slashes, sorted. Publishing refuses
// a dirty tree unless forced, as the build would not match the commit it
// names.
func IsClean(dir string) (clean bool, dirty []string, err error) {
	repo, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return false, nil, fmt.Errorf("publish: open repository %s: %w", dir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return false, nil, fmt.Errorf("publish: %s: %w", dir, err)
	}
	// Lowest priority first: core.excludesFile, info/exclude, then the
	// .gitignore files again, after go-git's own reading of them, so that
	// they keep the last word as in git.
	wt.Excludes = append(wt.Excludes, excludes(repo, wt.Filesystem.Root())...)
	if ps, err := gitignore.ReadPatterns(wt.Filesystem, nil); err == nil {
		wt.Excludes = append(wt.Excludes, ps...)
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

// excludes are the ignore rules from outside the tree's .gitignore files:
// core.excludesFile and the repository's info/exclude.
func excludes(repo *git.Repository, root string) []gitignore.Pattern {
	var ps []gitignore.Pattern
	file := ""
	if cfg, err := repo.ConfigScoped(config.GlobalScope); err == nil {
		file = cfg.Raw.Section("core").Option("excludesfile")
	}
	if file == "" {
		if x := os.Getenv("XDG_CONFIG_HOME"); x != "" {
			file = filepath.Join(x, "git", "ignore")
		} else if home, err := os.UserHomeDir(); err == nil {
			file = filepath.Join(home, ".config", "git", "ignore")
		}
	} else if rest, ok := strings.CutPrefix(file, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			file = filepath.Join(home, rest)
		}
	}
	ps = append(ps, readPatterns(file)...)
	if common := commonDir(root); common != "" {
		ps = append(ps, readPatterns(filepath.Join(common, "info", "exclude"))...)
	}
	return ps
}

// commonDir is the repository directory of the work tree root: root/.git,
// or for a linked work tree (.git a file naming its git directory) that
// directory's common directory.
func commonDir(root string) string {
	dotgit := filepath.Join(root, ".git")
	fi, err := os.Stat(dotgit)
	if err != nil {
		return ""
	}
	if fi.IsDir() {
		return dotgit
	}
	b, err := os.ReadFile(dotgit)
	if err != nil {
		return ""
	}
	gitdir, ok := strings.CutPrefix(strings.TrimSpace(string(b)), "gitdir:")
	if !ok {
		return ""
	}
	gitdir = strings.TrimSpace(gitdir)
	if !filepath.IsAbs(gitdir) {
		gitdir = filepath.Join(root, gitdir)
	}
	if c, err := os.ReadFile(filepath.Join(gitdir, "commondir")); err == nil {
		common := strings.TrimSpace(string(c))
		if !filepath.IsAbs(common) {
			common = filepath.Join(gitdir, common)
		}
		return filepath.Clean(common)
	}
	return gitdir
}

// readPatterns reads a file of ignore rules that apply to the whole tree.
func readPatterns(name string) []gitignore.Pattern {
	if name == "" {
		return nil
	}
	f, err := os.Open(name)
	if err != nil {
		return nil
	}
	defer f.Close()
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		l := sc.Text()
		if strings.HasPrefix(l, "#") || strings.TrimSpace(l) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(l, nil))
	}
	return ps
}
