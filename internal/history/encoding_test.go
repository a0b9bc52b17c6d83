package history

import (
	"reflect"
	"testing"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestCommitEncoding: commits made with i18n.commitEncoding set carry an
// "encoding" header and names in that encoding; they are read as git log
// shows them, not as invalid UTF-8.
func TestCommitEncoding(t *testing.T) {
	r := newTestRepo(t)
	latin1, _ := charmap.ISO8859_1.NewEncoder().String("José Müller")
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String("张示一")
	gbkMsg, _ := simplifiedchinese.GBK.NewEncoder().String("修改联系页")
	store := func(name, enc, msg string, day int, content string, parents ...plumbing.Hash) plumbing.Hash {
		b := newTreeBuilder(r.st)
		b.set("content/a.md", blob(r.st, content))
		tree, err := b.write()
		if err != nil {
			t.Fatal(err)
		}
		when := t0.AddDate(0, 0, day)
		h, err := storeCommit(r.st, &object.Commit{
			Author:       object.Signature{Name: name, Email: "x@example.org", When: when},
			Committer:    object.Signature{Name: name, Email: "x@example.org", When: when.Add(time.Hour)},
			Message:      msg + "\n",
			Encoding:     object.MessageEncoding(enc),
			TreeHash:     tree,
			ParentHashes: parents,
		})
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	c1 := store(latin1, "ISO-8859-1", "init", 0, "a1")
	c2 := store(gbk, "GBK", gbkMsg, 1, "a2", c1)
	h, err := FromRepository(r.head(c2), "")
	if err != nil {
		t.Fatal(err)
	}
	f := mustFile(t, h, "content/a.md")
	if want := []string{"张示一", "José Müller"}; !reflect.DeepEqual(f.Authors, want) {
		t.Errorf("Authors = %q, want %q", f.Authors, want)
	}
	if h.Head.Subject != "修改联系页" || h.Head.Author != "张示一" {
		t.Errorf("Head = %+v", h.Head)
	}
}
