package membersheet

import (
	"io"
	"strings"
	"time"

	"github.com/zzia/press/internal/member"
)

// WriteVCards writes one vCard 3.0 (RFC 2426) per current representative
// of the members, and per individual member, for a phone's address book:
// name, unit, job title, mobile, the unit's phone, e-mail and address.
func WriteVCards(w io.Writer, ms []*member.Member, day time.Time) error {
	var b strings.Builder
	card := func(p *member.Person, org, title string, unit member.Contact) {
		if p == nil {
			return
		}
		b.WriteString("BEGIN:VCARD\r\nVERSION:3.0\r\n")
		line(&b, "FN", p.Name)
		line(&b, "N", esc(p.Name)+";;;;")
		if org != "" {
			line(&b, "ORG", esc(org))
		}
		if title != "" {
			line(&b, "TITLE", esc(title))
		}
		if p.Contact.Mobile != "" {
			line(&b, "TEL;TYPE=CELL", esc(p.Contact.Mobile))
		}
		for _, t := range []struct{ kind, v string }{{"WORK,VOICE", p.Contact.Phone}, {"WORK,VOICE", unit.Phone}, {"WORK,FAX", p.Contact.Fax}, {"WORK,FAX", unit.Fax}} {
			if t.v != "" {
				line(&b, "TEL;TYPE="+t.kind, esc(t.v))
			}
		}
		for _, e := range []string{p.Contact.Email, unit.Email} {
			if e != "" {
				line(&b, "EMAIL;TYPE=INTERNET", esc(e))
			}
		}
		addr := p.Contact.Address
		if addr == "" {
			addr = unit.Address
		}
		if addr != "" {
			line(&b, "ADR;TYPE=WORK", ";;"+esc(addr)+";;;;")
		}
		line(&b, "UID", "urn:press:"+p.ID)
		b.WriteString("END:VCARD\r\n")
	}
	seen := map[string]bool{}
	for _, m := range ms {
		if m.Individual() {
			if m.Person != nil && !seen[m.Person.ID] {
				seen[m.Person.ID] = true
				card(m.Person, "", "", member.Contact{})
			}
			continue
		}
		for _, r := range m.Representatives {
			if !r.CurrentOn(day) || r.Person == nil || seen[r.Person.ID] {
				continue
			}
			seen[r.Person.ID] = true
			card(r.Person, m.Name, r.Title, m.Contact)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// line writes a content line, folded at 75 octets without splitting a
// character (RFC 2426 §2.6).
func line(b *strings.Builder, name, value string) {
	s := name + ":" + value
	n := 0
	for _, r := range s {
		l := len(string(r))
		if n+l > 75 {
			b.WriteString("\r\n ")
			n = 1
		}
		b.WriteRune(r)
		n += l
	}
	b.WriteString("\r\n")
}

func esc(s string) string {
	return strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\n", `\n`).Replace(s)
}
