package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
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
const cacheMagic = "press search index cache 1\n"

// inputDigest is the SHA-256 of everything the index files are made from:
// the format, the options that shape the files, the program that makes
// them (Options.Program) and every page as extracted, in index order.
func inputDigest(opts Options, dirPrefix string, docs []docResult) [sha256.Size]byte {
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
	writeUvarint(h, uint64(len(docs)))
	for _, d := range docs {
		str(d.page.url)
		str(d.page.title)
		writeUvarint(h, uint64(d.length))
		writeUvarint(h, uint64(len(d.page.segments)))
		for _, sg := range d.page.segments {
			writeUvarint(h, uint64(sg.field))
			str(sg.text)
		}
	}
	var sum [sha256.Size]byte
	h.Sum(sum[:0])
	return sum
}

func writeUvarint(h hash.Hash, v uint64) {
	var b [binary.MaxVarintLen64]byte
	h.Write(b[:binary.PutUvarint(b[:], v)])
}

// loadCached returns the files kept in the cache file at path when they
// were made from input digest; ok is false when there is no such file, it
// was made from other input, or it is damaged (its own checksum differs).
//
// The file holds the magic, the input digest, the files (a count, then each
// name and bytes as spool strings, in name order) and the SHA-256 of all
// that precedes it.
func loadCached(path string, digest [sha256.Size]byte) (Files, bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	head := make([]byte, len(cacheMagic)+sha256.Size)
	if _, err := io.ReadFull(f, head); err != nil || string(head[:len(cacheMagic)]) != cacheMagic || !bytes.Equal(head[len(cacheMagic):], digest[:]) {
		return nil, false
	}
	rest, err := io.ReadAll(f)
	if err != nil || len(rest) < sha256.Size {
		return nil, false
	}
	body, sum := rest[:len(rest)-sha256.Size], rest[len(rest)-sha256.Size:]
	h := sha256.New()
	h.Write(head)
	h.Write(body)
	if !bytes.Equal(h.Sum(nil), sum) {
		return nil, false
	}
	files, err := decodeFiles(body)
	if err != nil {
		return nil, false
	}
	return files, true
}

func decodeFiles(body []byte) (Files, error) {
	n, k := binary.Uvarint(body)
	if k <= 0 {
		return nil, errors.New("no count")
	}
	body = body[k:]
	files := make(Files, n)
	next := func() ([]byte, error) {
		l, k := binary.Uvarint(body)
		if k <= 0 || uint64(len(body)-k) < l {
			return nil, errors.New("truncated")
		}
		b := body[k : k+int(l)]
		body = body[k+int(l):]
		return b, nil
	}
	for range n {
		name, err := next()
		if err != nil {
			return nil, err
		}
		data, err := next()
		if err != nil {
			return nil, err
		}
		files[string(name)] = data
	}
	if len(body) != 0 {
		return nil, errors.New("trailing bytes")
	}
	return files, nil
}

// saveCached keeps files, made from input digest, in the cache file at
// path, replacing it whole (a crash leaves the old file or the new one,
// and a damaged one fails its checksum).
func saveCached(path string, digest [sha256.Size]byte, files Files) error {
	names := make([]string, 0, len(files))
	size := len(cacheMagic) + sha256.Size + binary.MaxVarintLen64 + sha256.Size
	for n, data := range files {
		names = append(names, n)
		size += len(n) + len(data) + 2*binary.MaxVarintLen64
	}
	slices.Sort(names)
	b := make([]byte, 0, size)
	b = append(b, cacheMagic...)
	b = append(b, digest[:]...)
	b = binary.AppendUvarint(b, uint64(len(names)))
	for _, n := range names {
		b = spool.AppendString(b, n)
		b = binary.AppendUvarint(b, uint64(len(files[n])))
		b = append(b, files[n]...)
	}
	sum := sha256.Sum256(b)
	b = append(b, sum[:]...)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(path, b, 0o600)
}
