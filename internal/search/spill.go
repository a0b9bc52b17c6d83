package search

import (
	"bufio"
	"encoding/binary"
	"errors"

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

// readRecord reads one page's record, as appendRecord wrote it.
func readRecord(r *bufio.Reader) (string, docResult, error) {
	name, err := readString(r)
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
	d, err := readDoc(r)
	if err != nil {
		return "", docResult{}, spool.UnexpectedEOF(err)
	}
	return name, d, nil
}

// readDoc reads an indexed page, as put wrote it.
func readDoc(r *bufio.Reader) (docResult, error) {
	url, err := readString(r)
	if err != nil {
		return docResult{}, err
	}
	title, err := readString(r)
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
	segs := make([]segment, nsegs)
	lens := make([]int, nsegs)
	for i := range segs {
		f, err := r.ReadByte()
		if err != nil {
			return docResult{}, err
		}
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return docResult{}, err
		}
		segs[i].field, lens[i] = int(f), int(n)
	}
	all, err := readString(r)
	if err != nil {
		return docResult{}, err
	}
	for i, n := range lens {
		if n > len(all) {
			return docResult{}, errors.New("block longer than the page")
		}
		segs[i].text, all = all[:n], all[n:]
	}
	return docResult{page: &page{url: url, title: title, segments: segs}, length: int(length)}, nil
}

// readString reads a string written by spool.AppendString.
func readString(r *bufio.Reader) (string, error) {
	b, err := spool.ReadString(r, nil)
	return string(b), err
}
