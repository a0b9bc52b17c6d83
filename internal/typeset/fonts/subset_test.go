package fonts

import (
	"bytes"
	"testing"

	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/font/cff"
)

// The subsets hold the glyphs asked for, with the outlines of the
// original, as an independent reader (go-text) sees them.
func TestSubsets(t *testing.T) {
	s := system(t)
	text := "中文排版，“引号”。𠮷𰻞喆堃 Hello, world 123 —— ……"
	for _, role := range []Role{Song, Hei, SongBold, Serif, Sans, Mono} {
		f := s.Face(role)
		if f == nil {
			continue
		}
		var gids []uint16
		for _, r := range text {
			if g, ok := f.GID(r); ok {
				gids = append(gids, g)
			}
		}
		prog, err := f.Subset(gids)
		if err != nil {
			t.Fatalf("%v: %v", role, err)
		}
		if f.Outline == CFF {
			orig, err := cff.Parse(f.Tables["CFF "])
			if err != nil {
				t.Fatal(err)
			}
			sub, err := cff.Parse(prog)
			if err != nil {
				t.Fatalf("%v: the subset does not parse: %v", role, err)
			}
			if len(sub.Charstrings) != len(uniqueSorted(gids))+1 {
				t.Errorf("%v: %d glyphs in the subset, want %d and .notdef", role, len(sub.Charstrings), len(uniqueSorted(gids)))
			}
			// New glyph k is original glyph keep[k]: same outline.
			keep := append([]uint16{0}, uniqueSorted(gids)...)
			for k, g := range keep {
				a, _, err1 := orig.LoadGlyph(g)
				b, _, err2 := sub.LoadGlyph(uint16(k))
				if err1 != nil || err2 != nil || len(a) != len(b) {
					t.Errorf("%v: glyph %d: %d segments (%v), subset %d (%v)", role, g, len(a), err1, len(b), err2)
					continue
				}
				for i := range a {
					if a[i] != b[i] {
						t.Errorf("%v: glyph %d differs at segment %d", role, g, i)
						break
					}
				}
			}
			if len(prog) > 64<<10 {
				t.Errorf("%v: a subset of %d glyphs is %d KB", role, len(gids), len(prog)>>10)
			}
			continue
		}
		face, err := font.ParseTTF(bytes.NewReader(prog))
		if err != nil {
			t.Fatalf("%v: the subset does not parse: %v", role, err)
		}
		for _, g := range gids {
			if d := face.GlyphData(font.GID(g)); d == nil {
				t.Errorf("%v: glyph %d has no outline in the subset", role, g)
			}
		}
	}
}

func uniqueSorted(g []uint16) []uint16 {
	seen := map[uint16]bool{}
	var out []uint16
	for _, v := range g {
		if !seen[v] && v != 0 {
			seen[v] = true
			out = append(out, v)
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
