package pipeline

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/zzia/press/internal/content"
)

// The validation's stamps are kept from build to build: a file is taken
// as clean by its stamp only when the stamp is the same and the verdict
// on its bytes was kept too, under the same key, from a whole file.
func TestValidStampsKept(t *testing.T) {
	path := filepath.Join(t.TempDir(), "validate", "site", "clean")
	key, other := validKey(0), validKey(1)
	name, src := "content/news/会员𠀾.md", []byte("---\ntitle: 会员𠀾😀\n---\n正文。\n")
	st := content.Stamp{Size: int64(len(src)), ModTime: 1_765_000_000_123_456_789, ChangeTime: 1_765_000_001_000_000_001, Inode: 1 << 40, Device: 2049}

	v := loadValidVerdicts(path, key)
	v.Found(name, src)
	v.FoundStamp(name, st, src)
	v.save(path)

	again := loadValidVerdicts(path, key)
	if !again.CleanStamp(name, st) {
		t.Fatal("a kept stamp was not taken")
	}
	for what, s := range map[string]content.Stamp{
		"another size":        {Size: st.Size + 1, ModTime: st.ModTime, ChangeTime: st.ChangeTime, Inode: st.Inode, Device: st.Device},
		"another change time": {Size: st.Size, ModTime: st.ModTime, ChangeTime: st.ChangeTime + 1, Inode: st.Inode, Device: st.Device},
		"another inode":       {Size: st.Size, ModTime: st.ModTime, ChangeTime: st.ChangeTime, Inode: st.Inode + 1, Device: st.Device},
	} {
		if again.CleanStamp(name, s) {
			t.Errorf("%s: taken as clean", what)
		}
	}
	if again.CleanStamp("content/other.md", st) {
		t.Error("another file's stamp: taken as clean")
	}
	// What this build took is what it keeps.
	again.save(path)
	if !loadValidVerdicts(path, key).CleanStamp(name, st) {
		t.Error("a stamp taken again was not kept")
	}
	if loadValidVerdicts(path, other).CleanStamp(name, st) {
		t.Error("stamps kept under another key (program, language) were taken")
	}

	// The stamps file damaged, or the verdicts on the bytes lost: not taken.
	b, err := os.ReadFile(stampsPath(path))
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-40] ^= 1
	os.WriteFile(stampsPath(path), b, 0o600)
	if loadValidVerdicts(path, key).CleanStamp(name, st) {
		t.Error("a damaged stamps file was taken")
	}
	v = loadValidVerdicts(path, key)
	v.FoundStamp(name, st, src)
	v.save(path)
	if loadValidVerdicts(path, key).CleanStamp(name, st) {
		t.Error("a stamp was taken without the verdict on the file's bytes")
	}
}
