package project

import (
	"context"
	"io"

	"github.com/zzia/press/internal/serve"
)

// ServeOptions says where the preview listens and where its messages go.
type ServeOptions struct {
	// Addr is the listen address, e.g. 127.0.0.1:1313.
	Addr string
	// CacheDir holds caches outside the site; empty means the user's cache.
	CacheDir string
	// Out receives progress messages, Err build errors.
	Out, Err io.Writer
}

// Serve runs the live preview of the project's site until ctx is
// cancelled: it builds the site into memory, serves it, and rebuilds what
// each change of the sources affects. The preview opens the site again
// when its configuration changes, with the day the project was opened
// with (or, without one, today as it then is). It returns an error only
// when it cannot start.
func (p *Project) Serve(ctx context.Context, opts ServeOptions) error {
	return serve.Run(ctx, serve.Options{
		Source:   p.Dir,
		Addr:     opts.Addr,
		CacheDir: opts.CacheDir,
		Today:    p.given,
		Out:      opts.Out,
		Err:      opts.Err,
		Lang:     p.site.Lang,
	})
}
