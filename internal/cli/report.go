package cli

import (
	"io"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/msg"
)

func newReportCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "report")
	var f secretariatFlags
	members := command(lang, "members", "report.members", secretariat(func([]string) error {
		p, err := f.open(lang)
		if err != nil {
			return err
		}
		o, err := p.ReportMembers(f.out)
		return done(lang, stdout, stderr, o, err)
	}))
	f.add(lang, members, lang.T("flag.report.out"))
	c.AddCommand(members, newFeesCmd(lang, stdout, stderr))
	return c
}
