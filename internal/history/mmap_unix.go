//go:build unix

package history

import (
	"os"
	"syscall"
)

// mapFile maps the file at path into memory, read-only. mapped is false when
// the file cannot be mapped (an empty file, say); err is set when it cannot
// be opened.
func mapFile(path string) (data []byte, unmap func() error, mapped bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, false, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, nil, false, err
	}
	size := fi.Size()
	if size <= 0 || int64(int(size)) != size {
		return nil, nil, false, nil
	}
	data, err = syscall.Mmap(int(f.Fd()), 0, int(size), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, nil, false, nil
	}
	return data, func() error { return syscall.Munmap(data) }, true, nil
}
