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

func newImportCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "import")
	var opts pipeline.Options
	var today, sheetName, template, activity string
	var write, dryRun bool
	// load resolves the site and loads its data, which must be free of
	// errors: an import changes data that is known to be right.
	load := func() (*member.Dataset, error) {
		p, err := openResolved(lang, &opts, today)
		if err != nil {
			return nil, err
		}
		ds, _, err := loadMembers(lang, p, stderr)
		return ds, err
	}
	// finish prints the plan's diff and writes it with --write.
	finish := func(plan *membersheet.Plan) error {
		write = write || !dryRun // --dry-run=false is --write
		if len(plan.Files) == 0 {
			fmt.Fprintln(stdout, lang.T("import.nochange"))
			return nil
		}
		if err := plan.WriteDiff(stdout); err != nil {
			return err
		}
		if !write {
			fmt.Fprintln(stdout, lang.T("import.dryrun", len(plan.Changes), len(plan.Files)))
			return nil
		}
		if err := plan.Write(opts.Source); err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("import.written", len(plan.Changes), len(plan.Files)))
		return nil
	}
	problems := func(ps sheet.Problems) error {
		for _, p := range ps {
			fmt.Fprintln(stderr, p.String())
		}
		fmt.Fprintln(stderr, lang.T("import.failed", len(ps)))
		return silentFailure{ps}
	}
	members := command(lang, "members [FILE.xlsx|FILE.csv]", "import.members", func(_ *cobra.Command, args []string) error {
		if template != "" {
			if len(args) > 0 {
				return usageError{errors.New(lang.T("import.templateargs"))}
			}
			var err error
			if opts, err = opts.Resolve(); err != nil {
				return err
			}
			if err := private(lang, template, opts); err != nil {
				return err
			}
			var b bytes.Buffer
			if err := sheet.WriteXLSX(&b, membersheet.Template()...); err != nil {
				return err
			}
			if err := writePrivate(template, b.Bytes()); err != nil {
				return err
			}
			fmt.Fprintln(stdout, lang.T("report.wrote", template))
			return nil
		}
		if len(args) == 0 {
			return usageError{errors.New(lang.T("import.nofile"))}
		}
		ds, err := load()
		if err != nil {
			return err
		}
		// The rows are compared even when the sheet has problems, so
		// that every problem is reported at once.
		in, _ := sheet.Read(lang, args[0], sheetName, membersheet.Columns)
		plan, ps := membersheet.PlanMembers(opts.Source, ds, in)
		if len(ps) > 0 {
			return problems(ps)
		}
		return finish(plan)
	})
	members.Args = cobra.MaximumNArgs(1)
	addSourceFlag(lang, members, &opts.Source)
	members.Flags().StringVar(&today, "today", "", lang.T("flag.today"))
	members.Flags().StringVar(&sheetName, "sheet", "", lang.T("flag.import.sheet"))
	members.Flags().BoolVar(&write, "write", false, lang.T("flag.import.write"))
	members.Flags().BoolVar(&dryRun, "dry-run", true, lang.T("flag.import.dryrun"))
	members.Flags().StringVar(&template, "template", "", lang.T("flag.import.template"))
	c.AddCommand(members)

	attendance := command(lang, "attendance FILE.xlsx|FILE.csv --activity ID", "import.attendance", func(_ *cobra.Command, args []string) error {
		if activity == "" {
			return usageError{errors.New(lang.T("import.noactivity"))}
		}
		ds, err := load()
		if err != nil {
			return err
		}
		a := ds.Activity(activity)
		if a == nil {
			return usageError{errors.New(lang.T("import.unknownactivity", activity, filepath.Join(opts.Source, "data", "activities")))}
		}
		in, ps := sheet.Read(lang, args[0], sheetName, membersheet.SignInColumns)
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
			fmt.Fprintln(stderr, lang.T("import.unmatched", len(unmatched)))
		}
		return finish(plan)
	})
	attendance.Args = cobra.ExactArgs(1)
	addSourceFlag(lang, attendance, &opts.Source)
	attendance.Flags().StringVar(&today, "today", "", lang.T("flag.today"))
	attendance.Flags().StringVar(&sheetName, "sheet", "", lang.T("flag.import.sheet"))
	attendance.Flags().StringVar(&activity, "activity", "", lang.T("flag.import.activity"))
	attendance.Flags().BoolVar(&write, "write", false, lang.T("flag.import.write"))
	attendance.Flags().BoolVar(&dryRun, "dry-run", true, lang.T("flag.import.dryrun"))
	c.AddCommand(attendance)
	return c
}
