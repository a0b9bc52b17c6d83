package main

import (
	"os"

	"golang.org/x/sys/unix"
)

// evict writes f's pages to disk and drops them from the page cache, so
// that the next run reads the file as an installed program is read: on
// demand, not from the pages its copy was just written through.
func evict(f *os.File) error {
	if err := f.Sync(); err != nil {
		return err
	}
	return unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
}
