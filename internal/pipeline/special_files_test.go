package pipeline_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testsite"
)

// TestSpecialFilesEndTheBuild puts a FIFO or a link to /dev/zero where the
// build reads (content, layouts, data): each build ends, with an error
// naming the file, instead of blocking or filling the memory.
func TestSpecialFilesEndTheBuild(t *testing.T) {
	cases := []struct{ file, kind, want string }{
		{"content/posts/fifo.md", "fifo", "content/posts/fifo.md: not a regular file but a named pipe (FIFO)"},
		{"content/posts/zero.md", "zero", "content/posts/zero.md: not a regular file but a symbolic link to /dev/zero"},
		{"layouts/_partials/fifo.html", "fifo", "layouts/_partials/fifo.html: not a regular file but a named pipe (FIFO)"},
		{"data/fifo.yaml", "fifo", "data/fifo.yaml: not a regular file but a named pipe (FIFO)"},
	}
	for _, tc := range cases {
		t.Run(tc.file, func(t *testing.T) {
			src := testsite.Copy(t, fixture("minimal"))
			p := filepath.Join(src, filepath.FromSlash(tc.file))
			os.MkdirAll(filepath.Dir(p), 0o755)
			var err error
			if tc.kind == "fifo" {
				err = syscall.Mkfifo(p, 0o644)
			} else {
				err = os.Symlink("/dev/zero", p)
			}
			if err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := pipeline.Build(pipeline.Options{Source: src, Dest: filepath.Join(t.TempDir(), "public"), CacheDir: t.TempDir()})
				done <- err
			}()
			select {
			case err = <-done:
			case <-time.After(2 * time.Minute):
				t.Fatal("the build did not end")
			}
			var be *pipeline.Error
			if !errors.As(err, &be) {
				t.Fatalf("want a build error, got %v", err)
			}
			if !strings.Contains(be.Error(), tc.want) {
				t.Errorf("want %q in:\n%s", tc.want, be.Error())
			}
		})
	}
}
