package history

import (
	"bytes"
	"encoding/hex"
	"errors"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// rawCommit is what the walk needs of a commit object.
type rawCommit struct {
	tree      plumbing.Hash
	parents   []plumbing.Hash
	author    object.Signature
	committer object.Signature
	message   string
}

// parseCommit parses a raw commit object: header lines ("tree", "parent",
// "author", "committer"; others, and continuation lines, are skipped), a
// blank line, the message.
func parseCommit(raw []byte) (*rawCommit, error) {
	c := &rawCommit{}
	haveTree := false
	for len(raw) > 0 {
		nl := bytes.IndexByte(raw, '\n')
		var line []byte
		if nl < 0 {
			line, raw = raw, nil
		} else {
			line, raw = raw[:nl], raw[nl+1:]
		}
		if len(line) == 0 {
			c.message = string(raw)
			break
		}
		key, value, _ := bytes.Cut(line, []byte{' '})
		switch string(key) {
		case "tree":
			h, ok := parseHash(value)
			if !ok {
				return nil, errors.New("malformed tree line")
			}
			c.tree, haveTree = h, true
		case "parent":
			h, ok := parseHash(value)
			if !ok {
				return nil, errors.New("malformed parent line")
			}
			c.parents = append(c.parents, h)
		case "author":
			c.author.Decode(value)
		case "committer":
			c.committer.Decode(value)
		}
	}
	if !haveTree {
		return nil, errors.New("commit has no tree")
	}
	return c, nil
}

func parseHash(b []byte) (plumbing.Hash, bool) {
	if len(b) != 40 {
		return plumbing.ZeroHash, false
	}
	var h plumbing.Hash
	if _, err := hex.Decode(h[:], b); err != nil {
		return plumbing.ZeroHash, false
	}
	return h, true
}
