package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zzia/press/internal/msg"
)

func TestCheckFile(t *testing.T) {
	cases := []struct {
		name, src string
		want      string // prefix of the only diagnostic; "" for none
	}{
		{"yaml ok", "---\ntitle: 标题\ndate: 2026-11-27\n---\n正文\n", ""},
		{"toml ok", "+++\ntitle = \"x\"\ndate = 2026-11-27\n+++\nbody\n", ""},
		{"json ok", "{\"title\": \"x\"}\nbody\n", ""},
		{"no front matter", "正文\n", ""},
		{"thematic break later is not front matter", "正文\n\n---\n\n更多\n", ""},
		{"yaml syntax", "---\ntitle: 标题\ndate: [2026\n---\n", "a.md:3:7: front matter: sequence end token ']' not found"},
		{"yaml unclosed quote", "---\ntitle: \"x\n---\n", "a.md:2:8:"},
		{"impossible date", "---\ntitle: x\ndate: 2025-02-30\n---\n", "a.md:3:1: date: \"2025-02-30\" is not a date"},
		{"bad lastmod", "---\nlastmod: yesterday\n---\n", "a.md:2:1: lastmod: \"yesterday\" is not a date"},
		{"unclosed", "---\ntitle: x\n", "a.md:1:1: front matter opened with \"---\" is never closed"},
		{"toml syntax", "+++\ntitle = x\n+++\n", "a.md:2:9: front matter: toml:"},
		{"json syntax", "{\"title\": }\n", "a.md:1: front matter is not valid JSON"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := CheckFile(msg.En, "a.md", []byte(c.src))
			if c.want == "" {
				if len(l) != 0 {
					t.Fatalf("unexpected diagnostics: %v", l)
				}
				return
			}
			if len(l) != 1 {
				t.Fatalf("got %d diagnostics, want 1: %v", len(l), l)
			}
			if !strings.HasPrefix(l[0].String(), c.want) {
				t.Errorf("got %q, want prefix %q", l[0].String(), c.want)
			}
		})
	}
}

func TestFrontMatterKeepsLineNumbers(t *testing.T) {
	src := "---\ntitle: 会员管理办法\ndate: 2026-11-27\n---\n正文第一行\n"
	v, body, err := FrontMatter([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if String(v, "title") != "会员管理办法" || String(v, "date") != "2026-11-27" {
		t.Errorf("values = %v", v)
	}
	lines := strings.Split(string(body), "\n")
	if len(lines) < 5 || lines[4] != "正文第一行" {
		t.Errorf("body line 5 = %q, want the first body line; body %q", lines[4], body)
	}
	if _, body, _ := FrontMatter([]byte("# 标题\n")); string(body) != "# 标题\n" {
		t.Errorf("a file without front matter changed: %q", body)
	}
}

// TestCheckFileEncoding: a page saved by a Windows editor in GBK (or in
// UTF-16) is an error at the first byte that is not UTF-8, naming the
// encoding and how to save it again; a UTF-8 byte order mark is fine.
func TestCheckFileEncoding(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("---\ntitle: 通知\ndate: 2026-12-01\n---\n\n各会员单位：\n")
	if err != nil {
		t.Fatal(err)
	}
	l := CheckFile(msg.Zh, "content/notices/a.md", []byte(gbk))
	if len(l) != 1 || l[0].Line != 2 || l[0].Column != 8 || !strings.Contains(l[0].Message, "GBK") || !strings.Contains(l[0].Hint, "UTF-8") {
		t.Errorf("GBK page: got %v", l)
	}
	if s := l[0].In(msg.Zh); !strings.Contains(s, "content/notices/a.md:2:8") || !strings.Contains(s, "记事本") {
		t.Errorf("GBK page, in Chinese: %s", s)
	}
	if l := CheckFile(msg.En, "b.md", []byte("\xff\xfe-\x00-\x00")); len(l) != 1 || !strings.Contains(l[0].Message, "UTF-16") {
		t.Errorf("UTF-16 page: got %v", l)
	}
	if l := CheckFile(msg.En, "c.md", []byte("\uFEFF---\ntitle: 标题\n---\n正文\n")); len(l) != 0 {
		t.Errorf("UTF-8 with a byte order mark: got %v", l)
	}
}

// verdicts is a Verdicts in memory.
type verdicts map[string]bool

func (v verdicts) Clean(name string, src []byte) bool { return v[name+"\x00"+string(src)] }
func (v verdicts) Found(name string, src []byte)      { v[name+"\x00"+string(src)] = true }

// CheckKnown skips the files found clean before, notes the clean ones it
// checks, and reports a file with a problem every time.
func TestCheckKnown(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	os.MkdirAll(dir, 0o755)
	good := "---\ntitle: 会员𠀾😀\ndate: 2026-12-01\n---\n正文。\n"
	bad := "---\ntitle: 坏的\ndate: 2026-13-45\n---\n正文。\n"
	os.WriteFile(filepath.Join(dir, "good.md"), []byte(good), 0o644)
	os.WriteFile(filepath.Join(dir, "bad.md"), []byte(bad), 0o644)
	v := verdicts{}
	first := CheckKnown(msg.Zh, root, dir, v)
	if len(first) != 1 || first[0].File != "content/bad.md" {
		t.Fatalf("first check: %v", first)
	}
	if len(v) != 1 || !v["content/good.md\x00"+good] {
		t.Fatalf("verdicts after the first check: %v", v)
	}
	if again := CheckKnown(msg.Zh, root, dir, v); len(again) != 1 || again[0].String() != first[0].String() {
		t.Errorf("the file with a problem is not reported again: %v", again)
	}
	// A clean verdict is of the bytes: the same name with a problem now is reported.
	os.WriteFile(filepath.Join(dir, "good.md"), []byte(bad), 0o644)
	if got := CheckKnown(msg.Zh, root, dir, v); len(got) != 2 {
		t.Errorf("a file found clean before, now with a problem: %v", got)
	}
	// What the verdicts hold is skipped.
	v["content/bad.md\x00"+bad] = true
	v["content/good.md\x00"+bad] = true
	if got := CheckKnown(msg.Zh, root, dir, v); len(got) != 0 {
		t.Errorf("files held clean were checked: %v", got)
	}
}
