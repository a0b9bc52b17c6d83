package cli

import (
	"context"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/serve"
)

func newServeCmd(stdout, stderr io.Writer) *cobra.Command {
	var opts serve.Options
	var today string
	c := &cobra.Command{
		Use:     "serve",
		Short:   msg.T("serve.short"),
		Long:    msg.T("serve.long"),
		Example: msg.T("serve.example"),
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			var err error
			if opts.Today, err = parseToday(today); err != nil {
				return err
			}
			opts.Out, opts.Err = stdout, stderr
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			return serve.Run(ctx, opts)
		},
	}
	addSourceFlag(c, &opts.Source)
	c.Flags().StringVarP(&opts.Addr, "addr", "a", "127.0.0.1:1313", msg.T("flag.addr"))
	c.Flags().StringVar(&today, "today", "", msg.T("flag.today"))
	c.Flags().StringVar(&opts.CacheDir, "cache-dir", "", msg.T("flag.cachedir"))
	return c
}
