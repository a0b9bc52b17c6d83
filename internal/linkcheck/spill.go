package linkcheck

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
)

// NewPagesOnDisk returns an empty collection that keeps the pages in a
// file in dir (the system's temporary folder when dir is "") until the
// check asks for them: a build holds every page's references until the
// check, while Hugo renders the rest of the site and its memory is at its
// highest. Close removes the file; a page that cannot be written is kept in
// memory.
func NewPagesOnDisk(dir string) (*Pages, error) {
	f, err := os.CreateTemp(dir, "press-links-*")
	if err != nil {
		return nil, err
	}
	ps := NewPages()
	ps.disk = &spill{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	// Gone from the folder at once where the system allows it: the file
	// then goes with the process, however it ends.
	ps.disk.removed = os.Remove(f.Name()) == nil
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
// written.
func (s *spill) put(name string, pg *page) bool {
	b := appendString(s.buf[:0], name)
	b = binary.AppendUvarint(b, uint64(len(pg.ids)))
	for _, id := range pg.ids {
		b = appendString(b, id)
	}
	b = binary.AppendUvarint(b, uint64(len(pg.refs)))
	for _, r := range pg.refs {
		b = appendString(b, r)
	}
	s.buf = b
	_, err := s.w.Write(b)
	return err == nil
}

// load reads every page of the file into pages, the strings handed out by
// in.
func (s *spill) load(pages map[string]*page, in *interner) error {
	if err := s.w.Flush(); err != nil {
		return err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	r := bufio.NewReaderSize(s.f, 64<<10)
	var buf []byte
	str := func() (string, error) {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return "", unexpectedEOF(err)
		}
		if uint64(cap(buf)) < n {
			buf = make([]byte, n)
		}
		buf = buf[:n]
		if _, err := io.ReadFull(r, buf); err != nil {
			return "", unexpectedEOF(err)
		}
		return in.get(buf), nil
	}
	list := func() ([]string, error) {
		n, err := binary.ReadUvarint(r)
		if err != nil {
			return nil, unexpectedEOF(err)
		}
		if n == 0 {
			return nil, nil
		}
		l := make([]string, n)
		for i := range l {
			if l[i], err = str(); err != nil {
				return nil, err
			}
		}
		return l, nil
	}
	for {
		if _, err := r.Peek(1); err == io.EOF {
			return nil
		}
		name, err := str()
		if err != nil {
			return err
		}
		ids, err := list()
		if err != nil {
			return err
		}
		refs, err := list()
		if err != nil {
			return err
		}
		pages[name] = &page{ids: ids, refs: refs}
	}
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// unexpectedEOF is err, io.ErrUnexpectedEOF for a file that ends in the
// middle of a page.
func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
