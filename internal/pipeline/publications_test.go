package pipeline_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testpdf"
	"github.com/zzia/press/internal/testsite"
)

// publicationSite is the bundled theme with the publication fixture's
// configuration and content: one journal issue, one white paper, one
// newsletter.
func publicationSite(t *testing.T) string {
	t.Helper()
	return testsite.Themed(t, filepath.Join(repoRoot, "testdata", "publications", "site"))
}

func TestPublications(t *testing.T) {
	src := publicationSite(t)
	out := filepath.Join(t.TempDir(), "public")
	cache := t.TempDir()
	res, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: cache})
	if err != nil {
		t.Fatal(err)
	}
	_ = res
	for _, f := range []string{
		"journal/2026-1/journal-2026-1.pdf",
		"whitepapers/test-baipishu/test-baipishu.pdf",
		"newsletter/2026-01/newsletter-2026-01.pdf",
		"newsletter/2026-01/email.html",
		"newsletter/2026-01/email.txt",
		"newsletter/index.xml",
		"newsletter/atom.xml",
	} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("missing %s", f)
		}
	}
	issue := read(t, out, "journal/2026-1/index.html")
	if !regexp.MustCompile(`href="/journal/2026-1/journal-2026-1.pdf"[^>]*download`).MatchString(issue) {
		t.Error("the issue page does not link its PDF")
	}
	if !regexp.MustCompile(`PDF，\d+ KB，共 \d+ 页`).MatchString(issue) {
		t.Error("the issue page does not give the PDF's size and pages")
	}
	for _, col := range []string{"政策解读", "行业观察", "会务动态"} {
		if !strings.Contains(issue, "<h3>"+col+"</h3>") {
			t.Errorf("the issue's contents lack the column %s", col)
		}
	}
	article := read(t, out, "journal/2026-1/zhengce/index.html")
	if !regexp.MustCompile(`journal-2026-1.pdf#page=\d+`).MatchString(article) {
		t.Error("the article page does not link to its page of the PDF")
	}
	if !strings.Contains(article, `rel="next"`) {
		t.Error("the article page has no link to the next article")
	}
	archive := read(t, out, "journal/index.html")
	if !regexp.MustCompile(`<img class="pub-cover" src="/journal/2026-1/cover_[^"]+\.png"`).MatchString(archive) {
		t.Error("the archive shows no cover thumbnail")
	}
	chapter := read(t, out, "whitepapers/test-baipishu/01-gaishu/index.html")
	if !strings.Contains(chapter, "第一章") {
		t.Error("the chapter page is not numbered")
	}
	atom := read(t, out, "newsletter/atom.xml")
	if !strings.Contains(atom, "<updated>2026-04-15T00:00:00+08:00</updated>") || !strings.Contains(atom, "会务动态") {
		t.Errorf("the Atom feed lacks the content's date or full text:\n%.600s", atom)
	}
	rss := read(t, out, "newsletter/index.xml")
	if !strings.Contains(rss, "<content:encoded><![CDATA[") || !strings.Contains(rss, "1月16日") {
		t.Error("the RSS feed lacks the full text")
	}

	// The cache and other internal outputs stay out of the published site.
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if d.IsDir() && (d.Name() == "pdf" || strings.HasPrefix(d.Name(), "press-")) || regexp.MustCompile(`^[0-9a-f]{64}\.(pdf|json)$`).MatchString(d.Name()) {
			t.Errorf("internal output in the site: %s", rel)
		}
		return nil
	})
	if m, _ := filepath.Glob(filepath.Join(cache, "pdf", "*.pdf")); len(m) != 3 {
		t.Errorf("%d PDFs in the cache, want 3", len(m))
	}
	if _, err := os.Stat(filepath.Join(src, "public")); err == nil {
		t.Error("the build wrote into the site's public/")
	}

	// The printer's edition: same PDFs with page boxes.
	res, err = pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: cache, Print: true})
	if err != nil {
		t.Fatal(err)
	}
	pdf := read(t, out, "journal/2026-1/journal-2026-1.pdf")
	if !strings.Contains(pdf, "/TrimBox") || !strings.Contains(pdf, "/BleedBox") {
		t.Error("--print made no page boxes")
	}
	if !strings.Contains(read(t, out, "journal/2026-1/index.html"), "印刷版") {
		t.Error("the issue page does not say its PDF is the printer's edition")
	}
}

// TestBaseURLReachesPublications: --base-url is the site's address in
// everything the build makes, the publications too: the e-mail edition's
// links and the colophons' 网址 (the configuration says
// https://www.zzia.example/).
func TestBaseURLReachesPublications(t *testing.T) {
	src := publicationSite(t)
	out := filepath.Join(t.TempDir(), "public")
	const base = "https://press.example.org/zzia/"
	if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), BaseURL: base}); err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"newsletter/2026-01/email.html", "newsletter/2026-01/email.txt"} {
		email := read(t, out, f)
		if !strings.Contains(email, base+"newsletter/2026-01/") {
			t.Errorf("%s does not link the newsletter at %s", f, base)
		}
		if strings.Contains(email, "zzia.example/") {
			t.Errorf("%s still links the configuration's baseURL", f)
		}
	}
	for _, f := range []string{"journal/2026-1/journal-2026-1.pdf", "whitepapers/test-baipishu/test-baipishu.pdf"} {
		text := pdfText(t, filepath.Join(out, filepath.FromSlash(f)))
		if !strings.Contains(text, "press.example.org/zzia") {
			t.Errorf("the colophon of %s does not give the site's address %s", f, base)
		}
		if strings.Contains(text, "www.zzia.example") {
			t.Errorf("the colophon of %s gives the configuration's baseURL", f)
		}
	}
}

// pdfText is the text of a PDF, without white space (pdftotext).
func pdfText(t *testing.T, file string) string {
	t.Helper()
	return strings.Join(strings.Fields(testpdf.RunFile(t, file, "pdftotext")), "")
}
