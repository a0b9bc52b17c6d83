package box

import "testing"

func TestRoman(t *testing.T) {
	for n, want := range map[int]string{1: "I", 4: "IV", 9: "IX", 14: "XIV", 40: "XL", 90: "XC", 400: "CD", 1994: "MCMXCIV", 0: ""} {
		if got := Roman(n); got != want {
			t.Errorf("Roman(%d) = %q, want %q", n, got, want)
		}
		if n > 0 && ParseRoman(want) != n {
			t.Errorf("ParseRoman(%q) = %d, want %d", want, ParseRoman(want), n)
		}
	}
	for _, s := range []string{"", "IIII", "VX", "iv", "1", "IC", "目录"} {
		if n := ParseRoman(s); n != 0 {
			t.Errorf("ParseRoman(%q) = %d, want 0 (not a numeral Roman writes)", s, n)
		}
	}
}
