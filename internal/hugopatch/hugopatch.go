// Package hugopatch holds press's fixes to the Hugo it embeds and makes the
// patched copy of Hugo's module that `make` builds press with.
//
// Hugo v0.165.0 marks the home page and every section without dates of its
// own as changed on every partial rebuild: it resets their dates before it
// aggregates them from their pages again, then compares the aggregate with
// the reset value instead of the previous build's. Every page that reads a
// section (its title, its pages) is then rendered again, so one edited
// article re-renders the journal, the white papers and the gallery, and
// one edited member file makes Hugo check every page against a dozen more
// changed identities. The fix keeps the previous build's dates and compares
// with them; it changes nothing in what a build writes (a full build never
// takes that path), only what a rebuild must render again.
//
// Two more edits make a rebuild's dependency check cheaper without
// changing its answers: a page's Eq no longer formats an error for every
// identity that is not a page, and the pooled set of a search's visited
// managers is dropped, not cleared, once it has grown large (clearing a Go
// map costs its capacity). And the check walks a page's dependencies once
// for all the changes (Finder.ContainsAny, a file press adds), not once per
// change, with the changes indexed (pages by what their Eq compares,
// templates and changes by their bases) instead of tested one by one.
//
// And a content adapter's changed page is no longer taken for a new one:
// Hugo marked ten pages "surrounding" the adapter as changed for each (for
// a new page that no list showed yet), so one member edit rendered the
// home page, the top-level pages and their feeds again. The pages an
// adapter adds are hashed without reflection when they are plain values,
// and a map hashed in the last build (transform.Unmarshal gives it again
// for unchanged bytes) is not hashed again.
// docs/hugo-section-dates.md has the six reports.
//
// Last, a rebuild resets Hugo's fatal-error handler in place instead of
// replacing it, and its stop channel is read under the handler's lock:
// press's hang guard watches that channel from another goroutine while a
// rebuild starts, which the race detector reported as a data race.
//
// Go's -overlay cannot replace files in the module cache, so the patch is
// applied to a copy of the module (Make, with an alternate go.mod that
// replaces the module by it, used through GOFLAGS=-modfile).
package hugopatch

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Module is the module path of Hugo.
const Module = "github.com/gohugoio/hugo"

// Edit replaces Old, which must stand exactly once in File (slash-separated,
// relative to the module's root), by New. An Edit without Old adds File,
// which must not exist, with New as its content.
type Edit struct {
	File, Old, New string
}

// Edits are the changes press makes to Hugo, in the order they apply.
var Edits = []Edit{
	{
		File: "hugolib/page__meta.go",
		Old:  "\tdatesOriginal pagemeta.Dates // Original dates for rebuilds.\n}",
		New: "\tdatesOriginal pagemeta.Dates // Original dates for rebuilds.\n" +
			"\tdatesPrevious pagemeta.Dates // The dates of the previous build (press: prepareRebuild keeps them).\n}",
	},
	{
		File: "hugolib/page__meta.go",
		Old:  "\tm.pageConfig.Dates = m.datesOriginal\n}",
		New:  "\tm.datesPrevious = m.pageConfig.Dates\n\tm.pageConfig.Dates = m.datesOriginal\n}",
	},
	{
		File: "hugolib/content_map_page_assembler.go",
		Old:  "\t\t\t\toldDates := pageBundle.m.pageConfig.Dates\n",
		New:  "\t\t\t\toldDates := pageBundle.m.datesPrevious // press: the previous build's, not the reset ones\n",
	},
	// A rebuild checks every page against every changed identity. The
	// changed page's Eq was asked about each identity a page depends on
	// (templates, files, other pages) and, for each that is not a page,
	// formatted an error only to return false.
	{
		File: "hugolib/page.go",
		Old:  "func (ps *pageState) Eq(other any) bool {\n\tpp, err := unwrapPage(other)\n",
		New: "func (ps *pageState) Eq(other any) bool {\n" +
			"\tswitch other.(type) {\n" +
			"\tcase *pageState, pageWrapper, types.Unwrapper, page.Page:\n" +
			"\tdefault:\n" +
			"\t\treturn false // press: not a page; unwrapPage would format an error to say so\n" +
			"\t}\n" +
			"\tpp, err := unwrapPage(other)\n",
	},
	// A page tells what its Eq compares (identity.EqTargeter), so that the
	// dependency check looks a page up among the changed pages instead of
	// asking each of them (finder_any.go).
	{
		File: "hugolib/page.go",
		Old:  "func (ps *pageState) HeadingsFiltered(context.Context) tableofcontents.Headings {\n",
		New: "var _ identity.EqTargeter = (*pageState)(nil)\n\n" +
			"// EqTarget is what Eq compares with ps: the page other unwraps to, when\n" +
			"// it is a *pageState; ok is false when Eq is false for every page (press).\n" +
			"func (ps *pageState) EqTarget(other any) (any, bool) {\n" +
			"\tswitch other.(type) {\n" +
			"\tcase *pageState, pageWrapper, types.Unwrapper, page.Page:\n" +
			"\tdefault:\n" +
			"\t\treturn nil, false\n" +
			"\t}\n" +
			"\tpp, err := unwrapPage(other)\n" +
			"\tif err != nil {\n" +
			"\t\treturn nil, false\n" +
			"\t}\n" +
			"\tp, ok := pp.(*pageState)\n" +
			"\treturn p, ok\n" +
			"}\n\n" +
			"func (ps *pageState) HeadingsFiltered(context.Context) tableofcontents.Headings {\n",
	},
	// Each of those checks ends by clearing its pooled set of visited
	// managers. Clearing a Go map costs its capacity, not its length, so
	// once one search had visited thousands of managers, every later search
	// paid for clearing thousands of empty slots.
	{
		File: "identity/finder.go",
		Old:  "\tclear(sid.seen)\n\tsearchIDPool.Put(sid)\n",
		New: "\tif len(sid.seen) > 64 {\n" +
			"\t\tsid.seen = make(map[Manager]bool) // press: a large map costs its capacity at every clear\n" +
			"\t} else {\n" +
			"\t\tclear(sid.seen)\n" +
			"\t}\n" +
			"\tsearchIDPool.Put(sid)\n",
	},
	// Even so, a rebuild walked each page's dependencies once for every
	// changed identity: after one member edit, 35 walks of each of 8,000
	// pages. ContainsAny (a file of press's) walks them once and tests each
	// identity it meets against all the changes.
	{
		File: "identity/finder.go",
		Old:  "\tseenFindOnce   map[Identity]bool\n\tmuSeenFindOnce sync.RWMutex\n}\n",
		New: "\tseenFindOnce   map[Identity]bool\n\tmuSeenFindOnce sync.RWMutex\n\n" +
			"\t// press: ContainsAny's set of changes and its answers per manager.\n" +
			"\tanyOnce    sync.Once\n\tanySet     []anyID\n\tanyIdx     anyIndex\n\tanyAnswers map[Manager]FinderResult\n}\n",
	},
	{File: "identity/finder_any.go", New: finderAny},
	// A rebuild hashes every page a content adapter adds, to find those
	// that changed, with a reflective hash: a quarter of a member edit's
	// adapter time. Plain values (what dict and transform.Unmarshal make)
	// are hashed directly (pagesfromdata/hash_press.go); anything else as
	// before.
	{File: "hugolib/pagesfromdata/hash_press.go", New: hashPress},
	// And a map hashed in the last build, which Hugo's transform.Unmarshal
	// gives again for unchanged bytes, is not hashed again (HashMemo).
	{
		File: "hugolib/pagesfromdata/pagesfromgotmpl.go",
		Old:  "\tsourceInfosCurrent  *hmaps.Cache[string, *sourceInfo]\n\tsourceInfosPrevious *hmaps.Cache[string, *sourceInfo]\n}\n",
		New: "\tsourceInfosCurrent  *hmaps.Cache[string, *sourceInfo]\n\tsourceInfosPrevious *hmaps.Cache[string, *sourceInfo]\n\n" +
			"\tmemo HashMemo // press: the page maps' hashes, by map\n}\n",
	},
	{
		File: "hugolib/pagesfromdata/pagesfromgotmpl.go",
		Old:  "\thv := b.hash(v)\n",
		New:  "\thv := b.memo.Hash(v, b.hash) // press\n",
	},
	{
		File: "hugolib/pagesfromdata/pagesfromgotmpl.go",
		Old:  "\tb.sourceInfosCurrent = hmaps.NewCache[string, *sourceInfo]()\n\tb.StaleVersion = 0\n",
		New:  "\tb.sourceInfosCurrent = hmaps.NewCache[string, *sourceInfo]()\n\tb.memo.Next() // press\n\tb.StaleVersion = 0\n",
	},
	{
		File: "hugolib/pagesfromdata/pagesfromgotmpl.go",
		Old:  "func (b *BuildState) hash(v any) uint64 {\n\treturn hashing.HashUint64(v)\n}\n",
		New: "func (b *BuildState) hash(v any) uint64 {\n" +
			"\tif h, ok := HashPlain(v); ok {\n" +
			"\t\treturn h // press: plain values hashed without reflection\n" +
			"\t}\n" +
			"\treturn hashing.HashUint64(v)\n}\n",
	},
	// A content adapter's page that changed is inserted beside the
	// previous build's node at its path, which the tree reports as not
	// replaced: Hugo took every changed page for a new one, and marked as
	// changed ten pages "surrounding" the adapter (for a page no list
	// showed yet). After one member edit, the home page, the top-level
	// pages and sections, their feeds and the sitemap were rendered again
	// for nothing. A page that had a node at its path is a change: the
	// previous node is marked as changed, as for a replaced page, and the
	// sample is taken only for new paths, as for new content files.
	{
		File: "hugolib/content_map.go",
		Old: "\t\t\t\t\t\tif replaced {\n" +
			"\t\t\t\t\t\t\tpt.AddChange(cnh.GetIdentity(n))\n" +
			"\t\t\t\t\t\t} else {\n" +
			"\t\t\t\t\t\t\tpt.AddChange(cnh.GetIdentity(u))\n" +
			"\t\t\t\t\t\t\t// New content not in use anywhere.\n",
		New: "\t\t\t\t\t\tif replaced {\n" +
			"\t\t\t\t\t\t\tpt.AddChange(cnh.GetIdentity(n))\n" +
			"\t\t\t\t\t\t} else if n != nil {\n" +
			"\t\t\t\t\t\t\t// press: the path had a page: a change, not new content.\n" +
			"\t\t\t\t\t\t\tpt.AddChange(cnh.GetIdentity(n))\n" +
			"\t\t\t\t\t\t\tpt.AddChange(cnh.GetIdentity(u))\n" +
			"\t\t\t\t\t\t} else {\n" +
			"\t\t\t\t\t\t\tpt.AddChange(cnh.GetIdentity(u))\n" +
			"\t\t\t\t\t\t\t// New content not in use anywhere.\n",
	},
	// ContainsAny still asked each template a page used whether it is a
	// dependency of each change: the template worked out its own base and
	// the change's (a page's base takes a walk of its path) at every test,
	// eight changes times every template of 8,000 pages after one member
	// edit. A template now gives its bases once (finder_any.go).
	{
		File: "tpl/tplimpl/templatestore.go",
		Old:  "func (t *TemplInfo) IsProbablyDependent(other identity.Identity) bool {\n",
		New: "// ProbablyDependencyBases are the bases of the identities t is probably a\n" +
			"// dependency of, as isProbablyTheSameIDAs tests them (press).\n" +
			"func (t *TemplInfo) ProbablyDependencyBases() (base, alt string, hasAlt bool) {\n" +
			"\tif t.Fi != nil && t.Fi.Meta().PathInfo != t.PathInfo {\n" +
			"\t\talt, hasAlt = t.Fi.Meta().PathInfo.IdentifierBase(), true\n" +
			"\t}\n" +
			"\treturn t.IdentifierBase(), alt, hasAlt\n" +
			"}\n\n" +
			"func (t *TemplInfo) IsProbablyDependent(other identity.Identity) bool {\n",
	},
	{
		File: "hugolib/content_map_page.go",
		Old: "\t\t\tfor _, id := range changes {\n" +
			"\t\t\t\tcheckedCounter.Add(1)\n" +
			"\t\t\t\tif r := depsFinder.Contains(id, p.dependencyManager, 2); r > identity.FinderFoundOneOfManyRepetition {\n" +
			"\t\t\t\t\tfor _, po := range p.pageOutputs {\n" +
			"\t\t\t\t\t\t// Note that p.dependencyManager is used when rendering content, so reset that.\n" +
			"\t\t\t\t\t\tresetPo(po, true, r)\n" +
			"\t\t\t\t\t}\n" +
			"\t\t\t\t\t// Done.\n" +
			"\t\t\t\t\treturn nil\n" +
			"\t\t\t\t}\n" +
			"\t\t\t}\n" +
			"\t\t\t// Then do a more fine grained reset for each output format.\n" +
			"\t\tOUTPUTS:\n" +
			"\t\t\tfor _, po := range p.pageOutputs {\n" +
			"\t\t\t\tif !po.isRendered() {\n" +
			"\t\t\t\t\tcontinue\n" +
			"\t\t\t\t}\n" +
			"\n" +
			"\t\t\t\tfor _, id := range changes {\n" +
			"\t\t\t\t\tcheckedCounter.Add(1)\n" +
			"\t\t\t\t\tif r := depsFinder.Contains(id, po.dependencyManagerOutput, 50); r > identity.FinderFoundOneOfManyRepetition {\n" +
			"\t\t\t\t\t\t// Note that dependencyManagerOutput is not used when rendering content, so don't reset that.\n" +
			"\t\t\t\t\t\tresetPo(po, false, r)\n" +
			"\t\t\t\t\t\tcontinue OUTPUTS\n" +
			"\t\t\t\t\t}\n" +
			"\t\t\t\t}\n" +
			"\t\t\t}\n",
		New: "\t\t\t// press: all the changes in one walk (ContainsAny), not one walk each.\n" +
			"\t\t\tcheckedCounter.Add(int64(len(changes)))\n" +
			"\t\t\tif r := depsFinder.ContainsAny(changes, p.dependencyManager, 2); r > identity.FinderFoundOneOfManyRepetition {\n" +
			"\t\t\t\tfor _, po := range p.pageOutputs {\n" +
			"\t\t\t\t\t// Note that p.dependencyManager is used when rendering content, so reset that.\n" +
			"\t\t\t\t\tresetPo(po, true, r)\n" +
			"\t\t\t\t}\n" +
			"\t\t\t\t// Done.\n" +
			"\t\t\t\treturn nil\n" +
			"\t\t\t}\n" +
			"\t\t\t// Then do a more fine grained reset for each output format.\n" +
			"\t\t\tfor _, po := range p.pageOutputs {\n" +
			"\t\t\t\tif !po.isRendered() {\n" +
			"\t\t\t\t\tcontinue\n" +
			"\t\t\t\t}\n" +
			"\t\t\t\tcheckedCounter.Add(int64(len(changes)))\n" +
			"\t\t\t\tif r := depsFinder.ContainsAny(changes, po.dependencyManagerOutput, 50); r > identity.FinderFoundOneOfManyRepetition {\n" +
			"\t\t\t\t\t// Note that dependencyManagerOutput is not used when rendering content, so don't reset that.\n" +
			"\t\t\t\t\tresetPo(po, false, r)\n" +
			"\t\t\t\t}\n" +
			"\t\t\t}\n",
	},
	// A rebuild replaced the fatal-error handler as it started, while
	// press's hang guard (internal/site/guard.go) reads its stop channel
	// (Done) from another goroutine: a data race. The handler is reset in
	// place, under its lock, and Done reads the channel under it.
	{
		File: "hugolib/hugo_sites.go",
		Old: "func (h *HugoSites) reset() {\n" +
			"\th.fatalErrorHandler = &fatalErrorHandler{\n" +
			"\t\th:     h,\n" +
			"\t\tdonec: make(chan bool),\n" +
			"\t}\n" +
			"}\n",
		New: "func (h *HugoSites) reset() {\n" +
			"\tf := h.fatalErrorHandler // press: reset in place (Done is read from other goroutines)\n" +
			"\tf.mu.Lock()\n" +
			"\tf.err, f.done, f.donec = nil, false, make(chan bool)\n" +
			"\tf.mu.Unlock()\n" +
			"}\n",
	},
	{
		File: "hugolib/hugo_sites.go",
		Old:  "func (f *fatalErrorHandler) Done() <-chan bool {\n\treturn f.donec\n}\n",
		New:  "func (f *fatalErrorHandler) Done() <-chan bool {\n\tf.mu.Lock() // press: reset replaces donec under the lock\n\tdefer f.mu.Unlock()\n\treturn f.donec\n}\n",
	},
}

// finderAny is identity/finder_any.go, press's file in Hugo's module copy.
//
//go:embed files/finder_any.go.txt
var finderAny string

// hashPress is hugolib/pagesfromdata/hash_press.go, press's file in Hugo's
// module copy.
//
//go:embed files/hash_press.go.txt
var hashPress string

// Sum identifies the edits: a copy made with other edits is made again.
func Sum() string {
	h := sha256.New()
	for _, e := range Edits {
		fmt.Fprintf(h, "%s\x00%s\x00%s\x00", e.File, e.Old, e.New)
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

// Apply applies the edits to the module copy in dir. It fails, naming the
// edit, when a file does not hold its old text exactly once (another Hugo
// version: the patch must be looked at again).
func Apply(dir string) error {
	for i, e := range Edits {
		p := filepath.Join(dir, filepath.FromSlash(e.File))
		if e.Old == "" {
			if _, err := os.Lstat(p); err == nil {
				return fmt.Errorf("hugopatch: edit %d adds %s, which is there already (has Hugo's version changed?)", i+1, e.File)
			}
			if err := os.WriteFile(p, []byte(e.New), 0o644); err != nil {
				return err
			}
			continue
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if n := bytes.Count(b, []byte(e.Old)); n != 1 {
			return fmt.Errorf("hugopatch: edit %d of %s: its text stands %d times, want once (has Hugo's version changed?)", i+1, e.File, n)
		}
		b = bytes.Replace(b, []byte(e.Old), []byte(e.New), 1)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// ModuleDir is the folder of Hugo's module at version in Go's module
// cache, downloaded if it is not there yet.
func ModuleDir(version string) (string, error) {
	mv := Module + "@" + version
	cmd := exec.Command("go", "mod", "download", "-json", mv)
	cmd.Env = append(os.Environ(), "GOFLAGS=")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("hugopatch: go mod download %s: %v", mv, err)
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal(out, &m); err != nil {
		return "", err
	}
	if m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("hugopatch: go mod download %s: %s", mv, m.Error)
	}
	return m.Dir, nil
}

// Copy copies the module tree from (the read-only module cache) to to,
// with the files writable.
func Copy(from, to string) error {
	return filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(from, p)
		if err != nil {
			return err
		}
		dst := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
}

// Make makes the patched copy of the module version version from the
// module's folder src (in the module cache) under dir, unless a copy with
// the same edits is there, and returns its folder.
func Make(src, version, dir string) (string, error) {
	to := filepath.Join(dir, "hugo-"+strings.TrimPrefix(version, "v")+"-press")
	stamp := filepath.Join(to, ".press-patch")
	want := version + " " + Sum() + "\n"
	if b, err := os.ReadFile(stamp); err == nil && string(b) == want {
		return to, nil
	}
	if err := os.RemoveAll(to); err != nil {
		return "", err
	}
	tmp := to + ".tmp"
	if err := os.RemoveAll(tmp); err != nil {
		return "", err
	}
	if err := Copy(src, tmp); err != nil {
		return "", err
	}
	if err := Apply(tmp); err != nil {
		return "", err
	}
	if err := os.WriteFile(filepath.Join(tmp, ".press-patch"), []byte(want), 0o644); err != nil {
		return "", err
	}
	return to, os.Rename(tmp, to)
}
