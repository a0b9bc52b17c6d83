package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/testsite"
)

// commandLines are the lines of out that a CI runner would read as a
// workflow command.
func commandLines(out string) []string {
	var bad []string
	for _, l := range strings.FieldsFunc(out, func(r rune) bool { return r == '\n' || r == '\r' }) {
		if t := strings.TrimLeft(l, " \t"); strings.HasPrefix(t, "::") || strings.Contains(l, "##[") {
			bad = append(bad, l)
		}
	}
	return bad
}

// TestNamesCannotInjectWorkflowCommands builds and checks a site whose
// content files are named to start workflow commands, with a line break or
// "::" in the name, and with bad front matter so that the names are
// printed: no line of the plain output is a command, in either language.
func TestNamesCannotInjectWorkflowCommands(t *testing.T) {
	src := testsite.Copy(t, fixtureSite("minimal"))
	names := []string{
		"a\n::add-mask::pwned.md",
		"::warning file=x::pwned.md",
		"b\r::set-output name=x::y.md",
		"c ##[error]pwned.md",
	}
	for _, n := range names {
		if err := os.WriteFile(filepath.Join(src, "content", "posts", n), []byte("---\ntitle: [unclosed\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "public")
	for _, lang := range []msg.Lang{msg.En, msg.Zh} {
		for _, args := range [][]string{
			{"build", "-s", src, "-d", out, "--cache-dir", t.TempDir()},
			{"check", "-s", src, "--cache-dir", t.TempDir()},
		} {
			code, stdout, stderr := run(lang, args...)
			if code != ExitBuild {
				t.Fatalf("%v: exit %d\n%s", args, code, stderr)
			}
			if bad := commandLines(stdout + "\n" + stderr); len(bad) > 0 {
				t.Errorf("%v: lines a runner takes as commands: %q", args, bad)
			}
			if !strings.Contains(stderr, `"content/posts/a\n:\x3aadd-mask:\x3apwned.md"`) {
				t.Errorf("%v: the name with a line break is not quoted:\n%s", args, stderr)
			}
		}
	}
}

// TestDefuse: whatever a message quotes, no line comes out as a command.
func TestDefuse(t *testing.T) {
	var b strings.Builder
	c := &ciSafe{w: &b}
	c.Write([]byte("ok line\n  ::error::x\nmid ::not at start\n"))
	c.Write([]byte("partial ##[group]y"))
	c.Write([]byte("\r::endgroup::"))
	c.Flush()
	if bad := commandLines(b.String()); len(bad) > 0 {
		t.Errorf("commands left: %q in %q", bad, b.String())
	}
	if !strings.Contains(b.String(), "mid ::not at start") || !strings.Contains(b.String(), "ok line\n") {
		t.Errorf("harmless text changed: %q", b.String())
	}
}
