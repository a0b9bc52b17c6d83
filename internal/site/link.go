package site

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/afero"
	"github.com/zzia/press/internal/tempdir"
)

// linker is an output file system that can add a file as a hard link to a
// file outside it, with each layer's rules kept (the hook sees the file,
// the reuse file system never touches a published file, an interrupted
// build makes nothing).
type linker interface {
	// link makes name a hard link to src, a file on disk that holds data.
	link(src, name string, data []byte) error
}

// errNoLink says that a file system cannot hold a link (it is in memory);
// the caller writes the bytes instead.
var errNoLink = errors.New("no hard links on this file system")

// linkInto adds name to fsys as a hard link to src.
func linkInto(fsys afero.Fs, src, name string, data []byte) error {
	switch f := fsys.(type) {
	case linker:
		return f.link(src, name, data)
	case *afero.OsFs, afero.OsFs:
		return os.Link(src, name)
	}
	return errNoLink
}

func (h hookFs) link(src, name string, data []byte) error {
	if err := linkInto(h.Fs, src, name, data); err != nil {
		return err
	}
	rel, err := filepath.Rel(h.root, name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil
	}
	if h.seen != nil {
		h.seen(filepath.ToSlash(rel))
	}
	if filepath.Ext(name) == ".html" {
		h.fn(filepath.ToSlash(rel), data, func() {}) // data is the caller's, kept
	}
	return nil
}

func (s stopFs) link(src, name string, data []byte) error {
	if tempdir.Stopping() {
		return &os.PathError{Op: "link", Path: name, Err: errStopping}
	}
	return linkInto(s.Fs, src, name, data)
}

func (g gateFs) link(src, name string, data []byte) error {
	g.ready()
	return linkInto(g.Fs, src, name, data)
}

// link leaves a file of the previous output with the same bytes in place;
// anything else at name is removed first (never written through), as for a
// file Hugo writes. The link is not the build's own file: it shares its
// bytes with src, so it is copied before anything writes to it in place.
func (r *reuseFs) link(src, name string, data []byte) error {
	r.mu.Lock()
	r.fresh[name] = true
	r.mu.Unlock()
	if r.same(name, data) {
		return nil
	}
	if err := r.Fs.Remove(name); err != nil && !errors.Is(err, os.ErrNotExist) {
		if err := r.clearWay(name); err != nil {
			return err
		}
	}
	if err := linkInto(r.Fs, src, name, data); err != nil {
		return err
	}
	r.mu.Lock()
	delete(r.owned, name)
	r.mu.Unlock()
	return nil
}
