package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/opentype/tables"
)

// Outline is how a face's glyphs are drawn.
type Outline uint8

// The outline formats a face can have.
const (
	TrueType Outline = iota // quadratic outlines in the glyf table (.ttf)
	CFF                     // cubic outlines in a CFF table (.otf, the Noto/Source Han .ttc)
)

// Face is one font, loaded once: its file (mapped, for the PDF backend to
// embed a subset of) and the metrics the typesetter needs, in thousandths
// of an em. A face of a collection (.ttc/.otc) is one of its members.
type Face struct {
	Path           string  // file it was read from
	Index          int     // member of a collection; 0 for a single font
	Family         string  // family name, e.g. "Noto Serif CJK SC"
	PostScriptName string  // e.g. "NotoSerifCJKsc-Regular"; what the PDF names the font
	Outline        Outline // TrueType or CFF
	Data           []byte  // the whole file; the tables below are slices of it
	UnitsPerEm     int
	Ascent         int // thousandths of an em, positive above the baseline
	Descent        int // thousandths of an em, negative below the baseline
	CapHeight      int
	BBox           [4]int // font bounding box, thousandths of an em
	ItalicAngle    float64
	Bold, Fixed    bool
	NumGlyphs      int

	// Tables are the raw tables of the face by tag ("glyf", "CFF ", …).
	Tables map[string][]byte

	bmp     []uint32        // per BMP rune: its glyph (0 when the font has none) and, above, its advance
	astral  map[rune]uint16 // glyph per rune beyond the BMP
	adv     []int16         // advance per glyph, thousandths of an em
	punct   map[rune]uint16 // glyph ids of general punctuation (U+2000–U+206F)
	longLoc bool
	scale   float64

	cffOnce sync.Once // the CFF table, parsed when first subset
	cff     *cffFont
	cffErr  error
}

// GID returns the glyph of r, and whether the face has one.
func (f *Face) GID(r rune) (uint16, bool) {
	if r >= 0 && r < 0x10000 {
		g := uint16(f.bmp[r])
		return g, g != 0
	}
	g, ok := f.astral[r]
	return g, ok
}

// GlyphAdvance returns the advance of glyph g in thousandths of an em.
func (f *Face) GlyphAdvance(g uint16) int {
	if int(g) < len(f.adv) {
		return int(f.adv[g])
	}
	return int(f.adv[len(f.adv)-1])
}

// Bounds returns the ink box of r's glyph in thousandths of an em (x to the
// right, y up from the baseline); ok is false when it is unknown. Only the
// general punctuation block (dashes, ellipses) of TrueType faces is kept.
func (f *Face) Bounds(r rune) (xMin, yMin, xMax, yMax int, ok bool) {
	gid, found := f.punct[r]
	if !found || f.Outline != TrueType {
		return 0, 0, 0, 0, false
	}
	start, end := f.glyphSpan(int(gid))
	glyf := f.Tables["glyf"]
	if start+10 > end || end > len(glyf) {
		return 0, 0, 0, 0, false
	}
	g := parser{glyf[start:end]}
	sc := func(v uint16) int { return int(math.Round(float64(int16(v)) * f.scale)) }
	return sc(g.u16(2)), sc(g.u16(4)), sc(g.u16(6)), sc(g.u16(8)), true
}

// glyphSpan returns where glyph gid's outline lies in the glyf table.
func (f *Face) glyphSpan(gid int) (start, end int) {
	l := parser{f.Tables["loca"]}
	if f.longLoc {
		return int(l.u32(4 * gid)), int(l.u32(4*gid + 4))
	}
	return 2 * int(l.u16(2*gid)), 2 * int(l.u16(2*gid+2))
}

// GlyphData returns the glyf-table outline of TrueType glyph gid (empty
// for a blank glyph).
func (f *Face) GlyphData(gid int) []byte {
	start, end := f.glyphSpan(gid)
	glyf := f.Tables["glyf"]
	if start < 0 || end > len(glyf) || start >= end {
		return nil
	}
	return glyf[start:end]
}

// Has reports whether the face has a glyph for r.
func (f *Face) Has(r rune) bool {
	_, ok := f.GID(r)
	return ok
}

// Advance returns the advance width of r in thousandths of an em, rounded as
// the PDF backend rounds it (so positions computed here match the widths the
// PDF viewer uses). A rune the face lacks gets the .notdef width.
func (f *Face) Advance(r rune) int {
	if r >= 0 && r < 0x10000 {
		return int(int16(f.bmp[r] >> 16)) // one look-up for the glyph and its advance
	}
	g, _ := f.GID(r)
	return f.GlyphAdvance(g)
}

var cache struct {
	sync.Mutex
	faces map[string]*Face
}

// Load reads and parses the font at path, once per process. A path may
// name a member of a collection: "NotoSerifCJK-Regular.ttc#Noto Serif CJK
// SC" by its family name, or "….ttc#2" by its index; a collection named
// without one gives its first member.
func Load(path string) (*Face, error) {
	file, member := splitPath(path)
	cache.Lock()
	defer cache.Unlock()
	if f, ok := cache.faces[path]; ok {
		return f, nil
	}
	data, err := mapFile(file)
	if err != nil {
		return nil, err
	}
	f, err := parseMember(data, member)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	f.Path = file
	if cache.faces == nil {
		cache.faces = make(map[string]*Face)
	}
	cache.faces[path] = f
	return f, nil
}

// Parse reads the metrics of a single font (TrueType or CFF outlines), or
// of the first member of a collection.
func Parse(data []byte) (*Face, error) { return parseMember(data, "") }

// parseMember parses the member of a collection named by member (a family
// name or an index; empty: the first), or a single font.
func parseMember(data []byte, member string) (*Face, error) {
	if len(data) < 12 {
		return nil, errors.New("not a font file")
	}
	if string(data[:4]) != "ttcf" {
		if member != "" && member != "0" {
			return nil, fmt.Errorf("not a font collection, so it has no member %q", member)
		}
		return parseAt(data, 0)
	}
	p := parser{data}
	n := int(p.u32(8))
	if n <= 0 || 12+4*n > len(data) {
		return nil, errors.New("bad font collection header")
	}
	if k, err := strconv.Atoi(member); err == nil {
		if k < 0 || k >= n {
			return nil, fmt.Errorf("the collection has %d fonts, no #%d", n, k)
		}
		f, err := parseAt(data, int(p.u32(12+4*k)))
		if f != nil {
			f.Index = k
		}
		return f, err
	}
	var members []string
	for k := 0; k < n; k++ {
		off := int(p.u32(12 + 4*k))
		// Only the names first: parsing a CJK member whole takes time.
		family, ps := names(tableAt(data, off, "name"))
		if member == "" || strings.EqualFold(family, member) || strings.EqualFold(ps, member) {
			f, err := parseAt(data, off)
			if err != nil {
				return nil, fmt.Errorf("font #%d of the collection: %w", k, err)
			}
			f.Index = k
			return f, nil
		}
		members = append(members, family)
	}
	return nil, fmt.Errorf("no font %q in the collection (it has %s)", member, strings.Join(members, ", "))
}

// tableAt returns the table tag of the font whose table directory starts
// at off, or nil.
func tableAt(data []byte, off int, tag string) []byte {
	p := parser{data}
	n := int(p.u16(off + 4))
	for i := 0; i < n; i++ {
		rec := off + 12 + 16*i
		if rec+16 > len(data) {
			return nil
		}
		if string(data[rec:rec+4]) == tag {
			to, length := int(p.u32(rec+8)), int(p.u32(rec+12))
			if to < 0 || length < 0 || to+length > len(data) {
				return nil
			}
			return data[to : to+length]
		}
	}
	return nil
}

// parseAt parses the font whose table directory starts at off.
func parseAt(data []byte, off int) (*Face, error) {
	if off < 0 || off+12 > len(data) {
		return nil, errors.New("table directory out of bounds")
	}
	p := parser{data: data}
	f := &Face{Data: data, Tables: map[string][]byte{}}
	switch tag := string(data[off : off+4]); tag {
	case "\x00\x01\x00\x00", "true":
		f.Outline = TrueType
	case "OTTO":
		f.Outline = CFF
	default:
		return nil, errors.New("not a TrueType or OpenType font")
	}
	n := int(p.u16(off + 4))
	for i := 0; i < n; i++ {
		rec := off + 12 + 16*i
		if rec+16 > len(data) {
			return nil, errors.New("truncated table directory")
		}
		to, length := int(p.u32(rec+8)), int(p.u32(rec+12))
		if to < 0 || length < 0 || to+length > len(data) {
			return nil, fmt.Errorf("table %q out of bounds", data[rec:rec+4])
		}
		f.Tables[string(data[rec:rec+4])] = data[to : to+length]
	}
	need := []string{"head", "hhea", "hmtx", "cmap", "maxp"}
	if f.Outline == TrueType {
		need = append(need, "glyf", "loca")
	} else {
		need = append(need, "CFF ")
	}
	for _, t := range need {
		if f.Tables[t] == nil {
			if t == "CFF " && f.Tables["CFF2"] != nil {
				return nil, errors.New("a variable font (CFF2); give a static instance")
			}
			return nil, fmt.Errorf("no %s table", strings.TrimSpace(t))
		}
	}
	// The tables' contents are read by go-text's OpenType parsers; what
	// press keeps is a lookup per BMP rune (glyph and advance in one word),
	// which the line breaker calls for every character it measures.
	head, _, err := tables.ParseHead(f.Tables["head"])
	if err != nil {
		return nil, fmt.Errorf("head table: %w", err)
	}
	hhea, _, err := tables.ParseHhea(f.Tables["hhea"])
	if err != nil {
		return nil, fmt.Errorf("hhea table: %w", err)
	}
	maxp, _, err := tables.ParseMaxp(f.Tables["maxp"])
	if err != nil {
		return nil, fmt.Errorf("maxp table: %w", err)
	}
	f.UnitsPerEm = int(head.UnitsPerEm)
	if f.UnitsPerEm == 0 {
		return nil, errors.New("unitsPerEm is zero")
	}
	scale := 1000 / float64(f.UnitsPerEm)
	sc := func(v int16) int { return int(math.Round(float64(v) * scale)) }
	f.BBox = [4]int{sc(head.XMin), sc(head.YMin), sc(head.XMax), sc(head.YMax)}
	f.Bold = head.MacStyle&1 != 0
	f.Ascent = int(float64(hhea.Ascender) * scale)
	f.Descent = int(float64(hhea.Descender) * scale)
	f.CapHeight = f.Ascent * 7 / 10
	fontPage := tables.FPNone
	if os2, _, err := tables.ParseOs2(f.Tables["OS/2"]); err == nil {
		// The PDF backend prefers the typographic metrics, as we do.
		if os2.STypoAscender != 0 {
			f.Ascent, f.Descent = int(float64(os2.STypoAscender)*scale), int(float64(os2.STypoDescender)*scale)
		}
		// sCapHeight, from version 2 on, follows the code page ranges and
		// sxHeight in the part go-text leaves unparsed.
		if more := os2.HigherVersionData; os2.Version >= 2 && len(more) >= 12 {
			if c := sc(int16(binary.BigEndian.Uint16(more[10:]))); c > 0 {
				f.CapHeight = c
			}
		}
		if os2.USWeightClass >= 700 {
			f.Bold = true
		}
		fontPage = os2.FontPage()
	}
	if post, _, err := tables.ParsePost(f.Tables["post"]); err == nil {
		f.Fixed = post.IsFixedPitch != 0
		// go-text does not export the angle: a Fixed 16.16 at offset 4.
		f.ItalicAngle = float64(int32(binary.BigEndian.Uint32(f.Tables["post"][4:]))) / 65536
	}
	f.NumGlyphs = int(maxp.NumGlyphs)
	nMetrics := int(hhea.NumOfLongMetrics)
	if nMetrics == 0 || f.NumGlyphs == 0 {
		return nil, errors.New("short hmtx table")
	}
	hmtx, _, err := tables.ParseHmtx(f.Tables["hmtx"], nMetrics, max(0, f.NumGlyphs-nMetrics))
	if err != nil {
		return nil, fmt.Errorf("hmtx table: %w", err)
	}
	f.adv = make([]int16, max(f.NumGlyphs, nMetrics))
	for g := range f.adv {
		f.adv[g] = int16(math.Round(float64(uint16(hmtx.Advance(tables.GlyphID(g)))) * scale))
	}
	f.bmp = make([]uint32, 0x10000)
	f.astral = make(map[rune]uint16)
	f.punct = make(map[rune]uint16)
	f.longLoc, f.scale = head.IndexToLocFormat == 1, scale
	rawCmap, _, err := tables.ParseCmap(f.Tables["cmap"])
	if err != nil {
		return nil, fmt.Errorf("cmap table: %w", err)
	}
	cmap, _, err := font.ProcessCmap(rawCmap, fontPage)
	if err != nil {
		return nil, fmt.Errorf("cmap table: %w", err)
	}
	for it := cmap.Iter(); it.Next(); {
		r, g := it.Char()
		gid := int(g)
		if gid <= 0 || gid >= f.NumGlyphs || r < 0 || r > unicode.MaxRune {
			continue
		}
		if r >= 0x2000 && r <= 0x206F {
			f.punct[r] = uint16(gid)
		}
		if r < 0x10000 {
			f.bmp[r] = uint32(gid)
		} else {
			f.astral[r] = uint16(gid)
		}
	}
	for r, g := range f.bmp {
		f.bmp[r] = g | uint32(uint16(f.GlyphAdvance(uint16(g))))<<16
	}
	f.Family, f.PostScriptName = names(f.Tables["name"])
	if f.PostScriptName == "" {
		f.PostScriptName = "Font"
	}
	return f, nil
}

// names reads the family name (typographic, else legacy) and the
// PostScript name from a name table, preferring the English records.
func names(tab []byte) (family, ps string) {
	name, _, err := tables.ParseName(tab)
	if err != nil {
		return "", ""
	}
	const legacyFamily, postScript, typoFamily tables.NameID = 1, 6, 16
	family = name.Name(typoFamily)
	if family == "" {
		family = name.Name(legacyFamily)
	}
	// A PostScript name is printable ASCII without delimiters.
	ps = strings.Map(func(r rune) rune {
		if r <= ' ' || r > '~' || strings.ContainsRune("[](){}<>/%", r) {
			return -1
		}
		return r
	}, name.Name(postScript))
	return family, ps
}

type parser struct{ data []byte }

func (p parser) u16(off int) uint16 {
	if off < 0 || off+2 > len(p.data) {
		return 0
	}
	return binary.BigEndian.Uint16(p.data[off:])
}

func (p parser) u32(off int) uint32 {
	if off < 0 || off+4 > len(p.data) {
		return 0
	}
	return binary.BigEndian.Uint32(p.data[off:])
}
