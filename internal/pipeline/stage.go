package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/tempdir"
)

// The output directory of a build is only ever replaced as a whole: the
// site is rendered into a staging directory beside it, on the same file
// system, and swapped into place when everything succeeded. Around that:
//
//   - a lock beside the output keeps two builds from writing it at once;
//   - the output carries a marker file, and press writes only into a new or
//     empty directory, one with its marker, or one it is told to (--force);
//   - an output that is a symbolic link is followed: the new output is made
//     beside the link's target and the link is switched to it atomically;
//   - whatever an interrupted build left (staging directories, the previous
//     output moved aside) is recovered or removed by the next build;
//   - the previous output, once replaced, is kept beside the new one as the
//     spare tree (.press-stage-<name>.spare/tree): the next build starts its
//     stage from it (reuse.go). Deleting it is always safe; the next build
//     then links every file afresh.

// MarkerFile is the file press puts at the top of every output directory
// it makes: a directory holding it may be replaced by the next build.
const MarkerFile = ".press-output"

// markerText is MarkerFile's content.
const markerText = "This directory is the output of press build: the next build replaces all of it.\n" +
	"本目录是 press build 的输出，下次构建会整体替换。\n"

const stagePrefix = ".press-stage-"

// spareSuffix ends the name of the folder that holds an output's spare
// tree (sparePath).
const spareSuffix = ".spare"

// spareIgnore is the spare folder's .gitignore: the spare tree sits beside
// the output, often in a site's own repository, and is never a source.
const spareIgnore = "# The previous output of press build, kept to speed up the next build; safe to delete.\n*\n"

// output is a build's destination, locked for the duration of the build.
type output struct {
	dest   string   // the output path as given, absolute
	link   string   // dest when it is a symbolic link; empty otherwise
	target string   // the directory the output is (dest, or the link's target)
	lock   *os.File // held while the build runs
	lang   msg.Lang // the language of its errors
	stage  string   // the staging directory, once made
	done   bool     // the stage was swapped into place
	// Recovered says that the previous output was restored from an
	// interrupted build's swap.
	recovered bool
}

// openOutput locks dest and checks that press may replace it: it does not
// exist, is empty, holds MarkerFile, is the site's default public/, or force
// is set. It first recovers from an interrupted swap.
func openOutput(opts Options, force bool) (*output, error) {
	o := &output{dest: opts.Dest, target: opts.Dest, lang: opts.Lang}
	fi, err := os.Lstat(opts.Dest)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return nil, err
	case fi.Mode()&fs.ModeSymlink != 0:
		o.link = opts.Dest
		if o.target, err = linkTarget(opts.Dest); err != nil {
			return nil, err
		}
	case !fi.IsDir():
		return nil, destError(o.lang.T("build.destfile", opts.Dest), o.lang.T("build.destfile.hint"))
	}
	if err := os.MkdirAll(filepath.Dir(o.target), 0o755); err != nil {
		return nil, err
	}
	if err := o.takeLock(); err != nil {
		return nil, err
	}
	if err := o.recover(); err != nil {
		o.close()
		return nil, err
	}
	if err := o.mayReplace(opts, force); err != nil {
		o.close()
		return nil, err
	}
	return o, nil
}

// linkTarget resolves the symbolic link dest to an absolute path; a
// dangling link resolves to where it points.
func linkTarget(dest string) (string, error) {
	t, err := filepath.EvalSymlinks(dest)
	if err == nil {
		return filepath.Abs(t)
	}
	raw, rerr := os.Readlink(dest)
	if rerr != nil {
		return "", rerr
	}
	if !filepath.IsAbs(raw) {
		raw = filepath.Join(filepath.Dir(dest), raw)
	}
	return filepath.Clean(raw), nil
}

func destError(message, hint string) error {
	return &Error{Diagnostics: diag.List{{Message: message, Hint: hint}}}
}

// lockPath is the lock file of the output: beside the link when the output
// is a link (its target changes on every build), else beside the output.
func (o *output) lockPath() string {
	p := o.target
	if o.link != "" {
		p = o.link
	}
	return filepath.Join(filepath.Dir(p), stagePrefix+filepath.Base(p)+".lock")
}

// takeLock takes the output's lock, or says who holds it. The lock file is
// removed when the build ends; a lock taken on a file that was removed in
// the meantime is taken again on the new one.
func (o *output) takeLock() error {
	name := o.lockPath()
	for {
		f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if !tempdir.TryLock(f) {
			holder, _ := os.ReadFile(name)
			f.Close()
			who := strings.TrimSpace(string(holder))
			if who == "" {
				who = "?"
			}
			return destError(o.lang.T("build.locked", o.dest, who), o.lang.T("build.locked.hint"))
		}
		held, err1 := f.Stat()
		now, err2 := os.Stat(name)
		if err1 != nil || err2 != nil || !os.SameFile(held, now) {
			f.Close()
			continue
		}
		host, _ := os.Hostname()
		f.Truncate(0)
		f.WriteAt([]byte(o.lang.T("build.lockholder", os.Getpid(), host, time.Now().Format("2006-01-02 15:04:05"))+"\n"), 0)
		o.lock = f
		tempdir.Register(name)
		return nil
	}
}

// close keeps a stage that was not swapped in as the spare tree (its files
// are mostly the output's), and releases the lock.
func (o *output) close() {
	if o.stage != "" && !o.done {
		tempdir.Forget(o.stage)
		o.keepSpare(o.stage)
	}
	if o.lock != nil {
		os.Remove(o.lock.Name())
		tempdir.Forget(o.lock.Name())
		o.lock.Close()
		o.lock = nil
	}
}

// stageGlob lists the staging directories of the output named base in
// dir, and the previous outputs moved aside from them (".old"): those of
// an output whose name only begins with base are not its.
func stageGlob(dir, base string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, stagePrefix+base+"-*"))
	own := regexp.MustCompile(`^` + regexp.QuoteMeta(stagePrefix+base) + `-\d+(\.old)?$`)
	return slices.DeleteFunc(m, func(p string) bool { return !own.MatchString(filepath.Base(p)) })
}

// sparePath is the folder that holds the output's spare tree (in "tree",
// beside a .gitignore) between builds.
func (o *output) sparePath() string {
	return filepath.Join(filepath.Dir(o.target), stagePrefix+versionRoot(filepath.Base(o.target))+spareSuffix)
}

// keepSpare makes dir, a previous output or a stage that was not used, the
// spare tree, unless there is one; failing that, it removes dir.
func (o *output) keepSpare(dir string) {
	sp := o.sparePath()
	tree := filepath.Join(sp, "tree")
	if _, err := os.Lstat(tree); err == nil {
		removeAll(dir)
		return
	}
	os.Mkdir(sp, 0o755)
	os.WriteFile(filepath.Join(sp, ".gitignore"), []byte(spareIgnore), 0o644)
	if err := os.Rename(dir, tree); err != nil {
		removeAll(dir)
	}
}

// takeSpare moves the spare tree, if any, to the new stage dir (an empty
// folder, which the rename replaces); false when there was none or it could
// not be moved (then it is removed).
func (o *output) takeSpare(dir string) bool {
	tree := filepath.Join(o.sparePath(), "tree")
	fi, err := os.Lstat(tree)
	if err != nil {
		return false
	}
	// os.Rename does not replace a folder: the empty one goes first (under
	// the lock, its random name taken by no one else meanwhile).
	if fi.IsDir() && os.Remove(dir) == nil {
		if err := os.Rename(tree, dir); err == nil {
			return true
		}
		os.Mkdir(dir, 0o700)
	}
	removeAll(tree)
	return false
}

// recover puts back the previous output when an interrupted build moved
// it aside and never put the new one in place, and removes what other
// interrupted builds left. It runs under the lock.
func (o *output) recover() error {
	dir, base := filepath.Dir(o.target), filepath.Base(o.target)
	_, err := os.Lstat(o.target)
	missing := errors.Is(err, fs.ErrNotExist)
	for _, s := range stageGlob(dir, versionRoot(base)) {
		if strings.HasSuffix(s, ".lock") {
			continue
		}
		// The previous output, moved aside by a build that never put the
		// new one in place.
		if strings.HasSuffix(s, ".old") && missing {
			if err := os.Rename(s, o.target); err != nil {
				return fmt.Errorf("restoring the previous output from %s: %w", s, err)
			}
			missing = false
			o.recovered = true
			continue
		}
		removeAll(s)
	}
	if o.link != "" {
		// Versions of a linked output that a crash left before the link
		// was switched to them.
		others, _ := filepath.Glob(filepath.Join(dir, versionRoot(base)+".press-*"))
		for _, v := range others {
			if v != o.target && versionName.MatchString(filepath.Base(v)) && hasMarker(v) {
				removeAll(v)
			}
		}
	}
	return nil
}

// mayReplace refuses a directory press did not make, unless force.
func (o *output) mayReplace(opts Options, force bool) error {
	fi, err := os.Stat(o.target)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return destError(o.lang.T("build.destfile", o.target), o.lang.T("build.destfile.hint"))
	}
	if force || hasMarkerOrEmpty(o.target) {
		return nil
	}
	// The site's own public/ is press's output by convention (and was made
	// by versions of press that did not mark it).
	if o.link == "" && o.target == filepath.Join(opts.Source, "public") {
		return nil
	}
	return destError(o.lang.T("build.notours", o.target, MarkerFile), o.lang.T("build.notours.hint"))
}

func hasMarker(dir string) bool {
	fi, err := os.Lstat(filepath.Join(dir, MarkerFile))
	return err == nil && fi.Mode().IsRegular()
}

func hasMarkerOrEmpty(dir string) bool {
	if hasMarker(dir) {
		return true
	}
	f, err := os.Open(dir)
	if err != nil {
		return false
	}
	defer f.Close()
	names, err := f.Readdirnames(1)
	return len(names) == 0 && err != nil
}

// newStage makes the staging directory beside the output's target: the
// spare tree when there is one (seed brings it into line), else an empty
// folder.
func (o *output) newStage() (string, error) {
	dir, err := os.MkdirTemp(filepath.Dir(o.target), stagePrefix+versionRoot(filepath.Base(o.target))+"-")
	if err != nil {
		return "", err
	}
	tempdir.Register(dir)
	o.stage = dir
	o.takeSpare(dir)
	return dir, nil
}

// mark writes the marker file into the stage, as a new file.
func (o *output) mark() error {
	p := filepath.Join(o.stage, MarkerFile)
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.WriteFile(p, []byte(markerText), 0o644)
}

// versionName is the name of a linked output's version directory.
var versionName = regexp.MustCompile(`\.press-\d{8}T\d{6}\.\d{9}$`)

// versionRoot is base without a version suffix.
func versionRoot(base string) string {
	return versionName.ReplaceAllString(base, "")
}

// commit puts the stage in place of the output.
func (o *output) commit() error {
	// The staging directory was created 0700 by MkdirTemp; give the output
	// the usual permissions of a published directory.
	if err := os.Chmod(o.stage, 0o755); err != nil {
		return err
	}
	if o.link != "" {
		return o.commitLink()
	}
	var old string
	err := tempdir.Critical(func() error {
		var err error
		old, err = swap(o.stage, o.target)
		if err == nil {
			o.done = true
			tempdir.Forget(o.stage)
			if old != "" {
				tempdir.Register(old)
			}
		}
		return err
	})
	if err != nil {
		return err
	}
	if old != "" {
		tempdir.Forget(old)
		o.keepSpare(old)
	}
	return nil
}

// swap moves stage to target and returns where the previous target went
// (to be removed), or "" when there was none. On Linux the two directories
// are exchanged in one step; elsewhere, or on file systems that cannot,
// the old one is first renamed aside (an interruption between the two
// renames is recovered by the next build).
func swap(stage, target string) (string, error) {
	if _, err := os.Lstat(target); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(stage, target); err != nil {
			return "", fmt.Errorf("putting the new output in place: %w", err)
		}
		return "", nil
	}
	err := exchange(stage, target)
	if err == nil {
		return stage, nil
	}
	old := stage + ".old"
	if err := os.Rename(target, old); err != nil {
		return "", fmt.Errorf("moving the previous output aside: %w", err)
	}
	if err := os.Rename(stage, target); err != nil {
		os.Rename(old, target)
		return "", fmt.Errorf("putting the new output in place: %w", err)
	}
	return old, nil
}

// commitLink renames the stage to a new version directory beside the
// link's target, points the link at it (a new link renamed over the old
// one), and removes the previous target.
func (o *output) commitLink() error {
	dir := filepath.Dir(o.target)
	version := filepath.Join(dir, versionRoot(filepath.Base(o.target))+".press-"+time.Now().UTC().Format("20060102T150405.000000000"))
	raw, err := os.Readlink(o.link)
	if err != nil {
		return err
	}
	next := version
	if !filepath.IsAbs(raw) && filepath.Clean(filepath.Join(filepath.Dir(o.link), raw)) == o.target {
		// Keep a relative link relative.
		next = filepath.Join(filepath.Dir(raw), filepath.Base(version))
	}
	tmpLink := filepath.Join(filepath.Dir(o.link), stagePrefix+filepath.Base(o.link)+"-link")
	os.Remove(tmpLink)
	err = tempdir.Critical(func() error {
		if err := os.Rename(o.stage, version); err != nil {
			return fmt.Errorf("putting the new output in place: %w", err)
		}
		tempdir.Forget(o.stage)
		if err := os.Symlink(next, tmpLink); err != nil {
			return fmt.Errorf("making the new link: %w", err)
		}
		if err := os.Rename(tmpLink, o.link); err != nil {
			os.Remove(tmpLink)
			return fmt.Errorf("switching the link %s: %w", o.link, err)
		}
		o.done = true
		return nil
	})
	if err != nil {
		if !o.done {
			// The link still points at the previous output.
			removeAll(version)
		}
		return err
	}
	if _, err := os.Lstat(o.target); err == nil {
		o.keepSpare(o.target)
	}
	return nil
}

// removeAll deletes a directory tree, its top-level entries side by side:
// removing a large previous output is mostly waiting on the file system.
// A symbolic link is removed, never followed.
func removeAll(dir string) {
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
		os.Remove(dir)
		return
	}
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
