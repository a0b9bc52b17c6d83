// Package hooks installs press's git hooks in a site's repository: a
// pre-commit hook that runs `press check` on the staged content, so that a
// commit that would break the build is stopped on the editor's machine.
package hooks

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/history"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// Marker is the line that identifies a hook press wrote. A hook without it
// is someone else's and is not replaced unless forced.
const Marker = "# press-hook: pre-commit"

// ErrForeignHook is returned (wrapped, naming the file) when a pre-commit
// hook press did not write is in the way.
var ErrForeignHook = errors.New("a pre-commit hook that press did not write exists")

// Install writes the pre-commit hook of the repository that contains
// siteDir and returns its path. The hook exports the staged files (the
// index, not the work tree) to a temporary directory and runs
// `<pressCommand> check --source <that copy of the site>` from the
// repository's root; pressCommand is a shell command line such as "press" or
// "go run ./cmd/press". Installing again replaces press's own hook; another
// hook is kept unless force is set, and then saved beside it as
// pre-commit.press-backup. core.hooksPath is honoured.
func Install(siteDir, pressCommand string, force bool) (string, error) {
	if strings.TrimSpace(pressCommand) == "" {
		pressCommand = "press"
	}
	if strings.ContainsAny(pressCommand, "\n\r") {
		return "", fmt.Errorf("hooks: the press command %q must be one line", pressCommand)
	}
	abs, err := filepath.Abs(siteDir)
	if err != nil {
		return "", fmt.Errorf("hooks: %w", err)
	}
	repo, err := git.PlainOpenWithOptions(abs, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return "", fmt.Errorf("hooks: open the repository of %s: %w", siteDir, err)
	}
	wt, err := repo.Worktree()
	if err != nil {
		return "", fmt.Errorf("hooks: %s: %w", siteDir, err)
	}
	root := wt.Filesystem.Root()
	sub, err := history.RelativeTo(root, abs)
	if err != nil {
		return "", fmt.Errorf("hooks: %w", err)
	}
	dir, err := hooksDir(repo, root)
	if err != nil {
		return "", fmt.Errorf("hooks: %w", err)
	}
	path := filepath.Join(dir, "pre-commit")
	script := Script(sub, pressCommand)

	old, err := os.ReadFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return "", fmt.Errorf("hooks: %w", err)
	case bytes.Contains(old, []byte(Marker)):
		// Ours: replace it (the command or the site may have changed).
	case !force:
		return "", fmt.Errorf("hooks: %s: %w; move it away, or install with force (it is then saved as pre-commit.press-backup)", path, ErrForeignHook)
	default:
		if err := os.WriteFile(path+".press-backup", old, 0o755); err != nil {
			return "", fmt.Errorf("hooks: save the existing hook: %w", err)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("hooks: %w", err)
	}
	if err := atomicfile.Write(path, []byte(script), 0o755); err != nil {
		return "", fmt.Errorf("hooks: install %s: %w", path, err)
	}
	return path, nil
}

// Script returns the pre-commit hook for a site at siteSubdir (relative to
// the repository's root, forward slashes, "" for the root) checked with
// pressCommand.
func Script(siteSubdir, pressCommand string) string {
	site := `"$tmp"`
	if siteSubdir != "" {
		site = `"$tmp"/` + shellQuote(siteSubdir)
	}
	return "#!/bin/sh\n" +
		Marker + " (written by `press hooks install`; edits are lost when it is installed again)\n" +
		"#\n" +
		"# Runs `press check` on the staged content before each commit.\n" +
		"# Skip it once with: git commit --no-verify\n" +
		"set -eu\n" +
		"tmp=$(mktemp -d \"${TMPDIR:-/tmp}/press-pre-commit.XXXXXX\")\n" +
		"trap 'rm -rf \"$tmp\"' EXIT\n" +
		"trap 'exit 130' INT TERM\n" +
		"# The index, not the work tree: what is about to be committed.\n" +
		"git checkout-index --all --prefix=\"$tmp/\"\n" +
		"if ! " + pressCommand + " check --source " + site + "; then\n" +
		"\techo 'press: the staged site does not pass `press check`; fix the problems above, or commit with --no-verify' >&2\n" +
		"\texit 1\n" +
		"fi\n"
}

// shellQuote quotes s for sh.
func shellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// hooksDir returns the directory git runs hooks from: core.hooksPath when
// set (relative to the work tree's root), else the hooks directory of the
// repository's (common) .git directory.
func hooksDir(repo *git.Repository, root string) (string, error) {
	cfg, err := repo.Config()
	if err != nil {
		return "", fmt.Errorf("read the repository's config: %w", err)
	}
	if p := cfg.Raw.Section("core").Option("hooksPath"); p != "" {
		if strings.HasPrefix(p, "~/") {
			if home, err := os.UserHomeDir(); err == nil {
				p = filepath.Join(home, p[2:])
			}
		}
		if !filepath.IsAbs(p) {
			p = filepath.Join(root, p)
		}
		return p, nil
	}
	st, ok := repo.Storer.(*filesystem.Storage)
	if !ok {
		return "", errors.New("the repository is not on disk")
	}
	dotgit := st.Filesystem().Root()
	if raw, err := os.ReadFile(filepath.Join(dotgit, "commondir")); err == nil {
		common := strings.TrimSpace(string(raw))
		if !filepath.IsAbs(common) {
			common = filepath.Join(dotgit, common)
		}
		dotgit = common
	}
	return filepath.Join(dotgit, "hooks"), nil
}
