package hugopatch

import (
	"testing"
	"time"

	"github.com/gohugoio/hugo/hugolib/pagesfromdata"
)

// A content adapter's pages are hashed without reflection when they are
// plain values: equal values hash equal whatever the order of their maps,
// and a change anywhere, of a value or of its kind, changes the hash.
func TestHashPlain(t *testing.T) {
	page := func() map[string]any {
		return map[string]any{
			"kind": "page", "path": "m01", "title": "中原虚构星联大学",
			"params": map[string]any{
				"member": "m01", "count": float64(3), "listed": true, "none": nil,
				"entry": map[string]any{"name": "中原虚构星联大学", "posts": []any{"副会长", "秘书长"}, "since": time.Date(2024, 1, 10, 0, 0, 0, 0, time.UTC)},
				"tags":  []string{"a", "b"},
			},
		}
	}
	base, ok := pagesfromdata.HashPlain(page())
	if !ok {
		t.Fatal("a page of plain values is not hashed as plain")
	}
	for range 20 { // maps walked in another order each time
		if h, _ := pagesfromdata.HashPlain(page()); h != base {
			t.Fatal("equal pages hash differently")
		}
	}
	for _, change := range []struct {
		name string
		edit func(map[string]any)
	}{
		{"a title", func(m map[string]any) { m["title"] = "中原虚构星联大学（改）" }},
		{"a number", func(m map[string]any) { m["params"].(map[string]any)["count"] = float64(4) }},
		{"a number for a string", func(m map[string]any) { m["params"].(map[string]any)["count"] = "3" }},
		{"a boolean", func(m map[string]any) { m["params"].(map[string]any)["listed"] = false }},
		{"nil for an empty string", func(m map[string]any) { m["params"].(map[string]any)["none"] = "" }},
		{"a deep list's order", func(m map[string]any) {
			m["params"].(map[string]any)["entry"].(map[string]any)["posts"] = []any{"秘书长", "副会长"}
		}},
		{"a date", func(m map[string]any) {
			m["params"].(map[string]any)["entry"].(map[string]any)["since"] = time.Date(2024, 1, 11, 0, 0, 0, 0, time.UTC)
		}},
		{"a key", func(m map[string]any) {
			p := m["params"].(map[string]any)
			p["member2"] = p["member"]
			delete(p, "member")
		}},
		{"a value moved to another key", func(m map[string]any) { m["path"], m["kind"] = m["kind"], m["path"] }},
		{"a list of strings", func(m map[string]any) { m["params"].(map[string]any)["tags"] = []string{"a", "c"} }},
	} {
		m := page()
		change.edit(m)
		if h, ok := pagesfromdata.HashPlain(m); !ok || h == base {
			t.Errorf("%s changed: hash %x (plain %v), the same as before", change.name, h, ok)
		}
	}
	if _, ok := pagesfromdata.HashPlain(map[string]any{"x": struct{ A int }{1}}); ok {
		t.Error("a struct is hashed as a plain value")
	}
}

// A page map hashed in this build or the last is not hashed again; any
// other value, a new map with the same content, or a map not seen for a
// whole build, is.
func TestHashMemo(t *testing.T) {
	calls := 0
	hash := func(v any) uint64 { calls++; h, _ := pagesfromdata.HashPlain(v); return h }
	var memo pagesfromdata.HashMemo
	m := map[string]any{"kind": "page", "path": "m01", "title": "中原𠀾科技😀"}
	same := map[string]any{"kind": "page", "path": "m01", "title": "中原𠀾科技😀"}
	want, _ := pagesfromdata.HashPlain(m)
	steps := []struct {
		name  string
		next  bool
		v     any
		calls int // hash calls the step makes
	}{
		{"first sight", false, m, 1},
		{"again, same build", false, m, 0},
		{"next build", true, m, 0},
		{"a new map, the same content", false, same, 1},
		{"not a map", false, "m01", 1},
		{"the build after", true, same, 0},
		{"a map not seen for a build", true, m, 1},
	}
	for _, st := range steps {
		if st.next {
			memo.Next()
		}
		before := calls
		h := memo.Hash(st.v, hash)
		if calls-before != st.calls {
			t.Errorf("%s: %d hashes computed, want %d", st.name, calls-before, st.calls)
		}
		if _, isMap := st.v.(map[string]any); isMap && h != want {
			t.Errorf("%s: hash %x, want %x", st.name, h, want)
		}
	}
}
