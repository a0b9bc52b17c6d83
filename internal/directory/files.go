package directory

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/zzia/press/internal/member"
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

// AssetFiles returns the JSON files for the site's assets, in name order:
// press/attendance.json (each held activity's attending units, by activity
// id) and press/directory.json (the whole directory, its members included).
// Templates read them with resources.Get, so that Hugo renders again only
// the pages that read them: the content adapters give each member's and
// each activity's page its own part as page parameters.
func (s *Site) AssetFiles() ([]File, error) {
	att := map[string]*Attendance{}
	for _, a := range s.Calendar.Activities {
		if a.Attendance != nil {
			att[a.ID] = a.Attendance
		}
	}
	return marshalAll([]namedValue{
		{"press/attendance.json", att},
		{"press/directory.json", s.Directory},
	})
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

func marshalAll(vs []namedValue) ([]File, error) {
	var out []File
	for _, f := range vs {
		b, err := marshal(f.v)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: f.name, Data: b})
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
