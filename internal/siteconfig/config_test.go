package siteconfig

import "testing"

// TestConfigLines: every key of a TOML or YAML configuration is found at
// its line, through tables, dotted keys and inline tables, and without
// regard to case; a key set nowhere is line 0.
func TestConfigLines(t *testing.T) {
	toml := `baseURL = "https://a.example/"
title = "促进会"
# [params.contact] in a comment is not a table
[params]
  description = "d"
  social.weibo = "w"
  [params.contact]
    phone = "0371"
    fonts = { body = "a.ttf", head = "b.ttf" }
[[menus.main]]
  name = "首页"
`
	yaml := `baseURL: https://a.example/
title: 促进会
params:
  description: d
  contact:
    phone: "0371"
    fonts: {body: a.ttf}
`
	for _, tc := range []struct {
		name, text string
		want       map[string]int
	}{
		{"hugo.toml", toml, map[string]int{"baseurl": 1, "title": 2, "params": 4, "params.description": 5, "params.social": 6, "params.social.weibo": 6, "params.contact": 7, "params.contact.phone": 8, "params.contact.fonts.head": 9, "menus.main.name": 11, "params.missing": 0}},
		{"hugo.yaml", yaml, map[string]int{"baseURL": 1, "title": 2, "params": 3, "params.contact": 5, "params.contact.phone": 6, "params.contact.fonts.body": 7, "nothing": 0}},
	} {
		c := Parse(tc.name, []byte(tc.text))
		if c.Err != nil {
			t.Fatal(c.Err)
		}
		for k, line := range tc.want {
			if got := c.Line(k); got != line {
				t.Errorf("%s: %s at line %d, want %d", tc.name, k, got, line)
			}
		}
		if c.BaseURL() != "https://a.example/" || c.Title() != "促进会" || c.String("PARAMS", "contact", "phone") != "0371" {
			t.Errorf("%s: values %v", tc.name, c.Values)
		}
	}
	if c := Parse("hugo.toml", []byte("title = [\n")); c.Err == nil || len(c.Values) != 0 {
		t.Errorf("a broken file parsed: %v %v", c.Err, c.Values)
	}
}
