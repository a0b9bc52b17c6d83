package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/pdfcache"
	"github.com/zzia/press/internal/printjob"
	"github.com/zzia/press/internal/typeset/fonts"
)

// applicationFormPath is where the membership application form is
// published; the 入会指南 links it.
const applicationFormPath = "membership/application-form.pdf"

// applicationForm adds the membership application form (入会申请表) to the
// public output, for sites that have a membership section
// (content/membership/). The form holds no member data: only the fee
// standard and account (data/fees.yaml) and the secretariat's contact
// ([params.contact]). It carries no date, so it is the same on every build.
func applicationForm(opts Options, gen *generated) diag.List {
	if st, err := os.Stat(filepath.Join(opts.Source, "content", "membership")); err != nil || !st.IsDir() {
		return nil
	}
	fo, l := printjob.LoadFormOptions(opts.Site.Config)
	// The configuration's own problems are reported by the publications.
	l = l.Warnings()
	b, err := applicationFormPDF(opts, fo)
	if err != nil {
		return append(l, diag.Diagnostic{File: "content/membership", Message: "入会申请表: " + err.Error()})
	}
	gen.addFile(applicationFormPath, b)
	return l
}

// applicationFormPDF typesets the form, or takes it from the PDF cache
// when the same program made it with the same options and font files
// (path, size and modification time: see formKey): typesetting it maps
// the CJK fonts into memory, which then counts in the build's memory to its
// end, and takes longer than the rest of derive.
func applicationFormPDF(opts Options, fo printjob.FormOptions) ([]byte, error) {
	key, ok := formKey(fo)
	cache := pdfcache.Open(cacheDir(opts))
	if ok {
		if b, _, hit := cache.Get(key); hit {
			return b, nil
		}
	}
	b, err := printjob.ApplicationForm(fo)
	if err == nil && ok {
		cache.Put(key, b, nil) // a cache that cannot be written is only slower
	}
	return b, err
}

// formKey is the application form's cache key; false when an input cannot
// be told (a font that is not found: typesetting reports it). Every build
// makes the form, sites without publications too, so its fonts are known
// by their size and time (pdfcache.FileStamp), not by hashing the ≈100 MB
// of CJK font files on each build.
func formKey(fo printjob.FormOptions) (string, bool) {
	h := pdfcache.NewHasher("application-form")
	h.String("program", pdfcache.Program())
	j, err := json.Marshal(fo)
	if err != nil {
		return "", false
	}
	h.Bytes("options", j)
	fps, err := fonts.Fingerprint(fo.Fonts, pdfcache.FileStamp)
	if err != nil {
		return "", false
	}
	for _, f := range fps {
		h.String("font", f)
	}
	return h.Key(), true
}
