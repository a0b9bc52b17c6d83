package publish

import "github.com/zzia/press/internal/history"

// ErrNoRepository is Source's error, wrapped, when the sources are in no
// git repository: a branch cannot be published then, a folder can.
var ErrNoRepository = history.ErrNoRepository

// Source returns the commit the sources in dir are at (HEAD of the
// repository that contains dir): what a publish names in its commit
// message and dates its commit with (Options.Source and When).
func Source(dir string) (*history.Commit, error) {
	h, err := history.Load(dir)
	if err != nil {
		return nil, err
	}
	return &h.Head, nil
}
