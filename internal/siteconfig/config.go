// Package siteconfig is the site's configuration file (hugo.toml) as press
// reads it: parsed once, with the line of every key, beside Hugo's own
// parse. It is a leaf: the project loads it and the stages read it.
package siteconfig

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/pelletier/go-toml/v2"
	"github.com/pelletier/go-toml/v2/unstable"
)

// Names are the site configuration files Hugo reads, in its order:
// the first one found is the site's.
var Names = []string{"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"}

// ErrNoConfig is returned by Find for a folder that is not a site.
var ErrNoConfig = errors.New("no site configuration (hugo.toml) found")

// Config is the site's configuration file as press reads it: parsed once,
// with the line of every key, beside (not instead of) Hugo's own parse.
// Keys are matched without regard to case, as Hugo does.
type Config struct {
	// File is the file's name relative to the site (hugo.toml).
	File string
	// Path is its absolute path.
	Path string
	// Raw is its text.
	Raw []byte
	// Err is the parse error of a broken file; Values is then empty. Hugo
	// reports it with its position when the site is built.
	Err error
	// Values are the settings, nested tables as map[string]any.
	Values map[string]any

	lines map[string]int // "params.contact.phone" (lower case) → line
}

// Find returns the path of the configuration file of the site in dir.
func Find(dir string) (string, error) {
	for _, n := range Names {
		p := filepath.Join(dir, n)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", fmt.Errorf("%s: %w", dir, ErrNoConfig)
}

// Load reads and parses the configuration file of the site in dir.
// It fails only when there is none or it cannot be read; a file that does
// not parse is a Config with Err set.
func Load(dir string) (*Config, error) {
	p, err := Find(dir)
	if err != nil {
		return nil, err
	}
	raw, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	c := Parse(filepath.Base(p), raw)
	c.Path = p
	return c, nil
}

// Parse parses raw, the text of the configuration file named name
// (its extension says the format: .toml, .yaml, .yml or .json).
func Parse(name string, raw []byte) *Config {
	c := &Config{File: name, Path: name, Raw: raw, Values: map[string]any{}, lines: map[string]int{}}
	var m map[string]any
	var err error
	switch filepath.Ext(name) {
	case ".toml":
		if err = toml.Unmarshal(raw, &m); err == nil {
			c.tomlLines()
		}
	case ".json":
		err = json.Unmarshal(raw, &m)
	default:
		if err = yaml.Unmarshal(raw, &m); err == nil {
			c.yamlLines()
		}
	}
	if err != nil {
		c.Err = fmt.Errorf("%s: %w", name, err)
		return c
	}
	if m != nil {
		c.Values = m
	}
	return c
}

// lookup returns the value at the path of keys, matched without regard to
// case, and whether there is one.
func (c *Config) lookup(keys ...string) (any, bool) {
	var v any = c.Values
	for _, k := range keys {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		found := false
		for mk, mv := range m {
			if strings.EqualFold(mk, k) {
				v, found = mv, true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return v, true
}

// Get returns the value at the path of keys ("params", "contact"), and
// whether it is set.
func (c *Config) Get(keys ...string) (any, bool) { return c.lookup(keys...) }

// String returns the string at the path of keys, trimmed; "" when it is
// not set or not a string.
func (c *Config) String(keys ...string) string {
	v, _ := c.lookup(keys...)
	s, _ := v.(string)
	return strings.TrimSpace(s)
}

// Table returns the table at the path of keys, nil when there is none.
func (c *Config) Table(keys ...string) map[string]any {
	v, _ := c.lookup(keys...)
	m, _ := v.(map[string]any)
	return m
}

// Line returns the 1-based line where the key at the path is set, or where
// its table begins; 0 when the file does not say (JSON, or no such key).
func (c *Config) Line(keys ...string) int {
	return c.lines[strings.ToLower(strings.Join(keys, "."))]
}

// BaseURL is the site's configured base URL.
func (c *Config) BaseURL() string { return c.String("baseURL") }

// Title is the site's title.
func (c *Config) Title() string { return c.String("title") }

// tomlLines records the line of every key and table header of a TOML file.
func (c *Config) tomlLines() {
	p := unstable.Parser{}
	p.Reset(c.Raw)
	var table []string
	for p.NextExpression() {
		e := p.Expression()
		switch e.Kind {
		case unstable.Table, unstable.ArrayTable:
			var line int
			table, line = tomlKey(&p, e, table[:0])
			c.setLine(table, line)
		case unstable.KeyValue:
			c.tomlKeyValue(&p, table, e)
		}
	}
}

// tomlKeyValue records the line of a key = value under table, and of the
// keys of an inline table value.
func (c *Config) tomlKeyValue(p *unstable.Parser, table []string, e *unstable.Node) {
	path, line := tomlKey(p, e, append([]string(nil), table...))
	for k := len(table) + 1; k <= len(path); k++ {
		c.setLine(path[:k], line) // a dotted key's tables too
	}
	if v := e.Value(); v.Kind == unstable.InlineTable {
		kids := v.Children()
		for kids.Next() {
			if kv := kids.Node(); kv.Kind == unstable.KeyValue {
				c.tomlKeyValue(p, path, kv)
			}
		}
	}
}

// tomlKey appends the parts of the key of e (a table header or a key =
// value) to path, and returns it with the line the key starts on.
func tomlKey(p *unstable.Parser, e *unstable.Node, path []string) ([]string, int) {
	it := e.Key()
	line := 0
	for it.Next() {
		path = append(path, string(it.Node().Data))
		if line == 0 {
			line = p.Shape(it.Node().Raw).Start.Line
		}
	}
	return path, line
}

// yamlLines records the line of every mapping key of a YAML file.
func (c *Config) yamlLines() {
	f, err := parser.ParseBytes(c.Raw, 0)
	if err != nil || len(f.Docs) == 0 {
		return
	}
	var walk func(n ast.Node, path []string)
	walk = func(n ast.Node, path []string) {
		switch n := n.(type) {
		case *ast.MappingNode:
			for _, mv := range n.Values {
				walk(mv, path)
			}
		case *ast.MappingValueNode:
			k := strings.Trim(n.Key.String(), `"'`)
			p := append(append([]string(nil), path...), k)
			c.setLine(p, n.Key.GetToken().Position.Line)
			walk(n.Value, p)
		}
	}
	walk(f.Docs[0].Body, nil)
}

func (c *Config) setLine(path []string, line int) {
	k := strings.ToLower(strings.Join(path, "."))
	if _, seen := c.lines[k]; !seen && line > 0 {
		c.lines[k] = line
	}
}

// Int returns v, a value decoded from TOML, YAML or JSON (an int, int64,
// uint64 or float64), as an int when it is a whole number.
func Int(v any) (int, bool) {
	switch n := v.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case uint64:
		return int(n), true
	case float64:
		if n == math.Trunc(n) {
			return int(n), true
		}
	}
	return 0, false
}
