package pinyin

import (
	"testing"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// TestOfIsGoPinyin checks the table against go-pinyin itself: every
// character it knows has the reading SinglePinyin gives in Normal style,
// and the table holds nothing else (a go-pinyin update without go generate
// fails here).
func TestOfIsGoPinyin(t *testing.T) {
	args := gopinyin.NewArgs()
	known := 0
	for cp := range gopinyin.PinyinDict {
		want := gopinyin.SinglePinyin(rune(cp), args)
		got, ok := Of(rune(cp))
		if len(want) == 0 || want[0] == "" {
			if ok {
				t.Errorf("U+%04X: %q, go-pinyin has no reading", cp, got)
			}
			continue
		}
		known++
		if !ok || got != want[0] {
			t.Errorf("U+%04X %c: %q %v, go-pinyin %q", cp, rune(cp), got, ok, want[0])
		}
	}
	if n := len(readings) / record; n != known || len(readings)%record != 0 {
		t.Errorf("the table has %d records (%d bytes), go-pinyin %d characters", n, len(readings), known)
	}
}

func TestOf(t *testing.T) {
	for _, c := range []struct {
		r    rune
		want string
	}{
		{'郑', "zheng"}, {'州', "zhou"}, {'行', "xing"}, {'绿', "lv"}, {'〇', "ling"},
		{'𪚥', "zhe"}, // outside the BMP
	} {
		if got, ok := Of(c.r); !ok || got != c.want {
			t.Errorf("Of(%c) = %q, %v; want %q", c.r, got, ok, c.want)
		}
	}
	for _, r := range []rune{'a', '1', '，', '😀', 0, 0x10FFFF, -1} {
		if got, ok := Of(r); ok {
			t.Errorf("Of(%U) = %q, want none", r, got)
		}
	}
	// LazyConvert, which the callers used, is the same character by character.
	for _, s := range []string{"郑州市信息化促进会", "会员管理办法第八条", "中原区"} {
		want := gopinyin.LazyConvert(s, nil)
		var got []string
		for _, r := range s {
			if p, ok := Of(r); ok {
				got = append(got, p)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%s: %v, LazyConvert %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Errorf("%s: %v, LazyConvert %v", s, got, want)
				break
			}
		}
	}
}
