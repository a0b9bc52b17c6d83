package secretariat

import (
	"path/filepath"
	"strconv"
	"strings"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/printjob"
	"github.com/zzia/press/internal/publication/catalog"
)

// File names press print writes in its output folder.
const (
	RosterFile       = "roster.pdf"
	LabelsFile       = "labels.pdf"
	DistributionFile = "distribution.csv"
	CertificatesFile = "certificates.pdf"
	FormFile         = "application-form.pdf"
)

// LabelOptions lay out the label sheets and say who gets how many copies
// (see printjob.LabelOptions).
type LabelOptions = printjob.LabelOptions

// Skipped is a member left out of a print job, and why.
type Skipped = printjob.Skipped

// Labels is what PrintLabels did besides writing its files.
type Labels struct {
	Output
	// Skipped are the members who get no label.
	Skipped []Skipped
	// Copies is the number of labels, Recipients of addressees, Sheets of
	// label sheets.
	Copies, Recipients, Sheets int
}

// printJob is the start of the print jobs of member data: the print
// options of the configuration (its fonts, with its warnings in o), then
// the output folder and the member data (see start).
func (d *Desk) printJob(o *Output, out string) (printjob.Options, *job, error) {
	cfg, l := catalog.ReadConfig(d.Config)
	o.Warnings = append(o.Warnings, l.Warnings()...)
	j, err := d.start(o, out)
	return printjob.Options{Today: d.Today.Day, Fonts: cfg.Fonts}, j, err
}

// PrintRoster writes the member roster, RosterFile, into the folder out
// ("": the site's InternalDir).
func (d *Desk) PrintRoster(out string) (*Output, error) {
	o := &Output{}
	opts, j, err := d.printJob(o, out)
	if err != nil {
		return o, err
	}
	b, err := printjob.Roster(j.ds, j.res, opts)
	if err != nil {
		return o, err
	}
	return o, writePrivate(o, filepath.Join(j.dir, RosterFile), b)
}

// PrintLabels writes the address labels of the journal's distribution,
// LabelsFile, and its list, DistributionFile, into the folder out ("": the
// site's InternalDir). The layout of lo is checked first (see ParseLabels);
// its Options are set here.
func (d *Desk) PrintLabels(out string, lo LabelOptions) (*Labels, error) {
	r := &Labels{}
	opts, j, err := d.printJob(&r.Output, out)
	if err != nil {
		return r, err
	}
	lo.Options = opts
	recips, skipped := printjob.Distribution(j.ds, j.res, lo)
	r.Skipped = skipped
	pdfBytes, csvBytes, err := printjob.Labels(j.ds, j.res, lo)
	if err != nil {
		return r, err
	}
	if err := writePrivate(&r.Output, filepath.Join(j.dir, LabelsFile), pdfBytes); err != nil {
		return r, err
	}
	if err := writePrivate(&r.Output, filepath.Join(j.dir, DistributionFile), csvBytes); err != nil {
		return r, err
	}
	for _, rc := range recips {
		r.Copies += rc.Copies
	}
	cells, _ := lo.Cells()
	r.Recipients, r.Sheets = len(recips), (r.Copies+len(cells)-1)/len(cells)
	return r, nil
}

// PrintForm writes the application form, a public document, to file ("":
// FormFile in the site's InternalDir), refused inside the site's sources
// or output like every internal output.
func (d *Desk) PrintForm(file string) (*Output, error) {
	o := &Output{}
	// The configuration's warnings are reported as for the other jobs.
	_, l := catalog.ReadConfig(d.Config)
	o.Warnings = append(o.Warnings, l.Warnings()...)
	if file == "" {
		file = filepath.Join(d.Dir, InternalDir, FormFile)
	}
	if err := d.Private(file); err != nil {
		return o, err
	}
	fo, fl := printjob.LoadFormOptions(d.Config)
	o.Warnings = append(o.Warnings, fl.Errors()...)
	b, err := printjob.ApplicationForm(fo)
	if err != nil {
		return o, err
	}
	return o, writePrivate(o, file, b)
}

// ParseLabels reads the label flags: grid "2x7", size "99.1x38.1", margins
// "TOP,LEFT", gap "X,Y" (millimetres) and copies "副会长单位=3,理事单位=2",
// and checks that the labels fit on the sheet. Its errors, in language
// lang, are *UsageError.
func ParseLabels(lang msg.Lang, grid, size, margins, gap, copies string) (LabelOptions, error) {
	var lo LabelOptions
	err := parseLabelLayout(lang, &lo, grid, size, margins, gap, copies)
	if err == nil {
		_, err = lo.Cells()
	}
	if err != nil {
		return lo, &UsageError{err}
	}
	return lo, nil
}

// parseLabelLayout reads the label flags into lo (see ParseLabels).
func parseLabelLayout(lang msg.Lang, lo *LabelOptions, grid, size, margins, gap, copies string) error {
	pair := func(s, sep, what string) (float64, float64, error) {
		a, b, ok := strings.Cut(strings.ReplaceAll(strings.ToLower(s), "×", "x"), sep)
		x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
		y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
		if !ok || err1 != nil || err2 != nil {
			return 0, 0, errorf(lang, "print.badpair", what, s)
		}
		return x, y, nil
	}
	cols, rows, err := pair(grid, "x", "--labels")
	if err != nil {
		return err
	}
	if cols != float64(int(cols)) || rows != float64(int(rows)) {
		return errorf(lang, "print.badpair", "--labels", grid)
	}
	lo.Columns, lo.Rows = int(cols), int(rows)
	if lo.Width, lo.Height, err = pair(size, "x", "--label-size"); err != nil {
		return err
	}
	// Gaps: given, else the default sheet's when it is the default sheet.
	if gap != "" {
		if lo.GapX, lo.GapY, err = pair(gap, ",", "--label-gap"); err != nil {
			return err
		}
	} else if lo.Columns == printjob.DefaultColumns && lo.Width == printjob.DefaultLabelWidth {
		lo.GapX = printjob.DefaultGapX
	}
	if margins != "" {
		if lo.Top, lo.Left, err = pair(margins, ",", "--label-margins"); err != nil {
			return err
		}
	}
	lo.Copies = map[string]int{}
	for _, kv := range strings.Split(copies, ",") {
		if strings.TrimSpace(kv) == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		k = strings.TrimSpace(k)
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if !ok || err != nil || n < 0 || !member.Levels.Has(k) {
			return errorf(lang, "print.badcopies", kv, strings.Join(member.Levels.Values(), "、"))
		}
		lo.Copies[k] = n
	}
	return nil
}
