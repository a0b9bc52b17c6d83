package fonts

import (
	"testing"
)

// BenchmarkParse times reading a face's metrics and character map from a
// mapped file: the Song face of a CJK collection (65,535 glyphs, picked by
// family name among its members) and a Latin TrueType font — what every
// press pdf process pays once per face.
func BenchmarkParse(b *testing.B) {
	s, err := Discover(nil)
	if err != nil {
		b.Skipf("fonts not installed: %v", err)
	}
	for _, role := range []Role{Song, Mono} {
		f := s.Face(role)
		data, err := mapFile(f.Path)
		if err != nil {
			b.Fatal(err)
		}
		member := ""
		if string(data[:4]) == "ttcf" {
			member = f.Family
		}
		b.Run(f.Family, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if _, err := parseMember(data, member); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
