package clreq

import "testing"

func TestKeepTogether(t *testing.T) {
	cases := []struct {
		a, b rune
		want bool
		why  string
	}{
		{'中', '，', true, "a comma may not start a line"},
		{'中', '。', true, "a full stop may not start a line"},
		{'中', '）', true, "a closing bracket may not start a line"},
		{'中', '》', true, "a closing title mark may not start a line"},
		{'中', '”', true, "a closing quote may not start a line"},
		{'中', '～', true, "a wave dash may not start a line"},
		{'（', '中', true, "an opening bracket may not end a line"},
		{'“', '中', true, "an opening quote may not end a line"},
		{'《', '中', true, "an opening title mark may not end a line"},
		{'—', '—', true, "—— is one mark"},
		{'…', '…', true, "…… is one mark"},
		{'5', '%', true, "45% stays whole"},
		{'¥', '3', true, "¥30 stays whole"},
		{'0', '元', true, "a number keeps its unit"},
		{'中', '国', false, "Han characters break anywhere"},
		{'。', '中', false, "a line may end after a full stop"},
		{'中', '（', false, "a line may end before an opening bracket"},
		{'）', '中', false, "a line may start after a closing bracket"},
	}
	for _, c := range cases {
		if got := KeepTogether(c.a, c.b); got != c.want {
			t.Errorf("KeepTogether(%q, %q) = %v: %s", c.a, c.b, got, c.why)
		}
	}
}

func TestClasses(t *testing.T) {
	for _, r := range "、，。．：；！？”’」』）》〉】〗〕］｝～" {
		if !IsNoStart(r) {
			t.Errorf("%q may start a line", r)
		}
	}
	for _, r := range "“‘「『（《〈【〖〔［｛" {
		if !IsNoEnd(r) || !IsOpening(r) {
			t.Errorf("%q: no-end %v, opening %v", r, IsNoEnd(r), IsOpening(r))
		}
	}
	for _, r := range "中〇あカ，。" {
		if !IsCJK(r) {
			t.Errorf("%q is not CJK", r)
		}
	}
	for _, r := range "aZ09é" {
		if !IsLatin(r) || IsCJK(r) {
			t.Errorf("%q: Latin %v, CJK %v", r, IsLatin(r), IsCJK(r))
		}
	}
}
