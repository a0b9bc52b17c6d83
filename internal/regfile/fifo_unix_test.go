//go:build unix

package regfile

import (
	"errors"
	"testing"

	"github.com/zzia/press/internal/testenv"
)

// A FIFO is refused at once: opening it would wait for a writer.
func TestOpenRefusesAFIFO(t *testing.T) {
	err := testenv.FIFOError(t, "fifo", func(p string) error {
		f, _, err := Open(p)
		if err == nil {
			f.Close()
		}
		return err
	})
	if !errors.Is(err, ErrNotRegular) {
		t.Errorf("Open(FIFO) = %v, want %v", err, ErrNotRegular)
	}
}
