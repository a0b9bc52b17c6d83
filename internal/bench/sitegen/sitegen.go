// Package sitegen writes deterministic synthetic sites for benchmarks: N
// mixed Chinese/English articles with front matter, headings, lists and
// tables, laid out with a given theme.
package sitegen

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/testsite"
)

// han is a pool of common Chinese words the generator draws from.
var han = strings.Fields(`信息化 促进会 会员 单位 数据 安全 平台 服务 政策 咨询 培训 研讨会 论坛 讲座 技术 产品 应用 发展 建设 管理
系统 网络 资源 标准 规范 创新 数字 经济 产业 园区 企业 高校 科研 院所 政府 机关 事业 社会 组织 郑州 河南 中原 智能 制造
云计算 大数据 人工智能 物联网 区块链 工业互联网 信息 共享 开放 合作 交流 项目 申报 立项 评估 考核 档案 会刊 白皮书 简讯`)

// latin is a pool of English words and product names mixed into the text.
var latin = strings.Fields(`cloud data API Kubernetes Linux open source IPv6 5G SaaS platform security edge AI model GPU service mesh DevOps`)

// Generate writes a site with n articles into dir, using the theme (layouts,
// assets, i18n, static, data and the config file) of themeDir. The same n and
// seed always give the same files.
func Generate(dir, themeDir string, n int, seed uint64) error {
	if err := RefreshTheme(dir, themeDir); err != nil {
		return err
	}
	for _, sec := range []string{"news", "notices"} {
		front := fmt.Sprintf("---\ntitle: %s\noutputs: [html, rss]\n---\n", sec)
		if err := write(filepath.Join(dir, "content", sec, "_index.md"), front); err != nil {
			return err
		}
	}
	for _, sec := range []string{"journal", "whitepapers", "newsletter"} {
		if err := write(filepath.Join(dir, "content", sec, "_index.md"), fmt.Sprintf("---\ntitle: %s\n---\n", sec)); err != nil {
			return err
		}
	}
	if err := write(filepath.Join(dir, "content", "_index.md"), "---\ntitle: 首页\n---\n"+paragraph(rand.New(rand.NewPCG(seed, 0)), 3)); err != nil {
		return err
	}
	r := rand.New(rand.NewPCG(seed, 1))
	for i := range n {
		sec := "news"
		if i%3 == 1 {
			sec = "notices"
		}
		name := filepath.Join(dir, "content", sec, fmt.Sprintf("%04d", i/500), fmt.Sprintf("article-%05d.md", i))
		if err := write(name, article(r, i)); err != nil {
			return err
		}
	}
	return nil
}

func article(r *rand.Rand, i int) string {
	var b strings.Builder
	day := i % 365
	fmt.Fprintf(&b, "---\ntitle: \"%s %s（第%d篇）\"\ndate: 2025-%02d-%02dT09:00:00+08:00\nsummary: \"%s\"\ntags: [%s, %s]\n---\n\n",
		word(r), word(r), i+1, day/31%12+1, day%28+1, sentence(r, 12), han[r.IntN(len(han))], latin[r.IntN(len(latin))])
	for s := range 3 {
		fmt.Fprintf(&b, "## %s%s\n\n", word(r), word(r))
		b.WriteString(paragraph(r, 2+r.IntN(3)))
		switch (i + s) % 3 {
		case 0:
			for j := range 4 {
				fmt.Fprintf(&b, "%d. %s\n", j+1, sentence(r, 8))
			}
			b.WriteString("\n")
		case 1:
			b.WriteString("| 项目 | 说明 | 数量 |\n| --- | --- | ---: |\n")
			for range 4 {
				fmt.Fprintf(&b, "| %s | %s | %d |\n", word(r), sentence(r, 5), r.IntN(10000))
			}
			b.WriteString("\n")
		default:
			for range 3 {
				fmt.Fprintf(&b, "- **%s**：%s\n", word(r), sentence(r, 10))
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func word(r *rand.Rand) string { return han[r.IntN(len(han))] }

// sentence is n words of Chinese with some English mixed in, ending in 。.
func sentence(r *rand.Rand, n int) string {
	var b strings.Builder
	for j := range n {
		if r.IntN(7) == 0 {
			b.WriteString(" " + latin[r.IntN(len(latin))] + " ")
		} else {
			b.WriteString(han[r.IntN(len(han))])
		}
		if j > 0 && j%6 == 5 && j != n-1 {
			b.WriteString("，")
		}
	}
	b.WriteString("。")
	return strings.ReplaceAll(b.String(), "  ", " ")
}

func paragraph(r *rand.Rand, sentences int) string {
	var b strings.Builder
	for range sentences {
		b.WriteString(sentence(r, 10+r.IntN(15)))
	}
	b.WriteString("\n\n")
	return b.String()
}

func write(name, s string) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	return os.WriteFile(name, []byte(s), 0o644)
}

// RefreshTheme copies the theme's layouts, assets, i18n, static files, data
// files, config and own pages into a generated site again, so a site kept
// between benchmark runs measures the current theme.
func RefreshTheme(dir, themeDir string) error {
	for _, d := range []string{"layouts", "assets", "i18n", "static"} {
		os.RemoveAll(filepath.Join(dir, d))
	}
	for _, d := range []string{"layouts", "assets", "i18n", "static", "data"} {
		if err := copyTree(filepath.Join(themeDir, d), filepath.Join(dir, d), d == "data"); err != nil {
			return err
		}
	}
	cfg, err := os.ReadFile(filepath.Join(themeDir, "hugo.toml"))
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "hugo.toml"), cfg, 0o644); err != nil {
		return err
	}
	// The theme's own pages (about, organization, membership, contact, the
	// directory and calendar sections with their content adapters) so that
	// its links resolve; the periodicals stay out: this site measures the
	// rendering of articles.
	return copyContent(filepath.Join(themeDir, "content"), filepath.Join(dir, "content"))
}

// skipSections are the theme's content folders a synthetic site replaces.
var skipSections = map[string]bool{"news": true, "notices": true, "journal": true, "whitepapers": true, "newsletter": true}

// copyContent copies the theme's content except the sections in skipSections.
func copyContent(from, to string) error {
	entries, err := os.ReadDir(from)
	if err != nil {
		return nil
	}
	for _, e := range entries {
		if skipSections[e.Name()] {
			continue
		}
		if e.IsDir() {
			if err := copyTree(filepath.Join(from, e.Name()), filepath.Join(to, e.Name()), false); err != nil {
				return err
			}
			continue
		}
		b, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			return err
		}
		if err := write(filepath.Join(to, e.Name()), string(b)); err != nil {
			return err
		}
	}
	return nil
}

// copyTree copies a directory, if there is one; topOnly copies only its
// files, not subfolders (the bundled data has member folders a synthetic
// site does not need).
func copyTree(from, to string, topOnly bool) error {
	if _, err := os.Stat(from); err != nil {
		return nil
	}
	if !topOnly {
		return testsite.CopyTree(from, to)
	}
	entries, err := os.ReadDir(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() || e.Name() == "approvals.yaml" {
			continue // approvals.yaml: the register of the theme's sample members, not of a synthetic site's
		}
		if err := testsite.CopyTree(filepath.Join(from, e.Name()), filepath.Join(to, e.Name())); err != nil {
			return err
		}
	}
	return nil
}

// WithMembers adds the data of a living association to a generated site:
// n synthetic members and m activities as of today (written by
// membertest.Synthetic), replacing any written before unless they were written
// with the same arguments.
func WithMembers(dir, themeDir string, n, m int, seed uint64, today time.Time) error {
	stamp := filepath.Join(dir, "data", ".synthetic")
	want := fmt.Sprintf("%s %d %d %d %s\n", membertest.SyntheticVersion, n, m, seed, today.Format("2006-01-02"))
	if b, err := os.ReadFile(stamp); err == nil && string(b) == want {
		return nil
	}
	for _, d := range []string{member.MembersDir, member.PeopleDir, member.ActivitiesDir} {
		os.RemoveAll(filepath.Join(dir, filepath.FromSlash(d)))
	}
	os.Remove(filepath.Join(dir, filepath.FromSlash(member.ApprovalsFile)))
	if err := membertest.Synthetic(dir, n, m, seed, today); err != nil {
		return err
	}
	return os.WriteFile(stamp, []byte(want), 0o644)
}
