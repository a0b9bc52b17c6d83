package hugopatch

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/gohugoio/hugo/identity"
	"github.com/gohugoio/hugo/tpl/tplimpl"
)

// anyFinder is what the patched Hugo's Finder adds: one walk for a set of
// changes (finder_any.go).
type anyFinder interface {
	ContainsAny(ids []identity.Identity, in identity.Identity, maxDepth int) identity.FinderResult
}

// depGraph is a random dependency graph in the shape of a site's: managers
// (pages, templates) holding identities and other managers.
type depGraph struct {
	managers []identity.Manager
	leaves   []identity.Identity
	holds    [][]int // the leaves each manager holds
	links    [][]int // the managers each manager holds
}

// newDAG links manager i only to managers after it, so that every search
// is exact (no cycle cuts a walk short) and its answer is reachability.
func newDAG(r *rand.Rand, managers, leaves int) depGraph {
	var g depGraph
	for i := range leaves {
		g.leaves = append(g.leaves, identity.StringIdentity(fmt.Sprintf("leaf-%d", i)))
	}
	for range managers {
		g.managers = append(g.managers, identity.NewManager())
	}
	g.holds = make([][]int, managers)
	g.links = make([][]int, managers)
	for i, m := range g.managers {
		for range r.IntN(4) {
			l := r.IntN(len(g.leaves))
			m.AddIdentity(g.leaves[l])
			g.holds[i] = append(g.holds[i], l)
		}
		if i+1 < len(g.managers) {
			for range r.IntN(3) {
				j := i + 1 + r.IntN(len(g.managers)-i-1)
				m.AddIdentity(g.managers[j])
				g.links[i] = append(g.links[i], j)
			}
		}
	}
	return g
}

// reachable is the answer every search must give: a changed leaf stands
// in manager i or in a manager it holds, at any depth.
func (g depGraph) reachable(i int, changed map[int]bool, memo map[int]bool) bool {
	if v, ok := memo[i]; ok {
		return v
	}
	found := false
	for _, l := range g.holds[i] {
		found = found || changed[l]
	}
	for _, j := range g.links[i] {
		found = found || g.reachable(j, changed, memo)
	}
	memo[i] = found
	return found
}

// TestContainsAnyAnswersAsContainsDoes checks the rebuild's one walk for
// all changes against a walk per change, as Hugo did, and against plain
// reachability, on random graphs: with one Finder shared by all the
// pages, as a rebuild uses it, and with a new one per question.
func TestContainsAnyAnswersAsContainsDoes(t *testing.T) {
	if _, ok := any(identity.NewFinder(identity.FinderConfig{})).(anyFinder); !ok {
		t.Fatal("this Hugo has no Finder.ContainsAny: press builds with its patched copy of Hugo (run the tests through make, which sets GOFLAGS=-modfile=.build/press.mod)")
	}
	r := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		g := newDAG(r, 2+r.IntN(60), 1+r.IntN(40))
		var ids []identity.Identity
		changed := map[int]bool{}
		for range 1 + r.IntN(8) {
			l := r.IntN(len(g.leaves))
			ids = append(ids, g.leaves[l])
			changed[l] = true
		}
		shared := any(identity.NewFinder(identity.FinderConfig{})).(anyFinder)
		memo := map[int]bool{}
		for i, m := range g.managers {
			want := g.reachable(i, changed, memo)
			var each bool
			for _, id := range ids {
				if identity.NewFinder(identity.FinderConfig{}).Contains(id, m, -1) > identity.FinderFoundOneOfManyRepetition {
					each = true
				}
			}
			fresh := any(identity.NewFinder(identity.FinderConfig{})).(anyFinder).ContainsAny(ids, m, -1) > identity.FinderFoundOneOfManyRepetition
			one := shared.ContainsAny(ids, m, 50) > identity.FinderFoundOneOfManyRepetition
			if each != want || fresh != want || one != want {
				t.Fatalf("round %d, manager %d: reachable %v; Contains per change %v; ContainsAny %v, with a shared Finder %v", round, i, want, each, fresh, one)
			}
		}
	}
}

// TestContainsAnyKeepsContainsRules checks the answers Contains gives
// before any search: everything depends on GenghisKhan (but GenghisKhan
// itself), nothing on Anonymous, an identity on itself; and a change of
// the same name as an identity is taken for it.
func TestContainsAnyKeepsContainsRules(t *testing.T) {
	f, ok := any(identity.NewFinder(identity.FinderConfig{})).(anyFinder)
	if !ok {
		t.Fatal("this Hugo has no Finder.ContainsAny: run the tests through make")
	}
	a, b := identity.StringIdentity("a"), identity.StringIdentity("b")
	m := identity.NewManager()
	m.AddIdentity(a)
	for _, c := range []struct {
		name string
		ids  []identity.Identity
		in   identity.Identity
		want bool
	}{
		{"GenghisKhan changed", []identity.Identity{b, identity.GenghisKhan}, m, true},
		{"GenghisKhan in GenghisKhan", []identity.Identity{identity.GenghisKhan}, identity.GenghisKhan, false},
		{"Anonymous changed", []identity.Identity{identity.Anonymous}, m, false},
		{"the identity itself", []identity.Identity{b}, b, true},
		{"held by the manager", []identity.Identity{b, a}, m, true},
		{"same name, another type", []identity.Identity{otherName("a")}, m, true},
		{"not held", []identity.Identity{b}, m, false},
		{"no changes", nil, m, false},
	} {
		g := any(identity.NewFinder(identity.FinderConfig{})).(anyFinder)
		if c.ids == nil {
			g = f
		}
		if got := g.ContainsAny(c.ids, c.in, -1) > identity.FinderFoundOneOfManyRepetition; got != c.want {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}

// otherName is an identity of another type than StringIdentity.
type otherName string

func (n otherName) IdentifierBase() string { return string(n) }

// tmplID is an identity that, as Hugo's templates do, is probably a
// dependency of the identities of its base or its alternative base.
type tmplID struct {
	base, alt string
	hasAlt    bool
}

func (t tmplID) IdentifierBase() string { return t.base }

func (t tmplID) IsProbablyDependency(other identity.Identity) bool {
	return other.IdentifierBase() == t.base || (t.hasAlt && other.IdentifierBase() == t.alt)
}

func (t tmplID) ProbablyDependencyBases() (string, string, bool) { return t.base, t.alt, t.hasAlt }

// countedID counts the calls of its IdentifierBase, as a page's works
// its base out from its path at every call.
type countedID struct {
	base  string
	calls *int
}

func (c countedID) IdentifierBase() string { *c.calls++; return c.base }

// Templates tell the bases they probably depend on once: ContainsAny's
// answers are those of Contains, which asks IsProbablyDependency, and a
// change's base is worked out once for the whole search, not once for
// every template met.
func TestContainsAnyAsksTemplatesTheirBases(t *testing.T) {
	var _ identity.ProbablyDependencyBasesProvider = (*tplimpl.TemplInfo)(nil)
	r := rand.New(rand.NewPCG(3, 4))
	names := []string{"", "/a", "/b", "/c", "_partials/x.html", "list.html"}
	pick := func() string { return names[r.IntN(len(names))] }
	for round := range 300 {
		m := identity.NewManager()
		for range 1 + r.IntN(6) {
			sub := identity.NewManager()
			sub.AddIdentity(tmplID{base: pick(), alt: pick(), hasAlt: r.IntN(2) == 0})
			m.AddIdentity(sub)
		}
		calls := 0
		var ids []identity.Identity
		for range 1 + r.IntN(4) {
			ids = append(ids, countedID{base: pick(), calls: &calls})
		}
		var each bool
		for _, id := range ids {
			if identity.NewFinder(identity.FinderConfig{}).Contains(id, m, -1) > identity.FinderFoundOneOfManyRepetition {
				each = true
			}
		}
		calls = 0
		got := any(identity.NewFinder(identity.FinderConfig{})).(anyFinder).ContainsAny(ids, m, -1) > identity.FinderFoundOneOfManyRepetition
		if got != each {
			t.Fatalf("round %d: ContainsAny %v, Contains per change %v", round, got, each)
		}
		if calls > len(ids) {
			t.Fatalf("round %d: the changes' bases were worked out %d times for %d changes", round, calls, len(ids))
		}
	}
}

// pageID is an identity whose Eq, as a page's, compares the page another
// identity unwraps to with itself; it tells so as an EqTargeter.
type pageID struct{ base string }

func (p *pageID) IdentifierBase() string { return p.base }

func (p *pageID) Eq(other any) bool {
	t, ok := p.EqTarget(other)
	return ok && t == any(p)
}

func (p *pageID) EqTarget(other any) (any, bool) {
	switch o := other.(type) {
	case *pageID:
		return o, true
	case pageWrap:
		return o.p, true
	}
	return nil, false
}

// pageWrap is another identity standing for a page, as Hugo's wrappers do.
type pageWrap struct{ p *pageID }

func (w pageWrap) IdentifierBase() string { return "wrap:" + w.p.base }

// ContainsAny looks changed pages up by what their Eq compares: its
// answers are those of Contains, which asks each change's Eq, with pages
// met as themselves and through wrappers, and with other identities.
func TestContainsAnyLooksPagesUp(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for round := range 300 {
		var pages []*pageID
		for i := range 1 + r.IntN(12) {
			pages = append(pages, &pageID{base: fmt.Sprintf("/p%d", i)})
		}
		other := []identity.Identity{identity.StringIdentity("/s"), tmplID{base: "/p1"}, otherName("x")}
		pick := func() identity.Identity {
			switch k := r.IntN(4); {
			case k == 0:
				return other[r.IntN(len(other))]
			case k == 1:
				return pageWrap{pages[r.IntN(len(pages))]}
			default:
				return pages[r.IntN(len(pages))]
			}
		}
		m := identity.NewManager()
		for range 1 + r.IntN(5) {
			sub := identity.NewManager()
			sub.AddIdentity(pick())
			m.AddIdentity(sub)
		}
		var ids []identity.Identity
		for range 1 + r.IntN(6) {
			ids = append(ids, pick())
		}
		var each bool
		for _, id := range ids {
			if identity.NewFinder(identity.FinderConfig{}).Contains(id, m, -1) > identity.FinderFoundOneOfManyRepetition {
				each = true
			}
		}
		got := any(identity.NewFinder(identity.FinderConfig{})).(anyFinder).ContainsAny(ids, m, -1) > identity.FinderFoundOneOfManyRepetition
		if got != each {
			t.Fatalf("round %d: ContainsAny %v, Contains per change %v", round, got, each)
		}
	}
	var _ identity.EqTargeter = (*pageID)(nil)
}
