package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/history"
	"github.com/zzia/press/internal/hooks"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/publish"
	"github.com/zzia/press/internal/scaffold"
)

func newNewCmd(stdout io.Writer) *cobra.Command {
	var src, today string
	var kinds []string
	for _, k := range scaffold.Kinds {
		kinds = append(kinds, fmt.Sprintf("  %-11s %s    press new %s %s", k.Name, k.Arg, k.Name, k.Example))
	}
	c := &cobra.Command{
		Use:     "new KIND TITLE",
		Short:   msg.T("new.short"),
		Long:    msg.T("new.long", strings.Join(kinds, "\n")),
		Example: msg.T("new.example"),
		Args:    cobra.ExactArgs(2),
		RunE: func(_ *cobra.Command, args []string) error {
			known := false
			for _, k := range scaffold.Kinds {
				known = known || k.Name == args[0]
			}
			if !known {
				return usageError{errors.New(msg.T("new.badkind", args[0]))}
			}
			t, err := parseToday(today)
			if err != nil {
				return err
			}
			now, err := clock.Resolve(t, os.Getenv, time.Now)
			if err != nil {
				return usageError{err}
			}
			p, err := scaffold.New(src, args[0], args[1], now.Now)
			if errors.Is(err, scaffold.ErrExists) {
				return errors.New(msg.T("new.exists", err))
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, msg.T("new.done", p))
			return nil
		},
	}
	addSourceFlag(c, &src)
	c.Flags().StringVar(&today, "today", "", msg.T("flag.today"))
	return c
}

func newHooksCmd(stdout io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:   "hooks",
		Short: msg.T("hooks.short"),
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	var src, command string
	var force bool
	install := &cobra.Command{
		Use:     "install",
		Short:   msg.T("hooks.install.short"),
		Long:    msg.T("hooks.install.long"),
		Example: "  press hooks install\n  press hooks install --command ./bin/press",
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			p, err := hooks.Install(src, command, force)
			if errors.Is(err, hooks.ErrForeignHook) {
				return errors.New(msg.T("hooks.foreign", err))
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, msg.T("hooks.done", p))
			return nil
		},
	}
	addSourceFlag(install, &src)
	install.Flags().StringVar(&command, "command", "press", msg.T("flag.hooks.command"))
	install.Flags().BoolVar(&force, "force", false, msg.T("flag.hooks.force"))
	c.AddCommand(install)
	return c
}

func newPublishCmd(stdout, stderr io.Writer) *cobra.Command {
	var opts pipeline.Options
	var pub publish.Options
	var dir, today string
	var force bool
	c := &cobra.Command{
		Use:     "publish",
		Short:   msg.T("publish.short"),
		Long:    msg.T("publish.long"),
		Example: msg.T("publish.example"),
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			var err error
			if _, err = openSite(&opts, today); err != nil {
				return err
			}
			if opts, err = opts.Resolve(); err != nil {
				return err
			}
			h, herr := history.Load(opts.Source)
			if herr != nil && !(dir != "" && errors.Is(herr, history.ErrNoRepository)) {
				return errors.New(msg.T("publish.norepo", herr))
			}
			if h != nil {
				clean, dirty, err := publish.IsClean(opts.Source)
				if err != nil {
					return err
				}
				if !clean && !force {
					if len(dirty) > 5 {
						dirty = append(dirty[:5], "…")
					}
					return errors.New(msg.T("publish.dirty", strings.Join(dirty, ", ")))
				}
			}
			// Build first: a failed build is never published.
			opts.Progress, opts.Terminal = stderr, isTerminal(stderr)
			res, err := pipeline.Build(opts)
			if err != nil {
				return err
			}
			printDiagnostics(stderr, res.Warnings)
			fmt.Fprintln(stdout, msg.T("build.done", res.Pages, res.Files, diag.QuoteName(res.Dest), res.Elapsed.Round(time.Millisecond)))
			if dir != "" {
				r, err := publish.ToDir(res.Dest, dir)
				if err != nil {
					return err
				}
				fmt.Fprintln(stdout, msg.T("publish.dir", diag.QuoteName(dir), r.Copied, r.Removed, r.Unchanged))
				return nil
			}
			pub.Dir, pub.Repo = res.Dest, opts.Source
			pub.Source, pub.When = h.Head.Hash, h.Head.CommitDate
			// From here an interruption cancels the push, which puts the
			// local branch back.
			stopCleanup()
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
			defer stop()
			r, err := publish.ToBranch(ctx, pub)
			if err != nil {
				return err
			}
			branch := pub.Branch
			if branch == "" {
				branch = publish.DefaultBranch
			}
			switch {
			case !r.Created:
				fmt.Fprintln(stdout, msg.T("publish.unchanged", branch))
			case r.Pushed:
				fmt.Fprintln(stdout, msg.T("publish.pushed", branch, short(r.Commit), diag.QuoteName(r.Remote)))
			default:
				fmt.Fprintln(stdout, msg.T("publish.committed", branch, short(r.Commit)))
			}
			return nil
		},
	}
	addSourceFlag(c, &opts.Source)
	f := c.Flags()
	f.StringVarP(&opts.Dest, "dest", "d", "", msg.T("flag.dest"))
	f.StringVar(&pub.Branch, "branch", publish.DefaultBranch, msg.T("flag.publish.branch"))
	f.StringVar(&pub.Remote, "remote", "origin", msg.T("flag.publish.remote"))
	f.StringVar(&pub.Message, "message", "", msg.T("flag.publish.message"))
	f.StringVar(&pub.AuthorName, "author-name", "press", msg.T("flag.publish.author"))
	f.StringVar(&pub.AuthorEmail, "author-email", "press@localhost", msg.T("flag.publish.email"))
	f.StringVar(&dir, "dir", "", msg.T("flag.publish.dir"))
	f.BoolVar(&force, "force", false, msg.T("flag.publish.force"))
	f.StringVar(&today, "today", "", msg.T("flag.today"))
	f.StringVar(&opts.BaseURL, "base-url", "", msg.T("flag.baseurl"))
	f.StringVar(&opts.CacheDir, "cache-dir", "", msg.T("flag.cachedir"))
	return c
}

func short(h string) string {
	if len(h) > 10 {
		return h[:10]
	}
	return h
}
