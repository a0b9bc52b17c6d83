package pipeline

import (
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/publication"
	"github.com/zzia/press/internal/site"
)

// publications typesets the journal issues, white papers and newsletters
// into PDFs and adds them, with the data their web pages need, to gen:
// the PDFs and the newsletters' e-mail editions as files at their pages'
// paths, and hugo.Data.press.publications, keyed by Hugo page path
// ("/journal/2026-1"), with each page's PDF link, size and page count.
func publications(opts Options, gen *generated) diag.List {
	cache := cacheDir(opts)
	// The preview server's address is not the site's: its publications
	// keep the site's own (and stay in the PDF cache).
	base := opts.BaseURL
	if opts.preview {
		base = ""
	}
	res, l, err := publication.Build(publication.Options{
		Source:   opts.Source,
		Config:   opts.Site.Config,
		CacheDir: cache,
		Print:    opts.Print,
		Drafts:   opts.preview,
		BaseURL:  base,
		Progress: opts.Progress,
		Terminal: opts.Terminal,
		Lang:     opts.Lang,
	})
	if err != nil {
		return append(l, diag.Diagnostic{Message: err.Error()})
	}
	if res == nil {
		return l
	}
	for name, b := range res.Files {
		gen.addFile(name, b)
	}
	gen.addData("publications", res.Pages)
	return l
}

// cacheDir is where the build keeps its caches: opts.CacheDir, by default
// the same as Hugo's caches, outside the site.
func cacheDir(opts Options) string {
	if opts.CacheDir != "" {
		return opts.CacheDir
	}
	d, _ := site.DefaultCacheDir()
	return d
}
