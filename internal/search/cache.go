package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/spool"
)

// cacheMagic opens a cache file; a file in another format is not read.
const cacheMagic = "press search index cache 2\n"

// inputDigest is the SHA-256 of everything the index files are made from:
// the format, the options that shape the files, the program that makes
// them (Options.Program) and every page as extracted (the SHA-256 of its
// record, recordSum), in index order.
func inputDigest(opts Options, dirPrefix string, pages [][sha256.Size]byte) [sha256.Size]byte {
	h := sha256.New()
	str := func(s string) {
		writeUvarint(h, uint64(len(s)))
		io.WriteString(h, s)
	}
	str(cacheMagic)
	writeUvarint(h, Version)
	str(dirPrefix)
	writeUvarint(h, uint64(opts.ShardBytes))
	writeUvarint(h, uint64(opts.ChunkBytes))
	str(fmt.Sprint(Synonyms))
	str(opts.Program)
	writeUvarint(h, uint64(len(pages)))
	for _, p := range pages {
		h.Write(p[:])
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

func writeUvarint(h hash.Hash, v uint64) {
	var b [binary.MaxVarintLen64]byte
	h.Write(b[:binary.PutUvarint(b[:], v)])
}

// The cache is two things beside each other: the cache file, which lists
// the files of the index last made and the input digest it was made from,
// and the kept folder (keptDir), which holds each file's bytes in a file
// named by their SHA-256. The cache file holds the magic, the input
// digest, the files (a count, then each name as a spool string, its size
// as a varint and the SHA-256 of its bytes, in name order) and the
// SHA-256 of all that precedes it.

// cachedFile is a file of the index as the cache file lists it.
type cachedFile struct {
	name string
	size int
	sum  [sha256.Size]byte
}

// loadCached returns the files of the index the cache at path holds, and
// for each the kept file that holds its bytes, when the index was made
// from input digest; ok is false when there is no such cache, it was made
// from other input, or it is damaged: the cache file's own checksum
// differs, or a kept file is missing or holds other bytes (each is read
// and its SHA-256 checked).
func loadCached(path string, digest [sha256.Size]byte, workers int) (files Files, kept map[string]string, ok bool) {
	b, err := os.ReadFile(path)
	head := len(cacheMagic) + sha256.Size
	if err != nil || len(b) < head+sha256.Size || string(b[:len(cacheMagic)]) != cacheMagic || !bytes.Equal(b[len(cacheMagic):head], digest[:]) {
		return nil, nil, false
	}
	body, sum := b[:len(b)-sha256.Size], b[len(b)-sha256.Size:]
	if s := sha256.Sum256(body); !bytes.Equal(s[:], sum) {
		return nil, nil, false
	}
	list, err := decodeList(body[head:])
	if err != nil {
		return nil, nil, false
	}
	dir := keptDir(path)
	data := make([][]byte, len(list))
	if parallel(len(list), workers, func(i int) error {
		var err error
		data[i], err = readKept(keptPath(dir, list[i].sum), list[i])
		return err
	}) != nil {
		return nil, nil, false
	}
	files, kept = make(Files, len(list)), make(map[string]string, len(list))
	for i, f := range list {
		files[f.name], kept[f.name] = data[i], keptPath(dir, f.sum)
	}
	return files, kept, true
}

// keptPath is the kept file, in the kept folder dir, of bytes whose
// SHA-256 is sum.
func keptPath(dir string, sum [sha256.Size]byte) string {
	return filepath.Join(dir, hex.EncodeToString(sum[:]))
}

// readKept reads the kept file p of f: an error unless it holds f's bytes.
func readKept(p string, f cachedFile) ([]byte, error) {
	file, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer file.Close()
	b := make([]byte, f.size+1)
	n, err := io.ReadFull(file, b)
	if err != io.ErrUnexpectedEOF || n != f.size || sha256.Sum256(b[:n]) != f.sum {
		return nil, errors.New("search: a kept file is not what the cache lists")
	}
	return b[:n], nil
}

// decodeList reads the cache file's list of files.
func decodeList(body []byte) ([]cachedFile, error) {
	n, k := binary.Uvarint(body)
	if k <= 0 || n > uint64(len(body)) {
		return nil, errors.New("no count")
	}
	body = body[k:]
	list := make([]cachedFile, 0, n)
	for range n {
		l, k := binary.Uvarint(body)
		if k <= 0 || uint64(len(body)-k) < l {
			return nil, errors.New("truncated")
		}
		f := cachedFile{name: string(body[k : k+int(l)])}
		body = body[k+int(l):]
		size, k := binary.Uvarint(body)
		if k <= 0 || size > 1<<40 || len(body)-k < sha256.Size {
			return nil, errors.New("truncated")
		}
		f.size = int(size)
		copy(f.sum[:], body[k:])
		body = body[k+sha256.Size:]
		list = append(list, f)
	}
	if len(body) != 0 {
		return nil, errors.New("trailing bytes")
	}
	return list, nil
}

// saveCached keeps files, made from input digest, in the cache at path:
// first each file's bytes in the kept folder (a file already there with
// the same bytes is left as it is; a new one is written whole or not at
// all), then the cache file, replaced whole, and last the kept files of
// other indexes are removed. A crash at any point leaves a cache file
// whose kept files are all there, or one that a load finds damaged. It
// returns the kept file of each file it could keep.
func saveCached(path string, digest [sha256.Size]byte, files Files, workers int) (map[string]string, error) {
	dir := keptDir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	list := make([]cachedFile, len(names))
	err := parallel(len(names), workers, func(i int) error {
		data := files[names[i]]
		f := cachedFile{name: names[i], size: len(data), sum: sha256.Sum256(data)}
		list[i] = f
		p := keptPath(dir, f.sum)
		if _, err := readKept(p, f); err == nil {
			return nil
		}
		return atomicfile.Write(p, data, 0o644)
	})
	if err != nil {
		return nil, err
	}
	b := make([]byte, 0, len(cacheMagic)+sha256.Size+binary.MaxVarintLen64+len(list)*(64+sha256.Size)+sha256.Size)
	b = append(b, cacheMagic...)
	b = append(b, digest[:]...)
	b = binary.AppendUvarint(b, uint64(len(list)))
	kept := make(map[string]string, len(list))
	want := make(map[string]bool, len(list))
	for _, f := range list {
		b = spool.AppendString(b, f.name)
		b = binary.AppendUvarint(b, uint64(f.size))
		b = append(b, f.sum[:]...)
		p := keptPath(dir, f.sum)
		kept[f.name], want[filepath.Base(p)] = p, true
	}
	sum := sha256.Sum256(b)
	b = append(b, sum[:]...)
	if err := atomicfile.Write(path, b, 0o600); err != nil {
		return kept, err
	}
	removeOthers(dir, want)
	return kept, nil
}
