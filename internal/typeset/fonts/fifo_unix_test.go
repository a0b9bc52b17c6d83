//go:build unix

package fonts

import (
	"errors"
	"testing"

	"github.com/zzia/press/internal/testenv"
)

// A FIFO named as a font (a mistake in the font settings) is refused at
// once: opening it would wait for a writer, and the build with it.
func TestLoadRefusesAFIFO(t *testing.T) {
	err := testenv.FIFOError(t, "font.otf", func(p string) error { _, err := Load(p); return err })
	if !errors.Is(err, errNotRegular) {
		t.Errorf("Load(FIFO) = %v, want an error saying it is not a regular file", err)
	}
}
