package member

import (
	"crypto/sha256"
	"testing"
	"time"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/testsite"
)

// The cache keeps the members and people it decoded: the next load takes
// them from it (copies) instead of decoding their files again.
func TestParseCacheKeepsRecords(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"data/people/zhang.yaml": "id: zhang\nname: 张示甲\n",
		"data/members/m1.yaml": "id: m1\nname: 郑州示例甲科技有限公司\nlevel: 普通会员单位\nunit_type: 企业\nregion: 金水区\nindustry: 互联网\n" +
			"joined: 2025-01-01\nlisted: true\nrepresentatives:\n  - person: zhang\n    role: 主代表\n",
	}
	testsite.WriteFiles(t, dir, files)
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	c := NewParseCache()
	first, l := LoadCached(msg.En, dir, today, c)
	if l.HasErrors() {
		t.Fatal(l)
	}
	for name, src := range files {
		if _, _, ok := c.record(msg.En, name, sha256.Sum256([]byte(src))); !ok {
			t.Errorf("%s: the record decoded is not kept", name)
		}
	}
	// A record kept, the file's syntax tree is let go of: it held the
	// preview's memory (ten times the file's size) for nothing.
	for k, e := range c.entries {
		if e.recorded && e.body != nil {
			t.Errorf("%s: the syntax tree is kept beside the record", k.file)
		}
	}
	second, _ := LoadCached(msg.En, dir, today, c)
	if second.Members[0] == first.Members[0] || second.Members[0].Representatives[0] == first.Members[0].Representatives[0] {
		t.Error("two loads share a member record")
	}
	if r := second.Members[0].Representatives[0]; r.Member != second.Members[0] || r.Person == nil || r.Person.Name != "张示甲" {
		t.Errorf("the representative of the second load is linked to %p (member %p), person %v", r.Member, second.Members[0], r.Person)
	}
}
