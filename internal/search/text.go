package search

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The text model, mirrored exactly by assets/js/search.js (see tokenize
// there). Every code point is normalised on its own (NFKC, then lower case),
// so that a position in the normalised text always maps back to one code
// point of the original: that is what lets the client highlight the original
// text. The normalised code points fall in three classes:
//
//   - CJK (Han, Hiragana, Katakana, Hangul): every character is a token;
//   - word characters (other letters, digits, combining marks): a maximal run
//     of them is one token (a Latin word, a number such as "2027", "ipv6");
//   - anything else separates tokens.
//
// A token's position is its index in the page's token sequence; a block
// boundary (the '\n' the extractor writes between paragraphs, headings, list
// items …) adds one to the position so a phrase never matches across blocks.

const (
	classSep = iota
	classCJK
	classWord
)

// blockBreak separates blocks in extracted text.
const blockBreak = '\n'

// normRune appends the normalised form of r to dst.
func normRune(dst []rune, r rune) []rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, r)
	case 0x4E00 <= r && r <= 0x9FFF: // CJK Unified Ideographs: NFKC-stable, caseless
		return append(dst, r)
	case r < 0x10000:
		bmpOnce.Do(initBMP)
		if m := bmp[r]; m != multiRune {
			return append(dst, rune(m))
		}
	}
	for _, n := range norm.NFKC.String(string(r)) {
		dst = append(dst, unicode.ToLower(n))
	}
	return dst
}

// bmp maps every code point of the Basic Multilingual Plane whose
// normalised form is one code point to that form; multiRune marks the others.
var (
	bmp     []uint32
	bmpOnce sync.Once
)

const multiRune = 0xFFFFFFFF

func initBMP() {
	bmp = make([]uint32, 0x10000)
	for r := range rune(0x10000) {
		bmp[r] = multiRune
		if 0xD800 <= r && r <= 0xDFFF {
			continue
		}
		n := []rune(norm.NFKC.String(string(r)))
		if len(n) == 1 {
			bmp[r] = uint32(unicode.ToLower(n[0]))
		}
	}
}

func classOf(r rune) int {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' || '0' <= r && r <= '9' {
			return classWord
		}
		return classSep
	case 0x4E00 <= r && r <= 0x9FFF:
		return classCJK
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul):
		return classCJK
	case unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.Is(unicode.M, r):
		return classWord
	}
	return classSep
}

// token is one unit of the token sequence.
type token struct {
	text   string // normalised: one CJK character, or a whole word
	cjk    bool
	r      rune // a CJK token's character
	pos    int  // position in the sequence
	joined bool // directly follows the previous token, no separator between
}

// tokenizer splits text into tokens; it is reusable to save allocations.
type tokenizer struct {
	buf  []rune
	word []rune
	pos  int // next position
	// strs, when not nil, holds one string of each token text made: a
	// text that comes again (most of a page's do) is not made again.
	strs map[string]string
	enc  []byte
}

// text is the token text of rs.
func (t *tokenizer) text(rs ...rune) string {
	if t.strs == nil {
		return string(rs)
	}
	t.enc = t.enc[:0]
	for _, r := range rs {
		t.enc = utf8.AppendRune(t.enc, r)
	}
	if s, ok := t.strs[string(t.enc)]; ok {
		return s
	}
	s := string(t.enc)
	t.strs[s] = s
	return s
}

// cjkUnified holds every character of the CJK Unified Ideographs block
// (U+4E00–U+9FFF), three bytes each, so that a character's token text is a
// slice of it, made once for all pages.
var (
	cjkUnified     string
	cjkUnifiedOnce sync.Once
)

// cjkText is the token text of the CJK character r: a slice of cjkUnified,
// or one made by t (or made, when t is nil) for a character outside it.
func cjkText(r rune, t *tokenizer) string {
	if 0x4E00 <= r && r <= 0x9FFF {
		cjkUnifiedOnce.Do(func() {
			b := make([]byte, 0, 3*(0x9FFF-0x4E00+1))
			for c := rune(0x4E00); c <= 0x9FFF; c++ {
				b = utf8.AppendRune(b, c)
			}
			cjkUnified = string(b)
		})
		i := 3 * int(r-0x4E00)
		return cjkUnified[i : i+3]
	}
	if t == nil {
		return string(r)
	}
	return t.text(r)
}

// tokens appends the tokens of s to dst and continues the position count
// from earlier calls; a block break in s skips one position.
func (t *tokenizer) tokens(dst []token, s string) []token {
	joined := false
	flush := func() {
		if len(t.word) > 0 {
			dst = append(dst, token{text: t.text(t.word...), pos: t.pos, joined: joined})
			t.pos++
			t.word = t.word[:0]
			joined = true
		}
	}
	for _, r := range s {
		if r == blockBreak {
			flush()
			t.pos++
			joined = false
			continue
		}
		t.buf = normRune(t.buf[:0], r)
		for _, n := range t.buf {
			switch classOf(n) {
			case classWord:
				t.word = append(t.word, n)
			case classCJK:
				flush()
				dst = append(dst, token{text: cjkText(n, t), cjk: true, r: n, pos: t.pos, joined: joined})
				t.pos++
				joined = true
			default:
				flush()
				joined = false
			}
		}
	}
	flush()
	return dst
}

// queryTerm is one term of a query: a CJK bigram, a lone CJK character
// (unigram, matched without position) or a word (possibly a prefix).
type queryTerm struct {
	text   string
	pos    int  // relative position in its group; -1: not positional
	prefix bool // the last word of the query while it is being typed
}

// group is a run of query tokens with no separator: matched as a phrase.
type group struct {
	terms []queryTerm
	text  string  // the normalised group, for messages
	toks  []token // its tokens
}

// parseQuery splits a query into groups of terms. A word at the very end of
// the query (no separator after it) is a prefix: the reader may still be
// typing it.
func parseQuery(q string) []group {
	var t tokenizer
	toks := t.tokens(nil, strings.ReplaceAll(q, "\n", " "))
	var groups []group
	for i := 0; i < len(toks); {
		j := i + 1
		for j < len(toks) && toks[j].joined {
			j++
		}
		g := groupTerms(toks[i:j])
		if len(g.terms) > 0 {
			groups = append(groups, g)
		}
		i = j
	}
	if n := len(groups); n > 0 && len(toks) > 0 {
		last := toks[len(toks)-1]
		trailingSep := !endsWithWordChar(q)
		if !last.cjk && !trailingSep {
			g := &groups[n-1]
			g.terms[len(g.terms)-1].prefix = true
		}
	}
	return groups
}

func endsWithWordChar(q string) bool {
	r, _ := utf8.DecodeLastRuneInString(q)
	if r == utf8.RuneError {
		return false
	}
	n := normRune(nil, r)
	return len(n) > 0 && classOf(n[len(n)-1]) == classWord
}

// groupTerms turns one group of joined tokens into terms: adjacent CJK
// characters give bigrams, a CJK character with no CJK neighbour gives a
// unigram, a word gives itself.
func groupTerms(toks []token) group {
	var g group
	var b strings.Builder
	base := toks[0].pos
	for i, tk := range toks {
		b.WriteString(tk.text)
		rel := tk.pos - base
		if !tk.cjk {
			g.terms = append(g.terms, queryTerm{text: tk.text, pos: rel})
			continue
		}
		nextCJK := i+1 < len(toks) && toks[i+1].cjk
		prevCJK := i > 0 && toks[i-1].cjk
		switch {
		case nextCJK:
			g.terms = append(g.terms, queryTerm{text: tk.text + toks[i+1].text, pos: rel})
		case !prevCJK:
			g.terms = append(g.terms, queryTerm{text: tk.text, pos: -1})
		}
	}
	g.text = b.String()
	g.toks = toks
	return g
}

// splitSynonyms splits a group at a word that has synonyms ("AI应用" is
// matched as "AI 应用"), so that the word and its synonyms form a group of
// their own. A prefix mark stays on the last term.
func splitSynonyms(groups []group, synonyms [][]string) []group {
	has := func(w string) bool {
		for _, set := range synonyms {
			if slices.Contains(set, w) {
				return true
			}
		}
		return false
	}
	var out []group
	for _, g := range groups {
		cut := []int{0}
		for i, t := range g.toks {
			if !t.cjk && has(t.text) && len(g.toks) > 1 {
				if i > 0 && cut[len(cut)-1] != i {
					cut = append(cut, i)
				}
				if i+1 < len(g.toks) {
					cut = append(cut, i+1)
				}
			}
		}
		if len(cut) == 1 {
			out = append(out, g)
			continue
		}
		cut = append(cut, len(g.toks))
		prefix := g.terms[len(g.terms)-1].prefix
		for i := 0; i+1 < len(cut); i++ {
			out = append(out, groupTerms(g.toks[cut[i]:cut[i+1]]))
		}
		if prefix {
			last := &out[len(out)-1]
			last.terms[len(last.terms)-1].prefix = true
		}
	}
	return out
}

// exactKey is the index term of a whole title, heading or query: the
// tokens' texts run together, with a space only between two words, after
// exactPrefix. So "AI 应用", "AI应用" and "ai  应用" have the same key.
func exactKey(toks []token) string {
	var b strings.Builder
	b.WriteString(exactPrefix)
	for i, t := range toks {
		if i > 0 && !t.cjk && !toks[i-1].cjk {
			b.WriteByte(' ')
		}
		b.WriteString(t.text)
	}
	return b.String()
}
