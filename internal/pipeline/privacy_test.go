package pipeline_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testsite"
)

// TestPrivacyScan fills every private field of fixture members with unique
// markers, builds the whole site, and scans every output file (pages, feeds,
// JSON, CSV, calendars, search index, PDFs) for them.
func TestPrivacyScan(t *testing.T) {
	src := testsite.Bundled(t)

	var markers []string
	n := 0
	mark := func(format string) string {
		n++
		m := fmt.Sprintf(format, n)
		markers = append(markers, m)
		return m
	}
	contact := func(indent string) string {
		return fmt.Sprintf("%scontact:\n%s  phone: \"0371-9%07d\"\n%s  mobile: \"199-%04d-%04d\"\n%s  fax: \"0371-8%07d\"\n%s  email: %s\n%s  address: %s\n",
			indent, indent, 1000000+len(markers), indent, 7000+len(markers), 1000+len(markers), indent, 2000000+len(markers),
			indent, mark("privmark%02d@private.example"), indent, mark("私密地址标记%02d号"))
	}
	// The numbers in phone, mobile and fax are markers too.
	person := func(id, name, indent string) string {
		return "id: " + id + "\nname: " + name + "\n" + contact(indent) + "notes: " + mark("人员备注标记%02d号内容") + "\n"
	}
	listed := "id: zz-privacy-listed\nname: 隐私测试公开单位\nlevel: 理事单位\nunit_type: 企业\nregion: 金水区\nindustry: 软件和信息技术服务业\njoined: 2026-11-20\nlisted: true\n" +
		"representatives:\n  - person: zz-public-rep\n    role: 主代表\n    title: 经理\n" +
		"  - person: zz-left-rep\n    role: 副代表\n    left: 2024-01-01\n" +
		contact("") +
		"fees:\n  - year: 2026\n    amount: 5000\n    paid: 2026-01-05\n    note: " + mark("会费备注标记%02d") + "\n" +
		"notes: " + mark("秘书处备注标记%02d") + "\n"
	unlisted := "id: zz-privacy-unlisted\nname: " + mark("不公开单位标记%02d") + "\nlevel: 普通会员单位\nunit_type: 企业\nregion: 中原区\nindustry: 软件和信息技术服务业\njoined: 2020-01-01\nlisted: false\n" +
		"representatives:\n  - person: zz-unlisted-rep\n    role: 主代表\n" + contact("")
	os.WriteFile(filepath.Join(src, "data", "members", "zz-privacy-listed.yaml"), []byte(listed), 0o644)
	os.WriteFile(filepath.Join(src, "data", "members", "zz-privacy-unlisted.yaml"), []byte(unlisted), 0o644)
	people := map[string]string{
		"zz-public-rep":   person("zz-public-rep", "公开代表", ""),
		"zz-left-rep":     person("zz-left-rep", mark("离任代表标记%02d"), "") + "left_city: 2024-01-01\n",
		"zz-unlisted-rep": person("zz-unlisted-rep", mark("不公开代表标记%02d"), ""),
	}
	var all []string
	for id, p := range people {
		os.WriteFile(filepath.Join(src, "data", "people", id+".yaml"), []byte(p), 0o644)
		all = append(all, p)
	}
	// Phone, mobile and fax numbers of both members, as written and as digits.
	for _, f := range append([]string{listed, unlisted}, all...) {
		for _, l := range strings.Split(f, "\n") {
			for _, k := range []string{"phone: ", "mobile: ", "fax: "} {
				if i := strings.Index(l, k); i >= 0 {
					v := strings.Trim(l[i+len(k):], `"`)
					markers = append(markers, v, strings.ReplaceAll(v, "-", ""))
				}
			}
		}
	}

	out := filepath.Join(t.TempDir(), "public")
	if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))}); err != nil {
		t.Fatalf("build: %v", err)
	}
	files := 0
	var sawListed bool
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		files++
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("隐私测试公开单位")) {
			sawListed = true
		}
		for _, m := range markers {
			if bytes.Contains(b, []byte(m)) {
				rel, _ := filepath.Rel(out, p)
				t.Errorf("%s contains private marker %q", rel, m)
			}
		}
		return nil
	})
	if !sawListed {
		t.Error("the listed fixture member appears nowhere: the scan would prove nothing")
	}
	if files < 50 || len(markers) < 15 {
		t.Errorf("scanned %d files for %d markers; expected the whole site and every field", files, len(markers))
	}
}

// A build whose output would hold a private value refuses to publish,
// naming the file, wherever the value came from: a page, a static file, a
// PDF typeset from the journal. The previous output stays.
func TestPrivacyScanRefuses(t *testing.T) {
	src := testsite.Bundled(t)
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	out := filepath.Join(t.TempDir(), "public")
	if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: today}); err != nil {
		t.Fatalf("the sample site: %v", err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))

	// m08's phone on a news page, with spaces; a representative's mobile
	// in a static text file; m01's address in a journal article (and so
	// in its PDF).
	os.WriteFile(filepath.Join(src, "content", "news", "zz-leak.md"), []byte("---\ntitle: 泄露测试\ndate: 2026-11-20\n---\n\n请致电 0371 5555 0008 联系。\n"), 0o644)
	os.WriteFile(filepath.Join(src, "static", "zz-contacts.txt"), []byte("周示九 155-5555-0008\n"), 0o644)
	var article string
	filepath.WalkDir(filepath.Join(src, "content", "journal"), func(p string, d fs.DirEntry, err error) error {
		if article == "" && err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			article = p
		}
		return nil
	})
	if article == "" {
		t.Fatal("no journal article in the sample")
	}
	b, _ := os.ReadFile(article)
	os.WriteFile(article, append(b, []byte("\n\n本刊地址：郑州市二七区示例路2号（虚构）。\n")...), 0o644)

	_, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: today})
	var be *pipeline.Error
	if !errors.As(err, &be) {
		t.Fatalf("the build published: %v", err)
	}
	text := err.Error()
	for _, want := range []string{"news/zz-leak/index.html", "zz-contacts.txt", ".pdf"} {
		if !strings.Contains(text, want) {
			t.Errorf("the error does not name %s:\n%s", want, text)
		}
	}
	if strings.Contains(text, "5555") || strings.Contains(text, "示例路2号") {
		t.Errorf("the error shows the private values:\n%s", text)
	}
	if after, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Equal(before, after) {
		t.Error("the previous output changed")
	}
}
