package secretariat

import (
	"github.com/zzia/press/internal/report"
)

// ReportMembers writes the member report (report.Write: HTML and CSV) into
// the folder out ("": the site's InternalDir).
func (d *Desk) ReportMembers(out string) (*Output, error) {
	o := &Output{}
	j, err := d.start(o, out)
	if err != nil {
		return o, err
	}
	paths, err := report.Write(j.dir, j.ds, j.res)
	o.Wrote = paths
	return o, err
}
