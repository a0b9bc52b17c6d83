package facts_test

import (
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/facts"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/siteconfig"

	"github.com/zzia/press/internal/testsite"
)

var tagRE = regexp.MustCompile(`<[^>]+>`)

// TestSiteShowsWhatTheCheckAccepts builds the bundled site with some facts
// filled in, really or not: the pages show exactly the facts Pending does
// not warn about, 待公布 for the others, and the ICP number with its link
// only when it is a real one — the templates and the check apply the same
// rules.
func TestSiteShowsWhatTheCheckAccepts(t *testing.T) {
	src := testsite.Bundled(t)
	cfgPath := filepath.Join(src, "hugo.toml")
	b, err := os.ReadFile(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	values := map[string]string{
		"address":  "河南省郑州市金水区示例路1号",      // real
		"postcode": "450008",              // real
		"phone":    "0371-0000 0000",      // zeros: not real
		"email":    "office@zzia.example", // an example domain
		"hours":    "",                    // not filled in
		"icp":      "豫ICP备12345678号-1",    // real
	}
	cfg := string(b)
	for k, v := range values {
		re := regexp.MustCompile(`(?m)^(\s*` + k + ` = )"[^"]*"`)
		if !re.MatchString(cfg) {
			t.Fatalf("hugo.toml has no %s in [params.contact]", k)
		}
		cfg = re.ReplaceAllString(cfg, `${1}"`+v+`"`)
	}
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	pending := map[string]bool{}
	pc, err := siteconfig.Load(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range facts.Pending(msg.En, pc) {
		for _, f := range facts.Facts {
			if strings.Contains(d.Message, "] "+f.Key+" (") || strings.Contains(d.Message, "] "+f.Key+"（") {
				pending[f.Key] = true
			}
		}
	}
	for k, want := range map[string]bool{"address": false, "postcode": false, "phone": true, "email": true, "hours": true, "icp": false} {
		if pending[k] != want {
			t.Errorf("Pending says %s is pending: %v, want %v", k, pending[k], want)
		}
	}

	out := filepath.Join(t.TempDir(), "public")
	if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))}); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(out, "contact", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	card := regexp.MustCompile(`(?s)<section class="contact-card".*?</section>`).FindString(string(page))
	text := strings.Join(strings.Fields(tagRE.ReplaceAllString(card, " ")), " ")
	labels := map[string]string{"address": "地址", "postcode": "邮编", "phone": "电话", "email": "电子邮箱", "hours": "办公时间"}
	for k, label := range labels {
		shown := label + " " + values[k]
		if pending[k] {
			shown = label + " 待公布"
		}
		if !strings.Contains(text, shown) {
			t.Errorf("the contact page does not show %q (Pending: %v):\n%s", shown, pending[k], text)
		}
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(home), `href="https://beian.miit.gov.cn/"`) || !strings.Contains(string(home), ">豫ICP备12345678号-1</a>") {
		t.Errorf("with a real ICP number the footer does not link it to the MIIT's filing system")
	}
	if strings.Contains(string(home), "office@zzia.example") || strings.Contains(string(home), "0371-0000 0000") {
		t.Errorf("the footer shows an example address or a phone of zeros")
	}
}
