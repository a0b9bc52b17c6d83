package scaffold

import (
	_ "embed"
	"strings"
	"unicode"

	"github.com/zzia/press/internal/pinyin"
)

// MaxSyllables is how many syllables (pinyin syllables or Latin words) a
// slug keeps at most; whole words are kept, so a slug may stop earlier.
const MaxSyllables = 6

// lexiconText lists words common in the association's titles, with their
// pinyin (which also settles polyphones such as 行 and 会), one a line.
// Titles are cut into words by longest match against it, so that a slug
// reads "xinxihua-yantaohui" rather than "xin-xi-hua-yan-tao-hui".
// Characters in no word are paired up.
//
//go:embed lexicon.txt
var lexiconText string

// lexicon is lexiconText by word.
var lexicon = func() map[string]string {
	words := map[string]string{}
	for l := range strings.Lines(lexiconText) {
		if w, p, ok := strings.Cut(strings.TrimSpace(l), " "); ok && !strings.HasPrefix(w, "#") {
			words[w] = p
		}
	}
	return words
}()

// stopWords are dropped from slugs: they carry no meaning in a title.
var stopWords = map[string]bool{
	"关于": true, "的": true, "了": true, "和": true, "与": true, "及": true, "暨": true,
	"举办": true, "召开": true, "开展": true, "圆满": true, "成功": true, "重要": true,
	"有限公司": true, "有限责任公司": true, "股份有限公司": true,
}

var maxWord = func() int {
	n := 0
	for w := range lexicon {
		n = max(n, len([]rune(w)))
	}
	return n
}()

// Slug makes a readable ASCII slug from a title in Chinese, English or both:
// lowercase pinyin without tones, Latin words and numbers, joined by
// hyphens, at most MaxSyllables syllables. It returns "" when the title has
// nothing to spell (only punctuation, say).
func Slug(title string) string {
	var words []string // each word's syllables joined, ready to print
	var counts []int   // syllables per word
	add := func(w string, n int) {
		if w != "" {
			words = append(words, w)
			counts = append(counts, n)
		}
	}
	runes := []rune(title)
	for i := 0; i < len(runes); {
		r := runes[i]
		switch {
		case isASCIIAlnum(r):
			j := i
			for j < len(runes) && isASCIIAlnum(runes[j]) {
				j++
			}
			add(strings.ToLower(string(runes[i:j])), 1)
			i = j
		case unicode.Is(unicode.Han, r):
			j := i
			for j < len(runes) && unicode.Is(unicode.Han, runes[j]) {
				j++
			}
			for _, w := range segment(runes[i:j]) {
				if stopWords[w] {
					continue
				}
				add(spell(w))
			}
			i = j
		default:
			i++
		}
	}
	var out []string
	total := 0
	for k, w := range words {
		if total+counts[k] > MaxSyllables {
			switch {
			case total == 0:
				// A single long word: keep its first syllables.
				parts := strings.Split(w, "-")
				out = append(out, strings.Join(parts[:min(len(parts), MaxSyllables)], "-"))
			case total < 4 && total+counts[k] <= MaxSyllables+2:
				// A short slug takes one more word rather than stop at
				// a place name ("zhengzhoushi-shuju-anquan").
				out = append(out, w)
			}
			break
		}
		out = append(out, w)
		total += counts[k]
	}
	return strings.Join(out, "-")
}

// segment cuts a run of Han characters into words: the segmentation with
// the fewest words from the lexicon, a character in no word costing as much
// as two words (on a tie, the earlier word is the longer: 银行|业). Consecutive characters in no word are paired up (an odd run
// ends with a group of three).
func segment(run []rune) []string {
	n := len(run)
	cost := make([]int, n+1)
	step := make([]int, n+1) // length of the last piece of the best prefix
	for i := 1; i <= n; i++ {
		cost[i], step[i] = cost[i-1]+2, 1 // a loose character
		for l := 1; l <= min(maxWord, i); l++ {
			if _, ok := lexicon[string(run[i-l:i])]; ok && cost[i-l]+1 < cost[i] {
				cost[i], step[i] = cost[i-l]+1, l
			}
		}
	}
	var pieces []string // in reverse
	for i := n; i > 0; i -= step[i] {
		pieces = append(pieces, string(run[i-step[i]:i]))
	}
	var words []string
	var loose []rune
	flush := func() {
		for len(loose) > 0 {
			k := 2
			if len(loose) == 3 || len(loose) == 1 {
				k = len(loose)
			}
			words = append(words, string(loose[:k]))
			loose = loose[k:]
		}
	}
	for i := len(pieces) - 1; i >= 0; i-- {
		p := pieces[i]
		if _, ok := lexicon[p]; !ok {
			loose = append(loose, []rune(p)...)
			continue
		}
		flush()
		words = append(words, p)
	}
	flush()
	return words
}

// spell returns a word's pinyin (syllables of a word run together; a
// lexicon entry may hold a hyphen between words) and its syllable count.
func spell(w string) (string, int) {
	runes := []rune(w)
	if p, ok := lexicon[w]; ok {
		return p, len(runes)
	}
	var b strings.Builder
	n := 0
	for _, r := range runes {
		s, ok := pinyin.Of(r)
		if !ok {
			continue
		}
		for _, c := range s { // ü is spelled v
			if isASCIIAlnum(c) {
				b.WriteRune(unicode.ToLower(c))
			}
		}
		n++
	}
	return b.String(), n
}

// nameSlug spells a person's name in pinyin, one syllable per word
// (张示甲 → zhang-shi-jia), as the sample data's people are named.
func nameSlug(name string) string {
	var parts []string
	for _, r := range name {
		switch {
		case unicode.Is(unicode.Han, r):
			if p, ok := pinyin.Of(r); ok {
				parts = append(parts, p)
			}
		case isASCIIAlnum(r):
			if n := len(parts); n > 0 && isASCIIWord(parts[n-1]) {
				parts[n-1] += strings.ToLower(string(r))
			} else {
				parts = append(parts, strings.ToLower(string(r)))
			}
		default:
			parts = append(parts, "")
		}
	}
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "-")
}

// isASCIIAlnum reports whether r is an ASCII letter or digit.
func isASCIIAlnum(r rune) bool {
	return r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func isASCIIWord(s string) bool {
	for _, r := range s {
		if !isASCIIAlnum(r) {
			return false
		}
	}
	return s != ""
}
