package project

import (
	"os"
	"sync"

	"github.com/zzia/press/internal/tempdir"
)

var (
	interruptMu   sync.Mutex
	stopInterrupt = func() {}
)

// HandleInterrupt makes an interruption of the run (SIGINT, SIGTERM,
// SIGHUP) remove the temporary and staging folders it made, call report
// with the signal, and exit with 128 + the signal's number. stop (safe to
// call more than once) ends it; Publish ends it itself before it pushes,
// from when an interruption cancels the push instead.
func HandleInterrupt(report func(os.Signal)) (stop func()) {
	s := tempdir.OnInterrupt(report)
	interruptMu.Lock()
	stopInterrupt = s
	interruptMu.Unlock()
	return s
}

// endInterruptHandling ends the handler HandleInterrupt installed, if any.
func endInterruptHandling() {
	interruptMu.Lock()
	s := stopInterrupt
	stopInterrupt = func() {}
	interruptMu.Unlock()
	s()
}
