package history

import (
	"bytes"
	"encoding/hex"
	"errors"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/ianaindex"
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
// "author", "committer", "encoding"; others, and continuation lines, are
// skipped), a blank line, the message. Names and the message are decoded
// from the commit's encoding (git's i18n.commitEncoding) when it names one
// other than UTF-8.
func parseCommit(raw []byte) (*rawCommit, error) {
	c := &rawCommit{}
	haveTree := false
	var author, committer, message, enc []byte
	defer func() {
		d := decoder(enc)
		c.author.Decode(d(author))
		c.committer.Decode(d(committer))
		c.message = string(d(message))
	}()
	for len(raw) > 0 {
		nl := bytes.IndexByte(raw, '\n')
		var line []byte
		if nl < 0 {
			line, raw = raw, nil
		} else {
			line, raw = raw[:nl], raw[nl+1:]
		}
		if len(line) == 0 {
			message = raw
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
			author = value
		case "committer":
			committer = value
		case "encoding":
			enc = value
		}
	}
	if !haveTree {
		return nil, errors.New("commit has no tree")
	}
	return c, nil
}

// decoder returns the function that turns text in the named encoding into
// UTF-8; text in an unknown encoding, or already UTF-8, is left as it is.
func decoder(name []byte) func([]byte) []byte {
	same := func(b []byte) []byte { return b }
	n := strings.TrimSpace(string(name))
	if n == "" || strings.EqualFold(n, "utf-8") || strings.EqualFold(n, "utf8") {
		return same
	}
	e, err := ianaindex.IANA.Encoding(n)
	if err != nil || e == nil {
		if e, err = htmlindex.Get(n); err != nil || e == nil {
			return same
		}
	}
	return func(b []byte) []byte {
		if len(b) == 0 {
			return b
		}
		out, err := e.NewDecoder().Bytes(b)
		if err != nil {
			return b
		}
		return out
	}
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
