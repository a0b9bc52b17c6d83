package project

import (
	"go/parser"
	"go/token"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The project calls the stages and nothing below them (see
// docs/architecture.md): its imports of press are stage packages and the
// packages shared by all.
func TestProjectImportsOnlyStages(t *testing.T) {
	allowed := map[string]bool{
		// stages
		"pipeline": true, "serve": true, "secretariat": true, "publish": true,
		"deploy": true, "mdpdf": true, "scaffold": true, "hooks": true,
		// shared by all
		"clock": true, "diag": true, "msg": true, "siteconfig": true, "tempdir": true,
		"atomicfile": true, "textenc": true, "editdist": true, "sheet": true,
	}
	for _, imp := range pressImports(t, ".") {
		if !allowed[imp] {
			t.Errorf("project imports internal/%s, which is below the stages: call it from a stage", imp)
		}
	}
}

// The command line reaches the stages only through the project, its API:
// besides it, cli imports only the message catalogue and the diagnostics.
func TestCLIImportsOnlyProject(t *testing.T) {
	for _, imp := range pressImports(t, "../cli") {
		if imp != "project" && imp != "msg" && imp != "diag" {
			t.Errorf("cli imports internal/%s: give the project a method or type for it", imp)
		}
	}
}

// pressImports returns the packages of press under internal/ that the
// non-test Go files in dir import, sorted, without the internal/ prefix.
func pressImports(t *testing.T, dir string) []string {
	t.Helper()
	const prefix = "github.com/zzia/press/internal/"
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, e := range entries {
		name := e.Name()
		if path.Ext(name) != ".go" || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path.Join(dir, name), nil, parser.ImportsOnly)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range f.Imports {
			p, _ := strconv.Unquote(s.Path.Value)
			if rest, ok := strings.CutPrefix(p, prefix); ok {
				seen[rest] = true
			}
		}
	}
	var out []string
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	if len(out) == 0 {
		t.Fatalf("no imports of press found in %s", dir)
	}
	return out
}
