package project

import (
	"errors"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/mdpdf"
	"github.com/zzia/press/internal/msg"
)

// PDFOptions says which Markdown file PDF sets and how (see mdpdf.Options).
// The file's front matter (title, author, description or summary, keywords
// or tags, date, hangingPunctuation) fills what is not given here.
type PDFOptions = mdpdf.Options

// PDFResult is a PDF that PDF wrote.
type PDFResult = mdpdf.Result

// PDF typesets one Markdown file, outside any site, with press's CJK
// typesetter and writes the PDF in place of opts.Out. It returns the
// typesetter's warnings also when it fails; a file that cannot be read
// or set is an *Error naming where. Messages are in language lang.
func PDF(lang msg.Lang, opts PDFOptions) (*PDFResult, diag.List, error) {
	res, warnings, err := mdpdf.Write(lang, opts)
	var l diag.List
	if errors.As(err, &l) {
		return nil, warnings, &Error{Diagnostics: l}
	}
	return res, warnings, err
}
