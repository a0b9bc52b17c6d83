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
// data/press/ they are hugo.Data.press.members and so on. The bytes are the
// same for the same input.
func (s *Site) DataFiles() ([]File, error) {
	var out []File
	for _, f := range []struct {
		name string
		v    any
	}{
		{"activities.json", s.Calendar},
		{"chronicle.json", s.Chronicle},
		{"members.json", s.Directory},
	} {
		b, err := marshal(f.v)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Name: f.name, Data: b})
	}
	return out, nil
}

func marshal(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", " ")
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
