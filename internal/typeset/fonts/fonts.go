// Package fonts finds the fonts the typesetter sets Chinese and Latin text
// in, loads each file once, and chooses a face per character: the CJK face
// (Song for serif text, Hei for sans) for Han and full-width punctuation,
// the Latin serif, sans or mono face for Latin letters and digits, with
// bold and italic faces where they exist.
//
// Fonts come from paths given in the configuration first, then from the
// usual system directories (/usr/share/fonts, /usr/local/share/fonts,
// ~/.fonts, ~/.local/share/fonts). TrueType (.ttf) and OpenType/CFF (.otf)
// fonts and members of collections (.ttc, .otc) can be used: by default
// Noto Serif CJK SC and Noto Sans CJK SC (Debian fonts-noto-cjk, the Source
// Han families) for Song and Hei, with AR PL SungtiL GB and Droid Sans
// Fallback where they are missing. A missing font is an error that names
// the Debian package to install.
package fonts

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/zzia/press/internal/typeset/clreq"
)

// Role is what a face is used for.
type Role int

// The roles a font set fills. Song, Hei, Serif, Sans and Mono are required;
// the others fall back to them (bold and italic are then synthesized).
const (
	Song Role = iota // CJK serif (宋体/明体): body text
	Hei              // CJK sans (黑体): headings
	Kai              // CJK script (楷体): emphasis and quotations; optional
	Serif
	SerifBold
	SerifItalic
	SerifBoldItalic
	Sans
	SansBold
	SansItalic
	SansBoldItalic
	Mono
	MonoBold
	MonoItalic
	MonoBoldItalic
	Symbol   // fallback for arrows, check boxes and the like; optional
	SongBold // bold CJK serif; optional (synthesized from Song)
	HeiBold  // bold CJK sans; optional (synthesized from Hei)
	Rare     // Han characters beyond the CJK faces (extensions B and later, as in rare names); optional
	Emoji    // emoji and pictographs, drawn in one colour as print needs; optional
	numRoles
)

var roleNames = [numRoles]string{"song", "hei", "kai", "serif", "serif-bold", "serif-italic", "serif-bolditalic",
	"sans", "sans-bold", "sans-italic", "sans-bolditalic", "mono", "mono-bold", "mono-italic", "mono-bolditalic", "symbol",
	"song-bold", "hei-bold", "rare", "emoji"}

// String returns the role's configuration name, e.g. "song" or "serif-bold".
func (r Role) String() string {
	if r < 0 || r >= numRoles {
		return fmt.Sprintf("Role(%d)", int(r))
	}
	return roleNames[r]
}

// ParseRole returns the role with the given configuration name.
func ParseRole(name string) (Role, bool) {
	for i, n := range roleNames {
		if n == name {
			return Role(i), true
		}
	}
	return 0, false
}

type candidate struct {
	file string // base name of a font file
	pkg  string // Debian package that installs it
	face string // member of a collection, by family name; empty for a single font
}

// candidates lists, per role, the files we look for, best first.
var candidates = [numRoles][]candidate{
	Song: {{"NotoSerifCJK-Regular.ttc", "fonts-noto-cjk", "Noto Serif CJK SC"}, {"NotoSerifCJKsc-Regular.otf", "", ""},
		{"gbsn00lp.ttf", "fonts-arphic-gbsn00lp", ""}, {"simsun.ttf", "", ""}, {"SimSun.ttf", "", ""}},
	Hei: {{"NotoSansCJK-Regular.ttc", "fonts-noto-cjk", "Noto Sans CJK SC"}, {"NotoSansCJKsc-Regular.otf", "", ""},
		{"DroidSansFallbackFull.ttf", "fonts-droid-fallback", ""}, {"DroidSansFallback.ttf", "fonts-droid-fallback", ""}, {"simhei.ttf", "", ""}, {"SimHei.ttf", "", ""}},
	SongBold:        {{"NotoSerifCJK-Bold.ttc", "fonts-noto-cjk", "Noto Serif CJK SC"}, {"NotoSerifCJKsc-Bold.otf", "", ""}},
	HeiBold:         {{"NotoSansCJK-Bold.ttc", "fonts-noto-cjk", "Noto Sans CJK SC"}, {"NotoSansCJKsc-Bold.otf", "", ""}},
	Kai:             {{"LXGWWenKai-Regular.ttf", "fonts-lxgw-wenkai", ""}, {"gkai00mp.ttf", "fonts-arphic-gkai00mp", ""}},
	Serif:           {{"LiberationSerif-Regular.ttf", "fonts-liberation", ""}, {"DejaVuSerif.ttf", "fonts-dejavu-core", ""}},
	SerifBold:       {{"LiberationSerif-Bold.ttf", "fonts-liberation", ""}, {"DejaVuSerif-Bold.ttf", "fonts-dejavu-core", ""}},
	SerifItalic:     {{"LiberationSerif-Italic.ttf", "fonts-liberation", ""}, {"DejaVuSerif-Italic.ttf", "fonts-dejavu-extra", ""}},
	SerifBoldItalic: {{"LiberationSerif-BoldItalic.ttf", "fonts-liberation", ""}, {"DejaVuSerif-BoldItalic.ttf", "fonts-dejavu-extra", ""}},
	Sans:            {{"LiberationSans-Regular.ttf", "fonts-liberation", ""}, {"DejaVuSans.ttf", "fonts-dejavu-core", ""}},
	SansBold:        {{"LiberationSans-Bold.ttf", "fonts-liberation", ""}, {"DejaVuSans-Bold.ttf", "fonts-dejavu-core", ""}},
	SansItalic:      {{"LiberationSans-Italic.ttf", "fonts-liberation", ""}, {"DejaVuSans-Oblique.ttf", "fonts-dejavu-extra", ""}},
	SansBoldItalic:  {{"LiberationSans-BoldItalic.ttf", "fonts-liberation", ""}, {"DejaVuSans-BoldOblique.ttf", "fonts-dejavu-extra", ""}},
	Mono:            {{"LiberationMono-Regular.ttf", "fonts-liberation", ""}, {"DejaVuSansMono.ttf", "fonts-dejavu-core", ""}},
	MonoBold:        {{"LiberationMono-Bold.ttf", "fonts-liberation", ""}, {"DejaVuSansMono-Bold.ttf", "fonts-dejavu-core", ""}},
	MonoItalic:      {{"LiberationMono-Italic.ttf", "fonts-liberation", ""}, {"DejaVuSansMono-Oblique.ttf", "fonts-dejavu-extra", ""}},
	MonoBoldItalic:  {{"LiberationMono-BoldItalic.ttf", "fonts-liberation", ""}, {"DejaVuSansMono-BoldOblique.ttf", "fonts-dejavu-extra", ""}},
	Symbol:          {{"DejaVuSans.ttf", "fonts-dejavu-core", ""}},
	// BabelStone Han follows the Chinese (G-source) forms of the CJK
	// extensions that Noto CJK SC leaves out.
	Rare:  {{"BabelStoneHan.ttf", "fonts-babelstone-han", ""}},
	Emoji: {{"Symbola_hint.ttf", "fonts-symbola", ""}, {"Symbola.ttf", "fonts-symbola", ""}},
}

var describe = [numRoles]string{
	Song:  "a Song/Ming (CJK serif) font for body text",
	Hei:   "a Hei (CJK sans) font for headings",
	Serif: "a Latin serif font",
	Sans:  "a Latin sans-serif font",
	Mono:  "a Latin monospace font",
}

// SearchDirs are the directories searched for fonts, in order, after the
// paths given in the configuration.
func SearchDirs() []string {
	dirs := []string{"/usr/share/fonts", "/usr/local/share/fonts"}
	if home, err := os.UserHomeDir(); err == nil {
		dirs = append(dirs, filepath.Join(home, ".fonts"), filepath.Join(home, ".local/share/fonts"))
	}
	return dirs
}

var index struct {
	sync.Once
	files map[string]string // base name → first path found
}

// systemFile returns the path of the first file with the given base name in
// the search directories.
func systemFile(base string) string {
	index.Do(func() {
		index.files = make(map[string]string)
		for _, dir := range SearchDirs() {
			filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
				if err != nil {
					return nil
				}
				if !d.IsDir() && isFontFile(d.Name()) {
					if _, ok := index.files[d.Name()]; !ok {
						index.files[d.Name()] = path
					}
				}
				return nil
			})
		}
	})
	return index.files[base]
}

// isFontFile reports whether name is a font file the typesetter reads.
func isFontFile(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".ttf", ".otf", ".ttc", ".otc":
		return true
	}
	return false
}

// path is where the candidate is on this machine ("" when absent), with
// its member of a collection after a '#'.
func (c candidate) path(lookup func(string) string) string {
	p := lookup(c.file)
	if p != "" && c.face != "" {
		p += "#" + c.face
	}
	return p
}

// Set is the faces a document is set in, one per role (nil for an optional
// role that is not available). Optional faces found on the system are
// loaded when first asked for: a document in Song and Hei never reads the
// italic and mono faces.
type Set struct {
	faces [numRoles]*lazyFace
}

// lazyFace is a face loaded on first use; a face that fails to load is
// absent.
type lazyFace struct {
	path string
	once sync.Once
	face *Face
}

func loaded(f *Face) *lazyFace {
	l := &lazyFace{face: f}
	l.once.Do(func() {})
	return l
}

func (l *lazyFace) get() *Face {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		if f, err := Load(l.path); err == nil {
			l.face = f
		}
	})
	return l.face
}

// face returns the face filling role, or nil.
func (s *Set) face(role Role) *Face { return s.faces[role].get() }

// Discover fills every role: from paths (role name → .ttf path, e.g.
// "song": "/srv/fonts/simsun.ttf") first, then from the system directories.
// A required role with no font is an error naming the Debian package that
// provides one.
func Discover(paths map[string]string) (*Set, error) {
	return discover(paths, systemFile)
}

// discover is Discover with the system lookup (base name → path, "" when
// absent) as a parameter.
func discover(paths map[string]string, lookup func(string) string) (*Set, error) {
	s := new(Set)
	names := make([]string, 0, len(paths))
	for name := range paths {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		role, ok := ParseRole(name)
		if !ok {
			return nil, fmt.Errorf("fonts: unknown font role %q (known: %s)", name, strings.Join(roleNames[:], ", "))
		}
		f, err := Load(paths[name])
		if err != nil {
			return nil, fmt.Errorf("fonts: %s font: %w", name, err)
		}
		s.faces[role] = loaded(f)
	}
	for role := Role(0); role < numRoles; role++ {
		if s.faces[role] != nil {
			continue
		}
		for _, c := range candidates[role] {
			if path := c.path(lookup); path != "" {
				if describe[role] == "" {
					s.faces[role] = &lazyFace{path: path} // optional: loaded when used
					break
				}
				f, err := Load(path)
				if err != nil {
					return nil, fmt.Errorf("fonts: %s font: %w", role, err)
				}
				s.faces[role] = loaded(f)
				break
			}
		}
		if s.faces[role] == nil && describe[role] != "" {
			c := candidates[role][0]
			return nil, fmt.Errorf("fonts: no %s found (role %q; looked for %s in %s); install it with `apt-get install %s`, or give a font path for %q in the configuration",
				describe[role], role, c.file, strings.Join(SearchDirs(), ", "), c.pkg, role)
		}
	}
	return s, nil
}

// NewSet returns a set from faces given directly, for tests and for callers
// that load fonts themselves. Required roles must be present.
func NewSet(faces map[Role]*Face) (*Set, error) {
	s := new(Set)
	for r, f := range faces {
		if r < 0 || r >= numRoles {
			return nil, fmt.Errorf("fonts: bad role %d", r)
		}
		if f != nil {
			s.faces[r] = loaded(f)
		}
	}
	for r := Role(0); r < numRoles; r++ {
		if s.faces[r] == nil && describe[r] != "" {
			return nil, fmt.Errorf("fonts: no %s (role %q)", describe[r], r)
		}
	}
	return s, nil
}

// Face returns the face filling role, or nil.
func (s *Set) Face(role Role) *Face { return s.face(role) }

// Roles returns the roles that have a face, in order.
func (s *Set) Roles() []Role {
	var out []Role
	for r := Role(0); r < numRoles; r++ {
		if s.face(r) != nil {
			out = append(out, r)
		}
	}
	return out
}

// Family is a typeface family a style asks for.
type Family uint8

// The families: serif (Song with a Latin serif), sans (Hei with a Latin
// sans) and mono (Hei with a Latin monospace).
const (
	SerifFamily Family = iota
	SansFamily
	MonoFamily
)

// Style is what a piece of text asks of its face.
type Style struct {
	Family Family
	Bold   bool
	Italic bool
}

// Choice is the face chosen for a character and what the backend must
// synthesize because the face lacks it.
type Choice struct {
	Role        Role
	Face        *Face
	SynthBold   bool // draw with fill and stroke
	SynthItalic bool // draw slanted
	// Fallback is set when the face is not the one the style asks for (a
	// rare character taken from another face).
	Fallback bool
	// Missing is set when no face of the set has the character: the
	// typesetter draws a placeholder instead.
	Missing bool
}

// Placeholder is drawn for a character no face has: the geta mark 〓, the
// Chinese printer's sign for a missing character.
const Placeholder = '〓'

// Pick chooses the face for r in style st. cjk says whether r, when it is a
// mark Chinese and Latin share (“”‘’—…·), sits in Chinese text. A character
// no face has gets the first choice's face with Missing set.
func (s *Set) Pick(st Style, r rune, cjk bool) Choice {
	if clreq.IsCJK(r) || cjk && clreq.IsAmbiguous(r) {
		c := s.cjkChoice(st)
		if c.Face.Has(r) {
			return c
		}
		alts := []Role{Song, Hei, Kai, Rare}
		if c.Role == Hei || c.Role == HeiBold {
			alts = []Role{Hei, Song, Kai, Rare}
		}
		for _, alt := range alts {
			if f := s.face(alt); f != nil && f.Has(r) {
				c.Role, c.Face, c.Fallback = alt, f, true
				c.SynthBold = st.Bold
				return c
			}
		}
		for _, alt := range symbolRoles(r) {
			if f := s.face(alt); f != nil && f.Has(r) {
				return Choice{Role: alt, Face: f, SynthBold: st.Bold, Fallback: !clreq.IsAmbiguous(r)}
			}
		}
		for _, alt := range []Role{Serif, Sans} {
			if f := s.face(alt); f != nil && f.Has(r) {
				return Choice{Role: alt, Face: f, SynthBold: st.Bold, Fallback: true}
			}
		}
		c = s.cjkChoice(st)
		c.Missing = true
		return c
	}
	c := s.latinChoice(st)
	if c.Face.Has(r) || r == ' ' {
		return c
	}
	for _, alt := range symbolRoles(r) {
		if f := s.face(alt); f != nil && f.Has(r) {
			return Choice{Role: alt, Face: f, SynthBold: st.Bold, SynthItalic: st.Italic, Fallback: true}
		}
	}
	for _, alt := range []Role{Song, Hei} {
		if f := s.face(alt); f.Has(r) {
			return Choice{Role: alt, Face: f, SynthBold: st.Bold}
		}
	}
	c.Missing = true
	return c
}

// symbolRoles is the order in which the symbol faces are tried for r: the
// emoji face first for the emoji planes (U+1F000 on), so that the emoji
// of a text are drawn in one style, the symbol face first for the rest.
func symbolRoles(r rune) []Role {
	if r >= 0x1F000 && r <= 0x1FAFF {
		return emojiFirst
	}
	return symbolFirst
}

var (
	symbolFirst = []Role{Symbol, Emoji}
	emojiFirst  = []Role{Emoji, Symbol}
)

// Covered reports whether some face of the set has a glyph for r.
func (s *Set) Covered(r rune) bool {
	for r2 := Role(0); r2 < numRoles; r2++ {
		if f := s.face(r2); f != nil && f.Has(r) {
			return true
		}
	}
	return false
}

func (s *Set) cjkChoice(st Style) Choice {
	role := Song
	if st.Family != SerifFamily {
		role = Hei
	}
	c := Choice{Role: role, Face: s.face(role), SynthBold: st.Bold}
	if st.Bold {
		bold := SongBold
		if role == Hei {
			bold = HeiBold
		}
		if f := s.face(bold); f != nil {
			c.Role, c.Face, c.SynthBold = bold, f, false
		}
	}
	if st.Italic {
		if st.Family == SerifFamily && s.face(Kai) != nil {
			c.Role, c.Face = Kai, s.face(Kai)
			c.SynthBold = st.Bold
		} else {
			c.SynthItalic = true
		}
	}
	return c
}

func (s *Set) latinChoice(st Style) Choice {
	base := Serif
	switch st.Family {
	case SansFamily:
		base = Sans
	case MonoFamily:
		base = Mono
	}
	want := base
	switch {
	case st.Bold && st.Italic:
		want = base + 3
	case st.Bold:
		want = base + 1
	case st.Italic:
		want = base + 2
	}
	if f := s.face(want); f != nil {
		return Choice{Role: want, Face: f}
	}
	// Fall back to the nearest face and synthesize the rest.
	if st.Bold && st.Italic {
		if f := s.face(base + 1); f != nil {
			return Choice{Role: base + 1, Face: f, SynthItalic: true}
		}
		if f := s.face(base + 2); f != nil {
			return Choice{Role: base + 2, Face: f, SynthBold: true}
		}
	}
	return Choice{Role: base, Face: s.face(base), SynthBold: st.Bold, SynthItalic: st.Italic}
}

// splitPath splits a font path into the file and the member of a
// collection named after its last '#' ("….ttc#2" → "….ttc", "2"); member
// is empty for a path without one.
func splitPath(path string) (file, member string) {
	if i := strings.LastIndexByte(path, '#'); i >= 0 {
		return path[:i], path[i+1:]
	}
	return path, ""
}

// Fingerprint identifies the fonts Discover(paths) would load, without
// loading them, for a cache key: one entry per role found, in role order,
// of the font's path and digest(file) of its file (see splitPath), joined
// by a NUL byte.
func Fingerprint(paths map[string]string, digest func(file string) (string, error)) ([]string, error) {
	ps, err := Paths(paths)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		file, _ := splitPath(p)
		d, err := digest(file)
		if err != nil {
			return nil, err
		}
		out[i] = p + "\x00" + d
	}
	return out, nil
}

// Paths returns the font paths Discover(paths) would load (a member of a
// collection after a '#', see splitPath), one per role found, in role
// order, without loading them (see Fingerprint).
func Paths(paths map[string]string) ([]string, error) {
	var out []string
	for role := Role(0); role < numRoles; role++ {
		if p, ok := paths[role.String()]; ok {
			out = append(out, p)
			continue
		}
		found := ""
		for _, c := range candidates[role] {
			if p := c.path(systemFile); p != "" {
				found = p
				break
			}
		}
		if found == "" && describe[role] != "" {
			c := candidates[role][0]
			return nil, fmt.Errorf("fonts: no %s found (role %q; looked for %s in %s); install it with `apt-get install %s`",
				describe[role], role, c.file, strings.Join(SearchDirs(), ", "), c.pkg)
		}
		if found != "" {
			out = append(out, found)
		}
	}
	for name := range paths {
		if _, ok := ParseRole(name); !ok {
			return nil, fmt.Errorf("fonts: unknown font role %q (known: %s)", name, strings.Join(roleNames[:], ", "))
		}
	}
	return out, nil
}

// Without returns a copy of the set without the given faces, so that
// output does not depend on which optional fonts (such as a Kai face) a
// machine happens to have: golden tests use it.
func (s *Set) Without(roles ...Role) *Set {
	c := *s
	for _, r := range roles {
		c.faces[r] = nil
	}
	return &c
}
