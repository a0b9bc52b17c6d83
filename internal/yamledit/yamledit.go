// Package yamledit changes single values of a YAML file in place, leaving
// every other byte as the editor wrote it: comments, quoting, key order,
// blank lines. It is what an import uses to write a spreadsheet's changes
// back into the data files, so that a diff shows exactly the changed fields.
package yamledit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Doc is the text of one YAML document, changed one value at a time.
type Doc struct {
	lines []string // without line ends
	final bool     // the text ended with a line end
	// Order, when set, gives the usual order of keys (by mapping: the
	// keys of any mapping, in one list); a new key is inserted before the
	// first existing sibling that comes after it, else at the mapping's end.
	Order []string
}

// New returns the document of src.
func New(src []byte) *Doc {
	s := string(src)
	d := &Doc{final: strings.HasSuffix(s, "\n")}
	s = strings.TrimSuffix(s, "\n")
	if s != "" {
		d.lines = strings.Split(s, "\n")
	}
	return d
}

// Bytes returns the document's text.
func (d *Doc) Bytes() []byte {
	s := strings.Join(d.lines, "\n")
	if d.final || len(d.lines) > 0 {
		s += "\n"
	}
	return []byte(s)
}

// Path names a value: mapping keys (string) and sequence indexes (int).
type Path []any

func (p Path) String() string {
	var b strings.Builder
	for i, e := range p {
		switch e := e.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", e)
		default:
			if i > 0 {
				b.WriteByte('.')
			}
			fmt.Fprint(&b, e)
		}
	}
	return b.String()
}

// Set sets the value at path to value, YAML text for a single-line scalar
// (already quoted as needed); an empty value removes the key. A missing key
// is added, with the mappings leading to it; only the last elements of a
// path may be missing, and they must be keys. It returns the 1-based line
// of the change (of the line after a removed one).
func (d *Doc) Set(path Path, value string) (int, error) {
	root, err := d.parse()
	if err != nil {
		return 0, err
	}
	node := root
	for i, e := range path {
		switch e := e.(type) {
		case int:
			seq, ok := node.(*ast.SequenceNode)
			if !ok || e < 0 || e >= len(seq.Values) {
				return 0, fmt.Errorf("%s: no list item %d", path[:i+1], e)
			}
			node = seq.Values[e]
		case string:
			mv := lookup(node, e)
			last := i == len(path)-1
			if mv == nil {
				if value == "" {
					return 0, nil // nothing to remove
				}
				return d.insert(node, path[i:], value)
			}
			if last {
				return d.replace(mv, value)
			}
			if isNull(mv.Value) {
				// key: with nothing after it: the children go right below.
				if value == "" {
					return 0, nil
				}
				keyLine := mv.Key.GetToken().Position.Line
				indent := d.keyIndent(keyLine, e) + 2
				return d.insertAt(keyLine, indent, path[i+1:], value)
			}
			node = mv.Value
		default:
			return 0, fmt.Errorf("%s: bad path element %v", path, e)
		}
	}
	return 0, fmt.Errorf("%s: empty path", path)
}

func (d *Doc) parse() (ast.Node, error) {
	f, err := parser.ParseBytes(d.Bytes(), parser.ParseComments)
	if err != nil {
		return nil, err
	}
	if len(f.Docs) == 0 || f.Docs[0].Body == nil {
		return nil, fmt.Errorf("empty document")
	}
	return unwrap(f.Docs[0].Body), nil
}

func unwrap(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.CommentGroupNode:
			return n
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			n = v.Value
		default:
			return n
		}
	}
}

func isNull(n ast.Node) bool {
	if n == nil {
		return true
	}
	_, ok := n.(*ast.NullNode)
	return ok && (n.GetToken() == nil || n.GetToken().Type == token.ImplicitNullType)
}

// entries returns the key-value pairs of a mapping node, through tags and
// anchors.
func entries(n ast.Node) []*ast.MappingValueNode {
	es, _ := Entries(unwrap(n))
	return es
}

// Entries returns the key-value pairs of n when n is a mapping (a mapping
// of a single pair is a *ast.MappingValueNode of its own); false when it is
// anything else. Tags and anchors are not looked through.
func Entries(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch m := n.(type) {
	case *ast.MappingNode:
		return m.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{m}, true
	}
	return nil, false
}

func lookup(n ast.Node, key string) *ast.MappingValueNode {
	for _, mv := range entries(n) {
		if mv.Key != nil && mv.Key.GetToken() != nil && mv.Key.GetToken().Value == key {
			return mv
		}
	}
	return nil
}

// keyIndent returns the column (0-based) of key on the 1-based line.
func (d *Doc) keyIndent(line int, key string) int {
	l := d.lines[line-1]
	if i := strings.Index(l, key+":"); i >= 0 {
		return i
	}
	return len(l) - len(strings.TrimLeft(l, " -"))
}

func (d *Doc) replace(mv *ast.MappingValueNode, value string) (int, error) {
	key := mv.Key.GetToken().Value
	keyLine := mv.Key.GetToken().Position.Line
	if v := mv.Value; v != nil && !isNull(v) {
		switch v.(type) {
		case *ast.MappingNode, *ast.MappingValueNode, *ast.SequenceNode, *ast.LiteralNode:
			return 0, fmt.Errorf("line %d: %s is not a single-line value; change it by hand", keyLine, key)
		}
		if t := v.GetToken(); t == nil || t.Position.Line != keyLine || strings.Contains(t.Value, "\n") {
			return 0, fmt.Errorf("line %d: %s is not a single-line value; change it by hand", keyLine, key)
		}
	}
	l := d.lines[keyLine-1]
	i := strings.Index(l, key+":")
	if i < 0 {
		return 0, fmt.Errorf("line %d: key %s not found", keyLine, key)
	}
	if value == "" {
		if strings.HasPrefix(strings.TrimLeft(l, " "), "- ") {
			return 0, fmt.Errorf("line %d: %s starts a list item; remove it by hand", keyLine, key)
		}
		d.lines = slices.Delete(d.lines, keyLine-1, keyLine)
		return keyLine, nil
	}
	comment := ""
	if mv.Value != nil && mv.Value.GetComment() != nil {
		if j := strings.LastIndex(l, " #"); j > i {
			comment = l[j:]
		}
	}
	d.lines[keyLine-1] = l[:i+len(key)+1] + " " + value + comment
	return keyLine, nil
}

// insert adds the missing keys rest (the first missing in mapping n) with
// value.
func (d *Doc) insert(n ast.Node, rest Path, value string) (int, error) {
	es := entries(n)
	if len(es) == 0 {
		return 0, fmt.Errorf("%s: not inside a mapping", rest)
	}
	first := es[0].Key.GetToken()
	indent := d.keyIndent(first.Position.Line, first.Value)
	key, _ := rest[0].(string)
	// Before the first sibling that comes later in the usual order.
	if pos := slices.Index(d.Order, key); pos >= 0 {
		for _, mv := range es {
			k := mv.Key.GetToken()
			if p := slices.Index(d.Order, k.Value); p > pos && !strings.HasPrefix(strings.TrimLeft(d.lines[k.Position.Line-1], " "), "- ") {
				return d.insertAt(k.Position.Line-1, indent, rest, value)
			}
		}
	}
	// At the mapping's end: after the last line indented deeper than its
	// keys, from its last key on.
	lastKey := es[len(es)-1].Key.GetToken().Position.Line
	end := lastKey
	for j := lastKey; j < len(d.lines); j++ {
		l := d.lines[j]
		t := strings.TrimLeft(l, " ")
		if t == "" {
			continue
		}
		if len(l)-len(t) <= indent {
			break
		}
		end = j + 1
	}
	return d.insertAt(end, indent, rest, value)
}

// insertAt inserts the keys of rest, nested, after the 1-based line after
// (0: at the top) at indent, the last holding value.
func (d *Doc) insertAt(after, indent int, rest Path, value string) (int, error) {
	var add []string
	for i, e := range rest {
		k, ok := e.(string)
		if !ok {
			return 0, fmt.Errorf("%s: cannot add a list item", rest)
		}
		pad := strings.Repeat(" ", indent+2*i)
		if i == len(rest)-1 {
			add = append(add, pad+k+": "+value)
		} else {
			add = append(add, pad+k+":")
		}
	}
	d.lines = slices.Insert(d.lines, after, add...)
	return after + len(add), nil
}

// SetBlock replaces the top-level key's whole value, from its line to the
// next top-level key, with block: the key's complete text ("key:\n  …\n"),
// or nothing when empty. A missing key is added at the end. It returns the
// 1-based line the block starts on.
func (d *Doc) SetBlock(key, block string) (int, error) {
	root, err := d.parse()
	if err != nil {
		return 0, err
	}
	add := splitBlock(block)
	mv := lookup(root, key)
	if mv == nil {
		d.lines = append(d.lines, add...)
		d.final = true
		return len(d.lines) - len(add) + 1, nil
	}
	start := mv.Key.GetToken().Position.Line - 1
	end := start + 1
	for j := start + 1; j < len(d.lines); j++ {
		l := d.lines[j]
		t := strings.TrimLeft(l, " ")
		if t == "" {
			continue
		}
		if len(l) == len(t) && !strings.HasPrefix(t, "- ") {
			break
		}
		end = j + 1
	}
	d.lines = slices.Replace(d.lines, start, end, add...)
	return start + 1, nil
}

func splitBlock(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
