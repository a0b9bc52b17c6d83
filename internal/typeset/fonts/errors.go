package fonts

import (
	"errors"

	"github.com/zzia/press/internal/regfile"
)

// maxFontFile is the largest font file read: the largest CJK collections
// are about 30 MB.
const maxFontFile = 256 << 20

var (
	errNotRegular = regfile.ErrNotRegular
	errEmpty      = errors.New("empty file")
	errTooLarge   = errors.New("larger than 256 MB")
)
