package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"

	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pdfcache"
	"github.com/zzia/press/internal/spool"
)

// validVerdicts are the content files the last build's validation found
// clean (content.Stamps), kept in the cache folder under validKey: each by
// the SHA-256 of its name and bytes, so that a file is parsed again only
// when its bytes are new; and each by its stamp on the file system, so
// that a file not changed since is not even read.
type validVerdicts struct {
	*cleanFiles
	stamps *validStamps
}

// validStamps are the stamps of the files found clean: those the last
// build kept (old) and those this build found or took again (next).
type validStamps struct {
	mu        sync.Mutex
	old, next map[string]stampEntry
}

// stampEntry is a clean file's stamp and the fileSum of its name and bytes.
type stampEntry struct {
	stamp content.Stamp
	sum   [sha256.Size]byte
}

// Clean reports whether the file was found clean before.
func (v validVerdicts) Clean(name string, src []byte) bool { return v.seen(fileSum(name, src)) }

// Found notes that the file is clean.
func (v validVerdicts) Found(name string, src []byte) { v.add(fileSum(name, src)) }

// CleanStamp reports whether the file, as stamped, was found clean: its
// stamp is the one kept, and so is the verdict on its bytes.
func (v validVerdicts) CleanStamp(name string, s content.Stamp) bool {
	v.stamps.mu.Lock()
	defer v.stamps.mu.Unlock()
	e, ok := v.stamps.old[name]
	if !ok || e.stamp != s || !v.seen(e.sum) {
		return false
	}
	v.stamps.next[name] = e
	return true
}

// FoundStamp notes the stamp of a file found clean.
func (v validVerdicts) FoundStamp(name string, s content.Stamp, src []byte) {
	e := stampEntry{s, fileSum(name, src)}
	v.stamps.mu.Lock()
	v.stamps.next[name] = e
	v.stamps.mu.Unlock()
}

// fileSum is the SHA-256 of a file's name and bytes.
func fileSum(name string, src []byte) [sha256.Size]byte {
	h := sha256.New()
	h.Write(binary.AppendUvarint(nil, uint64(len(name))))
	io.WriteString(h, name)
	h.Write(src)
	return [sha256.Size]byte(h.Sum(nil))
}

// validKey keys the validation's verdicts: another program or another
// language of the messages starts from none.
func validKey(l msg.Lang) [sha256.Size]byte {
	return sha256.Sum256([]byte("content.Check\n" + pdfcache.Program() + "\n" + fmt.Sprint(l)))
}

// validCachePath is the file of the validation's verdicts for the site at
// source in cacheDir (the stamps are beside it: stampsPath).
func validCachePath(cacheDir, source string) string {
	return filepath.Join(cacheDir, "validate", siteKey(source), "clean")
}

// stampsPath is the file of the stamps beside the verdicts file path.
func stampsPath(path string) string { return filepath.Join(filepath.Dir(path), "stamps") }

// loadValidVerdicts returns the verdicts kept at path (and the stamps
// beside it) under key; what cannot be read is none.
func loadValidVerdicts(path string, key [sha256.Size]byte) validVerdicts {
	old, err := readStamps(stampsPath(path), key)
	if err != nil {
		old = map[string]stampEntry{}
	}
	return validVerdicts{loadCleanFiles(path, key), &validStamps{old: old, next: map[string]stampEntry{}}}
}

// save writes the verdicts and the stamps of this build's clean files;
// verdicts that cannot be written only make the next build slower.
func (v validVerdicts) save(path string) {
	v.cleanFiles.save(path)
	v.stamps.mu.Lock()
	b := encodeStamps(v.key, v.stamps.next)
	v.stamps.mu.Unlock()
	p := stampsPath(path)
	if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, b) {
		return
	}
	if os.MkdirAll(filepath.Dir(p), 0o700) == nil {
		atomicfile.Write(p, b, 0o600)
	}
}

// stampsMagic opens a stamps file; a file in another format is not read.
const stampsMagic = "press validation stamps 1\n"

// encodeStamps is the stamps file: the magic, the key, the count, then for
// each file in name order its name (a spool string), size, modification
// and change times (varints), inode and device (unsigned varints) and
// fileSum; last the SHA-256 of all that precedes it.
func encodeStamps(key [sha256.Size]byte, stamps map[string]stampEntry) []byte {
	names := make([]string, 0, len(stamps))
	for n := range stamps {
		names = append(names, n)
	}
	slices.Sort(names)
	b := append([]byte(stampsMagic), key[:]...)
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		e := stamps[n]
		b = spool.AppendString(b, n)
		b = binary.AppendVarint(b, e.stamp.Size)
		b = binary.AppendVarint(b, e.stamp.ModTime)
		b = binary.AppendVarint(b, e.stamp.ChangeTime)
		b = binary.AppendUvarint(b, e.stamp.Inode)
		b = binary.AppendUvarint(b, e.stamp.Device)
		b = append(b, e.sum[:]...)
	}
	sum := sha256.Sum256(b)
	return append(b, sum[:]...)
}

// readStamps reads the stamps file at path kept under key.
func readStamps(path string, key [sha256.Size]byte) (map[string]stampEntry, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	head := len(stampsMagic) + sha256.Size
	if len(b) < head+sha256.Size || string(b[:len(stampsMagic)]) != stampsMagic || !bytes.Equal(b[len(stampsMagic):head], key[:]) {
		return nil, errors.New("another format or key")
	}
	body := b[:len(b)-sha256.Size]
	if sum := sha256.Sum256(body); !bytes.Equal(sum[:], b[len(body):]) {
		return nil, errors.New("damaged")
	}
	r := bytes.NewReader(body[head:])
	n, err := binary.ReadUvarint(r)
	if err != nil || n > uint64(len(body)) {
		return nil, errors.New("damaged")
	}
	stamps := make(map[string]stampEntry, n)
	for range n {
		l, err := binary.ReadUvarint(r)
		if err != nil || l > uint64(r.Len()) {
			return nil, errors.New("damaged")
		}
		name := make([]byte, l)
		r.Read(name)
		var e stampEntry
		var errs [5]error
		e.stamp.Size, errs[0] = binary.ReadVarint(r)
		e.stamp.ModTime, errs[1] = binary.ReadVarint(r)
		e.stamp.ChangeTime, errs[2] = binary.ReadVarint(r)
		e.stamp.Inode, errs[3] = binary.ReadUvarint(r)
		e.stamp.Device, errs[4] = binary.ReadUvarint(r)
		if err := errors.Join(errs[:]...); err != nil {
			return nil, err
		}
		if _, err := io.ReadFull(r, e.sum[:]); err != nil {
			return nil, err
		}
		stamps[string(name)] = e
	}
	if r.Len() != 0 {
		return nil, errors.New("damaged")
	}
	return stamps, nil
}
