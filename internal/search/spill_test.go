package search_test

import (
	"os"
	"reflect"
	"testing"

	"github.com/zzia/press/internal/search"
)

// Pages kept on disk until Build asks for them give the index that pages
// held in memory give, and the one Build makes reading every page itself;
// Close leaves nothing in the folder.
func TestPagesOnDisk(t *testing.T) {
	dir := bundled(t)
	site := os.DirFS(dir)
	pages := bundledPages(t)
	mem, tmp := search.NewPages(), t.TempDir()
	disk, err := search.NewPagesOnDisk(tmp)
	if err != nil {
		t.Fatal(err)
	}
	for name, src := range pages {
		mem.Add(name, src)
		disk.Add(name, src)
	}
	want, err := search.Build(site, search.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for how, ps := range map[string]*search.Pages{"in memory": mem, "on disk": disk} {
		got, err := search.Build(site, search.Options{Pages: ps})
		if err != nil {
			t.Fatal(how, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("the index of the pages %s differs from the index of the site", how)
		}
	}
	if err := disk.Close(); err != nil {
		t.Error(err)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("the pages' file is left: %v", left)
	}
}
