// Package spool keeps records in a temporary file until they are read back
// once: what a build collects while Hugo renders (the pages for the search
// index and the link check) waits there instead of in memory, when memory
// is at its highest. Records are the caller's bytes; strings within them
// are written with AppendString and read with ReadString (a length as an
// unsigned varint, then the bytes).
package spool

import (
	"bufio"
	"encoding/binary"
	"io"
	"os"
)

// File is a spool: records are built in Record's buffer, appended with
// Put and read back with Reader. Not safe for concurrent use.
type File struct {
	f       *os.File
	w       *bufio.Writer
	rec     []byte // the buffer the last record was built in
	removed bool   // the file's name is gone already
}

// Create makes a spool file in dir (the system's temporary folder when dir
// is ""), named from pattern as os.CreateTemp does. The name is removed at
// once where the system allows it, so the file goes with the process
// however it ends; Close removes it otherwise.
func Create(dir, pattern string) (*File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	s := &File{f: f, w: bufio.NewWriterSize(f, 64<<10)}
	s.removed = os.Remove(f.Name()) == nil
	return s, nil
}

// Record returns an empty buffer to build the next record in: the one the
// record before was built in, so that many records take little memory.
func (s *File) Record() []byte { return s.rec[:0] }

// Put appends a record; false when it could not be written (the caller
// keeps what it holds in memory). Record hands out rec's memory again: the
// caller does not use rec after Put.
func (s *File) Put(rec []byte) bool {
	s.rec = rec
	_, err := s.w.Write(rec)
	return err == nil
}

// Reader returns a reader of every record put, from the first.
func (s *File) Reader() (*bufio.Reader, error) {
	if err := s.w.Flush(); err != nil {
		return nil, err
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		return nil, err
	}
	return bufio.NewReaderSize(s.f, 64<<10), nil
}

// Close closes the file and removes it if its name is still there.
func (s *File) Close() error {
	err := s.f.Close()
	if !s.removed {
		if rerr := os.Remove(s.f.Name()); err == nil {
			err = rerr
		}
	}
	return err
}

// AppendString appends s to b as ReadString reads it.
func AppendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// ReadString reads a string written by AppendString into buf (grown when
// too small) and returns its bytes, valid until the next call with buf.
// At the end of the records it returns io.EOF; within a string,
// io.ErrUnexpectedEOF.
func ReadString(r *bufio.Reader, buf []byte) ([]byte, error) {
	n, err := binary.ReadUvarint(r)
	if err != nil {
		return nil, err
	}
	if uint64(cap(buf)) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if _, err := io.ReadFull(r, buf); err != nil {
		return nil, UnexpectedEOF(err)
	}
	return buf, nil
}

// UnexpectedEOF is err, or io.ErrUnexpectedEOF for io.EOF: a file that
// ends in the middle of a record.
func UnexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
