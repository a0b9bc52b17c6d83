package pipeline_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/printjob"
	"github.com/zzia/press/internal/siteconfig"
	"github.com/zzia/press/internal/testpdf"
)

// TestApplicationFormIsPublished builds the bundled site and checks that the
// membership application form is in the output, is the form press makes
// from the site's fees and contact, and is linked from the 入会指南.
func TestApplicationFormIsPublished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, repoRoot, out)
	b, err := os.ReadFile(filepath.Join(out, "membership", "application-form.pdf"))
	if err != nil {
		t.Fatalf("the form is not published: %v", err)
	}
	pc, err := siteconfig.Load(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	fo, _ := printjob.LoadFormOptions(pc)
	want, err := printjob.ApplicationForm(fo)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b, want) {
		t.Error("the published form differs from the one made from the site's fees and contact")
	}
	guide := read(t, out, "membership/guide/index.html")
	if !strings.Contains(guide, `href="/membership/application-form.pdf"`) {
		t.Error("the 入会指南 does not link the form")
	}
	text := strings.Join(strings.Fields(testpdf.Run(t, b, "pdftotext", "-layout")), "")
	for _, w := range []string{"郑州市信息化促进会入会申请表", "副会长单位（30,000元/年）", "工商营业执照", "90501880190002349"} {
		if !strings.Contains(text, w) {
			t.Errorf("the form lacks %q", w)
		}
	}
	// It carries no member data: the sample's phones and e-mail addresses.
	for _, w := range []string{"0371-5555", "155-5555", "@example.com"} {
		if strings.Contains(text, w) {
			t.Errorf("the public form contains member data %q", w)
		}
	}
}

// TestNoFormWithoutMembershipSection: a site without content/membership/
// gets no form.
func TestNoFormWithoutMembershipSection(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, fixture("minimal"), out)
	if _, err := os.Stat(filepath.Join(out, "membership", "application-form.pdf")); err == nil {
		t.Error("a site without a membership section got the form")
	}
}
