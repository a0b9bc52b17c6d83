package project

import (
	"github.com/zzia/press/internal/report"
)

// ReportMembers writes the member report (report.Write: HTML and CSV) into
// the folder out ("": the site's InternalDir).
func (p *Project) ReportMembers(out string) (*Output, error) {
	o := &Output{}
	dir, err := p.OutDir(out)
	if err != nil {
		return o, err
	}
	ds, res, err := p.memberData(o)
	if err != nil {
		return o, err
	}
	paths, err := report.Write(dir, ds, res)
	o.Wrote = paths
	return o, err
}
