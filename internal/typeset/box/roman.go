package box

import "strings"

// Roman writes n (1 or more) in upper-case Roman numerals, as the folios of
// front matter are printed: Roman(4) is "IV". It is "" for n below 1.
func Roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

// ParseRoman reads a page label written by Roman; 0 when s is not one (a
// PDF viewer numbers such pages in its own Roman style).
func ParseRoman(s string) int {
	if s == "" {
		return 0
	}
	vals := map[byte]int{'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100, 'D': 500, 'M': 1000}
	n := 0
	for i := 0; i < len(s); i++ {
		v, ok := vals[s[i]]
		if !ok {
			return 0
		}
		if i+1 < len(s) && vals[s[i+1]] > v {
			n -= v
		} else {
			n += v
		}
	}
	if Roman(n) != s {
		return 0
	}
	return n
}
