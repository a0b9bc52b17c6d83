package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

func newNewCmd(lang msg.Lang, stdout io.Writer) *cobra.Command {
	var site siteFlags
	var kinds []string
	for _, k := range project.NewKinds() {
		kinds = append(kinds, fmt.Sprintf("  %-11s %s    press new %s %s", k.Name, k.Arg, k.Name, k.Example))
	}
	c := command(lang, "new KIND TITLE", "new", func(_ *cobra.Command, args []string) error {
		known := false
		for _, k := range project.NewKinds() {
			known = known || k.Name == args[0]
		}
		if !known {
			return usageError{errors.New(lang.T("new.badkind", args[0]))}
		}
		t, err := parseToday(lang, site.today)
		if err != nil {
			return err
		}
		p, err := project.New(lang, site.source, args[0], args[1], t)
		var te *project.TodayError
		if errors.As(err, &te) {
			return usageError{te.Err}
		}
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("new.done", p))
		return nil
	})
	c.Long = lang.T("new.long", strings.Join(kinds, "\n"))
	c.Args = cobra.ExactArgs(2)
	site.add(lang, c)
	return c
}

func newHooksCmd(lang msg.Lang, stdout io.Writer) *cobra.Command {
	c := group(lang, "hooks")
	var src, bin string
	var force bool
	install := command(lang, "install", "hooks.install", func(*cobra.Command, []string) error {
		p, err := project.InstallHooks(lang, src, bin, force)
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
	var opts project.PublishOptions
	var site siteFlags
	c := command(lang, "publish", "publish", func(*cobra.Command, []string) error {
		p, err := site.open(lang)
		if err != nil {
			return err
		}
		opts.Build.Progress, opts.Build.Terminal = stderr, isTerminal(stderr)
		opts.Built = func(res *project.BuildResult) {
			printDiagnostics(lang, stderr, res.Warnings)
			printBuilt(lang, stdout, res, true)
		}
		r, err := p.Publish(context.Background(), opts)
		if err != nil {
			return err
		}
		switch b := r.Commit; {
		case r.Dir != nil:
			fmt.Fprintln(stdout, lang.T("publish.dir", diag.QuoteName(opts.Dir), r.Dir.Copied, r.Dir.Removed, r.Dir.Unchanged))
		case !b.Created:
			fmt.Fprintln(stdout, lang.T("publish.unchanged", r.Branch))
		case b.Pushed:
			fmt.Fprintln(stdout, lang.T("publish.pushed", r.Branch, short(b.Commit), diag.QuoteName(b.Remote)))
		default:
			fmt.Fprintln(stdout, lang.T("publish.committed", r.Branch, short(b.Commit)))
		}
		return nil
	})
	addBuildFlags(lang, c, &opts.Build, &site)
	f := c.Flags()
	f.StringVar(&opts.Branch, "branch", project.DefaultBranch, lang.T("flag.publish.branch"))
	f.StringVar(&opts.Remote, "remote", "origin", lang.T("flag.publish.remote"))
	f.StringVar(&opts.Message, "message", "", lang.T("flag.publish.message"))
	f.StringVar(&opts.AuthorName, "author-name", "press", lang.T("flag.publish.author"))
	f.StringVar(&opts.AuthorEmail, "author-email", "press@localhost", lang.T("flag.publish.email"))
	f.StringVar(&opts.Dir, "dir", "", lang.T("flag.publish.dir"))
	f.BoolVar(&opts.Force, "force", false, lang.T("flag.publish.force"))
	return c
}

func short(h string) string {
	if len(h) > 10 {
		return h[:10]
	}
	return h
}
