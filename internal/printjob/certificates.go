package printjob

import (
	"fmt"
	"sort"
	"time"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	kit "github.com/zzia/press/internal/typeset/canvas"
	"github.com/zzia/press/internal/typeset/line"
)

// CertificateOptions choose the certificates' year and numbering.
type CertificateOptions struct {
	Options
	// Year is the year of validity; zero: the year of Today. A certificate
	// is valid from 1 January to 31 December of that year, the year its
	// fee pays for.
	Year int
	// Prefix starts every certificate number; empty: "ZZIA".
	Prefix string
	// Only, when not empty, limits the printing to these member ids (a
	// reprint); the numbers stay those of the full run.
	Only []string
	// Numbers are the numbers already issued for Year (the certificate
	// register), by member id: a member found there keeps its number; any
	// other gets its computed number unless that was issued to another
	// member, else the next number of its level after all others.
	Numbers map[string]string
}

// LevelCodes are the level codes in certificate numbers: 副会长 FHZ,
// 理事 LS, 会员 HY (the initials of the pinyin).
var LevelCodes = map[string]string{
	member.LevelVicePresident: "FHZ",
	member.LevelCouncil:       "LS",
	member.LevelOrdinary:      "HY",
}

// CertificateTitles are the certificates' titles per level, as the
// secretariat's rules name them (团体会员、理事、副会长单位证书).
var CertificateTitles = map[string]string{
	member.LevelVicePresident: "副会长单位证书",
	member.LevelCouncil:       "理事单位证书",
	member.LevelOrdinary:      "会员单位证书",
}

// Certificate is one certificate to print.
type Certificate struct {
	ID, Name, Level string
	Title           string // 副会长单位证书 …
	Number          string // ZZIA-2026-FHZ-001
	Year            int
	Joined          time.Time
}

// Eligible decides who gets a certificate and numbers them.
//
// Numbers are PREFIX-YEAR-CODE-NNN: CODE is the level's (LevelCodes) and
// NNN counts, from 001, every unit member of that level in the dataset in
// the order they joined (then by id), whether or not it gets a certificate
// this time. A member keeps its number through the year as others pay their
// fees, are suspended or withdraw, and a member who joins later gets the
// next number; the gaps are members without a certificate.
//
// Only unit members that are active and have paid the fee of the year of
// validity (on or before Today) get one. 证书及牌匾 are issued 缴纳会费后
// (入会程序 2): a certificate attests membership in good standing for the
// year its fee pays for. A suspended member has its rights suspended
// (第九条第2款) and a withdrawn one is no longer a member, so printing
// either a certificate would attest what is not so. Individual members get
// none: the association issues certificates to units (团体会员、理事、
// 副会长单位证书).
func Eligible(ds *member.Dataset, res *rules.Result, opts CertificateOptions) (certs []Certificate, skipped []Skipped) {
	res = opts.result(ds, res)
	day := opts.day(res)
	year := opts.Year
	if year == 0 {
		year = day.Year()
	}
	prefix := opts.Prefix
	if prefix == "" {
		prefix = "ZZIA"
	}
	only := map[string]bool{}
	for _, id := range opts.Only {
		only[id] = true
	}
	ms := append([]*member.Member(nil), ds.Members...)
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if la, lb := member.Levels.Index(a.Level), member.Levels.Index(b.Level); la != lb {
			return la < lb
		}
		if !a.Joined.Equal(b.Joined) {
			return a.Joined.Before(b.Joined)
		}
		return a.ID < b.ID
	})
	seq := map[string]int{}
	for _, m := range ms {
		code, ok := LevelCodes[m.Level]
		if !ok {
			continue // individual members
		}
		seq[m.Level]++
		if len(only) > 0 && !only[m.ID] {
			continue
		}
		s := res.Member(m.ID)
		switch {
		case s == nil:
			skipped = append(skipped, Skipped{m.ID, m.Name, "没有会员状态"})
			continue
		case s.Status != rules.Active:
			skipped = append(skipped, Skipped{m.ID, m.Name, statusNames[s.Status]})
			continue
		case !paid(m, year, day):
			skipped = append(skipped, Skipped{m.ID, m.Name, fmt.Sprintf("%d年度会费未缴", year)})
			continue
		case m.Joined.Year() > year:
			skipped = append(skipped, Skipped{m.ID, m.Name, fmt.Sprintf("%d年入会", m.Joined.Year())})
			continue
		}
		certs = append(certs, Certificate{ID: m.ID, Name: m.Name, Level: m.Level, Title: CertificateTitles[m.Level],
			Number: fmt.Sprintf("%s-%d-%s-%03d", prefix, year, code, seq[m.Level]), Year: year, Joined: m.Joined})
	}
	if len(opts.Numbers) == 0 {
		return certs, skipped
	}
	taken := map[string]bool{}
	for _, n := range opts.Numbers {
		taken[n] = true
	}
	var fresh []int
	for i := range certs {
		if n, ok := opts.Numbers[certs[i].ID]; ok {
			certs[i].Number = n
		} else {
			fresh = append(fresh, i)
		}
	}
	for _, i := range fresh {
		c := &certs[i]
		for n := seq[c.Level] + 1; taken[c.Number]; n++ {
			c.Number = fmt.Sprintf("%s-%d-%s-%03d", prefix, year, LevelCodes[c.Level], n)
		}
		taken[c.Number] = true
	}
	return certs, skipped
}

// paid reports whether m's fee for year was paid on or before day.
func paid(m *member.Member, year int, day time.Time) bool {
	for _, f := range m.Fees {
		if f.Year == year && !f.Paid.IsZero() && !f.Paid.After(day.Add(24*time.Hour-time.Nanosecond)) {
			return true
		}
	}
	return false
}

// Certificates makes the membership certificates: one A4 landscape page
// per member Eligible chooses, in its order, with the level's title, the
// unit's name, the certification, the number, the year of validity and the
// issuer with the date (Today) under which the seal is set, in a border.
func Certificates(ds *member.Dataset, res *rules.Result, opts CertificateOptions) ([]byte, error) {
	res = opts.result(ds, res)
	certs, _ := Eligible(ds, res, opts)
	if len(certs) == 0 {
		return nil, fmt.Errorf("printjob: no member is eligible for a certificate")
	}
	c, err := newCanvas(opts.Fonts)
	if err != nil {
		return nil, err
	}
	day := opts.day(res)
	for _, ct := range certs {
		c.certificate(ct, day)
	}
	return c.write(Issuer+"会员证书", fmt.Sprintf("%d年度会员证书 %d 份", certs[0].Year, len(certs)), day)
}

// certificate sets one certificate on a landscape A4 page.
func (c *canvas) certificate(ct Certificate, day time.Time) {
	W, H := kit.A4H, kit.A4W
	c.NewPage(W, H)
	// The border: a pale field inside a thick and a thin gold rule, with
	// square ornaments at the corners.
	m := 11 * kit.MM
	c.Rect(m, m, W-2*m, H-2*m, paleGold)
	c.Frame(m, m, W-2*m, H-2*m, 3, gold)
	in := m + 3*kit.MM
	c.Frame(in, in, W-2*in, H-2*in, 0.8, gold)
	in2 := in + 1.4*kit.MM
	c.Frame(in2, in2, W-2*in2, H-2*in2, 0.3, gold)
	orn := 7 * kit.MM
	for _, p := range [][2]float64{{in, in}, {W - in - orn, in}, {in, H - in - orn}, {W - in - orn, H - in - orn}} {
		c.Rect(p[0], p[1], orn, orn, gold)
		c.Rect(p[0]+1.2*kit.MM, p[1]+1.2*kit.MM, orn-2.4*kit.MM, orn-2.4*kit.MM, paleGold)
		c.Rect(p[0]+2.3*kit.MM, p[1]+2.3*kit.MM, orn-4.6*kit.MM, orn-4.6*kit.MM, crimson)
	}

	inner := W - 2*(in+orn+8*kit.MM)
	x := (W - inner) / 2
	num := song(10.5).With(kit.Grey)
	c.Line1(x, in+orn+2*kit.MM, inner, "证书编号："+ct.Number, num.Aligned(line.Right))

	title := hei(38).With(crimson).Aligned(line.Center).Tracked(10)
	c.Line1(x, 58*kit.MM, inner, ct.Title, title)
	c.HLine(W/2-40*kit.MM, W/2+40*kit.MM, 64*kit.MM, 0.8, gold)
	c.HLine(W/2-28*kit.MM, W/2+28*kit.MM, 65.6*kit.MM, 0.4, gold)

	name := c.Fit(ct.Name, inner-20*kit.MM, hei(30).Aligned(line.Center).Tracked(2), 18)
	if c.Width(ct.Name, name) <= inner-20*kit.MM {
		c.Line1(x, 94*kit.MM, inner, ct.Name, name)
		nw := min(inner-10*kit.MM, c.Width(ct.Name, name)+20*kit.MM)
		c.HLine(W/2-nw/2, W/2+nw/2, 98*kit.MM, 0.5, kit.Ink)
	} else {
		// A very long name: two centred lines in the same space.
		two := hei(19).Aligned(line.Center).Led(1.3)
		ls := c.Lines(ct.Name, inner-20*kit.MM, two)
		if len(ls) > 2 {
			two = c.Fit(ct.Name, 2*(inner-20*kit.MM)-10*kit.MM, two, 12)
			ls = c.Lines(ct.Name, inner-20*kit.MM, two)
		}
		y := 98*kit.MM - 1.5*kit.MM - float64(len(ls)-1)*two.Lead()
		for i := range ls {
			c.Place(&ls[i], x+10*kit.MM, y, two)
			y += two.Lead()
		}
		c.HLine(x+5*kit.MM, x+inner-5*kit.MM, 98*kit.MM+1*kit.MM, 0.5, kit.Ink)
	}

	body := song(16).Led(1.9)
	text := fmt.Sprintf("该单位承认《%s章程》，自愿加入本会，经本会理事会议批准，为%s%s，特发此证。", Issuer, Issuer, ct.Level)
	bw := 210 * kit.MM
	c.Para((W-bw)/2, 108*kit.MM, bw, text, body, 2*body.Size)

	valid := song(13)
	c.Line1(x, 143*kit.MM, inner, fmt.Sprintf("有效期：%d年1月1日至%d年12月31日", ct.Year, ct.Year), valid.Aligned(line.Center))

	// The issuer and the date at the lower right, where the seal is set.
	iw := 80 * kit.MM
	ix := W - in - orn - 14*kit.MM - iw
	c.Line1(ix, 170*kit.MM, iw, Issuer, hei(17).Aligned(line.Center).Tracked(1.5))
	c.Line1(ix, 179*kit.MM, iw, officialDay(day), song(13).Aligned(line.Center))
	c.Line1(x, 179*kit.MM, inner, fmt.Sprintf("入会日期：%s", cnDay(ct.Joined)), song(10).With(kit.Grey))
}
