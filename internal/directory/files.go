package directory

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

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
	s := &Site{}
	var wg sync.WaitGroup // the directory beside the calendar: both only read
	wg.Go(func() { s.Directory = BuildDirectory(ds, res) })
	s.Calendar = BuildCalendar(ds, res)
	s.Chronicle = BuildChronicle(ds, res)
	wg.Wait()
	return s
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

// ActivityParams are an activity's page parameters: its id, its data file
// (source: the page's last change is that file's, as its calendar entry's
// LAST-MODIFIED is; layouts/_partials/last-updated.html) and, for a held
// activity, who came (null otherwise). A member's page has no source: its
// file holds the secretariat's records too (fees, notes), and when they
// last changed is not for the public site.
type ActivityParams struct {
	Activity   string      `json:"activity"`
	Source     string      `json:"source"`
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
		Params:      ActivityParams{Activity: a.ID, Source: a.Source, Attendance: a.Attendance}}
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
// activity's page its own part as page parameters. An Encoded, when not
// nil, gives the JSON of every page, entry, list and shard equal to one it
// encoded before, and keeps this call's; the bytes are the same as without
// it.
func (s *Site) AssetFiles(enc *Encoded) ([]File, error) {
	if enc == nil {
		enc = &Encoded{}
	}
	next := enc.next()
	// Each activity's page and each member's page and entry, taken from
	// enc or encoded, side by side.
	acts := s.Calendar.Activities
	d := s.Directory
	listed := d.listed()
	actPages := make([]encodedActivity, len(acts))
	mems := make([]encodedMember, len(d.Members))
	errs := make([]error, len(acts)+len(d.Members))
	parallel.Each(len(errs), func(i int) {
		if i < len(acts) {
			actPages[i], errs[i] = enc.activity(activityPage(acts[i]))
			return
		}
		j := i - len(acts)
		mems[j], errs[i] = enc.member(d.Members[j], listed[j])
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	actShards := make([][][]byte, ActivityShards)
	for _, x := range actPages {
		id := x.p.Params.Activity
		next.activities[id] = x
		n := Shard(id, ActivityShards)
		actShards[n] = append(actShards[n], x.data)
	}
	entryShards := make([][][]byte, EntryShards)
	var entries [][]byte
	for j, x := range mems {
		next.members[x.m.ID] = x
		n := Shard(x.m.ID, EntryShards)
		entryShards[n] = append(entryShards[n], x.page)
		if listed[j] {
			entries = append(entries, x.entry)
		}
	}
	page, err := d.page(entries)
	if err != nil {
		return nil, err
	}
	var vs []namedValue
	for i, items := range actShards {
		name := fmt.Sprintf("press/activities/%02d.json", i)
		vs = append(vs, namedValue{name, next.array(enc, name, items)})
	}
	vs = append(vs, namedValue{"press/directory.json", page})
	for i, items := range entryShards {
		name := fmt.Sprintf("press/entries/%02d.json", i)
		vs = append(vs, namedValue{name, next.array(enc, name, items)})
	}
	var groups []namedValue
	for _, c := range append([]Classification{d.Levels}, d.Classifications...) {
		for _, g := range c.Groups {
			name := "press/groups/" + c.Slug + "/" + g.Slug + ".json"
			x, ok := enc.groups[name]
			if !ok || !slices.Equal(x.members, g.Members) {
				ms := g.Members
				if ms == nil {
					ms = []Summary{}
				}
				b, err := marshal(ms)
				if err != nil {
					return nil, err
				}
				x = encodedList{members: g.Members, data: b}
			}
			next.groups[name] = x
			groups = append(groups, namedValue{name, x.data})
		}
	}
	sort.Slice(groups, func(i, j int) bool { return groups[i].name < groups[j].name })
	files, err := marshalAll(append(vs, groups...))
	if err != nil {
		return nil, err
	}
	*enc = *next
	return files, nil
}

// Encoded is the JSON of the pages, entries, lists and shards that
// AssetFiles encoded last, with the values it encoded, so that the next
// call encodes again only what is not equal (reflect.DeepEqual) and puts
// together again only the shards one of whose pages changed: a member's
// edit in the preview changes a few of thousands, and encoding them all
// was most of the derive stage's JSON. The zero value is empty.
type Encoded struct {
	members    map[string]encodedMember   // by id
	activities map[string]encodedActivity // by id
	groups     map[string]encodedList     // by file name
	arrays     map[string]encodedArray    // the shards, by file name
}

// encodedMember is a member's entry with its page's JSON and, once
// press/directory.json has listed it, its own.
type encodedMember struct {
	m           Member
	page, entry []byte
}

// encodedActivity is an activity's page with its JSON.
type encodedActivity struct {
	p    AdapterPage[ActivityParams]
	data []byte
}

// encodedList is a group's members with their list's file.
type encodedList struct {
	members []Summary
	data    encoded
}

// encodedArray is a shard's file with the items it was made of.
type encodedArray struct {
	items [][]byte
	data  encoded
}

// next is an empty Encoded to fill with what a call encodes.
func (e *Encoded) next() *Encoded {
	return &Encoded{members: make(map[string]encodedMember, len(e.members)),
		activities: make(map[string]encodedActivity, len(e.activities)),
		groups:     make(map[string]encodedList, len(e.groups)),
		arrays:     make(map[string]encodedArray, len(e.arrays))}
}

// member is m's page as JSON, and its entry when entry is set, taken from
// e when m is equal to the member it encoded. It only reads e.
func (e *Encoded) member(m Member, entry bool) (encodedMember, error) {
	x, ok := e.members[m.ID]
	if !ok || !reflect.DeepEqual(x.m, m) {
		x = encodedMember{m: m}
	}
	var err error
	if x.page == nil {
		if x.page, err = json.Marshal(memberPage(m)); err != nil {
			return x, err
		}
	}
	if entry && x.entry == nil {
		x.entry, err = json.Marshal(m)
	}
	return x, err
}

// activity is the page p with its JSON, taken from e when p is equal to
// the page it encoded. It only reads e.
func (e *Encoded) activity(p AdapterPage[ActivityParams]) (encodedActivity, error) {
	if x, ok := e.activities[p.Params.Activity]; ok && reflect.DeepEqual(x.p, p) {
		return x, nil
	}
	b, err := json.Marshal(p)
	return encodedActivity{p: p, data: b}, err
}

// array is the file name, the JSON array of the items (encoded already),
// taken from prev when it was made of the very same items (a shard none of
// whose pages changed).
func (e *Encoded) array(prev *Encoded, name string, items [][]byte) encoded {
	if x, ok := prev.arrays[name]; ok && len(x.items) == len(items) {
		same := true
		for i, it := range items {
			if &it[0] != &x.items[i][0] {
				same = false
				break
			}
		}
		if same {
			e.arrays[name] = x
			return x.data
		}
	}
	x := encodedArray{items: items, data: arrayFile(items)}
	e.arrays[name] = x
	return x.data
}

// arrayFile is the file of a JSON array of the items, encoded already, as
// an Encoder writes it: [] when there are none, and a new line.
func arrayFile(items [][]byte) encoded {
	return append(appendArray(make([]byte, 0, arraySize(items)+1), items), '\n')
}

// appendArray appends to b the JSON array of the items, encoded already.
func appendArray(b []byte, items [][]byte) []byte {
	b = append(b, '[')
	for i, it := range items {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, it...)
	}
	return append(b, ']')
}

// arraySize is the length of the JSON array of the items.
func arraySize(items [][]byte) int {
	n := 2 + len(items)
	for _, it := range items {
		n += len(it)
	}
	return n
}

// listed says, for each of d's members, whether press/directory.json
// lists it: every member, or when the directory is paged the first
// Preview of each level.
func (d *Directory) listed() []bool {
	out := make([]bool, len(d.Members))
	shown := map[string]int{}
	for i, m := range d.Members {
		if d.Paged {
			if shown[m.Level.Value] >= d.Preview {
				continue
			}
			shown[m.Level.Value]++
		}
		out[i] = true
	}
	return out
}

// page is press/directory.json, what the directory's own page (/members/)
// shows: the counts and classifications (directorySummary), the members it
// lists (listed), whose entries are given encoded, in order, and the
// number of entry shards.
func (d *Directory) page(entries [][]byte) (encoded, error) {
	sum, err := json.Marshal(d.summary())
	if err != nil {
		return nil, err
	}
	b := append(make([]byte, 0, len(sum)+arraySize(entries)+64), sum[:len(sum)-1]...)
	b = appendArray(append(b, `,"members":`...), entries)
	return fmt.Appendf(b, `,"entry_shards":%d}`+"\n", EntryShards), nil
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

// encoded is a file's bytes put together from values encoded already:
// marshal takes them as they are.
type encoded []byte

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
	if b, ok := v.(encoded); ok {
		return b, nil
	}
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
