package search

import "testing"

// Pages on disk hold nothing in memory until they are asked for.
func TestPagesOnDiskHoldNothing(t *testing.T) {
	ps, err := NewPagesOnDisk(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	defer ps.Close()
	ps.Add("a/index.html", []byte(`<main><h1>标题</h1><p>正文。</p></main>`))
	ps.Add("b/index.html", []byte(`<p>no main</p>`))
	if ps.store.Held() != 0 {
		t.Fatalf("%d pages in memory before they are asked for", ps.store.Held())
	}
	a, ok := ps.get("a/index.html")
	if !ok || a.page == nil || a.page.title != "标题" || len(a.page.segments) != 2 || a.page.segments[1].text != "正文。" {
		t.Errorf("page a read back as %+v (%v)", a.page, ok)
	}
	if b, ok := ps.get("b/index.html"); !ok || b.page != nil {
		t.Errorf("page b (not indexed) read back as %+v (%v)", b.page, ok)
	}
}
