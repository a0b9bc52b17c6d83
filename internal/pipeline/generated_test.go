package pipeline

import (
	"path/filepath"
	"testing"
)

// Once Hugo has the generated data as files, render lets go of it: the
// member directory's data is not held while Hugo renders the site and the
// build checks it.
func TestRenderLetsGoOfTheData(t *testing.T) {
	opts, err := prepare(Options{Source: filepath.Join("..", "..", "testdata", "sites", "minimal"), CacheDir: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	d, l := derive(opts)
	if l.HasErrors() {
		t.Fatal(l)
	}
	if len(d.gen.data) == 0 {
		t.Fatal("the site has no generated data to let go of")
	}
	r, err := render(opts, d, "")
	if err != nil {
		t.Fatal(err)
	}
	defer r.scan.close()
	if d.gen.data != nil || d.gen.assets != nil {
		t.Errorf("after render, the generated data (%d) and assets (%d) are still held", len(d.gen.data), len(d.gen.assets))
	}
}
