package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"sync"
)

// Face is one TrueType font file, loaded once: its bytes (for embedding) and
// the metrics the typesetter needs, in thousandths of an em.
type Face struct {
	Path       string // file it was read from
	Data       []byte // the whole .ttf, for the PDF backend to embed a subset of
	UnitsPerEm int
	Ascent     int // thousandths of an em, positive above the baseline
	Descent    int // thousandths of an em, negative below the baseline

	bmp     []int16        // advance per BMP rune, -1 when the font has no glyph
	astral  map[rune]int16 // advance per rune beyond the BMP
	missing int16          // advance of .notdef
	punct   map[rune]int   // glyph ids of general punctuation (U+2000–U+206F)
	glyf    []byte
	loca    []byte
	longLoc bool
	scale   float64
}

// Bounds returns the ink box of r's glyph in thousandths of an em (x to the
// right, y up from the baseline); ok is false when it is unknown. Only the
// general punctuation block (dashes, ellipses) is kept.
func (f *Face) Bounds(r rune) (xMin, yMin, xMax, yMax int, ok bool) {
	gid, found := f.punct[r]
	if !found {
		return 0, 0, 0, 0, false
	}
	var start, end int
	l := parser{f.loca}
	if f.longLoc {
		start, end = int(l.u32(4*gid)), int(l.u32(4*gid+4))
	} else {
		start, end = 2*int(l.u16(2*gid)), 2*int(l.u16(2*gid+2))
	}
	if start+10 > end || end > len(f.glyf) {
		return 0, 0, 0, 0, false
	}
	g := parser{f.glyf[start:end]}
	sc := func(v uint16) int { return int(math.Round(float64(int16(v)) * f.scale)) }
	return sc(g.u16(2)), sc(g.u16(4)), sc(g.u16(6)), sc(g.u16(8)), true
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	if r >= 0 && r < 0x10000 {
		return f.bmp[r] >= 0
	}
	_, ok := f.astral[r]
	return ok
}

// Advance returns the advance width of r in thousandths of an em, rounded as
// the PDF backend rounds it (so positions computed here match the widths the
// PDF viewer uses). A rune the face lacks gets the .notdef width.
func (f *Face) Advance(r rune) int {
	if r >= 0 && r < 0x10000 {
		if w := f.bmp[r]; w >= 0 {
			return int(w)
		}
		return int(f.missing)
	}
	if w, ok := f.astral[r]; ok {
		return int(w)
	}
	return int(f.missing)
}

var cache struct {
	sync.Mutex
	faces map[string]*Face
}

// Load reads and parses the TrueType file at path, once per process.
func Load(path string) (*Face, error) {
	cache.Lock()
	defer cache.Unlock()
	if f, ok := cache.faces[path]; ok {
		return f, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	f, err := Parse(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f.Path = path
	if cache.faces == nil {
		cache.faces = make(map[string]*Face)
	}
	cache.faces[path] = f
	return f, nil
}

// Parse reads the metrics of a TrueType (glyf-outline) font. Collections
// (.ttc) and CFF-flavoured OpenType fonts are rejected, because the PDF
// backend cannot embed them.
func Parse(data []byte) (*Face, error) {
	if len(data) < 12 {
		return nil, errors.New("not a font file")
	}
	switch tag := string(data[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "ttcf":
		return nil, errors.New("a TrueType collection (.ttc); the PDF backend embeds only single .ttf fonts")
	case "OTTO":
		return nil, errors.New("an OpenType font with CFF outlines; the PDF backend embeds only TrueType outlines (.ttf)")
	default:
		return nil, errors.New("not a TrueType font")
	}
	p := parser{data: data}
	n := int(p.u16(4))
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("truncated table directory")
		}
		off, length := int(p.u32(rec+8)), int(p.u32(rec+12))
		if off < 0 || length < 0 || off+length > len(data) {
			return nil, fmt.Errorf("table %q out of bounds", data[rec:rec+4])
		}
		tables[string(data[rec:rec+4])] = data[off : off+length]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "cmap", "glyf", "loca"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("no %s table", t)
		}
	}
	head, hhea := parser{tables["head"]}, parser{tables["hhea"]}
	if len(head.data) < 54 || len(hhea.data) < 36 {
		return nil, errors.New("short head or hhea table")
	}
	f := &Face{Data: data, UnitsPerEm: int(head.u16(18))}
	if f.UnitsPerEm == 0 {
		return nil, errors.New("unitsPerEm is zero")
	}
	scale := 1000 / float64(f.UnitsPerEm)
	f.Ascent = int(float64(int16(hhea.u16(4))) * scale)
	f.Descent = int(float64(int16(hhea.u16(6))) * scale)
	if os2 := tables["OS/2"]; len(os2) >= 72 {
		q := parser{os2}
		// The PDF backend prefers the typographic metrics, as we do.
		if a, d := int16(q.u16(68)), int16(q.u16(70)); a != 0 {
			f.Ascent, f.Descent = int(float64(a)*scale), int(float64(d)*scale)
		}
	}
	nMetrics := int(hhea.u16(34))
	hmtx := parser{tables["hmtx"]}
	if nMetrics == 0 || len(hmtx.data) < 4*nMetrics {
		return nil, errors.New("short hmtx table")
	}
	advance := func(gid int) int16 {
		if gid >= nMetrics {
			gid = nMetrics - 1
		}
		return int16(math.Round(float64(hmtx.u16(4*gid)) * scale))
	}
	f.missing = advance(0)
	f.bmp = make([]int16, 0x10000)
	for i := range f.bmp {
		f.bmp[i] = -1
	}
	f.astral = make(map[rune]int16)
	f.punct = make(map[rune]int)
	f.glyf, f.loca, f.longLoc, f.scale = tables["glyf"], tables["loca"], head.u16(50) == 1, scale
	put := func(r rune, gid int) {
		if gid == 0 || r < 0 {
			return
		}
		if r >= 0x2000 && r <= 0x206F {
			f.punct[r] = gid
		}
		if r < 0x10000 {
			f.bmp[r] = advance(gid)
		} else if r <= unicode10FFFF {
			f.astral[r] = advance(gid)
		}
	}
	if err := readCmap(tables["cmap"], put); err != nil {
		return nil, err
	}
	return f, nil
}

const unicode10FFFF = 0x10FFFF

type parser struct{ data []byte }

func (p parser) u16(off int) uint16 {
	if off+2 > len(p.data) {
		return 0
	}
	return binary.BigEndian.Uint16(p.data[off:])
}

func (p parser) u32(off int) uint32 {
	if off+4 > len(p.data) {
		return 0
	}
	return binary.BigEndian.Uint32(p.data[off:])
}

// readCmap calls put for every rune the best Unicode subtable maps: format
// 12 (full repertoire) when present, else format 4 (BMP).
func readCmap(cmap []byte, put func(rune, int)) error {
	p := parser{cmap}
	n := int(p.u16(2))
	var fmt4, fmt12 int = -1, -1
	for i := 0; i < n; i++ {
		rec := 4 + 8*i
		platform, encoding, off := p.u16(rec), p.u16(rec+2), int(p.u32(rec+4))
		if off >= len(cmap) {
			continue
		}
		unicode := platform == 0 || platform == 3 && (encoding == 1 || encoding == 10)
		if !unicode {
			continue
		}
		switch p.u16(off) {
		case 4:
			if fmt4 < 0 {
				fmt4 = off
			}
		case 12:
			if fmt12 < 0 {
				fmt12 = off
			}
		}
	}
	switch {
	case fmt12 >= 0:
		ngroups := int(p.u32(fmt12 + 12))
		for g := 0; g < ngroups; g++ {
			rec := fmt12 + 16 + 12*g
			if rec+12 > len(cmap) {
				return errors.New("truncated cmap format 12")
			}
			start, end, gid := p.u32(rec), p.u32(rec+4), p.u32(rec+8)
			if end > unicode10FFFF || end < start {
				continue
			}
			for c := start; c <= end; c++ {
				put(rune(c), int(gid+c-start))
			}
		}
		return nil
	case fmt4 >= 0:
		segX2 := int(p.u16(fmt4 + 6))
		ends := fmt4 + 14
		starts := ends + segX2 + 2
		deltas := starts + segX2
		ranges := deltas + segX2
		if ranges+segX2 > len(cmap) {
			return errors.New("truncated cmap format 4")
		}
		for s := 0; s < segX2; s += 2 {
			end, start := int(p.u16(ends+s)), int(p.u16(starts+s))
			delta, ro := int(p.u16(deltas+s)), int(p.u16(ranges+s))
			for c := start; c <= end && c != 0xFFFF; c++ {
				var gid int
				if ro == 0 {
					gid = (c + delta) & 0xFFFF
				} else {
					at := ranges + s + ro + 2*(c-start)
					if at+2 > len(cmap) {
						continue
					}
					gid = int(p.u16(at))
					if gid != 0 {
						gid = (gid + delta) & 0xFFFF
					}
				}
				put(rune(c), gid)
			}
		}
		return nil
	}
	return errors.New("no Unicode cmap subtable")
}
