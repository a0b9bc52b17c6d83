package site

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// reuseFs is the output file system of a build whose destination was
// seeded with hard links to the previous output's files (Options.Reuse).
// A linked file shares its bytes with the published output, so nothing
// may be written through it: a file Hugo creates is collected in memory
// and, when it is closed, compared with the file in place; the same bytes
// leave the link alone, other bytes replace the link by a new file (the
// link is removed first, so the published file is never touched).
//
// To Hugo the stage looks as a fresh one: a file it has not written in
// this build does not exist (Hugo skips publishing a processed image that
// exists), so it writes every file it makes and the others can be removed.
type reuseFs struct {
	afero.Fs
	mu    sync.Mutex
	owned map[string]bool // files this build made itself
	fresh map[string]bool // files this build wrote (kept or made)
}

func newReuseFs(base afero.Fs) *reuseFs {
	return &reuseFs{Fs: base, owned: map[string]bool{}, fresh: map[string]bool{}}
}

// Create collects the file's bytes until Close (which makes its folder
// when the file is written).
func (r *reuseFs) Create(name string) (afero.File, error) {
	r.mu.Lock()
	r.fresh[name] = true
	r.mu.Unlock()
	return &reuseFile{fs: r, name: name, buf: getPageBuf()}, nil
}

// hidden reports whether name is a file left from the previous output
// that this build has not written.
func (r *reuseFs) hidden(name string) bool {
	r.mu.Lock()
	fresh := r.fresh[name]
	r.mu.Unlock()
	if fresh {
		return false
	}
	fi, err := r.Fs.Stat(name)
	return err == nil && !fi.IsDir()
}

func (r *reuseFs) Stat(name string) (os.FileInfo, error) {
	if r.hidden(name) {
		return nil, &os.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
	}
	return r.Fs.Stat(name)
}

func (r *reuseFs) Open(name string) (afero.File, error) {
	if r.hidden(name) {
		return nil, &os.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return r.Fs.Open(name)
}

// OpenFile routes creating opens to Create; an open for writing of a file
// that may be linked first gives the build its own copy.
func (r *reuseFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&os.O_CREATE != 0 && flag&os.O_TRUNC != 0 && flag&(os.O_WRONLY|os.O_RDWR) != 0 {
		return r.Create(name)
	}
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_APPEND|os.O_TRUNC) != 0 {
		if r.hidden(name) {
			// Not there, as far as this build knows.
			if err := r.Fs.Remove(name); err != nil {
				return nil, err
			}
		}
		if err := r.own(name); err != nil {
			return nil, err
		}
		r.mu.Lock()
		r.fresh[name] = true
		r.mu.Unlock()
	} else if r.hidden(name) {
		return nil, &os.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return r.Fs.OpenFile(name, flag, perm)
}

func (r *reuseFs) Chmod(name string, mode os.FileMode) error {
	if err := r.own(name); err != nil {
		return err
	}
	return r.Fs.Chmod(name, mode)
}

func (r *reuseFs) Chtimes(name string, atime, mtime time.Time) error {
	if err := r.own(name); err != nil {
		return err
	}
	return r.Fs.Chtimes(name, atime, mtime)
}

func (r *reuseFs) Chown(name string, uid, gid int) error {
	if err := r.own(name); err != nil {
		return err
	}
	return r.Fs.Chown(name, uid, gid)
}

// own replaces a file that may be a link by a copy of it that is the
// build's own.
func (r *reuseFs) own(name string) error {
	r.mu.Lock()
	owned := r.owned[name]
	r.mu.Unlock()
	if owned {
		return nil
	}
	b, err := afero.ReadFile(r.Fs, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return r.replace(name, b)
}

// replace puts a new file with data at name, removing what was there.
func (r *reuseFs) replace(name string, data []byte) error {
	if err := r.Fs.Remove(name); errors.Is(err, fs.ErrNotExist) {
		if err := r.Fs.MkdirAll(dirOf(name), 0o755); err != nil {
			if err := r.clearWay(name); err != nil {
				return err
			}
		}
	} else if err != nil {
		if err := r.clearWay(name); err != nil {
			return err
		}
	}
	f, err := r.Fs.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		r.mu.Lock()
		r.owned[name] = true
		r.mu.Unlock()
	}
	return err
}

// clearWay removes from the stage what the previous output had in the
// way of the file name: a file where this build needs a folder (a page
// that became a section), or a folder where it writes a file, when this
// build wrote nothing in it. Only the stage's names are removed.
func (r *reuseFs) clearWay(name string) error {
	r.clearFileAbove(dirOf(name))
	if fi, err := r.Fs.Stat(name); err == nil && fi.IsDir() {
		prefix := name + string(os.PathSeparator)
		r.mu.Lock()
		for f := range r.fresh {
			if strings.HasPrefix(f, prefix) {
				r.mu.Unlock()
				return &os.PathError{Op: "create", Path: name, Err: errors.New("a folder of this build is in the way")}
			}
		}
		r.mu.Unlock()
		if err := r.Fs.RemoveAll(name); err != nil {
			return err
		}
	}
	return r.Fs.MkdirAll(dirOf(name), 0o755)
}

// clearFileAbove removes the file of the previous output that is dir or
// one of its parents, if there is one (this build did not write it), and
// reports whether it did.
func (r *reuseFs) clearFileAbove(dir string) bool {
	for d := dir; d != dirOf(d); d = dirOf(d) {
		fi, err := r.Fs.Stat(d)
		if err == nil && fi.IsDir() {
			return false
		}
		if err == nil && !r.isFresh(d) {
			return r.Fs.Remove(d) == nil
		}
	}
	return false
}

// Mkdir and MkdirAll make folders where the previous output may have had
// files (see clearWay).
func (r *reuseFs) Mkdir(name string, perm os.FileMode) error {
	err := r.Fs.Mkdir(name, perm)
	if err != nil && r.clearFileAbove(name) {
		err = r.Fs.Mkdir(name, perm)
	}
	return err
}

func (r *reuseFs) MkdirAll(name string, perm os.FileMode) error {
	err := r.Fs.MkdirAll(name, perm)
	if err != nil && r.clearFileAbove(name) {
		err = r.Fs.MkdirAll(name, perm)
	}
	return err
}

func (r *reuseFs) isFresh(name string) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.fresh[name]
}

// reuseFile is a file being created in a reuseFs: written, then closed.
type reuseFile struct {
	fs     *reuseFs
	name   string
	buf    *bytes.Buffer // from getPageBuf, given back once closed (held: released)
	closed bool
	hooked bool // hold was called: release gives buf back
}

var errWriteOnly = errors.New("a file being published is write-only")

func (f *reuseFile) Read([]byte) (int, error)           { return 0, errWriteOnly }
func (f *reuseFile) ReadAt([]byte, int64) (int, error)  { return 0, errWriteOnly }
func (f *reuseFile) Seek(int64, int) (int64, error)     { return 0, errWriteOnly }
func (f *reuseFile) WriteAt([]byte, int64) (int, error) { return 0, errWriteOnly }
func (f *reuseFile) Readdir(int) ([]os.FileInfo, error) { return nil, errWriteOnly }
func (f *reuseFile) Readdirnames(int) ([]string, error) { return nil, errWriteOnly }
func (f *reuseFile) Name() string                       { return f.name }
func (f *reuseFile) Sync() error                        { return nil }

func (f *reuseFile) Truncate(size int64) error {
	if f.closed {
		return os.ErrClosed
	}
	f.buf.Truncate(int(size))
	return nil
}

func (f *reuseFile) Write(p []byte) (int, error) {
	if f.closed {
		return 0, os.ErrClosed
	}
	return f.buf.Write(p)
}

func (f *reuseFile) WriteString(s string) (int, error) {
	if f.closed {
		return 0, os.ErrClosed
	}
	return f.buf.WriteString(s)
}

// held is what was written; it is not changed by Close, and stays until
// release when hold was called.
func (f *reuseFile) held() []byte {
	if f.buf == nil {
		return nil
	}
	return f.buf.Bytes()
}

// hold keeps the bytes after Close, until release.
func (f *reuseFile) hold() { f.hooked = true }

// release gives the buffer back, once closed.
func (f *reuseFile) release() {
	if f.closed && f.buf != nil {
		putPageBuf(f.buf)
		f.buf = nil
	}
}
func (f *reuseFile) Stat() (os.FileInfo, error) {
	return nil, errors.New("reuseFs: stat of a file being written")
}

// Close writes the file unless the same bytes are in place.
func (f *reuseFile) Close() error {
	if f.closed {
		return nil
	}
	f.closed = true
	var err error
	if !f.fs.same(f.name, f.buf.Bytes()) {
		err = f.fs.replace(f.name, f.buf.Bytes())
	}
	if !f.hooked {
		f.release()
	}
	return err
}

// comparePool holds the buffers same reads files into.
var comparePool = sync.Pool{New: func() any { b := make([]byte, 64<<10); return &b }}

// same reports whether the file at name holds exactly data. A file of
// another size is not read.
func (r *reuseFs) same(name string, data []byte) bool {
	f, err := r.Fs.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	if fi, err := f.Stat(); err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	bp := comparePool.Get().(*[]byte)
	defer comparePool.Put(bp)
	buf := *bp
	for len(data) > 0 {
		n, err := io.ReadFull(f, buf[:min(len(buf), len(data))])
		if err != nil || !bytes.Equal(buf[:n], data[:n]) {
			return false
		}
		data = data[n:]
	}
	// Nothing after the bytes compared (the file grew since the Stat).
	n, _ := f.Read(buf[:1])
	return n == 0
}

func dirOf(name string) string {
	for i := len(name) - 1; i >= 0; i-- {
		if os.IsPathSeparator(name[i]) {
			if i == 0 {
				return name[:1]
			}
			return name[:i]
		}
	}
	return "."
}
