package publication

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/typeset/sampledoc"
)

// Synthetic publications for the benchmarks: 24 journal issues of 12
// articles and 10 white papers of 10 chapters, from package sampledoc,
// with a cover per issue and a figure per article: about 2,400 pages.
const (
	benchIssues      = 24
	benchArticles    = 12
	benchWhitepapers = 10
	benchChapters    = 10
)

var benchColumns = []string{"政策解读", "行业观察", "会员风采", "技术前沿", "培训与活动", "会务动态"}

func testPicture(w, h int, seed uint8) []byte {
	im := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			im.Set(x, y, color.RGBA{uint8(x * 255 / w), seed, uint8(y * 255 / h), 255})
		}
	}
	var b bytes.Buffer
	png.Encode(&b, im)
	return b.Bytes()
}

// body is a sampledoc document without its level-1 title.
func body(seed uint64, sections int) string {
	src := string(sampledoc.Generate(sampledoc.Options{Seed: seed, Sections: sections}))
	if i := strings.Index(src, "\n"); i >= 0 {
		src = src[i+1:]
	}
	return src
}

// syntheticSite writes the benchmark's site into dir.
func syntheticSite(tb testing.TB, dir string) {
	tb.Helper()
	write := func(rel string, b []byte) {
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(fixture, "hugo.toml"))
	if err != nil {
		tb.Fatal(err)
	}
	write("hugo.toml", cfg)
	cover := testPicture(600, 800, 80)
	fig := testPicture(800, 450, 160)
	seed := uint64(1)
	for i := 0; i < benchIssues; i++ {
		year, num := 2015+i/4, i%4+1
		d := fmt.Sprintf("content/journal/%d-%d/", year, num)
		write(d+"_index.md", []byte(fmt.Sprintf("---\ntitle: %d年第%d期\nyear: %d\nnumber: %d\nserial: %d\ndate: %d-%02d-28\ncover: cover.png\ncolumns: [卷首语, %s]\n---\n%s",
			year, num, year, num, i+1, year, num*3, strings.Join(benchColumns, ", "), body(seed, 1))))
		write(d+"cover.png", cover)
		for a := 0; a < benchArticles; a++ {
			seed++
			ad := fmt.Sprintf("%sa%02d/", d, a)
			write(ad+"fig.png", fig)
			write(ad+"index.md", []byte(fmt.Sprintf("---\ntitle: 第%d篇测试文章\nauthor: 测试作者%d\ncolumn: %s\nweight: %d\n---\n%s\n![示意图](fig.png \"测试示意图\")\n",
				a+1, a+1, benchColumns[a%len(benchColumns)], a, body(seed, 3))))
		}
	}
	for w := 0; w < benchWhitepapers; w++ {
		d := fmt.Sprintf("content/whitepapers/wp-%02d/", w)
		write(d+"_index.md", []byte(fmt.Sprintf("---\ntitle: 测试白皮书%d\nsubtitle: 基准测试\ndate: 2026-06-%02d\nauthors: [信息编辑部]\n---\n%s", w+1, w+1, body(seed, 1))))
		for c := 0; c < benchChapters; c++ {
			seed++
			write(fmt.Sprintf("%s%02d-ch/index.md", d, c+1), []byte(fmt.Sprintf("---\ntitle: 第%d章的标题\nweight: %d\n---\n%s", c+1, c+1, body(seed, 7))))
		}
		write(d+"99-refs/index.md", []byte("---\ntitle: 参考文献\nweight: 99\nreferences: true\n---\n1. 参考文献一［Z］. 2021.\n2. 参考文献二［Z］. 2022.\n"))
	}
}

func benchBuild(b *testing.B, site, cache string) *Result {
	b.Helper()
	res, l, err := Build(Options{Source: site, CacheDir: cache})
	if err != nil || l.HasErrors() {
		b.Fatal(err, l.Errors())
	}
	return res
}

// builtSite makes the synthetic site and builds it once, filling the cache.
func builtSite(b *testing.B) (site, cache string) {
	site, cache = b.TempDir(), b.TempDir()
	syntheticSite(b, site)
	benchBuild(b, site, cache)
	return site, cache
}

// reportBuild reports the pages of the last build and how many documents
// it typeset.
func reportBuild(b *testing.B, res *Result) {
	b.ReportMetric(float64(res.PDFPages), "pages")
	b.ReportMetric(float64(res.Typeset), "typeset")
}

// BenchmarkPublicationsCold typesets every document with an empty cache.
func BenchmarkPublicationsCold(b *testing.B) {
	site := b.TempDir()
	syntheticSite(b, site)
	var res *Result
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res = benchBuild(b, site, b.TempDir())
	}
	reportBuild(b, res)
}

// BenchmarkPublicationsWarm rebuilds with nothing changed: every PDF comes
// from the cache.
func BenchmarkPublicationsWarm(b *testing.B) {
	site, cache := builtSite(b)
	var res *Result
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res = benchBuild(b, site, cache)
	}
	if res.Typeset != 0 {
		b.Fatalf("warm build typeset %d documents", res.Typeset)
	}
	reportBuild(b, res)
}

// BenchmarkPublicationsOneChanged rebuilds after one article changed: its
// issue is typeset again, the rest comes from the cache.
func BenchmarkPublicationsOneChanged(b *testing.B) {
	site, cache := builtSite(b)
	art := filepath.Join(site, "content/journal/2016-2/a03/index.md")
	orig, err := os.ReadFile(art)
	if err != nil {
		b.Fatal(err)
	}
	var res *Result
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		os.WriteFile(art, append(append([]byte{}, orig...), fmt.Sprintf("\n第%d次修改增加的一段。\n", i)...), 0o644)
		b.StartTimer()
		res = benchBuild(b, site, cache)
	}
	if res.Typeset != 1 {
		b.Fatalf("one article changed: %d documents typeset, want 1", res.Typeset)
	}
	reportBuild(b, res)
}
