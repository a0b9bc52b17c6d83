package member

import (
	"crypto/sha256"
	"errors"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/parallel"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/goccy/go-yaml/ast"

	"github.com/zzia/press/internal/diag"
)

// Paths of the data inside a site directory.
const (
	MembersDir    = "data/members"
	PeopleDir     = "data/people"
	ActivitiesDir = "data/activities"
	ApprovalsFile = "data/approvals.yaml"
	ChronicleFile = "data/chronicle.yaml"
	// CertificatesFile is the register of issued certificates and plaques
	// (package certreg reads it).
	CertificatesFile = "data/certificates.yaml"
)

// Private are the site paths that hold private details (contacts, notes,
// fees, attendance): press reads them itself and no template may see them.
var Private = []string{MembersDir, PeopleDir, ActivitiesDir, ApprovalsFile, CertificatesFile}

// Load reads and checks the member, people, approval, activity and
// chronicle data of the site directory dir as of today (a day in
// Asia/Shanghai). It returns the dataset and every problem found, errors
// and warnings; when the list has errors the dataset is incomplete and must
// not be published. Missing data folders are not an error (a site without
// members). Symbolic links under data/ that lead outside the site are
// refused. Diagnostics are in language lang.
func Load(lang msg.Lang, dir string, today time.Time) (*Dataset, diag.List) {
	return LoadCached(lang, dir, today, nil)
}

// LoadCached is Load keeping what it parsed in c (when not nil) for the
// next call: a file whose bytes did not change is not parsed again, while
// the checks and the rules over the whole data run again. The preview
// keeps one cache between edits.
func LoadCached(lang msg.Lang, dir string, today time.Time, c *ParseCache) (*Dataset, diag.List) {
	// The links first: under Trust, a Recheck holds until loadFS ends.
	more := c.checkedLinks(lang, dir)
	ds, l := loadFS(lang, os.DirFS(dir), today, c)
	if len(more) > 0 {
		l = append(l, more...)
		l.Sort()
	}
	return ds, l
}

// LoadFS is Load on a file system rooted at the site directory.
func LoadFS(lang msg.Lang, fsys fs.FS, today time.Time) (*Dataset, diag.List) {
	return loadFS(lang, fsys, today, nil)
}

func loadFS(lang msg.Lang, fsys fs.FS, today time.Time, cache *ParseCache) (*Dataset, diag.List) {
	defer cache.sweep()
	var diags diag.List
	memberFiles := cache.listing(fsys, MembersDir, &diags)
	peopleFiles := cache.listing(fsys, PeopleDir, &diags)
	activityFiles := cache.listing(fsys, ActivitiesDir, &diags)
	members := make([]*Member, len(memberFiles))
	people := make([]*Person, len(peopleFiles))
	activities := make([]*Activity, len(activityFiles))
	found := make([]diag.List, len(memberFiles)+len(peopleFiles)+len(activityFiles))
	sums := make([][sha256.Size]byte, len(found))
	// Files are parsed in parallel; results keep the files' order.
	parallel.Each(len(found), func(i int) {
		var name string
		var parse func([]byte) diag.List
		switch {
		case i < len(memberFiles):
			name = memberFiles[i]
			parse = func(src []byte) (ds diag.List) {
				members[i], ds = parseCached(lang, name, src, sums[i], cache, decodeMember)
				return
			}
		case i < len(memberFiles)+len(peopleFiles):
			j := i - len(memberFiles)
			name = peopleFiles[j]
			parse = func(src []byte) (ds diag.List) {
				people[j], ds = parseCached(lang, name, src, sums[i], cache, decodePerson)
				return
			}
		default:
			j := i - len(memberFiles) - len(peopleFiles)
			name = activityFiles[j]
			parse = func(src []byte) (ds diag.List) {
				activities[j], ds = parseCached(lang, name, src, sums[i], cache, decodeActivity)
				return
			}
		}
		if src, sum, ok := readFile(fsys, name, cache, &found[i]); ok {
			sums[i] = sum
			found[i] = append(found[i], parse(src)...)
		}
	})
	// Each file's digest, and the files that gave no record: their ids
	// are the files' names.
	gave := func(i int) bool {
		switch {
		case i < len(members):
			return members[i] != nil
		case i < len(members)+len(people):
			return people[i-len(members)] != nil
		}
		return activities[i-len(members)-len(people)] != nil
	}
	files := make(Digests, len(found)+2)
	var unread []string
	unreadUnit := false
	for i, name := range slices.Concat(memberFiles, peopleFiles, activityFiles) {
		files[name] = sums[i]
		if !gave(i) {
			unread = append(unread, strings.TrimSuffix(path.Base(name), path.Ext(name)))
			unreadUnit = unreadUnit || i < len(members)
		}
	}
	for _, ds := range found {
		diags = append(diags, ds...)
	}
	members = slices.DeleteFunc(members, func(m *Member) bool { return m == nil })
	people = slices.DeleteFunc(people, func(p *Person) bool { return p == nil })
	activities = slices.DeleteFunc(activities, func(a *Activity) bool { return a == nil })
	var chronicle []Milestone
	if src, ok := readOptional(fsys, ChronicleFile, &diags); ok {
		files[ChronicleFile] = sha256.Sum256(src)
		var ds diag.List
		chronicle, ds = ParseChronicle(lang, ChronicleFile, src)
		diags = append(diags, ds...)
	}
	var approvals []*Approval
	if src, ok := readOptional(fsys, ApprovalsFile, &diags); ok {
		files[ApprovalsFile] = sha256.Sum256(src)
		var ds diag.List
		approvals, ds = ParseApprovals(lang, ApprovalsFile, src)
		diags = append(diags, ds...)
	}
	ds, more := Assemble(lang, Sources{Members: members, People: people, Approvals: approvals,
		Activities: activities, Chronicle: chronicle, Unread: unread, UnreadUnit: unreadUnit}, today)
	ds.Files = files
	diags = append(diags, more...)
	diags.Sort()
	return ds, diags
}

// Digests are SHA-256 sums of data files, by name (slash-separated,
// relative to the site).
type Digests map[string][sha256.Size]byte

// Changed lists, sorted, the files of d that prev has not, or with other
// bytes, and those of prev that d has not.
func (d Digests) Changed(prev Digests) []string {
	var out []string
	for name, sum := range d {
		if old, ok := prev[name]; !ok || old != sum {
			out = append(out, name)
		}
	}
	for name := range prev {
		if _, ok := d[name]; !ok {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// readOptional reads a file that may be missing.
func readOptional(fsys fs.FS, name string, diags *diag.List) ([]byte, bool) {
	src, err := fs.ReadFile(fsys, name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false
	}
	if err != nil {
		*diags = append(*diags, diag.Diagnostic{File: name, Message: err.Error()})
		return nil, false
	}
	return src, true
}

// checkLinks refuses symbolic links under dir/data that lead outside dir:
// a link would publish or read a file the site does not hold.
func checkLinks(lang msg.Lang, dir string) diag.List {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil
	}
	root, _ = filepath.Abs(root)
	var l diag.List
	filepath.WalkDir(filepath.Join(dir, "data"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.Type()&fs.ModeSymlink == 0 {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		target, err := filepath.EvalSymlinks(p)
		if err == nil {
			target, _ = filepath.Abs(target)
			if r, err := filepath.Rel(root, target); err == nil && r != ".." && !strings.HasPrefix(r, "../") {
				return nil
			}
		} else {
			target, _ = os.Readlink(p)
		}
		l = append(l, diag.Diagnostic{File: rel, Message: text(lang, MsgSymlinkOutside, rel, target), Hint: text(lang, HintSymlink)})
		return nil
	})
	return l
}

// yamlFiles lists the .yaml and .yml files directly in dir, sorted.
func yamlFiles(fsys fs.FS, dir string, diags *diag.List) []string {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			*diags = append(*diags, diag.Diagnostic{File: dir, Message: err.Error()})
		}
		return nil
	}
	var names []string
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && yamlName(n) {
			names = append(names, path.Join(dir, n))
		}
	}
	sort.Strings(names)
	return names
}

// yamlName reports whether a file named base is one of the data's: a
// .yaml or .yml file, not hidden.
func yamlName(base string) bool {
	ext := path.Ext(base)
	return !strings.HasPrefix(base, ".") && (ext == ".yaml" || ext == ".yml")
}

// readFile reads the file name through cache (which may be nil), with
// the SHA-256 sum of its bytes,
// reporting a failure as a diagnostic.
func readFile(fsys fs.FS, name string, cache *ParseCache, diags *diag.List) ([]byte, [sha256.Size]byte, bool) {
	src, sum, err := cache.read(fsys, name)
	if err != nil {
		*diags = append(*diags, diag.Diagnostic{File: name, Message: err.Error()})
		return nil, sum, false
	}
	return src, sum, true
}

var memberSchema = &schema{
	fields: []string{"id", "name", "short_name", "level", "unit_type", "region", "industry",
		"joined", "website", "logo", "logo_public", "listed", "intro", "representatives", "contact", "fees", "fees_recorded_since", "notes", "assessments"},
	required: []string{"id", "name", "level", "region", "industry", "joined", "listed", "representatives"},
	labels: map[string]string{
		"id": "标识", "name": "名称", "level": "会员级别", "unit_type": "单位类型", "region": "区域",
		"industry": "行业", "joined": "入会日期", "listed": "是否公开", "representatives": "会员单位代表",
	},
}

var representativeSchema = &schema{
	fields:   []string{"person", "name", "role", "title", "post", "since", "post_since", "left"},
	required: []string{"role"},
	labels:   map[string]string{"role": "主代表/副代表", "person": "人员标识"},
	moved:    map[string]Msg{"contact": MsgMovedToPerson, "left_city": MsgMovedToPerson},
}

var contactSchema = &schema{
	fields: []string{"phone", "mobile", "fax", "email", "address"},
}

var assessmentSchema = &schema{
	fields:   []string{"date", "kind", "note"},
	required: []string{"date", "kind", "note"},
	labels:   map[string]string{"date": "日期", "kind": "类别", "note": "记录"},
}

var feeSchema = &schema{
	fields:   []string{"year", "amount", "paid", "method", "receipt", "invoice", "note"},
	required: []string{"year"},
	labels:   map[string]string{"year": "年度"},
}

// ParseMember reads one member unit's file. name is the file's path
// relative to the site (data/members/<id>.yaml); it is used in diagnostics
// and to check that the id matches the file name. The member is nil only
// when the file could not be read as a mapping at all. People it names
// are resolved by Assemble.
func ParseMember(lang msg.Lang, name string, src []byte) (*Member, diag.List) {
	return parseCached(lang, name, src, [sha256.Size]byte{}, nil, decodeMember)
}

// clone is a copy of m, as decoded from its file, that Assemble can change
// without changing m: the representatives (which it links) are copied and
// belong to the copy, and so are the lists of fees and assessments.
func (m *Member) clone() *Member {
	c := *m
	if m.Representatives != nil {
		c.Representatives = make([]*Representative, len(m.Representatives))
		for i, r := range m.Representatives {
			rc := *r
			if r.Member == m {
				rc.Member = &c
			}
			c.Representatives[i] = &rc
		}
	}
	c.Fees = slices.Clone(m.Fees)
	c.Assessments = slices.Clone(m.Assessments)
	return &c
}

// decodeMember decodes the member file name (bytes src).
func decodeMember(lang msg.Lang, name string, src []byte, c *ParseCache) (*Member, diag.List) {
	d := &decoder{file: name, lang: lang, cache: c}
	body := d.parse(src)
	if body == nil {
		return nil, d.diags
	}
	fs, ok := d.object(body, "member", Pos{File: name, Line: 1, Column: 1}, memberSchema)
	if !ok {
		return nil, d.diags
	}
	m := &Member{}
	m.ID, m.Pos = d.id(fs, name)
	m.Name = d.text(fs, "name")
	m.ShortName = d.optText(fs, "short_name")
	m.Level = d.choice(fs, "level", Levels)
	if m.Level == LevelIndividual {
		d.errorAt(d.pos(fs["level"].value), d.tr(HintMoveToPeople), MsgIndividualFile)
		return nil, d.diags
	}
	if f := fs["unit_type"]; f.value == nil {
		if m.Level != "" {
			d.errorAt(d.pos(body), "", MsgMissingField, "unit_type", "单位类型")
		}
	} else {
		m.UnitType = d.choice(fs, "unit_type", UnitTypes)
	}
	m.Region = d.choice(fs, "region", Regions)
	m.Industry = d.choice(fs, "industry", Industries)
	m.Joined, _ = d.date(fs, "joined")
	m.Website = d.url(fs, "website")
	if logo := d.optText(fs, "logo"); logo != "" {
		if !logoRe.MatchString(logo) || strings.Contains(logo, "..") {
			d.errorAt(d.pos(fs["logo"].value), "", MsgBadLogo, logo)
		} else {
			m.Logo = logo
		}
	}
	if f, has := fs["logo_public"]; has && f.value != nil {
		m.LogoPublic, _ = d.boolean(fs, "logo_public")
	}
	m.Listed, _ = d.boolean(fs, "listed")
	m.Intro = d.optText(fs, "intro")
	m.Notes = d.optText(fs, "notes")
	m.Contact = d.contact(fs)
	before := len(d.diags)
	for _, item := range d.list(fs, "representatives") {
		if r := d.representative(item); r != nil {
			r.Member = m
			m.Representatives = append(m.Representatives, r)
		}
	}
	d.checkRepresentatives(m, fs)
	m.badReps = len(d.diags) > before
	m.Fees = d.fees(fs, m.Level)
	m.FeesRecordedSince, _ = d.integer(fs, "fees_recorded_since", 1990, 2200)
	for _, item := range d.list(fs, "assessments") {
		afs, ok := d.object(item, "assessment", d.pos(item), assessmentSchema)
		if !ok {
			continue
		}
		a := Assessment{Kind: d.choice(afs, "kind", AssessmentKinds), Note: d.text(afs, "note")}
		a.Date, a.Pos = d.date(afs, "date")
		m.Assessments = append(m.Assessments, a)
	}
	sort.SliceStable(m.Assessments, func(i, j int) bool { return m.Assessments[i].Date.Before(m.Assessments[j].Date) })
	return m, d.diags
}

// id reads the id field and checks it against the file name.
func (d *decoder) id(fs map[string]field, name string) (string, Pos) {
	id := d.text(fs, "id")
	f := fs["id"]
	p := d.pos(f.value)
	if f.value == nil {
		p = Pos{File: name, Line: 1, Column: 1}
	}
	if id == "" {
		return "", p
	}
	if !slugRe.MatchString(id) {
		d.errorAt(p, d.tr(HintSlug, suggestSlug(id)), MsgBadSlug, id)
		return id, p
	}
	base := path.Base(name)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if stem != id {
		d.errorAt(p, d.tr(HintRename, id+path.Ext(base), stem), MsgIDNotFileName, id, base)
	}
	return id, p
}

func (d *decoder) contact(parent map[string]field) Contact {
	f, ok := parent["contact"]
	if !ok || f.value == nil {
		return Contact{}
	}
	fs, ok := d.object(f.value, "contact", f.keyPos, contactSchema)
	if !ok {
		return Contact{}
	}
	return Contact{
		Phone:   d.optText(fs, "phone"),
		Mobile:  d.optText(fs, "mobile"),
		Fax:     d.optText(fs, "fax"),
		Email:   d.email(fs, "email"),
		Address: d.optText(fs, "address"),
	}
}

func (d *decoder) representative(item ast.Node) *Representative {
	fs, ok := d.object(item, "representative", d.pos(item), representativeSchema)
	if !ok {
		return nil
	}
	r := &Representative{}
	r.Role = d.choice(fs, "role", Roles)
	r.PersonID = strings.TrimSpace(d.optText(fs, "person"))
	r.Name = strings.TrimSpace(d.optText(fs, "name"))
	switch {
	case fs["person"].value != nil:
		r.Pos = d.pos(fs["person"].value)
	case fs["name"].value != nil:
		r.Pos = d.pos(fs["name"].value)
	default:
		r.Pos = d.pos(item)
	}
	if r.PersonID == "" {
		hint := ""
		if r.Name != "" {
			hint = d.tr(HintRepPerson)
		}
		d.errorAt(r.Pos, hint, MsgRepNeedsPerson)
	}
	r.Title = d.optText(fs, "title")
	if f, has := fs["post"]; has && f.value != nil {
		r.Post = d.choice(fs, "post", HeldPosts)
		r.postPos = d.pos(f.value)
	}
	r.Since, r.sincePos = d.date(fs, "since")
	r.PostSince, r.postSincePos = d.date(fs, "post_since")
	if !r.PostSince.IsZero() && r.Post == "" && fs["post"].value == nil {
		d.errorAt(r.postSincePos, "", MsgPostSinceNoPost)
	}
	var leftPos Pos
	r.Left, leftPos = d.date(fs, "left")
	if !r.Left.IsZero() && !r.Since.IsZero() && r.Left.Before(r.Since) {
		d.errorAt(leftPos, "", MsgLeftBeforeSince, day(r.Left), day(r.Since))
	}
	return r
}

// checkRepresentatives checks what does not depend on the day: at least
// one representative, each person once. Article 6 (one current 主代表, at
// most one 副代表, posts that agree with the level) is checked as of the
// day by Assemble.
func (d *decoder) checkRepresentatives(m *Member, fs map[string]field) {
	f, ok := fs["representatives"]
	if !ok || f.value == nil {
		return
	}
	if len(m.Representatives) == 0 {
		if _, isSeq := f.value.(*ast.SequenceNode); isSeq {
			d.errorAt(f.keyPos, "", MsgNoRepresentative)
		}
		return
	}
	type key struct{ person, role string }
	seen := map[key]bool{}
	for _, r := range m.Representatives {
		if r.PersonID == "" {
			continue
		}
		// The same person may appear again in another role (a 副代表 who
		// became 主代表), not twice in one role at once.
		k := key{r.PersonID, r.Role}
		if seen[k] && r.Left.IsZero() {
			d.errorAt(r.Pos, "", MsgDuplicateRepName, r.PersonID)
		}
		seen[k] = true
	}
}

func (d *decoder) fees(parent map[string]field, level string) []Fee {
	var out []Fee
	seen := map[int]bool{}
	for _, item := range d.list(parent, "fees") {
		fs, ok := d.object(item, "fee", d.pos(item), feeSchema)
		if !ok {
			continue
		}
		fee := Fee{Pos: d.pos(fs["year"].value)}
		var okYear bool
		fee.Year, okYear = d.integer(fs, "year", 1990, 2200)
		fee.Amount, _ = d.integer(fs, "amount", 0, 10_000_000)
		fee.Paid, _ = d.date(fs, "paid")
		fee.Note = d.optText(fs, "note")
		if f, has := fs["method"]; has && f.value != nil {
			fee.Method = d.choice(fs, "method", PaymentMethods)
		}
		fee.Receipt = strings.TrimSpace(d.optText(fs, "receipt"))
		fee.Invoice = strings.TrimSpace(d.optText(fs, "invoice"))
		if f := fs["receipt"]; f.value != nil {
			fee.receiptPos = d.pos(f.value)
		}
		if f := fs["invoice"]; f.value != nil {
			fee.invoicePos = d.pos(f.value)
		}
		if fee.Paid.IsZero() {
			// A payment's details without its day: the fee would count as
			// unpaid while a receipt says otherwise.
			for _, k := range []string{"method", "receipt", "invoice"} {
				if f := fs[k]; f.value != nil {
					d.errorAt(d.pos(f.value), d.tr(HintPaidDay), MsgPaymentNoDay, k, fee.Year)
					break
				}
			}
		}
		if !okYear {
			continue
		}
		if seen[fee.Year] {
			d.errorAt(fee.Pos, "", MsgDuplicateFeeYear, fee.Year)
			continue
		}
		seen[fee.Year] = true
		if std, has := StandardFee[level]; has && fee.Amount != 0 && fee.Amount != std && fee.Note == "" {
			d.warnAt(d.pos(fs["amount"].value), d.tr(HintFeeStandard), MsgFeeAmount, fee.Amount, fee.Year, std, level)
		}
		out = append(out, fee)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}

// HasData reports whether the site in dir keeps member or activity data.
func HasData(dir string) bool {
	for _, d := range []string{"data/members", "data/people", "data/activities", "data/chronicle.yaml"} {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(d))); err == nil {
			return true
		}
	}
	return false
}
