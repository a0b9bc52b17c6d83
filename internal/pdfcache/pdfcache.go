// Package pdfcache keeps typeset PDFs on disk, keyed by a hash of every input
// that went into them, so that a build typesets only the documents whose
// sources, images, fonts, settings or program changed.
//
// A Key is built by writing the inputs, each labelled, into a Hasher; the
// cache stores <dir>/pdf/<key>.pdf. Entries are written atomically
// (a temporary file renamed into place), so concurrent builds and an
// interrupted build never leave a partial PDF behind.
package pdfcache

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/zzia/press/internal/atomicfile"
)

// Hasher collects the inputs of one document. Every input is written with
// its name and length, so that moving bytes from one input to the next
// changes the key.
type Hasher struct {
	h hash.Hash
}

// NewHasher returns a hasher for the inputs of one document of the given
// kind (e.g. "journal").
func NewHasher(kind string) *Hasher {
	h := &Hasher{h: sha256.New()}
	h.String("kind", kind)
	return h
}

func (h *Hasher) field(name string, n int) {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], uint64(len(name)))
	h.h.Write(b[:])
	io.WriteString(h.h, name)
	binary.BigEndian.PutUint64(b[:], uint64(n))
	h.h.Write(b[:])
}

// Bytes adds an input named name.
func (h *Hasher) Bytes(name string, b []byte) {
	h.field(name, len(b))
	h.h.Write(b)
}

// String adds a textual input named name.
func (h *Hasher) String(name, s string) {
	h.field(name, len(s))
	io.WriteString(h.h, s)
}

// File adds the bytes of the file at path, named name.
func (h *Hasher) File(name, path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	h.Bytes(name, b)
	return nil
}

// Tree adds every regular file under dir, in lexical order, named by its
// slash-separated path relative to dir. Hidden files and directories (a
// name starting with ".") are skipped.
func (h *Hasher) Tree(name, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p != dir && len(d.Name()) > 0 && d.Name()[0] == '.' {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		return h.File(name+"/"+filepath.ToSlash(rel), p)
	})
}

// Key returns the hex SHA-256 of everything added.
func (h *Hasher) Key() string { return hex.EncodeToString(h.h.Sum(nil)) }

// FileStamp identifies the file at path by its size and modification time,
// without reading it: for a key computed on every build, where hashing the
// file would cost more than the document it keys.
func FileStamp(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d\x00%d", st.Size(), st.ModTime().UnixNano()), nil
}

// FileDigest returns the SHA-256 of the file at path. Digests are kept for
// the life of the process, keyed by path, size and modification time, so
// large files read by every document (the fonts) are read once.
func FileDigest(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", err
	}
	k := digestKey{path, st.Size(), st.ModTime().UnixNano()}
	digests.Lock()
	d, ok := digests.m[k]
	digests.Unlock()
	if ok {
		return d, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	s := sha256.New()
	if _, err := io.Copy(s, f); err != nil {
		return "", err
	}
	d = hex.EncodeToString(s.Sum(nil))
	digests.Lock()
	if digests.m == nil {
		digests.m = make(map[digestKey]string)
	}
	digests.m[k] = d
	digests.Unlock()
	return d, nil
}

type digestKey struct {
	path  string
	size  int64
	mtime int64
}

var digests struct {
	sync.Mutex
	m map[digestKey]string
}

var program struct {
	sync.Once
	s string
}

// Program identifies the running program for cache keys: the Go
// toolchain, the module versions, the build settings (the VCS revision,
// ldflags), and the executable's size and modification time, so that a
// rebuilt press does not reuse PDFs an older one made.
func Program() string {
	program.Do(func() {
		var b strings.Builder
		if bi, ok := debug.ReadBuildInfo(); ok {
			fmt.Fprintf(&b, "%s %s %s %s", bi.GoVersion, bi.Main.Path, bi.Main.Version, bi.Main.Sum)
			for _, d := range bi.Deps {
				fmt.Fprintf(&b, "\n%s %s %s", d.Path, d.Version, d.Sum)
			}
			for _, s := range bi.Settings {
				fmt.Fprintf(&b, "\n%s=%s", s.Key, s.Value)
			}
		}
		if exe, err := os.Executable(); err == nil {
			if st, err := os.Stat(exe); err == nil {
				fmt.Fprintf(&b, "\nexe %d %d", st.Size(), st.ModTime().UnixNano())
			}
		}
		program.s = b.String()
	})
	return program.s
}

// Cache is a directory of typeset PDFs.
type Cache struct {
	dir string // <root>/pdf
}

// Open returns the cache under root (created when first written). An empty
// root gives a cache that holds nothing.
func Open(root string) *Cache {
	if root == "" {
		return &Cache{}
	}
	return &Cache{dir: filepath.Join(root, "pdf")}
}

// Path returns where the entry for key is stored; "" for a cache that holds
// nothing.
func (c *Cache) Path(key string) string {
	if c.dir == "" {
		return ""
	}
	return filepath.Join(c.dir, key+".pdf")
}

// Get returns the PDF stored under key and the metadata stored with it;
// ok is false when there is no complete entry.
func (c *Cache) Get(key string) (data, meta []byte, ok bool) {
	if c.dir == "" {
		return nil, nil, false
	}
	meta, err := os.ReadFile(filepath.Join(c.dir, key+".json"))
	if err != nil {
		return nil, nil, false
	}
	data, err = os.ReadFile(c.Path(key))
	if err != nil {
		return nil, nil, false
	}
	return data, meta, true
}

// Put stores data, and meta (what the caller needs to know about the PDF
// without reading it: pages, positions) under key.
func (c *Cache) Put(key string, data, meta []byte) error {
	if c.dir == "" {
		return nil
	}
	if err := os.MkdirAll(c.dir, 0o755); err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(c.dir, key+".json"), meta, 0o600); err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(c.dir, key+".pdf"), data, 0o600)
}
