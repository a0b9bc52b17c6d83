// Package search builds the site's search index at build time: a small JSON
// manifest, binary shards of posting lists split by term range, and chunks of
// page text for the result snippets, all written under search/ and read by
// assets/js/search.js in the browser.
//
// Chinese has no spaces between words, so the index has no word list: every
// pair of adjacent CJK characters is a term (a bigram, with its positions in
// the page), every CJK character is a term too (unigram, without positions,
// for one-character queries), and every run of letters or digits is a term
// (a word such as "ipv6", with positions). A query of n characters becomes
// n-1 bigrams whose positions must be consecutive for a phrase match; pages
// that contain most of the bigrams but not the phrase still match, ranked
// lower. Each title and heading is also a term of its own, whole, so that a
// query that is exactly a page's title or heading brings that page first;
// and a word with synonyms (AI, 人工智能: Synonyms) matches any of them. The
// same matching and ranking is implemented in Go (Index.Search,
// used by the tests) and in search.js; the tests run both on the same queries.
//
// Only the rendered pages' <main> is read, never the data files; elements
// marked data-search-ignore or data-pagefind-ignore, <address>, mailto:/tel:
// links, scripts and forms are skipped, and e-mail addresses and phone-like
// numbers are removed from the text.
package search

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/zzia/press/internal/htmlscan"
	"github.com/zzia/press/internal/spool"
)

// Version is the index format version, written in the manifest.
const Version = 2

// exactPrefix starts the terms that hold a whole title or heading (see
// exactKey); no token contains it.
const exactPrefix = "="

// maxExactTokens is the longest title or heading, in tokens, indexed whole.
const maxExactTokens = 40

// Synonyms are the abbreviations readers type for words the site spells
// out, and the other way round: a query group equal to one member of a set
// also matches the others. Members are written normalised (lower case).
var Synonyms = [][]string{
	{"ai", "人工智能"},
	{"iot", "物联网"},
	{"it", "信息技术"},
	{"cim", "城市信息模型"},
	{"bim", "建筑信息模型"},
	{"erp", "企业资源计划"},
	{"saas", "软件即服务"},
	{"信创", "信息技术应用创新"},
	{"等保", "等级保护"},
}

// ManifestName is the manifest's file name inside the index folder.
const ManifestName = "manifest.json"

// shardMagic starts every shard file.
const shardMagic = "PSI1"

// Ranking constants (BM25 with field weights).
const (
	k1            = 1.2
	bm25b         = 0.75
	weightBody    = 1
	weightHeading = 2
	weightTitle   = 4
)

// fieldWeight is how much a term in a block of the field counts.
func fieldWeight(field int) int {
	switch field {
	case fieldHeading:
		return weightHeading
	case fieldTitle:
		return weightTitle
	}
	return weightBody
}

// Options tunes Build. The zero value is the default.
type Options struct {
	// Dir is the index folder inside the site; default "search".
	Dir string
	// ShardBytes is the target size of one posting shard; default 12 KiB. A
	// smaller value means less to load per query and more files.
	ShardBytes int
	// ChunkBytes is the target size of one chunk of page text; default 12 KiB.
	ChunkBytes int
	// Exclude reports whether a page stays out of the index, given its URL
	// relative to the site root ("news/x/", "" for the home page); nil means
	// DefaultExclude.
	Exclude func(url string) bool
	// Workers is how many pages are read at once; 0 means GOMAXPROCS.
	Workers int
	// Pages, when set, holds pages already extracted while they were being
	// written (see Pages.Add); Build reads from site only the others.
	Pages *Pages
	// Files, when not nil, are the files of site as the caller listed
	// them (every file, slash-separated, as fs.WalkDir gives them; no
	// directories): Build does not walk site again.
	Files []string
	// Cache, when set, is a file in which Build keeps the files it made,
	// with the digest of what they were made from: the pages as extracted,
	// the options and Program. When the next Build's pages and all else are
	// the same, it returns those files without indexing again.
	Cache string
	// Program identifies the program that indexes (with Cache): a press
	// built anew does not take an older one's files.
	Program string
}

// Pages collects pages for the index as the site generator writes them, so
// the text is extracted while rendering goes on, without reading the files
// back. It is safe for concurrent use.
type Pages struct {
	// mu orders the additions of a page and of its record's SHA-256, so
	// that for a page added twice both keep the last.
	mu    sync.Mutex
	store *spool.Store[docResult]
	sums  map[string][sha256.Size]byte // each page's record's SHA-256 (recordSum)
}

// NewPages returns an empty collection.
func NewPages() *Pages {
	return &Pages{sums: map[string][sha256.Size]byte{}, store: spool.NewStore(appendRecord, func(r *bufio.Reader) (string, docResult, error) {
		return readRecord(r, true)
	}).CheckWith(func(r *bufio.Reader) error {
		_, _, err := readRecord(r, false)
		return err
	})}
}

// Add extracts the page written at name (slash-separated, relative to the
// site root, e.g. "news/x/index.html") from its HTML.
func (ps *Pages) Add(name string, html []byte) {
	htmlscan.Scan(bytes.NewReader(html), ps.Visitor(name))
}

// Visitor extracts the page written at name as Add does, in a scan shared
// with other readers of the page (see htmlscan.Scan): the page is added
// when the scan ends, or as one without content to index when the
// extraction stops early.
func (ps *Pages) Visitor(name string) htmlscan.Visitor {
	return ps.VisitorKeep(name, nil)
}

// VisitorKeep is Visitor, and also hands keep (when not nil) the page's
// record when the page is added: Put takes it back for a page with the
// same name and bytes. keep may not hold on to rec.
func (ps *Pages) VisitorKeep(name string, keep func(rec []byte)) htmlscan.Visitor {
	return &pageVisitor{e: newExtractor(), name: name, ps: ps, keep: keep}
}

// Put adds a page from its record, as VisitorKeep handed it over: the
// same as extracting the page again. A record that cannot be read is an
// error, and nothing is added.
func (ps *Pages) Put(rec []byte) error {
	n, k := binary.Uvarint(rec)
	if k <= 0 || uint64(len(rec)-k) < n {
		return errors.New("search: a record without a page name")
	}
	name, sum := string(rec[k:k+int(n)]), sha256.Sum256(rec)
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if err := ps.store.Put(rec); err != nil {
		return err
	}
	ps.sums[name] = sum
	return nil
}

// add adds the page extracted at name, handing keep (when not nil) its
// record.
func (ps *Pages) add(name string, d docResult, keep func(rec []byte)) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	if keep == nil && !ps.store.Spilled() {
		// Held in memory: its record is made only if sum asks.
		ps.store.Add(name, d, nil)
		delete(ps.sums, name)
		return
	}
	var sum [sha256.Size]byte
	ps.store.Add(name, d, func(rec []byte) {
		sum = sha256.Sum256(rec)
		if keep != nil {
			keep(rec)
		}
	})
	ps.sums[name] = sum
}

// sum is the SHA-256 of the record of the page written at name, if the
// collection has it: what the index takes of the page, for Options.Cache.
// A page waiting on disk has it from when it was added.
func (ps *Pages) sum(name string) ([sha256.Size]byte, bool) {
	if ps == nil {
		return [sha256.Size]byte{}, false
	}
	ps.mu.Lock()
	s, ok := ps.sums[name]
	ps.mu.Unlock()
	if ok || ps.store.Spilled() {
		return s, ok
	}
	d, ok := ps.store.Get(name)
	if !ok {
		return s, false
	}
	return recordSum(name, d), true
}

// recordSum is the SHA-256 of the record of page d written at name, as
// Pages keeps it: two pages with the same name and text have the same.
func recordSum(name string, d docResult) [sha256.Size]byte {
	return sha256.Sum256(appendRecord(nil, name, d))
}

// pageVisitor is a Pages' reader of one page.
type pageVisitor struct {
	e    *extractor
	name string
	ps   *Pages
	keep func(rec []byte)
}

// Token reads one token; when the page is not to be indexed, the page is
// added as such at once.
func (v *pageVisitor) Token(t *htmlscan.Token) bool {
	if v.e.Token(t) {
		return true
	}
	v.add()
	return false
}

// End adds the page.
func (v *pageVisitor) End(err error) {
	v.e.End(err)
	v.add()
}

func (v *pageVisitor) add() {
	v.ps.add(v.name, docOf(v.name, v.e), v.keep)
}

// get is the page written at name, if the collection has it. The first
// get reads back the pages on disk; if they cannot be read, Build reads
// every page from the site.
func (ps *Pages) get(name string) (docResult, bool) {
	if ps == nil {
		return docResult{}, false
	}
	return ps.store.Get(name)
}

// extractDoc extracts one page and counts its tokens; a page without
// content to index gives a docResult with a nil page.
func extractDoc(name string, src []byte) docResult {
	e := newExtractor()
	htmlscan.Scan(bytes.NewReader(src), e)
	return docOf(name, e)
}

// docOf is the docResult of a page read by e.
func docOf(name string, e *extractor) docResult {
	title, segs, ok := e.result()
	if !ok {
		return docResult{}
	}
	p := &page{url: pageURL(name), title: title, segments: compactSegments(segs)}
	n := 0
	for _, s := range p.segments {
		n += countTokens(s.text)
	}
	return docResult{page: p, length: n}
}

// compactSegments is segs in a slice of its length, their texts parts of
// one string: the pages are held while the site is rendered (Pages), and a
// string for each block and a slice grown by appending cost a page a third
// more than its text.
func compactSegments(segs []segment) []segment {
	n := 0
	for _, s := range segs {
		n += len(s.text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, s := range segs {
		b.WriteString(s.text)
	}
	all := b.String()
	out := make([]segment, len(segs))
	for i, s := range segs {
		out[i] = segment{field: s.field, text: all[:len(s.text)]}
		all = all[len(s.text):]
	}
	return out
}

var paginated = regexp.MustCompile(`(^|/)page/[0-9]+/$`)

// DefaultExclude leaves out the 404 page, the search page and everything
// under search/, and paginated list pages (".../page/2/"), which repeat the
// titles of the pages they list.
func DefaultExclude(url string) bool {
	return url == "404.html" || strings.HasPrefix(url, "search/") || paginated.MatchString(url)
}

// Files are the files of an index, keyed by slash-separated path relative to
// the site root ("search/manifest.json", "search/t/….bin", "search/d/….json").
type Files map[string][]byte

// Size is the total size of the files in bytes.
func (f Files) Size() int {
	n := 0
	for _, b := range f {
		n += len(b)
	}
	return n
}

// Manifest is the index's entry point, search/manifest.json.
type Manifest struct {
	Version int `json:"v"`
	Pages   int `json:"pages"`
	// Shards are the posting shards in term order: [first term, file]. The
	// first shard's first term is "".
	Shards [][2]string `json:"shards"`
	// Chunks are the page-text chunks in page order: [first page, file].
	Chunks [][2]any `json:"chunks"`
	// Synonyms are the sets of words a query matches in place of each other.
	Synonyms [][]string `json:"syn"`
}

// page text chunk entry: [url, title, text]
type chunkEntry [3]string

type termBuf struct {
	term       string
	df         int
	last       int
	positional bool
	buf        []byte
}

type docResult struct {
	page   *page
	length int
}

// Build reads the built site (HTML pages under site; URL from the file path:
// "news/x/index.html" is "news/x/") and returns the index files. The bytes
// depend only on the pages: files are named by content hash, terms and pages
// are sorted.
func Build(site fs.FS, opts Options) (Files, error) {
	idx, err := BuildIndex(site, opts)
	return idx.Files, err
}

// BuildIndex is Build, with the files kept on disk when they are taken
// from Options.Cache (Built.Kept).
func BuildIndex(site fs.FS, opts Options) (Built, error) {
	if opts.Dir == "" {
		opts.Dir = "search"
	}
	if opts.ShardBytes <= 0 {
		opts.ShardBytes = 12 << 10
	}
	if opts.ChunkBytes <= 0 {
		opts.ChunkBytes = 12 << 10
	}
	if opts.Exclude == nil {
		opts.Exclude = DefaultExclude
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	dirPrefix := strings.Trim(opts.Dir, "/") + "/"

	var names []string
	page := func(p string) {
		if strings.HasSuffix(p, ".html") && !opts.Exclude(pageURL(p)) {
			names = append(names, p)
		}
	}
	if opts.Files != nil {
		for _, p := range opts.Files {
			if !strings.HasPrefix(p, dirPrefix) {
				page(p)
			}
		}
	} else if err := fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p+"/" == dirPrefix {
				return fs.SkipDir
			}
			return nil
		}
		page(p)
		return nil
	}); err != nil {
		return Built{}, err
	}
	slices.SortFunc(names, func(a, b string) int { return strings.Compare(pageURL(a), pageURL(b)) })

	// Pass 1: read and extract every page, count its tokens. With a cache,
	// what each page gives the index is known first by its record's
	// SHA-256 (Pages.sum, taken while Hugo wrote the site): when the cache
	// was made from the same, no page is read back at all.
	docs := make([]docResult, len(names))
	read := make([]bool, len(names))
	extract := func(i int) error {
		src, err := fs.ReadFile(site, names[i])
		if err != nil {
			return err
		}
		docs[i], read[i] = extractDoc(names[i], src), true
		return nil
	}
	var digest [sha256.Size]byte
	if opts.Cache != "" {
		sums := make([][sha256.Size]byte, len(names))
		if err := parallel(len(names), opts.Workers, func(i int) error {
			if s, ok := opts.Pages.sum(names[i]); ok {
				sums[i] = s
				return nil
			}
			if err := extract(i); err != nil {
				return err
			}
			sums[i] = recordSum(names[i], docs[i])
			return nil
		}); err != nil {
			return Built{}, err
		}
		digest = inputDigest(opts, dirPrefix, sums)
		if files, kept, ok := loadCached(opts.Cache, digest, opts.Workers); ok {
			return Built{Files: files, Kept: kept}, nil
		}
	}
	if err := parallel(len(names), opts.Workers, func(i int) error {
		if read[i] {
			return nil
		}
		if d, ok := opts.Pages.get(names[i]); ok {
			docs[i] = d
			return nil
		}
		return extract(i)
	}); err != nil {
		return Built{}, err
	}
	docs = slices.DeleteFunc(docs, func(d docResult) bool { return d.page == nil })
	total := 0
	for _, d := range docs {
		total += d.length
	}
	avg := 1.0
	if len(docs) > 0 && total > 0 {
		avg = float64(total) / float64(len(docs))
	}

	// Pass 2: postings, a batch of pages at a time, merged in page order.
	terms := map[string]*termBuf{}
	const batch = 256
	type pageTerms struct {
		entries  []termEntry
		payloads []byte
	}
	results := make([]pageTerms, batch)
	workers := make([]*indexer, opts.Workers)
	for i := range workers {
		workers[i] = newIndexer()
		workers[i].known = terms
	}
	var mu sync.Mutex
	free := slices.Clone(workers)
	for start := 0; start < len(docs); start += batch {
		end := min(start+batch, len(docs))
		err := parallel(end-start, opts.Workers, func(i int) error {
			mu.Lock()
			ix := free[len(free)-1]
			free = free[:len(free)-1]
			mu.Unlock()
			d := docs[start+i]
			results[i].entries, results[i].payloads = ix.index(d.page, d.length, avg)
			mu.Lock()
			free = append(free, ix)
			mu.Unlock()
			return nil
		})
		if err != nil {
			return Built{}, err
		}
		for i := range end - start {
			id := start + i
			payloads := results[i].payloads
			for _, e := range results[i].entries {
				tb := e.known
				if tb == nil {
					tb = terms[e.term]
				}
				if tb == nil {
					tb = &termBuf{term: e.term, positional: e.positional}
					terms[e.term] = tb
				}
				tb.buf = binary.AppendUvarint(tb.buf, uint64(id-tb.last))
				tb.buf = append(tb.buf, payloads[e.start:e.end]...)
				tb.last = id
				tb.df++
			}
			results[i] = pageTerms{}
		}
	}

	files := Files{}
	put := func(kind, ext string, data []byte) string {
		sum := sha256.Sum256(data)
		name := kind + "/" + hex.EncodeToString(sum[:6]) + "." + ext
		files[dirPrefix+name] = data
		return name
	}

	// Shards: terms in order, cut when a shard reaches its target size.
	sorted := make([]string, 0, len(terms))
	for t := range terms {
		sorted = append(sorted, t)
	}
	slices.Sort(sorted)
	man := Manifest{Version: Version, Pages: len(docs), Shards: [][2]string{}, Chunks: [][2]any{}, Synonyms: Synonyms}
	var (
		shardTerms []string
		shardSize  int
	)
	emit := func() {
		if len(shardTerms) == 0 {
			return
		}
		data := encodeShard(shardTerms, terms, len(docs))
		first := shardTerms[0]
		if len(man.Shards) == 0 {
			first = ""
		}
		man.Shards = append(man.Shards, [2]string{first, put("t", "bin", data)})
		shardTerms, shardSize = shardTerms[:0], 0
	}
	for _, t := range sorted {
		sz := len(t) + 8 + len(terms[t].buf)
		if shardSize > 0 && shardSize+sz > opts.ShardBytes {
			emit()
		}
		shardTerms = append(shardTerms, t)
		shardSize += sz
	}
	emit()

	// Page text chunks.
	var (
		chunk     []chunkEntry
		chunkSize int
		chunkFrom int
	)
	emitChunk := func(next int) error {
		if len(chunk) == 0 {
			return nil
		}
		data, err := marshal(chunk)
		if err != nil {
			return err
		}
		man.Chunks = append(man.Chunks, [2]any{chunkFrom, put("d", "json", data)})
		chunk, chunkSize, chunkFrom = nil, 0, next
		return nil
	}
	for i, d := range docs {
		e := chunkEntry{d.page.url, d.page.title, d.page.text()}
		sz := len(e[0]) + len(e[1]) + len(e[2]) + 12
		if chunkSize > 0 && chunkSize+sz > opts.ChunkBytes {
			if err := emitChunk(i); err != nil {
				return Built{}, err
			}
		}
		chunk = append(chunk, e)
		chunkSize += sz
	}
	if err := emitChunk(len(docs)); err != nil {
		return Built{}, err
	}

	data, err := marshal(man)
	if err != nil {
		return Built{}, err
	}
	files[dirPrefix+ManifestName] = data
	var kept map[string]string
	if opts.Cache != "" {
		// A cache that cannot be written costs the next build time only.
		kept, _ = saveCached(opts.Cache, digest, files, opts.Workers)
	}
	return Built{Files: files, Kept: kept}, nil
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// pageURL is the URL of an HTML file relative to the site root.
func pageURL(name string) string {
	switch {
	case name == "index.html":
		return ""
	case strings.HasSuffix(name, "/index.html"):
		return strings.TrimSuffix(name, "index.html")
	}
	return name
}

// idfQ is the quantised inverse document frequency (BM25's, ×1000).
func idfQ(df, n int) int {
	v := math.Log(1 + (float64(n)-float64(df)+0.5)/(float64(df)+0.5))
	q := int(math.Round(float64(v * 1000)))
	return max(q, 1)
}

func encodeShard(ts []string, terms map[string]*termBuf, n int) []byte {
	var b []byte
	b = append(b, shardMagic...)
	b = binary.AppendUvarint(b, uint64(len(ts)))
	for _, t := range ts {
		tb := terms[t]
		b = binary.AppendUvarint(b, uint64(len(t)))
		b = append(b, t...)
		b = binary.AppendUvarint(b, uint64(tb.df))
		b = binary.AppendUvarint(b, uint64(idfQ(tb.df, n)))
		flags := uint64(0)
		if tb.positional {
			flags = 1
		}
		b = binary.AppendUvarint(b, flags)
		b = binary.AppendUvarint(b, uint64(len(tb.buf)))
	}
	for _, t := range ts {
		b = append(b, terms[t].buf...)
	}
	return b
}

// termEntry is one term of one page, its posting encoded (without the
// page) in the page's payloads.
type termEntry struct {
	term       string
	known      *termBuf // the term's postings, when known before the batch
	positional bool
	start, end uint32 // the payload in the page's payloads (indexer.index)
}

type acc struct {
	tfw        int
	title      bool
	positional bool
	pos        []uint32
	// term is the term of a word or a whole title or heading; a CJK
	// character's or bigram's is made from r1 (and r2, -1 for a lone
	// character) once the page is indexed, not for every occurrence.
	term   string
	r1, r2 rune
	known  *termBuf // the term's postings so far, when it is known
}

// appendPayload appends the term's payload on its page to buf: its impact
// (1–255, from its weighted frequency and the page's BM25 norm) shifted
// left by one with the title bit, then for a positional term the number of
// its positions and the gaps between them, each a uvarint.
func (a *acc) appendPayload(buf []byte, norm float64) []byte {
	tf := float64(a.tfw)
	impact := int(math.Round(float64(255 * tf / float64(tf+norm))))
	impact = min(max(impact, 1), 255)
	v := uint64(impact) << 1
	if a.title {
		v |= 1
	}
	buf = binary.AppendUvarint(buf, v)
	if a.positional {
		buf = binary.AppendUvarint(buf, uint64(len(a.pos)))
		prev := uint32(0)
		for _, x := range a.pos {
			buf = binary.AppendUvarint(buf, uint64(x-prev))
			prev = x
		}
	}
	return buf
}

// indexer turns pages into term entries; one per worker, reused.
type indexer struct {
	tok  tokenizer
	toks []token
	// The page's terms so far: words and whole titles or headings by
	// term, CJK characters and bigrams by their code points (most of a
	// Chinese page's tokens, looked up without hashing a string).
	words map[string]*acc
	uni   map[rune]*acc
	bi    map[uint64]*acc
	pool  []*acc
	key   []byte
	order []*acc
	// known are the terms of the pages indexed before, read while the
	// indexers run (Build adds to it between batches): a term that comes
	// back on another page (most do) takes its string, which is not made
	// again.
	known map[string]*termBuf
}

func newIndexer() *indexer {
	return &indexer{words: map[string]*acc{}, uni: map[rune]*acc{}, bi: map[uint64]*acc{}, tok: tokenizer{strs: map[string]string{}}}
}

// newAcc is a new term of the page, in order of first occurrence.
func (ix *indexer) newAcc(positional bool) *acc {
	var a *acc
	if n := len(ix.pool); n > 0 {
		a = ix.pool[n-1]
		ix.pool = ix.pool[:n-1]
		*a = acc{pos: a.pos[:0]}
	} else {
		a = &acc{}
	}
	a.positional = positional
	ix.order = append(ix.order, a)
	return a
}

// word is the accumulator of a word or whole title or heading (key).
func (ix *indexer) word(key string, positional bool) *acc {
	if a, ok := ix.words[key]; ok {
		return a
	}
	a := ix.newAcc(positional)
	if tb := ix.known[key]; tb != nil {
		a.term, a.known = tb.term, tb
	} else {
		a.term = strings.Clone(key)
	}
	ix.words[a.term] = a
	return a
}

// unigram is the accumulator of the CJK character r.
func (ix *indexer) unigram(r rune) *acc {
	if a, ok := ix.uni[r]; ok {
		return a
	}
	a := ix.newAcc(false)
	a.r1, a.r2 = r, -1
	ix.uni[r] = a
	return a
}

// bigram is the accumulator of the CJK characters r1 r2, adjacent.
func (ix *indexer) bigram(r1, r2 rune) *acc {
	k := uint64(uint32(r1))<<32 | uint64(uint32(r2))
	if a, ok := ix.bi[k]; ok {
		return a
	}
	a := ix.newAcc(true)
	a.r1, a.r2 = r1, r2
	ix.bi[k] = a
	return a
}

// term is a's term string and, when the term is known, its postings so
// far: a known term's string, or one made now.
func (ix *indexer) term(a *acc) (string, *termBuf) {
	if a.term != "" {
		return a.term, a.known
	}
	ix.key = utf8.AppendRune(ix.key[:0], a.r1)
	if a.r2 >= 0 {
		ix.key = utf8.AppendRune(ix.key, a.r2)
	}
	if tb := ix.known[string(ix.key)]; tb != nil {
		return tb.term, tb
	}
	if a.r2 < 0 {
		return cjkText(a.r1, nil), nil
	}
	return string(ix.key), nil
}

func (ix *indexer) index(p *page, length int, avg float64) (entries []termEntry, payloads []byte) {
	ix.tok.pos = 0 // a new page: its buffers and strings are kept
	for _, s := range p.segments {
		ix.toks = ix.tok.tokens(ix.toks[:0], s.text)
		ix.tok.pos++ // block break
		w := fieldWeight(s.field)
		title := s.field == fieldTitle
		// A title or heading is also indexed whole, so that a query that
		// is exactly a title or heading ranks its pages first.
		if s.field != fieldBody && len(ix.toks) > 0 && len(ix.toks) <= maxExactTokens {
			a := ix.word(exactKey(ix.toks), false)
			a.tfw++
			a.title = a.title || title
		}
		for i, t := range ix.toks {
			var a *acc
			if t.cjk {
				a = ix.unigram(t.r)
				a.tfw += w
				a.title = a.title || title
				if i+1 >= len(ix.toks) || !ix.toks[i+1].cjk || !ix.toks[i+1].joined {
					continue
				}
				a = ix.bigram(t.r, ix.toks[i+1].r)
			} else {
				a = ix.word(t.text, true)
			}
			a.tfw += w
			a.title = a.title || title
			a.pos = append(a.pos, uint32(t.pos))
		}
	}
	norm := float64(k1 * (1 - bm25b + bm25b*float64(length)/avg))
	out := make([]termEntry, 0, len(ix.order))
	// The page's payloads share one buffer; an entry holds where its
	// payload is in it.
	size := 0
	for _, a := range ix.order {
		size += 2 + 2*len(a.pos)
	}
	buf := make([]byte, 0, size)
	for _, a := range ix.order {
		start := len(buf)
		buf = a.appendPayload(buf, norm)
		term, known := ix.term(a)
		out = append(out, termEntry{term: term, known: known, positional: a.positional, start: uint32(start), end: uint32(len(buf))})
		ix.pool = append(ix.pool, a)
	}
	clear(ix.words)
	clear(ix.uni)
	clear(ix.bi)
	ix.order = ix.order[:0]
	return out, buf
}

// countTokens counts the tokens of s the way tokenizer.tokens would.
func countTokens(s string) int {
	n := 0
	inWord := false
	var buf []rune
	for _, r := range s {
		buf = normRune(buf[:0], r)
		for _, c := range buf {
			switch classOf(c) {
			case classWord:
				if !inWord {
					n++
					inWord = true
				}
			case classCJK:
				n++
				inWord = false
			default:
				inWord = false
			}
		}
	}
	return n
}

// parallel runs f(0..n-1) on up to workers goroutines; the first error wins.
func parallel(n, workers int, f func(i int) error) error {
	if n == 0 {
		return nil
	}
	workers = min(workers, n)
	var (
		wg    sync.WaitGroup
		next  int
		mu    sync.Mutex
		first error
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				i := next
				next++
				stop := first != nil
				mu.Unlock()
				if i >= n || stop {
					return
				}
				if err := f(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return first
}
