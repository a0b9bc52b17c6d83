package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/membersheet"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/sheet"
)

func newExportCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "export")
	var opts pipeline.Options
	var today, out, format string
	var f membersheet.Filter
	members := command(lang, "members", "export.members", func(*cobra.Command, []string) error {
		switch format {
		case "xlsx", "csv", "vcf":
		default:
			return usageError{errors.New(lang.T("export.badformat", format))}
		}
		for _, v := range []struct {
			flag, value string
			voc         member.Vocabulary
		}{{"--post", f.Post, member.Posts}, {"--unit-type", f.UnitType, member.UnitTypes}, {"--region", f.Region, member.Regions},
			{"--industry", f.Industry, member.Industries}, {"--level", f.Level, member.Levels}} {
			if v.value != "" && !v.voc.Has(v.value) {
				return usageError{errors.New(lang.T("export.badvalue", v.flag, v.value, strings.Join(v.voc.Values(), "、")))}
			}
		}
		ds, res, err := openMembers(lang, &opts, today, &out, stderr)
		if err != nil {
			return err
		}
		t := membersheet.Table(ds, res, f)
		var b bytes.Buffer
		switch format {
		case "xlsx":
			err = sheet.WriteXLSX(&b, t)
		case "csv":
			err = sheet.WriteCSV(&b, t)
		case "vcf":
			var ms []*member.Member
			for _, m := range ds.Members {
				if f.Match(m, res.Member(m.ID)) {
					ms = append(ms, m)
				}
			}
			err = membersheet.WriteVCards(&b, ms, opts.Today)
		}
		if err != nil {
			return err
		}
		name := membersheet.SheetName
		for _, v := range []string{f.Level, f.Post, f.UnitType, f.Region, f.Industry} {
			if v != "" {
				name += "-" + v
			}
		}
		path := filepath.Join(out, name+"."+format)
		if err := writePrivate(path, b.Bytes()); err != nil {
			return err
		}
		fmt.Fprintln(stdout, lang.T("export.wrote", path, len(t.Rows)))
		return nil
	})
	addSourceFlag(lang, members, &opts.Source)
	members.Flags().StringVarP(&out, "out", "o", "", lang.T("flag.print.out"))
	members.Flags().StringVar(&today, "today", "", lang.T("flag.today"))
	members.Flags().StringVar(&format, "format", "xlsx", lang.T("flag.export.format"))
	members.Flags().StringVar(&f.Post, "post", "", lang.T("flag.export.post"))
	members.Flags().StringVar(&f.UnitType, "unit-type", "", lang.T("flag.export.unittype"))
	members.Flags().StringVar(&f.Region, "region", "", lang.T("flag.export.region"))
	members.Flags().StringVar(&f.Industry, "industry", "", lang.T("flag.export.industry"))
	members.Flags().StringVar(&f.Level, "level", "", lang.T("flag.export.level"))
	c.AddCommand(members)
	return c
}

// writePrivate writes an internal file readable by its owner only (it
// holds contact details), through a temporary file renamed into place.
func writePrivate(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return atomicfile.Write(path, b, 0o600)
}
