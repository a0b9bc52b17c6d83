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

func newNewCmd(lang msg.Lang, stdout io.Writer) *cobra.Command {
	var src, today string
	var kinds []string
	for _, k := range scaffold.Kinds {
		kinds = append(kinds, fmt.Sprintf("  %-11s %s    press new %s %s", k.Name, k.Arg, k.Name, k.Example))
	}
	c := command(lang, "new KIND TITLE", "new", func(_ *cobra.Command, args []string) error {
		known := false
		for _, k := range scaffold.Kinds {
			known = known || k.Name == args[0]
		}
		if !known {
			return usageError{errors.New(lang.T("new.badkind", args[0]))}
		}
		t, err := parseToday(lang, today)
		if err != nil {
			return err
		}
		now, err := clock.Resolve(t, os.Getenv, time.Now)
		if err != nil {
			return usageError{err}
		}
		p, err := scaffold.New(src, args[0], args[1], now.Now)
		if errors.Is(err, scaffold.ErrExists) {
			return errors.New(lang.T("new.exists", err))
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("new.done", p))
		return nil
	})
	c.Long = lang.T("new.long", strings.Join(kinds, "\n"))
	c.Args = cobra.ExactArgs(2)
	addSourceFlag(lang, c, &src)
	c.Flags().StringVar(&today, "today", "", lang.T("flag.today"))
	return c
}

func newHooksCmd(lang msg.Lang, stdout io.Writer) *cobra.Command {
	c := group(lang, "hooks")
	var src, bin string
	var force bool
	install := command(lang, "install", "hooks.install", func(*cobra.Command, []string) error {
		p, err := hooks.Install(src, bin, force)
		if errors.Is(err, hooks.ErrForeignHook) {
			return errors.New(lang.T("hooks.foreign", err))
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("hooks.done", p))
		return nil
	})
	addSourceFlag(lang, install, &src)
	install.Flags().StringVar(&bin, "command", "press", lang.T("flag.hooks.command"))
	install.Flags().BoolVar(&force, "force", false, lang.T("flag.hooks.force"))
	c.AddCommand(install)
	return c
}

func newPublishCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	var opts pipeline.Options
	var pub publish.Options
	var dir, today string
	var force bool
	c := command(lang, "publish", "publish", func(*cobra.Command, []string) error {
		if _, err := openResolved(lang, &opts, today); err != nil {
			return err
		}
		h, herr := history.Load(opts.Source)
		if herr != nil && !(dir != "" && errors.Is(herr, history.ErrNoRepository)) {
			return errors.New(lang.T("publish.norepo", herr))
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
				return errors.New(lang.T("publish.dirty", strings.Join(dirty, ", ")))
			}
		}
		// Build first: a failed build is never published.
		opts.Progress, opts.Terminal = stderr, isTerminal(stderr)
		res, err := pipeline.Build(opts)
		if err != nil {
			return err
		}
		printDiagnostics(lang, stderr, res.Warnings)
		fmt.Fprintln(stdout, lang.T("build.done", res.Pages, res.Files, diag.QuoteName(res.Dest), res.Elapsed.Round(time.Millisecond)))
		if dir != "" {
			r, err := publish.ToDir(res.Dest, dir, force)
			var notOurs *publish.NotOursError
			if errors.As(err, &notOurs) {
				return errors.New(lang.T("publish.notours", diag.QuoteName(dir), notOurs.Files))
			}
			if err != nil {
				return err
			}
			fmt.Fprintln(stdout, lang.T("publish.dir", diag.QuoteName(dir), r.Copied, r.Removed, r.Unchanged))
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
			fmt.Fprintln(stdout, lang.T("publish.unchanged", branch))
		case r.Pushed:
			fmt.Fprintln(stdout, lang.T("publish.pushed", branch, short(r.Commit), diag.QuoteName(r.Remote)))
		default:
			fmt.Fprintln(stdout, lang.T("publish.committed", branch, short(r.Commit)))
		}
		return nil
	})
	addSourceFlag(lang, c, &opts.Source)
	f := c.Flags()
	f.StringVarP(&opts.Dest, "dest", "d", "", lang.T("flag.dest"))
	f.StringVar(&pub.Branch, "branch", publish.DefaultBranch, lang.T("flag.publish.branch"))
	f.StringVar(&pub.Remote, "remote", "origin", lang.T("flag.publish.remote"))
	f.StringVar(&pub.Message, "message", "", lang.T("flag.publish.message"))
	f.StringVar(&pub.AuthorName, "author-name", "press", lang.T("flag.publish.author"))
	f.StringVar(&pub.AuthorEmail, "author-email", "press@localhost", lang.T("flag.publish.email"))
	f.StringVar(&dir, "dir", "", lang.T("flag.publish.dir"))
	f.BoolVar(&force, "force", false, lang.T("flag.publish.force"))
	f.StringVar(&today, "today", "", lang.T("flag.today"))
	f.StringVar(&opts.BaseURL, "base-url", "", lang.T("flag.baseurl"))
	f.StringVar(&opts.CacheDir, "cache-dir", "", lang.T("flag.cachedir"))
	return c
}

func short(h string) string {
	if len(h) > 10 {
		return h[:10]
	}
	return h
}
