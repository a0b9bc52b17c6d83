// Package catalog is what a site holds of the association's publications:
// their settings ([params.publications] in the site configuration, ReadConfig)
// and the journal issues, white papers and newsletters found in its content
// with their front matter checked (Discover), and how they are cited.
package catalog

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/siteconfig"
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

// ReadConfig reads the publications' settings from the site's parsed
// configuration. Missing settings take the defaults; wrong ones are
// diagnostics.
func ReadConfig(c *siteconfig.Config) (Config, diag.List) {
	cfg := Config{
		JournalName:        "郑州市信息化促进会会刊",
		JournalPageSize:    "16K",
		WhitepaperPageSize: "A4",
		Notice:             "内部资料　免费交流",
	}
	if c.Err != nil {
		return cfg, diag.List{{File: c.File, Message: c.Err.Error()}}
	}
	file, dir := c.File, filepath.Dir(c.Path)
	str := func(m map[string]any, k string) string {
		if v, ok := m[k].(string); ok {
			return strings.TrimSpace(v)
		}
		return ""
	}
	cfg.Publisher = c.Title()
	cfg.BaseURL = c.BaseURL()
	ct := c.Table("params", "contact")
	cfg.Contact = Contact{Office: str(ct, "office"), Address: str(ct, "address"), Postcode: str(ct, "postcode"), Phone: str(ct, "phone"), Email: str(ct, "email")}
	p := c.Table("params", "publications")
	var l diag.List
	bad := func(key, msg string) {
		l = append(l, diag.Diagnostic{File: file, Line: c.Line("params", "publications", key), Message: "[params.publications] " + key + ": " + msg})
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
	if f, _ := p["fonts"].(map[string]any); f != nil {
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
