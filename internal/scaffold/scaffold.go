// Package scaffold makes new content and data files for editors (`press new
// news 标题`): valid front matter or YAML with today's date and a readable
// slug from the Chinese title, never overwriting a file.
package scaffold

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// Kind is one kind of file New can make.
type Kind struct {
	Name    string // as typed after `press new`
	Arg     string // what the argument is, for usage text
	Example string // an example argument
	Help    string // one line for `press new --help`
	make    func(arg string, today time.Time) (file, error)
}

// file is a file to create: its path relative to the site, with forward
// slashes, and its content; with it, other files it needs (a member's
// person record).
type file struct {
	path    string
	content string
	more    []file
}

// Kinds lists the kinds of file New makes, in the order help shows them.
// All templates are here, in one place, to be kept in step with the
// content conventions and the data model (internal/member).
var Kinds = []Kind{
	{Name: "news", Arg: "标题", Example: "信息化研讨会在郑州召开", Help: "a news article: content/news/<date>-<slug>.md", make: newsFile("news")},
	{Name: "notice", Arg: "标题", Example: "关于召开理事会议的通知", Help: "a notice: content/notices/<date>-<slug>.md", make: newsFile("notices")},
	{Name: "activity", Arg: "标题", Example: "2027年数字经济发展论坛", Help: "a planned activity: data/activities/<date>-<slug>.yaml", make: activityFile},
	{Name: "member", Arg: "单位名称", Example: "郑州示例科技有限公司", Help: "a member unit: data/members/<slug>.yaml, with its 主代表 in data/people/", make: memberFile},
	{Name: "person", Arg: "姓名", Example: "张示甲", Help: "a person (a representative or an individual member): data/people/<pinyin>.yaml", make: personFile},
	{Name: "journal", Arg: "年份-期号", Example: "2026-2", Help: "an issue of the journal: content/journal/<year>-<number>/_index.md", make: journalFile},
	{Name: "whitepaper", Arg: "slug 或 标题", Example: "shuzi-jingji-2026", Help: "a white paper: content/whitepapers/<slug>/index.md", make: whitepaperFile},
}

// ErrExists is returned (wrapped, naming the file) when the file New would
// make is already there.
var ErrExists = errors.New("file already exists")

// New makes a file of the given kind in the site directory from arg (a
// title, a name, an issue or a slug, by kind), dated today, and returns its
// path relative to siteDir with forward slashes. It never overwrites a file.
func New(siteDir, kind, arg string, today time.Time) (string, error) {
	k, ok := lookup(kind)
	if !ok {
		names := make([]string, len(Kinds))
		for i, k := range Kinds {
			names[i] = k.Name
		}
		return "", fmt.Errorf("new: unknown kind %q; one of %s", kind, strings.Join(names, ", "))
	}
	arg = strings.TrimSpace(arg)
	if arg == "" {
		return "", fmt.Errorf("new %s: give the %s, e.g. press new %s %s", k.Name, k.Arg, k.Name, k.Example)
	}
	if !utf8.ValidString(arg) || strings.ContainsAny(arg, "\x00\r\n") {
		return "", fmt.Errorf("new %s: %q is not a one-line text", k.Name, arg)
	}
	f, err := k.make(arg, today.In(clock.Zone))
	if err != nil {
		return "", fmt.Errorf("new %s: %w", k.Name, err)
	}
	files := append([]file{f}, f.more...)
	var made []string
	undo := func() {
		for _, p := range made {
			os.Remove(p)
		}
	}
	for _, f := range files {
		full := filepath.Join(siteDir, filepath.FromSlash(f.path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			undo()
			return "", fmt.Errorf("new %s: %w", k.Name, err)
		}
		// O_EXCL: the file is created only if it does not exist, atomically.
		out, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			undo()
			return "", fmt.Errorf("new %s: %s: %w; edit it, or choose another title", k.Name, f.path, ErrExists)
		}
		if err != nil {
			undo()
			return "", fmt.Errorf("new %s: %w", k.Name, err)
		}
		made = append(made, full)
		if _, err := out.WriteString(f.content); err != nil {
			out.Close()
			undo()
			return "", fmt.Errorf("new %s: write %s: %w", k.Name, f.path, err)
		}
		if err := out.Close(); err != nil {
			undo()
			return "", fmt.Errorf("new %s: write %s: %w", k.Name, f.path, err)
		}
	}
	return f.path, nil
}

func lookup(name string) (Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return Kind{}, false
}

// quote writes s as a YAML double-quoted scalar.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString(`\"`)
		case r == '\\':
			b.WriteString(`\\`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// datedSlug is "<date>-<slug of title>", or "<date>-<fallback>" when the
// title has nothing to spell.
func datedSlug(title string, today time.Time, fallback string) string {
	s := Slug(title)
	if s == "" {
		s = fallback
	}
	return today.Format("2006-01-02") + "-" + s
}

// frontMatterText is the front matter of a new page: its title, today's date,
// the fields given (lines without their line ends), and draft: false.
func frontMatterText(title string, today time.Time, fields ...string) string {
	return "---\ntitle: " + quote(title) + "\ndate: " + today.Format("2006-01-02") + "\n" +
		strings.Join(fields, "\n") + "\ndraft: false\n---\n\n"
}

// newsFile makes a Markdown page with front matter in content/<section>/.
func newsFile(section string) func(string, time.Time) (file, error) {
	return func(title string, today time.Time) (file, error) {
		name := datedSlug(title, today, strings.TrimSuffix(section, "s"))
		return file{
			path:    path.Join("content", section, name+".md"),
			content: frontMatterText(title, today, `summary: "" # 一句话摘要，用于列表、订阅和分享`, "tags: []") + "正文。\n",
		}, nil
	}
}

// activityFile makes a planned activity in data/activities/, in the format
// internal/member reads. Its kind is guessed from the title; the times, the
// department and the place are placeholders to check.
func activityFile(title string, today time.Time) (file, error) {
	id := datedSlug(title, today, "activity")
	kind := "其他"
	for _, k := range member.Kinds {
		if strings.Contains(title, k.Value) {
			kind = k.Value
			break
		}
	}
	date := today.Format("2006-01-02")
	var b strings.Builder
	b.WriteString("id: " + id + "\n")
	b.WriteString("title: " + quote(title) + "\n")
	b.WriteString("kind: " + kind + " # " + strings.Join(member.Kinds.Values(), "、") + "\n")
	b.WriteString("start: " + date + " 09:00 # 请核对：日期和时间\n")
	b.WriteString("end: " + date + " 11:00\n")
	b.WriteString("location: \"\" # 地点\n")
	b.WriteString("department: " + member.Departments[0].Value + " # " + strings.Join(member.Departments.Values(), "、") + "\n")
	b.WriteString("speakers: []\n")
	b.WriteString("# speakers:\n#   - name: 姓名\n#     affiliation: 单位\n#     title: 职称\n#     topic: 题目\n")
	b.WriteString("summary: \"\"\n")
	b.WriteString("# registration:\n#   url: https://… # 报名链接\n#   deadline: " + date + " 08:00 # 报名截止，不晚于开始时间\n")
	b.WriteString("status: " + member.StatusPlanned + "\n")
	return file{path: path.Join("data", "activities", id+".yaml"), content: b.String()}, nil
}

// memberFile makes a member in data/members/, in the format internal/member
// reads. An ASCII slug-like argument is taken as the id; otherwise the id is
// the slug of the name. Level, type, region and industry are defaults to
// check; the member is not listed until an editor says so.
func memberFile(arg string, today time.Time) (file, error) {
	id, name := Slug(arg), arg
	if slugLike.MatchString(arg) {
		id = arg
	}
	if id == "" {
		return file{}, fmt.Errorf("%q has nothing to make an id from; give the id in pinyin, e.g. zhengzhou-shili-keji", arg)
	}
	region := member.Regions[0].Value
	for _, r := range member.Regions {
		short := strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(r.Value, "区"), "市"), "县")
		if strings.Contains(arg, short) {
			region = r.Value
			break
		}
	}
	unitType := "企业"
	for _, guess := range []struct{ word, unitType string }{
		{"大学", "高校"}, {"学院", "高校"}, {"研究院", "科研院所"}, {"研究所", "科研院所"},
		{"局", "政府机关"}, {"委员会", "政府机关"}, {"协会", "社会组织"}, {"学会", "社会组织"},
		{"中心", "事业单位"},
	} {
		if strings.Contains(arg, guess.word) {
			unitType = guess.unitType
			break
		}
	}
	rep := id + "-zhudaibiao"
	var b strings.Builder
	b.WriteString("id: " + id + "\n")
	b.WriteString("name: " + quote(name) + "\n")
	b.WriteString("level: " + member.LevelOrdinary + " # " + strings.Join(member.Levels.Values()[:3], "、") + "（个人会员登记在 data/people/）\n")
	b.WriteString("unit_type: " + unitType + " # " + strings.Join(member.UnitTypes.Values()[:6], "、") + "\n")
	b.WriteString("region: " + region + " # 请核对\n")
	b.WriteString("industry: 其他 # 请从行业列表中选择\n")
	b.WriteString("joined: " + today.Format("2006-01-02") + "\n")
	b.WriteString("listed: false # 核对无误后改为 true，在网站上公开\n")
	b.WriteString("intro: \"\"\n")
	b.WriteString("representatives:\n")
	b.WriteString("  # 每位代表是 data/people/ 中的一条人员记录，person 填其标识；\n")
	b.WriteString("  # 代表调离时在此加 left: 日期，继任者另起一条并写 since: 日期\n")
	b.WriteString("  - person: " + rep + " # 主代表的人员记录，见 data/people/" + rep + ".yaml\n")
	b.WriteString("    role: " + member.RoleMain + "\n")
	b.WriteString("    title: \"\" # 在本单位的职务\n")
	b.WriteString("contact:\n  phone: \"\"\n  email: \"\"\n  address: \"\"\n")
	person := "id: " + rep + "\n" +
		"name: 待填写 # " + quote(name) + "主代表的姓名\n" +
		"contact: # 仅供秘书处内部使用，不会公开\n  mobile: \"\"\n  email: \"\"\n"
	return file{path: path.Join("data", "members", id+".yaml"), content: b.String(),
		more: []file{{path: path.Join("data", "people", rep+".yaml"), content: person}}}, nil
}

// personFile makes a person in data/people/: a representative of member
// units, or (with a membership) an individual member. The id is the pinyin
// of the name.
func personFile(name string, today time.Time) (file, error) {
	id := nameSlug(name)
	if slugLike.MatchString(name) {
		id = name
	}
	if id == "" {
		return file{}, fmt.Errorf("%q has nothing to make an id from; give the id in pinyin, e.g. zhang-shi-jia", name)
	}
	var b strings.Builder
	b.WriteString("id: " + id + "\n")
	b.WriteString("name: " + quote(name) + "\n")
	b.WriteString("contact: # 仅供秘书处内部使用，不会公开\n  mobile: \"\"\n  email: \"\"\n")
	b.WriteString("# left_city: " + today.Format("2006-01-02") + " # 调离本市的日期（第七条）\n")
	b.WriteString("# 个人会员另写 membership：\n")
	b.WriteString("# membership:\n#   joined: " + today.Format("2006-01-02") + "\n#   region: 金水区\n#   industry: 其他\n#   listed: false\n")
	return file{path: path.Join("data", "people", id+".yaml"), content: b.String()}, nil
}

var (
	slugLike = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	issueRe  = regexp.MustCompile(`^(\d{4})-(\d{1,2})$`)
)

// journalFile makes the section page of one issue of the journal.
func journalFile(arg string, today time.Time) (file, error) {
	m := issueRe.FindStringSubmatch(arg)
	if m == nil {
		return file{}, fmt.Errorf("%q is not an issue: write year-number, e.g. 2026-2", arg)
	}
	year, _ := strconv.Atoi(m[1])
	number, _ := strconv.Atoi(m[2])
	if year < 1990 || year > 2200 || number < 1 || number > 24 {
		return file{}, fmt.Errorf("%q is not an issue: the year or the number is out of range", arg)
	}
	dir := fmt.Sprintf("%d-%d", year, number)
	content := frontMatterText(fmt.Sprintf("会刊 %d年第%d期", year, number), today,
		fmt.Sprintf("volume: %d", year), fmt.Sprintf("number: %d", number), "columns: [] # 栏目，如 [卷首语, 政策解读, 会员风采]") +
		"本期导读。\n"
	return file{path: path.Join("content", "journal", dir, "_index.md"), content: content}, nil
}

// whitepaperFile makes a white paper's page bundle. The argument is the
// slug, or a title to make one from.
func whitepaperFile(arg string, today time.Time) (file, error) {
	slug, title := arg, arg
	if !slugLike.MatchString(arg) {
		if slug = Slug(arg); slug == "" {
			return file{}, fmt.Errorf("%q has nothing to make a slug from; give one in pinyin, e.g. shuzi-jingji-2026", arg)
		}
	}
	content := frontMatterText(title, today, `summary: ""`, "authors: []") + "## 前言\n\n正文。\n"
	return file{path: path.Join("content", "whitepapers", slug, "index.md"), content: content}, nil
}
