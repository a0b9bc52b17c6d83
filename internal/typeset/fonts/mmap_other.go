//go:build !unix

package fonts

import "os"

// mapFile reads the font file at path.
func mapFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !st.Mode().IsRegular() {
		return nil, &os.PathError{Op: "open", Path: path, Err: errNotRegular}
	}
	if st.Size() > maxFontFile {
		return nil, &os.PathError{Op: "open", Path: path, Err: errTooLarge}
	}
	return os.ReadFile(path)
}
