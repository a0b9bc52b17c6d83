package msgtest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// Keys finds the keys of the type asked for, in constants and variables,
// and nothing else.
func TestKeys(t *testing.T) {
	src := "package p\n\ntype Msg string\n\nconst (\n\tA Msg = \"a.key\"\n\tB, C Msg = \"b\", `c`\n\tN = \"untyped\"\n\tO string = \"other\"\n)\n\nvar V Msg = \"v\"\n"
	path := filepath.Join(t.TempDir(), "messages.go")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if got, want := Keys(t, path, "Msg"), []string{"a.key", "b", "c", "v"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Keys = %q, want %q", got, want)
	}
}
