package spool

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"sync"
)

// Store holds values by name for a collection built while Hugo renders
// (the pages of the search index and of the link check): with a file
// (Spill), each value waits there as a record until the first Get reads
// them all back; without one, or when a record cannot be written, it is
// held in memory. Safe for concurrent use.
type Store[T any] struct {
	mu     sync.Mutex
	mem    map[string]T
	disk   *File
	err    error // why the file could not be read back
	encode func(b []byte, name string, v T) []byte
	decode func(r *bufio.Reader) (string, T, error)
	check  func(r *bufio.Reader) error // reads a record and keeps nothing (CheckWith)
}

// NewStore returns an empty store in memory whose records are made by
// encode (appending the record of name's value to b) and read back by
// decode (one record; io.EOF only before a record's first byte).
func NewStore[T any](encode func(b []byte, name string, v T) []byte, decode func(r *bufio.Reader) (string, T, error)) *Store[T] {
	return &Store[T]{mem: map[string]T{}, encode: encode, decode: decode}
}

// CheckWith makes Put read a record that goes to the file with check
// rather than decode: check reads one record as decode does (io.EOF only
// before its first byte) and keeps nothing of it, where decode may keep
// what it reads (as an interner of strings does) for the values it makes.
func (s *Store[T]) CheckWith(check func(r *bufio.Reader) error) *Store[T] {
	s.check = check
	return s
}

// Spill makes the store keep what is added from now on in a spool file in
// dir (the system's temporary folder when dir is ""), named from pattern.
func (s *Store[T]) Spill(dir, pattern string) error {
	f, err := Create(dir, pattern)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.disk = f
	s.mu.Unlock()
	return nil
}

// Add keeps v under name and hands keep (when not nil) the value's record,
// which Put takes back; keep may not hold on to it.
func (s *Store[T]) Add(name string, v T, keep func(rec []byte)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.disk != nil {
		rec := s.encode(s.disk.Record(), name, v)
		if keep != nil {
			keep(rec)
		}
		if s.disk.Put(rec) {
			return
		}
	} else if keep != nil {
		keep(s.encode(nil, name, v))
	}
	s.mem[name] = v
}

// Put adds a value from its record, as Add handed it over. A record that
// cannot be read is an error, and nothing is added.
func (s *Store[T]) Put(rec []byte) error {
	if s.Spilled() {
		// Checked, not decoded, when the store can: the record goes to
		// the file as it is.
		check := s.check
		if check == nil {
			check = func(r *bufio.Reader) error {
				_, _, err := s.decode(r)
				return err
			}
		}
		if err := whole(rec, check); err != nil {
			return err
		}
		if s.putRecord(rec) {
			return nil
		}
	}
	var name string
	var v T
	if err := whole(rec, func(r *bufio.Reader) (err error) {
		name, v, err = s.decode(r)
		return err
	}); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.mem[name] = v
	return nil
}

// Spilled reports whether the store keeps what is added in its file (from
// Spill until the first Get).
func (s *Store[T]) Spilled() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.disk != nil
}

// putRecord appends rec to the file: false when there is none or the
// record cannot be written.
func (s *Store[T]) putRecord(rec []byte) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.disk != nil && s.disk.Put(append(s.disk.Record(), rec...))
}

// whole reads rec with read, which must read it all.
func whole(rec []byte, read func(r *bufio.Reader) error) error {
	r := bufio.NewReaderSize(bytes.NewReader(rec), 64)
	if err := read(r); err != nil {
		return UnexpectedEOF(err)
	}
	if _, err := r.Peek(1); err != io.EOF {
		return errors.New("spool: bytes after the record")
	}
	return nil
}

// Get returns the value kept under name. The first Get reads back the
// records in the file; when they cannot be read, it reports no value for
// any name (the caller reads the page itself).
func (s *Store[T]) Get(name string) (T, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.disk != nil {
		if err := s.load(); err != nil {
			s.err = err
		}
		s.disk.Close()
		s.disk = nil
	}
	var zero T
	if s.err != nil {
		return zero, false
	}
	v, ok := s.mem[name]
	return v, ok
}

// load reads every record of the file into mem (all or none).
func (s *Store[T]) load() error {
	r, err := s.disk.Reader()
	if err != nil {
		return err
	}
	all := map[string]T{}
	for {
		if _, err := r.Peek(1); err == io.EOF {
			break
		}
		name, v, err := s.decode(r)
		if err != nil {
			return UnexpectedEOF(err)
		}
		all[name] = v
	}
	for name, v := range all {
		s.mem[name] = v
	}
	return nil
}

// Held is how many values are held in memory (not waiting in the file).
func (s *Store[T]) Held() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.mem)
}

// Close removes the file, if there is one; the values not yet read back
// are lost.
func (s *Store[T]) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.disk == nil {
		return nil
	}
	err := s.disk.Close()
	s.disk = nil
	return err
}
