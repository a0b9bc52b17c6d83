// Package secretariat makes the secretariat's internal outputs of a loaded
// site: the print jobs (roster, labels, certificates with their register,
// application form), the member and fee reports, and the 会员通信联络表
// out and in (press print, report, export and import). The member data are
// the site's, loaded once and checked; every output goes into a folder the
// site neither publishes nor reads (secretariat/ by default), written whole
// and readable by its owner only. printjob and report make the documents;
// fees keeps the accounts, certreg the certificate register and
// membersheet the spreadsheets in and out.
package secretariat

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/rules"
)

// InternalDir is where the secretariat's internal outputs (roster, labels,
// certificates, reports, exports) go unless the command is told otherwise:
// beside the site's sources, never inside its output.
const InternalDir = "secretariat"

// siteFolders are the folders of a site that Hugo reads as sources or
// publishes from, and its output (public/): no internal file may be
// written into them.
var siteFolders = []string{"static", "content", "assets", "layouts", "data", "i18n", "archetypes", "themes", "public"}

// UsageError is an error in what a command asked for (a flag's value, an
// output inside the site, an unknown member or activity) rather than in
// the site: the command line reports it as a usage error.
type UsageError struct{ Err error }

// Error returns the error's message.
func (e *UsageError) Error() string { return e.Err.Error() }

// Unwrap returns the underlying error.
func (e *UsageError) Unwrap() error { return e.Err }

// usage returns a *UsageError with the message key of the site's
// language and its arguments.
func (d *Desk) usage(key string, args ...any) error {
	return &UsageError{errorf(d.Lang, key, args...)}
}

// errorf returns the message key in language lang, with its arguments, as
// an error.
func errorf(lang msg.Lang, key string, args ...any) error {
	return errors.New(lang.T(key, args...))
}

// Desk is the secretariat's work on a loaded site: its folder,
// configuration, today, language and member data.
type Desk struct {
	*pipeline.Site
}

// Output is what a secretariat command did: the warnings found on the way
// (the configuration's, the member data's), for the command to print before
// anything else, and the files it wrote, in order. The methods never
// return a nil Output: one that fails returns what it found and wrote
// until then.
type Output struct {
	// Warnings are the problems that did not stop the command.
	Warnings diag.List
	// Wrote are the files written.
	Wrote []string
}

// Private refuses an output path inside the site's sources or output: the
// public output (public/), or a folder whose files the next build publishes
// or reads (static/, content/, assets/, layouts/, data/, i18n/ …). Symbolic
// links are followed, so a link into static/ is refused too. The error is
// a *UsageError.
func (d *Desk) Private(path string) error {
	r := resolve(path)
	for _, name := range siteFolders {
		if dir := filepath.Join(d.Dir, name); inside(r, resolve(dir)) {
			return d.usage("print.public", path, dir)
		}
	}
	return nil
}

// OutDir returns the folder of a secretariat output: out, or the site's
// InternalDir when out is empty. A folder that would be published is
// refused (see Private), before any work.
func (d *Desk) OutDir(out string) (string, error) {
	if out == "" {
		out = filepath.Join(d.Dir, InternalDir)
	}
	return out, d.Private(out)
}

// job is a secretariat output under way: its folder, the member data and
// the rules' result.
type job struct {
	dir string
	ds  *member.Dataset
	res *rules.Result
}

// start begins a secretariat output into the folder out (see OutDir): the
// folder is checked first, so that a wrong one fails before any work, then
// the member data are loaded (see memberData).
func (d *Desk) start(o *Output, out string) (*job, error) {
	dir, err := d.OutDir(out)
	if err != nil {
		return nil, err
	}
	ds, res, err := d.memberData(o)
	if err != nil {
		return nil, err
	}
	return &job{dir, ds, res}, nil
}

// memberData returns the member data and the rules' result for a
// secretariat output, adding the data's warnings to o: errors in the data
// fail, as a *pipeline.Error, and so does a site without members.
func (d *Desk) memberData(o *Output) (*member.Dataset, *rules.Result, error) {
	ds, res, l := d.Members()
	o.Warnings = append(o.Warnings, l.Warnings()...)
	if l.HasErrors() {
		return nil, nil, &pipeline.Error{Diagnostics: l.Errors()}
	}
	if len(ds.Members) == 0 {
		return nil, nil, errorf(d.Lang, "report.nomembers", filepath.Join(d.Dir, "data", "members"))
	}
	return ds, res, nil
}

// writePrivate writes an internal file whole or not at all, readable by its
// owner only (the secretariat's documents hold contact details), creating
// its folder, and adds it to o.
func writePrivate(o *Output, path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := atomicfile.Write(path, b, 0o600); err != nil {
		return err
	}
	o.Wrote = append(o.Wrote, path)
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

// inside reports whether path is dir or inside it; both are absolute.
func inside(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && filepath.IsLocal(rel)
}
