package serve

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/fsnotify/fsnotify"
)

// watcher reports changed source files under a site directory, following
// directories as they are created.
type watcher struct {
	w       *fsnotify.Watcher
	changes chan fsnotify.Event
	errors  chan error
	done    chan struct{}
}

func newWatcher(root string) (*watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &watcher{w: fw, changes: make(chan fsnotify.Event, 1024), errors: make(chan error, 4), done: make(chan struct{})}
	if err := w.addTree(root, true); err != nil {
		fw.Close()
		return nil, err
	}
	go w.loop()
	return w, nil
}

// addTree watches dir and its subdirectories, skipping output and VCS folders.
func (w *watcher) addTree(dir string, top bool) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if !d.IsDir() {
			return nil
		}
		if p != dir || !top {
			if ignoredDir(d.Name()) {
				return filepath.SkipDir
			}
		}
		return w.w.Add(p)
	})
}

func (w *watcher) loop() {
	defer close(w.changes)
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Chmod) && !ev.Has(fsnotify.Write) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() && !ignoredDir(filepath.Base(ev.Name)) {
					w.addTree(ev.Name, false)
					// Files written before the folder was watched have no
					// events of their own (hugo server walks it too).
					if !w.createdFiles(ev.Name) {
						return
					}
				}
			}
			base := filepath.Base(ev.Name)
			if len(base) > 0 && (base[0] == '.' || base[len(base)-1] == '~') {
				continue // editor swap and backup files
			}
			// Every event is kept (Hugo rebuilds from them): the loop
			// waits rather than drop one.
			select {
			case w.changes <- ev:
			case <-w.done:
				return
			}
		case err, ok := <-w.w.Errors:
			if !ok {
				return
			}
			select {
			case w.errors <- err:
			default:
			}
		}
	}
}

// createdFiles reports the files already in a new folder as created; false
// when the watcher is closing.
func (w *watcher) createdFiles(dir string) bool {
	var files []string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() && p != dir && ignoredDir(d.Name()) {
			return filepath.SkipDir
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	for _, f := range files {
		select {
		case w.changes <- fsnotify.Event{Name: f, Op: fsnotify.Create}:
		case <-w.done:
			return false
		}
	}
	return true
}

func (w *watcher) close() {
	close(w.done)
	w.w.Close()
}
