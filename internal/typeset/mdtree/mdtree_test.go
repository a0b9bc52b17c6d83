package mdtree

import (
	"strings"
	"testing"

	"github.com/zzia/press/internal/typeset/clreq"
	"github.com/zzia/press/internal/typeset/tree"
)

func collect(f tree.Flow, b *strings.Builder) {
	inline := func(in tree.Inline) {
		for _, s := range in {
			if s.Footnote != nil {
				collect(s.Footnote.Body, b)
				continue
			}
			b.WriteString(s.Text)
		}
	}
	for _, bl := range f {
		switch x := bl.(type) {
		case *tree.Paragraph:
			inline(x.Text)
		case *tree.Heading:
			inline(x.Text)
		case *tree.List:
			for _, it := range x.Items {
				collect(it, b)
			}
		case *tree.Quote:
			collect(x.Body, b)
		case *tree.Code:
			b.WriteString(x.Text)
		case *tree.Figure:
			b.WriteString(x.Alt)
			inline(x.Caption)
		case *tree.Table:
			for _, c := range x.Header {
				inline(c)
			}
			for _, r := range x.Rows {
				for _, c := range r {
					inline(c)
				}
			}
		}
	}
}

func TestNoTextIsLost(t *testing.T) {
	src := "# 标题一\n\n段落*强调*与**加粗**，`代码`，[链接](http://a.cn)，<https://b.cn>，~~删除~~。\n软换行\n续行  \n硬换行\n\n" +
		"- 列表一\n  - 嵌套二\n1. 有序三\n\n> 引用四\n>\n> > 嵌套引用五\n\n```go\n代码块六\n```\n\n    缩进代码七\n\n" +
		"| 表头八 | 表头九 |\n|---|---|\n| 单元十 | 单元十一 |\n\n![替代文字](a.png \"图题十二\")\n\n正文[^f]。\n\n[^f]: 脚注十三。\n\n***\n\n标题二\n===\n"
	doc, _ := Parse([]byte(src), Options{File: "a.md"})
	var b strings.Builder
	collect(doc.Body, &b)
	got := b.String()
	for _, r := range src {
		if clreq.IsHan(r) && !strings.ContainsRune(got, r) {
			t.Errorf("%q lost", r)
		}
	}
	if strings.Contains(got, "软换行 续行") || !strings.Contains(got, "软换行续行") {
		t.Errorf("a soft break between Han characters must vanish: %q", got)
	}
}

func TestHeadingIDsKeepHan(t *testing.T) {
	doc, _ := Parse([]byte("# 第一节 Intro\n\n# 第一节 Intro\n"), Options{})
	a, b := doc.Body[0].(*tree.Heading).ID, doc.Body[1].(*tree.Heading).ID
	if a != "第一节-intro" || b != "第一节-intro-1" {
		t.Errorf("ids %q, %q", a, b)
	}
}

func TestWarningsNameFileAndLine(t *testing.T) {
	_, ws := Parse([]byte("正文\n\n<table>\n</table>\n\n文字<em>强调</em>\n"), Options{File: "x/y.md"})
	if len(ws) < 2 || ws[0].File != "x/y.md" || ws[0].Line != 3 || ws[1].Line != 6 {
		t.Errorf("warnings %v", ws)
	}
}

// TestByteOrderMarkDropped: a file saved by Notepad as UTF-8 starts with
// U+FEFF; its first-line heading is still a heading, with no warning and
// no stray character.
func TestByteOrderMarkDropped(t *testing.T) {
	doc, ws := Parse([]byte("\uFEFF# BOM 文件\n\n带 BOM 的正文。\n"), Options{File: "bom.md"})
	if len(ws) != 0 {
		t.Errorf("warnings %v", ws)
	}
	if doc.Title != "BOM 文件" {
		t.Errorf("title %q, want the first-line heading", doc.Title)
	}
	var b strings.Builder
	collect(doc.Body, &b)
	if strings.ContainsRune(b.String(), '\uFEFF') {
		t.Errorf("the mark is in the text: %q", b.String())
	}
}
