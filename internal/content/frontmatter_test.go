package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

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

// stamps is a Stamps in memory that counts the files read (Clean).
type stamps struct {
	verdicts
	stamps map[string]Stamp
	read   []string
}

func (s *stamps) Clean(name string, src []byte) bool {
	s.read = append(s.read, name)
	return s.verdicts.Clean(name, src)
}
func (s *stamps) CleanStamp(name string, st Stamp) bool { return s.stamps[name] == st }
func (s *stamps) FoundStamp(name string, st Stamp, src []byte) {
	if !s.verdicts.Clean(name, src) {
		panic("a stamp noted for bytes not found clean")
	}
	s.stamps[name] = st
}

// CheckKnown reads no file whose stamp is held clean, reads a file again
// once it was written (even with the same size), and notes no stamp of a
// file written within the settling time.
func TestCheckKnownStamps(t *testing.T) {
	if _, ok := StampOf(mustStat(t, t.TempDir())); !ok {
		t.Skip("this system gives no file stamps; every file is read")
	}
	defer func(d time.Duration) { settle = d }(settle)
	settle = 50 * time.Millisecond
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	os.MkdirAll(dir, 0o755)
	good := "---\ntitle: 会员𠀾😀\ndate: 2026-12-01\n---\n正文。\n"
	bad := "---\ntitle: 会员𠀾😀\ndate: 2026-13-45\n---\n正文。\n" // the same size
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("good.md", good)
	write("bad.md", bad)
	time.Sleep(2 * settle)
	v := &stamps{verdicts: verdicts{}, stamps: map[string]Stamp{}}
	if got := CheckKnown(msg.Zh, root, dir, v); len(got) != 1 || got[0].File != "content/bad.md" {
		t.Fatalf("first check: %v", got)
	}
	if _, ok := v.stamps["content/good.md"]; !ok || len(v.stamps) != 1 {
		t.Fatalf("stamps after the first check: %v", v.stamps)
	}
	v.read = nil
	if got := CheckKnown(msg.Zh, root, dir, v); len(got) != 1 || !slices.Equal(v.read, []string{"content/bad.md"}) {
		t.Errorf("second check: %v, read %v (want only the file with a problem)", got, v.read)
	}
	// Written again with other bytes of the same size: read and reported.
	write("good.md", bad)
	v.read = nil
	if got := CheckKnown(msg.Zh, root, dir, v); len(got) != 2 || len(v.read) != 2 {
		t.Errorf("a file found clean, written again with a problem: %v, read %v", got, v.read)
	}
	// A clean file written within the settling time: checked, no stamp.
	settle = time.Hour
	write("good.md", good)
	delete(v.stamps, "content/good.md")
	if got := CheckKnown(msg.Zh, root, dir, v); len(got) != 1 {
		t.Errorf("third check: %v", got)
	}
	if _, ok := v.stamps["content/good.md"]; ok {
		t.Error("the stamp of a file just written was noted")
	}
}

func mustStat(t *testing.T, p string) os.FileInfo {
	t.Helper()
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	return fi
}
