package printjob

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sheet"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/line"
)

// DefaultCopies is how many copies of the journal each level receives
// unless told otherwise: the leading units more, for their leaders and
// offices.
var DefaultCopies = map[string]int{
	member.LevelVicePresident: 3,
	member.LevelCouncil:       2,
	member.LevelOrdinary:      1,
	member.LevelIndividual:    1,
}

// The default label sheet: A4 with 2 × 7 labels of 99.1 × 38.1 mm (the
// common L7163 / 14-up layout), 2.5 mm between the columns, none between
// the rows, the grid centred on the page.
const (
	DefaultColumns     = 2
	DefaultRows        = 7
	DefaultLabelWidth  = 99.1
	DefaultLabelHeight = 38.1
	DefaultGapX        = 2.5
)

// LabelOptions lay out the label sheets and say who gets how many copies.
// Lengths are in millimetres.
type LabelOptions struct {
	Options
	// Columns × Rows labels per A4 sheet; zero: 2 × 7.
	Columns, Rows int
	// Width × Height of one label; zero: 99.1 × 38.1.
	Width, Height float64
	// Top and Left are the margins from the sheet's edges to the first
	// label; both zero: the grid is centred on the sheet.
	Top, Left float64
	// GapX and GapY are the space between columns and between rows. When
	// the columns, size and gaps are all left zero, the default sheet's
	// 2.5 mm between columns is used.
	GapX, GapY float64
	// Copies maps a level (副会长单位 …) to the copies each member of it
	// receives, one label per copy; a level not in the map gets
	// DefaultCopies; 0 sends none.
	Copies map[string]int
	// SkipSuspended leaves out suspended members too (by default only
	// withdrawn members are left out: a suspended member keeps its name of
	// member and is still sent the journal).
	SkipSuspended bool
	// Outline draws each label's outline in light grey, for a trial print
	// on plain paper.
	Outline bool
}

// withDefaults fills the zero fields.
func (o LabelOptions) withDefaults() LabelOptions {
	if o.Columns == 0 && o.Width == 0 && o.GapX == 0 && o.GapY == 0 {
		o.GapX = DefaultGapX
	}
	if o.Columns == 0 {
		o.Columns = DefaultColumns
	}
	if o.Rows == 0 {
		o.Rows = DefaultRows
	}
	if o.Width == 0 {
		o.Width = DefaultLabelWidth
	}
	if o.Height == 0 {
		o.Height = DefaultLabelHeight
	}
	if o.Top == 0 && o.Left == 0 {
		o.Left = (210 - float64(o.Columns)*o.Width - float64(o.Columns-1)*o.GapX) / 2
		o.Top = (297 - float64(o.Rows)*o.Height - float64(o.Rows-1)*o.GapY) / 2
	}
	return o
}

// Cell is one label's rectangle on the sheet, in millimetres from the
// sheet's top-left corner.
type Cell struct{ X, Y, W, H float64 }

// Cells returns the label rectangles of one sheet, row by row, or an error
// when the layout does not fit on A4.
func (o LabelOptions) Cells() ([]Cell, error) {
	o = o.withDefaults()
	switch {
	case o.Columns < 1 || o.Rows < 1:
		return nil, fmt.Errorf("label layout %d×%d: need at least one column and one row", o.Columns, o.Rows)
	case o.Width < 30 || o.Height < 15:
		return nil, fmt.Errorf("label size %g×%g mm: too small for an address (at least 30×15 mm)", o.Width, o.Height)
	case o.GapX < 0 || o.GapY < 0:
		return nil, fmt.Errorf("label layout: the gaps cannot be negative")
	}
	gridW := float64(o.Columns)*o.Width + float64(o.Columns-1)*o.GapX
	gridH := float64(o.Rows)*o.Height + float64(o.Rows-1)*o.GapY
	if o.Left < 0 || o.Top < 0 || o.Left+gridW > 210+1e-6 || o.Top+gridH > 297+1e-6 {
		return nil, fmt.Errorf("label layout %d×%d of %g×%g mm does not fit on A4 (210×297 mm): the labels with their gaps take %.1f×%.1f mm, from %.1f mm left and %.1f mm top",
			o.Columns, o.Rows, o.Width, o.Height, gridW, gridH, o.Left, o.Top)
	}
	var cells []Cell
	for r := 0; r < o.Rows; r++ {
		for c := 0; c < o.Columns; c++ {
			cells = append(cells, Cell{X: o.Left + float64(c)*(o.Width+o.GapX), Y: o.Top + float64(r)*(o.Height+o.GapY), W: o.Width, H: o.Height})
		}
	}
	return cells, nil
}

// Recipient is one addressee of the journal: a member unit (or individual
// member) at its address, with the copies it receives.
type Recipient struct {
	ID, Name, Level, Region string
	Postcode, Address       string // the postcode taken out of the address
	Person, Title           string // the current 主代表 and their job title
	Phone                   string // for the courier: the unit's phone, else a mobile
	Copies                  int
	Status                  rules.Status
}

// Addressee is the last line of the label: "张示一 总经理 收".
func (r Recipient) Addressee() string {
	s := r.Person
	if r.Title != "" && r.Person != r.Name {
		s += " " + r.Title
	}
	if s == "" {
		return "收"
	}
	return s + " 收"
}

// Skipped is a member left off the distribution list, and why.
type Skipped struct {
	ID, Name, Reason string
}

// Distribution returns who receives the journal, in the order of the labels
// (by level from the highest, then by region, then by id), and the members
// left out with the reason. Withdrawn members are left out, members without
// an address are left out and reported, a level with 0 copies is left out
// silently. The address is the member's contact address, else (an
// individual member) the 主代表's own.
func Distribution(ds *member.Dataset, res *rules.Result, opts LabelOptions) ([]Recipient, []Skipped) {
	res = opts.result(ds, res)
	opts = opts.withDefaults()
	day := opts.day(res)
	var out []Recipient
	var skipped []Skipped
	for _, m := range sortedMembers(ds) {
		s := res.Member(m.ID)
		status := rules.Active
		if s != nil {
			status = s.Status
		}
		if status == rules.Withdrawn {
			skipped = append(skipped, Skipped{m.ID, m.Name, "视同退会"})
			continue
		}
		if status == rules.Suspended && opts.SkipSuspended {
			skipped = append(skipped, Skipped{m.ID, m.Name, statusNames[status]})
			continue
		}
		copies, ok := opts.Copies[m.Level]
		if !ok {
			copies = DefaultCopies[m.Level]
		}
		if copies <= 0 {
			continue
		}
		rep := mainRep(m, day)
		addr, phone := m.Contact.Address, m.Contact.Phone
		if rep != nil {
			if addr == "" && m.Individual() {
				addr = rep.Contact.Address
			}
			if phone == "" {
				phone = firstOf(rep.Contact.Phone, rep.Contact.Mobile)
			}
		}
		if phone == "" {
			phone = m.Contact.Mobile
		}
		if strings.TrimSpace(addr) == "" {
			skipped = append(skipped, Skipped{m.ID, m.Name, "没有通信地址"})
			continue
		}
		code, rest := SplitPostcode(addr)
		r := Recipient{ID: m.ID, Name: m.Name, Level: m.Level, Region: m.Region, Postcode: code, Address: rest,
			Phone: phone, Copies: copies, Status: status}
		if rep != nil {
			r.Person, r.Title = rep.Name, rep.Title
		}
		out = append(out, r)
	}
	return out, skipped
}

func firstOf(vs ...string) string {
	for _, v := range vs {
		if v != "" {
			return v
		}
	}
	return ""
}

// sortedMembers returns the members by level (highest first), region (in
// the city's order) and id.
func sortedMembers(ds *member.Dataset) []*member.Member {
	ms := append([]*member.Member(nil), ds.Members...)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if la, lb := member.Levels.Index(a.Level), member.Levels.Index(b.Level); la != lb {
			return la < lb
		}
		if ra, rb := member.Regions.Index(a.Region), member.Regions.Index(b.Region); ra != rb {
			return ra < rb
		}
		return a.ID < b.ID
	})
	return ms
}

// LabelCSVHeader is the header row of the distribution list.
var LabelCSVHeader = []string{"序号", "会员标识", "单位名称", "会员级别", "区域", "邮政编码", "通信地址", "收件人", "职务", "联系电话", "份数", "会员状态"}

// Labels makes the mailing labels of the printed journal, as a PDF of A4
// label sheets (one label per copy, in the order of Distribution), and the
// distribution list as CSV (UTF-8 with BOM and CRLF, for spreadsheets): one
// row per addressee with its copy count, the same addressees as the labels,
// and a last row with the total. Members Distribution skips are in neither;
// call Distribution to report them.
func Labels(ds *member.Dataset, res *rules.Result, opts LabelOptions) (pdfBytes []byte, csvBytes []byte, err error) {
	res = opts.result(ds, res)
	opts = opts.withDefaults()
	cells, err := opts.Cells()
	if err != nil {
		return nil, nil, err
	}
	recips, _ := Distribution(ds, res, opts)
	if len(recips) == 0 {
		return nil, nil, fmt.Errorf("printjob: no member has an address to send the journal to")
	}
	c, err := newCanvas(opts.Fonts)
	if err != nil {
		return nil, nil, err
	}
	n := 0
	for _, r := range recips {
		for k := 1; k <= r.Copies; k++ {
			if n%len(cells) == 0 {
				c.NewPage(kit.A4W, kit.A4H)
				if opts.Outline {
					for _, cell := range cells {
						c.Frame(cell.X*kit.MM, cell.Y*kit.MM, cell.W*kit.MM, cell.H*kit.MM, 0.3, kit.Rule)
					}
				}
			}
			cell := cells[n%len(cells)]
			c.label(cell, r, k)
			n++
		}
	}
	day := opts.day(res)
	pdfBytes, err = c.write(Issuer+"会刊邮寄标签", fmt.Sprintf("%d 个收件单位，%d 份", len(recips), n), day)
	if err != nil {
		return nil, nil, err
	}
	return pdfBytes, distributionCSV(recips), nil
}

// distributionCSV writes the distribution list.
func distributionCSV(recips []Recipient) []byte {
	w := sheet.New(LabelCSVHeader)
	total := 0
	for i, r := range recips {
		total += r.Copies
		w.Row(strconv.Itoa(i+1), r.ID, r.Name, r.Level, r.Region, r.Postcode, r.Address,
			r.Person, r.Title, r.Phone, strconv.Itoa(r.Copies), statusNames[r.Status])
	}
	w.Row("合计", "", fmt.Sprintf("%d 个单位", len(recips)), "", "", "", "", "", "", "", strconv.Itoa(total), "")
	return w.Bytes()
}

// label sets one label: postcode, address (up to two lines), unit name and
// addressee, as a block centred vertically in the cell, with "第k/n份" in a
// corner when the unit receives several copies.
func (c *canvas) label(cell Cell, r Recipient, k int) {
	padX, padY := 5.0*kit.MM, 3.0*kit.MM
	if cell.W < 60 {
		padX = 3 * kit.MM
	}
	x, w := cell.X*kit.MM+padX, cell.W*kit.MM-2*padX
	top, h := cell.Y*kit.MM+padY, cell.H*kit.MM-2*padY
	if r.Copies > 1 {
		h -= 2.2 * kit.MM // room for the copy mark at the bottom
	}
	// Sizes shrink with small labels.
	scale := min(1, cell.H/38.1, cell.W/99.1*1.2)
	codeSt := song(12 * scale).Tracked(2.5 * scale).Led(1.3)
	addrSt := song(10.5 * scale).Led(1.35)
	nameSt := c.Fit(r.Name, w, hei(13*scale).Led(1.45), 7)
	toSt := c.Fit(r.Addressee(), w, song(12*scale).Led(1.45), 7)
	addr := c.Lines(r.Address, w, addrSt)
	if len(addr) > 2 {
		// A long address: smaller, still at most two lines where possible.
		for addrSt.Size > 7.5 && len(addr) > 2 {
			addrSt = addrSt.Sized(addrSt.Size - 0.5)
			addr = c.Lines(r.Address, w, addrSt)
		}
	}
	block := float64(len(addr))*addrSt.Lead() + nameSt.Lead() + toSt.Lead() + 1.2*kit.MM
	if r.Postcode != "" {
		block += codeSt.Lead()
	}
	y := top + max(0, (h-block)/2)
	if r.Postcode != "" {
		c.Line1(x, codeSt.Baseline(y), w, r.Postcode, codeSt)
		y += codeSt.Lead()
	}
	for i := range addr {
		c.Place(&addr[i], x, addrSt.Baseline(y), addrSt)
		y += addrSt.Lead()
	}
	y += 1.2 * kit.MM
	c.Line1(x, nameSt.Baseline(y), w, r.Name, nameSt)
	y += nameSt.Lead()
	c.Line1(x, toSt.Baseline(y), w, r.Addressee(), toSt.Aligned(line.Right))
	if r.Copies > 1 {
		mark := song(6.5 * scale).With(kit.Grey).Aligned(line.Right)
		c.Line1(x, cell.Y*kit.MM+cell.H*kit.MM-1.8*kit.MM, w, fmt.Sprintf("第%d/%d份", k, r.Copies), mark)
	}
}
