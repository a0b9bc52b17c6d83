package ical

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// A strict RFC 5545 checker for what this package writes: line ends,
// folding, content-line grammar (parameters as a list: a repeated one
// fails), component nesting, required and singular properties, value
// formats, TEXT escaping, and time zones (a TZID must name a VTIMEZONE of
// the calendar).

var (
	nameRe      = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	paramRe     = regexp.MustCompile(`^([A-Za-z0-9-]+)=("[^"\x00-\x08\x0a-\x1f\x7f]*"|[^";:,\x00-\x08\x0a-\x1f\x7f]*)$`)
	utcRe       = regexp.MustCompile(`^\d{8}T\d{6}Z$`)
	localRe     = regexp.MustCompile(`^\d{8}T\d{6}$`)
	offsetRe    = regexp.MustCompile(`^[+-]\d{4}$`)
	dateRe      = regexp.MustCompile(`^\d{8}$`)
	durationRe  = regexp.MustCompile(`^P(T\d+H)$`)
	textProps   = map[string]bool{"SUMMARY": true, "DESCRIPTION": true, "LOCATION": true, "CATEGORIES": true, "X-WR-CALNAME": true, "PRODID": true, "UID": true}
	eventSingle = []string{"UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION", "LOCATION", "SEQUENCE", "LAST-MODIFIED", "STATUS", "URL", "TRANSP", "CLASS", "CREATED"}
)

type prop struct {
	name   string
	params []param // in order, as written
	value  string
}

type param struct{ name, value string }

// param returns the value of the named parameter, "" if absent.
func (p prop) param(name string) string {
	for _, x := range p.params {
		if x.name == name {
			return x.value
		}
	}
	return ""
}

func (p prop) has(name string) bool {
	for _, x := range p.params {
		if x.name == name {
			return true
		}
	}
	return false
}

// checkStrict returns every violation found in a calendar file.
func checkStrict(b []byte) []string {
	var errs []string
	fail := func(format string, args ...any) { errs = append(errs, fmt.Sprintf(format, args...)) }
	if !utf8.Valid(b) {
		fail("not valid UTF-8")
	}
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		fail("does not end with CRLF")
	}
	raw := strings.Split(strings.TrimSuffix(string(b), "\r\n"), "\r\n")
	var logical []string
	for i, l := range raw {
		if strings.ContainsAny(l, "\r\n") {
			fail("line %d: bare CR or LF", i+1)
		}
		if len(l) > 75 {
			fail("line %d: %d octets, more than 75", i+1, len(l))
		}
		if !utf8.ValidString(l) {
			fail("line %d: a UTF-8 character is split by folding", i+1)
		}
		if l == "" {
			fail("line %d: empty", i+1)
			continue
		}
		if l[0] == ' ' || l[0] == '\t' {
			if len(logical) == 0 {
				fail("line %d: continuation with nothing before", i+1)
				continue
			}
			logical[len(logical)-1] += l[1:]
			continue
		}
		logical = append(logical, l)
	}
	var stack []string
	type comp struct {
		name  string
		props []prop
	}
	var current []*comp
	uids := map[string]bool{}
	zones := map[string]bool{}     // TZIDs of the VTIMEZONEs
	usedZones := map[string]bool{} // TZIDs of DTSTART and DTEND
	for i, l := range logical {
		p, err := parseLine(l)
		if err != "" {
			fail("content line %d %q: %s", i+1, l, err)
			continue
		}
		switch p.name {
		case "BEGIN":
			if len(stack) == 0 && p.value != "VCALENDAR" {
				fail("first component is %s", p.value)
			}
			stack = append(stack, p.value)
			current = append(current, &comp{name: p.value})
			continue
		case "END":
			if len(stack) == 0 || stack[len(stack)-1] != p.value {
				fail("END:%s does not close %v", p.value, stack)
				continue
			}
			c := current[len(current)-1]
			errs = append(errs, checkComponent(c.name, c.props, uids)...)
			for _, p := range c.props {
				switch {
				case c.name == "VTIMEZONE" && p.name == "TZID":
					zones[p.value] = true
				case (p.name == "DTSTART" || p.name == "DTEND") && p.has("TZID"):
					usedZones[p.param("TZID")] = true
				}
			}
			stack, current = stack[:len(stack)-1], current[:len(current)-1]
			continue
		}
		if len(current) == 0 {
			fail("property %s outside a component", p.name)
			continue
		}
		c := current[len(current)-1]
		c.props = append(c.props, p)
		errs = append(errs, checkValue(c.name, p)...)
	}
	if len(stack) != 0 {
		fail("unclosed components %v", stack)
	}
	for z := range usedZones {
		if !zones[z] {
			fail("TZID %s without its VTIMEZONE", z)
		}
	}
	return errs
}

// parseLine splits a content line: name *(";" param) ":" value.
func parseLine(l string) (prop, string) {
	p := prop{}
	// The name ends at the first ; or :.
	i := strings.IndexAny(l, ";:")
	if i <= 0 {
		return p, "no name"
	}
	p.name = l[:i]
	if !nameRe.MatchString(p.name) {
		return p, "bad name"
	}
	rest := l[i:]
	for strings.HasPrefix(rest, ";") {
		rest = rest[1:]
		// A parameter ends at ; or : outside quotes.
		end, quoted := -1, false
		for j, r := range rest {
			if r == '"' {
				quoted = !quoted
			}
			if !quoted && (r == ';' || r == ':') {
				end = j
				break
			}
		}
		if end < 0 {
			return p, "unterminated parameter"
		}
		m := paramRe.FindStringSubmatch(rest[:end])
		if m == nil {
			return p, fmt.Sprintf("bad parameter %q", rest[:end])
		}
		name := strings.ToUpper(m[1])
		if p.has(name) {
			return p, fmt.Sprintf("parameter %s repeated", name)
		}
		p.params = append(p.params, param{name, strings.Trim(m[2], `"`)})
		rest = rest[end:]
	}
	if !strings.HasPrefix(rest, ":") {
		return p, "no colon"
	}
	p.value = rest[1:]
	for _, r := range p.value {
		if (r < 0x20 && r != '\t') || r == 0x7f {
			return p, "control character in value"
		}
	}
	return p, ""
}

func checkValue(component string, p prop) []string {
	var errs []string
	fail := func(format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s: ", p.name)+fmt.Sprintf(format, args...))
	}
	switch p.name {
	case "DTSTAMP", "LAST-MODIFIED", "CREATED":
		if !utcRe.MatchString(p.value) {
			fail("%q is not a UTC date-time", p.value)
		}
	case "DTSTART", "DTEND":
		switch {
		case component == "STANDARD" || component == "DAYLIGHT":
			if !localRe.MatchString(p.value) || len(p.params) > 0 {
				fail("%q is not a local date-time", p.value)
			}
		case p.param("VALUE") == "DATE":
			if !dateRe.MatchString(p.value) {
				fail("%q is not a date", p.value)
			}
		case p.has("TZID"):
			if !localRe.MatchString(p.value) {
				fail("%q with a TZID is not a local date-time", p.value)
			}
		case !utcRe.MatchString(p.value):
			fail("%q is neither UTC, nor local with a TZID, nor a date", p.value)
		}
	case "TZOFFSETFROM", "TZOFFSETTO":
		if !offsetRe.MatchString(p.value) {
			fail("%q is not a UTC offset", p.value)
		}
	case "SEQUENCE":
		if !regexp.MustCompile(`^\d+$`).MatchString(p.value) {
			fail("%q is not a non-negative integer", p.value)
		}
	case "STATUS":
		if p.value != "TENTATIVE" && p.value != "CONFIRMED" && p.value != "CANCELLED" {
			fail("%q is not an event status", p.value)
		}
	case "REFRESH-INTERVAL":
		if p.param("VALUE") != "DURATION" || len(p.params) != 1 || !durationRe.MatchString(p.value) {
			fail("bad refresh interval %q %v", p.value, p.params)
		}
	case "URL":
		if !strings.HasPrefix(p.value, "https://") && !strings.HasPrefix(p.value, "http://") {
			fail("%q is not a URL", p.value)
		}
	}
	if textProps[p.name] {
		v := p.value
		for i := 0; i < len(v); i++ {
			switch v[i] {
			case '\\':
				if i+1 >= len(v) || !strings.ContainsRune(`\;,nN`, rune(v[i+1])) {
					fail("bad escape in %q", v)
				}
				i++
			case ';':
				fail("unescaped ; in %q", v)
			case ',':
				if p.name != "CATEGORIES" {
					fail("unescaped , in %q", v)
				}
			}
		}
	}
	return errs
}

func checkComponent(name string, props []prop, uids map[string]bool) []string {
	var errs []string
	count := map[string]int{}
	values := map[string]prop{}
	for _, p := range props {
		count[p.name]++
		values[p.name] = p
	}
	switch name {
	case "VTIMEZONE":
		if count["TZID"] != 1 {
			errs = append(errs, "VTIMEZONE: needs exactly one TZID")
		}
	case "STANDARD", "DAYLIGHT":
		for _, req := range []string{"DTSTART", "TZOFFSETFROM", "TZOFFSETTO"} {
			if count[req] != 1 {
				errs = append(errs, fmt.Sprintf("%s: %d %s, want 1", name, count[req], req))
			}
		}
	case "VCALENDAR":
		if count["VERSION"] != 1 || values["VERSION"].value != "2.0" {
			errs = append(errs, "VCALENDAR: needs exactly one VERSION:2.0")
		}
		if count["PRODID"] != 1 {
			errs = append(errs, "VCALENDAR: needs exactly one PRODID")
		}
	case "VEVENT":
		for _, req := range []string{"UID", "DTSTAMP", "DTSTART"} {
			if count[req] != 1 {
				errs = append(errs, fmt.Sprintf("VEVENT: %d %s, want 1", count[req], req))
			}
		}
		for _, s := range eventSingle {
			if count[s] > 1 {
				errs = append(errs, fmt.Sprintf("VEVENT: %s repeated", s))
			}
		}
		uid := values["UID"].value
		if uids[uid] {
			errs = append(errs, "VEVENT: duplicate UID "+uid)
		}
		uids[uid] = true
		start, end := values["DTSTART"], values["DTEND"]
		if count["DTEND"] == 1 {
			if start.param("VALUE") != end.param("VALUE") || start.param("TZID") != end.param("TZID") {
				errs = append(errs, "VEVENT: DTSTART and DTEND of different types")
			}
			if end.value <= start.value {
				errs = append(errs, fmt.Sprintf("VEVENT %s: DTEND %s not after DTSTART %s", uid, end.value, start.value))
			}
		}
	}
	return errs
}

// The checker itself fails what it should: a repeated parameter, a TZID
// with no VTIMEZONE, a local time without one.
func TestStrictCheckerFails(t *testing.T) {
	good := strings.Join([]string{"BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:x", "REFRESH-INTERVAL;VALUE=DURATION:PT12H",
		"BEGIN:VTIMEZONE", "TZID:Asia/Shanghai", "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0800", "TZOFFSETTO:+0800",
		"END:STANDARD", "END:VTIMEZONE", "BEGIN:VEVENT", "UID:a@x", "DTSTAMP:20260101T000000Z",
		"DTSTART;TZID=Asia/Shanghai:20260102T140000", "DTEND;TZID=Asia/Shanghai:20260102T170000", "END:VEVENT", "END:VCALENDAR", ""}, "\r\n")
	if errs := checkStrict([]byte(good)); len(errs) != 0 {
		t.Fatalf("a good calendar fails: %v", errs)
	}
	for name, bad := range map[string]string{
		"repeated parameter": strings.Replace(good, "REFRESH-INTERVAL;VALUE=DURATION", "REFRESH-INTERVAL;VALUE=DURATION;VALUE=DURATION", 1),
		"unknown zone":       strings.ReplaceAll(good, "TZID=Asia/Shanghai", "TZID=Asia/Tokyo"),
		"local time":         strings.Replace(good, "DTSTART;TZID=Asia/Shanghai:20260102T140000", "DTSTART:20260102T140000", 1),
		"no offsets":         strings.Replace(good, "TZOFFSETTO:+0800\r\n", "", 1),
	} {
		if errs := checkStrict([]byte(bad)); len(errs) == 0 {
			t.Errorf("%s: no error", name)
		}
	}
}
