package testpdf

import (
	"regexp"
	"strings"
	"testing"
)

// A one-page PDF with the text "Hello" in a standard font.
const hello = "%PDF-1.4\n" +
	"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n" +
	"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
	"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 100]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n" +
	"4 0 obj<</Length 36>>stream\nBT /F1 12 Tf 20 50 Td (Hello) Tj ET\nendstream endobj\n" +
	"5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\n" +
	"trailer<</Root 1 0 R>>\n%%EOF\n"

// The text and the information come back from the tools.
func TestRun(t *testing.T) {
	if got := Run(t, []byte(hello), "pdftotext"); strings.TrimSpace(got) != "Hello" {
		t.Errorf("pdftotext: %q, want Hello", got)
	}
	if got := Run(t, []byte(hello), "pdfinfo"); !regexp.MustCompile(`(?m)^Pages:\s+1$`).MatchString(got) || !strings.Contains(got, "200 x 100 pts") {
		t.Errorf("pdfinfo:\n%s", got)
	}
}
