package search

import (
	"strings"
	"testing"
)

// Indexing a page makes its term strings once per indexer and its
// payloads in one buffer: a page whose terms the indexer has seen costs a
// few allocations, not several per term.
func TestIndexAllocations(t *testing.T) {
	p := &page{url: "news/x/", title: "郑州市信息化促进会年会", segments: []segment{
		{field: fieldTitle, text: "郑州市信息化促进会年会"},
		{field: fieldHeading, text: "人工智能与物联网 AI IoT 2026"},
		{field: fieldBody, text: strings.Repeat("信息技术应用创新和城市信息模型的建设与应用，ipv6 网络与数据安全。", 20)},
	}}
	ix := newIndexer()
	terms := len(ix.index(p, 400, 400))
	if terms < 50 {
		t.Fatalf("the page has %d terms, want a page with many", terms)
	}
	allocs := testing.AllocsPerRun(10, func() { ix.index(p, 400, 400) })
	if allocs > 20 {
		t.Errorf("indexing a page of %d known terms made %.0f allocations, want at most 20", terms, allocs)
	}
}
