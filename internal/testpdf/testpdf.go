// Package testpdf reads the PDFs that tests make with poppler-utils, as a
// reader's tools would: their text (pdftotext), document information and
// structure (pdfinfo), fonts (pdffonts) and images (pdfimages -list). A
// tool that is not installed ends the test as testenv.Tool says: a failure
// under CI, a skip elsewhere. Only tests import it.
package testpdf

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/testenv"
)

// Run runs the poppler-utils program tool with args on the PDF pdf and
// returns what it prints on its standard output.
func Run(t testing.TB, pdf []byte, tool string, args ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "in.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	return RunFile(t, path, tool, args...)
}

// RunFile runs the poppler-utils program tool with args on the PDF file
// path and returns what it prints on its standard output (pdftotext is
// told to print there); a tool that fails fails the test with its error
// output.
func RunFile(t testing.TB, path, tool string, args ...string) string {
	t.Helper()
	bin := testenv.Tool(t, tool, "install poppler-utils (make deps) to read the PDFs")
	argv := append(append([]string{}, args...), path)
	if tool == "pdftotext" {
		argv = append(argv, "-")
	}
	out, err := exec.Command(bin, argv...).Output()
	if err != nil {
		var stderr []byte
		if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
			stderr = ee.Stderr
		}
		t.Fatalf("%s %s: %v\n%s", tool, strings.Join(argv, " "), err, stderr)
	}
	return string(out)
}
