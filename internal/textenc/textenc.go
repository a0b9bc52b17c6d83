// Package textenc tells what an editor's text file is encoded in when it is
// not UTF-8: Windows editors in China save GBK (code page 936) unless told
// otherwise, and some save UTF-16. press reads UTF-8 only; this package
// finds the first byte that is not, and names the encoding the file most
// likely is, so that the message can say how to fix it.
package textenc

import (
	"bytes"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
)

// BOM is the UTF-8 byte order mark Notepad writes at the start of a file.
var BOM = []byte{0xEF, 0xBB, 0xBF}

// Kind is what a file that is not UTF-8 looks like.
type Kind int

const (
	// UTF8 is valid UTF-8 text (with or without a byte order mark).
	UTF8 Kind = iota
	// UTF16 is a file starting with a UTF-16 byte order mark.
	UTF16
	// GB is text that decodes as GB18030 (of which GBK and GB 2312 are
	// subsets) into Chinese characters.
	GB
	// Unknown is neither: a stray byte of some other encoding, or binary.
	Unknown
)

// Problem is where a file stops being UTF-8 and what it seems to be.
type Problem struct {
	Kind         Kind
	Line, Column int // of the first byte that is not UTF-8, from 1; 1:1 for UTF-16
}

// Check returns nil for UTF-8 text (a leading byte order mark allowed),
// else where the first invalid byte is and what the file looks like.
func Check(src []byte) *Problem {
	src = bytes.TrimPrefix(src, BOM)
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return &Problem{Kind: UTF16, Line: 1, Column: 1}
	}
	if utf8.Valid(src) {
		return nil
	}
	p := &Problem{Kind: Unknown}
	p.Line, p.Column = firstInvalid(src)
	if !mostlyUTF8(src) && LooksGB(src) {
		p.Kind = GB
		// Some GBK pairs happen to be UTF-8 characters: the file's
		// Chinese starts at its first byte that is not ASCII.
		i := 0
		for i < len(src) && src[i] < utf8.RuneSelf {
			i++
		}
		p.Line = 1 + bytes.Count(src[:i], []byte("\n"))
		p.Column = i - bytes.LastIndexByte(src[:i], '\n')
	}
	return p
}

// mostlyUTF8 reports whether most non-ASCII bytes of src form UTF-8
// characters: a UTF-8 file with a stray byte pasted in, which read as GBK
// would be mojibake. (In GBK text a pair of bytes seldom happens to be a
// UTF-8 character.)
func mostlyUTF8(src []byte) bool {
	var good, bad int
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			bad++
		case size > 1:
			good += size
		}
		i += size
	}
	return good > bad
}

// firstInvalid returns the line and column (in characters) of the first
// byte of src that is not UTF-8.
func firstInvalid(src []byte) (line, col int) {
	line, col = 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	return line, col
}

// LooksGB reports whether src reads as GB18030 holding Chinese text: what
// Windows editors and Excel in China save.
func LooksGB(src []byte) bool {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(src)
	if err != nil || !utf8.Valid(out) {
		return false
	}
	for _, r := range string(out) {
		if r >= 0x4E00 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// Diagnostic is the error for file when it has problem p, in language l:
// where the text stops being UTF-8, what it looks like, and how to save it
// again as UTF-8.
func Diagnostic(l msg.Lang, file string, p *Problem) diag.Diagnostic {
	d := diag.Diagnostic{File: file, Line: p.Line, Column: p.Column, Severity: diag.Error, Hint: l.T("text.save-utf8")}
	switch p.Kind {
	case GB:
		d.Message = l.T("text.gbk")
	case UTF16:
		d.Message = l.T("text.utf16")
	default:
		d.Message, d.Hint = l.T("text.notutf8"), l.T("text.retype")
	}
	return d
}
