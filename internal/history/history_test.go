package history

import (
	"container/heap"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	git "github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/memory"

	"github.com/zzia/press/internal/testgit"
)

// testRepo builds commits with explicit parents, authors, dates and full
// file lists in an in-memory repository.
type testRepo struct {
	t  *testing.T
	st *memory.Storage
}

func newTestRepo(t *testing.T) *testRepo {
	return &testRepo{t: t, st: memory.NewStorage()}
}

var t0 = time.Date(2026, 3, 1, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

// commit stores a commit whose tree holds exactly files. The committer date
// is an hour after the author date, so the two can be told apart.
func (r *testRepo) commit(author string, day int, msg string, files map[string]string, parents ...plumbing.Hash) plumbing.Hash {
	r.t.Helper()
	b := newTreeBuilder(r.st)
	for p, content := range files {
		b.set(p, blob(r.st, content))
	}
	tree, err := b.write()
	if err != nil {
		r.t.Fatal(err)
	}
	when := t0.AddDate(0, 0, day)
	h, err := storeCommit(r.st, &object.Commit{
		Author:       object.Signature{Name: author, Email: strings.ToLower(author) + "@example.org", When: when},
		Committer:    object.Signature{Name: "CI", Email: "ci@example.org", When: when.Add(time.Hour)},
		Message:      msg + "\n\nBody text.\n",
		TreeHash:     tree,
		ParentHashes: parents,
	})
	if err != nil {
		r.t.Fatal(err)
	}
	return h
}

// head points main, and HEAD, at h and opens the repository.
func (r *testRepo) head(h plumbing.Hash) *git.Repository {
	r.t.Helper()
	main := plumbing.NewBranchReferenceName("main")
	if err := r.st.SetReference(plumbing.NewSymbolicReference(plumbing.HEAD, main)); err != nil {
		r.t.Fatal(err)
	}
	if err := r.st.SetReference(plumbing.NewHashReference(main, h)); err != nil {
		r.t.Fatal(err)
	}
	repo, err := git.Open(r.st, nil)
	if err != nil {
		r.t.Fatal(err)
	}
	return repo
}

func mustFile(t *testing.T, h *History, path string) File {
	t.Helper()
	f, ok := h.File(path)
	if !ok {
		t.Fatalf("no history for %s; have %v", path, h.Paths())
	}
	return f
}

func TestLinearHistory(t *testing.T) {
	r := newTestRepo(t)
	c1 := r.commit("Alice", 0, "初始化", map[string]string{
		"site/content/a.md": "a1", "site/content/news/b.md": "b1", "README.md": "r1",
	})
	c2 := r.commit("Bob", 1, "修改 a", map[string]string{
		"site/content/a.md": "a2", "site/content/news/b.md": "b1", "README.md": "r1",
	}, c1)
	c3 := r.commit("Carol", 2, "readme only", map[string]string{
		"site/content/a.md": "a2", "site/content/news/b.md": "b1", "README.md": "r2",
	}, c2)
	c4 := r.commit("Alice", 3, "修改 a again", map[string]string{
		"site/content/a.md": "a3", "site/content/news/b.md": "b1", "README.md": "r2",
	}, c3)
	h, err := FromRepository(r.head(c4), "site")
	if err != nil {
		t.Fatal(err)
	}
	if h.Shallow || len(h.Warnings) != 0 {
		t.Errorf("Shallow=%v Warnings=%v, want neither", h.Shallow, h.Warnings)
	}
	if h.Head.Hash != c4.String() || h.Head.Subject != "修改 a again" {
		t.Errorf("Head = %+v, want %s", h.Head, c4)
	}
	if got := h.Paths(); !reflect.DeepEqual(got, []string{"content/a.md", "content/news/b.md"}) {
		t.Errorf("Paths = %v", got)
	}
	a := mustFile(t, h, "content/a.md")
	if a.Last.Hash != c4.String() {
		t.Errorf("a.md last = %s, want %s", a.Last.Hash, c4)
	}
	if !a.Modified.Equal(t0.AddDate(0, 0, 3)) {
		t.Errorf("a.md Modified = %v, want the author date %v", a.Modified, t0.AddDate(0, 0, 3))
	}
	if !a.Last.CommitDate.Equal(t0.AddDate(0, 0, 3).Add(time.Hour)) {
		t.Errorf("a.md CommitDate = %v", a.Last.CommitDate)
	}
	if a.Last.Author != "Alice" || a.Last.AuthorEmail != "alice@example.org" || a.Last.Subject != "修改 a again" {
		t.Errorf("a.md last commit = %+v", a.Last)
	}
	if !reflect.DeepEqual(a.Authors, []string{"Alice", "Bob"}) {
		t.Errorf("a.md authors = %v, want [Alice Bob]", a.Authors)
	}
	b := mustFile(t, h, "content/news/b.md")
	if b.Last.Hash != c1.String() || !reflect.DeepEqual(b.Authors, []string{"Alice"}) {
		t.Errorf("b.md = %s %v, want %s [Alice]", b.Last.Hash, b.Authors, c1)
	}
	if _, ok := h.File("README.md"); ok {
		t.Error("README.md is outside the site but has a history")
	}

	whole, err := FromRepository(r.head(c4), "")
	if err != nil {
		t.Fatal(err)
	}
	readme := mustFile(t, whole, "README.md")
	if readme.Last.Hash != c3.String() || !reflect.DeepEqual(readme.Authors, []string{"Carol", "Alice"}) {
		t.Errorf("README.md = %s %v, want %s [Carol Alice]", readme.Last.Hash, readme.Authors, c3)
	}
}

// TestMergeSimplification checks git's default history simplification: a
// merge passes a path on to the parent it is unchanged from, and changes the
// path itself only when it differs from every parent.
func TestMergeSimplification(t *testing.T) {
	r := newTestRepo(t)
	base := r.commit("Alice", 0, "base", map[string]string{"a": "1", "b": "1", "c": "1", "d": "1"})
	main1 := r.commit("Bob", 1, "main changes a", map[string]string{"a": "2", "b": "1", "c": "1", "d": "1"}, base)
	side1 := r.commit("Carol", 2, "side changes a, b, c", map[string]string{"a": "9", "b": "2", "c": "5", "d": "1"}, base)
	merge := r.commit("Dave", 3, "merge side", map[string]string{"a": "2", "b": "2", "c": "7", "d": "1"}, main1, side1)
	h, err := FromRepository(r.head(merge), "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path    string
		last    plumbing.Hash
		authors []string
	}{
		// a kept main's version: the side branch is pruned for a.
		{"a", main1, []string{"Bob", "Alice"}},
		// b took the side's version: followed into the side branch.
		{"b", side1, []string{"Carol", "Alice"}},
		// c differs from both parents: the merge changed it.
		{"c", merge, []string{"Dave", "Carol", "Alice"}},
		{"d", base, []string{"Alice"}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			f := mustFile(t, h, tt.path)
			if f.Last.Hash != tt.last.String() {
				t.Errorf("last = %s (%s), want %s", f.Last.Hash, f.Last.Subject, tt.last)
			}
			if !reflect.DeepEqual(f.Authors, tt.authors) {
				t.Errorf("authors = %v, want %v", f.Authors, tt.authors)
			}
		})
	}
}

func TestDeletedAndRestored(t *testing.T) {
	r := newTestRepo(t)
	c1 := r.commit("Alice", 0, "add x", map[string]string{"x": "same", "y": "1"})
	c2 := r.commit("Bob", 1, "delete x", map[string]string{"y": "1"}, c1)
	c3 := r.commit("Carol", 2, "restore x", map[string]string{"x": "same", "y": "1"}, c2)
	h, err := FromRepository(r.head(c3), "")
	if err != nil {
		t.Fatal(err)
	}
	x := mustFile(t, h, "x")
	if x.Last.Hash != c3.String() || !reflect.DeepEqual(x.Authors, []string{"Carol", "Bob", "Alice"}) {
		t.Errorf("x = %s %v, want %s [Carol Bob Alice]", x.Last.Hash, x.Authors, c3)
	}
}

func TestShallowInMemory(t *testing.T) {
	r := newTestRepo(t)
	c1 := r.commit("Alice", 0, "one", map[string]string{"a": "1", "b": "1"})
	c2 := r.commit("Bob", 1, "two", map[string]string{"a": "1", "b": "2"}, c1)
	c3 := r.commit("Carol", 2, "three", map[string]string{"a": "2", "b": "2"}, c2)
	repo := r.head(c3)
	if err := r.st.SetShallow([]plumbing.Hash{c2}); err != nil {
		t.Fatal(err)
	}
	h, err := FromRepository(repo, "")
	if err != nil {
		t.Fatalf("a shallow clone must not fail: %v", err)
	}
	if !h.Shallow || len(h.Warnings) == 0 || !strings.Contains(h.Warnings[0], "shallow") {
		t.Errorf("Shallow=%v Warnings=%q, want a shallow warning", h.Shallow, h.Warnings)
	}
	a := mustFile(t, h, "a")
	if a.Last.Hash != c3.String() || !reflect.DeepEqual(a.Authors, []string{"Carol"}) {
		t.Errorf("a = %s %v, want %s [Carol]", a.Last.Hash, a.Authors, c3)
	}
	// b last changed at the boundary, whose parent is unknown: no git date.
	if f, ok := h.File("b"); ok {
		t.Errorf("b has history %+v across the shallow boundary", f)
	}
}

func TestLoadFromDisk(t *testing.T) {
	dir := t.TempDir()
	repo := testgit.Init(t, dir)
	write := func(p, content string) {
		t.Helper()
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	commit := func(author string, day int, msg string) plumbing.Hash {
		t.Helper()
		return repo.Commit(t, msg, author, t0.AddDate(0, 0, day))
	}
	write("site/content/news/2026-03-01-kaimu.md", "---\ntitle: 开幕\n---\n")
	write("site/data/members/acme.yaml", "name: ACME\n")
	write("README.md", "press\n")
	c1 := commit("王芳", 0, "新增新闻")
	write("site/data/members/acme.yaml", "name: ACME 公司\n")
	c2 := commit("李娜", 1, "更新会员")

	check := func(t *testing.T) {
		t.Helper()
		write("site/content/news/draft.md", "---\ntitle: 草稿\n---\n") // untracked
		h, err := Load(filepath.Join(dir, "site", "content", ".."))  // the site directory
		if err != nil {
			t.Fatal(err)
		}
		if h.Shallow || h.Head.Hash != c2.String() {
			t.Errorf("Shallow=%v Head=%s, want false %s", h.Shallow, h.Head.Hash, c2)
		}
		news := mustFile(t, h, "content/news/2026-03-01-kaimu.md")
		if news.Last.Hash != c1.String() || news.Authors[0] != "王芳" {
			t.Errorf("news = %s %v", news.Last.Hash, news.Authors)
		}
		member := mustFile(t, h, "data/members/acme.yaml")
		if member.Last.Hash != c2.String() || !reflect.DeepEqual(member.Authors, []string{"李娜", "王芳"}) {
			t.Errorf("member = %s %v", member.Last.Hash, member.Authors)
		}
		if _, ok := h.File("content/news/draft.md"); ok {
			t.Error("an untracked file has a history")
		}
		if h.Len() != 2 {
			t.Errorf("Len = %d, want 2: %v", h.Len(), h.Paths())
		}
	}
	t.Run("loose objects", check)
	if err := repo.RepackObjects(&git.RepackConfig{}); err != nil {
		t.Fatal(err)
	}
	t.Run("packed", check)

	t.Run("shallow", func(t *testing.T) {
		if err := repo.Storer.SetShallow([]plumbing.Hash{c2}); err != nil {
			t.Fatal(err)
		}
		defer repo.Storer.SetShallow(nil)
		h, err := Load(filepath.Join(dir, "site"))
		if err != nil {
			t.Fatalf("a shallow clone must build: %v", err)
		}
		if !h.Shallow || len(h.Warnings) == 0 {
			t.Errorf("Shallow=%v Warnings=%v, want a warning", h.Shallow, h.Warnings)
		}
		if h.Len() != 0 {
			t.Errorf("a depth-1 clone dates nothing from git, got %v", h.Paths())
		}
	})
}

func TestLoadWithoutRepository(t *testing.T) {
	_, err := Load(t.TempDir())
	if !errors.Is(err, ErrNoRepository) {
		t.Errorf("Load outside a repository: %v, want ErrNoRepository", err)
	}
}

func TestLoadEmptyRepository(t *testing.T) {
	dir := t.TempDir()
	testgit.Init(t, dir)
	h, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if h.Len() != 0 || len(h.Warnings) == 0 {
		t.Errorf("Len=%d Warnings=%v, want 0 and a warning", h.Len(), h.Warnings)
	}
}

// TestAgainstReference compares the one-pass walk with a per-path walk that
// follows git's simplification literally, on a synthetic repository with
// merges, reading objects both from the mapped pack and through go-git.
func TestAgainstReference(t *testing.T) {
	if testing.Short() {
		t.Skip("generates a repository")
	}
	t.Run("offset deltas", func(t *testing.T) { againstReference(t, synthSpec{Commits: 300, Files: 120, Seed: 1}) })
	t.Run("ref deltas", func(t *testing.T) { againstReference(t, synthSpec{Commits: 120, Files: 50, Seed: 2, RefDeltas: true}) })
}

func againstReference(t *testing.T, spec synthSpec) {
	dir := synthRepo(t, spec)
	fromDisk, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	repo, err := git.PlainOpen(dir)
	if err != nil {
		t.Fatal(err)
	}
	viaGoGit, err := FromRepository(repo, "")
	if err != nil {
		t.Fatal(err)
	}
	if fromDisk.Len() != spec.Files || viaGoGit.Len() != spec.Files {
		t.Fatalf("Len = %d and %d, want %d", fromDisk.Len(), viaGoGit.Len(), spec.Files)
	}
	if !reflect.DeepEqual(fromDisk.files, viaGoGit.files) {
		t.Error("the pack reader and go-git's storage give different histories")
	}
	head, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range fromDisk.Paths() {
		if i%7 != 0 {
			continue
		}
		shown := referenceLog(t, repo, head.Hash(), p)
		f := mustFile(t, fromDisk, p)
		var authors []string
		seen := map[string]bool{}
		for _, c := range shown {
			if !seen[c.Author.Name] {
				seen[c.Author.Name] = true
				authors = append(authors, c.Author.Name)
			}
		}
		if f.Last.Hash != shown[0].Hash.String() || !reflect.DeepEqual(f.Authors, authors) {
			t.Errorf("%s: walk %s %v, reference %s %v", p, f.Last.Hash, f.Authors, shown[0].Hash, authors)
		}
	}
}

// referenceLog lists the commits `git log -- path` shows, newest first: a
// commit is shown when path differs from every parent (a root commit: when
// it has path); a merge unchanged from a parent is followed into the first
// such parent only.
func referenceLog(t *testing.T, repo *git.Repository, head plumbing.Hash, path string) []*object.Commit {
	t.Helper()
	entry := func(c *object.Commit) plumbing.Hash {
		tree, err := c.Tree()
		if err != nil {
			t.Fatal(err)
		}
		f, err := tree.FindEntry(path)
		if err != nil {
			return plumbing.ZeroHash
		}
		return f.Hash
	}
	var shown []*object.Commit
	seen := map[plumbing.Hash]bool{}
	q := &commitQueue{}
	start, err := repo.CommitObject(head)
	if err != nil {
		t.Fatal(err)
	}
	heap.Push(q, start)
	seen[head] = true
	for q.Len() > 0 {
		c := heap.Pop(q).(*object.Commit)
		mine := entry(c)
		var parents []*object.Commit
		if err := c.Parents().ForEach(func(p *object.Commit) error {
			parents = append(parents, p)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		follow := parents
		for _, p := range parents {
			if entry(p) == mine {
				follow = []*object.Commit{p}
				break
			}
		}
		if len(follow) != 1 || entry(follow[0]) != mine {
			if len(parents) > 0 || !mine.IsZero() {
				shown = append(shown, c)
			}
		}
		for _, p := range follow {
			if !seen[p.Hash] {
				seen[p.Hash] = true
				heap.Push(q, p)
			}
		}
	}
	return shown
}

type commitQueue []*object.Commit

func (q commitQueue) Len() int           { return len(q) }
func (q commitQueue) Less(i, j int) bool { return q[i].Committer.When.After(q[j].Committer.When) }
func (q commitQueue) Swap(i, j int)      { q[i], q[j] = q[j], q[i] }
func (q *commitQueue) Push(x any)        { *q = append(*q, x.(*object.Commit)) }
func (q *commitQueue) Pop() any {
	old := *q
	x := old[len(old)-1]
	*q = old[:len(old)-1]
	return x
}

func TestTreeOrder(t *testing.T) {
	// git sorts a tree's entries by name, a directory as if its name ended
	// in "/": "a" (file) < "a.b" < "a/" (tree) < "a0".
	type named struct {
		t *tree
		e *entry
	}
	mk := func(n string, mode uint32) named {
		t := &tree{raw: []byte(n)}
		return named{t, &entry{off: 0, n: uint32(len(n)), mode: mode}}
	}
	file := func(n string) named { return mk(n, 0o100644) }
	dir := func(n string) named { return mk(n, modeTree) }
	order := []named{file("a"), file("a.b"), dir("a"), file("a0"), dir("b")}
	for i := range order {
		for j := range order {
			got := compareEntries(order[i].t, order[i].e, order[j].t, order[j].e)
			want := 0
			if i < j {
				want = -1
			} else if i > j {
				want = 1
			}
			if got != want {
				t.Errorf("compare(%s, %s) = %d, want %d", order[i].t.raw, order[j].t.raw, got, want)
			}
		}
	}
}

func TestParseTreeErrors(t *testing.T) {
	for name, raw := range map[string]string{
		"bad mode":  "10x644 a\x00" + strings.Repeat("x", 20),
		"truncated": "100644 a\x00" + strings.Repeat("x", 10),
		"no name":   "100644",
	} {
		if _, err := parseTree([]byte(raw)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
