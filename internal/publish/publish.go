// Package publish delivers a built site: as a commit on a branch of a git
// repository (gh-pages), pushed to a remote, or as a mirrored directory for
// an rsync or object-storage step. It uses go-git only; no git binary is
// needed, not even for remotes that are local paths.
package publish

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
)

// DefaultBranch is the branch ToBranch publishes to when none is given.
const DefaultBranch = "gh-pages"

// Options says what ToBranch publishes, where and as whom.
type Options struct {
	// Dir is the built site. Its files become the branch's tree; a top-level
	// .git is skipped, empty directories are dropped (git stores none).
	Dir string
	// Repo is a directory in the repository that holds the branch (a work
	// tree or a bare repository); the repository is searched upwards.
	Repo string
	// Branch is the branch to commit to; DefaultBranch when empty.
	Branch string
	// Source is the commit the site was built from, named in the message.
	Source string
	// Message replaces the first line of the commit message when set; the
	// message always ends with a line naming Source.
	Message string
	// AuthorName and AuthorEmail sign the commit (author and committer);
	// "press" and "press@localhost" when empty.
	AuthorName, AuthorEmail string
	// When is the commit's date. Pass the source commit's date to make
	// publishing reproducible; zero means now.
	When time.Time
	// Remote is a configured remote's name ("origin") or a URL or path. Empty
	// means commit without pushing.
	Remote string
	// Getenv looks up credentials: PRESS_GIT_TOKEN or GITHUB_TOKEN for HTTP
	// remotes, SSH_AUTH_SOCK for SSH ones. Nil means os.Getenv.
	Getenv func(string) string
}

// Result reports what ToBranch did.
type Result struct {
	// Commit is the branch's tip after publishing.
	Commit string
	// Parent is the tip the publish started from; empty for a new branch.
	Parent string
	// Created reports that a commit was made (false when the built site is
	// the same as the tip's tree).
	Created bool
	// Pushed reports that the remote's branch was updated.
	Pushed bool
	// Files is the number of files in the published tree.
	Files int
	// Remote is the remote's URL, credentials removed; empty without push.
	Remote string
}

// ToBranch commits the files of opts.Dir as the next commit of opts.Branch
// and pushes the branch to opts.Remote. The commit's parent is the branch's
// tip: the remote's (fetched first) unless the local branch is ahead of it.
// No commit is made when the tree would be unchanged. If the push fails the
// local branch is put back as it was and the error returned. Errors never
// contain the credentials.
func ToBranch(ctx context.Context, opts Options) (*Result, error) {
	if opts.Dir == "" {
		return nil, errors.New("publish: no built directory given")
	}
	if fi, err := os.Stat(opts.Dir); err != nil {
		return nil, fmt.Errorf("publish: built site: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("publish: built site %s is not a directory", opts.Dir)
	}
	if opts.Branch == "" {
		opts.Branch = DefaultBranch
	}
	branch := plumbing.NewBranchReferenceName(opts.Branch)
	if err := branch.Validate(); err != nil {
		return nil, fmt.Errorf("publish: branch %q: %w", opts.Branch, err)
	}
	if opts.Getenv == nil {
		opts.Getenv = os.Getenv
	}
	repoDir := opts.Repo
	if repoDir == "" {
		repoDir = "."
	}
	repo, err := git.PlainOpenWithOptions(repoDir, &git.PlainOpenOptions{DetectDotGit: true, EnableDotGitCommonDir: true})
	if err != nil {
		return nil, fmt.Errorf("publish: open repository %s: %w", repoDir, err)
	}

	p := &publisher{ctx: ctx, repo: repo, opts: opts, branch: branch}
	res, err := p.run()
	if err != nil {
		return nil, p.creds.redact(fmt.Errorf("publish: %w", err))
	}
	return res, nil
}

// publisher holds the state of one ToBranch call.
type publisher struct {
	ctx    context.Context
	repo   *git.Repository
	opts   Options
	branch plumbing.ReferenceName
	remote *git.Remote
	url    string
	creds  credentials
}

func (p *publisher) run() (*Result, error) {
	res := &Result{}
	if p.opts.Remote != "" {
		if err := p.openRemote(); err != nil {
			return nil, err
		}
		res.Remote = redactURL(p.url)
	}

	// The commit's parent: the remote's tip unless the local branch has it
	// in its history already (an earlier publish whose push failed is not
	// kept, so that means a local branch ahead of the remote).
	local, err := p.localTip()
	if err != nil {
		return nil, err
	}
	var remoteTip plumbing.Hash
	if p.remote != nil {
		if remoteTip, err = p.fetch(); err != nil {
			return nil, err
		}
	}
	parent := local
	if !remoteTip.IsZero() && remoteTip != local {
		ahead, err := p.contains(local, remoteTip)
		if err != nil {
			return nil, err
		}
		if !ahead {
			parent = remoteTip
		}
	}

	tree, files, err := writeTree(p.repo.Storer, p.opts.Dir)
	if err != nil {
		return nil, err
	}
	res.Files = files

	var parentTree plumbing.Hash
	if !parent.IsZero() {
		c, err := p.repo.CommitObject(parent)
		if err != nil {
			return nil, fmt.Errorf("read %s tip %s: %w", p.branch.Short(), parent, err)
		}
		parentTree = c.TreeHash
		res.Parent = parent.String()
	}

	tip := parent
	if parent.IsZero() || tree != parentTree {
		if tip, err = p.commit(tree, parent); err != nil {
			return nil, err
		}
		res.Created = true
	}
	res.Commit = tip.String()

	// Point the local branch at the tip, remembering where it was.
	previous, err := p.repo.Storer.Reference(p.branch)
	if err != nil && !errors.Is(err, plumbing.ErrReferenceNotFound) {
		return nil, fmt.Errorf("read branch %s: %w", p.branch.Short(), err)
	}
	if tip != local {
		if err := p.repo.Storer.SetReference(plumbing.NewHashReference(p.branch, tip)); err != nil {
			return nil, fmt.Errorf("update branch %s: %w", p.branch.Short(), err)
		}
	}
	if p.remote == nil || tip == remoteTip {
		return res, nil
	}
	if err := p.push(tip); err != nil {
		if rerr := p.restore(previous); rerr != nil {
			return nil, fmt.Errorf("%w; and restoring branch %s failed: %v", err, p.branch.Short(), rerr)
		}
		return nil, err
	}
	res.Pushed = true
	return res, nil
}

// fileProtocol makes go-git serve file:// and path remotes in-process
// instead of running git-upload-pack and git-receive-pack.
var fileProtocol sync.Once

// openRemote resolves opts.Remote to a remote and its credentials.
func (p *publisher) openRemote() error {
	name := p.opts.Remote
	var cfg *config.RemoteConfig
	if r, err := p.repo.Remote(name); err == nil {
		cfg = r.Config()
	} else if errors.Is(err, git.ErrRemoteNotFound) {
		cfg = &config.RemoteConfig{Name: "press-publish", URLs: []string{name}}
	} else {
		return fmt.Errorf("remote %s: %w", name, err)
	}
	if len(cfg.URLs) == 0 {
		return fmt.Errorf("remote %s has no URL", name)
	}
	p.url = cfg.URLs[0]
	ep, err := transport.NewEndpoint(p.url)
	if err != nil {
		return fmt.Errorf("remote %s: %w", redactURL(p.url), err)
	}
	if ep.Protocol == "file" {
		fileProtocol.Do(func() {
			client.InstallProtocol("file", newLocalTransport())
		})
	}
	if p.creds, err = credentialsFor(ep, p.opts.Getenv); err != nil {
		return err
	}
	p.remote = git.NewRemote(p.repo.Storer, &config.RemoteConfig{Name: cfg.Name, URLs: []string{p.url}})
	return nil
}

// trackingRef is where the remote's branch is fetched to.
func (p *publisher) trackingRef() plumbing.ReferenceName {
	return plumbing.NewRemoteReferenceName(p.remote.Config().Name, p.branch.Short())
}

// fetch brings the remote's branch into the repository and returns its tip,
// zero when the remote has no such branch (or no commits at all).
func (p *publisher) fetch() (plumbing.Hash, error) {
	spec := config.RefSpec(fmt.Sprintf("+%s:%s", p.branch, p.trackingRef()))
	err := p.remote.FetchContext(p.ctx, &git.FetchOptions{
		RemoteName: p.remote.Config().Name,
		RefSpecs:   []config.RefSpec{spec},
		Auth:       p.creds.auth,
		Tags:       git.NoTags,
	})
	switch {
	case err == nil, errors.Is(err, git.NoErrAlreadyUpToDate):
	case errors.Is(err, git.NoMatchingRefSpecError{}), errors.Is(err, transport.ErrEmptyRemoteRepository):
		return plumbing.ZeroHash, nil
	default:
		return plumbing.ZeroHash, fmt.Errorf("fetch %s from %s: %w", p.branch.Short(), redactURL(p.url), err)
	}
	ref, err := p.repo.Storer.Reference(p.trackingRef())
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return plumbing.ZeroHash, nil
	}
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("read %s: %w", p.trackingRef(), err)
	}
	return ref.Hash(), nil
}

// localTip returns the local branch's tip, zero when there is no branch.
func (p *publisher) localTip() (plumbing.Hash, error) {
	ref, err := p.repo.Storer.Reference(p.branch)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return plumbing.ZeroHash, nil
	}
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("read branch %s: %w", p.branch.Short(), err)
	}
	return ref.Hash(), nil
}

// contains reports whether commit c has ancestor a (or is a).
func (p *publisher) contains(c, a plumbing.Hash) (bool, error) {
	if c.IsZero() {
		return false, nil
	}
	if c == a {
		return true, nil
	}
	cc, err := p.repo.CommitObject(c)
	if err != nil {
		return false, fmt.Errorf("read %s: %w", c, err)
	}
	ac, err := p.repo.CommitObject(a)
	if err != nil {
		return false, fmt.Errorf("read %s: %w", a, err)
	}
	return ac.IsAncestor(cc)
}

// message is the commit message: a subject and a line naming the source.
func (p *publisher) message() string {
	subject := p.opts.Message
	source := p.opts.Source
	if subject == "" {
		if source != "" {
			short := source
			if len(short) > 12 {
				short = short[:12]
			}
			subject = "Publish site from " + short
		} else {
			subject = "Publish site"
		}
	}
	msg := strings.TrimSpace(subject) + "\n"
	if source != "" {
		msg += "\nSource-Commit: " + source + "\n"
	}
	return msg
}

func (p *publisher) commit(tree, parent plumbing.Hash) (plumbing.Hash, error) {
	name, email := p.opts.AuthorName, p.opts.AuthorEmail
	if name == "" {
		name = "press"
	}
	if email == "" {
		email = "press@localhost"
	}
	when := p.opts.When
	if when.IsZero() {
		when = time.Now()
	}
	sig := object.Signature{Name: name, Email: email, When: when}
	c := &object.Commit{Author: sig, Committer: sig, Message: p.message(), TreeHash: tree}
	if !parent.IsZero() {
		c.ParentHashes = []plumbing.Hash{parent}
	}
	obj := p.repo.Storer.NewEncodedObject()
	if err := c.Encode(obj); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("encode commit: %w", err)
	}
	h, err := p.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("store commit: %w", err)
	}
	return h, nil
}

func (p *publisher) push(tip plumbing.Hash) error {
	spec := config.RefSpec(fmt.Sprintf("%s:%s", p.branch, p.branch))
	err := p.remote.PushContext(p.ctx, &git.PushOptions{
		RemoteName: p.remote.Config().Name,
		RefSpecs:   []config.RefSpec{spec},
		Auth:       p.creds.auth,
	})
	if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) {
		return fmt.Errorf("push %s to %s: %w", p.branch.Short(), redactURL(p.url), err)
	}
	// Keep the tracking ref in step, as git push does.
	if err := p.repo.Storer.SetReference(plumbing.NewHashReference(p.trackingRef(), tip)); err != nil {
		return fmt.Errorf("update %s: %w", p.trackingRef(), err)
	}
	return nil
}

// restore puts the local branch back to previous (nil: no branch).
func (p *publisher) restore(previous *plumbing.Reference) error {
	if previous == nil {
		err := p.repo.Storer.RemoveReference(p.branch)
		if errors.Is(err, plumbing.ErrReferenceNotFound) {
			return nil
		}
		return err
	}
	return p.repo.Storer.SetReference(previous)
}
