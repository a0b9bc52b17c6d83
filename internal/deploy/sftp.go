package deploy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/dustin/go-humanize"
	"github.com/pkg/sftp"
	"golang.org/x/crypto/ssh"
)

// The layout of an SFTP target's directory DIR:
//
//	DIR/current            symbolic link to releases/ID: the web server's root
//	DIR/releases/ID/       one release: the whole built site
//	DIR/releases/ID.json   its manifest: every file's size and SHA-256
//
// A deploy makes a new release: unchanged files are hard links to the live
// release's (no transfer), changed and new ones are uploaded, removed ones
// are left out. The release is built under a hidden name, renamed into
// place when complete, and DIR/current is switched to it by renaming a new
// symbolic link over it, which is atomic: visitors see the old site or the
// new one, never a mix. Older releases beyond the target's keep are removed.
const (
	currentLink  = "current"
	releasesDir  = "releases"
	manifestExt  = ".json"
	partialMark  = ".partial"
	defaultKeep  = 5
	sshTimeout   = 30 * time.Second
	stalePartial = 24 * time.Hour
)

// manifest lists the files of a release.
type manifest struct {
	Release string               `json:"release"`
	Files   map[string]fileEntry `json:"files"`
}

type fileEntry struct {
	Size   int64  `json:"size"`
	SHA256 string `json:"sha256"`
}

// sftpTarget is a parsed sftp:// target URL.
type sftpTarget struct {
	user, host, port string
	dir              string // absolute, or relative to the login directory
}

func (t *sftpTarget) addr() string { return net.JoinHostPort(t.host, t.port) }

func (t *sftpTarget) String() string {
	dir := t.dir
	if !path.IsAbs(dir) {
		dir = "/~/" + strings.TrimPrefix(dir, "./")
	}
	return fmt.Sprintf("sftp://%s@%s%s", t.user, t.addr(), dir)
}

// parseSFTP reads sftp://user@host[:port]/abs/dir (or /~/dir for a
// directory under the login directory). A password in the URL is refused:
// the URL lives in the site's configuration, which is committed.
func parseSFTP(u *url.URL, getenv func(string) string) (*sftpTarget, error) {
	t := &sftpTarget{host: u.Hostname(), port: u.Port()}
	if t.host == "" {
		return nil, fmt.Errorf("SFTP target %s has no host", redactURL(u.String()))
	}
	if t.port == "" {
		t.port = "22"
	}
	if u.User != nil {
		if _, has := u.User.Password(); has {
			return nil, fmt.Errorf("SFTP target %s has a password in its URL; remove it and set %s in the environment instead (the site's configuration is committed and published)", redactURL(u.String()), PasswordVar)
		}
		t.user = u.User.Username()
	}
	if t.user == "" {
		t.user = getenv("USER")
	}
	if t.user == "" {
		return nil, fmt.Errorf("SFTP target %s names no user (sftp://USER@%s/…)", u.String(), t.host)
	}
	p := u.Path
	switch {
	case p == "" || p == "/":
		return nil, fmt.Errorf("SFTP target %s names no directory (sftp://%s@%s/srv/www/site)", u.String(), t.user, t.host)
	case p == "/~" || strings.HasPrefix(p, "/~/"):
		t.dir = strings.TrimPrefix(strings.TrimPrefix(p, "/~"), "/")
		if t.dir == "" {
			t.dir = "."
		}
	default:
		t.dir = path.Clean(p)
	}
	return t, nil
}

// sftpDeployer deploys to a directory on a server over SFTP.
type sftpDeployer struct {
	s      *settings
	t      *sftpTarget
	keep   int
	ssh    *ssh.Client
	client *sftp.Client

	// Found by plan, used by apply.
	previous string               // live release ID; "" for none
	prevMan  map[string]fileEntry // its files
	local    map[string]fileEntry // the built site's files
}

func newSFTPDeployer(s *settings, u *url.URL) (*sftpDeployer, error) {
	t, err := parseSFTP(u, s.getenv)
	if err != nil {
		return nil, err
	}
	keep := s.target.Keep
	if keep == 0 {
		keep = defaultKeep
	}
	return &sftpDeployer{s: s, t: t, keep: keep}, nil
}

func (d *sftpDeployer) close() {
	if d.client != nil {
		d.client.Close()
	}
	if d.ssh != nil {
		d.ssh.Close()
	}
}

func (d *sftpDeployer) connect(ctx context.Context) error {
	auth, err := sshAuth(d.s.getenv, d.s.red)
	if err != nil {
		return err
	}
	hostKeys, err := hostKeyCallback(d.s.getenv)
	if err != nil {
		return err
	}
	cfg := &ssh.ClientConfig{
		User:            d.t.user,
		Auth:            auth.methods,
		HostKeyCallback: hostKeys,
		Timeout:         sshTimeout,
	}
	dialer := net.Dialer{Timeout: sshTimeout}
	conn, err := dialer.DialContext(ctx, "tcp", d.t.addr())
	if err != nil {
		return fmt.Errorf("connect to %s: %w", d.t.addr(), err)
	}
	c, chans, reqs, err := ssh.NewClientConn(conn, d.t.addr(), cfg)
	if err != nil {
		conn.Close()
		return classifySSH(d.t, auth, err)
	}
	d.ssh = ssh.NewClient(c, chans, reqs)
	d.client, err = sftp.NewClient(d.ssh, sftp.UseConcurrentWrites(true))
	if err != nil {
		return fmt.Errorf("start SFTP on %s: %w (the server must offer the sftp subsystem)", d.t.addr(), err)
	}
	return nil
}

// remote joins slash-separated parts under the target directory.
func (d *sftpDeployer) remote(parts ...string) string {
	return path.Join(append([]string{d.t.dir}, parts...)...)
}

func (d *sftpDeployer) plan(ctx context.Context) (*Result, error) {
	var local map[string]fileEntry
	var localErr error
	done := make(chan struct{})
	go func() { // hash the site while the connection is set up
		local, localErr = hashTree(d.s.opts.Dir)
		close(done)
	}()
	err := d.connect(ctx)
	<-done
	if err != nil {
		return nil, err
	}
	if localErr != nil {
		return nil, localErr
	}
	d.local = local

	// The live release.
	cur := d.remote(currentLink)
	if fi, err := d.client.Lstat(cur); err == nil {
		if fi.Mode()&fs.ModeSymlink == 0 {
			return nil, fmt.Errorf("%s on %s is not a symbolic link; press switches releases by replacing it: move it away first (the web server's root should be %s)", cur, d.t.addr(), cur)
		}
		dest, err := d.client.ReadLink(cur)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", cur, err)
		}
		d.previous = path.Base(dest)
		d.prevMan, err = d.readManifest(d.previous)
		if err != nil {
			return nil, err
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("look at %s on %s: %w", cur, d.t.addr(), err)
	}

	res := &Result{}
	var size int64
	for _, p := range slices.Sorted(maps.Keys(local)) {
		lf := local[p]
		pf, ok := d.prevMan[p]
		reason := ""
		switch {
		case d.s.force:
			reason = "--force"
		case !ok:
			reason = "not found at target"
		case pf.Size != lf.Size:
			reason = "size differs"
		case pf.SHA256 == "":
			reason = "remote hash missing"
		case pf.SHA256 != lf.SHA256:
			reason = "sha256 differs"
		}
		if reason == "" {
			res.Unchanged++
			continue
		}
		size += lf.Size
		res.Uploads = append(res.Uploads, Change{Path: p, Size: humanize.Bytes(uint64(lf.Size)), Reason: reason})
	}
	for _, p := range slices.Sorted(maps.Keys(d.prevMan)) {
		if _, ok := local[p]; !ok {
			res.Deletes = append(res.Deletes, p)
		}
	}
	res.UploadSize = humanize.Bytes(uint64(size))
	return res, nil
}

// readManifest reads the manifest of release id, or lists the release's
// files (sizes only) when it has none, e.g. a release made by hand.
func (d *sftpDeployer) readManifest(id string) (map[string]fileEntry, error) {
	f, err := d.client.Open(d.remote(releasesDir, id+manifestExt))
	if err == nil {
		defer f.Close()
		var m manifest
		if err := json.NewDecoder(f).Decode(&m); err == nil && m.Files != nil {
			return m.Files, nil
		}
	}
	files := map[string]fileEntry{}
	root := d.remote(releasesDir, id)
	w := d.client.Walk(root)
	for w.Step() {
		if w.Err() != nil {
			return nil, fmt.Errorf("list %s on %s: %w", root, d.t.addr(), w.Err())
		}
		if w.Stat().Mode().IsRegular() {
			rel := strings.TrimPrefix(strings.TrimPrefix(w.Path(), root), "/")
			files[rel] = fileEntry{Size: w.Stat().Size()}
		}
	}
	return files, nil
}

func (d *sftpDeployer) apply(ctx context.Context, plan *Result) (*Result, error) {
	if _, ok := d.client.HasExtension("posix-rename@openssh.com"); !ok {
		return nil, fmt.Errorf("the SFTP server on %s lacks posix-rename@openssh.com, which the atomic switch of releases needs (OpenSSH has it)", d.t.addr())
	}
	id, err := d.newReleaseID()
	if err != nil {
		return nil, err
	}
	partial := d.remote(releasesDir, "."+id+partialMark)
	final := d.remote(releasesDir, id)
	if err := d.client.MkdirAll(partial); err != nil {
		return nil, fmt.Errorf("create %s on %s: %w", partial, d.t.addr(), err)
	}
	ok := false
	defer func() {
		if !ok {
			d.client.RemoveAll(partial)
		}
	}()
	if err := d.makeDirs(ctx, partial); err != nil {
		return nil, err
	}

	upload := map[string]bool{}
	for _, c := range plan.Uploads {
		upload[c.Path] = true
	}
	res := *plan
	res.Uploads = append([]Change(nil), plan.Uploads...)
	var mu sync.Mutex
	err = forEach(ctx, slices.Sorted(maps.Keys(d.local)), d.s.workers, func(p string) error {
		dst := path.Join(partial, p)
		if !upload[p] {
			// Unchanged: a hard link to the live release's copy.
			lerr := d.client.Link(path.Join(d.remote(releasesDir, d.previous), p), dst)
			if lerr == nil {
				return nil
			}
			mu.Lock()
			res.Unchanged--
			res.Uploads = append(res.Uploads, Change{Path: p, Size: humanize.Bytes(uint64(d.local[p].Size)), Reason: "hard link refused: " + lerr.Error()})
			mu.Unlock()
		}
		return d.upload(p, dst)
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(res.Uploads, func(i, j int) bool { return res.Uploads[i].Path < res.Uploads[j].Path })

	// Complete: name the release, write its manifest, switch.
	if err := d.client.Rename(partial, final); err != nil {
		return nil, fmt.Errorf("rename %s to %s on %s: %w", partial, final, d.t.addr(), err)
	}
	ok = true
	if err := d.writeManifest(id); err != nil {
		d.client.RemoveAll(final)
		return nil, err
	}
	if err := d.switchTo(id); err != nil {
		d.client.RemoveAll(final)
		d.client.Remove(d.remote(releasesDir, id+manifestExt))
		return nil, err
	}
	res.Release = id
	if w := d.prune(id); w != "" {
		res.Warnings = append(res.Warnings, w)
	}
	return &res, nil
}

// newReleaseID names a release by the time (UTC, so names sort in order).
func (d *sftpDeployer) newReleaseID() (string, error) {
	base := d.s.opts.Now().UTC().Format("20060102T150405Z")
	for i := 0; i < 100; i++ {
		id := base
		if i > 0 {
			id = fmt.Sprintf("%s-%d", base, i)
		}
		if _, err := d.client.Lstat(d.remote(releasesDir, id)); errors.Is(err, fs.ErrNotExist) {
			return id, nil
		}
	}
	return "", fmt.Errorf("cannot find a free release name under %s", d.remote(releasesDir))
}

// makeDirs creates the site's directories under root, a level at a time
// (each level's in parallel).
func (d *sftpDeployer) makeDirs(ctx context.Context, root string) error {
	levels := map[int][]string{}
	seen := map[string]bool{}
	for p := range d.local {
		for dir := path.Dir(p); dir != "." && !seen[dir]; dir = path.Dir(dir) {
			seen[dir] = true
			depth := strings.Count(dir, "/")
			levels[depth] = append(levels[depth], dir)
		}
	}
	for depth := 0; depth < len(levels); depth++ {
		dirs := levels[depth]
		sort.Strings(dirs)
		err := forEach(ctx, dirs, d.s.workers, func(dir string) error {
			if err := d.client.Mkdir(path.Join(root, dir)); err != nil {
				return fmt.Errorf("create %s on %s: %w", path.Join(root, dir), d.t.addr(), err)
			}
			return d.client.Chmod(path.Join(root, dir), 0o755)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// upload copies the local file p to dst, readable by the web server.
func (d *sftpDeployer) upload(p, dst string) error {
	src, err := os.Open(filepath.Join(d.s.opts.Dir, filepath.FromSlash(p)))
	if err != nil {
		return err
	}
	defer src.Close()
	f, err := d.client.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL)
	if err != nil {
		return fmt.Errorf("create %s on %s: %w", dst, d.t.addr(), err)
	}
	if _, err := f.ReadFrom(src); err != nil {
		f.Close()
		return fmt.Errorf("upload %s to %s: %w", p, d.t.addr(), err)
	}
	if err := f.Chmod(0o644); err != nil {
		f.Close()
		return fmt.Errorf("chmod %s on %s: %w", dst, d.t.addr(), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("upload %s to %s: %w", p, d.t.addr(), err)
	}
	return nil
}

func (d *sftpDeployer) writeManifest(id string) error {
	b, err := json.MarshalIndent(manifest{Release: id, Files: d.local}, "", " ")
	if err != nil {
		return err
	}
	tmp := d.remote(releasesDir, "."+id+manifestExt+partialMark)
	dst := d.remote(releasesDir, id+manifestExt)
	f, err := d.client.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_TRUNC)
	if err != nil {
		return fmt.Errorf("write %s on %s: %w", tmp, d.t.addr(), err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("write %s on %s: %w", tmp, d.t.addr(), err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s on %s: %w", tmp, d.t.addr(), err)
	}
	if err := d.client.PosixRename(tmp, dst); err != nil {
		return fmt.Errorf("rename %s on %s: %w", tmp, d.t.addr(), err)
	}
	return nil
}

// switchTo points DIR/current at release id atomically: a new symbolic
// link renamed over the old one (rename(2) through OpenSSH's
// posix-rename@openssh.com).
func (d *sftpDeployer) switchTo(id string) error {
	tmp := d.remote("." + currentLink + "." + id)
	d.client.Remove(tmp)
	if err := d.client.Symlink(path.Join(releasesDir, id), tmp); err != nil {
		return fmt.Errorf("create link %s on %s: %w", tmp, d.t.addr(), err)
	}
	if err := d.client.PosixRename(tmp, d.remote(currentLink)); err != nil {
		d.client.Remove(tmp)
		return fmt.Errorf("switch %s to %s on %s: %w", d.remote(currentLink), id, d.t.addr(), err)
	}
	return nil
}

// prune removes releases (and their manifests) beyond the newest d.keep,
// never the live one, and partial releases left by failed deploys more
// than a day ago. It returns a warning, not an error: the deploy is done.
func (d *sftpDeployer) prune(live string) string {
	entries, err := d.client.ReadDir(d.remote(releasesDir))
	if err != nil {
		return fmt.Sprintf("could not list old releases: %v", err)
	}
	var releases []string
	var problems []string
	for _, e := range entries {
		name := e.Name()
		switch {
		case e.IsDir() && !strings.HasPrefix(name, "."):
			releases = append(releases, name)
		case strings.HasPrefix(name, ".") && strings.HasSuffix(name, partialMark) && time.Since(e.ModTime()) > stalePartial:
			if err := d.client.RemoveAll(d.remote(releasesDir, name)); err != nil {
				problems = append(problems, err.Error())
			}
		}
	}
	sort.Strings(releases)
	for i, r := range releases {
		if r == live || i >= len(releases)-d.keep {
			continue
		}
		if err := d.client.RemoveAll(d.remote(releasesDir, r)); err != nil {
			problems = append(problems, err.Error())
		}
		d.client.Remove(d.remote(releasesDir, r+manifestExt))
	}
	if len(problems) > 0 {
		return "could not remove every old release: " + strings.Join(problems, "; ")
	}
	return ""
}

// hashTree returns every regular file under dir (slash-separated paths)
// with its size and SHA-256.
func hashTree(dir string) (map[string]fileEntry, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.Type().IsRegular() {
			paths = append(paths, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	out := make(map[string]fileEntry, len(paths))
	var mu sync.Mutex
	err = forEach(context.Background(), paths, 4, func(p string) error {
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(h, f)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		mu.Lock()
		out[filepath.ToSlash(rel)] = fileEntry{Size: n, SHA256: hex.EncodeToString(h.Sum(nil))}
		mu.Unlock()
		return nil
	})
	return out, err
}

// forEach calls fn for every item with at most n calls at once, and
// returns the first error (the remaining items are skipped).
func forEach(ctx context.Context, items []string, n int, fn func(string) error) error {
	if n < 1 {
		n = 1
	}
	var (
		wg    sync.WaitGroup
		mu    sync.Mutex
		first error
	)
	sem := make(chan struct{}, n)
	for _, it := range items {
		mu.Lock()
		stop := first != nil
		mu.Unlock()
		if stop {
			break
		}
		if err := ctx.Err(); err != nil {
			mu.Lock()
			first = err
			mu.Unlock()
			break
		}
		sem <- struct{}{}
		wg.Add(1)
		go func(it string) {
			defer func() { <-sem; wg.Done() }()
			if err := fn(it); err != nil {
				mu.Lock()
				if first == nil {
					first = err
				}
				mu.Unlock()
			}
		}(it)
	}
	wg.Wait()
	return first
}
