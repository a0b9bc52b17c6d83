package cli

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/report"
)

// defaultInternalDir is where the secretariat's internal outputs go unless
// --out says otherwise: beside the site's sources, never inside public/.
const defaultInternalDir = "secretariat"

func newReportCmd(stdout, stderr io.Writer) *cobra.Command {
	c := &cobra.Command{
		Use:   "report",
		Short: msg.T("report.short"),
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			return c.Help()
		},
	}
	var opts pipeline.Options
	var today, out string
	members := &cobra.Command{
		Use:     "members",
		Short:   msg.T("report.members.short"),
		Long:    msg.T("report.members.long"),
		Example: msg.T("report.members.example"),
		Args:    cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			p, err := openProject(opts.Source, today)
			if err != nil {
				return err
			}
			opts.Site = p.Site()
			if opts, err = opts.Resolve(); err != nil {
				return err
			}
			// The output directory is checked before any work.
			if out == "" {
				out = filepath.Join(p.Dir, defaultInternalDir)
			}
			if err := private(out, opts); err != nil {
				return err
			}
			ds, res, err := loadMembers(p, stderr)
			if err != nil {
				return err
			}
			paths, err := report.Write(out, ds, res)
			if err != nil {
				return err
			}
			for _, p := range paths {
				fmt.Fprintln(stdout, msg.T("report.wrote", p))
			}
			return nil
		},
	}
	addSourceFlag(members, &opts.Source)
	members.Flags().StringVarP(&out, "out", "o", "", msg.T("flag.report.out"))
	members.Flags().StringVar(&today, "today", "", msg.T("flag.today"))
	c.AddCommand(members, newFeesCmd(stdout, stderr))
	return c
}
