// Package line breaks a paragraph of styled text into justified lines of
// positioned glyph runs, by the rules of Chinese text layout (W3C clreq):
// break opportunities from UAX #14 filtered by the line-start and line-end
// prohibitions, full-width punctuation compression, a quarter-em space
// between Han and Latin, justification that spreads the remaining space
// evenly, and a last line of at least two characters.
package line

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/go-text/typesetting/segmenter"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/clreq"
	"github.com/zzia/press/internal/typeset/fonts"
)

// Item is a piece of inline text in one style.
type Item struct {
	Text          string
	Style         fonts.Style
	Size          float64 // font size in points
	Color         box.Color
	Rise          float64 // baseline shift upward, for superscripts
	Link          string  // URL, or "#name" for an internal link; empty for none
	Strike        bool
	Tag           int  // non-zero tags are reported on the line holding the item's first character
	NoBreakBefore bool // keep the item on the line of the text before it (a footnote mark)
}

// Align is how a line that is not justified sits in its width.
type Align uint8

// Alignments.
const (
	Left Align = iota
	Center
	Right
)

// Params are the measures of a paragraph.
type Params struct {
	Width   float64 // line width in points
	Indent  float64 // first-line indent in points
	Justify bool    // justify every line but the last and those ending in a hard break
	Align   Align   // alignment of lines that are not justified
	Code    bool    // preformatted: break at spaces, else anywhere; no clreq rules
	// Balance sets a title or heading: lines of even length, broken
	// after punctuation, at spaces, between Han and Latin or around
	// function words (的 与 和 …) rather than inside a word.
	Balance bool
	// Hang sets a full stop or comma (。，、．) that ends a line in the
	// margin, outside the measure (hanging punctuation, 标点悬挂).
	Hang bool
}

// Line is one line of a paragraph, relative to its start on the baseline.
type Line struct {
	Width   float64 // the line's set width (the measure for a justified line)
	Ascent  float64 // highest point above the baseline (positive)
	Descent float64 // lowest point below the baseline (positive)
	Runs    []box.Text
	Rects   []box.Rect // strike-through rules
	Links   []box.Link
	Tags    []int
	Text    string // the characters of the line, a space where a space was set
	Last    bool   // the paragraph's last line, or a line ended by a hard break
}

// kind classifies a glyph for spacing and justification.
type kind uint8

const (
	kHan     kind = iota // Han, kana, full-width forms: on the em grid
	kPunct               // Chinese punctuation set full-width
	kLatin               // letters, digits and anything else in a Latin face
	kNewline             // a hard break
)

type glyph struct {
	r        rune
	item     int32
	kind     kind
	choice   fonts.Choice
	size     float64
	adv      float64 // natural advance
	lead     float64 // blank removed before the glyph (an opening mark compressed)
	trail    float64 // blank removed after the glyph (a closing mark compressed)
	pre      float64 // natural gap before the glyph: a space, or ¼ em between Han and Latin
	shrink   float64 // how much of pre may be given up
	stretch  bool    // whether the gap before the glyph takes justification space
	space    bool    // the gap before the glyph is an inter-word space
	breakOK  bool    // a line may break before this glyph
	mustBrk  bool    // a line must break before this glyph (after a hard break)
	hasSpace bool    // an inter-word space was typed before the glyph
	first    bool    // the first glyph of its item
	raised   bool    // part of a superscript (a footnote mark)
	orig     rune    // the character a placeholder stands for; 0 for none
	soft     bool    // breakOK is a break inside a URL or code
	pref     bool    // a soft break after / . - _ ? & =, where a URL breaks best
	inURL    bool    // part of a long URL, path or piece of inline code
	hang     bool    // a mark that hangs in the margin when it ends a line
}

var segPool = sync.Pool{New: func() any { return new(segmenter.Segmenter) }}

// Break sets items into lines of width p.Width.
func Break(items []Item, set *fonts.Set, p Params) []Line {
	sb := shapePool.Get().(*shapeBuf)
	defer shapePool.Put(sb)
	gs := sb.shape(items, set, p)
	if len(gs) == 0 {
		return nil
	}
	starts := breakLines(gs, p)
	lines := make([]Line, 0, len(starts))
	// A link is one structure element however many lines it runs over.
	var links map[int32]*box.Tag
	for i, s := range starts {
		e := len(gs)
		if i+1 < len(starts) {
			e = starts[i+1]
		}
		last := i == len(starts)-1 || gs[e].mustBrk
		width := p.Width
		indent := 0.0
		if i == 0 {
			indent = p.Indent
		}
		lines = append(lines, set1(gs[s:e], items, width-indent, indent, p, last, &links))
	}
	return lines
}

// shapeBuf holds what shaping a paragraph needs, reused from one
// paragraph to the next.
type shapeBuf struct {
	runes []rune
	owner []int32
	opp   []bool
	gs    []glyph
}

var shapePool = sync.Pool{New: func() any { return new(shapeBuf) }}

// shape turns items into glyphs with their advances, gaps and break
// opportunities. The glyphs are the buffer's until its next use.
func (sb *shapeBuf) shape(items []Item, set *fonts.Set, p Params) []glyph {
	n := 0
	for _, it := range items {
		n += len(it.Text)
	}
	runes := sb.runes[:0]
	owner := sb.owner[:0]
	defer func() { sb.runes, sb.owner = runes[:0], owner[:0] }()
	for i, it := range items {
		for _, r := range it.Text {
			if r == '\r' || r == '\t' {
				r = ' '
			}
			runes = append(runes, r)
			owner = append(owner, int32(i))
		}
	}
	if len(runes) == 0 {
		return nil
	}
	// Break opportunities from UAX #14: opp[k] is true when a line may
	// break before rune k.
	opp := grow(sb.opp, len(runes)+1)
	clear(opp)
	sb.opp = opp
	if !p.Code { // code breaks at its spaces, whatever UAX #14 says
		seg := segPool.Get().(*segmenter.Segmenter)
		seg.Init(runes)
		it := seg.LineIterator()
		for it.Next() {
			l := it.Line()
			opp[l.Offset] = true
		}
		segPool.Put(seg)
	}
	// Curly quotes beside Han characters break like the Han characters
	// (UAX #14 keeps them with both neighbours, as in Latin text): before
	// an opening quote, after a closing one.
	for k, r := range runes {
		switch r {
		case '“', '‘':
			if k > 0 && clreq.IsCJK(runes[k-1]) {
				opp[k] = true
			}
		case '”', '’':
			if k+1 < len(runes) && clreq.IsCJK(runes[k+1]) {
				opp[k+1] = true
			}
		}
	}

	gs := sb.gs[:0]
	if cap(gs) < len(runes) {
		gs = make([]glyph, 0, len(runes))
	}
	defer func() { sb.gs = gs[:0] }()
	pendingSpace := false
	spaceWidth := 0.0
	spaceOpp := false
	silentOpp := false // a break opportunity before a sequence's silent part
	prevK := -1        // the rune of the glyph (or space) before this one
	for k, r := range runes {
		item := &items[owner[k]]
		if silent(runes, k) {
			silentOpp = silentOpp || opp[k]
			continue
		}
		first := prevK < 0 || owner[prevK] != owner[k]
		prevK = k
		if r == ' ' && !p.Code {
			if !pendingSpace {
				c := set.Pick(item.Style, ' ', false)
				spaceWidth = float64(c.Face.Advance(' ')) * item.Size / 1000
			}
			pendingSpace = true
			spaceOpp = spaceOpp || opp[k+1]
			continue
		}
		g := glyph{r: r, item: owner[k], size: item.Size, first: first, raised: item.Rise != 0}
		if r == '\n' {
			g.kind = kNewline
			g.choice = set.Pick(item.Style, ' ', false)
		} else {
			cjk := clreq.IsCJK(r)
			if !cjk && clreq.IsAmbiguous(r) {
				cjk = cjkContext(runes, k)
			}
			g.choice = set.Pick(item.Style, r, cjk)
			if g.choice.Missing {
				// No face has it: a placeholder, reported by the caller.
				g.orig, r, g.r = r, fonts.Placeholder, fonts.Placeholder
				g.choice = set.Pick(item.Style, r, true)
				g.choice.Fallback = false
				cjk = true
			}
			switch {
			case clreq.IsHan(r):
				g.kind = kHan
			case p.Code:
				g.kind = kLatin // code is set as typed: no compression or trimming
			case cjk && clreq.IsPunct(r):
				g.kind = kPunct
			case cjk:
				g.kind = kHan
			default:
				g.kind = kLatin
			}
			g.adv = float64(g.choice.Face.Advance(r)) * item.Size / 1000
		}
		g.breakOK = opp[k] || silentOpp || pendingSpace && spaceOpp
		if len(gs) > 0 {
			prev := &gs[len(gs)-1]
			g.hasSpace = pendingSpace
			if prev.kind == kNewline {
				g.mustBrk, g.breakOK = true, true
			} else if !p.Code && g.breakOK {
				if pendingSpace {
					g.breakOK = !clreq.IsNoStart(r) && !clreq.IsNoEnd(prev.r)
				} else {
					g.breakOK = !clreq.KeepTogether(prev.r, r)
				}
			}
			if item.NoBreakBefore && first {
				g.breakOK = false
			}
			g.pre, g.shrink, g.stretch, g.space = gap(prev, &g, pendingSpace, spaceWidth, p.Code)
			// Adjacent full-width punctuation: 1.5 em for the pair.
			if prev.kind == kPunct && g.kind == kPunct && prev.trail == 0 && prev.lead == 0 {
				if clreq.IsClosing(prev.r) {
					prev.trail = prev.adv / 2
				} else if clreq.IsOpening(g.r) {
					g.lead = g.adv / 2
				}
			}
		} else {
			g.breakOK = false
		}
		if p.Code && len(gs) > 0 && !g.mustBrk {
			// In code, break only after spaces (or anywhere as a last resort).
			g.breakOK = gs[len(gs)-1].r == ' ' && r != ' '
		}
		pendingSpace, spaceOpp, silentOpp = false, false, false
		gs = append(gs, g)
	}
	if !p.Code {
		softBreaks(gs, items)
		compressible(gs)
		if p.Hang {
			for i := range gs {
				gs[i].hang = gs[i].kind == kPunct && strings.ContainsRune(hanging, gs[i].r)
			}
		}
	}
	return gs
}

// compressible lets a justified line give up the blank half of a
// full-width closing mark (after it) or opening mark (before it) inside
// the line, as clreq allows, before spreading its characters.
func compressible(gs []glyph) {
	for i := 1; i < len(gs); i++ {
		prev, g := &gs[i-1], &gs[i]
		if g.kind == kNewline || prev.kind == kNewline || g.raised {
			continue
		}
		if prev.kind == kPunct && clreq.IsClosing(prev.r) && prev.trail == 0 && g.lead == 0 {
			g.shrink += prev.adv / 2
		} else if g.kind == kPunct && clreq.IsOpening(g.r) && g.lead == 0 && prev.trail == 0 {
			g.shrink += g.adv / 2
		}
	}
}

// maxSpread is the most extra space a justified line should put between
// two characters, over the font size.
const maxSpread = 0.025

// minSoftChunk is the length, in characters, from which an unbreakable
// piece of a URL, a path or inline code may break inside.
const minSoftChunk = 12

// softBreaks lets long URLs, paths and inline code break after / . - _ ? &
// = (never before the piece's last few characters), so that they do not
// leave the text before them spread across a whole line.
func softBreaks(gs []glyph, items []Item) {
	for s := 0; s < len(gs); {
		e := s + 1
		for e < len(gs) && !gs[e].breakOK && !gs[e].mustBrk {
			e++
		}
		if e-s >= minSoftChunk {
			latin, slash, code := true, false, true
			for i := s; i < e; i++ {
				if gs[i].kind != kLatin {
					latin = false
				}
				if gs[i].r == '/' {
					slash = true
				}
				if items[gs[i].item].Style.Family != fonts.MonoFamily {
					code = false
				}
			}
			if latin && (slash || code) {
				for i := s; i < e; i++ {
					gs[i].inURL = true
				}
				for i := s + 2; i < e-2; i++ {
					gs[i].breakOK, gs[i].soft = true, true
					switch gs[i-1].r {
					case '/', '.', '-', '_', '?', '&', '=', '\\':
						gs[i].pref = gs[i].r != gs[i-1].r
					}
				}
			}
		}
		s = e
	}
}

// cjkContext reports whether the ambiguous mark at k sits in Chinese text:
// the nearest letter before or after it is CJK.
func cjkContext(runes []rune, k int) bool {
	for j := k + 1; j < len(runes); j++ {
		if r := runes[j]; clreq.IsCJK(r) {
			return true
		} else if r != ' ' && !clreq.IsAmbiguous(r) {
			break
		}
	}
	for j := k - 1; j >= 0; j-- {
		if r := runes[j]; clreq.IsCJK(r) {
			return true
		} else if r != ' ' && !clreq.IsAmbiguous(r) {
			return false
		}
	}
	// A run of marks alone (“……”) is Chinese.
	return true
}

// gap returns the natural gap before g, how much of it may shrink, whether
// it takes justification space and whether it is an inter-word space.
func gap(prev, g *glyph, space bool, spaceWidth float64, code bool) (pre, shrink float64, stretch, isSpace bool) {
	if code {
		if space {
			return spaceWidth, 0, false, true
		}
		return 0, 0, false, false
	}
	if g.kind == kNewline || prev.kind == kNewline {
		return 0, 0, false, false
	}
	if clreq.IsInseparable(prev.r, g.r) {
		// The halves of —— and …… stay together, evenly spaced.
		return 0, 0, false, false
	}
	if g.raised && !space {
		// A footnote mark sits right after the text it annotates.
		return 0, 0, false, false
	}
	hanLatin := prev.kind == kHan && g.kind == kLatin && clreq.IsLatin(g.r) ||
		prev.kind == kLatin && g.kind == kHan && clreq.IsLatin(prev.r)
	switch {
	case hanLatin:
		// A quarter em between Han and Latin letters or digits, whether or
		// not the author typed a space.
		em := math.Max(prev.size, g.size)
		// It may shrink to ¼ em − 0.1 em, never less.
		return em / 4, em / 10, true, space
	case prev.kind == kPunct || g.kind == kPunct:
		// No space beside Chinese punctuation.
		return 0, 0, true, false
	case space:
		return spaceWidth, spaceWidth / 3, true, true
	case prev.kind == kLatin && g.kind == kLatin:
		return 0, 0, false, false
	}
	return 0, 0, true, false
}

// width of gs[s:e] as set on one line at natural size, and how much it may
// shrink. The line-end mark is trimmed.
func measure(gs []glyph) (nat, shrink float64) {
	for i := range gs {
		g := &gs[i]
		if i > 0 {
			nat += g.pre
			shrink += g.shrink
		}
		nat += g.adv - g.lead - g.trail
	}
	if len(gs) > 0 {
		nat -= endTrim(&gs[len(gs)-1]) + startTrim(&gs[0])
	}
	return nat, shrink
}

// hanging are the marks that may hang in the margin at a line's end.
const hanging = "。，、．"

// endTrim is how much of a line-end mark is trimmed: the blank half of a
// closing mark not already compressed, or all of a hanging mark.
func endTrim(g *glyph) float64 {
	if g.hang {
		return g.adv - g.lead - g.trail
	}
	if g.kind == kPunct && g.trail == 0 && clreq.IsClosing(g.r) {
		return g.adv / 2
	}
	return 0
}

const eps = 1e-6

// startTrim is how much of a line-start mark is trimmed: the blank half of
// an opening bracket or quote, so the ink starts at the margin.
func startTrim(g *glyph) float64 {
	if g.kind == kPunct && g.lead == 0 && clreq.IsOpening(g.r) {
		return g.adv / 2
	}
	return 0
}

// breakLines chooses the first glyph of every line: for justified text the
// breaks of least total cost over the whole paragraph (total fit), else
// (or when no set of breaks fits) the longest line that fits, one line
// after the other.
func breakLines(gs []glyph, p Params) []int {
	if (p.Justify || p.Balance) && !p.Code {
		if starts, ok := totalFit(gs, p); ok {
			return starts
		}
	}
	return firstFit(gs, p)
}

// firstFit chooses the first glyph of every line, first fit, then moves
// the last break back when the last line would hold a single character.
func firstFit(gs []glyph, p Params) []int {
	var starts []int
	s := 0
	for s < len(gs) {
		starts = append(starts, s)
		width := p.Width
		if len(starts) == 1 {
			width -= p.Indent
		}
		e := fit(gs, s, width, p)
		s = e
	}
	if p.Justify && len(starts) >= 2 {
		last := starts[len(starts)-1]
		if chars(gs[last:]) < 2 && !gs[last].mustBrk {
			prevStart := starts[len(starts)-2]
			for b := last - 1; b > prevStart+1; b-- {
				if gs[b].breakOK && !gs[b].mustBrk {
					if nat, shrink := measure(gs[b:]); nat-shrink <= p.Width+eps && chars(gs[b:]) >= 2 {
						starts[len(starts)-1] = b
					}
					break
				}
			}
		}
	}
	return starts
}

// Costs of the total-fit line breaker: a line's badness is 100 r³, where r
// is how much of its tolerance it uses (maxSpread per gap when spread, all
// of its shrinkable space when shrunk); its demerits are (1 + badness)²
// plus the penalty of where it ends.
const (
	penaltyURL      = 2000   // a break inside a URL after / . - _ ? & =
	penaltyURLWord  = 200000 // a break inside a URL between two letters
	penaltyLonely   = 1e10   // a last line of one character (clreq: at least two)
	penaltyOverfull = 1e12   // a line that does not fit (taken only when nothing else does)
)

// totalFit chooses the breaks of least total demerits (Knuth and Plass)
// over the break opportunities; ok is false when no line can end at some
// hard break or at the paragraph's end without an emergency break.
//
// A justified paragraph is first broken considering only lines spread by
// at most passTolerance of their tolerance (a handful of candidate lines
// per break instead of every line that fits). When the best breaks found
// so cost less than one line at that tolerance, no set of breaks using a
// looser line can be better, so they are the breaks of least demerits
// over all lines; otherwise the paragraph is broken again over every line.
func totalFit(gs []glyph, p Params) ([]int, bool) {
	sc := scratchPool.Get().(*fitScratch)
	defer scratchPool.Put(sc)
	sc.prepare(gs)
	if !p.Balance {
		if starts, total, ok := sc.pass(gs, p, passTolerance); ok && total < passDemerits {
			return starts, true
		}
	}
	starts, total, ok := sc.pass(gs, p, uselessRatio)
	if !ok || total >= penaltyOverfull {
		return nil, false
	}
	return starts, true
}

const (
	// passTolerance is the spread ratio r (of maxSpread per gap) of the
	// loosest line the first pass considers, and passDemerits the
	// demerits of such a line.
	passTolerance = 2.0
	passDemerits  = (1 + 100*passTolerance*passTolerance*passTolerance) * (1 + 100*passTolerance*passTolerance*passTolerance)
	// uselessRatio is a spread ratio whose demerits exceed those of an
	// overfull line: such a line can never be part of breaks that are
	// taken (total-fit then gives way to first fit).
	uselessRatio = 22.0
)

// fitNode is a feasible break of the total-fit breaker.
type fitNode struct {
	at    int     // first glyph of the next line
	total float64 // least demerits of the paragraph up to here
	prev  int     // index into nodes of the break before, -1 at the start
	line  int     // lines so far
}

// fitScratch holds a paragraph's prefix sums and nodes, reused from one
// paragraph to the next.
type fitScratch struct {
	adv, pre, shr []float64
	str, url      []int
	cand          []int
	nodes         []fitNode
	maxSize       float64
}

var scratchPool = sync.Pool{New: func() any { return new(fitScratch) }}

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// prepare computes the prefix sums of gs: a line from glyph i to glyph j
// (exclusive) has the advances of i..j-1 and the gaps before i+1..j-1.
func (sc *fitScratch) prepare(gs []glyph) {
	n := len(gs)
	sc.adv, sc.pre, sc.shr = grow(sc.adv, n+1), grow(sc.pre, n+1), grow(sc.shr, n+1)
	sc.str, sc.url = grow(sc.str, n+1), grow(sc.url, n+1)
	adv, pre, shr, str, url := sc.adv, sc.pre, sc.shr, sc.str, sc.url
	adv[0], pre[0], shr[0], str[0], url[0] = 0, 0, 0, 0, 0
	sc.maxSize = 0
	sc.cand = sc.cand[:0]
	for k := range gs {
		g := &gs[k]
		sc.maxSize = math.Max(sc.maxSize, g.size)
		adv[k+1] = adv[k] + g.adv - g.lead - g.trail
		pre[k+1], shr[k+1], str[k+1], url[k+1] = pre[k], shr[k], str[k], url[k]
		if k > 0 {
			pre[k+1] += g.pre
			shr[k+1] += g.shrink
			if g.stretch {
				str[k+1]++
			} else if g.inURL && gs[k-1].inURL {
				url[k+1]++
			}
			// Candidate line starts: the paragraph's start and every break.
			if g.breakOK || g.mustBrk {
				sc.cand = append(sc.cand, k)
			}
		}
	}
	sc.cand = append(sc.cand, n)
}

// pass breaks gs over the lines spread by a ratio of at most tol (and
// every line that ends the paragraph or at a hard break, and every line
// that shrinks); it returns the breaks and their total demerits.
func (sc *fitScratch) pass(gs []glyph, p Params, tol float64) ([]int, float64, bool) {
	n := len(gs)
	adv, pre, shr, str, url := sc.adv, sc.pre, sc.shr, sc.str, sc.url
	nodes := append(sc.nodes[:0], fitNode{at: 0, prev: -1})
	defer func() { sc.nodes = nodes[:0] }()
	// Lines from a break at i to j spread by more than tol surely when
	// tooLoose(i, j): the slack is at most what it is without trimmed
	// marks on the narrower measure, the gaps at most the gaps and URL
	// letters, the size at most the paragraph's largest.
	minWidth := math.Min(p.Width, p.Width-p.Indent)
	limit := tol * maxSpread * sc.maxSize
	tooLoose := func(i, j int) bool {
		slack := minWidth - (adv[j] - adv[i] + pre[j] - pre[i+1])
		if slack <= 0 {
			return false
		}
		gaps := float64(str[j] - str[i+1] + url[j] - url[i+1])
		return slack > limit*gaps
	}
	lastHard := 0 // lines may not reach back past a hard break
	endNode := -1
	for _, j := range sc.cand {
		last := j == n || gs[j].mustBrk
		// The newest break a line to j may start at: every newer one
		// gives a line too loose (but a last line is never too loose).
		top := len(nodes) - 1
		if !last && !p.Balance {
			lo, hi := 0, len(nodes) // nodes[lo:hi] holds the answer's successor
			for lo < hi {
				mid := int(uint(lo+hi) >> 1)
				if nodes[mid].at < j && !tooLoose(nodes[mid].at, j) {
					lo = mid + 1
				} else {
					hi = mid
				}
			}
			top = lo - 1
		}
		bestTotal, bestFrom := math.Inf(1), -1
		for ci := top; ci >= 0; ci-- {
			from := &nodes[ci]
			i := from.at
			if i < lastHard {
				break
			}
			if i >= j {
				continue
			}
			width := p.Width
			if from.line == 0 {
				width -= p.Indent
			}
			nat := adv[j] - adv[i] + pre[j] - pre[i+1] - startTrim(&gs[i]) - endTrim(&gs[j-1])
			shrink := shr[j] - shr[i+1]
			if nat-shrink > width+eps {
				// Overfull, and lines from further back longer still: an
				// overfull line is never taken.
				break
			}
			var d float64
			switch {
			case p.Balance:
				// Every line as long as the others, and one line more
				// only to avoid a break inside a word.
				slack := math.Max(0, width-nat) / gs[i].size
				d = penaltyLine + slack*slack*20
				if j < n {
					d += titleBreak(gs, j)
				}
			case nat > width+eps:
				r := (nat - width) / shrink
				b := 100 * r * r * r
				d = (1 + b) * (1 + b)
			case last:
				d = 1
			default:
				size := gs[i].size
				gaps := float64(str[j] - str[i+1])
				perGap := math.Inf(1)
				if gaps > 0 {
					perGap = (width - nat) / gaps
				}
				if perGap > maxSpread*size {
					if u := float64(url[j] - url[i+1]); u > 0 {
						perGap = (width - nat) / (gaps + u)
					}
				}
				r := perGap / (maxSpread * size)
				if r > uselessRatio {
					continue
				}
				b := 100 * r * r * r
				d = (1 + b) * (1 + b)
			}
			if j < n && gs[j].soft && !p.Balance {
				if gs[j].pref {
					d += penaltyURL
				} else {
					d += penaltyURLWord
				}
			}
			if j == n && (p.Justify || p.Balance) && from.line > 0 && chars(gs[i:j]) < 2 {
				d += penaltyLonely
			}
			if t := from.total + d; t < bestTotal {
				bestTotal, bestFrom = t, ci
			}
		}
		if bestFrom < 0 {
			if last {
				return nil, 0, false
			}
			continue
		}
		nodes = append(nodes, fitNode{at: j, total: bestTotal, prev: bestFrom, line: nodes[bestFrom].line + 1})
		if j == n {
			endNode = len(nodes) - 1
		} else if gs[j].mustBrk {
			lastHard = j
		}
	}
	if endNode < 0 {
		return nil, 0, false
	}
	lines := nodes[endNode].line
	starts := make([]int, lines)
	for k := nodes[endNode].prev; k >= 0; k = nodes[k].prev {
		lines--
		starts[lines] = nodes[k].at
	}
	return starts, nodes[endNode].total, true
}

// penaltyLine is what one more line of a title costs.
const penaltyLine = 5000

// functionAfter and functionBefore are the characters a title breaks after
// or before rather than inside a word: particles, prepositions and
// conjunctions.
const (
	functionAfter  = "的之了着过地得"
	functionBefore = "与和及或并而且以对从向在为于把被将和"
)

// titleBreak is the cost of breaking a title before glyph j: nothing after
// punctuation or at a space, a little between Han and Latin or around a
// function word, much between two Han characters (most likely one word).
func titleBreak(gs []glyph, j int) float64 {
	prev, g := &gs[j-1], &gs[j]
	switch {
	case g.hasSpace || prev.kind == kPunct || g.kind == kPunct && clreq.IsOpening(g.r):
		return 0
	case prev.kind == kLatin && g.kind == kLatin:
		return 0 // a break between Latin words (UAX #14 allowed it)
	case prev.kind != g.kind:
		return 200
	case strings.ContainsRune(functionAfter, prev.r), strings.ContainsRune(functionBefore, g.r):
		return 300
	}
	return 20000
}

// chunkBreaksInside reports whether the overfull line gs[i:j] has a break
// opportunity inside it, so that a shorter line from i exists.
func chunkBreaksInside(gs []glyph, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if gs[k].breakOK || gs[k].mustBrk {
			return true
		}
	}
	return false
}

// chars counts the characters of a line that are not punctuation.
func chars(gs []glyph) int {
	n := 0
	for i := range gs {
		if gs[i].kind != kPunct && gs[i].kind != kNewline {
			n++
		}
	}
	return n
}

// fit returns the end of the longest line starting at s that fits width,
// breaking only where allowed (or, when no allowed break fits, anywhere that
// keeps the line inside the measure).
func fit(gs []glyph, s int, width float64, p Params) int {
	best, pref := -1, -1
	bestNat, prefNat := 0.0, 0.0
	nat, shrink := -startTrim(&gs[s]), 0.0
	complete := true
	for i := s; i < len(gs); i++ {
		g := &gs[i]
		if i > s {
			if g.mustBrk {
				if nat-shrink-endTrim(&gs[i-1]) <= width+eps {
					return i
				}
				if best < 0 {
					return emergency(gs, s, width)
				}
				return pick(gs, best, bestNat, pref, prefNat, width)
			}
			if g.breakOK {
				if nat-shrink-endTrim(&gs[i-1]) <= width+eps {
					best, bestNat = i, nat-endTrim(&gs[i-1])
					if !g.soft || g.pref {
						pref, prefNat = i, bestNat
					}
				} else {
					complete = false
					break
				}
			}
			nat += g.pre
			shrink += g.shrink
		}
		nat += g.adv - g.lead - g.trail
		if best >= 0 && nat-shrink-endTrim(g) > width+eps {
			complete = false
			break
		}
	}
	if complete && nat-shrink-endTrim(&gs[len(gs)-1]) <= width+eps {
		return len(gs)
	}
	if best < 0 {
		return emergency(gs, s, width)
	}
	return pick(gs, best, bestNat, pref, prefNat, width)
}

// pick chooses between the last break that fits (best) and the last one
// that is not inside a URL or code, or is after / . - _ ? & = (pref): the
// preferred one unless it leaves more than two and a half ems empty.
func pick(gs []glyph, best int, bestNat float64, pref int, prefNat float64, width float64) int {
	if best == pref || pref < 0 || !gs[best].soft || width-prefNat > 2.5*gs[best].size {
		return best
	}
	return pref
}

// emergency breaks a chunk too long for the line: after the last slash,
// hyphen, dot or question mark that fits (a URL or path), else after the
// last character that fits. At least one character goes on the line.
func emergency(gs []glyph, s int, width float64) int {
	nat := 0.0
	lastFit, lastSoft := s+1, -1
	for i := s; i < len(gs); i++ {
		g := &gs[i]
		if i > s {
			nat += g.pre
		}
		nat += g.adv - g.lead - g.trail
		if nat > width+eps {
			break
		}
		lastFit = i + 1
		switch g.r {
		case '/', '-', '.', '?', '&', '=', '_', '\\', '／':
			lastSoft = i + 1
		}
	}
	if lastSoft > s && lastSoft < len(gs) && lastSoft >= lastFit-12 {
		return lastSoft
	}
	if lastFit > len(gs) {
		lastFit = len(gs)
	}
	return lastFit
}

// set1 positions the glyphs of one line and groups them into runs.
func set1(gs []glyph, items []Item, width, indent float64, p Params, last bool, links *map[int32]*box.Tag) Line {
	// Hard breaks have no ink; a trailing one ends the line.
	for len(gs) > 0 && gs[len(gs)-1].kind == kNewline {
		gs = gs[:len(gs)-1]
	}
	ln := Line{Last: last}
	if len(gs) == 0 {
		ln.Width = indent
		return ln
	}
	nat, shrink := measure(gs)
	trim := endTrim(&gs[len(gs)-1])
	if t := startTrim(&gs[0]); t > 0 {
		gs[0].lead = t // gs is this line's own slice of the paragraph's glyphs
		defer func() { gs[0].lead = 0 }()
	}
	nStretch, nLoose := 0, 0
	for i := 1; i < len(gs); i++ {
		if gs[i].stretch {
			nStretch++
		} else if gs[i].inURL && gs[i-1].inURL {
			nLoose++
		}
	}
	// A line with a long URL or piece of code has few gaps to spread:
	// its letters take a share too, rather than the Han characters before
	// it being spread apart.
	urlSpread := false
	if p.Justify && !last && nLoose > 0 && nat < width && (nStretch == 0 || (width-nat)/float64(nStretch) > maxSpread*gs[0].size) {
		urlSpread = true
		nStretch += nLoose
	}
	extra, shrinkRatio := 0.0, 0.0
	switch {
	case nat > width+eps && shrink > 0:
		shrinkRatio = math.Min(1, (nat-width)/shrink)
	case p.Justify && !last && nStretch > 0 && nat < width:
		extra = (width - nat) / float64(nStretch)
	}
	x := indent
	setWidth := nat
	if extra > 0 {
		setWidth = width
	} else if shrinkRatio > 0 {
		setWidth = nat - shrink*shrinkRatio
	}
	if !p.Justify || last {
		switch p.Align {
		case Center:
			x += (width - setWidth) / 2
		case Right:
			x += width - setWidth
		}
	}
	var text strings.Builder
	text.Grow(3 * len(gs))
	// The runs' characters, one after the other: runEnd[k] is where run
	// k's end; the runs' texts are cut from one string at the end.
	runText := make([]byte, 0, 3*len(gs))
	runEnd := make([]int, 0, 4)
	ln.Runs = make([]box.Text, 0, 4)
	var cur *box.Text
	var curEnd float64 // where the next glyph of cur would be drawn with no spacing
	var curItem int32 = -1
	curN := 0
	for i := range gs {
		g := &gs[i]
		it := &items[g.item]
		gapExtra := 0.0
		if i > 0 {
			x += g.pre - g.shrink*shrinkRatio
			if g.stretch || urlSpread && g.inURL && gs[i-1].inURL {
				gapExtra = extra
				x += extra
			}
			if g.hasSpace {
				text.WriteByte(' ')
			}
		}
		if g.kind == kNewline {
			continue
		}
		text.WriteRune(g.r)
		drawX := x - g.lead
		adv := g.adv
		// A dash of a face whose dash glyph is known is drawn as a rule;
		// others (the Source Han faces, whose dashes join) as glyphs.
		dash := g.kind == kPunct && (g.r == '—' || g.r == '⸺') && hasBounds(g)
		if dash {
			ln.Rects = append(ln.Rects, dashRule(g, drawX, it.Color, i+1 < len(gs) && gs[i+1].r == g.r, i > 0 && gs[i-1].r == g.r))
		}
		join := cur != nil && curItem == g.item && cur.Role == g.choice.Role && cur.SynthBold == g.choice.SynthBold && cur.Invisible == dash &&
			cur.Replaced == 0 && g.orig == 0 && cur.Fallback == g.choice.Fallback &&
			cur.SynthItalic == g.choice.SynthItalic && g.lead == 0 && g.pre == 0 &&
			math.Abs(drawX-(curEnd+cur.CharSpacing)) < 1e-6
		if !join && cur != nil && curN == 1 && curItem == g.item && cur.Role == g.choice.Role &&
			cur.Replaced == 0 && g.orig == 0 && cur.Fallback == g.choice.Fallback &&
			cur.SynthBold == g.choice.SynthBold && cur.SynthItalic == g.choice.SynthItalic && cur.Invisible == dash &&
			g.lead == 0 && g.pre == 0 && gapExtra > 0 && math.Abs(drawX-curEnd-gapExtra) < 1e-6 {
			// The second glyph of a run fixes the run's character spacing.
			cur.CharSpacing = gapExtra
			join = true
		}
		runText = utf8.AppendRune(runText, g.r)
		if join {
			runEnd[len(runEnd)-1] = len(runText)
			curN++
		} else {
			ln.Runs = append(ln.Runs, box.Text{
				X: drawX, Y: -it.Rise, Role: g.choice.Role, Face: g.choice.Face, Size: g.size,
				Color: it.Color, SynthBold: g.choice.SynthBold, SynthItalic: g.choice.SynthItalic,
				Invisible: dash, Fallback: g.choice.Fallback, Replaced: g.orig,
			})
			runEnd = append(runEnd, len(runText))
			cur = &ln.Runs[len(ln.Runs)-1]
			curItem = g.item
			curN = 1
		}
		curEnd = drawX + adv
		if i == len(gs)-1 {
			x += adv - g.lead - g.trail - trim
		} else {
			x += adv - g.lead - g.trail
		}
		asc := float64(g.choice.Face.Ascent)*g.size/1000 + it.Rise
		desc := -float64(g.choice.Face.Descent)*g.size/1000 - it.Rise
		ln.Ascent = math.Max(ln.Ascent, asc)
		ln.Descent = math.Max(ln.Descent, desc)
		if it.Tag != 0 && g.first {
			ln.Tags = append(ln.Tags, it.Tag)
		}
	}
	ln.Width = x
	ln.Text = text.String()
	all := string(runText)
	from := 0
	for k := range ln.Runs {
		ln.Runs[k].Text = all[from:runEnd[k]]
		from = runEnd[k]
	}
	decorate(&ln, gs, items, links)
	return ln
}

// decorate adds link areas and strike-through rules over the runs of items
// that ask for them. The runs of a link and its areas share a Link
// structure element (links, per item of the paragraph), which the
// enclosing block's element takes as a child.
func decorate(ln *Line, gs []glyph, items []Item, links *map[int32]*box.Tag) {
	linkTag := func(item int32) *box.Tag {
		if *links == nil {
			*links = map[int32]*box.Tag{}
		}
		t, ok := (*links)[item]
		if !ok {
			t = &box.Tag{Kind: "Link"}
			(*links)[item] = t
		}
		return t
	}
	type span struct {
		item       int32
		x0, x1     float64
		size, rise float64
	}
	var spans []span
	// Runs were created in glyph order; walk them and merge adjacent runs of
	// the same item.
	gi := 0
	for ri := range ln.Runs {
		r := &ln.Runs[ri]
		// find the item of this run: the glyph at gi.
		for gi < len(gs) && gs[gi].kind == kNewline {
			gi++
		}
		if gi >= len(gs) {
			break
		}
		item := gs[gi].item
		gi += utf8.RuneCountInString(r.Text)
		it := &items[item]
		if it.Link == "" && !it.Strike {
			continue
		}
		if it.Link != "" {
			r.Tag = linkTag(item)
		}
		x0, x1 := r.X, r.X+r.Width()
		if n := len(spans); n > 0 && spans[n-1].item == item {
			spans[n-1].x1 = x1
			continue
		}
		spans = append(spans, span{item, x0, x1, r.Size, it.Rise})
	}
	for _, s := range spans {
		it := &items[s.item]
		if it.Link != "" {
			l := box.Link{X: s.x0, Y: -s.size*0.88 - s.rise, W: s.x1 - s.x0, H: s.size * 1.1, Tag: linkTag(s.item)}
			if strings.HasPrefix(it.Link, "#") {
				l.Dest = it.Link[1:]
			} else {
				l.URL = it.Link
			}
			ln.Links = append(ln.Links, l)
		}
		if it.Strike {
			ln.Rects = append(ln.Rects, box.Rect{X: s.x0, Y: -s.size*0.3 - s.rise, W: s.x1 - s.x0, H: s.size * 0.05, Color: it.Color})
		}
	}
}

// Measure returns the narrowest measure items can be set in without an
// emergency break (the width of their widest unbreakable piece) and the
// width they take set on one line (the longest line between hard breaks).
func Measure(items []Item, set *fonts.Set, p Params) (minWidth, maxWidth float64) {
	sb := shapePool.Get().(*shapeBuf)
	defer shapePool.Put(sb)
	gs := sb.shape(items, set, p)
	chunk, total := 0.0, 0.0
	for i := range gs {
		g := &gs[i]
		if i > 0 {
			if g.breakOK || g.mustBrk {
				minWidth = math.Max(minWidth, chunk-endTrim(&gs[i-1]))
				chunk = 0
			} else {
				chunk += g.pre
			}
			if g.mustBrk {
				maxWidth = math.Max(maxWidth, total-endTrim(&gs[i-1]))
				total = 0
			} else {
				total += g.pre
			}
		}
		if g.kind == kNewline {
			continue
		}
		w := g.adv - g.lead - g.trail
		chunk += w
		total += w
	}
	if n := len(gs); n > 0 {
		minWidth = math.Max(minWidth, chunk-endTrim(&gs[n-1]))
		maxWidth = math.Max(maxWidth, total-endTrim(&gs[n-1]))
	}
	return minWidth, maxWidth
}

// hasBounds reports whether the ink box of g's glyph is known.
func hasBounds(g *glyph) bool {
	_, _, _, _, ok := g.choice.Face.Bounds(g.r)
	return ok
}

// dashRule draws a CJK dash as a rule at the height and thickness of the
// font's dash glyph, so that the two halves of —— join into one line (the
// glyphs of Song fonts leave gaps). The glyph itself is kept, invisible,
// for text extraction. joinNext and joinPrev say whether the neighbours
// are dashes too: the rule then runs on into them.
func dashRule(g *glyph, x float64, c box.Color, joinNext, joinPrev bool) box.Rect {
	em := g.size
	yMid, thick := 0.33*em, 0.05*em
	if _, y0, _, y1, ok := g.choice.Face.Bounds(g.r); ok && y1 > y0 {
		yMid = float64(y0+y1) / 2 * em / 1000
		// The glyph's box is often taller than its stroke (Song dashes
		// taper); keep the rule as thin as a Song horizontal stroke.
		thick = min(max(float64(y1-y0)*em/1000, 0.03*em), 0.045*em)
	}
	x0, x1 := x, x+g.adv
	if !joinPrev {
		x0 += 0.04 * em
	}
	if joinNext {
		x1 += 0.02 * em // overlap what justification puts between the halves
	} else {
		x1 -= 0.04 * em
	}
	return box.Rect{X: x0, Y: -yMid - thick/2, W: x1 - x0, H: thick, Color: c}
}

// silent reports whether runes[k] is a part of a character sequence that
// print draws by the characters it joins, with no mark of its own:
//   - a variation selector (U+FE00–FE0F, U+E0100–E01EF): the base
//     character is printed in its usual form (emoji or text presentation,
//     an ideographic variant) — a selector never prints as 〓;
//   - the zero-width joiner of an emoji sequence (👨‍👩‍👧 prints as its
//     people side by side, as Unicode's emoji specification has a
//     sequence fall back) and an emoji tag sequence's tags (U+E0020–E007F);
//   - a skin-tone modifier (U+1F3FB–1F3FF) after another character: a
//     colour swatch says nothing in one-colour print.
//
// A modifier standing alone is printed.
func silent(runes []rune, k int) bool {
	r := runes[k]
	switch {
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF:
		return true
	case r == 0x200D:
		return k > 0 && k+1 < len(runes) && pictographic(runes[k-1]) && pictographic(runes[k+1])
	case r >= 0xE0020 && r <= 0xE007F:
		return true
	case r >= 0x1F3FB && r <= 0x1F3FF:
		return k > 0 && runes[k-1] != ' ' && runes[k-1] != '\n'
	}
	return false
}

// pictographic reports whether r may stand in an emoji sequence: a
// pictograph, a symbol or dingbat, a modifier or a selector (a joiner
// follows 👍🏽 or ❤️ as readily as 👍).
func pictographic(r rune) bool {
	return r >= 0x1F000 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r >= 0x2190 && r <= 0x2BFF ||
		r >= 0xFE00 && r <= 0xFE0F || r == 0x00A9 || r == 0x00AE || r == 0x203C || r == 0x2049 || r == 0x2122 || r == 0x2139
}
