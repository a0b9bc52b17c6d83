package member

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/zzia/press/internal/msg"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml"

	"github.com/zzia/press/internal/textenc"
)

// Limits on one data file. A member or activity file is a few kilobytes;
// the limits stop a malformed or hostile file before the YAML parser sees
// it (a 200 KB file nested 100,000 deep would take the parser minutes and
// gigabytes).
const (
	// MaxFileSize is the largest data file read, in bytes.
	MaxFileSize = 1 << 20
	// MaxDepth is the deepest nesting of mappings and lists allowed.
	MaxDepth = 32
	// maxIndent is the deepest indentation allowed, in columns.
	maxIndent = 2 * MaxDepth * 2
)

// prepare checks the raw bytes of a data file before the YAML parser runs:
// size, encoding (a UTF-8 byte order mark is dropped; GBK/GB18030 and
// UTF-16 are recognised and reported), and the mistakes editors make by
// hand that the parser reports badly or slowly: tab or full-width-space
// indentation, full-width colons after keys, nesting deeper than MaxDepth.
// It returns the text to parse, or false after reporting why there is none.
func (d *decoder) prepare(src []byte) ([]byte, bool) {
	start := Pos{File: d.file, Line: 1, Column: 1}
	if len(src) > MaxFileSize {
		d.errorAt(start, d.tr(HintSplitFile), MsgTooLarge, (len(src)+1023)/1024, MaxFileSize/1024)
		return nil, false
	}
	if p := textenc.Check(src); p != nil {
		at := Pos{File: d.file, Line: p.Line, Column: p.Column}
		switch p.Kind {
		case textenc.UTF16:
			d.errorAt(start, d.tr(HintSaveUTF8), MsgUTF16)
		case textenc.GB:
			d.errorAt(at, "", MsgGBK)
		default:
			d.errorAt(at, "", MsgNotUTF8)
		}
		return nil, false
	}
	src = bytes.TrimPrefix(src, textenc.BOM)
	if bytes.IndexByte(src, 0) >= 0 {
		d.errorAt(start, "", MsgNotUTF8)
		return nil, false
	}
	n := len(d.diags)
	d.scanLines(src)
	return src, len(d.diags) == n
}

var (
	// fullColonKey is a key followed by a full-width colon: "name：值".
	fullColonKey = regexp.MustCompile(`^(\s*(?:-\s+)?)([A-Za-z_][A-Za-z0-9_]*)\s*：`)
	// blockStart is a key whose value is a block scalar: "intro: |".
	blockStart = regexp.MustCompile(`^(\s*)(?:-\s+)?(?:[A-Za-z_][A-Za-z0-9_]*\s*:\s*)?[|>][-+0-9]*\s*(?:#.*)?$`)
)

// scanLines reports, line by line, tab and full-width-space indentation,
// full-width colons and missing spaces after keys, and nesting deeper than
// MaxDepth. The text of block scalars (intro: |) is skipped.
func (d *decoder) scanLines(src []byte) {
	lines := strings.Split(string(src), "\n")
	block := -1 // indentation of the key that opened a block scalar, -1 outside
	flow := 0   // depth of [ and { across lines
	for i, l := range lines {
		l = strings.TrimSuffix(l, "\r")
		lineNo := i + 1
		indent := len(l) - len(strings.TrimLeft(l, " "))
		if block >= 0 {
			if strings.TrimSpace(l) == "" || indent > block {
				continue
			}
			block = -1
		}
		at := func(col int) Pos { return Pos{File: d.file, Line: lineNo, Column: col} }
		// Indentation made of tabs or ideographic spaces.
		lead := l[:len(l)-len(strings.TrimLeft(l, " \t\u3000"))]
		if strings.ContainsRune(lead, '\t') {
			d.errorAt(at(utf8.RuneCountInString(lead[:strings.IndexByte(lead, '\t')])+1), d.tr(HintSpaces), MsgTabIndent)
			continue
		}
		if j := strings.Index(lead, "\u3000"); j >= 0 {
			d.errorAt(at(utf8.RuneCountInString(lead[:j])+1), d.tr(HintHalfSpaces), MsgIdeographicIndent)
			continue
		}
		body := strings.TrimSpace(l)
		if body == "" || body[0] == '#' {
			continue
		}
		if indent > maxIndent {
			d.errorAt(at(indent+1), d.tr(HintFlatten), MsgTooDeep, MaxDepth)
			return
		}
		if !strings.Contains(l, "：") {
			// the common case: no full-width colon to look at
		} else if m := fullColonKey.FindStringSubmatchIndex(l); m != nil && flow == 0 {
			colon := strings.Index(l[m[4]:], "：") + m[4]
			d.errorAt(at(utf8.RuneCountInString(l[:colon])+1), d.tr(HintHalfColon, l[m[4]:m[5]]), MsgFullColon)
			continue
		}
		if m := colonNoSpace(l); m != nil && flow == 0 && !strings.HasPrefix(body, "\"") {
			d.errorAt(at(utf8.RuneCountInString(l[:m[5]])+1), d.tr(HintColonSpace, l[m[4]:m[5]]), MsgNoSpaceAfterColon)
			continue
		}
		// Block sequences nested on one line ("- - - x") and flow
		// collections ("[[[") count towards the depth.
		depth := indent / 2
		rest := body
		for strings.HasPrefix(rest, "- ") || rest == "-" {
			depth++
			rest = strings.TrimLeft(rest[1:], " ")
		}
		inQuote := byte(0)
		for j := 0; j < len(rest); j++ {
			c := rest[j]
			switch {
			case inQuote != 0:
				if c == inQuote {
					inQuote = 0
				} else if c == '\\' && inQuote == '"' {
					j++
				}
			case c == '"' || c == '\'':
				if j == 0 || strings.ContainsRune(" [{,:", rune(rest[j-1])) {
					inQuote = c
				}
			case c == '#' && j > 0 && rest[j-1] == ' ':
				j = len(rest)
			case c == '[' || c == '{':
				flow++
				if depth+flow > MaxDepth {
					d.errorAt(at(indent+1), d.tr(HintFlatten), MsgTooDeep, MaxDepth)
					return
				}
			case c == ']' || c == '}':
				if flow > 0 {
					flow--
				}
			}
		}
		if depth > MaxDepth {
			d.errorAt(at(indent+1), d.tr(HintFlatten), MsgTooDeep, MaxDepth)
			return
		}
		if flow == 0 && strings.ContainsAny(l, "|>") && blockStart.MatchString(l) {
			block = indent
		}
	}
}

// colonNoSpace finds a field name followed by a colon and no space
// ("name:值"), as the submatch indexes of a regexp would give them (key
// at [4:6]); nil when there is none. A line is read by hand, not by a
// regexp: every line of every file is looked at.
func colonNoSpace(l string) []int {
	i := 0
	for i < len(l) && l[i] == ' ' {
		i++
	}
	if i+1 < len(l) && l[i] == '-' && l[i+1] == ' ' {
		i += 2
		for i < len(l) && l[i] == ' ' {
			i++
		}
	}
	start := i
	for i < len(l) && (l[i] >= 'a' && l[i] <= 'z' || l[i] == '_' || i > start && l[i] >= '0' && l[i] <= '9') {
		i++
	}
	if i == start || i+1 >= len(l) || l[i] != ':' {
		return nil
	}
	if c := l[i+1]; c == ' ' || c == '\t' || c == '/' {
		return nil
	}
	return []int{0, i + 2, 0, start, start, i}
}

// unclosedQuote finds a value that opens a quote and does not close it on
// its line, the usual cause of the parser's "could not find end character"
// errors; ok is false when there is none.
func unclosedQuote(file string, src []byte) (Pos, string, bool) {
	for i, l := range strings.Split(string(src), "\n") {
		l = strings.TrimRight(l, "\r")
		k := strings.Index(l, ": ")
		var v string
		var col int
		switch {
		case k >= 0:
			v, col = strings.TrimLeft(l[k+2:], " "), len(l)-len(strings.TrimLeft(l[k+2:], " "))
		case strings.HasPrefix(strings.TrimLeft(l, " "), "- "):
			t := strings.TrimLeft(l, " ")
			v = strings.TrimLeft(t[2:], " ")
			col = len(l) - len(v)
		default:
			continue
		}
		if v == "" || (v[0] != '"' && v[0] != '\'') {
			continue
		}
		q := v[0]
		closed := false
		for j := 1; j < len(v); j++ {
			if v[j] == '\\' && q == '"' {
				j++
				continue
			}
			if v[j] == q {
				if q == '\'' && j+1 < len(v) && v[j+1] == '\'' {
					j++
					continue
				}
				closed = true
				break
			}
		}
		if !closed {
			return Pos{File: file, Line: i + 1, Column: utf8.RuneCountInString(l[:col]) + 1}, string(q), true
		}
	}
	return Pos{}, "", false
}

// syntaxError reports a YAML parser error in the decoder's language: the
// parser's English sentences are translated, and an unclosed quote is
// reported where it opens, with the fix.
func (d *decoder) syntaxError(src []byte, err error) {
	p := Pos{File: d.file, Line: 1, Column: 1}
	text := err.Error()
	var yerr yaml.Error
	if errors.As(err, &yerr) {
		text = yerr.GetMessage()
		if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
			p.Line, p.Column = tk.Position.Line, tk.Position.Column
		}
	}
	if strings.Contains(text, "could not find end character") || strings.Contains(text, "could not find multi-line content") {
		if qp, q, ok := unclosedQuote(d.file, src); ok {
			d.errorAt(qp, d.tr(HintCloseQuote, q), MsgUnclosedQuote, q)
			return
		}
	}
	d.errorAt(p, d.syntaxHint(text), MsgSyntax, d.translateYAML(text))
}

// syntaxHint suggests a fix for some parser errors.
func (d *decoder) syntaxHint(text string) string {
	switch {
	case strings.Contains(text, "tab character"):
		return d.tr(HintSpaces)
	case strings.Contains(text, "already defined"):
		return d.tr(HintDuplicateKey)
	case strings.Contains(text, "mapping value is not allowed"), strings.Contains(text, "could not find map value"):
		return d.tr(HintQuoteColon)
	}
	return ""
}

// yamlMessages translates the YAML parser's messages (goccy/go-yaml).
// Messages with values are matched by the patterns in yamlPatterns.
var yamlMessages = map[string]string{
	"',' or ']' must be specified":                                              "列表中缺少“,”或“]”",
	"',' or '}' must be specified":                                              "映射中缺少“,”或“}”",
	"YAML version has already been specified":                                   "YAML 版本声明重复",
	"anchor is not allowed in this context":                                     "此处不能使用锚点（&）",
	"anchor is not allowed in this sequence context":                            "列表此处不能使用锚点（&）",
	"anchors cannot be used consecutively":                                      "不能连续使用两个锚点（&）",
	"block sequence entries are not allowed in this context":                    "此处不能出现列表项（-），请检查缩进",
	"cannot take map-key node":                                                  "无法读取字段名",
	"could not find '[' character corresponding to ']'":                         "“]”没有对应的“[”",
	"could not find '{' character corresponding to '}'":                         "“}”没有对应的“{”",
	"could not find alias value":                                                "别名（*）后缺少名称",
	"could not find anchor value":                                               "锚点（&）后缺少名称",
	"could not find directive value":                                            "指令缺少取值",
	"could not find flow map content":                                           "花括号映射缺少内容",
	"could not find flow mapping end token '}'":                                 "花括号映射没有结束的“}”",
	"could not find map value":                                                  "字段缺少取值",
	"could not find map":                                                        "缺少字段映射",
	"could not find merge key":                                                  "缺少合并键",
	"could not find value for mapping key":                                      "字段缺少取值",
	"expected map key-value delimiter ':'":                                      "字段名后缺少冒号“:”",
	"expected sequence element, but found ','":                                  "列表中多了一个“,”",
	"found an invalid key for this map":                                         "此处的字段名无效",
	"invalid number of indent is specified after space only":                    "块文本的缩进标记无效",
	"invalid number of indent is specified in the multi-line header":            "块文本的缩进标记无效",
	"map key definition includes an implicit line break":                        "字段名中间换了行",
	"mapping value is not allowed in this context":                              "此处不能出现“键: 值”（值中含有“: ”或缩进有误）",
	"non-map value is specified":                                                "此处应为字段映射",
	"sequence end token ']' not found":                                          "列表没有结束的“]”",
	"sequence entries are not allowed after anchor on the same line":            "锚点后不能在同一行写列表项",
	"specified not scalar tag":                                                  "标签（!）用法有误",
	"tag is not allowed in this context":                                        "此处不能使用标签（!）",
	"tag is not allowed in this sequence context":                               "列表此处不能使用标签（!）",
	"undefined alias name":                                                      "别名（*）未定义",
	"undefined anchor name":                                                     "锚点（&）名称未定义",
	"undefined anchor value":                                                    "锚点（&）缺少取值",
	"undefined directive value":                                                 "未知指令",
	"undefined map key":                                                         "字段名未定义",
	"unexpected alias. alias name is not scalar value":                          "别名（*）名称有误",
	"unexpected anchor. anchor name is not scalar value":                        "锚点（&）名称有误",
	"unexpected directive value. document not started":                          "文档开始前出现了指令",
	"unexpected directive. directive name is not scalar value":                  "指令名称有误",
	"unexpected end content":                                                    "文件结尾有多余内容",
	"unexpected format TAG directive":                                           "TAG 指令格式有误",
	"unexpected format YAML directive":                                          "YAML 指令格式有误",
	"unexpected key name":                                                       "此处不能出现字段名，请检查缩进或冒号",
	"unexpected map key":                                                        "此处不能出现字段名，请检查缩进",
	"unexpected map key-value pair":                                             "此处不能出现“键: 值”，请检查缩进",
	"unexpected scalar value type":                                              "取值类型有误",
	"unexpected scalar value":                                                   "此处不能出现取值，请检查缩进或冒号",
	"unexpected token. required string token":                                   "此处应为文本",
	"value cannot be placed after document separator":                           "文档分隔符（---）后不能紧跟取值",
	"value is not allowed in this context":                                      "此处不能出现取值，请检查缩进",
	"value is not allowed in this context. map key-value is pre-defined":        "此处不能出现取值：前面已有“键: 值”，请检查缩进",
	"could not find end character of single-quoted text":                        "单引号没有闭合",
	"could not find end character of double-quoted text":                        "双引号没有闭合",
	"could not find multi-line content":                                         "块文本缺少内容",
	"found a tab character where an indentation space is expected":              "缩进中有制表符（Tab）",
	"found character '\t' that cannot start any token":                          "此处有制表符（Tab）",
	"found unexpected document separator":                                       "此处不能出现文档分隔符（---）",
	"tab character cannot be used for indentation in double-quoted text":        "双引号文本中不能用制表符缩进",
	"tab character cannot be used for indentation in single-quoted text":        "单引号文本中不能用制表符缩进",
	"tab character cannot use as a map key directly":                            "字段名前不能有制表符（Tab）",
	"tab character cannot use as a sequence delimiter":                          "列表项标记“-”后不能用制表符（Tab）",
	"not enough length for escaped UTF-16 character":                            "\\u 转义不完整",
	"not enough length for escaped UTF-16 surrogate pair":                       "\\u 转义不完整",
	"found unexpected character after high surrogate for UTF-16 surrogate pair": "\\u 转义有误",
	"found unexpected low surrogate after high surrogate":                       "\\u 转义有误",
	"not enough length for escaped UTF-32 character":                            "\\U 转义不完整",
	"invalid header option":                                                     "块文本标记有误",
}

var yamlPatterns = []struct {
	re *regexp.Regexp
	zh string
}{
	{regexp.MustCompile(`^mapping key "(.*)" already defined at \[(\d+):(\d+)\]$`), "字段 %q 重复（第 %s 行第 %s 列已有）"},
	{regexp.MustCompile(`^found unknown escape character '?(.*?)'?$`), "未知的转义字符 %s"},
	{regexp.MustCompile(`^found invalid tag character '?(.*?)'?$`), "标签中有无效字符 %s"},
	{regexp.MustCompile(`^invalid header option: "(.*)"$`), "块文本标记 %q 有误"},
	{regexp.MustCompile(`^unknown YAML version "(.*)"$`), "未知的 YAML 版本 %q"},
}

// translateYAML returns a parser message in the decoder's language.
// Under English it is the parser's own text. A message the table does not
// know becomes a general Chinese sentence: never English under Chinese.
func (d *decoder) translateYAML(text string) string {
	if d.lang != msg.Zh {
		return text
	}
	if zh, ok := yamlMessages[text]; ok {
		return zh
	}
	for _, p := range yamlPatterns {
		if m := p.re.FindStringSubmatch(text); m != nil {
			args := make([]any, len(m)-1)
			for i, s := range m[1:] {
				args[i] = s
			}
			return fmt.Sprintf(p.zh, args...)
		}
	}
	return "无法解析此处的内容，请检查缩进、冒号和引号"
}
