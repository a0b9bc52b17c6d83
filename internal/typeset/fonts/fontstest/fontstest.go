// Package fontstest gives the typesetter's tests the fonts installed here.
// Only tests import it.
package fontstest

import (
	"testing"

	"github.com/zzia/press/internal/typeset/fonts"
)

// System returns the fonts installed here, failing the test when they are
// missing: the typesetter's tests need the Debian packages listed in
// scripts/debian-packages.txt (make deps installs them).
func System(t testing.TB) *fonts.Set {
	t.Helper()
	s, err := fonts.Discover(nil)
	if err != nil {
		t.Fatalf("the typesetter's fonts are not installed: %v", err)
	}
	return s
}
