// Package printjob makes the secretariat's print jobs from the member data:
// the internal member roster (会员名录, with every contact: the 会员通信联络表
// of 第四条), mailing labels and the distribution list for the printed
// journal, membership certificates, and the public membership application
// form (入会申请表).
//
// Every function returns bytes; writing them is the caller's business. The
// roster, labels and certificates carry private contact details and are
// written outside the public site (press print); only the application form,
// which holds no member data, is published.
//
// Pages are composed by hand on A4 (the labels on A4 label sheets, the
// certificates landscape): text is broken and placed by the typesetter's
// line breaker (package line), so Chinese lines follow the clreq rules and
// Han and Latin characters take their own faces — Song for body text, Hei
// for titles — and rules and boxes are drawn as filled rectangles. The only
// date a PDF contains is the one given in the options (Options.Today), never
// the clock's: the same data and options give the same bytes.
package printjob

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
)

// Issuer is the association, the issuer of every document here.
const Issuer = "郑州市信息化促进会"

// Options are what every print job needs. The functions that take member
// data also take the rules' result for the same day; a nil result is
// derived from the data as of Today.
type Options struct {
	// Today is the day the membership rules were derived for; it is the
	// date printed on the documents and written as the PDF's date. Zero:
	// the rules result's day.
	Today time.Time
	// Fonts maps font roles ("song", "hei", "serif", …; see package fonts)
	// to .ttf paths that override the fonts found on the system.
	Fonts map[string]string
}

// day returns the day of the options, else of the rules result, in Shanghai.
func (o Options) day(res *rules.Result) time.Time {
	t := o.Today
	if t.IsZero() && res != nil {
		t = res.Today
	}
	if t.IsZero() {
		return t
	}
	y, m, d := t.In(clock.Zone).Date()
	return time.Date(y, m, d, 0, 0, 0, 0, clock.Zone)
}

// result returns res, or when it is nil the rules applied as of Today.
func (o Options) result(ds *member.Dataset, res *rules.Result) *rules.Result {
	if res != nil {
		return res
	}
	return rules.Derive(ds, o.Today)
}

// isoDay formats a day as YYYY-MM-DD.
func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(clock.Zone).Format("2006-01-02")
}

// cnDay formats a day as 2026年11月27日.
func cnDay(t time.Time) string {
	t = t.In(clock.Zone)
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

var cnDigits = []rune("〇一二三四五六七八九")

// cnNumber writes 1–31 in Chinese numerals as dates in official documents
// do (十一, 二十七).
func cnNumber(n int) string {
	switch {
	case n < 10:
		return string(cnDigits[n])
	case n == 10:
		return "十"
	case n < 20:
		return "十" + string(cnDigits[n-10])
	case n%10 == 0:
		return string(cnDigits[n/10]) + "十"
	default:
		return string(cnDigits[n/10]) + "十" + string(cnDigits[n%10])
	}
}

// officialDay formats a day as official documents date their seal:
// 二〇二六年十一月二十七日.
func officialDay(t time.Time) string {
	t = t.In(clock.Zone)
	var b strings.Builder
	for _, r := range fmt.Sprint(t.Year()) {
		b.WriteRune(cnDigits[r-'0'])
	}
	return b.String() + "年" + cnNumber(int(t.Month())) + "月" + cnNumber(t.Day()) + "日"
}

// statusNames are the statuses as the documents name them (the directory's
// wording).
var statusNames = map[rules.Status]string{
	rules.Active:    "正常",
	rules.Suspended: "已警告，暂停会员权利",
	rules.Withdrawn: "视同退会",
}

// current returns the member's representatives who had not left by day,
// the 主代表 first, with their status from the rules (nil when unknown).
func current(m *member.Member, s *rules.MemberStatus, day time.Time) []repView {
	var out []repView
	for i, r := range m.Representatives {
		if r.HasLeft(day) {
			continue
		}
		v := repView{Representative: r}
		if s != nil && i < len(s.Representatives) {
			v.status = s.Representatives[i]
		}
		if r.Role == member.RoleMain {
			out = append([]repView{v}, out...)
		} else {
			out = append(out, v)
		}
	}
	return out
}

// repView is a representative with what the rules say about them.
type repView struct {
	*member.Representative
	status *rules.RepStatus
}

// post returns the effective association post ("" for none) and, when the
// recorded post was lost, a note saying so.
func (r repView) post() (post, note string) {
	if r.status == nil {
		return r.Post, ""
	}
	if r.Post != "" && r.status.EffectivePost != r.Post {
		return r.status.EffectivePost, "原" + r.Post + "职务已取消"
	}
	return r.status.EffectivePost, ""
}

// mainRep returns the member's current 主代表, or nil.
func mainRep(m *member.Member, day time.Time) *member.Representative {
	for _, r := range m.Representatives {
		if r.Role == member.RoleMain && !r.HasLeft(day) {
			return r
		}
	}
	return nil
}

// postcodeRe finds a Chinese postcode in an address: six digits marked as
// 邮编 / 邮政编码, or six digits leading or ending the address.
var postcodeRe = []*regexp.Regexp{
	regexp.MustCompile(`[（(]?\s*(?:邮编|邮政编码)\s*[:：]?\s*(\d{6})\s*[）)]?`),
	regexp.MustCompile(`^\s*(\d{6})(?:\s+|[，,、]\s*)`),
	regexp.MustCompile(`(?:\s+|[，,、]\s*)(\d{6})\s*$`),
}

// SplitPostcode separates a postcode written in an address ("450000 郑州市…",
// "郑州市…（邮编：450000）", "郑州市… 450000") from the rest of it. The
// address comes back unchanged, with an empty postcode, when it has none.
func SplitPostcode(addr string) (postcode, rest string) {
	for _, re := range postcodeRe {
		if m := re.FindStringSubmatchIndex(addr); m != nil {
			code := addr[m[2]:m[3]]
			rest := strings.TrimSpace(addr[:m[0]] + addr[m[1]:])
			return code, strings.Trim(rest, "，,、 ")
		}
	}
	return "", strings.TrimSpace(addr)
}
