package content

import (
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
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFileSize {
		return nil, &fs.PathError{Op: "read", Path: name, Err: &fileError{ErrTooLarge, msg.T("content.toolarge", MaxFileSize>>20)}}
	}
	return b, nil
}

// CheckRegular returns an error unless fi (of name, links followed) is a
// regular file no larger than MaxFileSize.
func CheckRegular(name string, fi fs.FileInfo) error {
	if !fi.Mode().IsRegular() {
		return &fs.PathError{Op: "read", Path: name, Err: &fileError{ErrNotRegular, msg.T("content.notregular", kind(name, fi.Mode()))}}
	}
	if fi.Size() > MaxFileSize {
		return &fs.PathError{Op: "read", Path: name, Err: &fileError{ErrTooLarge, msg.T("content.toolarge", MaxFileSize>>20)}}
	}
	return nil
}

// fileError is ErrNotRegular or ErrTooLarge with its explanation.
type fileError struct {
	kind error
	text string
}

func (e *fileError) Error() string { return e.text }
func (e *fileError) Unwrap() error { return e.kind }

// kind describes a file that is not regular.
func kind(name string, m fs.FileMode) string {
	var k string
	switch {
	case m.IsDir():
		k = msg.T("content.kind.dir")
	case m&fs.ModeNamedPipe != 0:
		k = msg.T("content.kind.fifo")
	case m&fs.ModeSocket != 0:
		k = msg.T("content.kind.socket")
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		k = msg.T("content.kind.device")
	default:
		k = msg.T("content.kind.other")
	}
	if target, err := os.Readlink(name); err == nil {
		return msg.T("content.kind.link", target, k)
	}
	return k
}
