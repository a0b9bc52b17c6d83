package textenc

import (
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func TestCheck(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("---\ntitle: 测试\n---\n\n正文。\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name      string
		src       []byte
		want      Kind
		line, col int
	}{
		{"utf-8", []byte("# 标题\n\n正文 😀 𠮷。\n"), UTF8, 0, 0},
		{"utf-8 with BOM", append(append([]byte{}, BOM...), "# 标题\n"...), UTF8, 0, 0},
		{"gbk from Notepad", gbk, GB, 2, 8},
		{"utf-16", []byte{0xFF, 0xFE, '#', 0, ' ', 0}, UTF16, 1, 1},
		{"a stray Latin-1 byte", []byte("第一行\n\n第二行caf\xe9 au lait\n"), Unknown, 3, 7},
	} {
		p := Check(c.src)
		if c.want == UTF8 {
			if p != nil {
				t.Errorf("%s: got %+v, want nil", c.name, *p)
			}
			continue
		}
		if p == nil || p.Kind != c.want || p.Line != c.line || p.Column != c.col {
			t.Errorf("%s: got %+v, want kind %d at %d:%d", c.name, p, c.want, c.line, c.col)
		}
	}
}
