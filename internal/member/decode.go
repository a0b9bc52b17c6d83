package member

import (
	"fmt"
	"github.com/zzia/press/internal/msg"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/editdist"
	"github.com/zzia/press/internal/pinyin"
	"github.com/zzia/press/internal/yamledit"
)

// decoder walks the YAML syntax tree of one file into typed values,
// collecting every problem instead of stopping at the first.
type decoder struct {
	file  string
	lang  msg.Lang // the language of the diagnostics
	diags diag.List
	cache *ParseCache // parsed files kept from an earlier load; may be nil
}

func (d *decoder) pos(n ast.Node) Pos {
	p := Pos{File: d.file}
	switch v := n.(type) {
	case nil:
		return p
	case *ast.MappingNode:
		if len(v.Values) > 0 && !v.IsFlowStyle {
			return d.pos(v.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return d.pos(v.Key)
	case *ast.DocumentNode:
		if v.Start != nil && v.Start.Position != nil {
			return Pos{File: d.file, Line: v.Start.Position.Line, Column: v.Start.Position.Column}
		}
		return d.pos(v.Body)
	}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		p.Line, p.Column = tk.Position.Line, tk.Position.Column
	}
	return p
}

func (d *decoder) errorAt(p Pos, hint string, key Msg, args ...any) {
	d.diags = append(d.diags, diag.Diagnostic{
		File: p.File, Line: p.Line, Column: p.Column,
		Severity: diag.Error, Message: d.tr(key, args...), Hint: hint,
	})
}

func (d *decoder) warnAt(p Pos, hint string, key Msg, args ...any) {
	d.diags = append(d.diags, diag.Diagnostic{
		File: p.File, Line: p.Line, Column: p.Column,
		Severity: diag.Warning, Message: d.tr(key, args...), Hint: hint,
	})
}

// parse checks src (size, encoding, the usual hand-editing mistakes),
// parses it and returns the body of its single document, or nil after
// reporting why there is none. With a cache, a file whose name and bytes
// were parsed before is not parsed again.
func (d *decoder) parse(src []byte) ast.Node {
	if d.cache == nil {
		return d.parseSource(src)
	}
	if body, diags, ok := d.cache.get(d.lang, d.file, src); ok {
		d.diags = append(d.diags, diags...)
		return body
	}
	before := len(d.diags)
	body := d.parseSource(src)
	d.cache.put(d.lang, d.file, src, body, d.diags[before:])
	return body
}

// parseSource is parse without the cache.
func (d *decoder) parseSource(src []byte) ast.Node {
	src, ok := d.prepare(src)
	if !ok {
		return nil
	}
	f, err := parser.ParseBytes(src, 0)
	if err != nil {
		d.syntaxError(src, err)
		return nil
	}
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			docs = append(docs, doc)
		}
	}
	switch len(docs) {
	case 0:
		d.errorAt(Pos{File: d.file, Line: 1, Column: 1}, "", MsgEmptyFile)
		return nil
	case 1:
		return docs[0].Body
	default:
		d.errorAt(d.pos(docs[1]), d.tr(HintOneDocument), MsgManyDocuments, len(docs))
		return nil
	}
}

// unwrap strips anchors, tags and comments around a value; aliases are
// reported and yield nil.
func (d *decoder) unwrap(n ast.Node) ast.Node {
	for depth := 0; n != nil && depth < 32; depth++ {
		switch v := n.(type) {
		case *ast.AnchorNode:
			n = v.Value
		case *ast.TagNode:
			n = v.Value
		case *ast.AliasNode:
			d.errorAt(d.pos(v), d.tr(HintNoAlias), MsgAlias)
			return nil
		case *ast.CommentGroupNode:
			return nil
		default:
			return n
		}
	}
	return n
}

// describe names the kind of a node for "expected X, got Y" messages,
// in the decoder's language.
func (d *decoder) describe(n ast.Node) string {
	switch n.(type) {
	case nil, *ast.NullNode:
		return d.lang.T("member.node.null")
	case *ast.MappingNode, *ast.MappingValueNode:
		return d.lang.T("member.node.mapping")
	case *ast.SequenceNode:
		return d.lang.T("member.node.list")
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return d.lang.T("member.node.number", n.GetToken().Value)
	case *ast.BoolNode:
		return d.lang.T("member.node.boolean", n.GetToken().Value)
	case *ast.StringNode, *ast.LiteralNode:
		return d.lang.T("member.node.text")
	}
	return d.lang.T("member.node.other", n.Type().String())
}

// field is one key: value pair of a mapping.
type field struct {
	key    string
	keyPos Pos
	value  ast.Node // unwrapped; nil for null or an alias
}

// schema describes the fields a mapping may have.
type schema struct {
	fields   []string // allowed keys in the documented order
	required []string
	labels   map[string]string // Chinese name of each key for messages
	moved    map[string]Msg    // keys that now belong elsewhere, with the message saying where
}

func (s *schema) allows(key string) bool {
	for _, f := range s.fields {
		if f == key {
			return true
		}
	}
	return false
}

// object reads a mapping node against a schema: unknown keys are reported
// with the nearest known key, missing required keys at the mapping's
// position (or at where, the key that holds it). Null values count as
// missing.
func (d *decoder) object(n ast.Node, what string, where Pos, s *schema) (map[string]field, bool) {
	n = d.unwrap(n)
	values, ok := yamledit.Entries(n)
	if !ok {
		p := where
		if n != nil {
			p = d.pos(n)
		}
		d.errorAt(p, "", MsgWantMapping, what, d.describe(n))
		return nil, false
	}
	out := make(map[string]field, len(values))
	for _, mv := range values {
		keyNode := d.unwrap(mv.Key)
		key := ""
		if keyNode != nil {
			key = keyNode.GetToken().Value
		}
		kp := d.pos(mv.Key)
		if m, ok := s.moved[key]; ok {
			d.errorAt(kp, d.tr(HintRepPerson), m, key)
			continue
		}
		if !s.allows(key) {
			hint := ""
			if near := nearest(key, s.fields); near != "" {
				hint = d.tr(HintDidYouMean, near)
			}
			d.errorAt(kp, hint, MsgUnknownField, key)
			continue
		}
		v := d.unwrap(mv.Value)
		if _, isNull := v.(*ast.NullNode); isNull {
			v = nil
		}
		out[key] = field{key: key, keyPos: kp, value: v}
	}
	if len(values) > 0 {
		where = d.pos(values[0].Key)
	}
	for _, r := range s.required {
		if f, ok := out[r]; !ok || f.value == nil {
			p := where
			if ok {
				p = f.keyPos
			}
			d.errorAt(p, "", MsgMissingField, r, s.labels[r])
		}
	}
	return out, true
}

// str returns a text value. Numbers and booleans are rejected with a hint
// to quote them (a phone number written 037155550001 would be a number).
func (d *decoder) str(f field, ok bool) (string, bool) {
	if !ok || f.value == nil {
		return "", false
	}
	switch v := f.value.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value != nil {
			return v.Value.Value, true
		}
		return "", true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		raw := v.GetToken().Value
		d.errorAt(d.pos(v), d.tr(HintQuote, f.key, raw), MsgWantString, f.key, d.describe(v))
	default:
		d.errorAt(d.pos(v), "", MsgWantString, f.key, d.describe(v))
	}
	return "", false
}

// text returns a required or optional non-blank text value.
func (d *decoder) text(fs map[string]field, key string) string {
	f, ok := fs[key]
	s, ok := d.str(f, ok)
	if ok && strings.TrimSpace(s) == "" {
		d.errorAt(d.pos(f.value), "", MsgEmptyValue, key)
	}
	return s
}

// optText returns an optional text value; blank is the same as absent.
func (d *decoder) optText(fs map[string]field, key string) string {
	f, ok := fs[key]
	s, _ := d.str(f, ok)
	return s
}

func (d *decoder) integer(fs map[string]field, key string, min, max int) (int, bool) {
	f, ok := fs[key]
	if !ok || f.value == nil {
		return 0, false
	}
	iv, isInt := f.value.(*ast.IntegerNode)
	if !isInt {
		d.errorAt(d.pos(f.value), "", MsgWantInt, key, d.describe(f.value))
		return 0, false
	}
	var n int64
	switch x := iv.Value.(type) {
	case int64:
		n = x
	case uint64:
		if x > math.MaxInt32 {
			n = math.MaxInt32 + 1
		} else {
			n = int64(x)
		}
	default:
		d.errorAt(d.pos(iv), "", MsgWantInt, key, d.describe(iv))
		return 0, false
	}
	if n < 0 && min >= 0 {
		d.errorAt(d.pos(iv), "", MsgNegative, key, n)
		return 0, false
	}
	if n < int64(min) || n > int64(max) {
		d.errorAt(d.pos(iv), "", MsgOutOfRange, key, n, min, max)
		return 0, false
	}
	return int(n), true
}

func (d *decoder) boolean(fs map[string]field, key string) (bool, bool) {
	f, ok := fs[key]
	if !ok || f.value == nil {
		return false, false
	}
	b, isBool := f.value.(*ast.BoolNode)
	if !isBool {
		hint := ""
		if s, isStr := f.value.(*ast.StringNode); isStr {
			switch strings.ToLower(s.Value) {
			case "yes", "y", "on", "是", "1":
				hint = d.tr(HintDidYouMean, "true")
			case "no", "n", "off", "否", "0":
				hint = d.tr(HintDidYouMean, "false")
			}
		}
		d.errorAt(d.pos(f.value), hint, MsgWantBool, key, d.describe(f.value))
		return false, false
	}
	return b.Value, true
}

// choice returns a value that must be in voc; close misses get a
// did-you-mean hint, others the list of allowed values.
func (d *decoder) choice(fs map[string]field, key string, voc Vocabulary) string {
	f, ok := fs[key]
	s, ok := d.str(f, ok)
	if !ok {
		return ""
	}
	if voc.Has(s) {
		return s
	}
	d.errorAt(d.pos(f.value), d.choiceHint(s, voc), MsgNotAllowed, key, s)
	return ""
}

func (d *decoder) choiceHint(s string, voc Vocabulary) string {
	if near := voc.Suggest(s); near != "" {
		return d.tr(HintDidYouMean, near)
	}
	return d.tr(HintOneOf, strings.Join(voc.Values(), " "))
}

var (
	dateRe     = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	dateTimeRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$`)
)

// parseDate reads YYYY-MM-DD as a day in clock.Zone, rejecting days that do
// not exist (2025-02-30).
func parseDate(s string) (time.Time, bool) {
	m := dateRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	return civil(y, mo, day, 0, 0, 0)
}

func civil(y, mo, day, h, mi, sec int) (time.Time, bool) {
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || day < 1 || h > 23 || mi > 59 || sec > 59 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(mo), day, h, mi, sec, 0, clock.Zone)
	if t.Day() != day || int(t.Month()) != mo {
		return time.Time{}, false // normalised: the day does not exist
	}
	return t, true
}

// parseDateTime reads "YYYY-MM-DD HH:MM[:SS]" in clock.Zone time, an RFC 3339
// time with an offset, or a bare date (allDay).
func parseDateTime(s string) (t time.Time, allDay, ok bool) {
	s = strings.TrimSpace(s)
	if t, ok := parseDate(s); ok {
		return t, true, true
	}
	if m := dateTimeRe.FindStringSubmatch(s); m != nil {
		n := make([]int, 7)
		for i := 1; i <= 6; i++ {
			if m[i] != "" {
				n[i], _ = strconv.Atoi(m[i])
			}
		}
		t, ok := civil(n[1], n[2], n[3], n[4], n[5], n[6])
		return t, false, ok
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil && t.Year() >= 1900 && t.Year() <= 2200 {
		return t.In(clock.Zone), false, true
	}
	return time.Time{}, false, false
}

// scalarText returns the text of a scalar date field. Unquoted dates are
// plain scalars in goccy's tree; numbers (2025) are reported by the caller.
func (d *decoder) scalarText(f field) (string, bool) {
	switch v := f.value.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.IntegerNode, *ast.FloatNode:
		return v.GetToken().Value, true
	case *ast.LiteralNode:
		if v.Value != nil {
			return strings.TrimSpace(v.Value.Value), true
		}
	}
	d.errorAt(d.pos(f.value), "", MsgWantString, f.key, d.describe(f.value))
	return "", false
}

func (d *decoder) date(fs map[string]field, key string) (time.Time, Pos) {
	f, ok := fs[key]
	if !ok || f.value == nil {
		return time.Time{}, Pos{}
	}
	s, ok := d.scalarText(f)
	if !ok {
		return time.Time{}, Pos{}
	}
	t, ok := parseDate(s)
	if !ok {
		d.errorAt(d.pos(f.value), d.tr(HintDateFormat), MsgBadDate, key, s)
		return time.Time{}, Pos{}
	}
	return t, d.pos(f.value)
}

func (d *decoder) dateTime(fs map[string]field, key string) (t time.Time, allDay bool, p Pos) {
	f, ok := fs[key]
	if !ok || f.value == nil {
		return time.Time{}, false, Pos{}
	}
	s, ok := d.scalarText(f)
	if !ok {
		return time.Time{}, false, Pos{}
	}
	t, allDay, ok = parseDateTime(s)
	if !ok {
		d.errorAt(d.pos(f.value), d.tr(HintTimeFormat), MsgBadDateTime, key, s)
		return time.Time{}, false, Pos{}
	}
	return t, allDay, d.pos(f.value)
}

// list returns the items of a sequence field.
func (d *decoder) list(fs map[string]field, key string) []ast.Node {
	f, ok := fs[key]
	if !ok || f.value == nil {
		return nil
	}
	seq, isSeq := f.value.(*ast.SequenceNode)
	if !isSeq {
		d.errorAt(d.pos(f.value), "", MsgWantSequence, key, d.describe(f.value))
		return nil
	}
	out := make([]ast.Node, 0, len(seq.Values))
	for _, v := range seq.Values {
		out = append(out, v)
	}
	return out
}

// strings reads a list of text items, with each item's position.
func (d *decoder) strings(fs map[string]field, key string) ([]string, []Pos) {
	var out []string
	var pos []Pos
	for _, item := range d.list(fs, key) {
		item = d.unwrap(item)
		s, ok := d.str(field{key: key, value: item}, item != nil)
		if item == nil {
			d.errorAt(fs[key].keyPos, "", MsgEmptyValue, key)
			continue
		}
		if !ok {
			continue
		}
		out = append(out, s)
		pos = append(pos, d.pos(item))
	}
	return out, pos
}

var (
	slugRe  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	urlRe   = regexp.MustCompile(`^https?://[^\s/?#]+\.[^\s/?#]+([/?#]\S*)?$`)
	emailRe = regexp.MustCompile(`^[^\s@<>()\[\],;:"]+@[^\s@<>()\[\],;:"]+\.[^\s@<>()\[\],;:"]+$`)
	logoRe  = regexp.MustCompile(`(?i)^[^/\\:][^\\:]*\.(png|jpe?g|svg|webp)$`)
	nonSlug = regexp.MustCompile(`[^a-z0-9]+`)
)

// suggestSlug turns s into something that is a slug.
func suggestSlug(s string) string {
	s = strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(s), "-"), "-")
	if s == "" {
		return "member-1"
	}
	return s
}

func (d *decoder) url(fs map[string]field, key string) string {
	s := d.optText(fs, key)
	if s != "" && !urlRe.MatchString(s) {
		d.errorAt(d.pos(fs[key].value), "", MsgBadURL, key, s)
	}
	return s
}

func (d *decoder) email(fs map[string]field, key string) string {
	s := d.optText(fs, key)
	if s != "" && !emailRe.MatchString(s) {
		d.errorAt(d.pos(fs[key].value), "", MsgBadEmail, key, s)
	}
	return s
}

// nearest returns the candidate closest to s, or "" when none is close
// enough to be the right one: no hint is better than a wrong one.
//
// Names written in Latin letters (field names, ids) are compared by edit
// distance: at most half the characters wrong, and no tie. Chinese values
// are compared as Chinese readers abbreviate: the one candidate that holds
// the characters of s in order ("金水" for 金水区, "高新区" for
// 郑州高新技术产业开发区, "咨询部" for 咨询培训部), else the one candidate
// a single character away ("论谈" for 论坛).
func nearest(s string, candidates []string) string {
	if s == "" {
		return ""
	}
	n := utf8.RuneCountInString(s)
	if !isASCII(s) {
		if n < 2 {
			return ""
		}
		if c, ok := unique(candidates, func(c string) bool { return subsequence(s, c) }); ok {
			return c
		}
		if c, ok := unique(candidates, func(c string) bool { return homophoneTypo(s, c) }); ok {
			return c
		}
		return ""
	}
	best, bestD, tie := "", math.MaxInt, false
	for _, c := range candidates {
		dist := editDistance(s, c)
		switch {
		case dist < bestD:
			best, bestD, tie = c, dist, false
		case dist == bestD:
			tie = true
		}
	}
	// A value that is part of exactly one candidate ("ph" for "phone").
	if n >= 2 {
		if c, ok := unique(candidates, func(c string) bool { return strings.Contains(c, s) }); ok {
			return c
		}
	}
	m := max(n, utf8.RuneCountInString(best))
	if !tie && bestD <= min((m+1)/2, 3) {
		return best
	}
	return ""
}

// homophoneTypo reports whether s is c with one character replaced by
// another of the same sound: the slip of a pinyin input method (中元区 for
// 中原区, 论谈 for 论坛), not another name (开封市 is not 登封市).
func homophoneTypo(s, c string) bool {
	rs, rc := []rune(s), []rune(c)
	if len(rs) != len(rc) {
		return false
	}
	diff := -1
	for i := range rs {
		if rs[i] != rc[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	a, aok := pinyin.Of(rs[diff])
	b, bok := pinyin.Of(rc[diff])
	return aok && bok && a == b
}

// unique returns the one candidate for which ok holds.
func unique(candidates []string, ok func(string) bool) (string, bool) {
	found := ""
	for _, c := range candidates {
		if ok(c) {
			if found != "" {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}

// subsequence reports whether the characters of s appear in c in order.
func subsequence(s, c string) bool {
	rc := []rune(c)
	i := 0
	for _, r := range s {
		for i < len(rc) && rc[i] != r {
			i++
		}
		if i == len(rc) {
			return false
		}
		i++
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// editDistance is the edit distance between a and b in characters; values
// longer than 64 characters are not compared (they are not typos of a
// known name).
func editDistance(a, b string) int {
	if utf8.RuneCountInString(a) > 64 || utf8.RuneCountInString(b) > 64 {
		if a == b {
			return 0
		}
		return math.MaxInt / 2
	}
	return editdist.Distance(a, b)
}

// formatPos formats a position for "also defined at" hints.
func formatPos(p Pos) string {
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
}

// sortedKeys returns the keys of m in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// openFile parses src, the data file name, as the mapping of what under
// schema s, writing problems in language lang: the decoder, and the
// fields when ok (when not, d.diags says why).
func openFile(lang msg.Lang, name string, src []byte, what string, s *schema) (d *decoder, fs map[string]field, ok bool) {
	return openFileCached(lang, name, src, what, s, nil)
}

// openFileCached is openFile with a cache of parsed files (may be nil).
func openFileCached(lang msg.Lang, name string, src []byte, what string, s *schema, c *ParseCache) (d *decoder, fs map[string]field, ok bool) {
	d = &decoder{file: name, lang: lang, cache: c}
	body := d.parse(src)
	if body == nil {
		return d, nil, false
	}
	fs, ok = d.object(body, what, Pos{File: name, Line: 1, Column: 1}, s)
	return d, fs, ok
}
