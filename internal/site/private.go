package site

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/afero"
	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/msg"
)

// privateFs is the file system Hugo reads the site through: the paths under
// its roots (member data, .git, the secretariat's outputs) do not appear in
// directory listings and cannot be opened, so no template, content adapter
// or mount can read them (readFile, os.ReadDir, os.Stat, resources).
type privateFs struct {
	afero.Fs
	site    string   // the site directory, to name paths in errors
	content string   // its content folder, with a trailing separator
	roots   []string // absolute, cleaned
	lang    msg.Lang // the language of its errors
}

// newPrivateFs hides the site-relative paths private (slash-separated) of
// the site src from Hugo; its errors are in language lang.
func newPrivateFs(base afero.Fs, src string, private []string, lang msg.Lang) *privateFs {
	p := &privateFs{Fs: base, site: src, lang: lang, content: filepath.Join(src, "content") + string(filepath.Separator)}
	for _, r := range private {
		p.roots = append(p.roots, filepath.Join(src, filepath.FromSlash(r)))
	}
	return p
}

// privateError is the error for a private path. It is not a "does not
// exist" error, so Hugo's readFile reports it instead of returning "".
type privateError struct {
	name string
	lang msg.Lang
}

func (e *privateError) Error() string { return e.lang.T("site.private", e.name) }

func (p *privateFs) denied(name string) error {
	if !filepath.IsAbs(name) {
		if abs, err := filepath.Abs(name); err == nil {
			name = abs
		}
	}
	name = filepath.Clean(name)
	for _, r := range p.roots {
		if name == r || strings.HasPrefix(name, r+string(filepath.Separator)) {
			rel, err := filepath.Rel(p.site, name)
			if err != nil {
				rel = name
			}
			return &privateError{name: filepath.ToSlash(rel), lang: p.lang}
		}
	}
	return nil
}

// holdsPrivate reports whether some private root is directly inside dir.
func (p *privateFs) holdsPrivate(dir string) bool {
	dir = filepath.Clean(dir)
	for _, r := range p.roots {
		if filepath.Dir(r) == dir {
			return true
		}
	}
	return false
}

// UnwrapFilesystem lets Hugo see that it reads the OS file system.
func (p *privateFs) UnwrapFilesystem() afero.Fs { return p.Fs }

// readable refuses what may not be opened for reading: a file that is
// not a regular file or directory (a FIFO would block, /dev/zero never
// ends), and a content file larger than content.MaxFileSize.
func (p *privateFs) readable(name string) error {
	fi, err := p.Fs.Stat(name)
	if err != nil || fi.IsDir() {
		return nil
	}
	if !fi.Mode().IsRegular() || (p.content != "" && strings.HasPrefix(filepath.Clean(name), p.content) &&
		(content.ContentFile(name) || strings.HasSuffix(name, ".gotmpl"))) {
		if err := content.CheckRegular(name, fi); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				pe.Path = relName(p.site, name)
			}
			return err
		}
	}
	return nil
}

func (p *privateFs) Open(name string) (afero.File, error) {
	return p.open(name, func() (afero.File, error) { return p.Fs.Open(name) })
}

func (p *privateFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	return p.open(name, func() (afero.File, error) { return p.Fs.OpenFile(name, flag, perm) })
}

// open opens name with open unless it is private or not readable; a
// directory holding private entries lists without them.
func (p *privateFs) open(name string, open func() (afero.File, error)) (afero.File, error) {
	if err := p.denied(name); err != nil {
		return nil, &os.PathError{Op: "open", Path: name, Err: err}
	}
	if err := p.readable(name); err != nil {
		return nil, err
	}
	f, err := open()
	if err != nil || !p.holdsPrivate(name) {
		return f, err
	}
	return &privateDir{File: f, fs: p, dir: name}, nil
}

func (p *privateFs) Stat(name string) (os.FileInfo, error) {
	if err := p.denied(name); err != nil {
		return nil, &os.PathError{Op: "stat", Path: name, Err: err}
	}
	return p.Fs.Stat(name)
}

// LstatIfPossible is afero.Lstater.
func (p *privateFs) LstatIfPossible(name string) (os.FileInfo, bool, error) {
	if err := p.denied(name); err != nil {
		return nil, false, &os.PathError{Op: "lstat", Path: name, Err: err}
	}
	if l, ok := p.Fs.(afero.Lstater); ok {
		return l.LstatIfPossible(name)
	}
	fi, err := p.Fs.Stat(name)
	return fi, false, err
}

func (p *privateFs) Create(name string) (afero.File, error) {
	if err := p.denied(name); err != nil {
		return nil, &os.PathError{Op: "create", Path: name, Err: err}
	}
	return p.Fs.Create(name)
}

func (p *privateFs) Mkdir(name string, perm os.FileMode) error {
	if err := p.denied(name); err != nil {
		return &os.PathError{Op: "mkdir", Path: name, Err: err}
	}
	return p.Fs.Mkdir(name, perm)
}

func (p *privateFs) MkdirAll(name string, perm os.FileMode) error {
	if err := p.denied(name); err != nil {
		return &os.PathError{Op: "mkdir", Path: name, Err: err}
	}
	return p.Fs.MkdirAll(name, perm)
}

func (p *privateFs) Remove(name string) error {
	if err := p.denied(name); err != nil {
		return &os.PathError{Op: "remove", Path: name, Err: err}
	}
	return p.Fs.Remove(name)
}

func (p *privateFs) RemoveAll(name string) error {
	if err := p.denied(name); err != nil {
		return &os.PathError{Op: "remove", Path: name, Err: err}
	}
	return p.Fs.RemoveAll(name)
}

func (p *privateFs) Rename(from, to string) error {
	for _, n := range []string{from, to} {
		if err := p.denied(n); err != nil {
			return &os.PathError{Op: "rename", Path: n, Err: err}
		}
	}
	return p.Fs.Rename(from, to)
}

func (p *privateFs) Chmod(name string, mode os.FileMode) error {
	if err := p.denied(name); err != nil {
		return &os.PathError{Op: "chmod", Path: name, Err: err}
	}
	return p.Fs.Chmod(name, mode)
}

func (p *privateFs) Chown(name string, uid, gid int) error {
	if err := p.denied(name); err != nil {
		return &os.PathError{Op: "chown", Path: name, Err: err}
	}
	return p.Fs.Chown(name, uid, gid)
}

func (p *privateFs) Chtimes(name string, atime, mtime time.Time) error {
	if err := p.denied(name); err != nil {
		return &os.PathError{Op: "chtimes", Path: name, Err: err}
	}
	return p.Fs.Chtimes(name, atime, mtime)
}

func (p *privateFs) Name() string { return "press-private" }

// privateDir is a directory holding private entries: its listings leave
// them out.
type privateDir struct {
	afero.File
	fs  *privateFs
	dir string
}

func (d *privateDir) Readdir(n int) ([]os.FileInfo, error) {
	return listPublic(d, n, d.File.Readdir, os.FileInfo.Name)
}

func (d *privateDir) Readdirnames(n int) ([]string, error) {
	return listPublic(d, n, d.File.Readdirnames, func(name string) string { return name })
}

// ReadDir is fs.ReadDirFile, which Hugo expects of directories.
func (d *privateDir) ReadDir(n int) ([]fs.DirEntry, error) {
	rd, ok := d.File.(fs.ReadDirFile)
	if !ok {
		return nil, &os.PathError{Op: "readdir", Path: d.dir, Err: errors.ErrUnsupported}
	}
	return listPublic(d, n, rd.ReadDir, fs.DirEntry.Name)
}

// listPublic lists d as read does (n entries at most when n > 0), leaving
// out the private entries, which name tells by their names. A batch that
// held only private entries is not the end.
func listPublic[E any](d *privateDir, n int, read func(int) ([]E, error), name func(E) string) ([]E, error) {
	for {
		es, err := read(n)
		out := es[:0]
		for _, e := range es {
			if d.fs.denied(filepath.Join(d.dir, name(e))) == nil {
				out = append(out, e)
			}
		}
		if n > 0 && len(out) == 0 && len(es) > 0 && err == nil {
			continue
		}
		return out, err
	}
}
