package linkcheck

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkCheckEdit times the link check of a site of 8,000 pages after
// one page was written again, as the preview checks it: full is
// CheckPages (every reference of every page resolved again), incremental
// a Checker's Check; first is a new Checker's first Check (the preview's
// first build). The site is in memory, as the preview's output is.
func BenchmarkCheckEdit(b *testing.B) {
	const sections, perSection = 8, 1000
	mem := afero.NewMemMapFs()
	site := afero.NewIOFS(afero.NewBasePathFs(mem, "/"))
	known := NewPages()
	write := func(name, data string) {
		if err := afero.WriteFile(mem, "/"+filepath.FromSlash(name), []byte(data), 0o644); err != nil {
			b.Fatal(err)
		}
		if strings.HasSuffix(name, ".html") {
			known.Add(name, []byte(data))
		}
	}
	// Every page has the same menu and footer, links to its neighbours
	// (some into their headings) and an image of its own.
	var menu strings.Builder
	for s := range sections {
		fmt.Fprintf(&menu, `<li><a href="/s%d/">Section %d</a></li>`, s, s)
		for p := range 6 {
			fmt.Fprintf(&menu, `<li><a href="/s%d/p%d/">Page %d</a></li>`, s, p, p)
		}
	}
	menu.WriteString(`<link rel="stylesheet" href="/css/site.css"><script src="/js/site.js"></script>`)
	page := func(s, p int) string {
		var b strings.Builder
		fmt.Fprintf(&b, `<html><head>%s</head><body><nav>%s</nav><main id="main"><h1 id="title">Page %d</h1>`, `<link rel="alternate" href="/index.xml">`, menu.String(), p)
		for k := 1; k <= 5; k++ {
			fmt.Fprintf(&b, `<h2 id="part-%d">Part</h2><p><a href="/s%d/p%d/">next</a> <a href="/s%d/p%d/#part-%d">part</a> <a href="../p%d/">rel</a></p>`,
				k, s, (p+k)%perSection, s, (p+perSection-k)%perSection, k, (p+2*k)%perSection)
		}
		fmt.Fprintf(&b, `<img src="photo.jpg" srcset="photo.jpg 1x, /img/s%d-2x.jpg 2x"><a href="#main">top</a></main><footer>%s</footer></body></html>`, s, menu.String())
		return b.String()
	}
	write("index.html", `<main id="main">`+menu.String()+`</main>`)
	write("css/site.css", "")
	write("js/site.js", "")
	var sitemap strings.Builder
	for s := range sections {
		write(fmt.Sprintf("img/s%d-2x.jpg", s), "jpg")
		var feed strings.Builder
		write(fmt.Sprintf("s%d/index.html", s), `<main id="main">`+menu.String()+`</main>`)
		for p := range perSection {
			write(fmt.Sprintf("s%d/p%d/index.html", s, p), page(s, p))
			write(fmt.Sprintf("s%d/p%d/photo.jpg", s, p), "jpg")
			fmt.Fprintf(&sitemap, "<url><loc>https://h.example/s%d/p%d/</loc></url>\n", s, p)
			if p < 20 {
				fmt.Fprintf(&feed, "<item><link>https://h.example/s%d/p%d/</link></item>\n", s, p)
			}
		}
		write(fmt.Sprintf("s%d/index.xml", s), "<rss>"+feed.String()+"</rss>")
	}
	write("sitemap.xml", "<urlset>"+sitemap.String()+"</urlset>")
	write("index.xml", "<rss></rss>")
	const base = "https://h.example/"

	want, err := CheckPages(site, base, known)
	if err != nil || len(want) != 0 {
		b.Fatalf("broken: %v, %v", want, err)
	}
	files := 0
	fs.WalkDir(site, ".", func(_ string, d fs.DirEntry, _ error) error {
		if !d.IsDir() {
			files++
		}
		return nil
	})
	b.Logf("%d files", files)
	edited := page(3, 500)
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			known.Add("s3/p500/index.html", []byte(edited))
			if _, err := CheckPages(site, base, known); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("first", func(b *testing.B) {
		for b.Loop() {
			var c Checker
			if _, err := c.Check(site, base, known); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("incremental", func(b *testing.B) {
		var c Checker
		if _, err := c.Check(site, base, known); err != nil {
			b.Fatal(err)
		}
		for b.Loop() {
			known.Add("s3/p500/index.html", []byte(edited))
			if _, err := c.Check(site, base, known); err != nil {
				b.Fatal(err)
			}
		}
	})
}
