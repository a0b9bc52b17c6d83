package catalog

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/siteconfig"
)

// fixture is the small site of the tests: one issue, one white paper, one
// newsletter.
var fixture = filepath.Join("..", "..", "..", "testdata", "publications", "site")

func TestConfig(t *testing.T) {
	cfg, l := loadConfig(fixture)
	if l.HasErrors() {
		t.Fatal(l)
	}
	if cfg.Publisher != "郑州市信息化促进会" || cfg.JournalPageSize != "16K" || cfg.Contact.Postcode != "450000" || cfg.Notice != "内部资料　免费交流" {
		t.Errorf("config: %+v", cfg)
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "hugo.toml"), []byte("title = \"x\"\n[params.publications]\n  journalPageSize = \"B4\"\n"), 0o644)
	_, l = loadConfig(dir)
	if !strings.Contains(l.Error(), `hugo.toml:3: [params.publications] journalPageSize: page size "B4" is not A4 or 16K`) {
		t.Errorf("bad page size: %v", l)
	}
}

// loadConfig reads the publications' settings of the site in dir.
func loadConfig(dir string) (Config, diag.List) {
	c, err := siteconfig.Load(dir)
	if err != nil {
		return Config{}, diag.List{{Message: err.Error()}}
	}
	return ReadConfig(c)
}
