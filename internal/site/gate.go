package site

import (
	"os"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// gateFs is the output file system of a build whose output folder is still
// being prepared (Options.DestReady): every operation first waits until it
// is ready, so that Hugo reads the sources meanwhile.
type gateFs struct {
	afero.Fs
	ready func()
}

func newGateFs(fs afero.Fs, ready func()) gateFs {
	return gateFs{Fs: fs, ready: sync.OnceFunc(ready)}
}

func (g gateFs) Create(name string) (afero.File, error) {
	g.ready()
	return g.Fs.Create(name)
}

func (g gateFs) Mkdir(name string, perm os.FileMode) error {
	g.ready()
	return g.Fs.Mkdir(name, perm)
}

func (g gateFs) MkdirAll(name string, perm os.FileMode) error {
	g.ready()
	return g.Fs.MkdirAll(name, perm)
}

func (g gateFs) Open(name string) (afero.File, error) {
	g.ready()
	return g.Fs.Open(name)
}

func (g gateFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	g.ready()
	return g.Fs.OpenFile(name, flag, perm)
}

func (g gateFs) Remove(name string) error {
	g.ready()
	return g.Fs.Remove(name)
}

func (g gateFs) RemoveAll(name string) error {
	g.ready()
	return g.Fs.RemoveAll(name)
}

func (g gateFs) Rename(oldname, newname string) error {
	g.ready()
	return g.Fs.Rename(oldname, newname)
}

func (g gateFs) Stat(name string) (os.FileInfo, error) {
	g.ready()
	return g.Fs.Stat(name)
}

func (g gateFs) Chmod(name string, mode os.FileMode) error {
	g.ready()
	return g.Fs.Chmod(name, mode)
}

func (g gateFs) Chown(name string, uid, gid int) error {
	g.ready()
	return g.Fs.Chown(name, uid, gid)
}

func (g gateFs) Chtimes(name string, atime, mtime time.Time) error {
	g.ready()
	return g.Fs.Chtimes(name, atime, mtime)
}

// UnwrapFilesystem lets Hugo see the file system underneath.
func (g gateFs) UnwrapFilesystem() afero.Fs { return g.Fs }
