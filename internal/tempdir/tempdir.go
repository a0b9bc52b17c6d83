// Package tempdir keeps track of the scratch directories a press process
// makes: they are removed when the process is interrupted (SIGINT, SIGTERM,
// SIGHUP), and a later run sweeps those of a process that died without
// cleaning up (kill -9, power loss).
//
// Each temporary directory X has a lock file X.lock beside it, held (flock)
// by the process that made it for as long as it lives; the operating system
// releases the lock when the process dies, which is how a sweep tells an
// orphan from a directory another press process is still using.
package tempdir

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// stopping is set once an interruption began: writers check it (Stopping)
// so that they do not recreate what the cleanup removes.
var stopping atomic.Bool

// Stopping reports whether the process is being interrupted; code that
// writes into registered directories stops writing when it is.
func Stopping() bool { return stopping.Load() }

var (
	mu    sync.Mutex              // guards owned
	owned = map[string]*os.File{} // path -> its held lock file (nil: none)
	crit  sync.Mutex              // held by Critical sections
)

// Make creates a new directory in the system's temporary directory, named
// prefix followed by a random string, and registers it for removal on
// interruption. Remove it with Remove.
func Make(prefix string) (string, error) {
	// Under mu, so that an interruption sees the directory registered or
	// not made at all.
	mu.Lock()
	defer mu.Unlock()
	dir, err := os.MkdirTemp("", prefix)
	if err != nil {
		return "", err
	}
	lock, err := lockFile(dir + ".lock")
	if err != nil {
		os.RemoveAll(dir)
		return "", err
	}
	owned[dir] = lock
	return dir, nil
}

// Remove deletes a directory made by Make or registered with Register, and
// forgets it.
func Remove(dir string) {
	mu.Lock()
	defer mu.Unlock()
	lock, ok := owned[dir]
	os.RemoveAll(dir)
	if ok && lock != nil {
		os.Remove(lock.Name())
		lock.Close()
	}
	delete(owned, dir)
}

// Register makes path (a directory press is writing, such as a staging
// directory beside the output, or a lock file) removed on interruption too.
func Register(path string) {
	mu.Lock()
	if _, ok := owned[path]; !ok {
		owned[path] = nil
	}
	mu.Unlock()
}

// Forget stops removing path on interruption (it was renamed into place).
func Forget(path string) {
	mu.Lock()
	delete(owned, path)
	mu.Unlock()
}

// Critical runs f while interruption cleanup waits: renames that swap an
// output into place are never cut in half by the cleanup.
func Critical(f func() error) error {
	crit.Lock()
	defer crit.Unlock()
	return f()
}

// removeAll deletes every registered path and returns how many of them
// existed; mu must be held. The paths stay registered.
func removeAll() int {
	n := 0
	for path, lock := range owned {
		if _, err := os.Lstat(path); err == nil {
			n++
			os.RemoveAll(path)
		}
		if lock != nil {
			os.Remove(lock.Name())
		}
	}
	return n
}

// OnInterrupt installs the handler for SIGINT, SIGTERM and SIGHUP: it
// removes every registered directory, calls report with the signal, and
// exits with 128 + the signal's number, as a shell reports it. stop (safe
// to call more than once) uninstalls it.
func OnInterrupt(report func(os.Signal)) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			stopping.Store(true)
			crit.Lock() // waits for a Critical section; never unlocked
			mu.Lock()
			// Writers still at work may recreate a directory as it goes:
			// remove until nothing comes back.
			for range 5 {
				if removeAll() == 0 {
					break
				}
				time.Sleep(20 * time.Millisecond)
			}
			if report != nil {
				report(sig)
			}
			code := 1
			if s, ok := sig.(syscall.Signal); ok {
				code = 128 + int(s)
			}
			os.Exit(code)
		case <-done:
		}
	}()
	var once sync.Once
	return func() {
		once.Do(func() {
			signal.Stop(ch)
			close(done)
		})
	}
}

// orphanAge is how old a directory without a lock file must be before a
// sweep removes it (it may be one another process has just made).
const orphanAge = 10 * time.Minute

// Sweep removes the directories with the given prefixes in the system's
// temporary directory that no living process holds: those whose lock file
// can be taken, and old ones without a lock file (left by an older press).
func Sweep(prefixes ...string) {
	sweepIn(os.TempDir(), prefixes...)
}

func sweepIn(parent string, prefixes ...string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		name := e.Name()
		match := false
		for _, p := range prefixes {
			match = match || strings.HasPrefix(name, p)
		}
		if !match || !e.IsDir() {
			continue
		}
		dir := filepath.Join(parent, name)
		mu.Lock()
		_, mine := owned[dir]
		mu.Unlock()
		if mine {
			continue
		}
		SweepOne(dir)
	}
}

// SweepOne removes dir if no living process holds its lock file (dir.lock),
// or, without a lock file, if it is older than a few minutes. It reports
// whether dir was removed.
func SweepOne(dir string) bool {
	lockName := dir + ".lock"
	f, err := os.OpenFile(lockName, os.O_RDWR, 0)
	if errors.Is(err, fs.ErrNotExist) {
		fi, err := os.Lstat(dir)
		if err != nil || time.Since(fi.ModTime()) < orphanAge {
			return false
		}
		return os.RemoveAll(dir) == nil
	}
	if err != nil {
		return false
	}
	defer f.Close()
	if !tryLock(f) {
		if canLock {
			return false
		}
		if fi, err := os.Lstat(dir); err != nil || time.Since(fi.ModTime()) < orphanAge {
			return false
		}
	}
	os.RemoveAll(dir)
	os.Remove(lockName)
	return true
}

// lockFile creates name and takes its lock.
func lockFile(name string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return nil, err
	}
	if !tryLock(f) && canLock {
		f.Close()
		return nil, fmt.Errorf("%s: locked by another process", name)
	}
	fmt.Fprintf(f, "%d\n", os.Getpid())
	return f, nil
}
