package pdf

import (
	"bytes"
	"fmt"
	"math"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/klauspost/compress/zlib"
)

// writer writes the objects of a PDF file and its cross-reference table.
// Objects are numbered when reserved and written in any order; the file is
// the same for the same calls.
type writer struct {
	buf     bytes.Buffer
	offsets []int // per object number (from 1), 0 until written
	// pending are the streams to compress, written by flush.
	pending []pendingStream
}

// pendingStream is a stream object whose data is compressed later, with
// the others, on every processor.
type pendingStream struct {
	r    ref
	dict string
	data []byte
}

// zlibs are compressors for reuse: making one allocates a megabyte.
var zlibs = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// ref is an indirect reference to an object.
type ref int

func (r ref) String() string { return strconv.Itoa(int(r)) + " 0 R" }

// appendRef appends r as String writes it.
func appendRef(b []byte, r ref) []byte {
	return append(strconv.AppendInt(b, int64(r), 10), " 0 R"...)
}

func newWriter() *writer {
	w := &writer{}
	// PDF 1.7, and a comment of high bytes that marks the file as binary.
	w.buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	return w
}

// reserve returns the number of a new object, to be written later.
func (w *writer) reserve() ref {
	w.offsets = append(w.offsets, 0)
	return ref(len(w.offsets))
}

// object writes object r with the dictionary or value body.
func (w *writer) object(r ref, body string) {
	w.offsets[r-1] = w.buf.Len()
	w.buf.WriteString(strconv.Itoa(int(r)))
	w.buf.WriteString(" 0 obj\n")
	w.buf.WriteString(body)
	w.buf.WriteString("\nendobj\n")
}

// add writes a new object and returns its reference.
func (w *writer) add(body string) ref {
	r := w.reserve()
	w.object(r, body)
	return r
}

// stream writes object r as a stream of data with the dictionary entries
// dict (without the << >>), compressed when compress is set. A compressed
// stream is written by the next flush; data is copied.
func (w *writer) stream(r ref, dict string, data []byte, compress bool) {
	if compress {
		w.pending = append(w.pending, pendingStream{r, "/Filter /FlateDecode " + dict, bytes.Clone(data)})
		return
	}
	w.writeStream(r, dict, data)
}

func (w *writer) writeStream(r ref, dict string, data []byte) {
	w.offsets[r-1] = w.buf.Len()
	w.buf.WriteString(strconv.Itoa(int(r)))
	w.buf.WriteString(" 0 obj\n<< ")
	w.buf.WriteString(dict)
	w.buf.WriteString("/Length ")
	w.buf.WriteString(strconv.Itoa(len(data)))
	w.buf.WriteString(" >>\nstream\n")
	w.buf.Write(data)
	w.buf.WriteString("\nendstream\nendobj\n")
}

// flush compresses the pending streams, in parallel, and writes them in
// the order they were given: the bytes do not depend on the processors.
func (w *writer) flush() {
	if len(w.pending) == 0 {
		return
	}
	out := make([][]byte, len(w.pending))
	var next sync.Mutex
	k := 0
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(w.pending)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			zw := zlibs.Get().(*zlib.Writer)
			defer zlibs.Put(zw)
			for {
				next.Lock()
				i := k
				k++
				next.Unlock()
				if i >= len(w.pending) {
					return
				}
				var b bytes.Buffer
				b.Grow(len(w.pending[i].data)/3 + 64)
				zw.Reset(&b)
				zw.Write(w.pending[i].data)
				zw.Close()
				out[i] = b.Bytes()
			}
		}()
	}
	wg.Wait()
	for i, p := range w.pending {
		w.writeStream(p.r, p.dict, out[i])
	}
	w.pending = w.pending[:0]
}

// addStream writes a new stream object and returns its reference.
func (w *writer) addStream(dict string, data []byte, compress bool) ref {
	r := w.reserve()
	w.stream(r, dict, data, compress)
	return r
}

// finish writes the cross-reference table and the trailer.
func (w *writer) finish(root, info ref, id []byte) ([]byte, error) {
	w.flush()
	for i, off := range w.offsets {
		if off == 0 {
			return nil, fmt.Errorf("pdf: object %d reserved but not written", i+1)
		}
	}
	xref := w.buf.Len()
	fmt.Fprintf(&w.buf, "xref\n0 %d\n0000000000 65535 f \n", len(w.offsets)+1)
	line := []byte("0000000000 00000 n \n")
	for _, off := range w.offsets {
		for i := 9; i >= 0; i-- {
			line[i] = byte('0' + off%10)
			off /= 10
		}
		w.buf.Write(line)
	}
	fmt.Fprintf(&w.buf, "trailer\n<< /Size %d /Root %s /Info %s /ID [<%x> <%x>] >>\nstartxref\n%d\n%%%%EOF\n",
		len(w.offsets)+1, root, info, id, id, xref)
	return w.buf.Bytes(), nil
}

// num writes a number with at most four decimals and no trailing zeros.
func num(v float64) string { return string(appendNum(nil, v)) }

// appendNum appends v as num writes it.
func appendNum(b []byte, v float64) []byte {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return append(b, '0')
	}
	start := len(b)
	b = strconv.AppendFloat(b, v, 'f', 4, 64)
	// Four decimals are always written: drop the zeros and the point.
	for b[len(b)-1] == '0' {
		b = b[:len(b)-1]
	}
	if b[len(b)-1] == '.' {
		b = b[:len(b)-1]
	}
	if string(b[start:]) == "-0" {
		b = append(b[:start], '0')
	}
	return b
}

// text writes s as a PDF text string: literal when it is printable
// ASCII, else UTF-16BE with a byte-order mark, in hex.
func text(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			ascii = false
			break
		}
	}
	if ascii {
		r := strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`)
		return "(" + r.Replace(s) + ")"
	}
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// name writes s as a PDF name, escaping what a name cannot hold.
func name(s string) string {
	var b strings.Builder
	b.WriteByte('/')
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '!' || c > '~' || strings.IndexByte("#()<>[]{}/%", c) >= 0 {
			fmt.Fprintf(&b, "#%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}
