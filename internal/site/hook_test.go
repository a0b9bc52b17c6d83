package site

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/afero"
)

// TestHookPooledPages writes pages from many goroutines at once, as Hugo's
// renderers do, through the hook over the plain file system and over the
// reusing one (a rebuild's): the buffers go back to a pool once the
// receiver is done with a page, so a buffer given back too early would hand
// one page another's bytes, or bytes written after it was handed over.
func TestHookPooledPages(t *testing.T) {
	for _, reuse := range []bool{false, true} {
		t.Run(fmt.Sprintf("reuse=%v", reuse), func(t *testing.T) {
			root := t.TempDir()
			var dest afero.Fs = afero.NewBasePathFs(afero.NewOsFs(), root)
			if reuse {
				// The previous output holds every other page already.
				for i := 0; i < 200; i += 2 {
					writePage(t, filepath.Join(root, pageName(i)), pageBytes(i))
				}
				dest = newReuseFs(dest)
			}
			var mu sync.Mutex
			got := map[string]string{}
			h := hookFs{Fs: dest, root: "/", fn: func(name string, data []byte, done func()) {
				s := string(data) // the bytes are the writer's again once done is called
				done()
				mu.Lock()
				got[name] = s
				mu.Unlock()
			}}
			var wg sync.WaitGroup
			for w := range 8 {
				wg.Go(func() {
					for i := w; i < 200; i += 8 {
						// As Hugo does: the folder first.
						if err := h.MkdirAll(filepath.Dir("/"+pageName(i)), 0o755); err != nil {
							t.Error(err)
							return
						}
						f, err := h.Create("/" + pageName(i))
						if err != nil {
							t.Error(err)
							return
						}
						// In two writes, as a writer may.
						b := pageBytes(i)
						f.Write(b[:len(b)/2])
						f.Write(b[len(b)/2:])
						if err := f.Close(); err != nil {
							t.Error(err)
						}
						if _, err := f.Write([]byte("after")); err == nil && reuse {
							t.Errorf("%s: a write after Close was taken", pageName(i))
						}
					}
				})
			}
			wg.Wait()
			for i := range 200 {
				name := pageName(i)
				if got[name] != string(pageBytes(i)) {
					t.Errorf("%s handed over as %.40q…, want %.40q…", name, got[name], pageBytes(i))
				}
				b, err := os.ReadFile(filepath.Join(root, name))
				if err != nil || !bytes.Equal(b, pageBytes(i)) {
					t.Errorf("%s on disk: %.40q… (%v), want %.40q…", name, b, err, pageBytes(i))
				}
			}
		})
	}
}

func pageName(i int) string { return fmt.Sprintf("p%03d/index.html", i) }

// pageBytes is page i: sizes from a few bytes to 300 KB, so that buffers of
// every size go round the pool.
func pageBytes(i int) []byte {
	return []byte(fmt.Sprintf("<p>第%d页</p>", i) + strings.Repeat(fmt.Sprintf("%c", 'a'+i%26), (i*7919)%300_000))
}

func writePage(t *testing.T, name string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
