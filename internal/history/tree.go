package history

import (
	"bytes"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
)

// entry is one entry of a tree object, as offsets into the raw object: the
// name is raw[off:off+n], the hash the 20 bytes after the name's NUL. It
// holds no pointers, so the garbage collector never scans entry slices.
type entry struct {
	off, n uint32
	mode   uint32
}

const (
	modeTree    = 0o040000
	modeGitlink = 0o160000
)

func (e *entry) isTree() bool { return e.mode == modeTree }

// isFile reports whether the entry is a blob (a regular file or a symlink),
// not a tree or a submodule.
func (e *entry) isFile() bool { return e.mode != modeTree && e.mode != modeGitlink }

// tree is a parsed tree object, its entries in git's order.
type tree struct {
	raw     []byte
	entries []entry
}

func (t *tree) name(e *entry) []byte { return t.raw[e.off : e.off+e.n] }

func (t *tree) hashBytes(e *entry) []byte {
	h := e.off + e.n + 1
	return t.raw[h : h+20]
}

func (t *tree) hash(e *entry) plumbing.Hash { return plumbing.Hash(t.hashBytes(e)) }

func (t *tree) find(name string) (*entry, bool) {
	for i := range t.entries {
		if string(t.name(&t.entries[i])) == name {
			return &t.entries[i], true
		}
	}
	return nil, false
}

// compareEntries orders entries as git sorts a tree: by name, a tree's name
// compared as if it ended in "/".
func compareEntries(ta *tree, a *entry, tb *tree, b *entry) int {
	na, nb := ta.name(a), tb.name(b)
	n := min(len(na), len(nb))
	if c := bytes.Compare(na[:n], nb[:n]); c != 0 {
		return c
	}
	ca, cb := terminal(na, a, n), terminal(nb, b, n)
	switch {
	case ca < cb:
		return -1
	case ca > cb:
		return 1
	}
	return 0
}

func terminal(name []byte, e *entry, n int) byte {
	if len(name) > n {
		return name[n]
	}
	if e.isTree() {
		return '/'
	}
	return 0
}

// parseTree parses a raw tree object: entries of "<octal mode> <name>\0<hash>".
// The tree keeps raw.
func parseTree(raw []byte) (*tree, error) {
	if len(raw) > 1<<31 {
		return nil, fmt.Errorf("tree of %d bytes is too large", len(raw))
	}
	t := &tree{raw: raw, entries: make([]entry, 0, len(raw)/40+1)}
	pos := 0
	for pos < len(raw) {
		sp := bytes.IndexByte(raw[pos:], ' ')
		if sp <= 0 {
			return nil, fmt.Errorf("malformed tree entry mode")
		}
		var mode uint32
		for _, c := range raw[pos : pos+sp] {
			if c < '0' || c > '7' {
				return nil, fmt.Errorf("malformed tree entry mode %q", raw[pos:pos+sp])
			}
			mode = mode<<3 | uint32(c-'0')
		}
		pos += sp + 1
		nul := bytes.IndexByte(raw[pos:], 0)
		if nul < 0 || len(raw)-pos < nul+1+20 {
			return nil, fmt.Errorf("truncated tree entry")
		}
		t.entries = append(t.entries, entry{off: uint32(pos), n: uint32(nul), mode: mode})
		pos += nul + 21
	}
	return t, nil
}

// treeCache reads and parses tree objects, keeping the recently used ones.
// It holds two generations: when the young one is full it becomes the old
// one, and the old one is dropped; a hit in the old one is promoted.
type treeCache struct {
	r          objectReader
	young, old map[plumbing.Hash]*tree
	limit      int
}

var emptyTree = &tree{}

func newTreeCache(r objectReader) *treeCache {
	return &treeCache{r: r, young: map[plumbing.Hash]*tree{}, old: map[plumbing.Hash]*tree{}, limit: 1024}
}

func (c *treeCache) get(h plumbing.Hash) (*tree, error) {
	if h.IsZero() {
		return emptyTree, nil
	}
	if t, ok := c.young[h]; ok {
		return t, nil
	}
	t, ok := c.old[h]
	if !ok {
		raw, err := c.r.read(h, plumbing.TreeObject)
		if err != nil {
			return nil, err
		}
		if t, err = parseTree(raw); err != nil {
			return nil, fmt.Errorf("tree %s: %w", h, err)
		}
	}
	if len(c.young) >= c.limit {
		c.old, c.young = c.young, make(map[plumbing.Hash]*tree, c.limit)
	}
	c.young[h] = t
	return t, nil
}
