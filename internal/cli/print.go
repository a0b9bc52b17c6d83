package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/printjob"
	"github.com/zzia/press/internal/project"
	"github.com/zzia/press/internal/publication/catalog"
	"github.com/zzia/press/internal/rules"
)

// File names press print writes in its --out directory.
const (
	rosterFile       = "roster.pdf"
	labelsFile       = "labels.pdf"
	distributionFile = "distribution.csv"
	certificatesFile = "certificates.pdf"
	formFile         = "application-form.pdf"
)

// printEnv is what every print subcommand reads: the project and its
// build options (for the output folders), the fonts of its configuration
// and, for the member documents, the data and the rules' result.
type printEnv struct {
	p     *project.Project
	opts  pipeline.Options
	fonts map[string]string
	ds    *member.Dataset
	res   *rules.Result
}

func newPrintCmd(lang msg.Lang, stdout, stderr io.Writer) *cobra.Command {
	c := group(lang, "print")
	c.Long, c.Example = lang.T("print.long"), lang.T("print.example")
	var source, today, out string
	// resolve opens the project and reads the fonts of its configuration.
	resolve := func() (*printEnv, error) {
		env := &printEnv{opts: pipeline.Options{Source: source}}
		p, err := openResolved(lang, &env.opts, today)
		if err != nil {
			return nil, err
		}
		env.p = p
		cfg, l := catalog.ReadConfig(p.Config)
		printDiagnostics(lang, stderr, l.Warnings())
		env.fonts = cfg.Fonts
		return env, nil
	}
	// dir returns the output directory, refusing one that would be
	// published.
	dir := func(env *printEnv) (string, error) {
		d := out
		err := privateOut(lang, &d, env.opts)
		return d, err
	}
	// prepare resolves the site, checks the output directory and loads the
	// members, in that order: a wrong --out fails before any work.
	prepare := func() (*printEnv, string, error) {
		env, err := resolve()
		if err != nil {
			return nil, "", err
		}
		d, err := dir(env)
		if err != nil {
			return nil, "", err
		}
		env.ds, env.res, err = loadMembers(lang, env.p, stderr)
		return env, d, err
	}
	common := func(sub *cobra.Command, outUsage string) {
		addSourceFlag(lang, sub, &source)
		sub.Flags().StringVarP(&out, "out", "o", "", outUsage)
		sub.Flags().StringVar(&today, "today", "", lang.T("flag.today"))
		c.AddCommand(sub)
	}

	roster := &cobra.Command{
		Use:   "roster",
		Short: lang.T("print.roster.short"),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			env, d, err := prepare()
			if err != nil {
				return err
			}
			b, err := printjob.Roster(env.ds, env.res, printjob.Options{Today: env.opts.Today, Fonts: env.fonts})
			if err != nil {
				return err
			}
			return writeOut(lang, stdout, d, rosterFile, b)
		},
	}
	common(roster, lang.T("flag.print.out"))

	var grid, size, margins, gap, copies string
	var outline, skipSuspended bool
	labels := &cobra.Command{
		Use:   "labels",
		Short: lang.T("print.labels.short"),
		Long:  lang.T("print.labels.long"),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			lo := printjob.LabelOptions{Outline: outline, SkipSuspended: skipSuspended}
			if err := parseLabelLayout(lang, &lo, grid, size, margins, gap, copies); err != nil {
				return usageError{err}
			}
			if _, err := lo.Cells(); err != nil {
				return usageError{err}
			}
			env, d, err := prepare()
			if err != nil {
				return err
			}
			lo.Options = printjob.Options{Today: env.opts.Today, Fonts: env.fonts}
			recips, skipped := printjob.Distribution(env.ds, env.res, lo)
			for _, s := range skipped {
				fmt.Fprintln(stderr, lang.T("diag.warning")+lang.T("print.skipped", s.ID, s.Name, s.Reason))
			}
			pdfBytes, csvBytes, err := printjob.Labels(env.ds, env.res, lo)
			if err != nil {
				return err
			}
			if err := writeOut(lang, stdout, d, labelsFile, pdfBytes); err != nil {
				return err
			}
			if err := writeOut(lang, stdout, d, distributionFile, csvBytes); err != nil {
				return err
			}
			n := 0
			for _, r := range recips {
				n += r.Copies
			}
			cells, _ := lo.Cells()
			fmt.Fprintln(stdout, lang.T("print.labels.summary", n, len(recips), (n+len(cells)-1)/len(cells)))
			return nil
		},
	}
	labels.Flags().StringVar(&grid, "labels", "2x7", lang.T("flag.print.labels"))
	labels.Flags().StringVar(&size, "label-size", "99.1x38.1", lang.T("flag.print.labelsize"))
	labels.Flags().StringVar(&margins, "label-margins", "", lang.T("flag.print.margins"))
	labels.Flags().StringVar(&gap, "label-gap", "", lang.T("flag.print.gap"))
	labels.Flags().StringVar(&copies, "copies", "副会长单位=3,理事单位=2,普通会员单位=1,个人会员=1", lang.T("flag.print.copies"))
	labels.Flags().BoolVar(&outline, "outline", false, lang.T("flag.print.outline"))
	labels.Flags().BoolVar(&skipSuspended, "skip-suspended", false, lang.T("flag.print.skipsuspended"))
	common(labels, lang.T("flag.print.out"))

	var year int
	var prefix string
	var only []string
	var record bool
	certs := &cobra.Command{
		Use:   "certificates",
		Short: lang.T("print.certificates.short"),
		Long:  lang.T("print.certificates.long"),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			env, d, err := prepare()
			if err != nil {
				return err
			}
			co := printjob.CertificateOptions{Options: printjob.Options{Today: env.opts.Today, Fonts: env.fonts}, Year: year, Prefix: prefix, Only: only}
			for _, id := range only {
				if env.ds.Member(id) == nil {
					return usageError{errors.New(lang.T("print.unknownmember", id))}
				}
			}
			// The register keeps the numbers issued; new ones are recorded
			// with --record.
			y := year
			if y == 0 {
				y = env.res.Today.Year()
			}
			reg, numbers, err := registeredNumbers(lang, env.opts.Source, env.ds, y)
			if err != nil {
				return err
			}
			co.Numbers = numbers
			list, skipped := printjob.Eligible(env.ds, env.res, co)
			for _, s := range skipped {
				fmt.Fprintln(stderr, lang.T("print.nocert", s.ID, s.Name, s.Reason))
			}
			b, err := printjob.Certificates(env.ds, env.res, co)
			if err != nil {
				return err
			}
			if err := writeOut(lang, stdout, d, certificatesFile, b); err != nil {
				return err
			}
			fmt.Fprintln(stdout, lang.T("print.certificates.summary", len(list)))
			return listCertificates(lang, stdout, env.opts.Source, list, reg, record, env.res.Today)
		},
	}
	certs.Flags().IntVar(&year, "year", 0, lang.T("flag.print.year"))
	certs.Flags().StringVar(&prefix, "prefix", "ZZIA", lang.T("flag.print.prefix"))
	certs.Flags().StringSliceVar(&only, "only", nil, lang.T("flag.print.only"))
	certs.Flags().BoolVar(&record, "record", false, lang.T("flag.print.record"))
	common(certs, lang.T("flag.print.out"))

	form := &cobra.Command{
		Use:   "form",
		Short: lang.T("print.form.short"),
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			env, err := resolve()
			if err != nil {
				return err
			}
			file := out
			if file == "" {
				file = filepath.Join(env.opts.Source, defaultInternalDir, formFile)
			}
			if err := private(lang, file, env.opts); err != nil {
				return err
			}
			fo, l := printjob.LoadFormOptions(env.p.Config)
			printDiagnostics(lang, stderr, l.Errors())
			b, err := printjob.ApplicationForm(fo)
			if err != nil {
				return err
			}
			return writeOut(lang, stdout, filepath.Dir(file), filepath.Base(file), b)
		},
	}
	common(form, lang.T("flag.print.formout"))
	return c
}

// siteFolders are the folders of a site that Hugo reads as sources or
// publishes from (with the output directory): no internal file may be
// written into them.
var siteFolders = []string{"static", "content", "assets", "layouts", "data", "i18n", "archetypes", "themes", "public"}

// private refuses an output path inside the site's sources or output: the
// public output (--dest, public/), or a folder whose files the next build
// publishes or reads (static/, content/, assets/, layouts/, data/, i18n/ …).
// Symbolic links are followed, so a link into static/ is refused too.
func private(lang msg.Lang, path string, opts pipeline.Options) error {
	p := resolve(path)
	dirs := []string{opts.Dest}
	for _, d := range siteFolders {
		dirs = append(dirs, filepath.Join(opts.Source, d))
	}
	for _, d := range dirs {
		if inside(p, resolve(d)) {
			return usageError{errors.New(lang.T("print.public", path, d))}
		}
	}
	return nil
}

// resolve returns path absolute, with the symbolic links of its longest
// existing ancestor resolved.
func resolve(path string) string {
	p, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	rest := ""
	for dir := p; ; dir = filepath.Dir(dir) {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		}
		if filepath.Dir(dir) == dir {
			return p
		}
		rest = filepath.Join(filepath.Base(dir), rest)
	}
}

// writeOut writes data to dir/name whole or not at all, readable by its
// owner only (the secretariat's documents hold contact details), and says
// so.
func writeOut(lang msg.Lang, stdout io.Writer, dir, name string, data []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	p := filepath.Join(dir, name)
	if err := atomicfile.Write(p, data, 0o600); err != nil {
		return err
	}
	fmt.Fprintln(stdout, lang.T("report.wrote", p))
	return nil
}

// parseLabelLayout reads the label flags into lo: grid "2x7", size
// "99.1x38.1", margins "TOP,LEFT", gap "X,Y" (millimetres) and copies
// "副会长单位=3,理事单位=2".
func parseLabelLayout(lang msg.Lang, lo *printjob.LabelOptions, grid, size, margins, gap, copies string) error {
	pair := func(s, sep, what string) (float64, float64, error) {
		a, b, ok := strings.Cut(strings.ReplaceAll(strings.ToLower(s), "×", "x"), sep)
		x, err1 := strconv.ParseFloat(strings.TrimSpace(a), 64)
		y, err2 := strconv.ParseFloat(strings.TrimSpace(b), 64)
		if !ok || err1 != nil || err2 != nil {
			return 0, 0, errors.New(lang.T("print.badpair", what, s))
		}
		return x, y, nil
	}
	cols, rows, err := pair(grid, "x", "--labels")
	if err != nil {
		return err
	}
	if cols != float64(int(cols)) || rows != float64(int(rows)) {
		return errors.New(lang.T("print.badpair", "--labels", grid))
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
			return errors.New(lang.T("print.badcopies", kv, strings.Join(member.Levels.Values(), "、")))
		}
		lo.Copies[k] = n
	}
	return nil
}
