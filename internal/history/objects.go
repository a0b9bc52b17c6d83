package history

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/idxfile"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// objectReader reads the raw content of objects. A reader is used by one
// goroutine at a time.
type objectReader interface {
	read(h plumbing.Hash, t plumbing.ObjectType) ([]byte, error)
}

// storerReader reads objects through a go-git storage.
type storerReader struct {
	st storer.EncodedObjectStorer
}

func (r storerReader) read(h plumbing.Hash, t plumbing.ObjectType) ([]byte, error) {
	obj, err := r.st.EncodedObject(t, h)
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", t, h, err)
	}
	rd, err := obj.Reader()
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", t, h, err)
	}
	defer rd.Close()
	raw := make([]byte, obj.Size())
	if _, err := io.ReadFull(rd, raw); err != nil {
		return nil, fmt.Errorf("read %s %s: %w", t, h, err)
	}
	return raw, nil
}

// packs are the packfiles of a repository, memory-mapped, with their go-git
// indexes. They are shared, read-only, by the readers of one walk.
type packs struct {
	list []*pack
}

type pack struct {
	name  string
	idx   *idxfile.MemoryIndex
	data  []byte
	unmap func() error
}

// openPacks maps the packfiles under objectsDir/pack. ok is false when the
// platform cannot map files; the caller then reads through go-git alone.
func openPacks(objectsDir string) (ps *packs, ok bool, err error) {
	names, err := filepath.Glob(filepath.Join(objectsDir, "pack", "pack-*.idx"))
	if err != nil {
		return nil, false, err
	}
	ps = &packs{}
	for _, idxPath := range names {
		packPath := strings.TrimSuffix(idxPath, ".idx") + ".pack"
		data, unmap, mapped, err := mapFile(packPath)
		if err != nil {
			if errors.Is(err, os.ErrNotExist) {
				continue // an index without its pack: git ignores it too
			}
			ps.close()
			return nil, false, err
		}
		if !mapped {
			ps.close()
			return nil, false, nil
		}
		idx := idxfile.NewMemoryIndex()
		raw, err := os.ReadFile(idxPath)
		if err == nil {
			err = idxfile.NewDecoder(bytes.NewReader(raw)).Decode(idx)
		}
		if err != nil {
			unmap()
			ps.close()
			return nil, false, fmt.Errorf("read pack index %s: %w", idxPath, err)
		}
		ps.list = append(ps.list, &pack{name: filepath.Base(packPath), idx: idx, data: data, unmap: unmap})
	}
	return ps, true, nil
}

func (ps *packs) close() error {
	var first error
	for _, p := range ps.list {
		if err := p.unmap(); err != nil && first == nil {
			first = err
		}
	}
	ps.list = nil
	return first
}

// find returns the offset of object h in the pack. It reads the go-git
// index's tables directly: MemoryIndex.FindOffset also records every lookup
// in a map under a lock, which costs more than the search.
func (p *pack) find(h plumbing.Hash) (int64, bool) {
	idx := p.idx
	k := idx.FanoutMapping[h[0]]
	if k < 0 || k >= len(idx.Names) || k >= len(idx.Offset32) {
		return 0, false
	}
	names := idx.Names[k]
	n := len(idx.Offset32[k]) / 4
	if len(names) < n*20 {
		return 0, false
	}
	// Binary search on the first 8 bytes, the whole hash only to confirm.
	key := binary.BigEndian.Uint64(h[:8])
	lo, hi := 0, n
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if binary.BigEndian.Uint64(names[mid*20:]) < key {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	i := lo
	for ; i < n && binary.BigEndian.Uint64(names[i*20:]) == key; i++ {
		if bytes.Equal(names[i*20:i*20+20], h[:]) {
			break
		}
	}
	if i == n || !bytes.Equal(names[i*20:i*20+20], h[:]) {
		return 0, false
	}
	off := binary.BigEndian.Uint32(idx.Offset32[k][i*4:])
	if off&(1<<31) == 0 {
		return int64(off), true
	}
	large := 8 * int(off&^(1<<31))
	if large+8 > len(idx.Offset64) {
		return 0, false
	}
	return int64(binary.BigEndian.Uint64(idx.Offset64[large:])), true
}

// packReader reads objects from mapped packs, and objects that are in no
// pack (loose or from an alternate) through go-git.
type packReader struct {
	packs    *packs
	fallback objectReader
	br       bytes.Reader
	zr       io.ReadCloser
	bases    baseCache
}

func newPackReader(ps *packs, fallback objectReader) *packReader {
	return &packReader{packs: ps, fallback: fallback, bases: baseCache{limit: 16 << 20}}
}

func (r *packReader) read(h plumbing.Hash, t plumbing.ObjectType) ([]byte, error) {
	typ, raw, err := r.readAny(h)
	if err != nil {
		return nil, fmt.Errorf("read %s %s: %w", t, h, err)
	}
	if typ == plumbing.InvalidObject { // from the fallback, type checked there
		return raw, nil
	}
	if typ != t {
		return nil, fmt.Errorf("read %s %s: object is a %s", t, h, typ)
	}
	return raw, nil
}

// readAny returns an object of any type; the type is InvalidObject when the
// object came from the fallback reader.
func (r *packReader) readAny(h plumbing.Hash) (plumbing.ObjectType, []byte, error) {
	for _, p := range r.packs.list {
		if off, ok := p.find(h); ok {
			return r.decode(p, off, false)
		}
	}
	if r.fallback == nil {
		return 0, nil, plumbing.ErrObjectNotFound
	}
	raw, err := r.fallback.read(h, plumbing.AnyObject)
	return plumbing.InvalidObject, raw, err
}

// decode reads the object at off in p, resolving deltas. Objects decoded as
// delta bases are kept in a small cache, as chains share their bases.
func (r *packReader) decode(p *pack, off int64, base bool) (plumbing.ObjectType, []byte, error) {
	if base {
		if e, ok := r.bases.get(p, off); ok {
			return e.typ, e.data, nil
		}
	}
	data := p.data
	if off < 0 || off >= int64(len(data)) {
		return 0, nil, fmt.Errorf("%s: offset %d out of range", p.name, off)
	}
	pos := int(off)
	c := data[pos]
	pos++
	typ := plumbing.ObjectType((c >> 4) & 7)
	size := uint64(c & 15)
	for shift := uint(4); c&0x80 != 0; shift += 7 {
		if pos >= len(data) || shift > 63 {
			return 0, nil, fmt.Errorf("%s: bad object header at %d", p.name, off)
		}
		c = data[pos]
		pos++
		size |= uint64(c&0x7f) << shift
	}
	var (
		baseType plumbing.ObjectType
		baseData []byte
		err      error
	)
	switch typ {
	case plumbing.CommitObject, plumbing.TreeObject, plumbing.BlobObject, plumbing.TagObject:
	case plumbing.OFSDeltaObject:
		if pos >= len(data) {
			return 0, nil, fmt.Errorf("%s: truncated delta at %d", p.name, off)
		}
		c = data[pos]
		pos++
		rel := int64(c & 0x7f)
		for c&0x80 != 0 {
			if pos >= len(data) {
				return 0, nil, fmt.Errorf("%s: truncated delta at %d", p.name, off)
			}
			c = data[pos]
			pos++
			rel = (rel+1)<<7 | int64(c&0x7f)
		}
		if baseType, baseData, err = r.decode(p, off-rel, true); err != nil {
			return 0, nil, err
		}
	case plumbing.REFDeltaObject:
		if pos+20 > len(data) {
			return 0, nil, fmt.Errorf("%s: truncated delta at %d", p.name, off)
		}
		var bh plumbing.Hash
		copy(bh[:], data[pos:pos+20])
		pos += 20
		if boff, ok := p.find(bh); ok {
			baseType, baseData, err = r.decode(p, boff, true)
			if err != nil {
				return 0, nil, err
			}
		} else if baseType, baseData, err = r.readAny(bh); err != nil {
			return 0, nil, fmt.Errorf("delta base %s: %w", bh, err)
		} else if baseType == plumbing.InvalidObject {
			return 0, nil, fmt.Errorf("delta base %s is not in a pack", bh)
		}
	default:
		return 0, nil, fmt.Errorf("%s: unknown object type %d at %d", p.name, typ, off)
	}
	if size > uint64(len(data))*1032+1<<20 {
		return 0, nil, fmt.Errorf("%s: implausible object size %d at %d", p.name, size, off)
	}
	out := make([]byte, size)
	if err := r.inflate(data[pos:], out); err != nil {
		return 0, nil, fmt.Errorf("%s: object at %d: %w", p.name, off, err)
	}
	if baseData != nil {
		if out, err = packfile.PatchDelta(baseData, out); err != nil {
			return 0, nil, fmt.Errorf("%s: delta at %d: %w", p.name, off, err)
		}
		typ = baseType
	}
	if base {
		r.bases.put(p, off, typ, out)
	}
	return typ, out, nil
}

// inflate decompresses the zlib stream at the start of src into out, which
// has the object's exact size.
func (r *packReader) inflate(src, out []byte) error {
	r.br.Reset(src)
	var err error
	if r.zr == nil {
		r.zr, err = zlib.NewReader(&r.br)
	} else {
		err = r.zr.(zlib.Resetter).Reset(&r.br, nil)
	}
	if err != nil {
		return err
	}
	if _, err := io.ReadFull(r.zr, out); err != nil {
		return err
	}
	return nil
}

// baseCache keeps recently decoded delta bases, up to limit bytes, in two
// generations.
type baseCache struct {
	young, old map[baseKey]baseEntry
	size       int
	limit      int
}

type baseKey struct {
	p   *pack
	off int64
}

type baseEntry struct {
	typ  plumbing.ObjectType
	data []byte
}

func (c *baseCache) get(p *pack, off int64) (baseEntry, bool) {
	k := baseKey{p, off}
	if e, ok := c.young[k]; ok {
		return e, true
	}
	e, ok := c.old[k]
	if ok {
		c.put(p, off, e.typ, e.data)
	}
	return e, ok
}

func (c *baseCache) put(p *pack, off int64, typ plumbing.ObjectType, data []byte) {
	if c.young == nil || c.size+len(data) > c.limit/2 {
		c.old, c.young, c.size = c.young, map[baseKey]baseEntry{}, 0
	}
	c.young[baseKey{p, off}] = baseEntry{typ, data}
	c.size += len(data)
}
