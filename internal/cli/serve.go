package cli

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

func newServeCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts project.ServeOptions
	var site siteFlags
	c := command(lang, "serve", "serve", func(*cobra.Command, []string) error {
		p, err := site.open(lang)
		if err != nil {
			return err
		}
		opts.Out, opts.Err = stdout, stderr
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return p.Serve(ctx, opts)
	})
	site.add(lang, c)
	c.Flags().StringVarP(&opts.Addr, "addr", "a", "127.0.0.1:1313", lang.T("flag.addr"))
	c.Flags().StringVar(&opts.CacheDir, "cache-dir", "", lang.T("flag.cachedir"))
	return c
}
