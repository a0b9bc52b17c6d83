package publish

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/storer"
)

// outputMarker is the marker press build leaves at the top of its output
// (build.MarkerFile); it is not part of the site.
const outputMarker = ".press-output"

// writeTree stores the files under dir as blobs and trees in st and returns
// the root tree's hash and the number of files. Objects st already has are
// not written again. A top-level .git is skipped; empty directories are
// dropped; symlinks are stored as symlinks.
func writeTree(st storer.EncodedObjectStorer, dir string) (plumbing.Hash, int, error) {
	files := 0
	var walk func(path string, top bool) (plumbing.Hash, error)
	walk = func(path string, top bool) (plumbing.Hash, error) {
		entries, err := os.ReadDir(path)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		t := &object.Tree{}
		for _, e := range entries {
			name := e.Name()
			if top && (name == ".git" || name == outputMarker) {
				continue
			}
			full := filepath.Join(path, name)
			var (
				h    plumbing.Hash
				mode filemode.FileMode
			)
			switch typ := e.Type(); {
			case typ.IsDir():
				if h, err = walk(full, false); err != nil {
					return plumbing.ZeroHash, err
				}
				if h.IsZero() {
					continue
				}
				mode = filemode.Dir
			case typ&os.ModeSymlink != 0:
				target, err := os.Readlink(full)
				if err != nil {
					return plumbing.ZeroHash, err
				}
				if h, err = storeBlob(st, []byte(filepath.ToSlash(target))); err != nil {
					return plumbing.ZeroHash, fmt.Errorf("%s: %w", full, err)
				}
				mode = filemode.Symlink
				files++
			case typ.IsRegular():
				info, err := e.Info()
				if err != nil {
					return plumbing.ZeroHash, err
				}
				content, err := os.ReadFile(full)
				if err != nil {
					return plumbing.ZeroHash, err
				}
				if h, err = storeBlob(st, content); err != nil {
					return plumbing.ZeroHash, fmt.Errorf("%s: %w", full, err)
				}
				mode = filemode.Regular
				if info.Mode()&0o111 != 0 {
					mode = filemode.Executable
				}
				files++
			default:
				return plumbing.ZeroHash, fmt.Errorf("%s: not a regular file, directory or symlink", full)
			}
			t.Entries = append(t.Entries, object.TreeEntry{Name: name, Mode: mode, Hash: h})
		}
		if len(t.Entries) == 0 && !top {
			return plumbing.ZeroHash, nil
		}
		sort.Sort(object.TreeEntrySorter(t.Entries))
		obj := st.NewEncodedObject()
		if err := t.Encode(obj); err != nil {
			return plumbing.ZeroHash, err
		}
		return storeIfNew(st, obj)
	}
	h, err := walk(dir, true)
	if err != nil {
		return plumbing.ZeroHash, 0, fmt.Errorf("store built site: %w", err)
	}
	return h, files, nil
}

// storeBlob stores content as a blob unless st has it already.
func storeBlob(st storer.EncodedObjectStorer, content []byte) (plumbing.Hash, error) {
	h := plumbing.ComputeHash(plumbing.BlobObject, content)
	if st.HasEncodedObject(h) == nil {
		return h, nil
	}
	obj := st.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(content)))
	w, err := obj.Writer()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := io.Copy(w, bytes.NewReader(content)); err != nil {
		w.Close()
		return plumbing.ZeroHash, err
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, err
	}
	return st.SetEncodedObject(obj)
}

func storeIfNew(st storer.EncodedObjectStorer, obj plumbing.EncodedObject) (plumbing.Hash, error) {
	if st.HasEncodedObject(obj.Hash()) == nil {
		return obj.Hash(), nil
	}
	return st.SetEncodedObject(obj)
}
