package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/project"
)

func newExportCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "export")
	var sf secretariatFlags
	var format string
	var f project.ExportFilter
	check := func([]string) error { return project.CheckExport(lang, format, f) }
	members := command(lang, "members", "export.members", sf.run(lang, check, func(p *project.Project, _ []string) error {
		r, err := p.ExportMembers(sf.out, format, f)
		showWarnings(lang, stderr, &r.Output)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("export.wrote", r.File, r.Rows))
		return nil
	}))
	sf.add(lang, members, lang.T("flag.print.out"))
	members.Flags().StringVar(&format, "format", "xlsx", lang.T("flag.export.format"))
	members.Flags().StringVar(&f.Post, "post", "", lang.T("flag.export.post"))
	members.Flags().StringVar(&f.UnitType, "unit-type", "", lang.T("flag.export.unittype"))
	members.Flags().StringVar(&f.Region, "region", "", lang.T("flag.export.region"))
	members.Flags().StringVar(&f.Industry, "industry", "", lang.T("flag.export.industry"))
	members.Flags().StringVar(&f.Level, "level", "", lang.T("flag.export.level"))
	c.AddCommand(members)
	return c
}

func newImportCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "import")
	var f secretariatFlags
	var sheetName, template, activity string
	var write, dryRun bool
	// finish prints what the import found and, when the sheet has no
	// problems, the plan's diff, which it writes with --write.
	finish := func(p *project.Project, r *project.Import, err error) error {
		showWarnings(lang, stderr, &r.Output)
		if err != nil {
			return err
		}
		for _, u := range r.Unmatched {
			fmt.Fprintln(stderr, u.String())
		}
		if len(r.Problems) > 0 {
			for _, pr := range r.Problems {
				fmt.Fprintln(stderr, pr.String())
			}
			fmt.Fprintln(stderr, lang.T("import.failed", len(r.Problems)))
			return silentFailure{r.Problems}
		}
		if len(r.Unmatched) > 0 {
			fmt.Fprintln(stderr, lang.T("import.unmatched", len(r.Unmatched)))
		}
		plan := r.Plan
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
		if err := p.WriteImport(plan); err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("import.written", len(plan.Changes), len(plan.Files)))
		return nil
	}
	sheetOrTemplate := func(args []string) error {
		switch {
		case template != "" && len(args) > 0:
			return usagef(lang, "import.templateargs")
		case template == "" && len(args) == 0:
			return usagef(lang, "import.nofile")
		}
		return nil
	}
	members := command(lang, "members [FILE.xlsx|FILE.csv]", "import.members", f.run(lang, sheetOrTemplate, func(p *project.Project, args []string) error {
		if template != "" {
			o, err := p.MemberTemplate(template)
			return showOutput(lang, stdout, stderr, o, err)
		}
		r, err := p.PlanMemberImport(args[0], sheetName)
		return finish(p, r, err)
	}))
	members.Args = cobra.MaximumNArgs(1)
	f.add(lang, members, "")
	members.Flags().StringVar(&sheetName, "sheet", "", lang.T("flag.import.sheet"))
	members.Flags().BoolVar(&write, "write", false, lang.T("flag.import.write"))
	members.Flags().BoolVar(&dryRun, "dry-run", true, lang.T("flag.import.dryrun"))
	members.Flags().StringVar(&template, "template", "", lang.T("flag.import.template"))
	c.AddCommand(members)

	hasActivity := func([]string) error {
		if activity == "" {
			return usagef(lang, "import.noactivity")
		}
		return nil
	}
	attendance := command(lang, "attendance FILE.xlsx|FILE.csv --activity ID", "import.attendance", f.run(lang, hasActivity, func(p *project.Project, args []string) error {
		r, err := p.PlanAttendanceImport(args[0], sheetName, activity)
		return finish(p, r, err)
	}))
	attendance.Args = cobra.ExactArgs(1)
	f.add(lang, attendance, "")
	attendance.Flags().StringVar(&sheetName, "sheet", "", lang.T("flag.import.sheet"))
	attendance.Flags().StringVar(&activity, "activity", "", lang.T("flag.import.activity"))
	attendance.Flags().BoolVar(&write, "write", false, lang.T("flag.import.write"))
	attendance.Flags().BoolVar(&dryRun, "dry-run", true, lang.T("flag.import.dryrun"))
	c.AddCommand(attendance)
	return c
}
