package pipeline

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"html"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
)

// The privacy scan: every build reads back everything it is about to
// publish (pages, feeds, JSON, CSV, calendars, the search index, the text
// of PDFs) and looks for the private values of the member data it loaded:
// phone, mobile and fax numbers, e-mail addresses, postal addresses, the
// secretariat's notes and fee notes, of member units and of people. One
// found stops the build, naming the file, what was found and whose it is
// (never the value itself: build logs may be public).
//
// Values are looked for as written and in the forms a page may give them:
// HTML entities and JSON or iCalendar escapes undone, iCalendar lines
// unfolded, phone numbers as bare digits. Values too short to be told
// from ordinary text are left out: numbers of fewer than 7 digits, text of
// fewer than 8 characters.

// secret is one private value and whose it is.
type secret struct {
	what  string // the field, in the user's language
	owner string // member or person id
}

// secrets are the private values of one build's member data.
type secrets struct {
	list    []secret
	matcher *matcher
	lang    msg.Lang          // the language of the diagnostics
	key     [sha256.Size]byte // of the values looked for: equal keys find the same
	inputs  [sha256.Size]byte // of the values with their kinds and owners, and lang (collectSecrets)
}

const (
	minDigits   = 7
	minTextRune = 8
)

// collectSecrets gathers the private values of ds; nil when there are none.
// When the values and their owners are those prev (nil, or the secrets of
// an earlier load) was made from, it is prev itself: the preview's edits
// seldom change them. Otherwise the matcher of prev, which depends on the
// values alone, is used again when the values are the same: building it
// for a large membership allocated more than anything else in the derive
// stage.
func collectSecrets(lang msg.Lang, ds *member.Dataset, prev *secrets) *secrets {
	if ds == nil {
		return nil
	}
	// What the secrets are made from, as a digest: every value given to
	// add below, with its kind and owner.
	// Hashed as they come: the values of 5,000 members are megabytes.
	fp := sha256.New()
	buf := binary.AppendUvarint(nil, uint64(lang))
	fp.Write(buf)
	buf = buf[:0]
	privateValues(ds, func(what, owner, v string) {
		for _, s := range [...]string{what, owner, v} {
			buf = binary.AppendUvarint(buf, uint64(len(s)))
			buf = append(buf, s...)
		}
		fp.Write(buf)
		buf = buf[:0]
	})
	var inputs [sha256.Size]byte
	fp.Sum(inputs[:0])
	if prev != nil && prev.inputs == inputs {
		return prev
	}
	byPattern := map[string]secret{}
	privateValues(ds, func(what, owner, v string) {
		v = strings.TrimSpace(v)
		if v == "" {
			return
		}
		s := secret{lang.T("privacy." + what), owner}
		switch what {
		case "phone", "mobile", "fax":
			digits := strings.Map(func(r rune) rune {
				if r >= '0' && r <= '9' {
					return r
				}
				return -1
			}, v)
			if len(digits) < minDigits {
				return
			}
			byPattern[digits] = s
			byPattern[v] = s
		case "email":
			if strings.Contains(v, "@") {
				byPattern[v] = s
				byPattern[strings.ToLower(v)] = s
			}
		default:
			for _, line := range strings.Split(v, "\n") {
				line = strings.TrimSpace(line)
				if utf8.RuneCountInString(line) >= minTextRune {
					byPattern[line] = s
				}
			}
		}
	})
	if len(byPattern) == 0 {
		return nil
	}
	patterns := make([]string, 0, len(byPattern))
	for p := range byPattern {
		patterns = append(patterns, p)
	}
	sort.Strings(patterns)
	s := &secrets{list: make([]secret, len(patterns)), lang: lang}
	for i, p := range patterns {
		s.list[i] = byPattern[p]
	}
	h := sha256.New()
	for _, p := range patterns {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	h.Sum(s.key[:0])
	s.inputs = inputs
	if prev != nil && prev.key == s.key && prev.matcher != nil {
		s.matcher = prev.matcher
	} else {
		s.matcher = newMatcher(patterns)
	}
	return s
}

// privateValues calls add with each private value of ds (what it is, as
// a privacy.* message key, the member or person it belongs to, and the
// value as written), in the order of ds.
func privateValues(ds *member.Dataset, add func(what, owner, v string)) {
	contact := func(owner string, c member.Contact) {
		add("phone", owner, c.Phone)
		add("mobile", owner, c.Mobile)
		add("fax", owner, c.Fax)
		add("email", owner, c.Email)
		add("address", owner, c.Address)
	}
	for _, m := range ds.Members {
		contact(m.ID, m.Contact)
		add("notes", m.ID, m.Notes)
		for _, a := range m.Assessments {
			add("notes", m.ID, a.Note)
		}
		for _, f := range m.Fees {
			add("feenote", m.ID, f.Note)
			add("receipt", m.ID, f.Receipt)
			add("receipt", m.ID, f.Invoice)
		}
		for _, r := range m.Representatives {
			if r.Person == nil {
				contact(m.ID, r.Contact)
			}
		}
	}
	for _, p := range ds.People {
		contact(p.ID, p.Contact)
		add("notes", p.ID, p.Notes)
	}
}

// cleanFiles remembers the contents a privacy scan found clean, by their
// SHA-256, for one set of private values (secrets.key). The scan is a
// function of a file's bytes and the values: bytes found clean before are
// clean again, so the preview reads every file a rebuild wrote but scans
// only those whose bytes it has not seen (Hugo writes again many pages an
// edit leaves unchanged, and reading the text of a PDF is slow).
type cleanFiles struct {
	mu   sync.Mutex
	key  [sha256.Size]byte
	sums map[[sha256.Size]byte]bool
	// current, when set, records the contents of the files scanned
	// since (found clean, or seen clean before): what save keeps.
	current map[[sha256.Size]byte]bool
}

// newCleanFiles returns an empty cache.
func newCleanFiles() *cleanFiles { return &cleanFiles{} }

// use makes the cache the one of s: emptied when the values changed.
func (c *cleanFiles) use(s *secrets) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sums == nil || c.key != s.key || len(c.sums) > 1<<20 {
		c.key = s.key
		c.sums = map[[sha256.Size]byte]bool{}
	}
}

func (c *cleanFiles) seen(sum [sha256.Size]byte) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sums[sum] && c.current != nil {
		c.current[sum] = true
	}
	return c.sums[sum]
}

func (c *cleanFiles) add(sum [sha256.Size]byte) {
	c.mu.Lock()
	c.sums[sum] = true
	if c.current != nil {
		c.current[sum] = true
	}
	c.mu.Unlock()
}

// A build keeps the verdicts of its privacy scan in its cache folder, so
// that the next build scans only the files whose bytes it has not found
// clean (the PDFs, whose text is slow to read, mostly come from the PDF
// cache unchanged). The file holds the key of the private values and the
// SHA-256 of each clean file of the last build; another key, or a file
// that cannot be read, is an empty cache. Every file of the output is
// still read and hashed.

// cleanFilesPath is the file of the build's clean verdicts in cacheDir.
func cleanFilesPath(cacheDir string) string {
	return filepath.Join(cacheDir, "privacy", "clean")
}

// loadCleanFiles returns the verdicts kept at path under key (the private
// values' for the privacy scan), recording the files scanned from now on
// for save.
func loadCleanFiles(path string, key [sha256.Size]byte) *cleanFiles {
	c := &cleanFiles{key: key, sums: map[[sha256.Size]byte]bool{}, current: map[[sha256.Size]byte]bool{}}
	b, err := os.ReadFile(path)
	if err != nil || len(b)%sha256.Size != 0 || len(b) < sha256.Size || !bytes.Equal(b[:sha256.Size], key[:]) {
		return c
	}
	for b = b[sha256.Size:]; len(b) > 0; b = b[sha256.Size:] {
		c.sums[[sha256.Size]byte(b[:sha256.Size])] = true
	}
	return c
}

// save writes the key and the clean contents scanned since loadCleanFiles
// to path; a cache that cannot be written is only slower.
func (c *cleanFiles) save(path string) {
	c.mu.Lock()
	sums := make([][sha256.Size]byte, 0, len(c.current))
	for s := range c.current {
		sums = append(sums, s)
	}
	key := c.key
	c.mu.Unlock()
	sort.Slice(sums, func(i, j int) bool { return bytes.Compare(sums[i][:], sums[j][:]) < 0 })
	b := make([]byte, 0, (len(sums)+1)*sha256.Size)
	b = append(b, key[:]...)
	for _, s := range sums {
		b = append(b, s[:]...)
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, b) {
		return
	}
	if os.MkdirAll(filepath.Dir(path), 0o700) == nil {
		atomicfile.Write(path, b, 0o600)
	}
}

// check scans every file of out and returns an *Error naming each file
// that holds a private value, or nil.
func (s *secrets) check(out fs.FS) error { return s.checkCached(out, nil) }

// checkCached is check skipping the contents cache found clean before
// (every file is still read); cache may be nil.
func (s *secrets) checkCached(out fs.FS, cache *cleanFiles) error {
	if s == nil || out == nil {
		return nil
	}
	var names []string
	err := fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && !skipScan[strings.ToLower(path.Ext(p))] {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.checkFilesCached(out, names, cache)
}

// checkFiles is check for the files names of out only.
func (s *secrets) checkFiles(out fs.FS, names []string) error {
	return s.checkFilesCached(out, names, nil)
}

// checkFilesCached is checkFiles with a cache of clean contents (may be nil).
func (s *secrets) checkFilesCached(out fs.FS, names []string, cache *cleanFiles) error {
	if s == nil || out == nil {
		return nil
	}
	if cache != nil {
		cache.use(s)
	}
	found := make([]diag.List, len(names))
	errs := make([]error, len(names))
	parallel(runtime.GOMAXPROCS(0), len(names), func(i int) {
		b, err := fs.ReadFile(out, names[i])
		if err != nil {
			errs[i] = err
			return
		}
		if cache == nil {
			found[i] = s.scanFile(names[i], b)
			return
		}
		sum := scanSum(names[i], b)
		if cache.seen(sum) {
			return
		}
		found[i] = s.scanFile(names[i], b)
		if len(found[i]) == 0 {
			cache.add(sum)
		}
	})
	var l diag.List
	for i := range names {
		if errs[i] != nil {
			return errs[i]
		}
		l = append(l, found[i]...)
	}
	if len(l) == 0 {
		return nil
	}
	return &Error{Diagnostics: l}
}

// scanSum is what the clean-contents cache knows a file by: the SHA-256 of
// its bytes and of how scanFile reads them (a PDF's text, a calendar's
// folded lines, or plain text), so the same bytes under another kind of
// name are scanned again.
func scanSum(name string, b []byte) [sha256.Size]byte {
	kind := "text"
	switch ext := strings.ToLower(path.Ext(name)); ext {
	case ".pdf", ".ics":
		kind = ext
	}
	h := sha256.New()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write(b)
	return [sha256.Size]byte(h.Sum(nil))
}

// skipScan are the kinds of file that cannot hold text: images, fonts,
// archives.
var skipScan = map[string]bool{".png": true, ".jpg": true, ".jpeg": true, ".gif": true, ".webp": true, ".avif": true,
	".ico": true, ".woff": true, ".woff2": true, ".ttf": true, ".otf": true, ".gz": true, ".zip": true, ".br": true}

// scanFile looks for the secrets in one file, in each of its views.
func (s *secrets) scanFile(name string, b []byte) diag.List {
	seen := map[int]bool{}
	var l diag.List
	report := func(view []byte, raw bool) {
		s.matcher.find(view, func(id, end int) {
			if seen[id] {
				return
			}
			seen[id] = true
			d := diag.Diagnostic{File: name, Message: s.lang.T("privacy.leak", s.list[id].what, s.list[id].owner),
				Hint: s.lang.T("privacy.hint")}
			if raw {
				d.Line = bytes.Count(view[:end], []byte("\n")) + 1
			}
			l = append(l, d)
		})
	}
	var text []byte
	if strings.EqualFold(path.Ext(name), ".pdf") {
		text = pdfText(b)
	} else {
		report(b, true)
		text = unescape(b, strings.EqualFold(path.Ext(name), ".ics"))
	}
	if text != nil {
		report(text, false)
	}
	if base := text; base != nil || !strings.EqualFold(path.Ext(name), ".pdf") {
		if base == nil {
			base = b
		}
		if d := digitsOnly(base); d != nil {
			report(d, false)
		}
	}
	return l
}

// unescape returns the text of a page or feed as a reader would see it:
// iCalendar lines unfolded, tags removed, HTML entities and JSON and
// iCalendar backslash escapes undone. nil when that is the file as it is.
// It reads every byte of every page: written by hand, not with regexps.
func unescape(b []byte, ics bool) []byte {
	out := b
	if ics {
		out = bytes.ReplaceAll(bytes.ReplaceAll(out, []byte("\r\n "), nil), []byte("\r\n\t"), nil)
	}
	if bytes.IndexByte(out, '<') >= 0 {
		out = stripTags(out)
	}
	if bytes.IndexByte(out, '\\') >= 0 {
		out = unbackslash(out)
	}
	if bytes.IndexByte(out, '&') >= 0 {
		out = []byte(html.UnescapeString(string(out)))
	}
	if len(out) == len(b) && bytes.Equal(out, b) {
		return nil
	}
	return out
}

// stripTags removes <…> tags of up to 1,000 bytes.
func stripTags(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); {
		j := bytes.IndexByte(b[i:], '<')
		if j < 0 {
			out = append(out, b[i:]...)
			break
		}
		out = append(out, b[i:i+j]...)
		i += j
		end := bytes.IndexByte(b[i+1:min(len(b), i+1001)], '>')
		if end < 0 || bytes.IndexByte(b[i+1:i+1+end], '<') >= 0 {
			out = append(out, '<')
			i++
			continue
		}
		i += end + 2
	}
	return out
}

// unbackslash undoes JSON's and iCalendar's escapes: \uXXXX, \n, \", \\,
// \/, \, and \;.
func unbackslash(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			out = append(out, c)
			continue
		}
		e := b[i+1]
		switch e {
		case 'u':
			if i+6 <= len(b) {
				if n, err := strconv.ParseUint(string(b[i+2:i+6]), 16, 32); err == nil {
					out = utf8.AppendRune(out, rune(n))
					i += 5
					continue
				}
			}
			out = append(out, c)
		case 'n', 'N':
			out = append(out, '\n')
			i++
		case 't':
			out = append(out, '\t')
			i++
		case 'b', 'f', 'r':
			i++
		case '"', '\\', '/', ',', ';':
			out = append(out, e)
			i++
		default:
			out = append(out, c)
		}
	}
	return out
}

// digitsOnly removes what separates digits (- . space and the like), so
// that 0371 5555 0001 is found as 037155550001; nil when nothing changes.
func digitsOnly(b []byte) []byte {
	out := make([]byte, 0, len(b))
	changed := false
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if (r == '-' || r == '.' || r == ' ' || r == '(' || r == ')' || r == '\u00a0' || r == '\u3000' || r == '－') &&
			len(out) > 0 && out[len(out)-1] >= '0' && out[len(out)-1] <= '9' {
			// A separator after a digit: drop it when a digit follows
			// (after more separators).
			j := i + size
			for j < len(b) && strings.ContainsRune("-. ()\u00a0\u3000－", rune(b[j])) {
				j++
			}
			if j < len(b) && b[j] >= '0' && b[j] <= '9' {
				i = j
				changed = true
				continue
			}
		}
		out = append(out, b[i:i+size]...)
		i += size
	}
	if !changed {
		return nil
	}
	return out
}

var (
	streamRe  = regexp.MustCompile(`(?:>>|[\r\n ])stream\r?\n`) // not the end of "endstream"
	hexRe     = regexp.MustCompile(`<([0-9A-Fa-f\s]{4,})>`)
	objRe     = regexp.MustCompile(`(?m)(?:^|[\r\n ])(\d+) 0 obj\b`)
	refRe     = regexp.MustCompile(`/([^\s/<>\[\]()]+)\s+(\d+)\s+0\s+R`)
	toUniRe   = regexp.MustCompile(`/ToUnicode\s+(\d+)\s+0\s+R`)
	contentRe = regexp.MustCompile(`/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)`)
	numRefRe  = regexp.MustCompile(`(\d+)\s+0\s+R`)
	bfcharRe  = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>`)
	bfrangeRe = regexp.MustCompile(`<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])`)
)

// pdfObject is one object of a PDF: its dictionary and its stream,
// inflated.
type pdfObject struct {
	dict, stream []byte
}

// pdfText returns the text a PDF press wrote shows. The content streams
// of its pages are read with the fonts they select (Tf) and each font's
// ToUnicode map, so that glyph codes come back as the characters they
// draw; strings of a font without a map are read as UTF-16 and as bytes.
// The strings of the objects' dictionaries (metadata, the alternative
// texts of a tagged PDF) and the XML metadata are read too. Runs are joined
// without separators, so that a value broken over two lines, or set in two
// faces (Han and Latin), is still found.
func pdfText(b []byte) []byte {
	objs := map[int]pdfObject{}
	for _, m := range objRe.FindAllSubmatchIndex(b, -1) {
		n, _ := strconv.Atoi(string(b[m[2]:m[3]]))
		body := b[m[1]:]
		if e := bytes.Index(body, []byte("endobj")); e >= 0 {
			body = body[:e]
		}
		o := pdfObject{dict: body}
		if si := streamRe.FindIndex(body); si != nil {
			o.dict = body[:si[0]+2]
			data := body[si[1]:]
			if e := bytes.LastIndex(data, []byte("endstream")); e >= 0 {
				data = data[:e]
			}
			if bytes.Contains(o.dict, []byte("/FlateDecode")) {
				if r, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
					if inflated, err := io.ReadAll(io.LimitReader(r, 64<<20)); err == nil {
						data = inflated
					}
				}
			}
			o.stream = data
		}
		objs[n] = o
	}
	cmaps := map[int]map[string]string{} // font object → code → text
	cmapOf := func(font int) map[string]string {
		if c, ok := cmaps[font]; ok {
			return c
		}
		var c map[string]string
		if m := toUniRe.FindSubmatch(objs[font].dict); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			c = parseCMap(objs[n].stream)
		}
		cmaps[font] = c
		return c
	}
	var text, narrow bytes.Buffer
	// Pages, in the order of their objects (press writes them in order).
	var pages []int
	for n, o := range objs {
		if bytes.Contains(o.dict, []byte("/Type /Page")) && !bytes.Contains(o.dict, []byte("/Type /Pages")) {
			pages = append(pages, n)
		}
	}
	sort.Ints(pages)
	for _, n := range pages {
		fonts := pageFonts(objs, objs[n].dict)
		m := contentRe.FindSubmatch(objs[n].dict)
		if m == nil {
			continue
		}
		for _, r := range numRefRe.FindAllSubmatch(m[1], -1) {
			c, _ := strconv.Atoi(string(r[1]))
			showText(objs[c].stream, fonts, cmapOf, &text, &narrow)
		}
	}
	// Everything else that can hold text: dictionaries' strings and XML.
	emit := func(raw []byte) {
		narrow.Write(raw)
		text.WriteString(utf16Text(raw))
	}
	for _, n := range slices.Sorted(maps.Keys(objs)) {
		o := objs[n]
		literals(o.dict, emit)
		if bytes.Contains(o.dict, []byte("/XML")) {
			text.Write(o.stream)
		}
	}
	text.WriteString("\n\n")
	text.Write(narrow.Bytes())
	return text.Bytes()
}

// pageFonts maps a page's font resource names (/F1) to font objects.
func pageFonts(objs map[int]pdfObject, page []byte) map[string]int {
	res := page
	if i := bytes.Index(page, []byte("/Resources")); i >= 0 {
		rest := bytes.TrimLeft(page[i+len("/Resources"):], " \r\n")
		if m := numRefRe.FindSubmatchIndex(rest); m != nil && m[0] == 0 {
			n, _ := strconv.Atoi(string(rest[m[2]:m[3]]))
			res = objs[n].dict
		} else {
			res = rest
		}
	}
	fonts := map[string]int{}
	i := bytes.Index(res, []byte("/Font"))
	if i < 0 {
		return fonts
	}
	rest := bytes.TrimLeft(res[i+len("/Font"):], " \r\n")
	if m := numRefRe.FindSubmatchIndex(rest); m != nil && m[0] == 0 {
		n, _ := strconv.Atoi(string(rest[m[2]:m[3]]))
		rest = objs[n].dict
	} else if e := bytes.Index(rest, []byte(">>")); e >= 0 {
		rest = rest[:e]
	}
	for _, m := range refRe.FindAllSubmatch(rest, -1) {
		n, _ := strconv.Atoi(string(m[2]))
		fonts[string(m[1])] = n
	}
	return fonts
}

// parseCMap reads the bfchar and bfrange entries of a ToUnicode map.
func parseCMap(src []byte) map[string]string {
	c := map[string]string{}
	unicode := func(hexText string) string {
		raw := hexBytes([]byte(hexText))
		return utf16Text(append([]byte{0xFE, 0xFF}, raw...))
	}
	for _, sec := range sections(src, "beginbfchar", "endbfchar") {
		for _, m := range bfcharRe.FindAllSubmatch(sec, -1) {
			c[strings.ToUpper(string(m[1]))] = unicode(string(m[2]))
		}
	}
	for _, sec := range sections(src, "beginbfrange", "endbfrange") {
		for _, m := range bfrangeRe.FindAllSubmatch(sec, -1) {
			lo, err1 := strconv.ParseUint(string(m[1]), 16, 32)
			hi, err2 := strconv.ParseUint(string(m[2]), 16, 32)
			if err1 != nil || err2 != nil || hi < lo || hi-lo > 0xFFFF {
				continue
			}
			width := len(m[1])
			dst := m[3]
			if dst[0] == '[' {
				list := hexRe.FindAllSubmatch(dst, -1)
				for k := 0; k < len(list) && uint64(k) <= hi-lo; k++ {
					c[fmt.Sprintf("%0*X", width, lo+uint64(k))] = unicode(string(list[k][1]))
				}
				continue
			}
			base := []rune(unicode(string(dst[1 : len(dst)-1])))
			if len(base) == 0 {
				continue
			}
			for k := uint64(0); k <= hi-lo; k++ {
				r := append([]rune{}, base...)
				r[len(r)-1] += rune(k)
				c[fmt.Sprintf("%0*X", width, lo+k)] = string(r)
			}
		}
	}
	return c
}

// sections returns the parts of src between the begin and end keywords.
func sections(src []byte, begin, end string) [][]byte {
	var out [][]byte
	for {
		i := bytes.Index(src, []byte(begin))
		if i < 0 {
			return out
		}
		src = src[i+len(begin):]
		j := bytes.Index(src, []byte(end))
		if j < 0 {
			return append(out, src)
		}
		out = append(out, src[:j])
		src = src[j:]
	}
}

// showText appends the text a content stream shows: its strings, read with
// the font selected by the last Tf before them.
func showText(content []byte, fonts map[string]int, cmapOf func(int) map[string]string, text, narrow *bytes.Buffer) {
	var cmap map[string]string
	width := 4 // hex digits a code, as Identity-H writes them
	var lastName []byte
	emit := func(raw []byte) {
		narrow.Write(raw)
		if cmap == nil {
			text.WriteString(utf16Text(raw))
			return
		}
		h := strings.ToUpper(fmt.Sprintf("%x", raw))
		for i := 0; i+width <= len(h); i += width {
			text.WriteString(cmap[h[i:i+width]])
		}
	}
	for i := 0; i < len(content); i++ {
		switch c := content[i]; {
		case c == '/':
			j := i + 1
			for j < len(content) && !strings.ContainsRune(" \r\n\t/<>[]()", rune(content[j])) {
				j++
			}
			lastName = content[i+1 : j]
			i = j - 1
		case c == 'T' && i+1 < len(content) && content[i+1] == 'f' && lastName != nil:
			if n, ok := fonts[string(lastName)]; ok {
				cmap = cmapOf(n)
				width = 4
				for k := range cmap {
					width = len(k)
					break
				}
			} else {
				cmap = nil
			}
			i++
		case c == '<' && i+1 < len(content) && content[i+1] == '<':
			i++ // a dictionary, not a string
		case c == '<':
			j := bytes.IndexByte(content[i:], '>')
			if j < 0 {
				return
			}
			emit(hexBytes(content[i+1 : i+j]))
			i += j
		case c == '(':
			j := literals(content[i:], emit, true)
			i += j - 1
		}
	}
}

// hexBytes decodes hexadecimal digits, spaces ignored.
func hexBytes(h []byte) []byte {
	h = bytes.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, h)
	out := make([]byte, 0, len(h)/2)
	for i := 0; i+2 <= len(h); i += 2 {
		n, _ := strconv.ParseUint(string(h[i:i+2]), 16, 8)
		out = append(out, byte(n))
	}
	return out
}

// utf16Text reads raw as UTF-16 (big-endian, with or without a byte order
// mark).
func utf16Text(raw []byte) string {
	raw = bytes.TrimPrefix(raw, []byte{0xFE, 0xFF})
	units := make([]uint16, 0, len(raw)/2)
	for k := 0; k+1 < len(raw); k += 2 {
		units = append(units, uint16(raw[k])<<8|uint16(raw[k+1]))
	}
	return string(utf16.Decode(units))
}

// literals calls emit with each PDF literal string (…) of s, escapes
// undone; with one, only the string s starts with, returning its length.
func literals(s []byte, emit func([]byte), one ...bool) int {
	for i := 0; i < len(s); i++ {
		if s[i] != '(' || (i > 0 && s[i-1] == '\\') {
			continue
		}
		var lit []byte
		depth := 1
		j := i + 1
		for ; j < len(s) && depth > 0; j++ {
			c := s[j]
			switch {
			case c == '\\' && j+1 < len(s):
				j++
				switch e := s[j]; e {
				case 'n':
					lit = append(lit, '\n')
				case 'r':
					lit = append(lit, '\r')
				case 't':
					lit = append(lit, '\t')
				case 'b':
					lit = append(lit, '\b')
				case 'f':
					lit = append(lit, '\f')
				default:
					if e >= '0' && e <= '7' {
						k := j
						for k < len(s) && k < j+3 && s[k] >= '0' && s[k] <= '7' {
							k++
						}
						n, _ := strconv.ParseUint(string(s[j:k]), 8, 8)
						lit = append(lit, byte(n))
						j = k - 1
					} else {
						lit = append(lit, e)
					}
				}
				continue
			case c == '(':
				depth++
			case c == ')':
				depth--
				if depth == 0 {
					continue
				}
			}
			lit = append(lit, c)
		}
		emit(lit)
		if len(one) > 0 {
			return j
		}
		i = j - 1
	}
	return len(s)
}

// parallel calls f(0) … f(n-1) on at most workers goroutines.
func parallel(workers, n int, f func(int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, max(n, 1)) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// matcher finds many patterns at once (Aho–Corasick). The trie is kept in
// flat arrays, the edges of each state sorted and contiguous, so that tens
// of thousands of values take a few megabytes, where the libraries at hand
// build a table of 256 entries per state.
type matcher struct {
	first   []int32 // edges of state s: label/next[first[s]:first[s+1]]
	label   []byte
	next    []int32
	fail    []int32
	out     []int32 // pattern ending at the state, or -1
	outLink []int32 // the nearest state on the fail chain with an output, or -1
	length  []int32 // of each pattern
	root    [256]int32
}

// newMatcher builds the automaton of the sorted, distinct patterns.
func newMatcher(patterns []string) *matcher {
	m := &matcher{first: []int32{}, length: make([]int32, len(patterns))}
	for i, p := range patterns {
		m.length[i] = int32(len(p))
	}
	// Build the trie breadth first from the sorted patterns: a node covers
	// the patterns [lo, hi) sharing its first depth bytes.
	type node struct{ lo, hi, depth int }
	nodes := []node{{0, len(patterns), 0}}
	parent := []int32{-1}
	via := []byte{0}
	for s := 0; s < len(nodes); s++ {
		n := nodes[s]
		m.first = append(m.first, int32(len(m.label)))
		out := int32(-1)
		lo := n.lo
		for lo < n.hi && len(patterns[lo]) == n.depth {
			out = int32(lo)
			lo++
		}
		m.out = append(m.out, out)
		for lo < n.hi {
			c := patterns[lo][n.depth]
			hi := lo
			for hi < n.hi && patterns[hi][n.depth] == c {
				hi++
			}
			m.label = append(m.label, c)
			m.next = append(m.next, int32(len(nodes)))
			nodes = append(nodes, node{lo, hi, n.depth + 1})
			parent = append(parent, int32(s))
			via = append(via, c)
			lo = hi
		}
	}
	m.first = append(m.first, int32(len(m.label)))
	for i := range m.root {
		m.root[i] = 0
	}
	for e := m.first[0]; e < m.first[1]; e++ {
		m.root[m.label[e]] = m.next[e]
	}
	// Failure links, in breadth-first order (states are numbered so).
	m.fail = make([]int32, len(nodes))
	m.outLink = make([]int32, len(nodes))
	m.outLink[0] = -1
	for s := 1; s < len(nodes); s++ {
		p := parent[s]
		if p == 0 {
			m.fail[s] = 0
		} else {
			m.fail[s] = m.step(m.fail[p], via[s])
		}
		f := m.fail[s]
		if m.out[f] >= 0 {
			m.outLink[s] = f
		} else {
			m.outLink[s] = m.outLink[f]
		}
	}
	return m
}

// edge returns the state reached from s by c, or -1.
func (m *matcher) edge(s int32, c byte) int32 {
	lo, hi := m.first[s], m.first[s+1]
	for lo < hi {
		mid := (lo + hi) / 2
		switch {
		case m.label[mid] == c:
			return m.next[mid]
		case m.label[mid] < c:
			lo = mid + 1
		default:
			hi = mid
		}
	}
	return -1
}

// step follows c from s, through failure links.
func (m *matcher) step(s int32, c byte) int32 {
	for s != 0 {
		if t := m.edge(s, c); t >= 0 {
			return t
		}
		s = m.fail[s]
	}
	return m.root[c]
}

// find calls hit with the pattern's index and the offset just past it for
// every occurrence of a pattern in b.
func (m *matcher) find(b []byte, hit func(id, end int)) {
	s := int32(0)
	for i, c := range b {
		s = m.step(s, c)
		for o := s; o >= 0; o = m.outLink[o] {
			if m.out[o] >= 0 {
				hit(int(m.out[o]), i+1)
			}
			if o == 0 {
				break
			}
		}
	}
}

// String describes the automaton, for tests.
func (m *matcher) String() string {
	return fmt.Sprintf("%d states, %d edges", len(m.out), len(m.label))
}
