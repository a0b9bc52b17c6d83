package publication

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/pelletier/go-toml/v2"

	"github.com/zzia/press/internal/diag"
)

// Config is what the publications take from the site's configuration: the
// association (the site's title) as publisher, its contact details, and the
// table [params.publications].
type Config struct {
	// Publisher is the 主办单位: the site's title.
	Publisher string
	// BaseURL is the site's base URL; the e-mail edition's links are made
	// absolute against it.
	BaseURL string
	// JournalName is the journal's name without book-title marks.
	JournalName string
	// JournalPageSize and WhitepaperPageSize are "A4" or "16K".
	JournalPageSize    string
	WhitepaperPageSize string
	// Editor is the 编辑部 named in the colophon, unless an issue names its own.
	Editor string
	// Notice is the 内部资料 notice printed on covers and colophons.
	Notice string
	// Permit is the printing permit (准印证号); empty when there is none.
	Permit string
	// Print makes the printer's edition (bleed and crop marks) even
	// without --print.
	Print bool
	// HangingPunctuation sets a line-end full stop or comma (。，、) in
	// the margin; a publication's front matter may say otherwise.
	HangingPunctuation bool
	// Fonts maps font roles to .ttf paths (see package fonts).
	Fonts map[string]string
	// Contact is the secretariat's address ([params.contact]).
	Contact Contact
}

// Contact is the secretariat's postal and electronic address.
type Contact struct {
	Office, Address, Postcode, Phone, Email string
}

// configNames are the site configuration files Hugo reads, in its order.
var configNames = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// LoadConfig reads the publications' settings from the site configuration
// in dir. Missing settings take the defaults; wrong ones are diagnostics.
func LoadConfig(dir string) (Config, diag.List) {
	cfg := Config{
		JournalName:        "郑州市信息化促进会会刊",
		JournalPageSize:    "16K",
		WhitepaperPageSize: "A4",
		Notice:             "内部资料　免费交流",
	}
	var file string
	var raw []byte
	for _, n := range configNames {
		b, err := os.ReadFile(filepath.Join(dir, n))
		if err == nil {
			file, raw = n, b
			break
		}
	}
	if file == "" {
		return cfg, diag.List{{Message: "no site configuration (hugo.toml) found in " + dir}}
	}
	var m map[string]any
	var err error
	switch filepath.Ext(file) {
	case ".toml":
		err = toml.Unmarshal(raw, &m)
	case ".json":
		err = json.Unmarshal(raw, &m)
	default:
		err = yaml.Unmarshal(raw, &m)
	}
	if err != nil {
		return cfg, diag.List{{File: file, Message: err.Error()}}
	}
	str := func(m map[string]any, k string) string {
		if v, ok := m[k].(string); ok {
			return strings.TrimSpace(v)
		}
		return ""
	}
	sub := func(m map[string]any, k string) map[string]any {
		v, _ := m[k].(map[string]any)
		return v
	}
	cfg.Publisher = str(m, "title")
	cfg.BaseURL = str(m, "baseURL")
	if cfg.BaseURL == "" {
		cfg.BaseURL = str(m, "baseurl")
	}
	params := sub(m, "params")
	c := sub(params, "contact")
	cfg.Contact = Contact{Office: str(c, "office"), Address: str(c, "address"), Postcode: str(c, "postcode"), Phone: str(c, "phone"), Email: str(c, "email")}
	p := sub(params, "publications")
	var l diag.List
	bad := func(key, msg string) {
		l = append(l, diag.Diagnostic{File: file, Line: keyLine(raw, key), Message: "[params.publications] " + key + ": " + msg})
	}
	if v := str(p, "journalName"); v != "" {
		cfg.JournalName = strings.Trim(v, "《》")
	}
	for key, dst := range map[string]*string{"journalPageSize": &cfg.JournalPageSize, "whitepaperPageSize": &cfg.WhitepaperPageSize} {
		if v := str(p, key); v != "" {
			switch strings.ToUpper(v) {
			case "A4", "16K":
				*dst = strings.ToUpper(v)
			default:
				bad(key, fmt.Sprintf("page size %q is not A4 or 16K", v))
			}
		}
	}
	if v := str(p, "editor"); v != "" {
		cfg.Editor = v
	}
	if v := str(p, "notice"); v != "" {
		cfg.Notice = v
	}
	cfg.Permit = str(p, "permit")
	if v, ok := p["print"]; ok {
		b, isBool := v.(bool)
		if !isBool {
			bad("print", "want true or false")
		}
		cfg.Print = b
	}
	if v, ok := p[hangingKey]; ok {
		b, isBool := v.(bool)
		if !isBool {
			bad(hangingKey, "want true or false")
		}
		cfg.HangingPunctuation = b
	}
	if f := sub(p, "fonts"); f != nil {
		cfg.Fonts = map[string]string{}
		for k, v := range f {
			s, _ := v.(string)
			if s != "" && !filepath.IsAbs(s) {
				s = filepath.Join(dir, s)
			}
			cfg.Fonts[k] = s
		}
	}
	if cfg.Publisher == "" {
		l = append(l, diag.Diagnostic{File: file, Line: 1, Message: "the site has no title: the publications name it as their publisher (主办)"})
	}
	return cfg, l
}

// keyLine returns the 1-based line where key is set in a configuration or
// front-matter file (key: or key =), or 0.
func keyLine(src []byte, key string) int {
	for i, ln := range strings.Split(string(src), "\n") {
		t := strings.TrimLeft(ln, " \t\"'")
		if rest, ok := strings.CutPrefix(t, key); ok {
			rest = strings.TrimLeft(rest, " \t\"'")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "=") {
				return i + 1
			}
		}
	}
	return 0
}
