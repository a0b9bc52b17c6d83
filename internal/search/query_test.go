package search

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Query constants, mirrored in search.js.
const (
	// MaxExpand caps how many index terms a prefix (the word being typed)
	// expands to.
	MaxExpand = 32
	// titleBonus is added to a posting's impact when the term is in the title.
	titleBonus = 128
)

// Index reads an index the way the browser does: the manifest first, then
// only the shards and text chunks a query needs. It is not safe for
// concurrent use.
type Index struct {
	// Manifest is the index's manifest.
	Manifest Manifest
	load     func(name string) ([]byte, error)
	shards   map[int]*shard
	chunks   map[int][]chunkEntry
	loaded   []string
}

type shardTerm struct {
	df, idf    int
	positional bool
	data       []byte
}

type shard struct {
	terms []string // sorted
	info  map[string]shardTerm
}

// Open reads the manifest through load, which returns the file of the given
// name relative to the index folder ("manifest.json", "t/….bin").
func Open(load func(name string) ([]byte, error)) (*Index, error) {
	ix := &Index{load: load, shards: map[int]*shard{}, chunks: map[int][]chunkEntry{}}
	data, err := ix.read(ManifestName)
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, &ix.Manifest); err != nil {
		return nil, fmt.Errorf("search manifest: %w", err)
	}
	if ix.Manifest.Version != Version {
		return nil, fmt.Errorf("search manifest: version %d, want %d", ix.Manifest.Version, Version)
	}
	return ix, nil
}

// OpenFiles opens the index in files (as returned by Build) under dir.
func OpenFiles(files Files, dir string) (*Index, error) {
	if dir == "" {
		dir = "search"
	}
	return Open(func(name string) ([]byte, error) {
		b, ok := files[strings.Trim(dir, "/")+"/"+name]
		if !ok {
			return nil, fmt.Errorf("search: no file %s", name)
		}
		return b, nil
	})
}

func (ix *Index) read(name string) ([]byte, error) {
	ix.loaded = append(ix.loaded, name)
	return ix.load(name)
}

// Loaded lists the files read so far, in order, and forgets them.
func (ix *Index) Loaded() []string {
	l := ix.loaded
	ix.loaded = nil
	return l
}

// shardFor is the index of the shard whose term range holds term.
func (ix *Index) shardFor(term string) int {
	s := ix.Manifest.Shards
	return sort.Search(len(s), func(i int) bool { return s[i][0] > term }) - 1
}

func (ix *Index) shard(i int) (*shard, error) {
	if sh, ok := ix.shards[i]; ok {
		return sh, nil
	}
	data, err := ix.read(ix.Manifest.Shards[i][1])
	if err != nil {
		return nil, err
	}
	sh, err := decodeShard(data)
	if err != nil {
		return nil, fmt.Errorf("search shard %s: %w", ix.Manifest.Shards[i][1], err)
	}
	ix.shards[i] = sh
	return sh, nil
}

var errCorrupt = errors.New("corrupt shard")

func decodeShard(b []byte) (*shard, error) {
	if !strings.HasPrefix(string(b), shardMagic) {
		return nil, errCorrupt
	}
	r := reader{b: b, i: len(shardMagic)}
	n := r.uvarint()
	if r.err || n > len(b) {
		return nil, errCorrupt
	}
	sh := &shard{info: make(map[string]shardTerm, n)}
	lens := make([]int, n)
	for i := range n {
		l := r.uvarint()
		if r.err || r.i+l > len(b) {
			return nil, errCorrupt
		}
		t := string(b[r.i : r.i+l])
		r.i += l
		st := shardTerm{df: r.uvarint(), idf: r.uvarint(), positional: r.uvarint()&1 == 1}
		lens[i] = r.uvarint()
		sh.terms = append(sh.terms, t)
		sh.info[t] = st
	}
	for i, t := range sh.terms {
		if r.err || r.i+lens[i] > len(b) {
			return nil, errCorrupt
		}
		st := sh.info[t]
		st.data = b[r.i : r.i+lens[i]]
		r.i += lens[i]
		sh.info[t] = st
	}
	return sh, nil
}

type reader struct {
	b   []byte
	i   int
	err bool
}

func (r *reader) uvarint() int {
	v, n := binary.Uvarint(r.b[min(r.i, len(r.b)):])
	if n <= 0 {
		r.err = true
		return 0
	}
	r.i += n
	return int(v)
}

// posting is one page's entry in a term's posting list.
type posting struct {
	impact int
	title  bool
	pos    []int
}

func decodePostings(st shardTerm) (map[int]posting, error) {
	out := make(map[int]posting, st.df)
	r := reader{b: st.data}
	doc := 0
	for range st.df {
		doc += r.uvarint()
		v := r.uvarint()
		p := posting{impact: v >> 1, title: v&1 == 1}
		if st.positional {
			n := r.uvarint()
			p.pos = make([]int, n)
			at := 0
			for j := range n {
				at += r.uvarint()
				p.pos[j] = at
			}
		}
		if r.err {
			return nil, errCorrupt
		}
		out[doc] = p
	}
	return out, nil
}

// Hit is one page found by a query.
type Hit struct {
	Doc     int   // page number in the index
	Exact   int   // 2: the query is the page's title; 1: one of its headings
	Phrases int   // query groups found as exact phrases
	Terms   int   // how many of the query's terms the page has
	Matched int   // summed weight (idf) of the query terms found
	Score   int64 // ranking score
}

// Result is the answer to a query.
type Result struct {
	Hits []Hit
	// Missing are the query groups none of whose terms is in the index; they
	// are left out of the matching.
	Missing []string
	// Terms are the index terms the query matched, for highlighting.
	Terms []string
}

type resolved struct {
	q    queryTerm
	idf  int
	docs map[int]*match
}

type match struct {
	w   int64
	pos []int
}

// alternativesOf are the ways a query group may be matched: itself, then
// each synonym of its text (Manifest.Synonyms), in the set's order.
func alternativesOf(g group, synonyms [][]string) [][]queryTerm {
	alts := [][]queryTerm{g.terms}
	for _, set := range synonyms {
		if !slices.Contains(set, g.text) {
			continue
		}
		for _, w := range set {
			if w == g.text {
				continue
			}
			if gs := parseQuery(w + " "); len(gs) == 1 {
				alts = append(alts, gs[0].terms)
			}
		}
	}
	return alts
}

// groupMatch is how one alternative of a query group matches one page.
type groupMatch struct {
	any, phrase  bool
	found, total int // terms found; terms in the index
	matched      int
	score        int64
}

// better reports whether m ranks above o for the same group and page.
func (m groupMatch) better(o groupMatch) bool {
	switch {
	case m.any != o.any:
		return m.any
	case m.phrase != o.phrase:
		return m.phrase
	case m.found*o.total != o.found*m.total:
		return m.found*o.total > o.found*m.total
	case m.matched != o.matched:
		return m.matched > o.matched
	}
	return m.score > o.score
}

// Search runs a query: the same matching and ranking as search.js. A page
// matches when it has a term of every group (or of one of the group's
// synonyms) and at least half of the terms; pages whose title, then one of
// whose headings, is the query come first, then those with more exact
// phrases, more weight (idf) of the terms found, a higher score.
func (ix *Index) Search(q string) (*Result, error) {
	groups := splitSynonyms(parseQuery(q), ix.Manifest.Synonyms)
	res := &Result{}
	var active [][][]*resolved // group, alternative, term
	for _, g := range groups {
		var alts [][]*resolved
		found := false
		for _, terms := range alternativesOf(g, ix.Manifest.Synonyms) {
			var rs []*resolved
			for _, t := range terms {
				r, err := ix.resolve(t, res)
				if err != nil {
					return nil, err
				}
				found = found || r.idf > 0
				rs = append(rs, r)
			}
			alts = append(alts, rs)
		}
		if found {
			active = append(active, alts)
		} else {
			res.Missing = append(res.Missing, g.text)
		}
	}
	cand := map[int]bool{}
	for _, g := range active {
		for _, alt := range g {
			for _, r := range alt {
				for d := range r.docs {
					cand[d] = true
				}
			}
		}
	}
	exact, err := ix.exact(q)
	if err != nil {
		return nil, err
	}
	for d := range cand {
		h := Hit{Doc: d, Exact: exact[d]}
		ok := true
		total := 0
		for _, g := range active {
			var best groupMatch
			for i, alt := range g {
				m := groupMatch{phrase: true}
				all := true
				for _, r := range alt {
					if r.idf > 0 {
						m.total++
					}
					x := r.docs[d]
					if x == nil {
						all = false
						continue
					}
					m.any = true
					m.found++
					m.matched += r.idf
					m.score += x.w
				}
				m.phrase = m.any && all && phrase(alt, d)
				if i == 0 || m.better(best) {
					best = m
				}
			}
			if !best.any {
				ok = false
				break
			}
			h.Terms += best.found
			h.Matched += best.matched
			h.Score += best.score
			total += best.total
			if best.phrase {
				h.Phrases++
			}
		}
		if ok && 2*h.Terms >= total {
			res.Hits = append(res.Hits, h)
		}
	}
	slices.SortFunc(res.Hits, func(a, b Hit) int {
		switch {
		case a.Exact != b.Exact:
			return b.Exact - a.Exact
		case a.Phrases != b.Phrases:
			return b.Phrases - a.Phrases
		case a.Matched != b.Matched:
			return b.Matched - a.Matched
		case a.Score != b.Score:
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return a.Doc - b.Doc
	})
	return res, nil
}

// exact returns the pages whose title (2) or one of whose headings (1) is
// the whole query.
func (ix *Index) exact(q string) (map[int]int, error) {
	var t tokenizer
	toks := t.tokens(nil, strings.ReplaceAll(q, "\n", " "))
	if len(toks) == 0 || len(toks) > maxExactTokens {
		return nil, nil
	}
	key := exactKey(toks)
	i := ix.shardFor(key)
	if i < 0 {
		return nil, nil
	}
	sh, err := ix.shard(i)
	if err != nil {
		return nil, err
	}
	st, ok := sh.info[key]
	if !ok {
		return nil, nil
	}
	ps, err := decodePostings(st)
	if err != nil {
		return nil, err
	}
	out := make(map[int]int, len(ps))
	for d, p := range ps {
		out[d] = 1
		if p.title {
			out[d] = 2
		}
	}
	return out, nil
}

// phrase reports whether the positioned terms of g occur at consecutive
// positions (as in the query) in page d.
func phrase(g []*resolved, d int) bool {
	var ps []*resolved
	for _, r := range g {
		if r.q.pos >= 0 {
			ps = append(ps, r)
		}
	}
	if len(ps) < 2 {
		return true
	}
	first := ps[0]
	for _, p := range first.docs[d].pos {
		base := p - first.q.pos
		ok := true
		for _, r := range ps[1:] {
			if _, found := slices.BinarySearch(r.docs[d].pos, base+r.q.pos); !found {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// resolve finds the index terms for t (one, or the expansions of a prefix)
// and merges their postings.
func (ix *Index) resolve(t queryTerm, res *Result) (*resolved, error) {
	r := &resolved{q: t, docs: map[int]*match{}}
	var alts []string
	if t.prefix {
		for i := max(ix.shardFor(t.text), 0); i < len(ix.Manifest.Shards) && len(alts) < MaxExpand; i++ {
			if i > ix.shardFor(t.text) && !strings.HasPrefix(ix.Manifest.Shards[i][0], t.text) {
				break
			}
			sh, err := ix.shard(i)
			if err != nil {
				return nil, err
			}
			at, _ := slices.BinarySearch(sh.terms, t.text)
			for ; at < len(sh.terms) && strings.HasPrefix(sh.terms[at], t.text) && len(alts) < MaxExpand; at++ {
				alts = append(alts, sh.terms[at])
			}
		}
	} else if i := ix.shardFor(t.text); i >= 0 {
		sh, err := ix.shard(i)
		if err != nil {
			return nil, err
		}
		if _, ok := sh.info[t.text]; ok {
			alts = append(alts, t.text)
		}
	}
	for _, a := range alts {
		sh, err := ix.shard(ix.shardFor(a))
		if err != nil {
			return nil, err
		}
		st := sh.info[a]
		ps, err := decodePostings(st)
		if err != nil {
			return nil, err
		}
		res.Terms = append(res.Terms, a)
		r.idf = max(r.idf, st.idf)
		mult := int64(1)
		if a == t.text {
			mult = 2
		}
		for d, p := range ps {
			imp := p.impact
			if p.title {
				imp += titleBonus
			}
			w := int64(st.idf) * int64(imp) * mult
			m := r.docs[d]
			if m == nil {
				m = &match{}
				r.docs[d] = m
			}
			m.w = max(m.w, w)
			if t.pos >= 0 {
				m.pos = append(m.pos, p.pos...)
			}
		}
	}
	if len(alts) > 1 && t.pos >= 0 {
		for _, m := range r.docs {
			slices.Sort(m.pos)
			m.pos = slices.Compact(m.pos)
		}
	}
	return r, nil
}

// Doc returns page d's URL (relative to the site root), title and text,
// reading its chunk.
func (ix *Index) Doc(d int) (url, title, text string, err error) {
	c := ix.Manifest.Chunks
	i := sort.Search(len(c), func(i int) bool { return chunkFirst(c[i]) > d }) - 1
	if i < 0 || d >= ix.Manifest.Pages {
		return "", "", "", fmt.Errorf("search: no page %d", d)
	}
	entries, ok := ix.chunks[i]
	if !ok {
		data, err := ix.read(c[i][1].(string))
		if err != nil {
			return "", "", "", err
		}
		if err := json.Unmarshal(data, &entries); err != nil {
			return "", "", "", err
		}
		ix.chunks[i] = entries
	}
	e := entries[d-chunkFirst(c[i])]
	return e[0], e[1], e[2], nil
}

func chunkFirst(c [2]any) int {
	switch v := c[0].(type) {
	case int:
		return v
	case float64:
		return int(v)
	}
	return 0
}
