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
	members := command(lang, "members", "export.members", secretariat(func([]string) error {
		if err := project.CheckExport(lang, format, f); err != nil {
			return err
		}
		p, err := sf.open(lang)
		if err != nil {
			return err
		}
		r, err := p.ExportMembers(sf.out, format, f)
		warn(lang, stderr, &r.Output)
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
