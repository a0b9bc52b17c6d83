package content

import (
	"bytes"
	"github.com/zzia/press/internal/msg"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// FuzzFrontMatter feeds content files to the front-matter reader and checker:
// seeds are every Markdown file of the bundled site and the fixtures, plus
// the edge cases of the three front-matter kinds. Neither may panic; the
// body keeps the file's line numbers; every diagnostic names a line of the
// file.
func FuzzFrontMatter(f *testing.F) {
	for _, root := range []string{filepath.Join("..", "..", "content"), filepath.Join("..", "..", "testdata", "sites")} {
		filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && ContentFile(p) {
				if b, err := os.ReadFile(p); err == nil {
					f.Add(b)
				}
			}
			return nil
		})
	}
	for _, s := range []string{
		"", "---", "---\n", "---\n---\n", "+++\ntitle = 'x'\n+++\nbody", "{\"title\": \"x\"}\nbody",
		"\xef\xbb\xbf---\ntitle: x\n---\nbody", "---\r\ntitle: x\r\n---\r\nbody", "---\ndate: 2026-13-45\n---\n",
		"---\ntitle: [unclosed\n---\n", "{", "{\"a\":", "+++\n+++", "---\n- a\n- b\n---\n", "---\n: \n---\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, d := range CheckFile(msg.En, "content/x.md", src) {
			if d.Line < 0 || d.Line > lines {
				t.Errorf("diagnostic at line %d of a %d-line file: %s", d.Line, lines, d)
			}
		}
		values, body, err := FrontMatter(src)
		if err != nil || values == nil {
			return
		}
		want := bytes.Count(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), []byte("\n"))
		if got := bytes.Count(body, []byte("\n")); got != want {
			t.Errorf("body has %d line breaks, the file %d: line numbers moved (%q)", got, want, src)
		}
	})
}
