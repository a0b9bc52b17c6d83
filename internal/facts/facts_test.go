package facts

import (
	"strings"
	"testing"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/siteconfig"
)

func writeConfig(t *testing.T, body string) *siteconfig.Config {
	t.Helper()
	return siteconfig.Parse("hugo.toml", []byte(body))
}

// TestPendingNamesEveryUnfilledFact: each fact left empty, left out or
// still a placeholder gets one warning at the line to edit (the key's line,
// or the block's header when the key is missing); filled-in facts get none.
func TestPendingNamesEveryUnfilledFact(t *testing.T) {
	dir := writeConfig(t, `title = "x"
[params]
  description = "d"
  [params.contact]
    office = "郑州市信息化促进会秘书处"
    address = "河南省郑州市（通信地址待秘书处公布）"
    postcode = "450000"
    phone = ""
    email = "office@zzia.example"
    icp = "豫ICP备00000000号-1"
  [params.publications]
    editor = "x"
`)
	got := map[string]int{}
	for _, d := range Pending(msg.Zh, dir) {
		if d.File != "hugo.toml" {
			t.Errorf("%v: file %q, want hugo.toml", d, d.File)
		}
		for _, f := range Facts {
			if strings.Contains(d.Message, " "+f.Key+"（") {
				got[f.Key] = d.Line
			}
		}
		if !strings.Contains(d.Message, "待公布") && !strings.Contains(d.Message, "ICP 备案号及链接") {
			t.Errorf("%v does not say what the site shows", d)
		}
	}
	want := map[string]int{"address": 6, "phone": 8, "email": 9, "hours": 4, "icp": 10}
	for k, line := range want {
		if got[k] != line {
			t.Errorf("%s: warned at line %d, want %d (all: %v)", k, got[k], line, got)
		}
	}
	if _, ok := got["postcode"]; ok {
		t.Errorf("the filled-in postcode 450000 was reported")
	}
	if len(got) != len(want) {
		t.Errorf("warnings for %v, want exactly %v", got, want)
	}
}

// TestPendingQuietWhenFilled: a block with every fact filled in gives no
// warning.
func TestPendingQuietWhenFilled(t *testing.T) {
	dir := writeConfig(t, `[params.contact]
address = "河南省郑州市金水区示例路1号"
postcode = "450008"
phone = "0371-65432109"
email = "office@zzia.org.cn"
hours = "工作日 9:00—17:30"
icp = "豫ICP备12345678号-1"
`)
	if l := Pending(msg.En, dir); len(l) != 0 {
		t.Errorf("a filled-in block gave warnings: %v", l)
	}
}

func TestRealICP(t *testing.T) {
	for s, want := range map[string]bool{
		"豫ICP备12345678号-1": true,
		"豫ICP备12345678号":   true,
		"京ICP备2021000001号": true,
		"豫ICP备00000000号-1": false,
		"ICP备12345678号":    false,
		"豫ICP证12345678号":   false,
		"":                 false,
	} {
		if RealICP(s) != want {
			t.Errorf("RealICP(%q) = %v, want %v", s, !want, want)
		}
	}
}
