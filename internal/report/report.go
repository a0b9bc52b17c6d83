// Package report writes the secretariat's internal member report (`press
// report members`): every member's status under the membership rules with
// the reasons, fee status, attendance rate and contact details, as an HTML
// page and a CSV file. It is private and is written outside the public
// site, to a directory the caller names.
package report

import (
	"bytes"
	"fmt"
	"github.com/zzia/press/internal/msg"
	"html/template"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/zzia/press/internal/atomicfile"
	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/directory"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sheet"
)

// File names written by Write.
const (
	HTMLFile = "members.html"
	CSVFile  = "members.csv"
)

var statusNames = map[rules.Status]string{
	rules.Active:    "正常",
	rules.Suspended: "警告·暂停权利",
	rules.Withdrawn: "视同退会",
}

// Row is one member in the report.
type Row struct {
	ID, Name, Level, UnitType, Region, Industry string
	Listed                                      bool
	Derived                                     bool // an individual member by Article 7
	Status                                      rules.Status
	StatusName                                  string
	Since                                       string
	Reasons                                     []string // status and post reasons, then history
	FeeThisYear                                 string   // 已缴 2026-01-10 / 未缴
	UnpaidYears                                 string
	InArrears                                   bool
	Expected, Attended                          int
	Rate                                        string // e.g. 75.0%, "—" when nothing to attend
	Posts                                       string
	Representatives                             []Rep
	Contact                                     member.Contact
	Notes                                       string
	Assessments                                 []string // 考核登记: 2026-05-20 交流合作：…
}

// Rep is a representative in the report.
type Rep struct {
	Role, Name, Title, Post, EffectivePost string
	Current                                bool
	Attended, Expected                     int
	Contact                                member.Contact
}

// Report is the whole report.
type Report struct {
	Today                                      string
	Rows                                       []Row
	Total, Active, Suspended, Withdrawn, Owing int
}

// Build assembles the report rows, in directory order (level, then name).
func Build(ds *member.Dataset, res *rules.Result) *Report {
	rep := &Report{Today: res.Today.Format("2006-01-02")}
	ms := append([]*member.Member(nil), ds.Members...)
	directory.SortMembers(ms)
	year := res.Today.Year()
	for _, m := range ms {
		s := res.Member(m.ID)
		if s == nil {
			continue
		}
		row := Row{
			ID: m.ID, Name: m.Name, Level: m.Level, UnitType: m.UnitType, Region: m.Region, Industry: m.Industry,
			Listed: m.Listed, Status: s.Status, StatusName: statusNames[s.Status], InArrears: s.InArrears,
			Expected: s.Expected, Attended: s.Attended, Posts: strings.Join(s.Posts, "、"),
			Contact: m.Contact, Notes: m.Notes, Rate: "—", Derived: m.Derived,
		}
		if !s.Since.IsZero() {
			row.Since = s.Since.Format("2006-01-02")
		}
		if r, ok := s.Rate(); ok {
			row.Rate = strconv.FormatFloat(r*100, 'f', 1, 64) + "%"
		}
		// The report is Chinese whatever the locale of the one who runs it.
		for _, k := range []rules.Kind{rules.KindStatus, rules.KindPost, rules.KindFee, rules.KindHistory} {
			for _, r := range s.ReasonsOf(k) {
				row.Reasons = append(row.Reasons, r.In(msg.Zh))
			}
		}
		row.FeeThisYear = "未缴"
		for _, f := range m.Fees {
			if f.Year == year && !f.Paid.IsZero() && !f.Paid.After(res.Today.AddDate(0, 0, 1).Add(-1)) {
				row.FeeThisYear = "已缴 " + f.Paid.In(clock.Zone).Format("2006-01-02")
				if f.Amount > 0 {
					row.FeeThisYear += fmt.Sprintf("（%d 元）", f.Amount)
				}
			}
		}
		var unpaid []string
		for _, y := range s.UnpaidYears {
			unpaid = append(unpaid, strconv.Itoa(y))
		}
		row.UnpaidYears = strings.Join(unpaid, "、")
		for _, a := range m.Assessments {
			row.Assessments = append(row.Assessments, a.Date.In(clock.Zone).Format("2006-01-02")+" "+a.Kind+"："+a.Note)
		}
		for i, r := range m.Representatives {
			rs := s.Representatives[i]
			row.Representatives = append(row.Representatives, Rep{
				Role: r.Role, Name: r.Name, Title: r.Title, Post: r.Post, EffectivePost: rs.EffectivePost,
				Current: rs.Current, Attended: rs.Attended, Expected: rs.Expected, Contact: r.Contact,
			})
		}
		rep.Rows = append(rep.Rows, row)
		rep.Total++
		switch s.Status {
		case rules.Active:
			rep.Active++
		case rules.Suspended:
			rep.Suspended++
		case rules.Withdrawn:
			rep.Withdrawn++
		}
		if s.InArrears {
			rep.Owing++
		}
	}
	return rep
}

// CSVHeader is the header row of the report CSV.
var CSVHeader = []string{"标识", "名称", "会员级别", "单位类型", "区域", "行业", "是否公开", "状态", "状态起始", "原因",
	"当年会费", "欠缴年度", "应参加活动", "实际参加", "出席率", "会内职务", "代表", "电话", "手机", "传真", "电子邮件", "通信地址", "备注", "考核登记"}

// CSV returns the report as CSV (UTF-8 with BOM, CRLF) for spreadsheets.
func (r *Report) CSV() []byte {
	w := sheet.New(CSVHeader)
	for _, row := range r.Rows {
		var reps []string
		for _, p := range row.Representatives {
			s := fmt.Sprintf("%s %s", p.Role, p.Name)
			if p.Title != "" {
				s += "（" + p.Title + "）"
			}
			if p.Post != "" {
				s += " 会内职务：" + p.Post
				if p.EffectivePost != p.Post {
					s += "→已取消"
				}
			}
			if !p.Current {
				s += " 已调离"
			}
			for _, c := range []string{p.Contact.Phone, p.Contact.Mobile, p.Contact.Email} {
				if c != "" {
					s += " " + c
				}
			}
			reps = append(reps, s)
		}
		listed := "否"
		if row.Listed {
			listed = "是"
		}
		w.Row(row.ID, row.Name, row.Level, row.UnitType, row.Region, row.Industry, listed,
			row.StatusName, row.Since, strings.Join(row.Reasons, "\n"), row.FeeThisYear, row.UnpaidYears,
			strconv.Itoa(row.Expected), strconv.Itoa(row.Attended), row.Rate, row.Posts, strings.Join(reps, "\n"),
			row.Contact.Phone, row.Contact.Mobile, row.Contact.Fax, row.Contact.Email, row.Contact.Address, row.Notes, strings.Join(row.Assessments, "\n"))
	}
	return w.Bytes()
}

var page = template.Must(template.New("report").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<title>会员状况报告（内部）{{.Today}}</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;width:100%;font-size:14px}
th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top;text-align:left}
th{background:#f3f3f3;position:sticky;top:0}
.suspended{background:#fff6e0}.withdrawn{background:#fde8e8}.owing{color:#b00000;font-weight:bold}
ul{margin:0;padding-left:1.2em}.note{color:#666}
</style>
</head>
<body>
<h1>会员状况报告（内部资料，请勿公开）</h1>
<p>统计日期：{{.Today}}。会员 {{.Total}} 个：正常 {{.Active}}，警告·暂停权利 {{.Suspended}}，视同退会 {{.Withdrawn}}；当年会费未缴 {{.Owing}}。</p>
<p class="note">依据《会员管理办法》第六至第九条推导，解读见 docs/rules.md。</p>
<table>
<thead><tr><th>会员</th><th>级别 / 类型 / 区域 / 行业</th><th>状态</th><th>原因</th><th>当年会费</th><th>出席</th><th>会内职务</th><th>代表</th><th>联系方式</th></tr></thead>
<tbody>
{{range .Rows}}<tr class="{{.Status}}" id="{{.ID}}">
<td><strong>{{.Name}}</strong><br><code>{{.ID}}</code>{{if .Derived}}<br><span class="note">第七条个人会员</span>{{end}}{{if not .Listed}}<br><span class="note">不公开</span>{{end}}</td>
<td>{{.Level}}<br>{{.UnitType}}<br>{{.Region}}<br>{{.Industry}}</td>
<td>{{.StatusName}}{{if .Since}}<br><span class="note">自 {{.Since}}</span>{{end}}</td>
<td>{{if .Reasons}}<ul>{{range .Reasons}}<li>{{.}}</li>{{end}}</ul>{{end}}</td>
<td{{if .InArrears}} class="owing"{{end}}>{{.FeeThisYear}}{{if .UnpaidYears}}<br><span class="note">未缴：{{.UnpaidYears}}</span>{{end}}</td>
<td>{{.Attended}} / {{.Expected}}<br>{{.Rate}}</td>
<td>{{.Posts}}</td>
<td><ul>{{range .Representatives}}<li>{{.Role}} {{.Name}}{{if .Title}}（{{.Title}}）{{end}}{{if .Post}}：{{.Post}}{{if ne .Post .EffectivePost}}（已取消）{{end}}{{end}}{{if not .Current}} <span class="note">已调离</span>{{end}} <span class="note">本人出席 {{.Attended}}/{{.Expected}}</span>{{with .Contact}}{{if .Mobile}}<br>手机 {{.Mobile}}{{end}}{{if .Phone}}<br>电话 {{.Phone}}{{end}}{{if .Email}}<br>{{.Email}}{{end}}{{end}}</li>{{end}}</ul></td>
<td>{{with .Contact}}{{if .Phone}}电话 {{.Phone}}<br>{{end}}{{if .Mobile}}手机 {{.Mobile}}<br>{{end}}{{if .Fax}}传真 {{.Fax}}<br>{{end}}{{if .Email}}{{.Email}}<br>{{end}}{{if .Address}}{{.Address}}{{end}}{{end}}{{if .Notes}}<br><span class="note">备注：{{.Notes}}</span>{{end}}{{if .Assessments}}<br><span class="note">考核登记：</span><ul class="note">{{range .Assessments}}<li>{{.}}</li>{{end}}</ul>{{end}}</td>
</tr>
{{end}}</tbody>
</table>
</body>
</html>
`))

// HTML returns the report as a standalone HTML page; all data is escaped.
func (r *Report) HTML() ([]byte, error) {
	var buf bytes.Buffer
	if err := page.Execute(&buf, r); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes members.html and members.csv into dir (created if needed)
// and returns their paths. Each file is written to a temporary name and
// renamed, so a failure leaves the previous report untouched.
func Write(dir string, ds *member.Dataset, res *rules.Result) ([]string, error) {
	rep := Build(ds, res)
	html, err := rep.HTML()
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	var paths []string
	for _, f := range []struct {
		name string
		data []byte
	}{{HTMLFile, html}, {CSVFile, rep.CSV()}} {
		p := filepath.Join(dir, f.name)
		if err := atomicfile.Write(p, f.data, 0o600); err != nil {
			return paths, err
		}
		paths = append(paths, p)
	}
	return paths, nil
}
