package content

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"

	"github.com/zzia/press/internal/msg"
)

// MaxFileSize is the largest content file press reads (8 MiB): a page's
// text is far smaller; anything larger is a mistake or an attack.
const MaxFileSize = 8 << 20

// ErrNotRegular is the error for a file that is a named pipe, a device, a
// socket, or a symbolic link to one: reading it could block or never end.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is the error for a file larger than MaxFileSize.
var ErrTooLarge = errors.New("file too large")

// ReadFile reads a content file: a regular file (or a symbolic link to one)
// of at most MaxFileSize bytes. A FIFO, a device such as /dev/zero, or a
// socket is refused without being opened for reading in a way that blocks.
func ReadFile(name string) ([]byte, error) {
	fi, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	return readStatted(name, fi)
}

// readStatted is ReadFile of a file os.Stat described as fi.
func readStatted(name string, fi fs.FileInfo) ([]byte, error) {
	if err := CheckRegular(name, fi); err != nil {
		return nil, err
	}
	f, err := openNonBlocking(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	// The file may have been replaced since the Stat.
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := CheckRegular(name, fi); err != nil {
		return nil, err
	}
	// Read into room for the size Stat gave (the file may still grow).
	var buf bytes.Buffer
	buf.Grow(int(fi.Size()) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if len(b) > MaxFileSize {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &fileError{kind: ErrTooLarge}}
	}
	return b, nil
}

// CheckRegular returns an error unless fi (of name, links followed) is a
// regular file no larger than MaxFileSize.
func CheckRegular(name string, fi fs.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return &fs.PathError{Op: "read", Path: name, Err: &fileError{kind: ErrNotRegular, name: name, mode: fi.Mode()}}
	}
	if fi.Size() > MaxFileSize {
		return &fs.PathError{Op: "read", Path: name, Err: &fileError{kind: ErrTooLarge}}
	}
	return nil
}

// fileError is ErrNotRegular or ErrTooLarge with what is needed to explain
// it in either language.
type fileError struct {
	kind error
	name string      // the file, for ErrNotRegular
	mode fs.FileMode // its mode, links followed
}

// Error explains the error in English; explain gives it in a chosen one.
func (e *fileError) Error() string { return e.in(msg.En) }
func (e *fileError) Unwrap() error { return e.kind }

func (e *fileError) in(l msg.Lang) string {
	if e.kind == ErrTooLarge {
		return l.T("content.toolarge", MaxFileSize>>20)
	}
	return l.T("content.notregular", kind(l, e.name, e.mode))
}

// explain returns what is wrong with a file ReadFile or CheckRegular
// refused, in language l, without the file's name; any other error as is.
func explain(err error, l msg.Lang) string {
	var fe *fileError
	if errors.As(err, &fe) {
		return fe.in(l)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// kind describes a file that is not regular.
func kind(l msg.Lang, name string, m fs.FileMode) string {
	var k string
	switch {
	case m.IsDir():
		k = l.T("content.kind.dir")
	case m&fs.ModeNamedPipe != 0:
		k = l.T("content.kind.fifo")
	case m&fs.ModeSocket != 0:
		k = l.T("content.kind.socket")
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		k = l.T("content.kind.device")
	default:
		k = l.T("content.kind.other")
	}
	if target, err := os.Readlink(name); err == nil {
		return l.T("content.kind.link", target, k)
	}
	return k
}
