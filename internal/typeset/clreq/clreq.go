// Package clreq holds the character classes and line-breaking rules of the
// W3C Requirements for Chinese Text Layout (clreq) and GB/T 15834 that the
// typesetter applies: which characters may not start or end a line, which
// pairs may not be split, which punctuation marks carry a blank half that
// may be compressed, and where Han meets Latin.
package clreq

import "unicode"

// NoStart lists the characters that must not begin a line (clreq 3.1.7,
// strict level): closing brackets and quotes, pause and stop marks,
// the wave dash, hyphens, middle dots, dashes and ellipses.
const NoStart = "、，。．：；！？‼⁇⁈⁉”’」』）》〉】〗〕］｝～–-·・‧⸺—…⋯" +
	",.:;!?)]}" + // their half-width kin, which Latin text also keeps on the line
	"%‰℃℉°′″ー々〻ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"

// NoEnd lists the characters that must not end a line: opening brackets and
// quotes (and, by GB/T 15834, nothing else that we enforce; a slash may end a
// line inside a long URL).
const NoEnd = "“‘「『（《〈【〖〔［｛" + "([{" + "¥￥$£€#"

var (
	noStart = set(NoStart)
	noEnd   = set(NoEnd)
	// closing marks have their ink in the left half of the em box (in the
	// mainland-China position) and a blank right half that may be removed.
	closing = set("、，。．：；”’」』）》〉】〗〕］｝")
	// opening marks have their ink in the right half and a blank left half.
	opening = set("“‘「『（《〈【〖〔［｛")
	// inseparable marks come in pairs that never split: —— …… ⋯⋯ ⸺.
	inseparable = set("—…⋯⸺")
)

func set(s string) map[rune]bool {
	m := make(map[rune]bool)
	for _, r := range s {
		m[r] = true
	}
	return m
}

// IsNoStart reports whether r may not begin a line.
func IsNoStart(r rune) bool { return noStart[r] }

// IsNoEnd reports whether r may not end a line.
func IsNoEnd(r rune) bool { return noEnd[r] }

// IsClosing reports whether r is a full-width closing mark (pause, stop,
// closing bracket or quote) whose right half is blank and may be compressed.
func IsClosing(r rune) bool { return closing[r] }

// IsOpening reports whether r is a full-width opening bracket or quote whose
// left half is blank and may be compressed.
func IsOpening(r rune) bool { return opening[r] }

// IsPunct reports whether r is a Chinese punctuation mark (full-width or one
// of the marks Chinese text sets full-width: “”‘’—…·).
func IsPunct(r rune) bool {
	switch {
	case closing[r], opening[r], inseparable[r]:
		return true
	case r == '！' || r == '？' || r == '～' || r == '·' || r == '・' || r == '‧':
		return true
	case r >= 0x3000 && r <= 0x303F:
		return true
	case r >= 0xFF01 && r <= 0xFF0F, r >= 0xFF1A && r <= 0xFF20, r >= 0xFF3B && r <= 0xFF40, r >= 0xFF5B && r <= 0xFF65:
		return true
	}
	return false
}

// IsInseparable reports whether a break between a and b would split one of
// the two-em marks —— …… ⋯⋯ ⸺⸺.
func IsInseparable(a, b rune) bool { return a == b && inseparable[a] }

// IsHan reports whether r is a Han ideograph, kana, bopomofo or a full-width
// form: a character set on the em grid of the CJK face.
func IsHan(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3400 && r <= 0x4DBF, r >= 0x20000 && r <= 0x3FFFF:
		return true
	case r >= 0xF900 && r <= 0xFAFF, r >= 0x2E80 && r <= 0x2FDF:
		return true
	case r >= 0x3040 && r <= 0x30FF, r >= 0x3100 && r <= 0x312F, r >= 0x31A0 && r <= 0x31FF:
		return true
	case r == 0x3007: // 〇
		return true
	}
	return unicode.Is(unicode.Han, r)
}

// IsCJK reports whether r always belongs to the CJK face: Han, kana and
// full-width punctuation and forms. The marks Chinese shares with Latin
// (“”‘’—…·) are ambiguous and not included; see IsAmbiguous.
func IsCJK(r rune) bool {
	if IsHan(r) {
		return true
	}
	switch {
	case r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF, r >= 0xFE30 && r <= 0xFE4F:
		return true
	case r >= 0x3200 && r <= 0x33FF: // enclosed CJK letters, compatibility
		return true
	}
	return false
}

// IsAmbiguous reports whether r is set full-width (CJK face) beside Chinese
// text and proportional (Latin face) beside Latin text: curly quotes, the em
// dash, the ellipsis and the middle dot.
func IsAmbiguous(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '—', '…', '·', '⋯', '⸺':
		return true
	}
	return false
}

// IsLatin reports whether r is a letter or digit set in the Latin face, the
// side of a Han–Latin boundary that takes a quarter-em space.
func IsLatin(r rune) bool {
	if r < 0x80 {
		return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	}
	if IsCJK(r) || IsAmbiguous(r) {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// IsDigit reports whether r is an ASCII or full-width digit.
func IsDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// KeepTogether reports whether the clreq rules forbid a line break between a
// and b, whatever UAX #14 allows: a prohibited line start or end, a split
// two-em dash or ellipsis, a number split from its unit or currency sign, or
// a break inside a Latin word or URL other than after a hyphen.
func KeepTogether(a, b rune) bool {
	switch {
	case IsNoStart(b), IsNoEnd(a), IsInseparable(a, b):
		return true
	case IsDigit(a) && (IsHan(b) || b == '%' || b == '％'):
		// 30 元, 45%: a number keeps its unit.
		return true
	case (a == '¥' || a == '￥' || a == '$') && IsDigit(b):
		return true
	case a == '/' || a == '／':
		// A slash ends a line only as an emergency break inside a long URL,
		// which the line breaker handles on its own.
		return true
	}
	return false
}
