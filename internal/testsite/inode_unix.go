//go:build unix

package testsite

import (
	"os"
	"syscall"
	"testing"
)

// Inode returns the inode number of the file p (following links): a test
// compares it before and after a build or deploy to tell a file left in
// place from one written anew.
func Inode(t testing.TB, p string) uint64 {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Sys().(*syscall.Stat_t).Ino
}
