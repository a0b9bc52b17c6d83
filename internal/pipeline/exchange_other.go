//go:build !linux

package pipeline

import "errors"

// exchange is not available here: swap renames in two steps.
var exchange = func(a, b string) error { return errors.ErrUnsupported }
