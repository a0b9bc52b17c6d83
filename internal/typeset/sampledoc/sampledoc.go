// Package sampledoc generates long Chinese Markdown documents for tests and
// benchmarks: white-paper prose mixing Han text with Latin words, numbers
// with units, quotations, book titles, dashes and ellipses, under headings,
// with lists, tables, block quotes, code and footnotes. The same parameters
// always give the same document.
package sampledoc

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

var subjects = []string{"郑州市", "促进会", "会员单位", "本市企业", "各县（市、区）", "信息化主管部门", "高新技术企业", "制造业企业", "中小企业", "研究机构"}

var verbs = []string{"积极推进", "深入实施", "全面落实", "稳步推动", "持续优化", "着力提升", "大力发展", "统筹协调", "不断完善", "加快建设"}

var objects = []string{
	"“数字郑州”建设", "工业互联网平台", "数据要素市场", "政务服务一网通办", "智慧城市运行管理中心",
	"5G 网络覆盖", "云计算与大数据产业", "网络安全保障体系", "AI 技术在制造业中的应用", "信息技术人才培养",
	"《郑州市数字经济发展规划》", "中原数据基地", "IPv6 规模部署", "开源软件生态", "区块链服务网络",
}

var tails = []string{
	"取得了显著成效", "形成了可复制、可推广的经验", "为全市经济社会发展提供了有力支撑",
	"得到了会员单位的广泛好评", "走在了全省前列", "还存在一些不足", "仍需进一步加强",
	"带动相关产业产值增长 12.5%", "覆盖率达到 98.6%", "累计投入资金 ¥3,200 万元",
}

var latin = []string{"Google", "Microsoft", "Huawei Cloud", "Kubernetes", "PostgreSQL", "OpenHarmony", "RISC-V", "TensorFlow", "GitHub", "Linux"}

var asides = []string{
	"（详见附件）", "——这是一项长期任务——", "……", "，即所谓“最后一公里”问题", "（以下简称“平台”）",
	"，如 %s 等", "：一是统筹规划，二是分步实施", "！", "？", "；",
}

// Options size a document.
type Options struct {
	Seed     uint64
	Sections int // level-2 sections; about one A4 page each
}

// Generate returns a Markdown document.
func Generate(o Options) []byte {
	r := rand.New(rand.NewPCG(o.Seed, 0x7a7a6961))
	var b strings.Builder
	b.WriteString("# 郑州市信息化发展白皮书\n\n")
	note := 0
	for s := 1; s <= o.Sections; s++ {
		fmt.Fprintf(&b, "## %s%s\n\n", pick(r, verbs), plain(pick(r, objects)))
		paragraphs(&b, r, 2+r.IntN(2), &note)
		fmt.Fprintf(&b, "### %s的%s\n\n", plain(pick(r, objects)), pick(r, []string{"主要做法", "基本情况", "存在问题", "下一步打算"}))
		paragraphs(&b, r, 1+r.IntN(2), &note)
		switch s % 4 {
		case 0:
			table(&b, r, 4+r.IntN(8))
		case 1:
			list(&b, r)
		case 2:
			b.WriteString("> " + sentence(r) + sentence(r) + "——摘自《郑州市信息化促进会章程》\n\n")
			if s%8 == 2 {
				b.WriteString("```go\n// 统计会员单位数量\nfunc Count(members []Member) int {\n\treturn len(members) // 会员总数\n}\n```\n\n")
			}
		case 3:
			list(&b, r)
			table(&b, r, 3)
		}
		paragraphs(&b, r, 1+r.IntN(2), &note)
	}
	for i := 1; i <= note; i++ {
		fmt.Fprintf(&b, "[^%d]: %s%s\n", i, sentence(r), pick(r, []string{"数据来源：郑州市统计局，2024年。", "参见 https://www.zzia.org.cn/reports/2024/annual.html 。", "本项目由 Huawei Cloud 提供技术支持。"}))
	}
	return []byte(b.String())
}

func pick(r *rand.Rand, list []string) string { return list[r.IntN(len(list))] }

func sentence(r *rand.Rand) string {
	var b strings.Builder
	b.WriteString(pick(r, subjects))
	b.WriteString(pick(r, verbs))
	b.WriteString(pick(r, objects))
	if r.IntN(3) == 0 {
		a := pick(r, asides)
		if strings.Contains(a, "%s") {
			a = fmt.Sprintf(a, pick(r, latin))
		}
		b.WriteString(a)
		if a == "！" || a == "？" || a == "；" {
			b.WriteString(pick(r, subjects))
			b.WriteString(pick(r, verbs))
			b.WriteString(pick(r, objects))
		}
	}
	if r.IntN(4) == 0 {
		fmt.Fprintf(&b, "，%d 年共完成项目 %d 个，同比增长 %d.%d%%", 2015+r.IntN(10), 10+r.IntN(990), r.IntN(40), r.IntN(10))
	}
	b.WriteString("，")
	b.WriteString(pick(r, tails))
	b.WriteString("。")
	return b.String()
}

func paragraphs(b *strings.Builder, r *rand.Rand, n int, note *int) {
	for i := 0; i < n; i++ {
		k := 3 + r.IntN(4)
		for j := 0; j < k; j++ {
			s := sentence(r)
			if r.IntN(9) == 0 {
				*note++
				s = strings.TrimSuffix(s, "。") + fmt.Sprintf("[^%d]。", *note)
			}
			b.WriteString(s)
		}
		b.WriteString("\n\n")
	}
}

func list(b *strings.Builder, r *rand.Rand) {
	n := 3 + r.IntN(3)
	ordered := r.IntN(2) == 0
	for i := 1; i <= n; i++ {
		if ordered {
			fmt.Fprintf(b, "%d. ", i)
		} else {
			b.WriteString("- ")
		}
		b.WriteString(sentence(r))
		b.WriteString("\n")
		if i == 2 {
			b.WriteString("   - " + pick(r, subjects) + pick(r, verbs) + pick(r, objects) + "；\n")
			b.WriteString("   - " + pick(r, subjects) + "**" + pick(r, verbs) + "**" + pick(r, objects) + "。\n")
		}
	}
	b.WriteString("\n")
}

func table(b *strings.Builder, r *rand.Rand, rows int) {
	b.WriteString("| 项目 | 2023年 | 2024年 | 增长率 | 说明 |\n|---|---:|---:|:---:|---|\n")
	for i := 0; i < rows; i++ {
		a, c := 100+r.IntN(5000), 100+r.IntN(5000)
		fmt.Fprintf(b, "| %s | %d | %d | %.1f%% | %s |\n", plain(pick(r, objects)), a, c, float64(c-a)*100/float64(a), pick(r, tails))
	}
	b.WriteString("\n")
}

var marks = strings.NewReplacer("《", "", "》", "", "“", "", "”", "")

// plain drops the quotation marks and book-title marks of a phrase, for use in headings and tables.
func plain(s string) string { return marks.Replace(s) }
