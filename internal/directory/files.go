package directory

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"strings"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/parallel"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sheet"
)

// Site is everything the public site shows of the data.
type Site struct {
	Directory *Directory
	Calendar  *Calendar
	Chronicle *Chronicle
}

// Build projects the dataset and the rules' result onto the public site.
func Build(ds *member.Dataset, res *rules.Result) *Site {
	return &Site{
		Directory: BuildDirectory(ds, res),
		Calendar:  BuildCalendar(ds, res),
		Chronicle: BuildChronicle(ds, res),
	}
}

// File is a generated file: a name relative to the folder it goes in, and
// its bytes.
type File struct {
	Name string
	Data []byte
}

// DataFiles returns the JSON files for the site's data folder, in name
// order: activities.json, chronicle.json and members.json. Mounted under
// data/press/ they are hugo.Data.press.members and so on. They hold what
// changes seldom: the activities without their attendance, and the
// directory's counts and classifications without its members, because Hugo
// renders every page that reads hugo.Data again when any data file changes.
// What one member's file changes is in AssetFiles. The bytes are the same
// for the same input.
func (s *Site) DataFiles() ([]File, error) {
	cal := *s.Calendar
	cal.Activities = make([]Activity, len(s.Calendar.Activities))
	for i, a := range s.Calendar.Activities {
		a.Attendance = nil
		cal.Activities[i] = a
	}
	return marshalAll([]namedValue{
		{"activities.json", &cal},
		{"chronicle.json", s.Chronicle},
		{"members.json", s.Directory.summary()},
	})
}

// The assets that one member's edit changes are cut into shards, so that
// an edit changes a few small files and Hugo decodes only those again (the
// whole directory of 5,000 members and the attendance of 2,000 activities
// were 16 MB of JSON, decoded again after every edit): a member's page is
// in press/entries/NN.json, an activity's in press/activities/NN.json, NN
// being Shard of its id.
const (
	// EntryShards is the number of files of members' pages.
	EntryShards = 16
	// ActivityShards is the number of files of activities' pages.
	ActivityShards = 64
)

// Shard is the shard of the id among n: FNV-1a (32 bits) of its bytes
// modulo n, which a template computes as mod (hash.FNV32a id) n.
func Shard(id string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(id))
	return int(h.Sum32() % uint32(n))
}

// AdapterPage is a page as a content adapter adds it ($.AddPage): the
// shards of members' and activities' pages hold them whole, so that the
// adapter hands each one on as it is decoded. (Made by the template with
// dict and printf, they took most of the adapters' time, and the adapters
// run again after every member's edit.)
type AdapterPage[P any] struct {
	Kind        string `json:"kind"`
	Path        string `json:"path"`
	Title       string `json:"title"`
	LinkTitle   string `json:"linkTitle,omitempty"`
	Description string `json:"description"`
	Params      P      `json:"params"`
}

// MemberParams are a member's page parameters: its id and its entry.
type MemberParams struct {
	Member string `json:"member"`
	Entry  Member `json:"entry"`
}

// ActivityParams are an activity's page parameters: its id and, for a held
// activity, who came (null otherwise).
type ActivityParams struct {
	Activity   string      `json:"activity"`
	Attendance *Attendance `json:"attendance"`
}

// memberPage is m's page in the directory (/members/<slug>/).
func memberPage(m Member) AdapterPage[MemberParams] {
	link := m.ShortName
	if link == "" {
		link = m.Name
	}
	return AdapterPage[MemberParams]{Kind: "page", Path: m.Slug, Title: m.Name, LinkTitle: link,
		Description: fmt.Sprintf("%s：%s，%s，%s。", m.Name, m.Level.Value, m.Region.Value, m.Industry.Value),
		Params:      MemberParams{Member: m.ID, Entry: m}}
}

// activityPage is a's page (/activities/<slug>/).
func activityPage(a Activity) AdapterPage[ActivityParams] {
	cancelled := ""
	if a.Status == member.StatusCancelled {
		cancelled = "（已取消）"
	}
	return AdapterPage[ActivityParams]{Kind: "page", Path: a.Slug, Title: a.Title,
		Description: fmt.Sprintf("%s｜%s｜%s%s", a.Kind.Value, a.When, a.Location, cancelled),
		Params:      ActivityParams{Activity: a.ID, Attendance: a.Attendance}}
}

// AssetFiles returns the JSON files for the site's assets, in name order:
//
//	press/activities/NN.json          the activities' pages (AdapterPage), with their attending units
//	press/directory.json              what /members/ shows: counts, classifications and the members it lists
//	press/entries/NN.json             the members' pages (AdapterPage), with their entries, in the directory's order
//	press/groups/<class>/<value>.json the summaries of a value's members, in the directory's order
//
// Every shard and every value (count 0 included) has its file. Templates
// read them with resources.Get, so that Hugo renders again only the pages
// that read them: the content adapters give each member's, value's and
// activity's page its own part as page parameters.
func (s *Site) AssetFiles() ([]File, error) {
	var vs []namedValue
	acts := make([][]AdapterPage[ActivityParams], ActivityShards)
	for i := range acts {
		acts[i] = []AdapterPage[ActivityParams]{}
	}
	for _, a := range s.Calendar.Activities {
		n := Shard(a.ID, ActivityShards)
		acts[n] = append(acts[n], activityPage(a))
	}
	for i, a := range acts {
		vs = append(vs, namedValue{fmt.Sprintf("press/activities/%02d.json", i), a})
	}
	d := s.Directory
	vs = append(vs, namedValue{"press/directory.json", d.page()})
	entries := make([][]AdapterPage[MemberParams], EntryShards)
	for i := range entries {
		entries[i] = []AdapterPage[MemberParams]{}
	}
	for _, m := range d.Members {
		n := Shard(m.ID, EntryShards)
		entries[n] = append(entries[n], memberPage(m))
	}
	for i, e := range entries {
		vs = append(vs, namedValue{fmt.Sprintf("press/entries/%02d.json", i), e})
	}
	var groups []namedValue
	for _, c := range append([]Classification{d.Levels}, d.Classifications...) {
		for _, g := range c.Groups {
			ms := g.Members
			if ms == nil {
				ms = []Summary{}
			}
			groups = append(groups, namedValue{"press/groups/" + c.Slug + "/" + g.Slug + ".json", ms})
		}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].name < groups[j].name })
	return marshalAll(append(vs, groups...))
}

// directoryPage is what the directory's own page (/members/) shows: the
// counts and classifications, and the members it lists: all of them, or
// when the directory is paged the first Preview of each level.
type directoryPage struct {
	directorySummary
	Members     []Member `json:"members"`
	EntryShards int      `json:"entry_shards"`
}

// page is d as its own page shows it (directoryPage).
func (d *Directory) page() *directoryPage {
	p := &directoryPage{directorySummary: *d.summary(), Members: d.Members, EntryShards: EntryShards}
	if d.Paged {
		p.Members = []Member{}
		shown := map[string]int{}
		for _, m := range d.Members {
			if shown[m.Level.Value] < d.Preview {
				shown[m.Level.Value]++
				p.Members = append(p.Members, m)
			}
		}
	}
	return p
}

// directorySummary is the directory without its members: the data file
// hugo.Data.press.members.
type directorySummary struct {
	Today           string                  `json:"today"`
	Total           int                     `json:"total"`
	Paged           bool                    `json:"paged"`
	PageSize        int                     `json:"page_size"`
	Preview         int                     `json:"preview"`
	Levels          classificationSummary   `json:"levels"`
	Classifications []classificationSummary `json:"classifications"`
}

// classificationSummary is a Classification without its groups' members.
type classificationSummary struct {
	Key    string         `json:"key"`
	Label  string         `json:"label"`
	Slug   string         `json:"slug"`
	Max    int            `json:"max"`
	Groups []groupSummary `json:"groups"`
}

// groupSummary is a Group without its members.
type groupSummary struct {
	Value   string `json:"value"`
	Slug    string `json:"slug"`
	Count   int    `json:"count"`
	Percent int    `json:"percent"`
	Pages   int    `json:"pages"`
}

// summary is d without its members: counts and classifications.
func (d *Directory) summary() *directorySummary {
	strip := func(c Classification) classificationSummary {
		cs := classificationSummary{Key: c.Key, Label: c.Label, Slug: c.Slug, Max: c.Max, Groups: make([]groupSummary, len(c.Groups))}
		for i, g := range c.Groups {
			cs.Groups[i] = groupSummary{Value: g.Value, Slug: g.Slug, Count: g.Count, Percent: g.Percent, Pages: g.Pages}
		}
		return cs
	}
	sum := &directorySummary{Today: d.Today, Total: d.Total, Paged: d.Paged, PageSize: d.PageSize, Preview: d.Preview,
		Levels: strip(d.Levels), Classifications: make([]classificationSummary, len(d.Classifications))}
	for i, c := range d.Classifications {
		sum.Classifications[i] = strip(c)
	}
	return sum
}

type namedValue struct {
	name string
	v    any
}

// marshalAll encodes each value as the file of its name, in order, the
// files side by side (the shards of a large directory are many).
func marshalAll(vs []namedValue) ([]File, error) {
	out := make([]File, len(vs))
	errs := make([]error, len(vs))
	parallel.Each(len(vs), func(i int) {
		out[i].Name = vs[i].name
		out[i].Data, errs[i] = marshal(vs[i].v)
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// marshal is v as compact JSON: the files are read by templates, not by
// people, and the directory's asset is large (indenting it took a tenth of
// the preview's derive stage after a member's edit, 5,000 members).
func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// CSVHeader is the header row of the public directory CSV.
var CSVHeader = []string{"标识", "名称", "简称", "会员级别", "单位类型", "区域", "行业", "会内职务", "入会日期", "网站"}

// CSV returns the public directory as CSV: UTF-8 with a byte order mark
// and CRLF line ends, so spreadsheet programs read the Chinese text; one row
// per member of the directory, in its order. Cells that a spreadsheet would
// take for a formula are prefixed with an apostrophe.
func (d *Directory) CSV() []byte {
	w := sheet.New(CSVHeader)
	for _, m := range d.Members {
		posts := make([]string, len(m.Posts))
		for i, p := range m.Posts {
			posts[i] = p.Value
		}
		w.Row(m.ID, m.Name, m.ShortName, m.Level.Value, m.UnitType.Value, m.Region.Value,
			m.Industry.Value, strings.Join(posts, "、"), m.Joined, m.Website)
	}
	return w.Bytes()
}
