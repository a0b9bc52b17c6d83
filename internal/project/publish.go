package project

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"strings"
	"syscall"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/publish"
)

// DefaultBranch is the branch Publish commits to when none is given.
const DefaultBranch = publish.DefaultBranch

// PublishOptions says how Publish builds the site and where it puts it:
// a git branch (the default) or, with Dir, a folder.
type PublishOptions struct {
	// Build says where and how the site is built first.
	Build BuildOptions
	// Built, when set, is called with the build's result before anything
	// is published.
	Built func(*BuildResult)
	// Force publishes sources with uncommitted changes and lets Dir
	// replace a folder that is not press's.
	Force bool
	// Dir, when set, is a folder made a mirror of the built site instead
	// of a branch; the site need not be in git then.
	Dir string
	// Branch is the branch to commit to (DefaultBranch when empty);
	// Remote the remote to push it to (empty: commit only).
	Branch, Remote string
	// Message replaces the first line of the commit message.
	Message string
	// AuthorName and AuthorEmail sign the commit.
	AuthorName, AuthorEmail string
}

// PublishDirResult counts what publishing to a folder changed.
type PublishDirResult = publish.DirResult

// BranchResult reports what publishing to a branch did: the commit
// made, if any, and whether it was pushed.
type BranchResult = publish.Result

// PublishResult reports a publish: Dir for a folder, else Branch and
// Commit.
type PublishResult struct {
	// Dir is what mirroring to PublishOptions.Dir changed.
	Dir *PublishDirResult
	// Branch is the branch published to, Commit what was done there.
	Branch string
	Commit *BranchResult
}

// Publish builds the site and, only when the build succeeded, commits
// the output as the next commit of a branch (pushing it) or mirrors it
// into a folder. Sources with uncommitted changes are refused unless
// forced: what is published must be a commit. From the push on, an
// interruption (or ctx) cancels the push, which puts the local branch
// back; HandleInterrupt's cleanup ends there.
func (p *Project) Publish(ctx context.Context, opts PublishOptions) (*PublishResult, error) {
	lang := p.site.Lang
	head, herr := publish.Source(p.Dir)
	if herr != nil && !(opts.Dir != "" && errors.Is(herr, publish.ErrNoRepository)) {
		return nil, errors.New(lang.T("publish.norepo", herr))
	}
	if head != nil {
		clean, dirty, err := publish.IsClean(p.Dir)
		if err != nil {
			return nil, err
		}
		if !clean && !opts.Force {
			return nil, errors.New(lang.T("publish.dirty", dirtyList(dirty)))
		}
	}
	// Build first: a failed build is never published.
	res, err := p.Build(opts.Build)
	if err != nil {
		return nil, err
	}
	if opts.Built != nil {
		opts.Built(res)
	}
	if opts.Dir != "" {
		r, err := publish.ToDir(res.Dest, opts.Dir, opts.Force)
		var notOurs *publish.NotOursError
		if errors.As(err, &notOurs) {
			return nil, errors.New(lang.T("publish.notours", diag.QuoteName(opts.Dir), notOurs.Files))
		}
		if err != nil {
			return nil, err
		}
		return &PublishResult{Dir: r}, nil
	}
	pub := publish.Options{
		Dir: res.Dest, Repo: p.Dir, Branch: opts.Branch, Remote: opts.Remote, Message: opts.Message,
		AuthorName: opts.AuthorName, AuthorEmail: opts.AuthorEmail,
		Source: head.Hash, When: head.CommitDate,
	}
	// From here an interruption cancels the push, which puts the local
	// branch back.
	endInterruptHandling()
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	defer stop()
	r, err := publish.ToBranch(ctx, pub)
	if err != nil {
		return nil, err
	}
	branch := pub.Branch
	if branch == "" {
		branch = publish.DefaultBranch
	}
	return &PublishResult{Branch: branch, Commit: r}, nil
}

// dirtyList names at most five of the files with uncommitted changes.
func dirtyList(dirty []string) string {
	if len(dirty) > 5 {
		dirty = append(dirty[:5], "…")
	}
	return strings.Join(dirty, ", ")
}
