package history

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/filesystem"
	"github.com/go-git/go-git/v5/storage/memory"
)

// synthSpec describes a deterministic synthetic repository shaped like the
// association's site: files spread over section/year directories, every
// commit changing a few of them, a merged side branch every 25 commits.
type synthSpec struct {
	Commits int    // commit objects in total, merges and side commits included
	Files   int    // files in the final tree
	Seed    uint64 // seed of the pseudo-random choices
	// RefDeltas stores deltas by base hash rather than by offset, as some
	// packs do.
	RefDeltas bool
}

func (s synthSpec) key() string {
	key := fmt.Sprintf("press-history-synth-v2-%dc-%df-%d", s.Commits, s.Files, s.Seed)
	if s.RefDeltas {
		key += "-ref"
	}
	return key
}

// synthRepo returns the directory of the repository described by spec,
// generating it on first use. The repository is cached under os.TempDir, so
// it is built once per machine (and once per benchmark process at most).
func synthRepo(tb testing.TB, spec synthSpec) string {
	tb.Helper()
	dir := filepath.Join(os.TempDir(), spec.key())
	if _, err := os.Stat(dir + ".ok"); err == nil {
		return dir
	}
	tmp, err := os.MkdirTemp(os.TempDir(), spec.key()+".tmp-*")
	if err != nil {
		tb.Fatal(err)
	}
	defer os.RemoveAll(tmp)
	start := time.Now()
	if err := generate(tmp, spec); err != nil {
		tb.Fatalf("generate synthetic repository: %v", err)
	}
	os.RemoveAll(dir)
	if err := os.Rename(tmp, dir); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dir+".ok", nil, 0o644); err != nil {
		tb.Fatal(err)
	}
	tb.Logf("generated %s in %v", dir, time.Since(start).Round(time.Millisecond))
	return dir
}

// synthDirs lists the directories files are spread over.
func synthDirs() []string {
	sections := []string{"content/news", "content/notices", "content/activities", "data/members", "content/whitepapers"}
	var dirs []string
	for y := 2019; y <= 2026; y++ {
		for _, s := range sections {
			dirs = append(dirs, fmt.Sprintf("%s/%d", s, y))
		}
	}
	return dirs
}

// synthPath is the path of the i-th file.
func synthPath(i int) string {
	dirs := synthDirs()
	return fmt.Sprintf("%s/p%05d.md", dirs[i%len(dirs)], i)
}

var synthAuthors = []object.Signature{
	{Name: "张伟", Email: "zhangwei@zzia.org.cn"},
	{Name: "王芳", Email: "wangfang@zzia.org.cn"},
	{Name: "李娜", Email: "lina@zzia.org.cn"},
	{Name: "刘洋", Email: "liuyang@zzia.org.cn"},
	{Name: "陈静", Email: "chenjing@zzia.org.cn"},
	{Name: "Editor Bot", Email: "bot@zzia.org.cn"},
}

// generate writes the repository into dir: objects are built in memory and
// written as one packfile with deltas, as a clone would have them.
func generate(dir string, spec synthSpec) error {
	repo, err := git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	if err != nil {
		return err
	}
	mem := memory.NewStorage()
	b := newTreeBuilder(mem)
	rng := rand.New(rand.NewPCG(spec.Seed, spec.Seed^0x9e3779b97f4a7c15))
	when := time.Date(2021, 1, 4, 9, 0, 0, 0, time.FixedZone("CST", 8*3600))
	count := 0
	revision := map[int]int{}
	body := strings.Repeat("郑州市信息化促进会发布通知。The association publishes news. ", 12)
	write := func(f int) {
		revision[f]++
		content := fmt.Sprintf("---\ntitle: 文章 %d\nrevision: %d\n---\n\n%s\n", f, revision[f], body)
		b.set(synthPath(f), blob(mem, content))
	}
	commit := func(msg string, parents ...plumbing.Hash) (plumbing.Hash, error) {
		tree, err := b.write()
		if err != nil {
			return plumbing.ZeroHash, err
		}
		sig := synthAuthors[rng.IntN(len(synthAuthors))]
		sig.When = when
		committer := sig
		committer.When = when.Add(time.Duration(rng.IntN(600)) * time.Second)
		when = when.Add(time.Duration(1+rng.IntN(6)) * time.Hour)
		count++
		return storeCommit(mem, &object.Commit{
			Author: sig, Committer: committer, Message: msg + "\n",
			TreeHash: tree, ParentHashes: parents,
		})
	}

	// The first commit holds a tenth of the files; the rest are added one
	// per commit over the first part of the history.
	initial := spec.Files / 10
	next := 0
	for ; next < initial; next++ {
		write(next)
	}
	tip, err := commit("初始化网站")
	if err != nil {
		return err
	}
	addEvery := max(1, (spec.Commits*6/10)/max(1, spec.Files-initial))
	pick := func(exclude map[int]bool) int {
		for {
			f := rng.IntN(next)
			if !exclude[f] {
				return f
			}
		}
	}
	for count < spec.Commits {
		if count%25 == 0 && count+4 <= spec.Commits {
			// A side branch of one commit, two commits on main, a merge.
			side := map[int]bool{}
			saved := map[string]plumbing.Hash{}
			for range 2 {
				f := pick(side)
				side[f] = true
				saved[synthPath(f)] = b.get(synthPath(f))
				write(f)
			}
			sideTip, err := commit("更新会员资料", tip)
			if err != nil {
				return err
			}
			sideFiles := map[string]plumbing.Hash{}
			for p, old := range saved {
				sideFiles[p] = b.get(p)
				b.set(p, old)
			}
			for range 2 {
				write(pick(side))
				if tip, err = commit("修订新闻", tip); err != nil {
					return err
				}
			}
			for p, h := range sideFiles {
				b.set(p, h)
			}
			if tip, err = commit("合并分支 members", tip, sideTip); err != nil {
				return err
			}
			continue
		}
		if next < spec.Files && count%addEvery == 0 {
			write(next)
			next++
		}
		changed := map[int]bool{}
		for range 1 + rng.IntN(4) {
			f := pick(changed)
			changed[f] = true
			write(f)
		}
		if tip, err = commit(fmt.Sprintf("更新内容 %d", count), tip); err != nil {
			return err
		}
	}
	if next < spec.Files {
		return fmt.Errorf("only %d of %d files added; raise Commits", next, spec.Files)
	}
	return writePack(repo, mem, tip, spec.RefDeltas)
}

func blob(s storer.EncodedObjectStorer, content string) plumbing.Hash {
	o := s.NewEncodedObject()
	o.SetType(plumbing.BlobObject)
	w, _ := o.Writer()
	w.Write([]byte(content))
	w.Close()
	h, err := s.SetEncodedObject(o)
	if err != nil {
		panic(err)
	}
	return h
}

func storeCommit(s storer.EncodedObjectStorer, c *object.Commit) (plumbing.Hash, error) {
	o := s.NewEncodedObject()
	if err := c.Encode(o); err != nil {
		return plumbing.ZeroHash, err
	}
	return s.SetEncodedObject(o)
}

// writePack packs every object of mem into repo's object store and points
// main at tip.
func writePack(repo *git.Repository, mem *memory.Storage, tip plumbing.Hash, refDeltas bool) error {
	var hashes []plumbing.Hash
	for h := range mem.ObjectStorage.Objects {
		hashes = append(hashes, h)
	}
	sort.Slice(hashes, func(i, j int) bool { return hashes[i].String() < hashes[j].String() })
	fs := repo.Storer.(*filesystem.Storage)
	w, err := fs.PackfileWriter()
	if err != nil {
		return err
	}
	if _, err := packfile.NewEncoder(w, mem, refDeltas).Encode(hashes, 10); err != nil {
		w.Close()
		return err
	}
	if err := w.Close(); err != nil {
		return err
	}
	return repo.Storer.SetReference(plumbing.NewHashReference(plumbing.NewBranchReferenceName("main"), tip))
}

// treeBuilder keeps a mutable file tree and writes only the directories that
// changed since the last write.
type treeBuilder struct {
	st   storer.EncodedObjectStorer
	root *bdir
}

type bdir struct {
	files  map[string]plumbing.Hash
	dirs   map[string]*bdir
	hash   plumbing.Hash
	dirty  bool
	parent *bdir
}

func newBdir(parent *bdir) *bdir {
	return &bdir{files: map[string]plumbing.Hash{}, dirs: map[string]*bdir{}, dirty: true, parent: parent}
}

func newTreeBuilder(st storer.EncodedObjectStorer) *treeBuilder {
	return &treeBuilder{st: st, root: newBdir(nil)}
}

func (b *treeBuilder) locate(p string) (*bdir, string) {
	parts := strings.Split(p, "/")
	d := b.root
	for _, name := range parts[:len(parts)-1] {
		sub, ok := d.dirs[name]
		if !ok {
			sub = newBdir(d)
			d.dirs[name] = sub
		}
		d = sub
	}
	return d, parts[len(parts)-1]
}

func (b *treeBuilder) get(p string) plumbing.Hash {
	d, name := b.locate(p)
	return d.files[name]
}

// set puts blob h at path p; the zero hash removes the file.
func (b *treeBuilder) set(p string, h plumbing.Hash) {
	d, name := b.locate(p)
	if h.IsZero() {
		delete(d.files, name)
	} else {
		d.files[name] = h
	}
	for ; d != nil; d = d.parent {
		d.dirty = true
	}
}

func (b *treeBuilder) write() (plumbing.Hash, error) { return b.writeDir(b.root) }

func (b *treeBuilder) writeDir(d *bdir) (plumbing.Hash, error) {
	if !d.dirty {
		return d.hash, nil
	}
	t := &object.Tree{}
	for name, h := range d.files {
		t.Entries = append(t.Entries, object.TreeEntry{Name: name, Mode: filemode.Regular, Hash: h})
	}
	for name, sub := range d.dirs {
		h, err := b.writeDir(sub)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		if h.IsZero() {
			continue
		}
		t.Entries = append(t.Entries, object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: h})
	}
	d.dirty = false
	if len(t.Entries) == 0 && d.parent != nil {
		d.hash = plumbing.ZeroHash
		return d.hash, nil
	}
	sort.Sort(object.TreeEntrySorter(t.Entries))
	o := b.st.NewEncodedObject()
	if err := t.Encode(o); err != nil {
		return plumbing.ZeroHash, err
	}
	h, err := b.st.SetEncodedObject(o)
	if err != nil {
		return plumbing.ZeroHash, err
	}
	d.hash = h
	return h, nil
}
