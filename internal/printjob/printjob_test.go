package printjob

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/testpdf"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/siteconfig"
	kit "github.com/zzia/press/internal/typeset/canvas"
)

// The repository's sample data is written for this day (docs/data.md).
var today = time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone)

var sample struct {
	sync.Once
	ds  *member.Dataset
	res *rules.Result
}

func load(t *testing.T) (*member.Dataset, *rules.Result) {
	t.Helper()
	sample.Do(func() {
		ds, l := member.Load(msg.En, filepath.Join("..", ".."), today)
		if l.HasErrors() {
			panic(l.Error())
		}
		sample.ds, sample.res = ds, rules.Derive(ds, today)
	})
	return sample.ds, sample.res
}

// pages returns the text of every page, whitespace removed (lines break
// anywhere, and the typesetter's Han–Latin spacing comes back as spaces).
func pages(t *testing.T, pdf []byte) []string {
	t.Helper()
	txt := testpdf.Run(t, pdf, "pdftotext", "-layout")
	ps := strings.Split(strings.TrimSuffix(txt, "\f"), "\f")
	for i := range ps {
		ps[i] = squeeze(ps[i])
	}
	return ps
}

func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

func pageCount(t *testing.T, pdf []byte) int {
	t.Helper()
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(testpdf.Run(t, pdf, "pdfinfo"))
	if m == nil {
		t.Fatal("pdfinfo gave no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

func TestOutputsAreDeterministic(t *testing.T) {
	ds, res := load(t)
	opts := Options{Today: today}
	jobs := map[string]func() ([]byte, error){
		"roster": func() ([]byte, error) { return Roster(ds, res, opts) },
		"labels": func() ([]byte, error) {
			p, c, err := Labels(ds, res, LabelOptions{Options: opts})
			return append(p, c...), err
		},
		"certificates": func() ([]byte, error) { return Certificates(ds, res, CertificateOptions{Options: opts}) },
		"form":         func() ([]byte, error) { return ApplicationForm(FormOptions{}) },
	}
	for name, job := range jobs {
		a, err := job()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		b, _ := job()
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two runs gave different bytes", name)
		}
		// The date written is today's, never the clock's; the form has none.
		hasToday := bytes.Contains(a, []byte("D:20261127"))
		if name != "form" && !hasToday {
			t.Errorf("%s: the PDF is not dated %s", name, isoDay(today))
		}
		if name == "form" && bytes.Contains(a, []byte("/CreationDate (D:")) {
			t.Errorf("form: the public form carries a date")
		}
	}
	// Another day gives another date, and nothing else from the clock.
	later := today.AddDate(0, 0, 1)
	c, err := Certificates(ds, rules.Derive(ds, later), CertificateOptions{Options: Options{Today: later}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(c, []byte("D:20261128")) {
		t.Error("certificates are not dated by Today")
	}
}

func TestRosterHasEveryContact(t *testing.T) {
	ds, res := load(t)
	b, err := Roster(ds, res, Options{Today: today})
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, b)
	if len(ps) < 5 {
		t.Fatalf("roster has %d pages", len(ps))
	}
	all := strings.Join(ps, "")
	for i, p := range ps {
		if !strings.Contains(p, squeeze(InternalMark)) {
			t.Errorf("page %d lacks %q", i+1, InternalMark)
		}
		if i > 0 && !strings.Contains(p, fmt.Sprintf("第%d页共%d页", i+1, len(ps))) {
			t.Errorf("page %d lacks its number", i+1)
		}
	}
	if !strings.Contains(ps[0], "会员名录") || !strings.Contains(ps[0], "截至二〇二六年十一月二十七日") {
		t.Errorf("title page: %s", ps[0])
	}
	checked := 0
	var suspended, withdrawn int
	for _, m := range ds.Members {
		s := res.Member(m.ID)
		if !strings.Contains(all, squeeze(m.Name)) {
			t.Errorf("%s: name %s missing", m.ID, m.Name)
		}
		if s.Status == rules.Withdrawn {
			withdrawn++
			continue
		}
		if s.Status == rules.Suspended {
			suspended++
		}
		want := []string{m.Contact.Phone, m.Contact.Mobile, m.Contact.Fax, m.Contact.Email, m.Contact.Address}
		for _, r := range m.Representatives {
			if r.HasLeft(today) {
				continue
			}
			want = append(want, r.Name, r.Title, r.Contact.Phone, r.Contact.Mobile, r.Contact.Fax, r.Contact.Email, r.Contact.Address)
		}
		for _, v := range want {
			if v == "" {
				continue
			}
			checked++
			if !strings.Contains(all, squeeze(v)) {
				t.Errorf("%s: %q is not in the roster", m.ID, v)
			}
		}
	}
	if checked < 200 || suspended == 0 || withdrawn == 0 {
		t.Errorf("checked %d values, %d suspended, %d withdrawn: the sample should exercise all", checked, suspended, withdrawn)
	}
	if got := strings.Count(all, "【已警告，暂停会员权利"); got != suspended {
		t.Errorf("%d suspended marks, want %d", got, suspended)
	}
	// Withdrawn members come last, in their own section.
	sec := strings.LastIndex(all, "视同退会会员")
	for _, m := range ds.Members {
		if res.Member(m.ID).Status == rules.Withdrawn && strings.Index(all, squeeze(m.Name)) < sec {
			t.Errorf("withdrawn %s is listed before the withdrawn section", m.ID)
		}
	}
	// Levels in order: 副会长单位 before 理事单位 before 普通会员单位.
	a, b2, c := strings.Index(all, "副会长单位"), strings.Index(all[len(ps[0]):], "理事单位"), strings.Index(all[len(ps[0]):], "普通会员单位")
	if !(a >= 0 && b2 >= 0 && c > b2) {
		t.Errorf("levels out of order: %d %d %d", a, b2, c)
	}
}

func TestLabels(t *testing.T) {
	ds, res := load(t)
	cases := []LabelOptions{
		{},
		{Columns: 3, Rows: 8, Width: 70, Height: 36, Copies: map[string]int{member.LevelVicePresident: 1, member.LevelCouncil: 1}},
		{Columns: 2, Rows: 5, Width: 100, Height: 50, Top: 10, Left: 5, GapX: 2, GapY: 5, Copies: map[string]int{member.LevelOrdinary: 0}, SkipSuspended: true},
	}
	for i, lo := range cases {
		t.Run(fmt.Sprint(i), func(t *testing.T) {
			lo.Today = today
			recips, skipped := Distribution(ds, res, lo)
			p, c, err := Labels(ds, res, lo)
			if err != nil {
				t.Fatal(err)
			}
			full := lo.withDefaults()
			perSheet := full.Columns * full.Rows
			n := 0
			for _, r := range recips {
				copies, ok := lo.Copies[r.Level]
				if !ok {
					copies = DefaultCopies[r.Level]
				}
				if r.Copies != copies || copies == 0 {
					t.Errorf("%s: %d copies, want %d", r.ID, r.Copies, copies)
				}
				n += r.Copies
			}
			// Who is left out, and why.
			out := map[string]string{}
			for _, s := range skipped {
				out[s.ID] = s.Reason
			}
			listed := map[string]bool{}
			for _, r := range recips {
				listed[r.ID] = true
			}
			for _, m := range ds.Members {
				st := res.Member(m.ID).Status
				switch {
				case st == rules.Withdrawn || st == rules.Suspended && lo.SkipSuspended:
					if listed[m.ID] || out[m.ID] == "" {
						t.Errorf("%s (%s) should be left out with a reason", m.ID, st)
					}
				case lo.Copies != nil && lo.Copies[m.Level] == 0 && hasKey(lo.Copies, m.Level):
					if listed[m.ID] {
						t.Errorf("%s: level %s gets no copies", m.ID, m.Level)
					}
				case m.Contact.Address == "" && (mainRep(m, today) == nil || mainRep(m, today).Contact.Address == ""):
					if listed[m.ID] || out[m.ID] != "没有通信地址" {
						t.Errorf("%s has no address: listed %v, reason %q", m.ID, listed[m.ID], out[m.ID])
					}
				default:
					if !listed[m.ID] {
						t.Errorf("%s is missing from the distribution", m.ID)
					}
				}
			}
			if got, want := pageCount(t, p), (n+perSheet-1)/perSheet; got != want {
				t.Errorf("%d pages for %d labels of %d per sheet, want %d", got, n, perSheet, want)
			}
			// Every word of every label lies inside one label cell, and
			// there is one addressee line ("… 收") per label.
			cells, err := lo.Cells()
			if err != nil {
				t.Fatal(err)
			}
			words := bboxWords(t, p)
			shou := 0
			for _, w := range words {
				if w.text == "收" {
					shou++
				}
				in := false
				for _, c := range cells {
					if w.x0 >= c.X*kit.MM-0.5 && w.x1 <= (c.X+c.W)*kit.MM+0.5 && w.y0 >= c.Y*kit.MM-0.5 && w.y1 <= (c.Y+c.H)*kit.MM+0.5 {
						in = true
						break
					}
				}
				if !in {
					t.Errorf("page %d: %q at (%.1f,%.1f)–(%.1f,%.1f) pt is outside every label", w.page, w.text, w.x0, w.y0, w.x1, w.y1)
				}
			}
			if shou != n {
				t.Errorf("%d addressee lines, want %d labels", shou, n)
			}
			// The CSV: BOM, header, one row per addressee with its copies, a total.
			if !bytes.HasPrefix(c, []byte("\ufeff序号,")) || !bytes.Contains(c, []byte("\r\n")) {
				t.Errorf("CSV does not start with a BOM and the header, or has no CRLF")
			}
			rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(c, []byte("\ufeff")))).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(recips)+2 {
				t.Fatalf("CSV has %d rows, want header + %d + total", len(rows), len(recips))
			}
			sum := 0
			for k, r := range recips {
				row := rows[k+1]
				if row[1] != r.ID || row[2] != r.Name || row[7] != r.Person || row[10] != strconv.Itoa(r.Copies) {
					t.Errorf("CSV row %d = %v, want %s %s %s %d", k+1, row, r.ID, r.Name, r.Person, r.Copies)
				}
				sum += r.Copies
			}
			if last := rows[len(rows)-1]; last[0] != "合计" || last[10] != strconv.Itoa(n) || sum != n {
				t.Errorf("CSV total %v, want %d", last, n)
			}
		})
	}
}

func hasKey(m map[string]int, k string) bool { _, ok := m[k]; return ok }

type word struct {
	page           int
	text           string
	x0, y0, x1, y1 float64
}

var (
	pageRe = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	wordRe = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)
)

// bboxWords returns every word of pdf with its box in points.
func bboxWords(t *testing.T, pdf []byte) []word {
	t.Helper()
	var out []word
	page := 0
	for _, ln := range strings.Split(testpdf.Run(t, pdf, "pdftotext", "-bbox"), "\n") {
		if pageRe.MatchString(ln) {
			page++
			continue
		}
		if m := wordRe.FindStringSubmatch(ln); m != nil {
			f := func(s string) float64 { v, _ := strconv.ParseFloat(s, 64); return v }
			out = append(out, word{page, m[5], f(m[1]), f(m[2]), f(m[3]), f(m[4])})
		}
	}
	if len(out) == 0 {
		t.Fatal("no words in the PDF")
	}
	return out
}

func TestLabelLayoutMustFit(t *testing.T) {
	for _, lo := range []LabelOptions{
		{Columns: 3, Rows: 7, Width: 99.1, Height: 38.1},
		{Columns: 2, Rows: 8, Width: 99.1, Height: 38.1},
		{Columns: 0, Rows: -1},
		{Columns: 2, Rows: 7, Width: 20, Height: 10},
		{Columns: 2, Rows: 7, Top: 100, Left: 1},
	} {
		if _, err := lo.Cells(); err == nil {
			t.Errorf("%+v: no error", lo)
		}
	}
	cells, err := LabelOptions{}.Cells()
	if err != nil || len(cells) != 14 {
		t.Fatalf("default sheet: %d cells, %v", len(cells), err)
	}
	// The default is the L7163 sheet: 4.65 mm at the sides, 15.15 at the top.
	if c := cells[0]; fmt.Sprintf("%.2f %.2f", c.X, c.Y) != "4.65 15.15" {
		t.Errorf("first label at %.2f, %.2f", c.X, c.Y)
	}
	if c := cells[13]; fmt.Sprintf("%.2f %.2f", c.X+c.W, c.Y+c.H) != "205.35 281.85" {
		t.Errorf("last label ends at %.2f, %.2f", c.X+c.W, c.Y+c.H)
	}
}

func TestSplitPostcode(t *testing.T) {
	cases := []struct{ in, code, rest string }{
		{"450000 郑州市中原区示例路1号", "450000", "郑州市中原区示例路1号"},
		{"郑州市金水区示例路4号（邮编：450003）", "450003", "郑州市金水区示例路4号"},
		{"郑州市金水区示例路4号，邮政编码450003", "450003", "郑州市金水区示例路4号"},
		{"郑州市金水区示例路4号 450003", "450003", "郑州市金水区示例路4号"},
		{"郑州市金水区示例路1234567号", "", "郑州市金水区示例路1234567号"},
		{"郑州市示例路450003号", "", "郑州市示例路450003号"},
	}
	for _, c := range cases {
		code, rest := SplitPostcode(c.in)
		if code != c.code || rest != c.rest {
			t.Errorf("SplitPostcode(%q) = %q, %q; want %q, %q", c.in, code, rest, c.code, c.rest)
		}
	}
}

func TestLabelShowsPostcodeAndAddressee(t *testing.T) {
	m := &member.Member{ID: "x1", Name: "郑州示例标签测试有限公司", Level: member.LevelCouncil, Region: "金水区",
		Contact: member.Contact{Address: "郑州市金水区示例路4号（邮编：450003）", Phone: "0371-55550099"},
		Representatives: []*member.Representative{
			{Role: member.RoleMain, Name: "老代表", Title: "董事长", Left: today.AddDate(0, -1, 0)},
			{Role: member.RoleMain, Name: "张示九", Title: "总经理"},
		}}
	m.Joined = today.AddDate(-3, 0, 0)
	ds, l := member.Assemble(msg.En, member.Sources{Members: []*member.Member{m}}, today)
	if l.HasErrors() {
		t.Fatal(l)
	}
	res := rules.Derive(ds, today)
	p, c, err := Labels(ds, res, LabelOptions{Options: Options{Today: today}})
	if err != nil {
		t.Fatal(err)
	}
	text := squeeze(testpdf.Run(t, p, "pdftotext"))
	for _, want := range []string{"450003", "郑州市金水区示例路4号", "张示九总经理收", "第1/2份", "第2/2份"} {
		if !strings.Contains(text, want) {
			t.Errorf("label lacks %q: %s", want, text)
		}
	}
	if strings.Contains(text, "邮编") || strings.Contains(text, "老代表") {
		t.Errorf("label shows the postcode twice or a representative who left: %s", text)
	}
	if !strings.Contains(string(c), "450003,郑州市金水区示例路4号,张示九,总经理,0371-55550099,2,") {
		t.Errorf("CSV row: %s", c)
	}
}

func TestCertificates(t *testing.T) {
	ds, res := load(t)
	opts := CertificateOptions{Options: Options{Today: today}}
	certs, skipped := Eligible(ds, res, opts)
	b, err := Certificates(ds, res, opts)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, b)
	if len(ps) != len(certs) || len(certs) < 20 {
		t.Fatalf("%d pages for %d certificates", len(ps), len(certs))
	}
	seen := map[string]bool{}
	numRe := regexp.MustCompile(`^ZZIA-2026-(FHZ|LS|HY)-\d{3}$`)
	for i, c := range certs {
		if seen[c.Number] {
			t.Errorf("number %s twice", c.Number)
		}
		seen[c.Number] = true
		if !numRe.MatchString(c.Number) || LevelCodes[c.Level] != strings.Split(c.Number, "-")[2] {
			t.Errorf("%s: bad number %s for %s", c.ID, c.Number, c.Level)
		}
		for _, want := range []string{c.Number, squeeze(c.Name), CertificateTitles[c.Level], "2026年1月1日至2026年12月31日", Issuer, "二〇二六年十一月二十七日"} {
			if !strings.Contains(ps[i], want) {
				t.Errorf("page %d (%s) lacks %q", i+1, c.ID, want)
			}
		}
		m, s := ds.Member(c.ID), res.Member(c.ID)
		if s.Status != rules.Active || s.InArrears || m.Individual() {
			t.Errorf("%s is not in good standing (%s, arrears %v, %s) but has a certificate", c.ID, s.Status, s.InArrears, m.Level)
		}
	}
	// Everyone else is a unit not in good standing, or an individual.
	got := map[string]bool{}
	for _, c := range certs {
		got[c.ID] = true
	}
	reasons := map[string]bool{}
	for _, s := range skipped {
		reasons[s.ID] = true
	}
	for _, m := range ds.Members {
		s := res.Member(m.ID)
		good := s.Status == rules.Active && !s.InArrears && !m.Individual()
		if good != got[m.ID] {
			t.Errorf("%s: certificate %v, in good standing %v", m.ID, got[m.ID], good)
		}
		if !good && !m.Individual() && !reasons[m.ID] {
			t.Errorf("%s: left out without a reason", m.ID)
		}
	}
	// A reprint keeps the number.
	one, _ := Eligible(ds, res, CertificateOptions{Options: opts.Options, Only: []string{certs[len(certs)-1].ID}})
	if len(one) != 1 || one[0].Number != certs[len(certs)-1].Number {
		t.Errorf("reprint: %+v, want number %s", one, certs[len(certs)-1].Number)
	}
	// Pages are landscape A4.
	if info := testpdf.Run(t, b, "pdfinfo"); !strings.Contains(info, "841.89 x 595.28") {
		t.Errorf("not landscape A4:\n%s", info)
	}
}

func TestApplicationForm(t *testing.T) {
	opts := FormOptions{
		Fees:    []LevelFee{{member.LevelVicePresident, 30000}, {member.LevelCouncil, 10000}, {member.LevelOrdinary, 2000}},
		Account: Account{Bank: "郑州银行西建材支行", Number: "90501880190002349", Name: Issuer},
		Office:  "郑州市信息化促进会秘书处", Address: "郑州市示例路1号", Postcode: "450000", Phone: "0371-00000000", Email: "office@zzia.example",
	}
	b, err := ApplicationForm(opts)
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, b)
	if len(ps) != 1 {
		t.Fatalf("the form has %d pages", len(ps))
	}
	want := append([]string{Issuer + "入会申请表", "副会长单位（30,000元/年）", "理事单位（10,000元/年）", "普通会员单位（2,000元/年）",
		"工商营业执照", "承认《" + Issuer + "章程》", "入会程序", "会费标准", "90501880190002349", "office@zzia.example", "企业", "社会组织"}, FormFields...)
	for _, w := range want {
		if !strings.Contains(ps[0], w) {
			t.Errorf("the form lacks %q", w)
		}
	}
	// Nothing is set off the page or outside the margins.
	for _, w := range bboxWords(t, b) {
		if w.x0 < 15*kit.MM || w.x1 > kit.A4W-15*kit.MM || w.y0 < 8*kit.MM || w.y1 > kit.A4H-8*kit.MM {
			t.Errorf("%q at (%.0f,%.0f)–(%.0f,%.0f) is outside the margins", w.text, w.x0, w.y0, w.x1, w.y1)
		}
	}
	// The site's fees and contact come from its files (the contact details
	// the secretariat has not published yet are empty, and left out).
	pc, err := siteconfig.Load(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	fo, l := LoadFormOptions(pc)
	if l.HasErrors() || len(fo.Fees) != 3 || fo.Account.Number != "90501880190002349" || fo.Office != "郑州市信息化促进会秘书处" {
		t.Errorf("LoadFormOptions: %+v %v", fo, l)
	}
}

func TestOfficialDay(t *testing.T) {
	for in, want := range map[string]string{
		"2026-11-27": "二〇二六年十一月二十七日",
		"2020-10-10": "二〇二〇年十月十日",
		"2031-01-20": "二〇三一年一月二十日",
		"2027-12-31": "二〇二七年十二月三十一日",
	} {
		d, _ := time.ParseInLocation("2006-01-02", in, clock.Zone)
		if got := officialDay(d); got != want {
			t.Errorf("officialDay(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestCertificateFitsLongNames(t *testing.T) {
	names := []string{
		"中原虚构大学",
		"郑州航空港经济综合实验区示例智能制造产业技术研究院有限公司",
		"郑州市郑州高新技术产业开发区示例新一代信息技术与人工智能产业创新发展联盟服务中心有限责任公司（虚构）",
	}
	var ms []*member.Member
	for i, n := range names {
		ms = append(ms, &member.Member{ID: fmt.Sprintf("x%d", i), Name: n, Level: member.LevelOrdinary, Joined: today.AddDate(-1, 0, 0),
			Representatives: []*member.Representative{{Role: member.RoleMain, Name: "张示" + fmt.Sprint(i)}},
			Fees:            []member.Fee{{Year: 2026, Paid: today.AddDate(0, -6, 0)}}})
	}
	ds, l := member.Assemble(msg.En, member.Sources{Members: ms}, today)
	if l.HasErrors() {
		t.Fatal(l)
	}
	b, err := Certificates(ds, rules.Derive(ds, today), CertificateOptions{Options: Options{Today: today}})
	if err != nil {
		t.Fatal(err)
	}
	ps := pages(t, b)
	for i, n := range names {
		if !strings.Contains(ps[i], squeeze(n)) {
			t.Errorf("page %d lacks the name %s", i+1, n)
		}
	}
	// Everything inside the border's innermost rule (15.4 mm from the edges).
	for _, w := range bboxWords(t, b) {
		if w.x0 < 16*kit.MM || w.x1 > kit.A4H-16*kit.MM || w.y0 < 16*kit.MM || w.y1 > kit.A4W-16*kit.MM {
			t.Errorf("page %d: %q at (%.0f,%.0f)–(%.0f,%.0f) runs into the border", w.page, w.text, w.x0, w.y0, w.x1, w.y1)
		}
	}
}
