// Package msgtest finds the message keys a package declares, so that its
// tests can check each against the catalogue. Only tests import it.
package msgtest

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"
)

// Keys returns the values of the string constants and variables of type
// typ (a package's type of message key) declared in the Go file path, in
// the order they are written; a file that does not parse fails the test.
func Keys(t testing.TB, path, typ string) []string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	ast.Inspect(f, func(node ast.Node) bool {
		v, ok := node.(*ast.ValueSpec)
		if !ok {
			return true
		}
		if id, ok := v.Type.(*ast.Ident); ok && id.Name == typ {
			for _, val := range v.Values {
				if lit, ok := val.(*ast.BasicLit); ok && lit.Kind == token.STRING {
					key, _ := strconv.Unquote(lit.Value)
					keys = append(keys, key)
				}
			}
		}
		return true
	})
	return keys
}
