package member

import (
	"crypto/sha256"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/goccy/go-yaml/ast"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
)

// ParseCache keeps the records decoded from the data files a load parsed
// (activities, members, people), by file name and SHA-256 of the bytes, so
// that the next load (the preview's, after an edit) parses only the files
// that changed; of a file that gave no record, its YAML syntax tree. The
// records are kept untouched: Assemble links and changes the records, so a load gets a copy
// (Activity.clone, Member.clone, Person.clone). A load drops the entries
// of files it did not read. Safe for concurrent use.
//
// It also keeps the bytes of each file it read, with the file's size and
// modification time: a file whose size and time are unchanged is not read
// again, only looked at (Forget makes the next load read a file, for the
// preview whose watcher said it changed). A cache told to Trust the
// caller's Forget does not even look, nor list the data folders again, nor
// look for symbolic links under data/, unless a name forgotten calls for it.
type ParseCache struct {
	mu      sync.Mutex
	entries map[parseKey]*parsedFile
	files   map[string]*keptFile // by name
	trust   bool                 // a kept file is unchanged unless forgotten (Trust)
	recheck bool                 // the next load looks at every file (Recheck)

	// The folders' listings and the verdict on data/'s symbolic links,
	// taken again under Trust until a name in them is forgotten.
	lists     map[string][]string // by folder: its YAML files, as yamlFiles listed them
	linksOK   string              // the site whose links checkLinks last found without a problem
	forgotten []string            // names forgotten since the last load began
}

// NewParseCache returns an empty cache.
func NewParseCache() *ParseCache {
	return &ParseCache{entries: map[parseKey]*parsedFile{}, files: map[string]*keptFile{}, lists: map[string][]string{}}
}

// listing returns the YAML files of the folder dir (yamlFiles): under
// Trust, the listing kept from an earlier load while each name forgotten
// since in the folder is listed or not as before (a watcher names a file
// created, removed or renamed as it names one written; a file written
// changes no listing). A nil cache lists the folder.
func (c *ParseCache) listing(fsys fs.FS, dir string, diags *diag.List) []string {
	if c == nil {
		return yamlFiles(fsys, dir, diags)
	}
	c.mu.Lock()
	kept, ok := c.lists[dir]
	trusted := c.trust && !c.recheck
	forgotten := c.forgotten
	c.mu.Unlock()
	if ok && trusted && sameListing(fsys, dir, kept, forgotten) {
		return slices.Clone(kept)
	}
	var found diag.List
	names := yamlFiles(fsys, dir, &found)
	*diags = append(*diags, found...)
	c.mu.Lock()
	if len(found) == 0 {
		c.lists[dir] = slices.Clone(names)
	} else {
		delete(c.lists, dir)
	}
	c.mu.Unlock()
	return names
}

// sameListing reports whether yamlFiles would still list kept in dir,
// given that only the names forgotten can have changed: each forgotten
// name in dir is listed (an existing YAML file, not a folder) exactly when
// kept holds it, and neither dir nor a folder above it was forgotten.
func sameListing(fsys fs.FS, dir string, kept, forgotten []string) bool {
	for _, n := range forgotten {
		if n == dir || strings.HasPrefix(dir, n+"/") {
			return false
		}
		if path.Dir(n) != dir {
			continue
		}
		_, was := slices.BinarySearch(kept, n)
		fi, err := fs.Lstat(fsys, n)
		if was != (err == nil && !fi.IsDir() && yamlName(path.Base(n))) {
			return false
		}
	}
	return true
}

// checkedLinks returns checkLinks' verdict on the site at dir: under
// Trust, a verdict of no problem kept from an earlier load while every
// name forgotten since is a regular file (a link, a folder or a name that
// is gone may change it); a verdict with problems is checked again each
// time. A nil cache checks.
func (c *ParseCache) checkedLinks(lang msg.Lang, dir string) diag.List {
	if c == nil {
		return checkLinks(lang, dir)
	}
	c.mu.Lock()
	ok, forgotten := c.linksOK != "" && c.linksOK == dir, c.forgotten
	trusted := c.trust && !c.recheck
	c.mu.Unlock()
	if trusted && ok && allRegular(dir, forgotten) {
		return nil
	}
	l := checkLinks(lang, dir)
	c.mu.Lock()
	c.linksOK = ""
	if len(l) == 0 {
		c.linksOK = dir
	}
	c.mu.Unlock()
	return l
}

// allRegular reports whether each of names (slash-separated, relative to
// dir) is a regular file, not followed if it is a link.
func allRegular(dir string, names []string) bool {
	for _, n := range names {
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(n)))
		if err != nil || !fi.Mode().IsRegular() {
			return false
		}
	}
	return true
}

// keptFile is a file's bytes as read, with its size and modification time
// looked at before the read.
type keptFile struct {
	size int64
	mod  time.Time
	src  []byte
	sum  [sha256.Size]byte // of src
	used bool              // read by the current load
}

// read returns the bytes of the file name in fsys and their SHA-256 sum:
// the bytes kept from an earlier load when the file's size and
// modification time are the same. A nil cache reads the file.
func (c *ParseCache) read(fsys fs.FS, name string) ([]byte, [sha256.Size]byte, error) {
	if c == nil {
		src, err := fs.ReadFile(fsys, name)
		return src, sha256.Sum256(src), err
	}
	c.mu.Lock()
	f, ok := c.files[name]
	if ok && c.trust && !c.recheck {
		f.used = true
		c.mu.Unlock()
		return f.src, f.sum, nil
	}
	c.mu.Unlock()
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, [sha256.Size]byte{}, err
	}
	c.mu.Lock()
	f, ok = c.files[name]
	if ok && f.size == fi.Size() && f.mod.Equal(fi.ModTime()) {
		f.used = true
		c.mu.Unlock()
		return f.src, f.sum, nil
	}
	c.mu.Unlock()
	// Looked at before the read: a file changed while it is read has
	// another time at the next look, and is read again then.
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, [sha256.Size]byte{}, err
	}
	f = &keptFile{size: fi.Size(), mod: fi.ModTime(), src: src, sum: sha256.Sum256(src), used: true}
	c.mu.Lock()
	c.files[name] = f
	c.mu.Unlock()
	return src, f.sum, nil
}

// Forget makes the next load read the named files (slash-separated,
// relative to the site) even if their size and modification time are
// unchanged.
func (c *ParseCache) Forget(names ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, n := range names {
		delete(c.files, n)
	}
	c.forgotten = append(c.forgotten, names...)
}

type parseKey struct {
	lang msg.Lang
	file string
	sum  [sha256.Size]byte
}

// parsedFile is what parsing a file gave: the body of its document (nil
// when it had none, or once the file's record is kept) and the problems
// parsing found.
type parsedFile struct {
	body  ast.Node
	diags diag.List
	used  bool // read by the current load

	// record and recordDiags are what decoding the file as an activity,
	// a member or a person gave (*Activity, *Member, *Person), once it was
	// (recorded).
	record      any
	recordDiags diag.List
	recorded    bool
}

func (c *ParseCache) get(lang msg.Lang, file string, src []byte) (ast.Node, diag.List, bool) {
	k := parseKey{lang, file, sha256.Sum256(src)}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok || e.recorded {
		// A recorded file's tree was let go of (putRecord): it is parsed
		// again, which parseCached never asks for.
		return nil, nil, false
	}
	e.used = true
	return e.body, e.diags, true
}

func (c *ParseCache) put(lang msg.Lang, file string, src []byte, body ast.Node, diags diag.List) {
	k := parseKey{lang, file, sha256.Sum256(src)}
	e := &parsedFile{body: body, diags: append(diag.List(nil), diags...), used: true}
	c.mu.Lock()
	c.entries[k] = e
	c.mu.Unlock()
}

// record returns the record (*Activity, *Member, *Person) decoded from
// the file's bytes src, as it was kept (the caller copies it), and a copy
// of the problems decoding found, when a load decoded them before.
func (c *ParseCache) record(lang msg.Lang, file string, sum [sha256.Size]byte) (any, diag.List, bool) {
	if c == nil {
		return nil, nil, false
	}
	k := parseKey{lang, file, sum}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok || !e.recorded {
		return nil, nil, false
	}
	e.used = true
	return e.record, append(diag.List(nil), e.recordDiags...), true
}

// putRecord keeps v (an *Activity, *Member or *Person, which the caller
// must not change afterwards: loads get copies) and the problems decoding
// src found, in place of the file's syntax tree: the next load takes the
// record, and the tree (tokens and nodes, ten times the file's size) would
// only weigh on the preview's memory.
func (c *ParseCache) putRecord(lang msg.Lang, file string, sum [sha256.Size]byte, v any, diags diag.List) {
	if c == nil {
		return
	}
	k := parseKey{lang, file, sum}
	c.mu.Lock()
	defer c.mu.Unlock()
	if e, ok := c.entries[k]; ok {
		e.record, e.recordDiags, e.recorded = v, append(diag.List(nil), diags...), true
		e.body = nil
	}
}

// Trust makes the loads from now on take a file kept from an earlier load
// without looking at its size and time: the caller names every file that
// changed with Forget (the preview, from its watcher's events) or, when it
// may have missed some, calls Recheck. The folders' listings and the check
// of data/'s symbolic links are trusted the same way: a forgotten name that
// a listing now holds or no longer holds lists the folder again, and one
// that is not a regular file checks the links again.
func (c *ParseCache) Trust() {
	c.mu.Lock()
	c.trust, c.recheck = true, true
	c.mu.Unlock()
}

// Recheck makes the next load look at the size and time of every file
// again, as without Trust: for the changes a watcher did not report (made
// before it started, or lost when it fell behind). Not to be called during
// a load.
func (c *ParseCache) Recheck() {
	c.mu.Lock()
	c.recheck = true
	c.mu.Unlock()
}

// sweep drops the entries the load that ends did not use (files changed or
// removed since) and starts the next load.
func (c *ParseCache) sweep() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.recheck = false
	c.forgotten = nil
	for k, e := range c.entries {
		if !e.used {
			delete(c.entries, k)
		}
		e.used = false
	}
	for n, f := range c.files {
		if !f.used {
			delete(c.files, n)
		}
		f.used = false
	}
}

// Len is the number of files kept.
func (c *ParseCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}

// parseCached decodes the file name (src, whose SHA-256 sum is sum) as a
// record with decode, or takes the record kept for the same bytes in c
// (may be nil); either way the caller gets a copy that Assemble may change
// (clone).
func parseCached[T any, P interface {
	*T
	clone() *T
}](lang msg.Lang, name string, src []byte, sum [sha256.Size]byte, c *ParseCache, decode func(msg.Lang, string, []byte, *ParseCache) (*T, diag.List)) (*T, diag.List) {
	if v, diags, ok := c.record(lang, name, sum); ok {
		if r, ok := v.(*T); ok {
			return P(r).clone(), diags
		}
	}
	r, diags := decode(lang, name, src, c)
	if r == nil || c == nil {
		return r, diags
	}
	c.putRecord(lang, name, sum, r, diags)
	return P(r).clone(), diags
}
