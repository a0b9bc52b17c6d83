//go:build !unix

package content

import "os"

// openNonBlocking opens name for reading.
func openNonBlocking(name string) (*os.File, error) { return os.Open(name) }
