package search

import (
	"testing"
	"unsafe"
)

// The pages a build collects are held while the whole site is rendered: a
// page's blocks are one string, each block's text a part of it, in a slice
// of their number.
func TestPagesHoldOneStringPerPage(t *testing.T) {
	ps := NewPages()
	ps.Add("news/x/index.html", []byte(`<html><head><title>T</title></head><body><main><h1>会议通知</h1><p>第一段内容。</p><h2>议程</h2><p>第二段 ipv6。</p></main></body></html>`))
	d, ok := ps.get("news/x/index.html")
	if !ok || d.page == nil {
		t.Fatal("the page is not indexed")
	}
	segs := d.page.segments
	if len(segs) != 4 || cap(segs) != len(segs) {
		t.Fatalf("4 blocks are in a slice of length %d, capacity %d: %+v", len(segs), cap(segs), segs)
	}
	for i := 1; i < len(segs); i++ {
		prev := unsafe.Add(unsafe.Pointer(unsafe.StringData(segs[i-1].text)), len(segs[i-1].text))
		if unsafe.Pointer(unsafe.StringData(segs[i].text)) != prev {
			t.Errorf("block %d (%q) is not the part of the page's string after block %d", i, segs[i].text, i-1)
		}
	}
}
