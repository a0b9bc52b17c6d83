package history

import (
	"bytes"
	"math/rand/v2"
	"testing"

	"github.com/go-git/go-git/v5/plumbing/format/packfile"
)

// TestPatchDelta applies deltas made by go-git's delta encoder.
func TestPatchDelta(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	random := func(n int) []byte {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte('a' + rng.IntN(26))
		}
		return b
	}
	base := random(100_000)
	edits := map[string][]byte{
		"same":     bytes.Clone(base),
		"appended": append(bytes.Clone(base), random(300)...),
		"cut":      bytes.Clone(base[5000:90000]),
		"spliced":  append(append(bytes.Clone(base[:40000]), random(2000)...), base[60000:]...),
		"new":      random(500),
	}
	for name, target := range edits {
		t.Run(name, func(t *testing.T) {
			delta := packfile.DiffDelta(base, target)
			got, err := patchDelta(base, delta)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, target) {
				t.Errorf("patched %d bytes differ from the %d-byte target", len(got), len(target))
			}
			if _, err := patchDelta(base[1:], delta); err == nil {
				t.Error("a delta applied to a base of the wrong size")
			}
			if _, err := patchDelta(base, delta[:len(delta)-1]); err == nil && len(target) > 0 {
				t.Error("a truncated delta applied")
			}
		})
	}
}
