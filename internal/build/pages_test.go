package build_test

import (
	"os"
	"testing"
	"time"

	"github.com/zzia/press/internal/directory"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
)

func TestDumpJSON(t *testing.T) {
	ds, l := member.Load(repoRoot)
	if l.HasErrors() {
		t.Fatal(l)
	}
	res := rules.Derive(ds, time.Date(2026, 11, 27, 0, 0, 0, 0, time.FixedZone("CST", 8*3600)))
	files, _ := directory.Build(ds, res).DataFiles()
	for _, f := range files {
		os.WriteFile("/tmp/dump/"+f.Name, f.Data, 0o644)
	}
}
