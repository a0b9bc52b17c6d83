package search

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"os"
)

// NewPagesOnDisk returns an empty collection that keeps the pages in a
// file in dir (the system's temporary folder when dir is "") until Build
// asks for them: a build holds every page's text until the index is made,
// while Hugo renders the rest of the site and its memory is at its
// highest. Close removes the file; a collection whose file cannot be
// written keeps the pages in memory.
func NewPagesOnDisk(dir string) (*Pages, error) {
	f, err := os.CreateTemp(dir, "press-search-*")
	if err != nil {
		return nil, err
	}
	ps := NewPages()
	ps.disk = &spill{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	// Gone from the folder at once where the system allows it: the file
	// then goes with the process, however it ends.
	if os.Remove(f.Name()) == nil {
		ps.disk.removed = true
	}
	return ps, nil
}

// spill is the file a Pages keeps its pages in.
type spill struct {
	f       *os.File
	w       *bufio.Writer
	removed bool // the file's name is gone already
	buf     []byte
}

// Close removes the collection's file, if it has one; the pages not yet
// read back are lost.
func (ps *Pages) Close() error {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if ps.disk == nil {
		return nil
	}
	err := ps.disk.close()
	ps.disk = nil
	return err
}

func (s *spill) close() error {
	err := s.f.Close()
	if !s.removed {
		if rerr := os.Remove(s.f.Name()); err == nil {
			err = rerr
		}
	}
	return err
}

// put appends the page name to the file; false when it could not be
// written (the caller keeps it in memory).
func (s *spill) put(name string, d docResult) bool {
	b := s.buf[:0]
	b = appendString(b, name)
	if d.page == nil {
		b = append(b, 0)
	} else {
		p := d.page
		b = append(b, 1)
		b = appendString(b, p.url)
		b = appendString(b, p.title)
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
	}
	s.buf = b
	_, err := s.w.Write(b)
	return err == nil
}

// load reads every page of the file into docs.
func (s *spill) load(docs map[string]docResult) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReaderSize(s.f, 64<<10)
	for {
		name, err := readString(r)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		kind, err := r.ReadByte()
		if err != nil {
			return unexpectedEOF(err)
		}
		if kind == 0 {
			docs[name] = docResult{}
			continue
		}
		d, err := readDoc(r)
		if err != nil {
			return unexpectedEOF(err)
		}
		docs[name] = d
	}
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

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func readString(r *bufio.Reader) (string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return "", err
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r, b); err != nil {
		return "", unexpectedEOF(err)
	}
	return string(b), nil
}

// unexpectedEOF is err, io.ErrUnexpectedEOF for a file that ends in the
// middle of a page.
func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
