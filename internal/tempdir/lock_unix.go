//go:build unix

package tempdir

import (
	"os"

	"golang.org/x/sys/unix"
)

// canLock says that locks are real here.
const canLock = true

// tryLock takes an exclusive lock on f without waiting; the operating
// system drops it when the process ends, however it ends.
func tryLock(f *os.File) bool {
	return unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) == nil
}

// TryLock takes an exclusive lock on f without waiting, reporting whether it
// got it; the lock lasts until f is closed or the process ends.
func TryLock(f *os.File) bool { return tryLock(f) }
