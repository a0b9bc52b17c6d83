package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"sort"
)

// A subset of a CFF font, as the PDF backend embeds it (FontFile3,
// CIDFontType0C): a CID-keyed CFF holding .notdef and the glyphs used,
// where the CID of every glyph is its glyph id in the original font, so the
// text can name glyphs by their original ids (Identity-H). The subroutines
// no kept glyph calls are emptied. A name-keyed CFF is turned into a
// CID-keyed one with a single font dictionary.

// cffIndex is a parsed INDEX: its items, and the offset just past it.
type cffIndex struct {
	items [][]byte
	end   int
}

// readIndex reads the INDEX at off, every item at once.
func readIndex(b []byte, off int) (cffIndex, error) {
	lx, err := readLazyIndex(b, off)
	if err != nil {
		return cffIndex{}, err
	}
	if lx.count == 0 {
		return cffIndex{end: off + 2}, nil
	}
	ix := cffIndex{items: make([][]byte, lx.count)}
	for i := range ix.items {
		if ix.items[i], err = lx.item(i); err != nil {
			return cffIndex{}, err
		}
	}
	ix.end = lx.data + lx.offset(lx.count)
	return ix, nil
}

// lazyIndex is an INDEX read item by item: the CharStrings of a CJK font
// have 65,535 items, of which a document uses a few thousand.
type lazyIndex struct {
	b                       []byte
	count, size, offs, data int
}

func readLazyIndex(b []byte, off int) (lazyIndex, error) {
	if off < 0 || off+2 > len(b) {
		return lazyIndex{}, errors.New("cff: INDEX out of bounds")
	}
	count := int(binary.BigEndian.Uint16(b[off:]))
	if count == 0 {
		return lazyIndex{b: b}, nil
	}
	if off+3 > len(b) {
		return lazyIndex{}, errors.New("cff: INDEX header out of bounds")
	}
	size := int(b[off+2])
	if size < 1 || size > 4 {
		return lazyIndex{}, fmt.Errorf("cff: INDEX offset size %d", size)
	}
	offs := off + 3
	if offs+(count+1)*size > len(b) {
		return lazyIndex{}, errors.New("cff: INDEX offsets out of bounds")
	}
	return lazyIndex{b: b, count: count, size: size, offs: offs, data: offs + (count+1)*size - 1}, nil
}

func (ix lazyIndex) offset(i int) int {
	v := 0
	for k := 0; k < ix.size; k++ {
		v = v<<8 | int(ix.b[ix.offs+i*ix.size+k])
	}
	return v
}

// item returns item i.
func (ix lazyIndex) item(i int) ([]byte, error) {
	if i < 0 || i >= ix.count {
		return nil, fmt.Errorf("cff: no item %d", i)
	}
	from, to := ix.offset(i), ix.offset(i+1)
	if from < 1 || to < from || ix.data+to > len(ix.b) {
		return nil, errors.New("cff: INDEX item out of bounds")
	}
	return ix.b[ix.data+from : ix.data+to], nil
}

func writeIndex(w *bytes.Buffer, items [][]byte) {
	binary.Write(w, binary.BigEndian, uint16(len(items)))
	if len(items) == 0 {
		return
	}
	total := 1
	for _, it := range items {
		total += len(it)
	}
	size := 1
	for total >= 1<<(8*size) {
		size++
	}
	w.WriteByte(byte(size))
	put := func(v int) {
		for k := size - 1; k >= 0; k-- {
			w.WriteByte(byte(v >> (8 * k)))
		}
	}
	off := 1
	put(off)
	for _, it := range items {
		off += len(it)
		put(off)
	}
	for _, it := range items {
		w.Write(it)
	}
}

// dictEntry is one operator of a DICT with its operands as written.
type dictEntry struct {
	op       int // 0–21, or 1200+second byte for escaped operators
	operands []byte
	nums     []float64
}

func readDict(b []byte) ([]dictEntry, error) {
	var out []dictEntry
	start := 0
	var nums []float64
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c <= 21:
			op := int(c)
			n := 1
			if c == 12 {
				if i+1 >= len(b) {
					return nil, errors.New("cff: truncated DICT operator")
				}
				op, n = 1200+int(b[i+1]), 2
			}
			out = append(out, dictEntry{op: op, operands: b[start:i], nums: nums})
			i += n
			start, nums = i, nil
		case c == 28:
			if i+3 > len(b) {
				return nil, errors.New("cff: truncated DICT number")
			}
			nums = append(nums, float64(int16(binary.BigEndian.Uint16(b[i+1:]))))
			i += 3
		case c == 29:
			if i+5 > len(b) {
				return nil, errors.New("cff: truncated DICT number")
			}
			nums = append(nums, float64(int32(binary.BigEndian.Uint32(b[i+1:]))))
			i += 5
		case c == 30:
			// A real number: nibbles up to 0xf.
			i++
			for i < len(b) {
				d := b[i]
				i++
				if d&0x0f == 0x0f || d>>4 == 0x0f {
					break
				}
			}
			nums = append(nums, 0)
		case c >= 32 && c <= 246:
			nums = append(nums, float64(int(c)-139))
			i++
		case c >= 247 && c <= 250:
			if i+2 > len(b) {
				return nil, errors.New("cff: truncated DICT number")
			}
			nums = append(nums, float64((int(c)-247)*256+int(b[i+1])+108))
			i += 2
		case c >= 251 && c <= 254:
			if i+2 > len(b) {
				return nil, errors.New("cff: truncated DICT number")
			}
			nums = append(nums, float64(-(int(c)-251)*256-int(b[i+1])-108))
			i += 2
		default:
			return nil, fmt.Errorf("cff: bad DICT byte %d", c)
		}
	}
	return out, nil
}

func find(d []dictEntry, op int) []float64 {
	for _, e := range d {
		if e.op == op {
			return e.nums
		}
	}
	return nil
}

// int5 encodes v as a five-byte DICT integer, so offsets can be written
// before they are known.
func int5(v int) []byte {
	b := []byte{29, 0, 0, 0, 0}
	binary.BigEndian.PutUint32(b[1:], uint32(int32(v)))
	return b
}

func intOp(v int) []byte {
	switch {
	case v >= -107 && v <= 107:
		return []byte{byte(v + 139)}
	case v >= 108 && v <= 1131:
		v -= 108
		return []byte{byte(v/256 + 247), byte(v % 256)}
	case v >= -1131 && v <= -108:
		v = -v - 108
		return []byte{byte(v/256 + 251), byte(v % 256)}
	case v >= -32768 && v <= 32767:
		return []byte{28, byte(v >> 8), byte(v)}
	}
	return int5(v)
}

func writeOp(w *bytes.Buffer, op int) {
	if op >= 1200 {
		w.WriteByte(12)
		w.WriteByte(byte(op - 1200))
		return
	}
	w.WriteByte(byte(op))
}

// Top DICT and Private DICT operators used here.
const (
	opCharset     = 15
	opEncoding    = 16
	opCharStrings = 17
	opPrivate     = 18
	opSubrs       = 19
	opROS         = 1230
	opCIDCount    = 1234
	opFDArray     = 1236
	opFDSelect    = 1237
	opFontName    = 1238
	opFontMatrix  = 1207
)

type cffFont struct {
	name     []byte
	top      []dictEntry
	strings  [][]byte
	gsubrs   lazyIndex
	chars    lazyIndex
	cid      bool
	fds      []cffFD
	fdSelect []uint8 // per glyph
}

type cffFD struct {
	font    []dictEntry // the Font DICT (CID-keyed fonts), or nil
	private []dictEntry
	subrs   lazyIndex
}

func parseCFF(b []byte) (*cffFont, error) {
	if len(b) < 4 || b[0] != 1 {
		return nil, errors.New("cff: not a CFF table")
	}
	names, err := readIndex(b, int(b[2]))
	if err != nil {
		return nil, err
	}
	tops, err := readIndex(b, names.end)
	if err != nil {
		return nil, err
	}
	strs, err := readIndex(b, tops.end)
	if err != nil {
		return nil, err
	}
	gsubrs, err := readLazyIndex(b, strs.end)
	if err != nil {
		return nil, err
	}
	if len(names.items) != 1 || len(tops.items) != 1 {
		return nil, errors.New("cff: not exactly one font")
	}
	f := &cffFont{name: names.items[0], strings: strs.items, gsubrs: gsubrs}
	if f.top, err = readDict(tops.items[0]); err != nil {
		return nil, err
	}
	cs := find(f.top, opCharStrings)
	if len(cs) != 1 {
		return nil, errors.New("cff: no CharStrings")
	}
	if f.chars, err = readLazyIndex(b, int(cs[0])); err != nil {
		return nil, err
	}
	readPrivate := func(d []dictEntry) (cffFD, error) {
		fd := cffFD{}
		p := find(d, opPrivate)
		if len(p) != 2 {
			return fd, nil
		}
		size, off := int(p[0]), int(p[1])
		if off < 0 || size < 0 || off+size > len(b) {
			return fd, errors.New("cff: Private DICT out of bounds")
		}
		if fd.private, err = readDict(b[off : off+size]); err != nil {
			return fd, err
		}
		if s := find(fd.private, opSubrs); len(s) == 1 {
			if fd.subrs, err = readLazyIndex(b, off+int(s[0])); err != nil {
				return fd, err
			}
		}
		return fd, nil
	}
	if find(f.top, opROS) != nil {
		f.cid = true
		fa := find(f.top, opFDArray)
		fs := find(f.top, opFDSelect)
		if len(fa) != 1 || len(fs) != 1 {
			return nil, errors.New("cff: CID font without FDArray or FDSelect")
		}
		fdix, err := readIndex(b, int(fa[0]))
		if err != nil {
			return nil, err
		}
		for _, item := range fdix.items {
			d, err := readDict(item)
			if err != nil {
				return nil, err
			}
			fd, err := readPrivate(d)
			if err != nil {
				return nil, err
			}
			fd.font = d
			f.fds = append(f.fds, fd)
		}
		if f.fdSelect, err = readFDSelect(b, int(fs[0]), f.chars.count); err != nil {
			return nil, err
		}
		for _, s := range f.fdSelect {
			if int(s) >= len(f.fds) {
				return nil, errors.New("cff: FDSelect names a missing font dictionary")
			}
		}
	} else {
		fd, err := readPrivate(f.top)
		if err != nil {
			return nil, err
		}
		f.fds = []cffFD{fd}
		f.fdSelect = make([]uint8, f.chars.count)
	}
	return f, nil
}

func readFDSelect(b []byte, off, n int) ([]uint8, error) {
	if off < 0 || off >= len(b) {
		return nil, errors.New("cff: FDSelect out of bounds")
	}
	out := make([]uint8, n)
	switch b[off] {
	case 0:
		if off+1+n > len(b) {
			return nil, errors.New("cff: FDSelect out of bounds")
		}
		copy(out, b[off+1:off+1+n])
	case 3:
		if off+3 > len(b) {
			return nil, errors.New("cff: FDSelect out of bounds")
		}
		nr := int(binary.BigEndian.Uint16(b[off+1:]))
		if off+3+3*nr+2 > len(b) {
			return nil, errors.New("cff: FDSelect out of bounds")
		}
		for i := 0; i < nr; i++ {
			first := int(binary.BigEndian.Uint16(b[off+3+3*i:]))
			fd := b[off+3+3*i+2]
			next := int(binary.BigEndian.Uint16(b[off+3+3*i+3:]))
			for g := first; g < next && g < n; g++ {
				out[g] = fd
			}
		}
	default:
		return nil, fmt.Errorf("cff: FDSelect format %d", b[off])
	}
	return out, nil
}

func bias(n int) int {
	switch {
	case n < 1240:
		return 107
	case n < 33900:
		return 1131
	}
	return 32768
}

// usedSubrs marks the global and local subroutines the charstring cs
// calls, directly or not. It follows the Type 2 charstring format far
// enough to know the operands of the calls and the length of hint masks.
type subrScan struct {
	gsubrs, lsubrs lazyIndex
	gused, lused   []bool
	fd             int
	stack          []float64
	stems          int
	depth          int
	done           bool
	// sites are the subroutine calls of every string scanned, so that the
	// subroutines can be renumbered; fixed is cleared when a call's number
	// is not a literal right before it (then they keep their numbers).
	sites *siteTable
	fixed *bool
}

// siteTable holds the calls of every charstring scanned, and which were:
// per kept glyph (by its place in the subset), per global subroutine, and
// per local subroutine of each font dictionary.
type siteTable struct {
	glyph, global [][]callSite
	local         [][][]callSite
	gseen         []bool
	lseen         [][]bool
}

func newSiteTable(glyphs, gsubrs int, lsubrs []int) *siteTable {
	t := &siteTable{glyph: make([][]callSite, glyphs), global: make([][]callSite, gsubrs), gseen: make([]bool, gsubrs)}
	for _, n := range lsubrs {
		t.local = append(t.local, make([][]callSite, n))
		t.lseen = append(t.lseen, make([]bool, n))
	}
	return t
}

// of returns the calls of charstring key, and whether it was scanned
// before (then marking it scanned).
func (t *siteTable) of(key csKey) (*[]callSite, bool) {
	switch key.kind {
	case 'g':
		seen := t.gseen[key.n]
		t.gseen[key.n] = true
		return &t.global[key.n], seen
	case 'l':
		seen := t.lseen[key.fd][key.n]
		t.lseen[key.fd][key.n] = true
		return &t.local[key.fd][key.n], seen
	}
	return &t.glyph[key.n], false
}

// csKey names a charstring: a glyph ('c', n its place in the subset), a
// global ('g') or a local ('l')
// subroutine of font dictionary fd.
type csKey struct {
	kind byte
	fd   int
	n    int
}

// callSite is a subroutine call in a charstring: the bytes of its number.
type callSite struct {
	start, end int
	global     bool
	n          int // the subroutine's index (bias added)
}

func (s *subrScan) run(cs []byte, key csKey) error {
	s.depth++
	defer func() { s.depth-- }()
	if s.depth > 12 {
		return errors.New("cff: subroutines nested too deep")
	}
	sites, seen := s.sites.of(key)
	record := !seen
	numStart, numEnd := -1, -1
	for i := 0; i < len(cs) && !s.done; {
		c := cs[i]
		if c >= 28 && c != 29 && c != 30 && c != 31 {
			numStart = i
		}
		switch {
		case c == 28:
			if i+3 > len(cs) {
				return errors.New("cff: truncated charstring")
			}
			s.stack = append(s.stack, float64(int16(binary.BigEndian.Uint16(cs[i+1:]))))
			i += 3
			numEnd = i
			continue
		case c >= 32 && c <= 246:
			s.stack = append(s.stack, float64(int(c)-139))
			i++
			numEnd = i
			continue
		case c >= 247 && c <= 250:
			if i+2 > len(cs) {
				return errors.New("cff: truncated charstring")
			}
			s.stack = append(s.stack, float64((int(c)-247)*256+int(cs[i+1])+108))
			i += 2
			numEnd = i
			continue
		case c >= 251 && c <= 254:
			if i+2 > len(cs) {
				return errors.New("cff: truncated charstring")
			}
			s.stack = append(s.stack, float64(-(int(c)-251)*256-int(cs[i+1])-108))
			i += 2
			numEnd = i
			continue
		case c == 255:
			if i+5 > len(cs) {
				return errors.New("cff: truncated charstring")
			}
			s.stack = append(s.stack, float64(int32(binary.BigEndian.Uint32(cs[i+1:])))/65536)
			i += 5
			numEnd = i
			continue
		}
		op := i
		i++
		switch c {
		case 1, 3, 18, 23: // hstem, vstem, hstemhm, vstemhm
			s.stems += len(s.stack) / 2
			s.stack = s.stack[:0]
		case 19, 20: // hintmask, cntrmask
			s.stems += len(s.stack) / 2
			s.stack = s.stack[:0]
			i += (s.stems + 7) / 8
		case 10, 29: // callsubr, callgsubr
			if len(s.stack) == 0 {
				return errors.New("cff: subroutine call without a number")
			}
			n := int(s.stack[len(s.stack)-1])
			s.stack = s.stack[:len(s.stack)-1]
			subrs, used := s.lsubrs, s.lused
			if c == 29 {
				subrs, used = s.gsubrs, s.gused
			}
			n += bias(subrs.count)
			sub, err := subrs.item(n)
			if err != nil {
				return errors.New("cff: call of a missing subroutine")
			}
			used[n] = true
			if record {
				if numEnd != op || numStart < 0 || key.kind == 'g' && c == 10 {
					// A computed number, or a global subroutine calling a
					// local one (whose numbers differ per font dictionary).
					*s.fixed = false
				}
				*sites = append(*sites, callSite{numStart, numEnd, c == 29, n})
			}
			callee := csKey{'l', s.fd, n}
			if c == 29 {
				callee = csKey{'g', 0, n}
			}
			if err := s.run(sub, callee); err != nil {
				return err
			}
		case 11: // return
			return nil
		case 14: // endchar
			s.done = true
			return nil
		case 12:
			if i >= len(cs) {
				return errors.New("cff: truncated charstring")
			}
			i++
			s.stack = s.stack[:0]
		default:
			s.stack = s.stack[:0]
		}
	}
	return nil
}

// subsetCFF returns a CID-keyed CFF with .notdef and gids, each glyph's
// CID being its original glyph id.
func subsetCFF(f *cffFont, gids []uint16) ([]byte, error) {
	keep := append([]uint16{0}, gids...)
	sort.Slice(keep, func(i, j int) bool { return keep[i] < keep[j] })
	keep = uniq(keep)
	glyphs := make([][]byte, len(keep))
	for i, g := range keep {
		cs, err := f.chars.item(int(g))
		if err != nil {
			return nil, fmt.Errorf("cff: glyph %d: %w", g, err)
		}
		glyphs[i] = cs
	}
	// Mark the subroutines the kept glyphs call.
	gused := make([]bool, f.gsubrs.count)
	lused := make([][]bool, len(f.fds))
	for i := range f.fds {
		lused[i] = make([]bool, f.fds[i].subrs.count)
	}
	pruned, renumber := true, true
	nl := make([]int, len(f.fds))
	for i := range f.fds {
		nl[i] = f.fds[i].subrs.count
	}
	sites := newSiteTable(len(keep), f.gsubrs.count, nl)
	for gi, g := range keep {
		fd := int(f.fdSelect[g])
		s := subrScan{gsubrs: f.gsubrs, lsubrs: f.fds[fd].subrs, gused: gused, lused: lused[fd], fd: fd,
			sites: sites, fixed: &renumber}
		if err := s.run(glyphs[gi], csKey{'c', 0, gi}); err != nil {
			pruned, renumber = false, false // keep every subroutine rather than guess
			break
		}
	}
	// Renumbered, the subroutines kept are only those used, and every call
	// is rewritten with its new number.
	var gnew []int
	lnew := make([][]int, len(f.fds))
	gmap, lmap := map[int]int{}, make([]map[int]int, len(f.fds))
	if renumber {
		for n, u := range gused {
			if u {
				gmap[n] = len(gnew)
				gnew = append(gnew, n)
			}
		}
		for fd := range f.fds {
			lmap[fd] = map[int]int{}
			for n, u := range lused[fd] {
				if u {
					lmap[fd][n] = len(lnew[fd])
					lnew[fd] = append(lnew[fd], n)
				}
			}
		}
	}
	rewrite := func(cs []byte, key csKey, fd int) []byte {
		p, _ := sites.of(key)
		ss := *p
		if len(ss) == 0 {
			return cs
		}
		var w bytes.Buffer
		at := 0
		for _, st := range ss {
			w.Write(cs[at:st.start])
			var v int
			if st.global {
				v = gmap[st.n] - bias(len(gnew))
			} else {
				v = lmap[fd][st.n] - bias(len(lnew[fd]))
			}
			w.Write(intOp(v))
			at = st.end
		}
		w.Write(cs[at:])
		return w.Bytes()
	}
	var badSubr error
	prune := func(subrs lazyIndex, used []bool) [][]byte {
		// An unused subroutine becomes a bare return: readers (FreeType)
		// reject an INDEX whose items are all empty.
		ret := []byte{11}
		out := make([][]byte, subrs.count)
		for i := range out {
			if pruned && !used[i] {
				out[i] = ret
				continue
			}
			item, err := subrs.item(i)
			if err != nil {
				badSubr = err
			}
			out[i] = item
		}
		return out
	}

	// Strings: the original ones, and those a name-keyed font lacks.
	strs := append([][]byte(nil), f.strings...)
	sid := func(s string) int {
		for i, x := range strs {
			if string(x) == s {
				return 391 + i
			}
		}
		strs = append(strs, []byte(s))
		return 391 + len(strs) - 1
	}
	var ros []byte
	if f.cid {
		for _, e := range f.top {
			if e.op == opROS {
				ros = e.operands
			}
		}
	} else {
		ros = append(append(intOp(sid("Adobe")), intOp(sid("Identity"))...), intOp(0)...)
	}
	fdNames := make([]int, len(f.fds))
	if !f.cid {
		fdNames[0] = sid(string(f.name))
	}

	// The Top DICT: what it had (but offsets, encoding and Private), then
	// the CID operators and offsets, written at a fixed size.
	topDict := func(charset, fdselect, charstrings, fdarray int) []byte {
		var w bytes.Buffer
		w.Write(ros)
		writeOp(&w, opROS)
		for _, e := range f.top {
			switch e.op {
			case opROS, opCharset, opEncoding, opCharStrings, opPrivate, opFDArray, opFDSelect, opCIDCount, opFontName:
				continue
			case opFontMatrix:
				if !f.cid {
					continue // moved into the font dictionary
				}
			}
			w.Write(e.operands)
			writeOp(&w, e.op)
		}
		w.Write(int5(f.chars.count))
		writeOp(&w, opCIDCount)
		w.Write(int5(charset))
		writeOp(&w, opCharset)
		w.Write(int5(fdselect))
		writeOp(&w, opFDSelect)
		w.Write(int5(charstrings))
		writeOp(&w, opCharStrings)
		w.Write(int5(fdarray))
		writeOp(&w, opFDArray)
		return w.Bytes()
	}
	// charset: new glyph i (from 1) has CID keep[i], in ranges.
	var charset bytes.Buffer
	charset.WriteByte(2)
	for i := 1; i < len(keep); {
		j := i
		for j+1 < len(keep) && keep[j+1] == keep[j]+1 && j-i < 65535 {
			j++
		}
		binary.Write(&charset, binary.BigEndian, keep[i])
		binary.Write(&charset, binary.BigEndian, uint16(j-i))
		i = j + 1
	}
	// FDSelect, format 3.
	var fdsel bytes.Buffer
	type rng struct {
		first uint16
		fd    uint8
	}
	var ranges []rng
	for i, g := range keep {
		fd := f.fdSelect[g]
		if len(ranges) == 0 || ranges[len(ranges)-1].fd != fd {
			ranges = append(ranges, rng{uint16(i), fd})
		}
	}
	fdsel.WriteByte(3)
	binary.Write(&fdsel, binary.BigEndian, uint16(len(ranges)))
	for _, r := range ranges {
		binary.Write(&fdsel, binary.BigEndian, r.first)
		fdsel.WriteByte(r.fd)
	}
	binary.Write(&fdsel, binary.BigEndian, uint16(len(keep)))
	var chars bytes.Buffer
	items := make([][]byte, len(keep))
	for i, g := range keep {
		items[i] = glyphs[i]
		if renumber {
			items[i] = rewrite(glyphs[i], csKey{'c', 0, i}, int(f.fdSelect[g]))
		}
	}
	writeIndex(&chars, items)

	// The Private DICTs (with their subroutines right after them) and the
	// Font DICTs pointing at them.
	privates := make([][]byte, len(f.fds))
	for i, fd := range f.fds {
		var w bytes.Buffer
		hasSubrs := false
		for _, e := range fd.private {
			if e.op == opSubrs {
				hasSubrs = true
				continue
			}
			w.Write(e.operands)
			writeOp(&w, e.op)
		}
		if hasSubrs {
			// Subrs is an offset from the Private DICT's start: just past it.
			w.Write(int5(w.Len() + 6))
			writeOp(&w, opSubrs)
			if renumber {
				subrs := make([][]byte, len(lnew[i]))
				for k, n := range lnew[i] {
					sub, _ := fd.subrs.item(n) // read when it was scanned
					subrs[k] = rewrite(sub, csKey{'l', i, n}, i)
				}
				writeIndex(&w, subrs)
			} else {
				writeIndex(&w, prune(fd.subrs, lused[i]))
			}
		}
		privates[i] = w.Bytes()
	}
	privSize := func(i int) int {
		// The DICT without the subroutines that follow it.
		n := 0
		for _, e := range f.fds[i].private {
			if e.op != opSubrs {
				n += len(e.operands) + 1
				if e.op >= 1200 {
					n++
				}
			} else {
				n += 6
			}
		}
		return n
	}
	fontDicts := func(privOff []int) [][]byte {
		out := make([][]byte, len(f.fds))
		for i, fd := range f.fds {
			var w bytes.Buffer
			if f.cid {
				for _, e := range fd.font {
					if e.op == opPrivate {
						continue
					}
					w.Write(e.operands)
					writeOp(&w, e.op)
				}
			} else {
				w.Write(intOp(fdNames[i]))
				writeOp(&w, opFontName)
				for _, e := range f.top {
					if e.op == opFontMatrix {
						w.Write(e.operands)
						writeOp(&w, e.op)
					}
				}
			}
			w.Write(int5(privSize(i)))
			w.Write(int5(privOff[i]))
			writeOp(&w, opPrivate)
			out[i] = w.Bytes()
		}
		return out
	}

	// Lay out: header, Name, Top DICT, String, Global Subr INDEXes, then
	// charset, FDSelect, CharStrings, FDArray and the Private DICTs.
	var head bytes.Buffer
	head.Write([]byte{1, 0, 4, 4})
	writeIndex(&head, [][]byte{f.name})
	topLen := len(topDict(0, 0, 0, 0))
	var rest bytes.Buffer
	writeIndex(&rest, strs)
	if renumber {
		subrs := make([][]byte, len(gnew))
		for k, n := range gnew {
			sub, _ := f.gsubrs.item(n) // read when it was scanned
			subrs[k] = rewrite(sub, csKey{'g', 0, n}, 0)
		}
		writeIndex(&rest, subrs)
	} else {
		writeIndex(&rest, prune(f.gsubrs, gused))
	}
	var topIx bytes.Buffer
	writeIndex(&topIx, [][]byte{make([]byte, topLen)})
	base := head.Len() + topIx.Len() + rest.Len()
	charsetOff := base
	fdselOff := charsetOff + charset.Len()
	charsOff := fdselOff + fdsel.Len()
	fdarrayOff := charsOff + chars.Len()
	privOff := make([]int, len(f.fds))
	var fdarr bytes.Buffer
	writeIndex(&fdarr, fontDicts(privOff)) // sizes only: offsets are fixed-width
	p := fdarrayOff + fdarr.Len()
	for i := range privates {
		privOff[i] = p
		p += len(privates[i])
	}
	fdarr.Reset()
	writeIndex(&fdarr, fontDicts(privOff))

	if badSubr != nil {
		return nil, badSubr
	}
	var out bytes.Buffer
	out.Write(head.Bytes())
	writeIndex(&out, [][]byte{topDict(charsetOff, fdselOff, charsOff, fdarrayOff)})
	out.Write(rest.Bytes())
	out.Write(charset.Bytes())
	out.Write(fdsel.Bytes())
	out.Write(chars.Bytes())
	out.Write(fdarr.Bytes())
	for _, pr := range privates {
		out.Write(pr)
	}
	return out.Bytes(), nil
}

func uniq(s []uint16) []uint16 {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}
