package pdf_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/zzia/press/internal/typeset"
	"github.com/zzia/press/internal/typeset/pdf"
)

// smallDoc is a short document with the parts a page can hold: a heading,
// Chinese text with dashes and a footnote, a table.
const smallDoc = "# 简报\n\n## 工作动态\n\n秘书处全年编发简报24期——包括政策解读和企业案例——共计600余篇[^1]。\n\n| 项目 | 数量 |\n|---|---:|\n| 会员单位 | 1,280 |\n\n[^1]: 数据截至2024年12月31日。\n"

// FuzzTypeset sets arbitrary text as one paragraph and one table cell with
// the typesetter and draws the page: fonts are loaded once and their subset
// programs (which TestSubsets checks) are left out, so it runs thousands of
// times a second. Seeds in testdata/fuzz/FuzzTypeset run with every go test.
func FuzzTypeset(f *testing.F) {
	for _, s := range []string{smallDoc, "", "#", "> - 1. `x`\n", "|a|\n|-|\n|[^1]|\n\n[^1]: x", "𠮷𪚥𰻞😀🫨\U0010FFFF",
		"https://example.com/a/b?c=d&e=f " + strings.Repeat("长", 80), "```\n" + strings.Repeat("x", 300) + "\n```"} {
		f.Add(s)
	}
	*pdf.EmbedPrograms = false
	defer func() { *pdf.EmbedPrograms = true }()
	f.Fuzz(func(t *testing.T, s string) {
		cell := strings.NewReplacer("|", "\\|", "\n", " ", "\r", " ").Replace(s)
		src := "# 标题\n\n" + s + "\n\n| 列一 | 列二 |\n|---|---|\n| " + cell + " | 数据 |\n"
		// A hang is a failure too: the fuzzer keeps the input.
		watchdog := time.AfterFunc(10*time.Second, func() { panic(fmt.Sprintf("typesetting %q took over 10 s", s)) })
		defer watchdog.Stop()
		out, _, err := typeset.Render([]byte(src), "fuzz.md", typeset.Options{})
		if strings.IndexByte(s, 0) >= 0 || !utf8.ValidString(strings.TrimPrefix(src, "\uFEFF")) {
			// A binary file or text that is not UTF-8 is refused, with
			// its file and line.
			if err == nil {
				t.Fatalf("no error for a NUL byte or invalid UTF-8 in %q", s)
			}
			return
		}
		if err != nil {
			t.Fatalf("error on %q: %v", s, err)
		}
		if !bytes.HasPrefix(out, []byte("%PDF-1.7")) || !bytes.HasSuffix(out, []byte("%%EOF\n")) {
			t.Fatalf("not a PDF for %q", s)
		}
	})
}
