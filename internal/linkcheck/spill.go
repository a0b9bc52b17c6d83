package linkcheck

import (
	"bufio"
	"encoding/binary"

	"github.com/zzia/press/internal/spool"
)

// NewPagesOnDisk returns an empty collection that keeps the pages in a
// file in dir (the system's temporary folder when dir is "") until the
// check asks for them: a build holds every page's references until the
// check, while Hugo renders the rest of the site and its memory is at its
// highest. Close removes the file; a page that cannot be written is kept in
// memory.
func NewPagesOnDisk(dir string) (*Pages, error) {
	ps := NewPages()
	if err := ps.store.Spill(dir, "press-links-*"); err != nil {
		return nil, err
	}
	return ps, nil
}

// Close removes the collection's file, if it has one; the pages not yet
// read back are lost.
func (ps *Pages) Close() error { return ps.store.Close() }

// appendPage appends the record of the page written at name to b.
func appendPage(b []byte, name string, pg *page) []byte {
	b = spool.AppendString(b, name)
	b = binary.AppendUvarint(b, uint64(len(pg.ids)))
	for _, id := range pg.ids {
		b = spool.AppendString(b, id)
	}
	b = binary.AppendUvarint(b, uint64(len(pg.refs)))
	for _, r := range pg.refs {
		b = spool.AppendString(b, r)
	}
	return b
}

// reader returns a function that reads a string as spool.AppendString
// wrote it and hands out in's copy of it.
func (in *interner) reader() func(r *bufio.Reader) (string, error) { return stringReader(in.get) }

// skipString returns a function that reads a string as spool.AppendString
// wrote it and keeps nothing: it returns "" (a record checked, not read).
func skipString() func(r *bufio.Reader) (string, error) {
	return stringReader(func([]byte) string { return "" })
}

// stringReader returns a function that reads a string as
// spool.AppendString wrote it and returns str of its bytes (which str may
// not keep: the buffer is read into again).
func stringReader(str func(b []byte) string) func(r *bufio.Reader) (string, error) {
	var buf []byte
	return func(r *bufio.Reader) (string, error) {
		b, err := spool.ReadString(r, buf)
		if err != nil {
			return "", spool.UnexpectedEOF(err)
		}
		buf = b
		return str(b), nil
	}
}

// readPage reads one page's record, as appendPage wrote it.
func readPage(r *bufio.Reader, str func(*bufio.Reader) (string, error)) (string, *page, error) {
	name, err := str(r)
	if err != nil {
		return "", nil, err
	}
	ids, err := readList(r, str)
	if err != nil {
		return "", nil, err
	}
	refs, err := readList(r, str)
	if err != nil {
		return "", nil, err
	}
	return name, &page{ids: ids, refs: refs}, nil
}

// readList reads a count and as many strings with str; nil for none.
func readList(r *bufio.Reader, str func(*bufio.Reader) (string, error)) ([]string, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, spool.UnexpectedEOF(err)
	}
	if n == 0 {
		return nil, nil
	}
	l := make([]string, n)
	for i := range l {
		if l[i], err = str(r); err != nil {
			return nil, err
		}
	}
	return l, nil
}
