// Package regfile opens the files a build reads whole that must be regular
// files (fonts, images): a folder, a device such as /dev/zero or a FIFO is
// refused without waiting on it.
package regfile

import (
	"errors"
	"io/fs"
	"os"
)

// ErrNotRegular is the error (in an *fs.PathError) for a path that is not a
// regular file: a folder, a device, a FIFO, a socket.
var ErrNotRegular = errors.New("not a regular file")

// Open opens the regular file at path for reading and returns it with what
// its Stat says. The path is looked at before it is opened (opening a FIFO
// waits for a writer) and the open file again (the path may have been
// replaced in between); anything but a regular file is an *fs.PathError
// (Op "open") wrapping ErrNotRegular.
func Open(path string) (*os.File, fs.FileInfo, error) {
	if st, err := os.Stat(path); err != nil {
		return nil, nil, err
	} else if !st.Mode().IsRegular() {
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err == nil && !st.Mode().IsRegular() {
		err = &fs.PathError{Op: "open", Path: path, Err: ErrNotRegular}
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}
