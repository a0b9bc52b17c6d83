package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// stage is a staging directory beside the destination, on the same file
// system, so the finished output can be swapped in with renames.
type stage struct {
	dest string
	dir  string
	done bool
}

const stagePrefix = ".press-stage-"

// newStage makes an empty staging directory next to dest, removing stale
// ones that an interrupted build left behind.
func newStage(dest string) (*stage, error) {
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	base := filepath.Base(dest)
	if old, _ := filepath.Glob(filepath.Join(parent, stagePrefix+base+"-*")); len(old) > 0 {
		for _, o := range old {
			os.RemoveAll(o)
		}
	}
	dir, err := os.MkdirTemp(parent, stagePrefix+base+"-")
	if err != nil {
		return nil, err
	}
	return &stage{dest: dest, dir: dir}, nil
}

// commit replaces dest with the staged output. The old output is moved
// aside first and restored if the swap fails.
func (s *stage) commit() error {
	old := ""
	if _, err := os.Lstat(s.dest); err == nil {
		old = s.dir + ".old"
		if err := os.Rename(s.dest, old); err != nil {
			return fmt.Errorf("moving the previous output aside: %w", err)
		}
	}
	if err := os.Rename(s.dir, s.dest); err != nil {
		if old != "" {
			os.Rename(old, s.dest)
		}
		return fmt.Errorf("putting the new output in place: %w", err)
	}
	// The staging directory was created 0700 by MkdirTemp; give the output
	// the usual permissions of a published directory.
	os.Chmod(s.dest, 0o755)
	s.done = true
	if old != "" {
		removeAll(old)
	}
	return nil
}

// removeAll deletes a directory tree, its top-level entries side by side:
// removing a large previous output is mostly waiting on the file system.
func removeAll(dir string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		os.RemoveAll(dir)
		return
	}
	sem := make(chan struct{}, 8)
	var wg sync.WaitGroup
	for _, e := range entries {
		sem <- struct{}{}
		wg.Go(func() {
			os.RemoveAll(filepath.Join(dir, e.Name()))
			<-sem
		})
	}
	wg.Wait()
	os.RemoveAll(dir)
}

// discard removes the staging directory unless it was committed.
func (s *stage) discard() {
	if !s.done && strings.Contains(filepath.Base(s.dir), stagePrefix) {
		os.RemoveAll(s.dir)
	}
}
