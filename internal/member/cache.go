package member

import (
	"crypto/sha256"
	"sync"

	"github.com/goccy/go-yaml/ast"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
)

// ParseCache keeps the YAML syntax trees of the data files a load parsed,
// by file name and SHA-256 of the bytes, so that the next load (the
// preview's, after an edit) parses only the files that changed. It keeps
// the trees, not the records decoded from them: Assemble links and changes
// the records, so each load decodes them afresh. A load drops the entries
// of files it did not read. Safe for concurrent use.
type ParseCache struct {
	mu      sync.Mutex
	entries map[parseKey]*parsedFile
}

// NewParseCache returns an empty cache.
func NewParseCache() *ParseCache {
	return &ParseCache{entries: map[parseKey]*parsedFile{}}
}

type parseKey struct {
	lang msg.Lang
	file string
	sum  [sha256.Size]byte
}

// parsedFile is what parsing a file gave: the body of its document (nil
// when it had none) and the problems parsing found.
type parsedFile struct {
	body  ast.Node
	diags diag.List
	used  bool // read by the current load
}

func (c *ParseCache) get(lang msg.Lang, file string, src []byte) (ast.Node, diag.List, bool) {
	k := parseKey{lang, file, sha256.Sum256(src)}
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.entries[k]
	if !ok {
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

// sweep drops the entries the load that ends did not use (files changed or
// removed since) and starts the next load.
func (c *ParseCache) sweep() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for k, e := range c.entries {
		if !e.used {
			delete(c.entries, k)
		}
		e.used = false
	}
}

// Len is the number of files kept.
func (c *ParseCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.entries)
}
