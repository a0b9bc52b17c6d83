package member

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/goccy/go-yaml/ast"

	"github.com/zzia/press/internal/diag"
)

// Paths of the data inside a site directory.
const (
	MembersDir    = "data/members"
	ActivitiesDir = "data/activities"
	ChronicleFile = "data/chronicle.yaml"
)

// Load reads and checks the member, activity and chronicle data of the site
// directory dir. It returns the dataset and every problem found, errors and
// warnings; when the list has errors the dataset is incomplete and must not
// be published. Missing data folders are not an error (a site without
// members).
func Load(dir string) (*Dataset, diag.List) {
	return LoadFS(os.DirFS(dir))
}

// LoadFS is Load on a file system rooted at the site directory.
func LoadFS(fsys fs.FS) (*Dataset, diag.List) {
	var diags diag.List
	memberFiles := yamlFiles(fsys, MembersDir, &diags)
	activityFiles := yamlFiles(fsys, ActivitiesDir, &diags)
	members := make([]*Member, len(memberFiles))
	activities := make([]*Activity, len(activityFiles))
	found := make([]diag.List, len(memberFiles)+len(activityFiles))
	// Files are parsed in parallel; results keep the files' order.
	parallel(len(found), func(i int) {
		if i < len(memberFiles) {
			name := memberFiles[i]
			if src, ok := readFile(fsys, name, &found[i]); ok {
				var ds diag.List
				members[i], ds = ParseMember(name, src)
				found[i] = append(found[i], ds...)
			}
			return
		}
		j := i - len(memberFiles)
		name := activityFiles[j]
		if src, ok := readFile(fsys, name, &found[i]); ok {
			var ds diag.List
			activities[j], ds = ParseActivity(name, src)
			found[i] = append(found[i], ds...)
		}
	})
	for _, ds := range found {
		diags = append(diags, ds...)
	}
	members = slices.DeleteFunc(members, func(m *Member) bool { return m == nil })
	activities = slices.DeleteFunc(activities, func(a *Activity) bool { return a == nil })
	var chronicle []Milestone
	if src, err := fs.ReadFile(fsys, ChronicleFile); err == nil {
		var ds diag.List
		chronicle, ds = ParseChronicle(ChronicleFile, src)
		diags = append(diags, ds...)
	} else if !errors.Is(err, fs.ErrNotExist) {
		diags = append(diags, diag.Diagnostic{File: ChronicleFile, Message: err.Error()})
	}
	ds, more := Assemble(members, activities, chronicle)
	diags = append(diags, more...)
	diags.Sort()
	return ds, diags
}

// parallel calls f(0) … f(n-1) on GOMAXPROCS goroutines.
func parallel(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
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
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, ".") {
			continue
		}
		if ext := path.Ext(n); ext == ".yaml" || ext == ".yml" {
			names = append(names, path.Join(dir, n))
		}
	}
	sort.Strings(names)
	return names
}

func readFile(fsys fs.FS, name string, diags *diag.List) ([]byte, bool) {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		*diags = append(*diags, diag.Diagnostic{File: name, Message: err.Error()})
		return nil, false
	}
	return src, true
}

var memberSchema = &schema{
	fields: []string{"id", "name", "short_name", "level", "unit_type", "region", "industry",
		"joined", "website", "logo", "listed", "intro", "representatives", "contact", "fees", "notes"},
	required: []string{"id", "name", "level", "region", "industry", "joined", "listed", "representatives"},
	labels: map[string]string{
		"id": "标识", "name": "名称", "level": "会员级别", "unit_type": "单位类型", "region": "区域",
		"industry": "行业", "joined": "入会日期", "listed": "是否公开", "representatives": "会员单位代表",
	},
}

var representativeSchema = &schema{
	fields:   []string{"role", "name", "title", "post", "since", "post_since", "left", "left_city", "contact"},
	required: []string{"role", "name"},
	labels:   map[string]string{"role": "主代表/副代表", "name": "姓名"},
}

var contactSchema = &schema{
	fields: []string{"phone", "mobile", "fax", "email", "address"},
}

var feeSchema = &schema{
	fields:   []string{"year", "amount", "paid", "note"},
	required: []string{"year"},
	labels:   map[string]string{"year": "年度"},
}

// ParseMember reads one member file. name is the file's path relative to
// the site (data/members/<id>.yaml); it is used in diagnostics and to check
// that the id matches the file name. The member is nil only when the file
// could not be read as a mapping at all.
func ParseMember(name string, src []byte) (*Member, diag.List) {
	d := &decoder{file: name}
	body := d.parse(src)
	if body == nil {
		return nil, d.diags
	}
	start := Pos{File: name, Line: 1, Column: 1}
	fs, ok := d.object(body, "member", start, memberSchema)
	if !ok {
		return nil, d.diags
	}
	m := &Member{}
	m.ID, m.Pos = d.id(fs, name)
	m.Name = d.text(fs, "name")
	m.ShortName = d.optText(fs, "short_name")
	m.Level = d.choice(fs, "level", Levels)
	if _, has := fs["unit_type"]; has || m.Level != LevelIndividual {
		if f := fs["unit_type"]; !has || f.value == nil {
			if m.Level != LevelIndividual && m.Level != "" {
				d.errorAt(d.pos(body), "", MsgMissingField, "unit_type", "单位类型")
			}
		} else {
			m.UnitType = d.choice(fs, "unit_type", UnitTypes)
		}
	}
	if m.Level == LevelIndividual && m.UnitType == "" {
		m.UnitType = "个人"
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
	m.Listed, _ = d.boolean(fs, "listed")
	m.Intro = d.optText(fs, "intro")
	m.Notes = d.optText(fs, "notes")
	m.Contact = d.contact(fs)
	for _, item := range d.list(fs, "representatives") {
		if r := d.representative(item, fs["representatives"].keyPos); r != nil {
			m.Representatives = append(m.Representatives, r)
		}
	}
	d.checkRepresentatives(m, fs)
	m.Fees = d.fees(fs, m)
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
		d.errorAt(p, Text(HintSlug, suggestSlug(id)), MsgBadSlug, id)
		return id, p
	}
	base := path.Base(name)
	stem := strings.TrimSuffix(base, path.Ext(base))
	if stem != id {
		d.errorAt(p, Text(HintRename, id+path.Ext(base), stem), MsgIDNotFileName, id, base)
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

func (d *decoder) representative(item ast.Node, where Pos) *Representative {
	fs, ok := d.object(item, "representative", d.pos(item), representativeSchema)
	if !ok {
		return nil
	}
	r := &Representative{}
	r.Role = d.choice(fs, "role", Roles)
	r.Name = strings.TrimSpace(d.text(fs, "name"))
	r.Pos = d.pos(fs["name"].value)
	if fs["name"].value == nil {
		r.Pos = d.pos(item)
	}
	r.Title = d.optText(fs, "title")
	if f, has := fs["post"]; has && f.value != nil {
		r.Post = d.choice(fs, "post", HeldPosts)
	}
	r.Since, _ = d.date(fs, "since")
	r.PostSince, _ = d.date(fs, "post_since")
	var leftPos Pos
	r.Left, leftPos = d.date(fs, "left")
	r.LeftCity, _ = d.boolean(fs, "left_city")
	if r.LeftCity && r.Left.IsZero() && fs["left"].value == nil {
		d.errorAt(fs["left_city"].keyPos, "", MsgLeftCityNoLeft)
	}
	if !r.Left.IsZero() && !r.Since.IsZero() && r.Left.Before(r.Since) {
		d.errorAt(leftPos, "", MsgLeftBeforeSince, day(r.Left), day(r.Since))
	}
	r.Contact = d.contact(fs)
	return r
}

// checkRepresentatives applies Article 6: one or two current
// representatives, one 主代表 and at most one 副代表; an individual member
// is one person and holds no post of 理事 or above.
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
	if m.Individual() {
		if len(m.Representatives) != 1 {
			d.errorAt(m.Representatives[1].Pos, "", MsgIndividualReps, len(m.Representatives))
		}
		for _, r := range m.Representatives {
			if r.Post != "" && r.Post != PostDeputySecGen {
				d.errorAt(r.Pos, "", MsgIndividualPost, r.Post)
			}
		}
	}
	names := map[string]bool{}
	current := map[string]bool{}
	n := 0
	for _, r := range m.Representatives {
		if r.Name != "" {
			if names[r.Name] {
				d.errorAt(r.Pos, "", MsgDuplicateRepName, r.Name)
			}
			names[r.Name] = true
		}
		if !r.Left.IsZero() || r.Role == "" {
			continue
		}
		n++
		if current[r.Role] {
			d.errorAt(r.Pos, "", MsgDuplicateRole, r.Role)
		}
		current[r.Role] = true
	}
	if n > 2 {
		d.errorAt(f.keyPos, "", MsgTooManyReps, n)
	}
}

func (d *decoder) fees(parent map[string]field, m *Member) []Fee {
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
		if !okYear {
			continue
		}
		if seen[fee.Year] {
			d.errorAt(fee.Pos, "", MsgDuplicateFeeYear, fee.Year)
			continue
		}
		seen[fee.Year] = true
		if std, has := StandardFee[m.Level]; has && fee.Amount != 0 && fee.Amount != std && fee.Note == "" {
			d.warnAt(d.pos(fs["amount"].value), Text(HintFeeStandard), MsgFeeAmount, fee.Amount, fee.Year, std, m.Level)
		}
		out = append(out, fee)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Year < out[j].Year })
	return out
}
