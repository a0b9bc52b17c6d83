package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"math"

	"github.com/zzia/press/internal/spool"
)

// NewPagesOnDisk returns an empty collection that keeps the pages in a
// file in dir (the system's temporary folder when dir is "") until Build
// asks for them: a build holds every page's text until the index is made,
// while Hugo renders the rest of the site and its memory is at its
// highest. Close removes the file; a collection whose file cannot be
// written keeps the pages in memory.
func NewPagesOnDisk(dir string) (*Pages, error) {
	ps := NewPages()
	if err := ps.store.Spill(dir, "press-search-*"); err != nil {
		return nil, err
	}
	return ps, nil
}

// Close removes the collection's file, if it has one; the pages not yet
// read back are lost.
func (ps *Pages) Close() error { return ps.store.Close() }

// appendRecord appends the record of the page written at name to b.
func appendRecord(b []byte, name string, d docResult) []byte {
	b = spool.AppendString(b, name)
	if d.page == nil {
		return append(b, 0)
	}
	p := d.page
	b = append(b, 1)
	b = spool.AppendString(b, p.url)
	b = spool.AppendString(b, p.title)
	b = binary.AppendUvarint(b, uint64(d.length))
	b = binary.AppendUvarint(b, uint64(len(p.segments)))
	n := 0
	for _, sg := range p.segments {
		b = append(b, byte(sg.field))
		b = binary.AppendUvarint(b, uint64(len(sg.text)))
		n += len(sg.text)
	}
	b = binary.AppendUvarint(b, uint64(n))
	for _, sg := range p.segments {
		b = append(b, sg.text...)
	}
	return b
}

// readRecord reads one page's record, as appendRecord wrote it. With keep
// false it only checks the record: it returns its name as "" and no page.
func readRecord(r *bufio.Reader, keep bool) (string, docResult, error) {
	name, err := readString(r, keep)
	if err != nil {
		return "", docResult{}, spool.UnexpectedEOF(err)
	}
	kind, err := r.ReadByte()
	if err != nil {
		return "", docResult{}, spool.UnexpectedEOF(err)
	}
	if kind == 0 {
		return name, docResult{}, nil
	}
	d, err := readDoc(r, keep)
	if err != nil {
		return "", docResult{}, spool.UnexpectedEOF(err)
	}
	return name, d, nil
}

// readDoc reads an indexed page, as put wrote it (with keep false, see
// readRecord).
func readDoc(r *bufio.Reader, keep bool) (docResult, error) {
	url, err := readString(r, keep)
	if err != nil {
		return docResult{}, err
	}
	title, err := readString(r, keep)
	if err != nil {
		return docResult{}, err
	}
	length, err := binary.ReadUvarint(r)
	if err != nil {
		return docResult{}, err
	}
	nsegs, err := binary.ReadUvarint(r)
	if err != nil {
		return docResult{}, err
	}
	var segs []segment
	var lens []int
	if keep {
		segs, lens = make([]segment, nsegs), make([]int, nsegs)
	}
	total := 0
	for i := range nsegs {
		f, err := r.ReadByte()
		if err != nil {
			return docResult{}, err
		}
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return docResult{}, err
		}
		if keep {
			segs[i].field, lens[i] = int(f), int(n)
		}
		total += int(n)
	}
	// The blocks' text, all in one string.
	size, err := binary.ReadUvarint(r)
	if err != nil {
		return docResult{}, err
	}
	if uint64(total) > size {
		return docResult{}, errors.New("block longer than the page")
	}
	all, err := take(r, size, keep)
	if err != nil || !keep {
		return docResult{}, err
	}
	for i, n := range lens {
		segs[i].text, all = all[:n], all[n:]
	}
	return docResult{page: &page{url: url, title: title, segments: segs}, length: int(length)}, nil
}

// readString reads a string written by spool.AppendString (with keep
// false, skips it and returns "").
func readString(r *bufio.Reader, keep bool) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	return take(r, n, keep)
}

// take reads the next n bytes as a string, or skips them unless keep.
func take(r *bufio.Reader, n uint64, keep bool) (string, error) {
	if n > math.MaxInt32 {
		return "", errors.New("a string longer than a record")
	}
	if !keep {
		_, err := r.Discard(int(n))
		return "", spool.UnexpectedEOF(err)
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", spool.UnexpectedEOF(err)
	}
	return string(b), nil
}
