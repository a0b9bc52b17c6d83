package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/zzia/press/internal/atomicfile"
)

// DirResult reports what ToDir changed.
type DirResult struct {
	Copied    int // files written because they were new or different
	Unchanged int // files already identical in the destination
	Removed   int // files and directories removed as no longer built
}

// ToDir makes dest a mirror of the built directory: new and changed files
// are copied (each written to a temporary file beside it and renamed into
// place, so a reader never sees half a file), identical files are left
// alone, and files and directories that are no longer built are removed.
// A top-level .git in dest is kept (dest may be a checkout). dest is created
// when missing; it may not contain built, nor lie inside it.
//
// Mirroring deletes what dest holds, so dest must be missing, empty (but
// for a .git), or marked as press's by an earlier ToDir (the marker file
// press build also leaves in its output); otherwise ToDir returns a
// *NotOursError and changes nothing, unless force is set. On success dest
// carries the marker.
func ToDir(built, dest string, force bool) (*DirResult, error) {
	src, err := filepath.Abs(built)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	if fi, err := os.Stat(src); err != nil {
		return nil, fmt.Errorf("publish: built site: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("publish: built site %s is not a directory", built)
	}
	if within(src, dst) || within(dst, src) {
		return nil, fmt.Errorf("publish: %s and %s overlap; publish to a directory outside the built site", built, dest)
	}
	if !force {
		if err := checkOurs(dst); err != nil {
			return nil, err
		}
	}
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	res := &DirResult{}
	wanted := map[string]bool{}
	err = walkMirrored(src, func(path, rel string, d fs.DirEntry) error {
		wanted[rel] = true
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			if fi, err := os.Lstat(target); err == nil && !fi.IsDir() {
				if err := os.Remove(target); err != nil {
					return err
				}
				res.Removed++
			}
			return os.MkdirAll(target, 0o755)
		case d.Type().IsRegular():
			if fi, err := os.Lstat(target); err == nil && fi.IsDir() {
				if err := os.RemoveAll(target); err != nil {
					return err
				}
				res.Removed++
			}
			same, err := sameFile(path, target)
			if err != nil {
				return err
			}
			if same {
				res.Unchanged++
				return nil
			}
			if err := copyFile(path, target); err != nil {
				return err
			}
			res.Copied++
			return nil
		default:
			return fmt.Errorf("%s: not a regular file or directory", path)
		}
	})
	if err != nil {
		return nil, fmt.Errorf("publish: copy to %s: %w", dest, err)
	}

	// Remove what is no longer built, deepest first.
	var stale []string
	err = walkMirrored(dst, func(path, rel string, d fs.DirEntry) error {
		if !wanted[rel] {
			stale = append(stale, path)
			if d.IsDir() {
				return filepath.SkipDir
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("publish: scan %s: %w", dest, err)
	}
	sort.Sort(sort.Reverse(sort.StringSlice(stale)))
	for _, path := range stale {
		if err := os.RemoveAll(path); err != nil {
			return nil, fmt.Errorf("publish: remove stale %s: %w", path, err)
		}
		res.Removed++
	}
	if err := os.WriteFile(filepath.Join(dst, outputMarker), []byte(dirMarkerText), 0o644); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	return res, nil
}

// walkMirrored calls fn for every file and folder under root that a
// mirror holds, with its path relative to root: all but root itself, the
// output marker and a .git folder, which is not entered.
func walkMirrored(root string, fn func(path, rel string, d fs.DirEntry) error) error {
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		if rel == "." || rel == outputMarker {
			return nil
		}
		if rel == ".git" {
			return filepath.SkipDir
		}
		return fn(path, rel, d)
	})
}

// dirMarkerText is the marker's content in a directory ToDir mirrored to.
const dirMarkerText = "press output: mirrored by press publish --dir; its files are replaced on each publish\n"

// NotOursError is ToDir's refusal of a destination that holds files press
// did not put there.
type NotOursError struct {
	Dir   string // the destination
	Files int    // how many entries it holds at the top (besides .git)
}

func (e *NotOursError) Error() string {
	return fmt.Sprintf("publish: %s holds %d entries and was not made by press (no %s file): mirroring would delete them; choose a new or empty directory, or use --force", e.Dir, e.Files, outputMarker)
}

// checkOurs returns a *NotOursError unless dir is missing, empty but for a
// .git, or holds the output marker as a regular file.
func checkOurs(dir string) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	n := 0
	for _, e := range entries {
		switch e.Name() {
		case outputMarker:
			if e.Type().IsRegular() {
				return nil
			}
		case ".git":
			continue
		}
		n++
	}
	if n == 0 {
		return nil
	}
	return &NotOursError{Dir: dir, Files: n}
}

// within reports whether path is dir or inside it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// sameFile reports whether target exists as a regular file with a's content.
func sameFile(a, target string) (bool, error) {
	fb, err := os.Lstat(target)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	fa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	if !fb.Mode().IsRegular() || fa.Size() != fb.Size() || fa.Mode().Perm() != fb.Mode().Perm() {
		return false, nil
	}
	ca, err := os.ReadFile(a)
	if err != nil {
		return false, err
	}
	cb, err := os.ReadFile(target)
	if err != nil {
		return false, err
	}
	return bytes.Equal(ca, cb), nil
}

// copyFile writes src's content over dst, whole or not at all, with src's
// permissions.
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	fi, err := in.Stat()
	if err != nil {
		return err
	}
	return atomicfile.Copy(dst, in, fi.Mode().Perm())
}
