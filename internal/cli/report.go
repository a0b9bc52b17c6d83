package cli

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/report"
)

// defaultInternalDir is where the secretariat's internal outputs go unless
// --out says otherwise: beside the site's sources, never inside public/.
const defaultInternalDir = "secretariat"

func newReportCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "report")
	var opts pipeline.Options
	var today, out string
	members := command(lang, "members", "report.members", func(*cobra.Command, []string) error {
		ds, res, err := openMembers(lang, &opts, today, &out, stderr)
		if err != nil {
			return err
		}
		paths, err := report.Write(out, ds, res)
		if err != nil {
			return err
		}
		for _, p := range paths {
			fmt.Fprintln(stdout, lang.T("report.wrote", p))
		}
		return nil
	})
	addSourceFlag(lang, members, &opts.Source)
	members.Flags().StringVarP(&out, "out", "o", "", lang.T("flag.report.out"))
	members.Flags().StringVar(&today, "today", "", lang.T("flag.today"))
	c.AddCommand(members, newFeesCmd(lang, stdout, stderr))
	return c
}
