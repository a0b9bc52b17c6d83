package pipeline_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/pipeline"

	"github.com/zzia/press/internal/testsite"
)

// A build over the previous output writes only the files whose bytes
// changed, removes those no longer made, and gives the same files as a
// build from scratch.
func TestBuildOverOutputWritesOnlyChanges(t *testing.T) {
	src := testsite.Bundled(t)
	cache := t.TempDir()
	out := filepath.Join(t.TempDir(), "public")
	opts := pipeline.Options{Source: src, Dest: out, CacheDir: cache, Today: pagesToday}
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatal(err)
	}
	const (
		edited    = "news/2026-10-23-data-security-training/index.html"
		unchanged = "about/index.html"
	)
	staleRel := "news/2026-11-30-stale/index.html"
	os.WriteFile(filepath.Join(src, "content", "news", "2026-11-30-stale.md"), []byte("---\ntitle: 将被删除的一篇\ndate: 2026-11-26\nsummary: 临时。\n---\n临时的正文。\n"), 0o644)
	res, err := pipeline.Build(opts)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, staleRel)); err != nil {
		t.Fatalf("the added page was not built: %v", err)
	}
	// The count is of the files the build saw itself make, without a walk.
	if n := len(tree(t, out)) - 1; res.Files != n { // the marker is not counted
		t.Errorf("the build reports %d files; the output holds %d", res.Files, n)
	}
	before := map[string]uint64{edited: testsite.Inode(t, filepath.Join(out, edited)), unchanged: testsite.Inode(t, filepath.Join(out, unchanged))}
	beforeBytes, _ := os.ReadFile(filepath.Join(out, unchanged))

	// The page removed again, an article edited.
	os.Remove(filepath.Join(src, "content", "news", "2026-11-30-stale.md"))
	art := filepath.Join(src, filepath.FromSlash(article))
	b, _ := os.ReadFile(art)
	os.WriteFile(art, []byte(strings.Replace(string(b), "10月20日至23日", "十月二十日至二十三日", 1)), 0o644)
	if res, err = pipeline.Build(opts); err != nil {
		t.Fatal(err)
	}
	if n := len(tree(t, out)) - 1; res.Files != n {
		t.Errorf("the build over the output reports %d files; the output holds %d", res.Files, n)
	}
	if _, err := os.Stat(filepath.Join(out, staleRel)); err == nil {
		t.Error("the deleted page's file is still in the output")
	}
	if _, err := os.Stat(filepath.Join(out, "news", "2026-11-30-stale")); err == nil {
		t.Error("the deleted page's folder is still in the output")
	}
	if testsite.Inode(t, filepath.Join(out, unchanged)) != before[unchanged] {
		t.Error("an unchanged page was written again")
	}
	if testsite.Inode(t, filepath.Join(out, edited)) == before[edited] {
		t.Error("the edited page was not written as a new file")
	}
	if !strings.Contains(read(t, out, edited), "十月二十日至二十三日") {
		t.Error("the edited page lacks the edit")
	}
	if after, _ := os.ReadFile(filepath.Join(out, unchanged)); string(after) != string(beforeBytes) {
		t.Error("an unchanged page changed")
	}

	equalsCleanBuild(t, opts, out)
}

// A failed build over the previous output leaves it as it was, files and
// inodes: nothing is written through the stage's links.
func TestFailedBuildOverOutputTouchesNothing(t *testing.T) {
	src := testsite.Bundled(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: pagesToday}
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatal(err)
	}
	want := tree(t, out)
	ino := testsite.Inode(t, filepath.Join(out, "index.html"))
	// Every page changes (the layout), then a broken link fails the build
	// after Hugo wrote them all.
	base := filepath.Join(src, "layouts", "baseof.html")
	b, _ := os.ReadFile(base)
	os.WriteFile(base, []byte(strings.Replace(string(b), "</body>", `<a href="/no/such/page/">x</a></body>`, 1)), 0o644)
	if _, err := pipeline.Build(opts); err == nil {
		t.Fatal("a broken link did not fail the build")
	}
	if d := diffTrees(tree(t, out), want); len(d) > 0 {
		t.Errorf("the failed build changed the previous output:\n%s", strings.Join(d, "\n"))
	}
	if testsite.Inode(t, filepath.Join(out, "index.html")) != ino {
		t.Error("the failed build replaced a file of the previous output")
	}
	if left := leftBeside(filepath.Dir(out)); len(left) > 0 {
		t.Errorf("the failed build left %v", left)
	}
}

// equalsCleanBuild builds opts into a new folder and reports every file in
// which out, built over a previous output, differs from that clean build.
func equalsCleanBuild(t *testing.T, opts pipeline.Options, out string) {
	t.Helper()
	clean := filepath.Join(t.TempDir(), "public")
	opts.Dest = clean
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatal(err)
	}
	if d := diffTrees(tree(t, out), tree(t, clean)); len(d) > 0 {
		t.Errorf("the build over the previous output (first) differs from a clean build (second):\n%s", strings.Join(d, "\n"))
	}
}

// A file of the previous output where the next build makes a folder (and
// the other way round) is replaced, and the result equals a clean build.
func TestBuildOverOutputFileBecomesFolder(t *testing.T) {
	src := testsite.Bundled(t)
	out := filepath.Join(t.TempDir(), "public")
	opts := pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: pagesToday}
	static := filepath.Join(src, "static", "downloads")
	if err := os.MkdirAll(filepath.Join(src, "static"), 0o755); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(static, []byte("a file\n"), 0o644)
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatal(err)
	}
	os.Remove(static)
	os.MkdirAll(static, 0o755)
	os.WriteFile(filepath.Join(static, "guide.txt"), []byte("a file in a folder\n"), 0o644)
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatalf("file → folder: %v", err)
	}
	if got := read(t, out, "downloads/guide.txt"); got != "a file in a folder\n" {
		t.Errorf("downloads/guide.txt = %q", got)
	}
	equalsCleanBuild(t, opts, out)

	os.RemoveAll(static)
	os.WriteFile(static, []byte("a file again\n"), 0o644)
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatalf("folder → file: %v", err)
	}
	if got := read(t, out, "downloads"); got != "a file again\n" {
		t.Errorf("downloads = %q", got)
	}
	equalsCleanBuild(t, opts, out)
}

// The previous output is kept beside the new one as the spare tree, with a
// .gitignore that hides it from git, and the next build starts its stage
// from it: a spare tree tampered with (a file replaced by other bytes, a
// file added) still gives a clean build's output, unchanged files keeping
// their inodes.
func TestSpareTreeKeptAndReconciled(t *testing.T) {
	src := testsite.Bundled(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	opts := pipeline.Options{Source: src, Dest: out, CacheDir: t.TempDir(), Today: pagesToday}
	for range 2 {
		if _, err := pipeline.Build(opts); err != nil {
			t.Fatal(err)
		}
	}
	spare := filepath.Join(dir, ".press-stage-public.spare")
	if ig, err := os.ReadFile(filepath.Join(spare, ".gitignore")); err != nil || !strings.Contains(string(ig), "\n*\n") {
		t.Errorf("the spare tree's .gitignore: %q, %v", ig, err)
	}
	const unchanged = "about/index.html"
	ino := testsite.Inode(t, filepath.Join(out, unchanged))
	tree := filepath.Join(spare, "tree")
	if testsite.Inode(t, filepath.Join(tree, unchanged)) != ino {
		t.Fatal("the spare tree's unchanged page is not the output's file")
	}
	os.Remove(filepath.Join(tree, unchanged))
	os.WriteFile(filepath.Join(tree, unchanged), []byte("tampered"), 0o644)
	os.WriteFile(filepath.Join(tree, "stray.html"), []byte("stray"), 0o644)
	treeIno := testsite.Inode(t, tree)

	art := filepath.Join(src, filepath.FromSlash(article))
	b, _ := os.ReadFile(art)
	os.WriteFile(art, []byte(strings.Replace(string(b), "10月20日至23日", "十月二十日至二十三日", 1)), 0o644)
	if _, err := pipeline.Build(opts); err != nil {
		t.Fatal(err)
	}
	if testsite.Inode(t, out) != treeIno {
		t.Error("the build did not start from the spare tree")
	}
	if testsite.Inode(t, filepath.Join(out, unchanged)) != ino {
		t.Error("an unchanged page was written again")
	}
	if _, err := os.Stat(filepath.Join(out, "stray.html")); err == nil {
		t.Error("a file of the spare tree reached the output")
	}
	equalsCleanBuild(t, opts, out)
}
