package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sort"
)

// Subset returns the font program the PDF backend embeds for the glyphs
// gids of the face: for a TrueType face, a TrueType font whose glyph ids
// are the original ones, with the outlines of gids (and of the glyphs
// their composites use) and every other glyph left empty; for a CFF face,
// a CID-keyed CFF (see subsetCFF) whose CIDs are the original glyph ids.
// Either way the PDF names a glyph by its id in this face.
func (f *Face) Subset(gids []uint16) ([]byte, error) {
	if f.Outline == CFF {
		f.cffOnce.Do(func() { f.cff, f.cffErr = parseCFF(f.Tables["CFF "]) })
		if f.cffErr != nil {
			return nil, f.cffErr
		}
		return subsetCFF(f.cff, gids)
	}
	return f.subsetTrueType(gids)
}

// compositeFlags of a component in a composite glyph.
const (
	argWords     = 0x0001
	haveScale    = 0x0008
	moreComps    = 0x0020
	haveXYScale  = 0x0040
	haveTwoByTwo = 0x0080
)

// components returns the glyphs a composite glyph is made of.
func components(g []byte) []uint16 {
	if len(g) < 10 || int16(binary.BigEndian.Uint16(g)) >= 0 {
		return nil
	}
	var out []uint16
	for i := 10; i+4 <= len(g); {
		flags := binary.BigEndian.Uint16(g[i:])
		out = append(out, binary.BigEndian.Uint16(g[i+2:]))
		i += 4
		if flags&argWords != 0 {
			i += 4
		} else {
			i += 2
		}
		switch {
		case flags&haveScale != 0:
			i += 2
		case flags&haveXYScale != 0:
			i += 4
		case flags&haveTwoByTwo != 0:
			i += 8
		}
		if flags&moreComps == 0 {
			break
		}
	}
	return out
}

func (f *Face) subsetTrueType(gids []uint16) ([]byte, error) {
	n := f.NumGlyphs
	keep := make([]bool, n)
	var todo []uint16
	add := func(g uint16) {
		if int(g) < n && !keep[g] {
			keep[g] = true
			todo = append(todo, g)
		}
	}
	add(0)
	for _, g := range gids {
		add(g)
	}
	for len(todo) > 0 {
		g := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		for _, c := range components(f.GlyphData(int(g))) {
			add(c)
		}
	}
	var glyf bytes.Buffer
	loca := make([]byte, 4*(n+1))
	for g := 0; g < n; g++ {
		binary.BigEndian.PutUint32(loca[4*g:], uint32(glyf.Len()))
		if keep[g] {
			glyf.Write(f.GlyphData(g))
			for glyf.Len()%4 != 0 {
				glyf.WriteByte(0)
			}
		}
	}
	binary.BigEndian.PutUint32(loca[4*n:], uint32(glyf.Len()))
	head := append([]byte(nil), f.Tables["head"]...)
	if len(head) < 54 {
		return nil, fmt.Errorf("short head table")
	}
	binary.BigEndian.PutUint32(head[8:], 0)  // checksum adjustment
	binary.BigEndian.PutUint16(head[50:], 1) // long loca offsets
	tables := map[string][]byte{
		"head": head,
		"hhea": f.Tables["hhea"],
		"hmtx": f.Tables["hmtx"],
		"maxp": f.Tables["maxp"],
		"loca": loca,
		"glyf": glyf.Bytes(),
	}
	// The hinting programs, which the hinted outlines need, and the
	// tables readers look for in any font file.
	for _, t := range []string{"cvt ", "fpgm", "prep", "OS/2", "name"} {
		if b := f.Tables[t]; b != nil {
			tables[t] = b
		}
	}
	if post := f.Tables["post"]; len(post) >= 32 {
		p := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(p, 0x00030000) // no glyph names
		tables["post"] = p
	}
	// The PDF names glyphs by id: an empty Unicode cmap (format 4 with its
	// closing segment only).
	tables["cmap"] = []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12,
		0, 4, 0, 24, 0, 0, 0, 2, 0, 2, 0, 0, 0, 0, 0xff, 0xff, 0, 0, 0xff, 0xff, 0, 1, 0, 0}
	return writeSFNT(tables), nil
}

// writeSFNT writes a TrueType font file of the tables.
func writeSFNT(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	nt := len(tags)
	var out bytes.Buffer
	es := 0
	for 1<<(es+1) <= nt {
		es++
	}
	binary.Write(&out, binary.BigEndian, []uint16{1, 0, uint16(nt), uint16(16 << es), uint16(es), uint16(16*nt - 16<<es)})
	off := 12 + 16*nt
	for _, t := range tags {
		b := tables[t]
		out.WriteString(t)
		binary.Write(&out, binary.BigEndian, []uint32{checksum(b), uint32(off), uint32(len(b))})
		off += (len(b) + 3) &^ 3
	}
	for _, t := range tags {
		b := tables[t]
		out.Write(b)
		for k := len(b); k%4 != 0; k++ {
			out.WriteByte(0)
		}
	}
	return out.Bytes()
}

func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i < len(b); i += 4 {
		var w [4]byte
		copy(w[:], b[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}
