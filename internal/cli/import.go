package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/membersheet"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/sheet"
)

func newImportCmd(stdout, stderr io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:   "import",
		Short: msg.T("import.short"),
		Args:  cobra.NoArgs,
		RunE:  func(c *cobra.Command, _ []string) error { return c.Help() },
	}
	var opts pipeline.Options
	var today, sheetName, template, activity string
	var write, dryRun bool
	// load resolves the site and loads its data, which must be free of
	// errors: an import changes data that is known to be right.
	load := func() (*member.Dataset, error) {
		p, err := openSite(&opts, today)
		if err != nil {
			return nil, err
		}
		if opts, err = opts.Resolve(); err != nil {
			return nil, err
		}
		ds, _, l := p.Members()
		printDiagnostics(stderr, l.Warnings())
		if l.HasErrors() {
			return nil, &pipeline.Error{Diagnostics: l.Errors()}
		}
		return ds, nil
	}
	// finish prints the plan's diff and writes it with --write.
	finish := func(plan *membersheet.Plan) error {
		write = write || !dryRun // --dry-run=false is --write
		if len(plan.Files) == 0 {
			fmt.Fprintln(stdout, msg.T("import.nochange"))
			return nil
		}
		if err := plan.WriteDiff(stdout); err != nil {
			return err
		}
		if !write {
			fmt.Fprintln(stdout, msg.T("import.dryrun", len(plan.Changes), len(plan.Files)))
			return nil
		}
		if err := plan.Write(opts.Source); err != nil {
			return err
		}
		fmt.Fprintln(stdout, msg.T("import.written", len(plan.Changes), len(plan.Files)))
		return nil
	}
	problems := func(ps sheet.Problems) error {
		for _, p := range ps {
			fmt.Fprintln(stderr, p.String())
		}
		fmt.Fprintln(stderr, msg.T("import.failed", len(ps)))
		return silentFailure{ps}
	}
	members := &cobra.Command{
		Use:     "members [FILE.xlsx|FILE.csv]",
		Short:   msg.T("import.members.short"),
		Long:    msg.T("import.members.long"),
		Example: msg.T("import.members.example"),
		Args:    cobra.MaximumNArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if template != "" {
				if len(args) > 0 {
					return usageError{errors.New(msg.T("import.templateargs"))}
				}
				var err error
				if opts, err = opts.Resolve(); err != nil {
					return err
				}
				if err := private(template, opts); err != nil {
					return err
				}
				var b bytes.Buffer
				if err := sheet.WriteXLSX(&b, membersheet.Template()...); err != nil {
					return err
				}
				if err := writePrivate(template, b.Bytes()); err != nil {
					return err
				}
				fmt.Fprintln(stdout, msg.T("report.wrote", template))
				return nil
			}
			if len(args) == 0 {
				return usageError{errors.New(msg.T("import.nofile"))}
			}
			ds, err := load()
			if err != nil {
				return err
			}
			// The rows are compared even when the sheet has problems, so
			// that every problem is reported at once.
			in, _ := sheet.Read(args[0], sheetName, membersheet.Columns)
			plan, ps := membersheet.PlanMembers(opts.Source, ds, in)
			if len(ps) > 0 {
				return problems(ps)
			}
			return finish(plan)
		},
	}
	addSourceFlag(members, &opts.Source)
	members.Flags().StringVar(&today, "today", "", msg.T("flag.today"))
	members.Flags().StringVar(&sheetName, "sheet", "", msg.T("flag.import.sheet"))
	members.Flags().BoolVar(&write, "write", false, msg.T("flag.import.write"))
	members.Flags().BoolVar(&dryRun, "dry-run", true, msg.T("flag.import.dryrun"))
	members.Flags().StringVar(&template, "template", "", msg.T("flag.import.template"))
	c.AddCommand(members)

	attendance := &cobra.Command{
		Use:     "attendance FILE.xlsx|FILE.csv --activity ID",
		Short:   msg.T("import.attendance.short"),
		Long:    msg.T("import.attendance.long"),
		Example: msg.T("import.attendance.example"),
		Args:    cobra.ExactArgs(1),
		RunE: func(_ *cobra.Command, args []string) error {
			if activity == "" {
				return usageError{errors.New(msg.T("import.noactivity"))}
			}
			ds, err := load()
			if err != nil {
				return err
			}
			a := ds.Activity(activity)
			if a == nil {
				return usageError{errors.New(msg.T("import.unknownactivity", activity, filepath.Join(opts.Source, "data", "activities")))}
			}
			in, ps := sheet.Read(args[0], sheetName, membersheet.SignInColumns)
			if len(ps) > 0 {
				return problems(ps)
			}
			plan, unmatched, ps := membersheet.PlanAttendance(opts.Source, ds, a, in)
			for _, u := range unmatched {
				fmt.Fprintln(stderr, u.String())
			}
			if len(ps) > 0 {
				return problems(ps)
			}
			if len(unmatched) > 0 {
				fmt.Fprintln(stderr, msg.T("import.unmatched", len(unmatched)))
			}
			return finish(plan)
		},
	}
	addSourceFlag(attendance, &opts.Source)
	attendance.Flags().StringVar(&today, "today", "", msg.T("flag.today"))
	attendance.Flags().StringVar(&sheetName, "sheet", "", msg.T("flag.import.sheet"))
	attendance.Flags().StringVar(&activity, "activity", "", msg.T("flag.import.activity"))
	attendance.Flags().BoolVar(&write, "write", false, msg.T("flag.import.write"))
	attendance.Flags().BoolVar(&dryRun, "dry-run", true, msg.T("flag.import.dryrun"))
	c.AddCommand(attendance)
	return c
}
