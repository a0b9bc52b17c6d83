package search

import (
	"strings"
	"testing"
)

// Indexing a page takes the strings of the terms seen on earlier pages
// and makes its token strings once per indexer and its payloads in one
// buffer: a page of known terms costs a few allocations, not several per
// term.
func TestIndexAllocations(t *testing.T) {
	p := &page{url: "news/x/", title: "郑州市信息化促进会年会", segments: []segment{
		{field: fieldTitle, text: "郑州市信息化促进会年会"},
		{field: fieldHeading, text: "人工智能与物联网 AI IoT 2026"},
		{field: fieldBody, text: strings.Repeat("信息技术应用创新和城市信息模型的建设与应用，ipv6 网络与数据安全。", 20)},
	}}
	ix := newIndexer()
	// As Build does: the terms of the pages indexed so far.
	ix.known = map[string]*termBuf{}
	entries, _ := ix.index(p, 400, 400)
	if len(entries) < 50 {
		t.Fatalf("the page has %d terms, want a page with many", len(entries))
	}
	for _, e := range entries {
		ix.known[e.term] = &termBuf{term: e.term}
	}
	allocs := testing.AllocsPerRun(10, func() { ix.index(p, 400, 400) })
	if allocs > 20 {
		t.Errorf("indexing a page of %d known terms made %.0f allocations, want at most 20", len(entries), allocs)
	}
}
