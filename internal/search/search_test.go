package search_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/goccy/go-yaml"

	"github.com/zzia/press/internal/bench/sitegen"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/search"
	"github.com/zzia/press/internal/testenv"
)

// Thresholds, over the non-optional queries of testdata/queries.yaml. Recall
// is the share of a query's expected pages among its first 10 results (one
// screen). The matcher reaches 1.0 on this set; the overall threshold leaves
// room for one query in the set to lose one of two expected pages as the
// site's content grows (and every query must still find at least one), but
// a change to tokenising or ranking that loses a kind of query fails.
const (
	minRecall     = 0.97
	minKindRecall = 0.9
	topK          = 10
	// firstSearchLimit is the budget for a first search: manifest, the
	// shards a two-character query loads, the text chunks of its first
	// screen of results, and the minified script and style sheet.
	firstSearchLimit = 300 << 10
)

type query struct {
	Q        string   `yaml:"q"`
	Site     string   `yaml:"site"`
	Kind     string   `yaml:"kind"`
	Expect   []string `yaml:"expect"`
	Optional bool     `yaml:"optional"`
}

func loadQueries(t testing.TB) []query {
	t.Helper()
	data, err := os.ReadFile("testdata/queries.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Queries []query `yaml:"queries"`
	}
	if err := yaml.UnmarshalWithOptions(data, &doc, yaml.Strict()); err != nil {
		t.Fatal(err)
	}
	for i := range doc.Queries {
		if doc.Queries[i].Site == "" {
			doc.Queries[i].Site = "bundled"
		}
	}
	return doc.Queries
}

var (
	bundledOnce sync.Once
	bundledDir  string
	bundledErr  error
	tempRoot    string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if tempRoot != "" {
		os.RemoveAll(tempRoot)
	}
	os.Exit(code)
}

// bundled builds the repository's site once (without a search index: the
// pipeline may not call search.Build yet) and returns the output directory.
func bundled(t testing.TB) string {
	t.Helper()
	bundledOnce.Do(func() {
		tempRoot, bundledErr = os.MkdirTemp("", "press-search-test")
		if bundledErr != nil {
			return
		}
		src, err := filepath.Abs("../..")
		if err != nil {
			bundledErr = err
			return
		}
		bundledDir = filepath.Join(tempRoot, "public")
		_, bundledErr = pipeline.Build(pipeline.Options{Source: src, Dest: bundledDir, CacheDir: filepath.Join(tempRoot, "cache")})
	})
	if bundledErr != nil {
		t.Fatalf("building the bundled site: %v", bundledErr)
	}
	return bundledDir
}

// siteFiles builds the index of the named site.
func siteFiles(t testing.TB, site string) (string, search.Files) {
	t.Helper()
	dir := "testdata/fixture"
	if site == "bundled" {
		dir = bundled(t)
	}
	files, err := search.Build(os.DirFS(dir), search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return dir, files
}

type outcome struct {
	urls    []string // all hits, in order
	missing []string
	loaded  []string // files the query read, first screen's chunks included
}

func run(t testing.TB, files search.Files, q string) outcome {
	t.Helper()
	ix, err := search.OpenFiles(files, "")
	if err != nil {
		t.Fatal(err)
	}
	res, err := ix.Search(q)
	if err != nil {
		t.Fatalf("%q: %v", q, err)
	}
	o := outcome{missing: res.Missing}
	for i, h := range res.Hits {
		url, _, _, err := ix.Doc(h.Doc)
		if err != nil {
			t.Fatal(err)
		}
		if i == topK {
			// Past the first screen the page reads no more chunks; count
			// only those the first screen needs.
			o.loaded = ix.Loaded()
		}
		o.urls = append(o.urls, "/"+url)
	}
	if len(res.Hits) <= topK {
		o.loaded = ix.Loaded()
	}
	return o
}

func TestRecall(t *testing.T) {
	queries := loadQueries(t)
	if len(queries) < 40 {
		t.Fatalf("%d queries, want at least 40", len(queries))
	}
	indexes := map[string]search.Files{}
	pages := map[string]map[string]bool{}
	type sum struct {
		n                   int
		recall, recall3, rr float64
	}
	byKind := map[string]*sum{}
	var all sum
	for _, q := range queries {
		files, ok := indexes[q.Site]
		if !ok {
			_, files = siteFiles(t, q.Site)
			indexes[q.Site] = files
			pages[q.Site] = indexedURLs(t, files)
		}
		if q.Optional {
			present := true
			for _, e := range q.Expect {
				present = present && pages[q.Site][e]
			}
			if !present {
				t.Logf("skip %-12s %q: %v not in the index yet", q.Kind, q.Q, q.Expect)
				continue
			}
		} else {
			for _, e := range q.Expect {
				if !pages[q.Site][e] {
					t.Errorf("%q expects %s, which is not a page of the %s site", q.Q, e, q.Site)
				}
			}
		}
		o := run(t, files, q.Q)
		top := o.urls[:min(topK, len(o.urls))]
		found := 0
		for _, e := range q.Expect {
			if slices.Contains(top, e) {
				found++
			}
		}
		r := float64(found) / float64(len(q.Expect))
		found3, rank := 0, 0
		for i, u := range o.urls {
			if slices.Contains(q.Expect, u) {
				if i < 3 {
					found3++
				}
				if rank == 0 {
					rank = i + 1
				}
			}
		}
		r3 := float64(found3) / float64(min(3, len(q.Expect)))
		rr := 0.0
		if rank > 0 {
			rr = 1 / float64(rank)
		}
		if found == 0 {
			t.Errorf("%-10s %q finds none of %v in its first %d results %v", q.Kind, q.Q, q.Expect, topK, top)
		} else if r < 1 {
			t.Logf("%-10s %q: recall %.2f; first results %v", q.Kind, q.Q, r, top)
		}
		k := byKind[q.Kind]
		if k == nil {
			k = &sum{}
			byKind[q.Kind] = k
		}
		for _, s := range []*sum{k, &all} {
			s.n++
			s.recall += r
			s.recall3 += r3
			s.rr += rr
		}
	}
	for _, kind := range slices.Sorted(maps.Keys(byKind)) {
		k := byKind[kind]
		t.Logf("%-10s recall@%d %.3f  recall@3 %.3f  MRR %.3f  (%d queries)", kind, topK, k.recall/float64(k.n), k.recall3/float64(k.n), k.rr/float64(k.n), k.n)
		if k.recall/float64(k.n) < minKindRecall {
			t.Errorf("recall of %s queries %.3f < %.2f", kind, k.recall/float64(k.n), minKindRecall)
		}
	}
	t.Logf("%-10s recall@%d %.3f  recall@3 %.3f  MRR %.3f  (%d queries)", "overall", topK, all.recall/float64(all.n), all.recall3/float64(all.n), all.rr/float64(all.n), all.n)
	if all.recall/float64(all.n) < minRecall {
		t.Errorf("overall recall %.3f < %.2f", all.recall/float64(all.n), minRecall)
	}
}

func indexedURLs(t testing.TB, files search.Files) map[string]bool {
	ix, err := search.OpenFiles(files, "")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	for d := range ix.Manifest.Pages {
		url, _, _, err := ix.Doc(d)
		if err != nil {
			t.Fatal(err)
		}
		out["/"+url] = true
	}
	return out
}

// TestFirstSearchSize: the first search on the bundled site loads less than
// 300 KB, for every two-character query of the set.
func TestFirstSearchSize(t *testing.T) {
	dir, files := siteFiles(t, "bundled")
	assets := 0
	for _, pat := range []string{"js/search*.js", "css/search*.css"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		if len(m) != 1 {
			t.Fatalf("%s: %d files in the built site, want 1 (is content/search.md there?)", pat, len(m))
		}
		st, err := os.Stat(m[0])
		if err != nil {
			t.Fatal(err)
		}
		assets += int(st.Size())
	}
	worst, worstQ := 0, ""
	n := 0
	for _, q := range loadQueries(t) {
		if q.Site != "bundled" || q.Kind != "char2" {
			continue
		}
		n++
		o := run(t, files, q.Q)
		size := assets
		for _, f := range o.loaded {
			size += len(files["search/"+f])
		}
		if size > worst {
			worst, worstQ = size, q.Q
		}
	}
	if n == 0 {
		t.Fatal("no two-character queries in the set")
	}
	t.Logf("first search: at most %d bytes (%q; script and style %d bytes); whole index %d bytes in %d files, %d gzipped",
		worst, worstQ, assets, files.Size(), len(files), gzipSize(files))
	if worst >= firstSearchLimit {
		t.Errorf("first search loads %d bytes for %q, want < %d", worst, worstQ, firstSearchLimit)
	}
}

func gzipSize(files search.Files) int {
	n := 0
	for _, b := range files {
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(b)
		w.Close()
		n += buf.Len()
	}
	return n
}

// TestDeterministic: the same site gives the same bytes, however many
// workers read it.
func TestDeterministic(t *testing.T) {
	dir := bundled(t)
	a, err := search.Build(os.DirFS(dir), search.Options{Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	b, err := search.Build(os.DirFS(dir), search.Options{Workers: 7, ShardBytes: 12 << 10})
	if err != nil {
		t.Fatal(err)
	}
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("two builds of the same site differ")
	}
	for name := range a {
		if !strings.HasPrefix(name, "search/") {
			t.Errorf("%s is outside search/", name)
		}
	}
}

// TestNoContactDetails: no member's phone, e-mail or address (data/members)
// and none of the fixture's hidden contact details reach the index.
func TestNoContactDetails(t *testing.T) {
	var secrets []string
	members, _ := filepath.Glob("../../data/members/*.yaml")
	for _, m := range members {
		data, err := os.ReadFile(m)
		if err != nil {
			t.Fatal(err)
		}
		var v any
		if err := yaml.Unmarshal(data, &v); err != nil {
			t.Fatal(err)
		}
		collectContacts(v, false, &secrets)
	}
	if len(members) > 0 && len(secrets) == 0 {
		t.Fatal("found no contact details in data/members: has the format changed?")
	}
	secrets = append(secrets, "155-9999-0000", "秘密路", "隐私街", "boss@m99", "6666 7777", "88889999", "机房钥匙", "独角兽", "12345678", "导航 菜单")
	for _, site := range []string{"bundled", "fixture"} {
		_, files := siteFiles(t, site)
		for name, data := range files {
			text := string(data)
			if strings.HasSuffix(name, ".json") {
				text = unescapeJSON(t, data)
			}
			for _, s := range secrets {
				if strings.Contains(text, s) {
					t.Errorf("%s site: %s contains %q", site, name, s)
				}
			}
		}
		ix, _ := search.OpenFiles(files, "")
		for _, q := range []string{"秘密路", "隐私街", "boss", "机房钥匙", "独角兽", "0371", "rep00"} {
			// Pages with a part of the words (秘密, 钥匙) may match; none
			// may have the whole phrase.
			res, _ := ix.Search(q)
			for _, h := range res.Hits {
				if h.Phrases > 0 {
					url, _, _, _ := ix.Doc(h.Doc)
					t.Errorf("%s site: %q is on %s", site, q, url)
				}
			}
		}
	}
}

func unescapeJSON(t testing.TB, data []byte) string {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprint(v)
}

func collectContacts(v any, inContact bool, out *[]string) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			collectContacts(x, inContact || k == "contact", out)
		}
	case []any:
		for _, x := range v {
			collectContacts(x, inContact, out)
		}
	case string:
		if inContact && len(v) >= 6 {
			*out = append(*out, v)
		}
	}
}

// TestJavaScriptParity runs assets/js/search.js under node on every query of
// the set and on tricky text, and requires exactly the Go results.
func TestJavaScriptParity(t *testing.T) {
	node := testenv.Tool(t, "node", "install nodejs (make deps): search.js is not checked against the Go matcher")
	queries := loadQueries(t)
	tricky := []string{
		"郑州市信息化促进会", "IPv6部署 与 ＩＰｖ６ 部署", "Kubernetes集群，5G网络。", "第三章第十条\n会员",
		"２０２７年度会费（30000元/年）", "ﬁle ① ㈱ Ⅻ", "かな カタカナ 한국어 漢字", "𠀀𠀁 ext-B", "e\u0301 café", "  a  b  ",
	}
	extra := []string{"会员 ", "kube ", "", "   ", "！！", "数据 xyzzy", "xyzzy", "ip", "会", "2", "AI 应用", "ai应用", "人工智能", "第九条", "会费标准", "等保 培训", "AI"}
	for _, site := range []string{"bundled", "fixture"} {
		_, files := siteFiles(t, site)
		tmp := t.TempDir()
		for name, data := range files {
			p := filepath.Join(tmp, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		var qs []string
		for _, q := range queries {
			if q.Site == site {
				qs = append(qs, q.Q)
			}
		}
		qs = append(qs, extra...)
		in, _ := json.Marshal(map[string]any{"queries": qs, "tokens": tricky})
		inFile := filepath.Join(tmp, "input.json")
		os.WriteFile(inFile, in, 0o644)
		cmd := exec.Command(node, "testdata/run.js", "../../assets/js/search.js", filepath.Join(tmp, "search"), inFile)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("node: %v\n%s", err, stderr.String())
		}
		var js struct {
			Queries []struct {
				Q        string     `json:"q"`
				Hits     [][6]int64 `json:"hits"`
				Missing  []string   `json:"missing"`
				Terms    []string   `json:"terms"`
				URLs     []string   `json:"urls"`
				Snippets []string   `json:"snippets"`
				Titles   []string   `json:"titles"`
			} `json:"queries"`
			Tokens [][][3]any `json:"tokens"`
		}
		if err := json.Unmarshal(out, &js); err != nil {
			t.Fatal(err)
		}
		ix, _ := search.OpenFiles(files, "")
		for i, q := range qs {
			res, err := ix.Search(q)
			if err != nil {
				t.Fatal(err)
			}
			var want [][6]int64
			for _, h := range res.Hits {
				want = append(want, [6]int64{int64(h.Doc), int64(h.Exact), int64(h.Phrases), int64(h.Terms), int64(h.Matched), h.Score})
			}
			got := js.Queries[i]
			if !slices.Equal(got.Hits, want) {
				t.Errorf("%s %q: search.js finds %v, Go %v", site, q, got.Hits, want)
			}
			if !slices.Equal(got.Missing, res.Missing) || !slices.Equal(got.Terms, res.Terms) {
				t.Errorf("%s %q: search.js missing %q terms %q, Go %q %q", site, q, got.Missing, got.Terms, res.Missing, res.Terms)
			}
			// The first result's snippet or title highlights a matched term.
			if len(want) > 0 && len(res.Missing) == 0 && strings.TrimSpace(q) != "" {
				if !strings.Contains(got.Snippets[0]+got.Titles[0], "<mark>") {
					t.Errorf("%s %q: no <mark> in the first result %q / %q", site, q, got.Titles[0], got.Snippets[0])
				}
				if strings.Contains(got.Snippets[0], "<mark></mark>") {
					t.Errorf("%s %q: empty mark in %q", site, q, got.Snippets[0])
				}
			}
		}
		if site == "bundled" {
			for i, s := range tricky {
				want := fmt.Sprint(search.DebugTokens(s))
				if got := fmt.Sprint(js.Tokens[i]); got != want {
					t.Errorf("tokens of %q: search.js %s, Go %s", s, got, want)
				}
			}
			i := slices.Index(qs, "理事会议")
			if i >= 0 && !strings.Contains(js.Queries[i].Titles[0], "<mark>理事会议</mark>") {
				t.Errorf("理事会议: title highlight %q", js.Queries[i].Titles[0])
			}
		}
	}
}

// TestPagesAndURLs: what is indexed and what is not, on the fixture.
func TestPagesAndURLs(t *testing.T) {
	_, files := siteFiles(t, "fixture")
	got := slices.Sorted(maps.Keys(indexedURLs(t, files)))
	want := []string{"/", "/members/m99/", "/tech/cloud/", "/tech/ipv6/"}
	if !slices.Equal(got, want) {
		t.Errorf("indexed %v, want %v (no noindex, no page without <main>, no pagination)", got, want)
	}
	ix, _ := search.OpenFiles(files, "")
	res, _ := ix.Search("ipv6")
	if len(res.Hits) == 0 {
		t.Fatal("ipv6: nothing")
	}
	url, title, text, _ := ix.Doc(res.Hits[0].Doc)
	if url != "tech/ipv6/" || title != "IPv6 部署指南" {
		t.Errorf("first hit %q %q", url, title)
	}
	if strings.Contains(text, "部署指南") {
		t.Errorf("the stored text repeats the title: %q", text)
	}
	if !strings.Contains(text, "评估现有网络设备\n双栈改造与 DNS 配置") {
		t.Errorf("blocks not kept apart: %q", text)
	}
	// A phrase does not run across blocks.
	res, _ = ix.Search("网络设备双栈")
	for _, h := range res.Hits {
		if h.Phrases > 0 {
			t.Errorf("网络设备双栈 matched as a phrase across two list items")
		}
	}
}

// TestCorruptIndex: a damaged shard is an error, not a panic.
func TestCorruptIndex(t *testing.T) {
	_, files := siteFiles(t, "fixture")
	for name, data := range files {
		if !strings.HasPrefix(name, "search/t/") {
			continue
		}
		for _, cut := range []int{0, 3, 5, 6, len(data) / 2, len(data) - 1} {
			broken := maps.Clone(files)
			broken[name] = data[:cut]
			ix, err := search.OpenFiles(broken, "")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := ix.Search("ipv6 部署 会"); err == nil || !strings.Contains(err.Error(), "corrupt") {
				t.Errorf("%s cut at %d: error %v, want corrupt shard", name, cut, err)
			}
		}
	}
}

// BenchmarkBuild indexes a synthetic site of 10,000 articles (sitegen,
// rendered once by the press pipeline in the setup; set
// PRESS_SEARCH_BENCH_PAGES for another size).
func BenchmarkBuild(b *testing.B) {
	n := 10000
	if s := os.Getenv("PRESS_SEARCH_BENCH_PAGES"); s != "" {
		fmt.Sscan(s, &n)
	}
	root := b.TempDir()
	src, dest := filepath.Join(root, "site"), filepath.Join(root, "public")
	theme, err := filepath.Abs("../..")
	if err != nil {
		b.Fatal(err)
	}
	if err := sitegen.Generate(src, theme, n, 1); err != nil {
		b.Fatal(err)
	}
	// The generator writes only the sections' index pages; add the bundled
	// site's other pages so the theme's links (org chart, footer) resolve.
	if err := copyMissing(filepath.Join(theme, "content"), filepath.Join(src, "content")); err != nil {
		b.Fatal(err)
	}
	res, err := pipeline.Build(pipeline.Options{Source: src, Dest: dest, CacheDir: filepath.Join(root, "cache")})
	if err != nil {
		b.Fatal(err)
	}
	site := os.DirFS(dest)
	var files search.Files
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		files, err = search.Build(site, search.Options{})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	ix, _ := search.OpenFiles(files, "")
	largest := 0
	for _, f := range files {
		largest = max(largest, len(f))
	}
	b.ReportMetric(float64(ix.Manifest.Pages), "pages")
	b.ReportMetric(float64(files.Size())/1e6, "MB-index")
	b.ReportMetric(float64(len(files)), "files")
	b.Logf("%d pages rendered by Hugo in %v; index %d bytes in %d files (largest %d), manifest %d bytes",
		res.Pages, res.Elapsed, files.Size(), len(files), largest, len(files["search/manifest.json"]))
	for _, q := range []string{"数据", "会员", "平台", "安全", "kubernetes", "数据安全 培训"} {
		o := run(b, files, q)
		size := 0
		for _, f := range o.loaded {
			size += len(files["search/"+f])
		}
		b.Logf("first search %q: %d results, %d index bytes in %d files", q, len(o.urls), size, len(o.loaded))
	}
}

// copyMissing copies the files of from that to does not have.
func copyMissing(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if _, err := os.Stat(dst); err == nil {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		return os.WriteFile(dst, data, 0o644)
	})
}

// TestExactTitlesAndHeadingsFirst: a query that is a page's title or one of
// its headings brings that page first, before pages that only mention it
// (第九条 is a heading of the 会员管理办法, and member pages cite it).
func TestExactTitlesAndHeadingsFirst(t *testing.T) {
	_, files := siteFiles(t, "bundled")
	for q, want := range map[string]string{
		"第九条":    "/membership/rules/",
		"第 九 条":  "/membership/rules/",
		"会员管理办法": "/membership/rules/",
		"会费标准":   "/membership/fees/",
		"入会程序":   "/membership/guide/",
	} {
		o := run(t, files, q)
		if len(o.urls) == 0 || o.urls[0] != want {
			t.Errorf("%q: first results %v, want %s first", q, o.urls[:min(5, len(o.urls))], want)
		}
	}
}

// TestMixedQueriesWithSynonyms: "AI 应用" finds the pages that have both
// (AI written out as 人工智能), with nothing reported missing; the same
// with the words run together or in the other order.
func TestMixedQueriesWithSynonyms(t *testing.T) {
	dir, files := siteFiles(t, "bundled")
	ix, err := search.OpenFiles(files, "")
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"AI 应用", "AI应用", "应用 ai", "ＡＩ 应用"} {
		res, err := ix.Search(q)
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Missing) > 0 || len(res.Hits) == 0 {
			t.Errorf("%q: %d results, missing %v", q, len(res.Hits), res.Missing)
			continue
		}
		for _, h := range res.Hits[:min(10, len(res.Hits))] {
			url, title, text, err := ix.Doc(h.Doc)
			if err != nil {
				t.Fatal(err)
			}
			all := strings.ToLower(title + text)
			if !(strings.Contains(all, "人工智能") || strings.Contains(all, "ai")) || !strings.Contains(all, "应用") {
				t.Errorf("%q: result /%s (%s) lacks AI/人工智能 or 应用", q, url, title)
			}
		}
	}
	_ = dir
}

// With Options.Files, Build takes the site's pages from the caller's
// listing and does not walk the site: the whole listing gives the index
// the walk gives, and a page left out of it is not indexed.
func TestBuildListedFiles(t *testing.T) {
	site := os.DirFS("testdata/fixture")
	walked, err := search.Build(site, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var all, some []string
	if err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			all = append(all, p)
			if p != "tech/ipv6/index.html" {
				some = append(some, p)
			}
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(some) == len(all) {
		t.Fatal("the fixture has no tech/ipv6/index.html")
	}
	listed, err := search.Build(site, search.Options{Files: all})
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(listed, walked) {
		t.Error("the index of the whole listing differs from the walk's")
	}
	fewer, err := search.Build(site, search.Options{Files: some})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := indexedURLs(t, fewer), indexedURLs(t, walked); len(got) != len(want)-1 || got["/tech/ipv6/"] || !want["/tech/ipv6/"] {
		t.Errorf("listing without tech/ipv6/: indexed %v, want the walk's %v without /tech/ipv6/", got, want)
	}
}
