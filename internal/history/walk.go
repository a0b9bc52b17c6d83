package history

import (
	"bytes"
	"container/heap"
	"errors"
	"fmt"
	"math/bits"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/go-git/go-git/v5/plumbing"
)

// node is one commit of the walk.
type node struct {
	hash     plumbing.Hash
	site     plumbing.Hash // tree of the site directory; zero when absent
	parents  []int32
	children int32 // children not yet processed
	boundary bool  // a shallow commit: its parents are not in the repository
	missing  bool  // the commit object is absent (a parent cut off)
	commit   *Commit
	// changed lists, for each parent (or for the empty tree of a root
	// commit), the leaves whose entries differ from it.
	changed [][]int32
}

// leaf is one file of HEAD's site tree.
type leaf struct {
	path    string
	last    int32 // commit that last changed it; -1 until found
	authors []int32
}

// dir is a directory of HEAD's site tree: the files and directories the walk
// looks for in older trees.
type dir struct {
	entries map[string]dirEntry
}

type dirEntry struct {
	dir  *dir  // nil for a file
	leaf int32 // index into walker.leaves when dir is nil
}

// readers makes an objectReader for one goroutine and a function releasing it.
type readers func() (objectReader, func() error, error)

// walker holds the state of one history walk.
type walker struct {
	readers readers
	r       objectReader
	trees   *treeCache
	subdir  []string
	shallow map[plumbing.Hash]bool

	nodes   []node
	index   map[plumbing.Hash]int32
	root    *dir
	leaves  []leaf
	authors []string
	author  map[string]int32
	words   int // length of a path set
	missing int // parents absent without a shallow file
}

func newWalker(rs readers, subdir string, shallow []plumbing.Hash) (*walker, func() error, error) {
	r, release, err := rs()
	if err != nil {
		return nil, nil, err
	}
	w := &walker{
		readers: rs,
		r:       r,
		trees:   newTreeCache(r),
		shallow: make(map[plumbing.Hash]bool, len(shallow)),
		index:   map[plumbing.Hash]int32{},
		author:  map[string]int32{},
	}
	if subdir != "" {
		w.subdir = strings.Split(subdir, "/")
	}
	for _, s := range shallow {
		w.shallow[s] = true
	}
	return w, release, nil
}

// load reads every commit reachable from head and HEAD's site tree.
func (w *walker) load(head plumbing.Hash) error {
	w.add(head)
	for n := 0; n < len(w.nodes); n++ {
		h := w.nodes[n].hash
		raw, err := w.r.read(h, plumbing.CommitObject)
		if errors.Is(err, plumbing.ErrObjectNotFound) && n > 0 {
			w.nodes[n].missing = true
			continue
		}
		if err != nil {
			return fmt.Errorf("read commit %s: %w", h, err)
		}
		c, err := parseCommit(raw)
		if err != nil {
			return fmt.Errorf("commit %s: %w", h, err)
		}
		site, err := w.siteTree(c.tree)
		if err != nil {
			return fmt.Errorf("commit %s: %w", h, err)
		}
		w.nodes[n].site = site
		w.nodes[n].commit = &Commit{
			Hash:        h.String(),
			Subject:     subject(c.message),
			Author:      c.author.Name,
			AuthorEmail: c.author.Email,
			AuthorDate:  c.author.When,
			CommitDate:  c.committer.When,
		}
		if w.shallow[h] {
			w.nodes[n].boundary = true
			continue
		}
		parents := make([]int32, len(c.parents))
		for i, p := range c.parents {
			pi, seen := w.index[p]
			if !seen {
				pi = w.add(p)
			}
			parents[i] = pi
		}
		w.nodes[n].parents = parents
	}
	// A commit whose parent is absent, in a clone cut short without a
	// shallow file, is treated as a shallow boundary.
	for i := range w.nodes {
		n := &w.nodes[i]
		for _, p := range n.parents {
			if w.nodes[p].missing {
				n.parents, n.boundary = nil, true
				w.missing++
				break
			}
		}
		for _, p := range n.parents {
			w.nodes[p].children++
		}
	}
	return w.indexHead()
}

func (w *walker) add(h plumbing.Hash) int32 {
	i := int32(len(w.nodes))
	w.nodes = append(w.nodes, node{hash: h})
	w.index[h] = i
	return i
}

// siteTree returns the hash of the site directory's tree in the commit tree
// root, or the zero hash when the commit has no such directory.
func (w *walker) siteTree(root plumbing.Hash) (plumbing.Hash, error) {
	h := root
	for _, name := range w.subdir {
		t, err := w.trees.get(h)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		e, ok := t.find(name)
		if !ok || !e.isTree() {
			return plumbing.ZeroHash, nil
		}
		h = t.hash(e)
	}
	return h, nil
}

// indexHead lists the files of HEAD's site tree: the paths the walk follows.
func (w *walker) indexHead() error {
	var walk func(h plumbing.Hash, prefix string) (*dir, error)
	walk = func(h plumbing.Hash, prefix string) (*dir, error) {
		t, err := w.trees.get(h)
		if err != nil {
			return nil, err
		}
		d := &dir{entries: make(map[string]dirEntry, len(t.entries))}
		for i := range t.entries {
			e := &t.entries[i]
			name := string(t.name(e))
			switch {
			case e.isTree():
				sub, err := walk(t.hash(e), prefix+name+"/")
				if err != nil {
					return nil, err
				}
				d.entries[name] = dirEntry{dir: sub}
			case e.isFile():
				d.entries[name] = dirEntry{leaf: int32(len(w.leaves))}
				w.leaves = append(w.leaves, leaf{path: prefix + name, last: -1})
			}
		}
		return d, nil
	}
	root, err := walk(w.nodes[0].site, "")
	if err != nil {
		return fmt.Errorf("read HEAD's tree: %w", err)
	}
	w.root = root
	w.words = (len(w.leaves) + 63) / 64
	return nil
}

// set is a set of leaves, one bit each.
type set []uint64

func (s set) has(i int32) bool { return s[i>>6]&(1<<(uint(i)&63)) != 0 }
func (s set) put(i int32)      { s[i>>6] |= 1 << (uint(i) & 63) }

func (s set) empty() bool {
	for _, x := range s {
		if x != 0 {
			return false
		}
	}
	return true
}

// each calls f for every leaf in s.
func (s set) each(f func(int32)) {
	for i, x := range s {
		for x != 0 {
			b := bits.TrailingZeros64(x)
			f(int32(i*64 + b))
			x &= x - 1
		}
	}
}

// queue orders commits that are ready (all children processed) newest first
// by commit date, as git log does; ties keep the order of discovery.
type queue struct {
	w     *walker
	items []int32
}

func (q *queue) Len() int { return len(q.items) }
func (q *queue) Less(i, j int) bool {
	a, b := q.w.nodes[q.items[i]].commit, q.w.nodes[q.items[j]].commit
	if !a.CommitDate.Equal(b.CommitDate) {
		return a.CommitDate.After(b.CommitDate)
	}
	return q.items[i] < q.items[j]
}
func (q *queue) Swap(i, j int) { q.items[i], q.items[j] = q.items[j], q.items[i] }
func (q *queue) Push(x any)    { q.items = append(q.items, x.(int32)) }
func (q *queue) Pop() any {
	x := q.items[len(q.items)-1]
	q.items = q.items[:len(q.items)-1]
	return x
}

// minChunk is the fewest consecutive commits a diff worker takes at a time.
// Neighbouring commits share most trees, and in a packed repository a tree
// is usually stored as a delta of its newer version: a worker's caches serve
// both, so the walk is split into few long runs.
const minChunk = 64

// computeChanges diffs every commit against its parents, on as many
// goroutines as there are processors (up to 4), each with its own reader.
func (w *walker) computeChanges() error {
	if len(w.leaves) == 0 {
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), 4, (len(w.nodes)+minChunk-1)/minChunk)
	chunk := max(minChunk, (len(w.nodes)+4*workers-1)/(4*workers))
	// Readers first, so that no goroutine is left running on an error.
	caches := []*treeCache{w.trees}
	for len(caches) < workers {
		r, release, err := w.readers()
		if errors.Is(err, errSingleReader) {
			break
		}
		if err != nil {
			return err
		}
		defer release()
		caches = append(caches, newTreeCache(r))
	}
	var next atomic.Int64
	errs := make([]error, len(caches))
	var wg sync.WaitGroup
	for k, trees := range caches {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				start := int(next.Add(int64(chunk))) - chunk
				if start >= len(w.nodes) {
					return
				}
				for i := start; i < min(start+chunk, len(w.nodes)); i++ {
					if err := w.changes(trees, &w.nodes[i]); err != nil {
						errs[k] = err
						next.Store(int64(len(w.nodes)))
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	return errors.Join(errs...)
}

// changes fills n.changed.
func (w *walker) changes(trees *treeCache, n *node) error {
	if n.missing || n.boundary {
		return nil
	}
	if len(n.parents) == 0 {
		var out []int32
		if err := diff(trees, w.root, n.site, plumbing.ZeroHash, &out); err != nil {
			return fmt.Errorf("commit %s: %w", n.hash, err)
		}
		n.changed = [][]int32{out}
		return nil
	}
	n.changed = make([][]int32, len(n.parents))
	for i, p := range n.parents {
		if err := diff(trees, w.root, n.site, w.nodes[p].site, &n.changed[i]); err != nil {
			return fmt.Errorf("commit %s against parent %s: %w", n.hash, w.nodes[p].hash, err)
		}
	}
	return nil
}

// run visits the commits children first and newest first, carrying to each
// commit the set of paths whose simplified history passes through it.
func (w *walker) run() error {
	if len(w.leaves) == 0 {
		return nil
	}
	if err := w.computeChanges(); err != nil {
		return err
	}
	follow := make([]set, len(w.nodes))
	all := w.newSet()
	for i := range w.leaves {
		all.put(int32(i))
	}
	follow[0] = all
	scratch := w.newSet()
	q := &queue{w: w, items: []int32{0}}
	for q.Len() > 0 {
		c := heap.Pop(q).(int32)
		n := &w.nodes[c]
		paths := follow[c]
		follow[c] = nil
		if paths != nil {
			w.visit(c, n, paths, follow, scratch)
		}
		n.changed = nil
		for _, p := range n.parents {
			w.nodes[p].children--
			if w.nodes[p].children == 0 {
				heap.Push(q, p)
			}
		}
	}
	return nil
}

// visit attributes to commit c the paths in paths it changed and hands the
// paths on to its parents.
func (w *walker) visit(c int32, n *node, paths set, follow []set, scratch set) {
	switch {
	case n.boundary:
		// The parents are unknown, so whether c changed a path is unknown.
		return
	case len(n.parents) == 0:
		// A root commit changes every path it has.
		w.recordList(c, n.changed[0], paths)
		return
	case len(n.parents) == 1:
		// Every path goes on to the parent; the set itself can, unless the
		// parent has other children.
		w.recordList(c, n.changed[0], paths)
		p := n.parents[0]
		if follow[p] == nil {
			follow[p] = paths
			return
		}
		into := follow[p]
		for k := range paths {
			into[k] |= paths[k]
		}
		return
	}
	// A merge: a path follows the first parent it is unchanged from; a path
	// changed from every parent is changed by the merge, and followed into
	// all of them.
	rest := paths
	for i, p := range n.parents {
		into := w.followSet(follow, p)
		for _, l := range n.changed[i] {
			scratch.put(l)
		}
		for k := range rest {
			into[k] |= rest[k] &^ scratch[k]
			rest[k] &= scratch[k]
		}
		for _, l := range n.changed[i] {
			scratch[l>>6] = 0
		}
	}
	if rest.empty() {
		return
	}
	rest.each(func(l int32) { w.recordLeaf(c, l) })
	for _, p := range n.parents {
		into := w.followSet(follow, p)
		for k := range rest {
			into[k] |= rest[k]
		}
	}
}

func (w *walker) newSet() set { return make(set, w.words) }

func (w *walker) followSet(follow []set, p int32) set {
	if follow[p] == nil {
		follow[p] = w.newSet()
	}
	return follow[p]
}

// recordList notes that commit c changed the leaves of list that are in paths.
func (w *walker) recordList(c int32, list []int32, paths set) {
	for _, l := range list {
		if paths.has(l) {
			w.recordLeaf(c, l)
		}
	}
}

// recordLeaf notes that commit c changed leaf l.
func (w *walker) recordLeaf(c int32, l int32) {
	name := w.nodes[c].commit.Author
	a, ok := w.author[name]
	if !ok {
		a = int32(len(w.authors))
		w.authors = append(w.authors, name)
		w.author[name] = a
	}
	lf := &w.leaves[l]
	if lf.last < 0 {
		lf.last = c
	}
	for _, y := range lf.authors {
		if y == a {
			return
		}
	}
	lf.authors = append(lf.authors, a)
}

// diff appends to out the leaves under d whose entries differ between the
// trees a and b (zero hashes stand for absent trees).
func diff(trees *treeCache, d *dir, a, b plumbing.Hash, out *[]int32) error {
	if a == b {
		return nil
	}
	ta, err := trees.get(a)
	if err != nil {
		return err
	}
	tb, err := trees.get(b)
	if err != nil {
		return err
	}
	ea, eb := ta.entries, tb.entries
	i, j := 0, 0
	for i < len(ea) || j < len(eb) {
		var x, y *entry
		switch {
		case i == len(ea):
			y = &eb[j]
			j++
		case j == len(eb):
			x = &ea[i]
			i++
		default:
			switch c := compareEntries(ta, &ea[i], tb, &eb[j]); {
			case c < 0:
				x = &ea[i]
				i++
			case c > 0:
				y = &eb[j]
				j++
			default:
				x, y = &ea[i], &eb[j]
				i++
				j++
				if x.mode == y.mode && bytes.Equal(ta.hashBytes(x), tb.hashBytes(y)) {
					continue
				}
			}
		}
		// x and/or y are entries of the same name and kind that differ.
		var name []byte
		if x != nil {
			name = ta.name(x)
		} else {
			name = tb.name(y)
		}
		de, ok := d.entries[string(name)]
		if !ok {
			continue
		}
		if (x != nil && x.isTree()) || (y != nil && y.isTree()) {
			if de.dir == nil {
				continue // a directory where HEAD has a file: the file is absent
			}
			var ha, hb plumbing.Hash
			if x != nil {
				ha = ta.hash(x)
			}
			if y != nil {
				hb = tb.hash(y)
			}
			if err := diff(trees, de.dir, ha, hb, out); err != nil {
				return err
			}
			continue
		}
		// The file changed when it is a file on at least one side (a
		// submodule on both sides says nothing about HEAD's file).
		if de.dir == nil && (x != nil && x.isFile() || y != nil && y.isFile()) {
			*out = append(*out, de.leaf)
		}
	}
	return nil
}

// fill copies the walk's results into h.
func (w *walker) fill(h *History) {
	h.Head = *w.nodes[0].commit
	for _, n := range w.nodes {
		if n.boundary && w.shallow[n.hash] {
			h.Shallow = true
		}
	}
	if h.Shallow {
		h.Warnings = append(h.Warnings, "the repository is a shallow clone: files last changed before its oldest commit take their dates from the content; fetch the full history (e.g. fetch-depth: 0) for dates and authors from git")
	}
	if w.missing > 0 {
		h.Warnings = append(h.Warnings, fmt.Sprintf("%d parent commit(s) are missing from the repository: the history stops there", w.missing))
	}
	for _, l := range w.leaves {
		if l.last < 0 {
			continue
		}
		c := w.nodes[l.last].commit
		authors := make([]string, len(l.authors))
		for i, a := range l.authors {
			authors[i] = w.authors[a]
		}
		h.files[l.path] = &File{Path: l.path, Modified: c.AuthorDate, Last: *c, Authors: authors}
	}
}

// subject returns the first line of a commit message.
func subject(msg string) string {
	msg = strings.TrimLeft(msg, "\n")
	if i := strings.IndexByte(msg, '\n'); i >= 0 {
		msg = msg[:i]
	}
	return strings.TrimSpace(msg)
}
