package content

import (
	"io/fs"
	"time"
)

// Stamp tells a version of a file from another without reading it: its
// size, its modification and change times and its inode. A write changes
// the change time (which no program sets at will), a file put in place
// changes the inode, so a file with the stamp a clean file had holds the
// same bytes, as long as the stamp was taken once its times had settled
// (Settled).
type Stamp struct {
	Size, ModTime, ChangeTime int64 // bytes; nanoseconds since 1970
	Inode, Device             uint64
}

// settle is how long a file's times must lie before a check's start for
// its stamp to be kept: a file written again within its file system's
// clock tick (up to 2 s, FAT's) would keep its times.
var settle = 2 * time.Second

// Settled reports whether the stamp's times lie far enough before start
// (settle) that a later write cannot leave them as they are.
func (s Stamp) Settled(start time.Time) bool {
	limit := start.Add(-settle).UnixNano()
	return s.ModTime < limit && s.ChangeTime < limit
}

// Stamps is Verdicts that also knows the files found clean by their stamp,
// so that a file not changed since is not even read.
type Stamps interface {
	Verdicts
	// CleanStamp reports whether the file at name, as stamped, was found
	// clean.
	CleanStamp(name string, s Stamp) bool
	// FoundStamp notes that the file at name, as stamped, holds src, found
	// clean.
	FoundStamp(name string, s Stamp, src []byte)
}

// StampOf is the stamp of the file fi describes (from os.Stat); false
// where the system gives no change time or inode.
func StampOf(fi fs.FileInfo) (Stamp, bool) { return stampOf(fi) }
