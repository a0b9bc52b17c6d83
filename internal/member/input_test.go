package member

import (
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// parseZh parses a member file under the Chinese locale and returns its
// diagnostics as strings.
func parseZh(t *testing.T, src []byte) []string {
	t.Helper()
	_, diags := ParseMember(msg.Zh, "data/members/beta.yaml", src)
	var out []string
	for _, d := range diags {
		out = append(out, d.String())
	}
	return out
}

// Input that Chinese editors produce every day, each reported in Chinese
// at the right line with the fix.
func TestEditorInput(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(okMemberB))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		src  []byte
		want []string // exactly
	}{
		{"UTF-8 with a byte order mark (Windows Notepad)", append([]byte("\ufeff"), okMemberB...), nil},
		{"GBK", gbk, []string{"data/members/beta.yaml:2:7: 文件不是 UTF-8 编码（疑似 GBK），请另存为 UTF-8"}},
		{"UTF-16", []byte("\xff\xfei\x00d\x00"), []string{"data/members/beta.yaml:1:1: 文件是 UTF-16 编码，不是 UTF-8; 请另存为 UTF-8"}},
		{"tab indentation", []byte(strings.Replace(okMemberB, "\n    role: 主代表", "\n\trole: 主代表", 1)),
			[]string{"data/members/beta.yaml:11:1: 用了制表符（Tab）缩进; 请用空格缩进"}},
		{"full-width colon", []byte(strings.Replace(okMemberB, "region: 二七区", "region：二七区", 1)),
			[]string{"data/members/beta.yaml:5:7: 字段名后用了全角冒号“：”; 请用半角冒号：region: 值（冒号后加一个空格）"}},
		{"full-width colon with a space", []byte(strings.Replace(okMemberB, "    role: 主代表", "    role ： 主代表", 1)),
			[]string{"data/members/beta.yaml:11:10: 字段名后用了全角冒号“：”; 请用半角冒号：role: 值（冒号后加一个空格）"}},
		{"ideographic-space indentation", []byte(strings.Replace(okMemberB, "\n    role: 主代表", "\n\u3000\u3000role: 主代表", 1)),
			[]string{"data/members/beta.yaml:11:1: 用了全角空格缩进; 请用半角空格缩进"}},
		{"no space after the colon", []byte(strings.Replace(okMemberB, "industry: 教育", "industry:教育", 1)),
			[]string{"data/members/beta.yaml:6:9: 冒号后缺少空格; 请写成 industry: 值（冒号后加一个空格）"}},
		{"unclosed quote", []byte(strings.Replace(okMemberB, "name: 中原虚构大学", `name: "中原虚构大学`, 1)),
			[]string{`data/members/beta.yaml:2:7: 引号 " 没有闭合; 请在该行值的末尾补上 "`}},
		{"a colon in a value", []byte(strings.Replace(okMemberB, "region: 二七区", "region: 二七区: x", 1)),
			[]string{"data/members/beta.yaml:5:9: YAML 语法错误：此处不能出现“键: 值”（值中含有“: ”或缩进有误）; 值中含有“: ”时请加引号，或检查缩进"}},
		{"a duplicate key", []byte(okMemberB + "region: 金水区\n"),
			[]string{`data/members/beta.yaml:12:1: YAML 语法错误：字段 "region" 重复（第 5 行第 1 列已有）; 请只保留一个`}},
		{"a text colon inside a block is text", []byte(okMemberB + "intro: |\n  联系方式：见网站\n  网址:https://x.example.com\n  \tTab 开头的说明\n"), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseZh(t, tt.src)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// Every message a broken file gives under the Chinese locale is Chinese:
// the YAML library's English never reaches an editor.
func TestYAMLMessagesInChinese(t *testing.T) {
	latin := regexp.MustCompile(`[A-Za-z]{4,}`)
	allowed := map[string]bool{"YAML": true, "UTF": true, "beta": true, "yaml": true}
	broken := []string{
		"id: [a, b\n", "id: {a: b\n", "id: a\n  b: c\n", "- a\nb: c\n", "id: 'x\n", "id: \"x\\q\"\n",
		"id: &a x\nname: *b\n", "id: a\n---\n---\nx\n", "? a\n: b\n: c\n", "id: !!foo x\n", "id: x\n name: y\n",
		"[a]: b\n", "id: >x\n", "id: |9\n  x\n", "%YAML 1.1\n%YAML 1.2\n---\nid: x\n", "id: x\n- y\n", "a:\n- b\n c: d\n",
		"id: \"\\uD800\"\n", "{a: 1, a: 2}\n", "id: a\n\t- b\n",
	}
	for _, f := range memberSchema.fields {
		allowed[f] = true
	}
	for _, src := range broken {
		for _, line := range parseZh(t, []byte(src)) {
			msg := line[strings.Index(line, ": ")+2:]
			for _, w := range latin.FindAllString(msg, -1) {
				if !allowed[w] && !strings.Contains(src, w) {
					t.Errorf("%q: English %q in %q", src, w, line)
				}
			}
		}
	}
}

// A 200 KB file nested 100,000 deep, and others as large, are refused at
// once and without the parser's gigabytes.
func TestLimits(t *testing.T) {
	deep := map[string]string{
		"flow lists":    strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000),
		"flow mappings": "id: " + strings.Repeat("{a: ", 50_000) + "x" + strings.Repeat("}", 50_000),
		"block lists":   "id:\n" + strings.Repeat("- ", 100_000) + "x\n",
		"deep indentation": func() string {
			var b strings.Builder
			for i := 0; i < 600; i++ {
				b.WriteString(strings.Repeat(" ", i) + "a:\n")
			}
			return b.String()
		}(),
	}
	for name, src := range deep {
		t.Run(name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			got := parseZh(t, []byte(src))
			runtime.ReadMemStats(&after)
			if len(got) != 1 || !strings.Contains(got[0], "嵌套超过 32 层") {
				t.Errorf("got %v", got)
			}
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
				t.Errorf("allocated %d MB", alloc>>20)
			}
		})
	}
	t.Run("size", func(t *testing.T) {
		got := parseZh(t, []byte("intro: |\n"+strings.Repeat("  很长的介绍。\n", 100_000)))
		if len(got) != 1 || !strings.HasPrefix(got[0], "data/members/beta.yaml:1:1: 文件大小 2051 KB，超过数据文件的上限 1024 KB") {
			t.Errorf("got %v", got)
		}
	})
	t.Run("many aliases", func(t *testing.T) {
		src := "a: &a [x, x, x, x, x, x, x, x]\n" + strings.Repeat("b: [*a, *a, *a, *a, *a, *a, *a, *a]\n", 1)
		got := parseZh(t, []byte(src))
		if len(got) == 0 {
			t.Error("aliases accepted")
		}
	})
}

// Did-you-mean uses the names Zhengzhou people use, and says nothing
// rather than something wrong.
func TestSuggestions(t *testing.T) {
	tests := []struct {
		voc  Vocabulary
		in   string
		want string
	}{
		{Regions, "高新区", "郑州高新技术产业开发区"},
		{Regions, "郑州高新区", "郑州高新技术产业开发区"},
		{Regions, "经开区", "郑州经济技术开发区"},
		{Regions, "航空港区", "郑州航空港经济综合实验区"},
		{Regions, "港区", "郑州航空港经济综合实验区"},
		{Regions, "金水", "金水区"},
		{Regions, "管城区", "管城回族区"},
		{Regions, "郑东区", "郑东新区"},
		{Regions, "中元区", "中原区"},
		{Regions, "开封市", ""},
		{Regions, "东区", "郑东新区"},
		{Regions, "新区", ""},
		{Levels, "理事会员", "理事单位"},
		{Levels, "副会长会员", "副会长单位"},
		{Levels, "普通会员", "普通会员单位"},
		{Levels, "会员", ""},
		{UnitTypes, "大学", "高校"},
		{Departments, "咨询部", "咨询培训部"},
		{Kinds, "论谈", "论坛"},
		{Kinds, "团建", ""},
		{Posts, "常务理事", ""},
	}
	for _, tt := range tests {
		if got := tt.voc.Suggest(tt.in); got != tt.want {
			t.Errorf("Suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// A symbolic link under data/ that leads outside the site is refused,
// with its name.
func TestSymlinkOutside(t *testing.T) {
	site := t.TempDir()
	outside := t.TempDir()
	os.MkdirAll(filepath.Join(site, "data", "members"), 0o755)
	os.WriteFile(filepath.Join(outside, "secret.yaml"), []byte(okMemberB), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.yaml"), filepath.Join(site, "data", "members", "beta.yaml")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.WriteFile(filepath.Join(site, "data", "inside.yaml"), []byte("a: b\n"), 0o644)
	os.Symlink("inside.yaml", filepath.Join(site, "data", "link-inside.yaml"))
	_, diags := Load(msg.Zh, site, today)
	found := false
	for _, d := range diags {
		if strings.HasPrefix(d.String(), "data/members/beta.yaml: data/members/beta.yaml 是指向网站目录之外（") {
			found = true
		}
		if strings.Contains(d.String(), "link-inside") {
			t.Errorf("a link inside the site is refused: %s", d)
		}
	}
	if !found || !diags.HasErrors() {
		t.Errorf("diagnostics: %v", diags)
	}
}
