package search

import (
	"bytes"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
)

// oldIndex is how a page was indexed before the indexer looked CJK
// characters and bigrams up by code point: every term by its string (each
// payload encoded by acc.appendPayload, as the indexer encodes it). The
// indexer must give the same terms and payloads.
func oldIndex(p *page, length int, avg float64) map[string][]byte {
	accs := map[string]*acc{}
	var order []string
	get := func(k string, positional bool) *acc {
		if a, ok := accs[k]; ok {
			return a
		}
		a := &acc{positional: positional}
		accs[k] = a
		order = append(order, k)
		return a
	}
	var tok tokenizer
	for _, s := range p.segments {
		toks := tok.tokens(nil, s.text)
		tok.pos++
		w := fieldWeight(s.field)
		if s.field != fieldBody && len(toks) > 0 && len(toks) <= maxExactTokens {
			a := get(exactKey(toks), false)
			a.tfw++
			a.title = a.title || s.field == fieldTitle
		}
		for i, t := range toks {
			key := t.text
			if t.cjk {
				a := get(key, false)
				a.tfw += w
				a.title = a.title || s.field == fieldTitle
				if i+1 < len(toks) && toks[i+1].cjk && toks[i+1].joined {
					key += toks[i+1].text
				} else {
					continue
				}
			}
			a := get(key, true)
			a.tfw += w
			a.title = a.title || s.field == fieldTitle
			a.pos = append(a.pos, uint32(t.pos))
		}
	}
	norm := float64(k1 * (1 - bm25b + bm25b*float64(length)/avg))
	out := map[string][]byte{}
	for _, k := range order {
		a := accs[k]
		b := a.appendPayload(nil, norm)
		if a.positional {
			b = append([]byte{'p'}, b...)
		}
		out[k] = b
	}
	return out
}

// The indexer gives every page of the fixture site, and a page of text in
// every script (CJK outside the Unified Ideographs block among them), the
// terms and payloads oldIndex gives; one indexer indexes them all in turn,
// as a worker of Build does, with the terms of the pages before known.
func TestIndexerAsBefore(t *testing.T) {
	var pages []*page
	site := os.DirFS("testdata/fixture")
	if err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || !strings.HasSuffix(p, ".html") {
			return err
		}
		src, err := fs.ReadFile(site, p)
		if err != nil {
			return err
		}
		if d := extractDoc(p, src); d.page != nil {
			pages = append(pages, d.page)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if len(pages) < 5 {
		t.Fatalf("%d fixture pages, want more", len(pages))
	}
	pages = append(pages, &page{url: "x/", title: "かな 한국어", segments: []segment{
		{field: fieldTitle, text: "かな カタカナ 한국어 漢字"},
		{field: fieldHeading, text: "𠀀𠀁 ext-B 㐀㐁 ext-A ＩＰｖ６ 部署"},
		{field: fieldBody, text: "２０２７年度会费（30000元/年）ﬁle ① ㈱ Ⅻ e\u0301 café 郑州郑州 かなかな 한국어한국어 𠀀𠀁𠀀 㐀㐁"},
		{field: fieldBody, text: "数据安全\n数据 安全，数据安全。AI 人工智能 ai"},
	}})
	ix := newIndexer()
	ix.known = map[string]*termBuf{}
	for _, p := range pages {
		length := 0
		for _, s := range p.segments {
			length += countTokens(s.text)
		}
		want := oldIndex(p, length, 37.5)
		entries, payloads := ix.index(p, length, 37.5)
		got := map[string][]byte{}
		for _, e := range entries {
			if _, dup := got[e.term]; dup {
				t.Errorf("%s: term %q twice", p.url, e.term)
			}
			b := slices.Clone(payloads[e.start:e.end])
			if e.positional {
				b = append([]byte{'p'}, b...)
			}
			got[e.term] = b
			if e.known != nil && e.known.term != e.term {
				t.Errorf("%s: term %q known as %q", p.url, e.term, e.known.term)
			}
			if e.known == nil {
				ix.known[e.term] = &termBuf{term: e.term}
			}
		}
		if len(got) != len(want) {
			t.Errorf("%s: %d terms, want %d", p.url, len(got), len(want))
		}
		for k, w := range want {
			if g, ok := got[k]; !ok || !bytes.Equal(g, w) {
				t.Errorf("%s: term %q: payload %v, want %v", p.url, k, g, w)
			}
		}
	}
}
