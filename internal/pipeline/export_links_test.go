package pipeline

import "testing"

// CheckLinksAgainstFull has every preview's link check compared with a
// full one until t ends: Update fails when they differ.
func CheckLinksAgainstFull(t testing.TB) {
	checkAgainstFull = true
	t.Cleanup(func() { checkAgainstFull = false })
}
