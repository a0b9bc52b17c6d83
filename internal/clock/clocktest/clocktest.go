// Package clocktest gives tests days in Beijing time without error
// handling: only tests import it.
package clocktest

import (
	"time"

	"github.com/zzia/press/internal/clock"
)

// Day is the day s (YYYY-MM-DD) at midnight in Beijing time; it panics on
// a malformed s, which is a mistake in the test.
func Day(s string) time.Time {
	t, err := clock.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return t
}
