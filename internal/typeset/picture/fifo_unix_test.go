//go:build unix

package picture

import (
	"errors"
	"testing"

	"github.com/zzia/press/internal/testenv"
)

// A FIFO named as a figure is refused at once: opening it would wait for
// a writer, and the build with it.
func TestLoadRefusesAFIFO(t *testing.T) {
	err := testenv.FIFOError(t, "photo.png", func(p string) error { _, err := Load(p); return err })
	if !errors.Is(err, ErrNotRegular) {
		t.Errorf("Load(FIFO) = %v, want an error saying it is not a regular file", err)
	}
}
