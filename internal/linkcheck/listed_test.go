package linkcheck

import (
	"io/fs"
	"reflect"
	"testing"
	"testing/fstest"
)

// CheckListed takes the site's files from the caller's listing instead of
// walking the site: with the whole listing it finds what CheckPages finds;
// a file left out of the listing is missing to it, and a page left out is
// not read.
func TestCheckListed(t *testing.T) {
	site := fstest.MapFS{
		"index.html":       {Data: []byte(`<a href="/about/">ok</a><a href="/about/report.pdf">pdf</a><a href="/gone/">missing</a>`)},
		"about/index.html": {Data: []byte(`<a href="/nowhere/">broken</a>`)},
		"about/report.pdf": {Data: []byte("%PDF")},
		"index.xml":        {Data: []byte(`<rss><channel><item><link>https://h.example/none/</link></item></channel></rss>`)},
	}
	var all []string
	if err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			all = append(all, p)
		}
		return err
	}); err != nil {
		t.Fatal(err)
	}
	want, err := CheckPages(site, "https://h.example/", nil)
	if err != nil {
		t.Fatal(err)
	}
	got, err := CheckListed(site, all, "https://h.example/", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) || len(want) != 3 {
		t.Errorf("listed: got\n%v\nwant (CheckPages's, 3 broken)\n%v", got, want)
	}

	got, err = CheckListed(site, []string{"index.html", "about/index.html"}, "https://h.example/", nil)
	if err != nil {
		t.Fatal(err)
	}
	want = []Broken{
		{"about/index.html", "/nowhere/", "missing", ""},
		{"index.html", "/about/report.pdf", "missing", ""},
		{"index.html", "/gone/", "missing", ""},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("listing without the PDF and the feed: got\n%v\nwant\n%v", got, want)
	}
}
