// Package scancache keeps what the scan of each page found (the link
// check's and the search index's records of it) from one build to the
// next, under the SHA-256 of the page's name and bytes: a page that reads
// the same is not scanned again.
//
// A cache file holds a header (magic, the program that made it), the
// entries (each a count of records, then each record's length and bytes),
// an index of the entries sorted by key (key, offset, length), the index's
// offset and count, and the SHA-256 of everything before it. A file that
// another program made, or whose checksum differs, is not read.
package scancache

import (
	"bufio"
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

const magic = "press page scan cache 1\n"

// Key identifies a page by its name and bytes.
type Key [sha256.Size]byte

// KeyOf is the key of the page written at name with data.
func KeyOf(name string, data []byte) Key {
	h := sha256.New()
	var n [binary.MaxVarintLen64]byte
	h.Write(n[:binary.PutUvarint(n[:], uint64(len(name)))])
	io.WriteString(h, name)
	h.Write(data)
	var k Key
	h.Sum(k[:0])
	return k
}

// indexEntry is where an entry stands in the file: 32 + 8 + 4 bytes.
type indexEntry struct {
	key Key
	off int64
	n   uint32
}

const indexEntrySize = sha256.Size + 8 + 4

// footerSize is the index's offset and count, and the checksum.
const footerSize = 8 + 8 + sha256.Size

// Cache is a cache file as a build found it: read-only and safe for
// concurrent use.
type Cache struct {
	f     *os.File
	index map[Key]indexEntry
}

// Open reads the index of the cache file at path, made by program; it
// returns nil when there is no such file, another program made it, or it
// is damaged (its checksum differs).
func Open(path, program string) *Cache {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	c, err := open(f, program)
	if err != nil {
		f.Close()
		return nil
	}
	return c
}

func open(f *os.File, program string) (*Cache, error) {
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	size := fi.Size()
	head := header(program)
	if size < int64(len(head))+footerSize {
		return nil, errors.New("too short")
	}
	got := make([]byte, len(head))
	if _, err := f.ReadAt(got, 0); err != nil || !bytes.Equal(got, head) {
		return nil, errors.New("another program's")
	}
	// The checksum covers the whole file: read through once.
	h := sha256.New()
	if _, err := io.Copy(h, io.NewSectionReader(f, 0, size-sha256.Size)); err != nil {
		return nil, err
	}
	foot := make([]byte, footerSize)
	if _, err := f.ReadAt(foot, size-footerSize); err != nil {
		return nil, err
	}
	if !bytes.Equal(h.Sum(nil), foot[16:]) {
		return nil, errors.New("checksum")
	}
	at, count := int64(binary.LittleEndian.Uint64(foot)), binary.LittleEndian.Uint64(foot[8:])
	if at < int64(len(head)) || count > uint64(size)/indexEntrySize || at+int64(count)*indexEntrySize != size-footerSize {
		return nil, errors.New("index out of place")
	}
	raw := make([]byte, count*indexEntrySize)
	if _, err := f.ReadAt(raw, at); err != nil {
		return nil, err
	}
	c := &Cache{f: f, index: make(map[Key]indexEntry, count)}
	for b := raw; len(b) > 0; b = b[indexEntrySize:] {
		var e indexEntry
		copy(e.key[:], b)
		e.off = int64(binary.LittleEndian.Uint64(b[sha256.Size:]))
		e.n = binary.LittleEndian.Uint32(b[sha256.Size+8:])
		if e.off < int64(len(head)) || e.off+int64(e.n) > at {
			return nil, errors.New("entry out of place")
		}
		c.index[e.key] = e
	}
	return c, nil
}

func header(program string) []byte {
	b := binary.AppendUvarint([]byte(magic), uint64(len(program)))
	return append(b, program...)
}

// Len is the number of pages the cache holds; 0 for a nil Cache.
func (c *Cache) Len() int {
	if c == nil {
		return 0
	}
	return len(c.index)
}

// Get returns the records kept for key, read into buf (which it may
// grow; the records are slices of the buffer it returns).
func (c *Cache) Get(key Key, buf []byte) (recs [][]byte, _ []byte, ok bool) {
	if c == nil {
		return nil, buf, false
	}
	e, ok := c.index[key]
	if !ok {
		return nil, buf, false
	}
	buf = slices.Grow(buf[:0], int(e.n))[:e.n]
	if _, err := c.f.ReadAt(buf, e.off); err != nil {
		return nil, buf, false
	}
	recs, err := splitRecords(buf)
	if err != nil {
		return nil, buf, false
	}
	return recs, buf, true
}

// splitRecords reads an entry: a count, then each record's length and bytes.
func splitRecords(b []byte) ([][]byte, error) {
	n, k := binary.Uvarint(b)
	if k <= 0 || n > uint64(len(b)) {
		return nil, errors.New("no count")
	}
	b = b[k:]
	recs := make([][]byte, n)
	for i := range recs {
		l, k := binary.Uvarint(b)
		if k <= 0 || uint64(len(b)-k) < l {
			return nil, errors.New("cut short")
		}
		recs[i], b = b[k:k+int(l)], b[k+int(l):]
	}
	if len(b) != 0 {
		return nil, errors.New("trailing bytes")
	}
	return recs, nil
}

// Close lets go of the file.
func (c *Cache) Close() {
	if c != nil {
		c.f.Close()
	}
}

// Writer makes the next cache file beside the one a build read (old),
// with the entries of this build's pages. Pages taken from old are
// written only once some page was not (or at Commit, when the build has
// fewer pages than old): a build that took every page from old writes
// nothing. Safe for concurrent use.
type Writer struct {
	path, program string
	old           *Cache

	mu      sync.Mutex
	tmp     *os.File
	w       *bufio.Writer
	h       hash.Hash
	off     int64
	index   []indexEntry
	pending []Key // taken from old, not yet written
	seen    map[Key]bool
	err     error
	done    bool // committed or aborted: nothing more is kept
}

// NewWriter starts the cache file at path that replaces old (nil for
// none) at Commit.
func NewWriter(path, program string, old *Cache) *Writer {
	return &Writer{path: path, program: program, old: old, seen: map[Key]bool{}}
}

// Taken notes a page taken from the old cache under key.
func (w *Writer) Taken(key Key) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen[key] || w.done {
		return
	}
	w.seen[key] = true
	if w.tmp == nil {
		w.pending = append(w.pending, key)
		return
	}
	w.copyOld(key)
}

// Add keeps the records of a page scanned under key.
func (w *Writer) Add(key Key, recs ...[]byte) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.seen[key] || w.err != nil || w.done {
		return
	}
	w.seen[key] = true
	if w.start() != nil {
		return
	}
	w.write(key, recs)
}

// start creates the temporary file and writes the header and the pages
// taken from old so far.
func (w *Writer) start() error {
	if w.tmp != nil || w.err != nil {
		return w.err
	}
	if err := os.MkdirAll(filepath.Dir(w.path), 0o755); err != nil {
		w.err = err
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(w.path), "."+filepath.Base(w.path)+".tmp-*")
	if err != nil {
		w.err = err
		return err
	}
	w.tmp, w.h = tmp, sha256.New()
	w.w = bufio.NewWriterSize(io.MultiWriter(tmp, w.h), 64<<10)
	head := header(w.program)
	w.w.Write(head)
	w.off = int64(len(head))
	for _, k := range w.pending {
		w.copyOld(k)
	}
	w.pending = nil
	return nil
}

func (w *Writer) copyOld(key Key) {
	recs, _, ok := w.old.Get(key, nil)
	if ok {
		w.write(key, recs)
	}
}

func (w *Writer) write(key Key, recs [][]byte) {
	b := binary.AppendUvarint(nil, uint64(len(recs)))
	for _, r := range recs {
		b = binary.AppendUvarint(b, uint64(len(r)))
		b = append(b, r...)
	}
	if _, err := w.w.Write(b); err != nil {
		w.err = err
		return
	}
	w.index = append(w.index, indexEntry{key: key, off: w.off, n: uint32(len(b))})
	w.off += int64(len(b))
}

// Commit puts the new cache file in place of the old one, unless every
// page was taken from old and old holds no other: then old stays.
func (w *Writer) Commit() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.done {
		return nil
	}
	w.done = true
	if w.tmp == nil && len(w.pending) == w.old.Len() {
		return w.err
	}
	if err := w.start(); err != nil {
		return err
	}
	slices.SortFunc(w.index, func(a, b indexEntry) int { return bytes.Compare(a.key[:], b.key[:]) })
	b := make([]byte, 0, len(w.index)*indexEntrySize+footerSize)
	for _, e := range w.index {
		b = append(b, e.key[:]...)
		b = binary.LittleEndian.AppendUint64(b, uint64(e.off))
		b = binary.LittleEndian.AppendUint32(b, e.n)
	}
	b = binary.LittleEndian.AppendUint64(b, uint64(w.off))
	b = binary.LittleEndian.AppendUint64(b, uint64(len(w.index)))
	w.w.Write(b)
	err := w.w.Flush()
	if err == nil {
		_, err = w.tmp.Write(w.h.Sum(nil))
	}
	if cerr := w.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil && w.err == nil {
		err = os.Rename(w.tmp.Name(), w.path)
	}
	if err != nil || w.err != nil {
		os.Remove(w.tmp.Name())
	}
	w.tmp = nil
	return cmp.Or(w.err, err)
}

// Abort drops the new file.
func (w *Writer) Abort() {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.done = true
	if w.tmp != nil {
		w.tmp.Close()
		os.Remove(w.tmp.Name())
		w.tmp = nil
	}
}
