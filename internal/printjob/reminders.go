package printjob

import (
	"fmt"
	"strings"

	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/line"
)

// Reminder is one unit's fee reminder (会费缴纳通知).
type Reminder struct {
	Name    string // the unit
	Level   string
	Contact string // the addressee: the main representative's name and job title
	Address string
	Owed    []OwedFee
	Total   int
}

// OwedFee is one unpaid year in a reminder.
type OwedFee struct {
	Year, Amount int // Amount 0: not known (printed as 按标准)
}

// ReminderOptions are what the reminders print besides the units': the
// fee standard, the account and the secretariat's contact (FormOptions),
// and the day (Options.Today) they are dated.
type ReminderOptions struct {
	Options
	FormOptions
}

// Reminders makes the fee reminders: one A4 page per unit, addressed to
// it, listing the unpaid years and amounts with the total, the fee
// standard (会费标准) and the association's bank account from the seed
// (data/fees.yaml), and the secretariat's contact, dated Today under the
// issuer's name, where the seal is set.
func Reminders(rs []Reminder, opts ReminderOptions) ([]byte, error) {
	if len(rs) == 0 {
		return nil, fmt.Errorf("printjob: no reminder to print")
	}
	if opts.FormOptions.Fonts == nil {
		opts.FormOptions.Fonts = opts.Options.Fonts
	}
	c, err := newCanvas(opts.FormOptions.Fonts)
	if err != nil {
		return nil, err
	}
	day := opts.day(nil)
	fees := opts.Fees
	if len(fees) == 0 {
		fees = StandardFees
	}
	for _, r := range rs {
		c.reminder(r, opts, fees)
	}
	return c.write(Issuer+"会费缴纳通知", fmt.Sprintf("会费缴纳通知 %d 份", len(rs)), day)
}

// yuan writes an amount in yuan: 30,000 元.
func yuan(n int) string { return thousands(n) + " 元" }

// reminder sets one reminder on an A4 page.
func (c *canvas) reminder(r Reminder, opts ReminderOptions, fees []LevelFee) {
	c.NewPage(kit.A4W, kit.A4H)
	left, right := 25*kit.MM, kit.A4W-25*kit.MM
	w := right - left
	day := opts.day(nil)

	c.Line1(left, 30*kit.MM, w, Issuer, hei(15).With(kit.BrandDark).Aligned(line.Center).Tracked(2))
	c.Line1(left, 45*kit.MM, w, "会费缴纳通知", hei(24).Aligned(line.Center).Tracked(6))
	c.HLine(left, right, 50*kit.MM, 1.2, crimson)
	c.HLine(left, right, 51.4*kit.MM, 0.4, crimson)

	body := song(12).Led(1.8)
	y := 58 * kit.MM
	y = c.Text(left, y, w, r.Name+"：", hei(13).Led(1.8))
	if r.Contact != "" {
		y = c.Text(left+2*body.Size, y, w-2*body.Size, "（"+r.Contact+"）", song(11).With(kit.Grey).Led(1.6))
	}
	text := fmt.Sprintf("贵单位为%s%s。按照《%s章程》第三章第十一条及会员管理办法的规定，会员应按规定交纳会费。"+
		"经秘书处核对，截至%s，贵单位尚有以下年度会费未缴纳：", Issuer, r.Level, Issuer, cnDay(day))
	y = c.Para(left, y+2*kit.MM, w, text, body, 2*body.Size) + 3*kit.MM

	// The unpaid years: a ruled table of year and amount, and the total.
	colW := []float64{50 * kit.MM, 50 * kit.MM}
	tw := colW[0] + colW[1]
	tx := left + (w-tw)/2
	rowH := 9 * kit.MM
	cell := song(11.5)
	head := hei(11.5)
	c.Rect(tx, y, tw, rowH, shade)
	c.Line1(tx, y+6.2*kit.MM, colW[0], "年度", head.Aligned(line.Center))
	c.Line1(tx+colW[0], y+6.2*kit.MM, colW[1], "应缴会费", head.Aligned(line.Center))
	rows := append([]OwedFee(nil), r.Owed...)
	for i, o := range rows {
		ry := y + float64(i+1)*rowH
		amount := "按标准"
		if o.Amount > 0 {
			amount = yuan(o.Amount)
		}
		c.Line1(tx, ry+6.2*kit.MM, colW[0], fmt.Sprintf("%d年度", o.Year), cell.Aligned(line.Center))
		c.Line1(tx+colW[0], ry+6.2*kit.MM, colW[1], amount, cell.Aligned(line.Center))
	}
	ty := y + float64(len(rows)+1)*rowH
	c.Line1(tx, ty+6.2*kit.MM, colW[0], "合计", head.Aligned(line.Center))
	c.Line1(tx+colW[0], ty+6.2*kit.MM, colW[1], yuan(r.Total), head.With(crimson).Aligned(line.Center))
	n := len(rows) + 2
	for i := 0; i <= n; i++ {
		t := 0.4
		if i == 0 || i == n {
			t = 0.9
		}
		c.HLine(tx, tx+tw, y+float64(i)*rowH, t, kit.Ink)
	}
	for _, x := range []float64{tx, tx + colW[0], tx + tw} {
		c.VLine(x, y, y+float64(n)*rowH, 0.4, kit.Ink)
	}
	y += float64(n)*rowH + 6*kit.MM

	y = c.Para(left, y, w, "请于收到本通知后三十日内，通过银行转账将会费汇入本会账户，并在附言中注明单位名称及缴费年度。"+
		"本会收到会费后开具收据（或发票），并颁发相应的会员证书。如贵单位已经缴纳，请忽略本通知，并将缴费凭证告知秘书处，以便核对。", body, 2*body.Size)
	y += 4 * kit.MM

	// The fee standard and the account, in a framed box.
	bx, bw := left, w
	boxTop := y
	small := song(10.5).Led(1.7)
	lines := []string{"会费标准："}
	var std []string
	for _, f := range fees {
		std = append(std, fmt.Sprintf("%s %s/年", f.Level, yuan(f.Amount)))
	}
	lines[0] += strings.Join(std, "；")
	a := opts.Account
	lines = append(lines, filled("开户银行：", a.Bank, "账　　号：", a.Number, "户　　名：", a.Name)...)
	inner := boxTop + 3*kit.MM
	for _, l := range lines {
		inner = c.Text(bx+5*kit.MM, inner, bw-10*kit.MM, l, small)
	}
	c.Frame(bx, boxTop, bw, inner+3*kit.MM-boxTop, 0.6, kit.BrandDark)
	y = inner + 10*kit.MM

	contact := filled("联系部门：", opts.Office, "电话：", opts.Phone, "电子信箱：", opts.Email)
	if len(contact) > 0 {
		y = c.Text(left, y, w, strings.Join(contact, "　"), song(10.5).With(kit.Grey))
	}

	// The issuer and the date at the lower right, where the seal is set.
	iw := 70 * kit.MM
	ix := right - iw
	sy := max(y+14*kit.MM, 235*kit.MM)
	c.Line1(ix, sy, iw, Issuer+"秘书处", hei(13).Aligned(line.Center))
	c.Line1(ix, sy+8*kit.MM, iw, officialDay(day), song(12).Aligned(line.Center))
	if r.Address != "" {
		c.Line1(left, 282*kit.MM, w, "寄往："+r.Address, song(9).With(kit.Rule))
	}
}
