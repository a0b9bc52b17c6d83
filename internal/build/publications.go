package build

import "github.com/zzia/press/internal/diag"

// publications typesets the journal issues, white papers and newsletters
// into PDFs and adds them, with the data their web pages need, to gen.
func publications(opts Options, gen *generated) diag.List {
	return nil
}
