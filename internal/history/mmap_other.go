//go:build !unix

package history

// mapFile reports that files are not memory-mapped on this platform; the
// walk then reads objects through go-git.
func mapFile(path string) (data []byte, unmap func() error, mapped bool, err error) {
	return nil, nil, false, nil
}
