//go:build unix

package fonts

import (
	"os"
	"syscall"

	"github.com/zzia/press/internal/regfile"
)

// mapFile maps the font file at path into memory, read-only: a CJK
// collection is tens of megabytes of which a document touches a few.
func mapFile(path string) ([]byte, error) {
	f, st, err := regfile.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st.Size() == 0 {
		return nil, &os.PathError{Op: "open", Path: path, Err: errEmpty}
	}
	if st.Size() > maxFontFile {
		return nil, &os.PathError{Op: "open", Path: path, Err: errTooLarge}
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return os.ReadFile(path)
	}
	return data, nil
}
