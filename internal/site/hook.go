package site

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/spf13/afero"
	"github.com/zzia/press/internal/tempdir"
)

// hookFs is the output file system with a hook: every .html file Hugo
// creates is also handed, once closed, to fn with its path relative to root.
type hookFs struct {
	afero.Fs
	root string
	fn   func(name string, data []byte, done func())
	// seen, when set, receives the name of every file created.
	seen func(name string)
}

// Create is how Hugo opens every page it publishes.
func (h hookFs) Create(name string) (afero.File, error) {
	f, err := h.Fs.Create(name)
	if err != nil {
		return f, err
	}
	rel, rerr := filepath.Rel(h.root, name)
	if rerr != nil || strings.HasPrefix(rel, "..") {
		return f, err
	}
	if h.seen != nil {
		h.seen(filepath.ToSlash(rel))
	}
	if !strings.HasSuffix(name, ".html") {
		return f, err
	}
	hf := &hookFile{File: f, name: filepath.ToSlash(rel), fn: h.fn}
	hf.held, _ = f.(heldFile)
	if hf.held != nil {
		hf.held.hold()
	} else {
		hf.buf = getPageBuf()
	}
	return hf, nil
}

// heldFile is a file that keeps what is written to it in memory (a
// reuseFile): its bytes are handed on without a copy. hold says that the
// bytes are wanted after Close: whoever called it gives them back with
// release once done with them.
type heldFile interface {
	held() []byte
	hold()
	release()
}

// OpenFile routes creating opens through Create so they are seen too.
func (h hookFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&os.O_CREATE != 0 && flag&os.O_TRUNC != 0 && flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		return h.Create(name)
	}
	return h.Fs.OpenFile(name, flag, perm)
}

// hookFile keeps a copy of what is written and passes it on at Close.
type hookFile struct {
	afero.File
	name   string
	buf    *bytes.Buffer // from getPageBuf; nil when held is set
	held   heldFile      // set: the file keeps its bytes itself
	fn     func(name string, data []byte, done func())
	closed bool
}

// pageBufs are the buffers of the pages being written (a hookFile's copy,
// a reuseFile's bytes): a page's bytes are handed to fn at Close, and its
// buffer serves another page once fn calls done (Options.OnPage).
// Rendering a site thus allocates a few buffers instead of a copy of every
// page.
var pageBufs = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// maxPooled is the largest buffer kept for another page.
const maxPooled = 1 << 20

func getPageBuf() *bytes.Buffer { return pageBufs.Get().(*bytes.Buffer) }

// putPageBuf gives b back for another page.
func putPageBuf(b *bytes.Buffer) {
	if b.Cap() <= maxPooled {
		b.Reset()
		pageBufs.Put(b)
	}
}

func (f *hookFile) Write(p []byte) (int, error) {
	if f.buf != nil {
		f.buf.Write(p)
	}
	return f.File.Write(p)
}

func (f *hookFile) WriteString(s string) (int, error) {
	if f.buf != nil {
		f.buf.WriteString(s)
	}
	return f.File.WriteString(s)
}

func (f *hookFile) Close() error {
	err := f.File.Close()
	if f.closed {
		return err
	}
	f.closed = true
	if f.held != nil {
		if err != nil {
			f.held.release()
			return err
		}
		f.fn(f.name, f.held.held(), f.held.release)
		return err
	}
	b := f.buf
	f.buf = nil
	if err != nil {
		putPageBuf(b)
		return err
	}
	f.fn(f.name, b.Bytes(), func() { putPageBuf(b) })
	return err
}

// stopFs refuses to create files and directories once the process is being
// interrupted, so that Hugo's writers do not recreate the staging
// directory the interruption removes.
type stopFs struct{ afero.Fs }

func (s stopFs) Create(name string) (afero.File, error) {
	if tempdir.Stopping() {
		return nil, &os.PathError{Op: "create", Path: name, Err: errStopping}
	}
	return s.Fs.Create(name)
}

func (s stopFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&os.O_CREATE != 0 && tempdir.Stopping() {
		return nil, &os.PathError{Op: "open", Path: name, Err: errStopping}
	}
	return s.Fs.OpenFile(name, flag, perm)
}

func (s stopFs) Mkdir(name string, perm os.FileMode) error {
	if tempdir.Stopping() {
		return &os.PathError{Op: "mkdir", Path: name, Err: errStopping}
	}
	return s.Fs.Mkdir(name, perm)
}

func (s stopFs) MkdirAll(name string, perm os.FileMode) error {
	if tempdir.Stopping() {
		return &os.PathError{Op: "mkdir", Path: name, Err: errStopping}
	}
	return s.Fs.MkdirAll(name, perm)
}

var errStopping = errors.New("interrupted")

// UnwrapFilesystem lets Hugo see the OS file system underneath.
func (s stopFs) UnwrapFilesystem() afero.Fs { return s.Fs }
