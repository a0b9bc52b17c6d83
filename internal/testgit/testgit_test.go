package testgit

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// Commit with no paths takes every change, with paths only those; the
// commit is by the author at the time given, and a bare repository has no
// work tree.
func TestCommit(t *testing.T) {
	dir := t.TempDir()
	r := Init(t, dir)
	for _, f := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(f), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	when := time.Date(2026, 11, 20, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))
	first := r.Commit(t, "only a", "编辑甲", when, "a.md")
	c, err := r.CommitObject(first)
	if err != nil {
		t.Fatal(err)
	}
	if c.Message != "only a" || c.Author.Name != "编辑甲" || c.Author.Email != Email || !c.Author.When.Equal(when) || c.Committer != c.Author {
		t.Errorf("commit %q by %v, committed by %v", c.Message, c.Author, c.Committer)
	}
	if _, err := c.File("b.md"); err == nil {
		t.Error("a commit of a.md took b.md too")
	}
	os.Remove(filepath.Join(dir, "a.md"))
	c, _ = r.CommitObject(Open(t, dir).Commit(t, "all", "编辑乙", when.Add(time.Hour)))
	if _, err := c.File("b.md"); err != nil {
		t.Errorf("a commit of everything lacks b.md: %v", err)
	}
	if _, err := c.File("a.md"); err == nil {
		t.Error("a commit of everything kept the deleted a.md")
	}
	if _, err := Bare(t, t.TempDir()).Worktree(); err == nil {
		t.Error("a bare repository has a work tree")
	}
}
