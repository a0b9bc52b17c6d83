// Package facts checks the association's public facts in the site
// configuration: the secretariat's address, postcode, phone, e-mail, office
// hours and the site's ICP number, kept together in the [params.contact]
// block of hugo.toml. Until the secretariat fills one in, the site shows
// 待公布 in its place (the ICP number and its link are left out), and
// Pending reports it so that `press check` says what is still missing.
package facts

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/siteconfig"
)

// Block is the configuration table that holds the facts.
const Block = "params.contact"

// Fact is one public fact of the association.
type Fact struct {
	Key   string // its key in [params.contact]
	Label string // what the site calls it
	// valid reports whether a filled-in value looks real; nil accepts any.
	valid func(string) bool
	hint  string // an example of a real value
}

// Facts are the facts the site shows, in the order of the contact page.
var Facts = []Fact{
	{"address", "通信地址", nil, "河南省郑州市××区××路××号"},
	{"postcode", "邮编", regexp.MustCompile(`^[1-9][0-9]{5}$`).MatchString, "450000"},
	{"phone", "电话", phone, "0371-12345678"},
	{"email", "电子邮箱", email, "office@协会的域名"},
	{"hours", "办公时间", nil, "工作日 9:00—12:00，14:00—17:30"},
	{"icp", "ICP 备案号", RealICP, "豫ICP备12345678号-1"},
}

var icpRE = regexp.MustCompile(`^\p{Han}ICP备([0-9]{6,10})号(-[0-9]+)?$`)

// RealICP reports whether s is an ICP number as the MIIT issues them
// (豫ICP备12345678号-1), not a run of zeros. The footer links only such a
// number; layouts/_partials/footer.html applies the same rule.
func RealICP(s string) bool {
	m := icpRE.FindStringSubmatch(s)
	return m != nil && strings.Trim(m[1], "0") != ""
}

var phoneRE = regexp.MustCompile(`^[0-9][0-9 ()（）\-—–、，,]*[0-9]$`)

func phone(s string) bool {
	return phoneRE.MatchString(s) && !strings.Contains(strings.ReplaceAll(s, " ", ""), "00000000")
}

var (
	emailRE   = regexp.MustCompile(`^[^@\s，]+@[^@\s，]+\.[^@\s，]+$`)
	exampleRE = regexp.MustCompile(`(?i)@(.+\.)?example(\.(com|org|net))?$`) // RFC 2606: examples, not addresses
)

func email(s string) bool { return emailRE.MatchString(s) && !exampleRE.MatchString(s) }

// placeholder reports whether a filled-in value still says it is pending.
func placeholder(s string) bool {
	return strings.Contains(s, "待") || strings.Contains(s, "××") || strings.Contains(s, "xxxx")
}

// Pending reads the site's configuration and returns a warning for each
// fact that is missing, empty, still a placeholder, or does not look real
// (an ICP number of zeros, an example.org address), with the line to edit.
// A site without a [params.contact] block shows no contact details and
// gets no warnings; a broken configuration is the site build's to report.
// The warnings are in language lang.
func Pending(lang msg.Lang, c *siteconfig.Config) diag.List {
	if c.Err != nil {
		return nil
	}
	contact := c.Table("params", "contact")
	if contact == nil {
		return nil
	}
	name := c.File
	header := c.Line("params", "contact")
	var l diag.List
	for _, f := range Facts {
		v, _ := contact[f.Key].(string)
		v = strings.TrimSpace(v)
		line := c.Line("params", "contact", f.Key)
		if line == 0 {
			line = header
		}
		d := diag.Diagnostic{File: name, Line: line, Severity: diag.Warning}
		shown := lang.T("facts.shown")
		if f.Key == "icp" {
			shown = lang.T("facts.icp.hidden")
		}
		switch {
		case v == "" || placeholder(v):
			d.Message = lang.T("facts.pending", Block, f.Key, f.Label, shown)
		case f.valid != nil && !f.valid(v):
			d.Message = lang.T("facts.unreal", Block, f.Key, f.Label, v, shown)
		default:
			continue
		}
		d.Hint = lang.T("facts.hint", fmt.Sprintf("%s = %q", f.Key, f.hint))
		l = append(l, d)
	}
	return l
}
