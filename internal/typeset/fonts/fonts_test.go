package fonts

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zzia/press/internal/testenv"
)

// system returns the fonts installed here; the tests need the Debian
// packages listed in scripts/debian-packages.txt.
func system(t *testing.T) *Set {
	t.Helper()
	s, err := Discover(nil)
	if err != nil {
		t.Fatalf("the typesetter's fonts are not installed: %v", err)
	}
	return s
}

func TestMissingFontNamesThePackage(t *testing.T) {
	_, err := discover(nil, func(string) string { return "" })
	if err == nil {
		t.Fatal("no error with no fonts at all")
	}
	for _, want := range []string{"Song", "apt-get install fonts-noto-cjk", `"song"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	// With every CJK font but no Latin mono face.
	s := system(t)
	_, err = discover(nil, func(base string) string {
		if strings.Contains(base, "Mono") {
			return ""
		}
		for r := Role(0); r < numRoles; r++ {
			if f := s.Face(r); f != nil && filepath.Base(f.Path) == base {
				return f.Path
			}
		}
		return ""
	})
	if err == nil || !strings.Contains(err.Error(), "monospace") || !strings.Contains(err.Error(), "apt-get install fonts-liberation") {
		t.Errorf("missing mono face: got %v", err)
	}
}

func TestConfiguredPathWins(t *testing.T) {
	s := system(t)
	serif := s.Face(Serif).Path
	got, err := Discover(map[string]string{"sans": serif})
	if err != nil {
		t.Fatal(err)
	}
	if got.Face(Sans).Path != serif {
		t.Errorf("sans = %s, want the configured %s", got.Face(Sans).Path, serif)
	}
	if _, err := Discover(map[string]string{"song": "/nonexistent/simsun.ttf"}); err == nil || !strings.Contains(err.Error(), "song") {
		t.Errorf("a configured font that does not exist: got %v", err)
	}
	if _, err := Discover(map[string]string{"bold": serif}); err == nil || !strings.Contains(err.Error(), "unknown font role") {
		t.Errorf("an unknown role: got %v", err)
	}
}

func TestCollectionsAndCFF(t *testing.T) {
	s := system(t)
	song := s.Face(Song)
	if song.Outline != CFF || song.Family != "Noto Serif CJK SC" || song.Index == 0 {
		t.Errorf("Song is %s #%d (%s, outline %d), want the SC member of the Noto Serif CJK collection", song.Path, song.Index, song.Family, song.Outline)
	}
	if !strings.HasPrefix(song.PostScriptName, "NotoSerifCJK") {
		t.Errorf("PostScript name %q", song.PostScriptName)
	}
	// A member by index and by name; a wrong name lists the members.
	byIndex, err := Load(song.Path + "#" + strconv.Itoa(song.Index))
	if err != nil || byIndex.Family != song.Family {
		t.Errorf("member by index: %v, %v", byIndex, err)
	}
	if _, err := Load(song.Path + "#Noto Serif CJK XX"); err == nil || !strings.Contains(err.Error(), "Noto Serif CJK SC") {
		t.Errorf("unknown member: got %v, want the members listed", err)
	}
	dir := t.TempDir()
	for name, head := range map[string]string{"a.ttc": "ttcf", "b.otf": "OTTO", "c.ttf": "\x00\x01\x00\x00"} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(head+strings.Repeat("\x00", 64)), 0o644)
		if _, err := Load(p); err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: got %v, want an error naming the file", name, err)
		}
	}
	if _, err := Load("/dev/zero"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("/dev/zero: got %v", err)
	}
}

// The rare characters of names and places are in the main face: no
// fallback to another face inside Song text.
func TestRareNameCharactersFromTheMainFace(t *testing.T) {
	s := system(t)
	for _, r := range "喆堃赟珺昇镕玥鄠𠮷" {
		if c := s.Pick(Style{}, r, false); c.Role != Song || c.Fallback || c.Missing {
			t.Errorf("%c: %v fallback=%v missing=%v, want Song", r, c.Role, c.Fallback, c.Missing)
		}
	}
	// An emoji of Unicode 15 is in none of the faces.
	if c := s.Pick(Style{}, '🫨', false); !c.Missing {
		t.Errorf("🫨: got %v, want missing (no face of the set has it)", c.Role)
	}
}

// Characters the CJK faces lack come from the optional faces the site's
// packages install: a Han character of Extension B from the rare face,
// emoji from the emoji face (all of a text's emoji in one style, even those
// the symbol face has too), and symbols from the symbol face.
func TestRareAndEmojiFaces(t *testing.T) {
	s := system(t)
	needOptional(t, s)
	for _, c := range []struct {
		r    rune
		cjk  bool
		want Role
	}{
		{'𪚥', false, Rare}, {'𪚥', true, Rare},
		{'👍', false, Emoji}, {'😀', false, Emoji}, {'😀', true, Emoji}, {'🇨', false, Emoji},
		{'☐', false, Symbol},
	} {
		got := s.Pick(Style{}, c.r, c.cjk)
		if got.Role != c.want || got.Missing || !got.Fallback {
			t.Errorf("%c (cjk=%v): %v missing=%v fallback=%v, want a fallback to %v", c.r, c.cjk, got.Role, got.Missing, got.Fallback, c.want)
		}
	}
}

// needOptional fails (under CI) or skips when the optional rare and emoji
// faces are not installed, naming their packages.
func needOptional(t *testing.T, s *Set) {
	t.Helper()
	for _, r := range []Role{Rare, Emoji} {
		if s.Face(r) == nil {
			testenv.Missing(t, fmt.Sprintf("the %s font (apt-get install %s; make deps)", r, candidates[r][0].pkg))
		}
	}
}

func TestPickPerCharacter(t *testing.T) {
	s := system(t)
	serif := Style{Family: SerifFamily}
	cases := []struct {
		r    rune
		cjk  bool
		st   Style
		want Role
	}{
		{'中', false, serif, Song},
		{'，', false, serif, Song},
		{'A', false, serif, Serif},
		{'7', false, serif, Serif},
		{'“', true, serif, Song},
		{'“', false, serif, Serif},
		{'中', false, Style{Family: SansFamily}, Hei},
		{'A', false, Style{Family: SansFamily}, Sans},
		{'A', false, Style{Family: SerifFamily, Bold: true}, SerifBold},
		{'A', false, Style{Family: MonoFamily}, Mono},
		{'中', false, Style{Family: MonoFamily}, Hei},
	}
	for _, c := range cases {
		if got := s.Pick(c.st, c.r, c.cjk); got.Role != c.want || !got.Face.Has(c.r) {
			t.Errorf("Pick(%+v, %q, cjk=%v) = %v (has glyph: %v), want %v", c.st, c.r, c.cjk, got.Role, got.Face.Has(c.r), c.want)
		}
	}
	// Han bold: the bold face when there is one, else synthesized.
	if c := s.Pick(Style{Bold: true}, '中', false); c.Role != SongBold || c.SynthBold {
		t.Errorf("bold Han: %v synthesized=%v, want the bold Song face", c.Role, c.SynthBold)
	}
	if c := s.Without(HeiBold).Pick(Style{Family: SansFamily, Bold: true}, '中', false); c.Role != Hei || !c.SynthBold {
		t.Errorf("bold Hei without a bold face: %v synthesized=%v", c.Role, c.SynthBold)
	}
	// A quote in a Hei heading falls back to the Song face that has it.
	if c := s.Pick(Style{Family: SansFamily}, '“', true); !c.Face.Has('“') {
		t.Errorf("“ in sans got %v, which lacks it", c.Role)
	}
}

func TestMetricsMatchEmGrid(t *testing.T) {
	s := system(t)
	song := s.Face(Song)
	for _, r := range "中国，。（）《》" {
		if w := song.Advance(r); w != 1000 {
			t.Errorf("Song advance of %q = %d, want a full em (1000)", r, w)
		}
	}
	if w := s.Face(Serif).Advance('i'); w <= 0 || w >= 500 {
		t.Errorf("Latin serif 'i' advance %d, want a narrow letter", w)
	}
	if _, y0, _, y1, ok := s.Face(Serif).Bounds('—'); !ok || y1 <= y0 || y0 < 0 {
		t.Errorf("bounds of the serif dash: %d..%d ok=%v", y0, y1, ok)
	}
}
