package printjob

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/goccy/go-yaml"

	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/publication/catalog"
	"github.com/zzia/press/internal/siteconfig"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/line"
)

// FormOptions are what the application form prints besides its fields:
// the fee standard, the fee account and where to hand the form in. It holds
// no member data: the form is public.
type FormOptions struct {
	// Fonts maps font roles to .ttf paths (see package fonts).
	Fonts map[string]string
	// Fees are the annual fees by level, highest first; empty: the
	// association's standard (副会长单位 30000, 理事单位 10000, 普通会员单位
	// 2000 元/年).
	Fees []LevelFee
	// Account is the fee account; empty fields are left out.
	Account Account
	// Office, Address, Postcode, Phone and Email are where the form is
	// handed in (the site's [params.contact]); empty fields are left out.
	Office, Address, Postcode, Phone, Email string
}

// LevelFee is the annual fee of one level.
type LevelFee struct {
	Level  string // 副会长单位 …
	Amount int    // yuan a year
}

// Account is the association's bank account for the fees.
type Account struct {
	Bank, Number, Name string
}

// StandardFees are the fees of the secretariat's 会费标准.
var StandardFees = []LevelFee{
	{member.LevelVicePresident, 30000},
	{member.LevelCouncil, 10000},
	{member.LevelOrdinary, 2000},
}

// LoadFormOptions reads what the form prints from a site's configuration
// c and its data folder: the contact details and fonts ([params.contact],
// [params.publications.fonts]) and the fee standard and account of
// data/fees.yaml. Missing parts take the defaults; a fees file that cannot
// be read is a warning (the form then prints the standard fees).
func LoadFormOptions(c *siteconfig.Config) (FormOptions, diag.List) {
	siteDir := filepath.Dir(c.Path)
	cfg, l := catalog.ReadConfig(c)
	opts := FormOptions{
		Fonts:  cfg.Fonts,
		Office: cfg.Contact.Office, Address: cfg.Contact.Address, Postcode: cfg.Contact.Postcode,
		Phone: cfg.Contact.Phone, Email: cfg.Contact.Email,
	}
	const name = "data/fees.yaml"
	raw, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(name)))
	if err != nil {
		if !os.IsNotExist(err) {
			l = append(l, diag.Diagnostic{File: name, Severity: diag.Warning, Message: err.Error(), Hint: "the application form prints the standard fees"})
		}
		return opts, l
	}
	var f struct {
		Levels []struct {
			Level  string `yaml:"level"`
			Amount int    `yaml:"amount"`
		} `yaml:"levels"`
		Account struct {
			Bank   string `yaml:"bank"`
			Number string `yaml:"number"`
			Name   string `yaml:"name"`
		} `yaml:"account"`
	}
	if err := yaml.Unmarshal(raw, &f); err != nil {
		return opts, append(l, diag.Diagnostic{File: name, Severity: diag.Warning, Message: err.Error(), Hint: "the application form prints the standard fees"})
	}
	for _, lv := range f.Levels {
		if member.Levels.Has(lv.Level) && lv.Amount > 0 {
			opts.Fees = append(opts.Fees, LevelFee{lv.Level, lv.Amount})
		}
	}
	opts.Account = Account{Bank: f.Account.Bank, Number: f.Account.Number, Name: f.Account.Name}
	return opts, l
}

// Page frame of the form, in points.
const (
	formLeft  = 18 * kit.MM
	formRight = kit.A4W - 18*kit.MM
	formLblW  = 26 * kit.MM // the label column
)

// FormFields are the labels of the form's fields, in order (a label set on
// two lines is two entries): what a test or a reader finds on it.
var FormFields = []string{
	"单位名称", "单位类型", "所在区域", "所属行业", "通信地址", "邮政编码", "单位电话", "传真", "单位网站", "电子信箱",
	"申请级别", "单位代表", "主代表", "副代表", "姓名", "职务", "固定电话", "手机", "单位简介", "随附材料", "申请单位", "声明",
	"主代表签字", "单位盖章", "秘书处", "审核意见", "理事会", "批准意见", "填表日期",
}

// ApplicationForm makes the membership application form (入会申请表) as
// the association asks for it: the unit, its type, region, industry,
// address, telephone, fax, website and e-mail; the level applied for (with
// its fee); the main and the deputy representative (name, job title,
// telephone, mobile, e-mail: the contacts 第四条 asks to register); an
// introduction; the documents to attach (工商营业执照等相关证件); the
// declaration that the unit accepts the 章程, with signature, seal and date;
// the secretariat's and the council's decisions; and the procedure, fee
// standard and account in small print. One A4 page of ruled boxes large
// enough to fill in by hand. It carries no date: the same options give the
// same bytes on any day.
func ApplicationForm(opts FormOptions) ([]byte, error) {
	c, err := newCanvas(opts.Fonts)
	if err != nil {
		return nil, err
	}
	fees := opts.Fees
	if len(fees) == 0 {
		fees = StandardFees
	}
	c.NewPage(kit.A4W, kit.A4H)
	f := &formWriter{c: c}
	w := formRight - formLeft

	c.Line1(formLeft, 15*kit.MM, w, "编号：＿＿＿＿＿＿（秘书处填写）", song(9).With(kit.Grey).Aligned(line.Right))
	c.Line1(formLeft, 27*kit.MM, w, Issuer+"入会申请表", hei(20).Aligned(line.Center).Tracked(2))
	c.Line1(formLeft, 36*kit.MM, w, "填表日期：　　　　年　　月　　日", song(10.5).Aligned(line.Right))

	c.Hold()
	f.top = 39 * kit.MM
	f.y = f.top
	half := (w - 2*formLblW) / 2
	f.row(11*kit.MM, cell{label: "单位名称", w: w - formLblW})
	f.row(11*kit.MM, cell{label: "单位类型", w: w - formLblW, boxes: member.UnitTypes.Values()[:6]})
	f.row(11*kit.MM, cell{label: "所在区域", w: half, hint: "区、县（市）或开发区"}, cell{label: "所属行业", w: half})
	f.row(11*kit.MM, cell{label: "通信地址", w: w - 2*formLblW - 30*kit.MM}, cell{label: "邮政编码", w: 30 * kit.MM})
	f.row(11*kit.MM, cell{label: "单位电话", w: half}, cell{label: "传真", w: half})
	f.row(11*kit.MM, cell{label: "单位网站", w: half}, cell{label: "电子信箱", w: half})
	var levels []string
	for _, fee := range fees {
		levels = append(levels, fmt.Sprintf("%s（%s元/年）", fee.Level, thousands(fee.Amount)))
	}
	f.row(12*kit.MM, cell{label: "申请级别", w: w - formLblW, boxes: levels, note: "入会单位可自行选择，勾选一项"})
	f.reps(w)
	f.row(28*kit.MM, cell{label: "单位简介", w: w - formLblW, hint: "主营业务、规模、信息化建设与应用情况等（篇幅不够可另附页）"})
	f.row(14*kit.MM, cell{label: "随附材料", w: w - formLblW, boxes: []string{"工商营业执照（或法人登记证书）复印件，加盖公章", "其他相关证件：＿＿＿＿＿＿＿＿＿＿"}, stack: true})
	f.declaration(w)
	f.row(24*kit.MM, cell{label: "秘书处\n审核意见", w: half, sign: "审核人："}, cell{label: "理事会\n批准意见", w: half, sign: "签字（盖章）："})
	f.close()

	// The procedure, the fees and where to send the form, in small print.
	small := song(7.8).With(kit.Grey).Led(1.5)
	var fl []string
	for _, fee := range fees {
		fl = append(fl, fmt.Sprintf("%s%s元/年", fee.Level, thousands(fee.Amount)))
	}
	notes := []string{
		"入会程序：凡承认本协会《章程》、有加入本协会的意愿、积极参与本协会活动、自觉缴纳会费的单位，均可申请成为本协会单位团体会员。申请单位填报本表，提供工商营业执照等相关证件，经本协会秘书处审核，报协会理事会议（或授权）批准，即成为本协会团体会员；缴纳会费后由本会颁发相应的团体会员、理事、副会长单位证书及牌匾。",
		"会费标准：" + strings.Join(fl, "；") + "。" + accountLine(opts.Account),
	}
	if s := sendTo(opts); s != "" {
		notes = append(notes, s)
	}
	y := f.y + 2.5*kit.MM
	for _, n := range notes {
		y = c.Para(formLeft, y, w, n, small, 0)
	}
	if y > kit.A4H-8*kit.MM {
		return nil, fmt.Errorf("printjob: the application form's notes run off the page (%.0f mm); shorten the contact details", y/kit.MM)
	}
	return c.write(Issuer+"入会申请表", "入会申请表", time.Time{})
}

// thousands writes n with commas between thousands: 30,000.
func thousands(n int) string {
	s := fmt.Sprint(n)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteRune(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func accountLine(a Account) string {
	parts := filled("开户银行", a.Bank, "户名", a.Name, "账号", a.Number)
	if len(parts) == 0 {
		return ""
	}
	return "会费账户：" + strings.Join(parts, "，") + "。"
}

// filled returns label+value for each label and value given in turn whose
// value is not empty, in order.
func filled(labelValue ...string) []string {
	var out []string
	for i := 0; i+1 < len(labelValue); i += 2 {
		if labelValue[i+1] != "" {
			out = append(out, labelValue[i]+labelValue[i+1])
		}
	}
	return out
}

func sendTo(o FormOptions) string {
	office := o.Office
	if office == "" {
		office = Issuer + "秘书处"
	}
	parts := filled("地址：", o.Address, "邮编：", o.Postcode, "电话：", o.Phone, "电子信箱：", o.Email)
	s := "本表填妥并加盖公章后，连同证件复印件送交" + office
	if len(parts) > 0 {
		s += "（" + strings.Join(parts, "；") + "）"
	}
	return s + "。本表可复印使用。"
}

// formWriter draws the form's table row by row.
type formWriter struct {
	c      *canvas
	top, y float64
}

// cell is one labelled field of a row: a label cell of formLblW and a
// value cell of w, empty for writing in, or with check boxes.
type cell struct {
	label string
	w     float64
	hint  string   // small grey text at the top of the value cell
	boxes []string // check boxes in the value cell
	stack bool     // boxes one under the other
	note  string   // small grey text after the boxes
	sign  string   // the value cell ends with "<sign>　年　月　日"
}

var (
	lblSt  = hei(10.5)
	hintSt = song(7.5).With(kit.Rule)
	optSt  = song(9.5)
)

// row draws a row of height h: its cells' labels, shaded, and values, and
// the rules between them.
func (f *formWriter) row(h float64, cells ...cell) {
	c := f.c
	x := formLeft
	for _, ce := range cells {
		c.Rect(x, f.y, formLblW, h, shade)
		f.label(x, f.y, formLblW, h, ce.label)
		c.VLine(x+formLblW, f.y, f.y+h, 0.5, kit.Ink)
		vx := x + formLblW
		if ce.hint != "" {
			c.Line1(vx+1.5*kit.MM, f.y+3.2*kit.MM, ce.w-3*kit.MM, ce.hint, hintSt)
		}
		switch {
		case len(ce.boxes) > 0 && ce.stack:
			lead := (h - 2*kit.MM) / float64(len(ce.boxes))
			for i, b := range ce.boxes {
				base := f.y + 1*kit.MM + lead*float64(i) + lead/2 + optSt.Size*0.36
				f.option(vx+3*kit.MM, base, b)
			}
		case len(ce.boxes) > 0:
			base := f.y + h/2 + optSt.Size*0.36
			if ce.note != "" {
				base -= 1.6 * kit.MM
			}
			// The options spread evenly over the cell, by their widths.
			total := 0.0
			for _, b := range ce.boxes {
				total += f.optionWidth(b)
			}
			gap := (ce.w - 6*kit.MM - total) / float64(max(1, len(ce.boxes)-1))
			ox := vx + 3*kit.MM
			for _, b := range ce.boxes {
				f.option(ox, base, b)
				ox += f.optionWidth(b) + gap
			}
			if ce.note != "" {
				c.Line1(vx+3*kit.MM, f.y+h-1.6*kit.MM, ce.w-6*kit.MM, ce.note, hintSt)
			}
		}
		if ce.sign != "" {
			st := song(10)
			c.Line1(vx+3*kit.MM, f.y+h-3*kit.MM, ce.w-6*kit.MM, ce.sign, st)
			c.Line1(vx, f.y+h-3*kit.MM, ce.w-3*kit.MM, "年　　月　　日", st.Aligned(line.Right))
		}
		x = vx + ce.w
		if x < formRight-1 {
			c.VLine(x, f.y, f.y+h, 0.5, kit.Ink)
		}
	}
	f.y += h
	c.HLine(formLeft, formRight, f.y, 0.5, kit.Ink)
}

// label sets a field's label centred in its cell; "\n" breaks it.
func (f *formWriter) label(x, y, w, h float64, text string) {
	ls := strings.Split(text, "\n")
	st := lblSt.Led(1.3)
	top := y + (h-float64(len(ls))*st.Lead())/2
	for i, l := range ls {
		f.c.Line1(x, st.Baseline(top+float64(i)*st.Lead()), w, l, st.Aligned(line.Center))
	}
}

// optionWidth is the width of a check box with its text.
func (f *formWriter) optionWidth(text string) float64 {
	return 3.4*kit.MM + 1.2*kit.MM + f.c.Width(text, optSt)
}

// option is a check box and its text on baseline y.
func (f *formWriter) option(x, y float64, text string) {
	s := 3.4 * kit.MM
	f.c.Checkbox(x, y, s, kit.Ink)
	f.c.Line1(x+s+1.2*kit.MM, y, 1e6, text, optSt)
}

// reps draws the representatives' block: a label cell over three rows, a
// header row and one row each for the main and the deputy representative.
func (f *formWriter) reps(w float64) {
	c := f.c
	cols := []struct {
		name string
		w    float64
	}{{"", 16 * kit.MM}, {"姓名", 22 * kit.MM}, {"职务", 26 * kit.MM}, {"固定电话", 26 * kit.MM}, {"手机", 26 * kit.MM}, {"电子信箱", 0}}
	rest := w - formLblW
	for _, col := range cols[:len(cols)-1] {
		rest -= col.w
	}
	cols[len(cols)-1].w = rest
	head, row := 8*kit.MM, 11*kit.MM
	h := head + 2*row
	c.Rect(formLeft, f.y, formLblW, h, shade)
	f.label(formLeft, f.y, formLblW, h, "单位代表")
	x0 := formLeft + formLblW
	c.Rect(x0, f.y, w-formLblW, head, shade)
	c.VLine(x0, f.y, f.y+h, 0.5, kit.Ink)
	x := x0
	st := hei(9.5)
	for i, col := range cols {
		c.Line1(x, f.y+head/2+st.Size*0.36, col.w, col.name, st.Aligned(line.Center))
		if i > 0 {
			c.VLine(x, f.y, f.y+h, 0.5, kit.Ink)
		}
		x += col.w
	}
	c.HLine(x0, formRight, f.y+head, 0.5, kit.Ink)
	for i, role := range []string{member.RoleMain, member.RoleDeputy} {
		y := f.y + head + float64(i)*row
		c.Rect(x0, y, cols[0].w, row, shade)
		c.Line1(x0, y+row/2+lblSt.Size*0.36, cols[0].w, role, lblSt.Sized(10).Aligned(line.Center))
		if i == 0 {
			c.HLine(x0, formRight, y+row, 0.5, kit.Ink)
		}
	}
	f.y += h
	c.HLine(formLeft, formRight, f.y, 0.5, kit.Ink)
}

// declaration draws the applicant's declaration with the signature, seal
// and date.
func (f *formWriter) declaration(w float64) {
	c := f.c
	x := formLeft + formLblW + 4*kit.MM
	tw := w - formLblW - 8*kit.MM
	text := "本单位承认《" + Issuer + "章程》，自愿申请加入" + Issuer + "，愿意积极参与本协会活动，自觉按规定缴纳会费，遵守本会章程和各项规定，执行本会的决议，维护本会合法权益；未经正式授权，不以协会名义进行任何活动。本表所填内容及所附证件真实、准确。"
	st := song(10.5).Led(1.6)
	// The text, then room to sign and seal, then the date.
	h := 2.5*kit.MM + c.ParaHeight(tw, text, st, 2*st.Size) + 17*kit.MM
	c.Rect(formLeft, f.y, formLblW, h, shade)
	f.label(formLeft, f.y, formLblW, h, "申请单位\n声明")
	c.VLine(formLeft+formLblW, f.y, f.y+h, 0.5, kit.Ink)
	c.Para(x, f.y+2.5*kit.MM, tw, text, st, 2*st.Size)
	sign := song(10.5)
	base := f.y + h - 4*kit.MM
	c.Line1(x, base-7*kit.MM, tw, "主代表签字：", sign)
	c.Line1(x+tw*0.52, base-7*kit.MM, tw*0.48, "单位盖章：", sign)
	c.Line1(x, base, tw, "年　　月　　日", sign.Aligned(line.Right))
	f.y += h
	c.HLine(formLeft, formRight, f.y, 0.5, kit.Ink)
}

// close draws the table's outer frame, heavier than its inner rules, and
// then every rule of the table over the shaded label cells.
func (f *formWriter) close() {
	f.c.Frame(formLeft, f.top, formRight-formLeft, f.y-f.top, 1.2, kit.Ink)
	f.c.Flush()
}
