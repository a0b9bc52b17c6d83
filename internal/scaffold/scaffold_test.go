package scaffold

import (
	"errors"
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/zzia/press/internal/member"
)

var today = time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("CST", 8*3600))

func TestSlug(t *testing.T) {
	tests := []struct{ title, want string }{
		{"信息化研讨会", "xinxihua-yantaohui"},
		{"关于召开理事会议的通知", "lishi-huiyi-tongzhi"},
		{"2026年数字经济发展论坛", "2026-nian-shuzi-jingji"},
		{"人工智能与银行业", "rengong-zhineng-yinhang"},
		{"郑州市数据安全白皮书", "zhengzhoushi-shuju-anquan"},
		{"郑州示例科技有限公司", "zhengzhou-shili-keji"},
		{"AI 赋能 Smart City", "ai-funeng-smart-city"},
		{"郑州大学", "zhengzhou-daxue"},
		{"绿色低碳", "lvse-ditan"},
		{"【示例】促进会举办信息化专题研讨会", "shili-cujinhui"},
		{"！？……", ""},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			if got := Slug(tt.title); got != tt.want {
				t.Errorf("Slug(%q) = %q, want %q", tt.title, got, tt.want)
			}
		})
	}
}

// frontMatter returns the YAML front matter of a Markdown file, decoded.
func frontMatter(t *testing.T, src string) map[string]any {
	t.Helper()
	rest, ok := strings.CutPrefix(src, "---\n")
	if !ok {
		t.Fatalf("no front matter:\n%s", src)
	}
	fm, _, ok := strings.Cut(rest, "\n---\n")
	if !ok {
		t.Fatalf("front matter not closed:\n%s", src)
	}
	var m map[string]any
	if err := yaml.Unmarshal([]byte(fm), &m); err != nil {
		t.Fatalf("front matter is not YAML: %v\n%s", err, fm)
	}
	return m
}

func TestNew(t *testing.T) {
	tests := []struct {
		kind, arg string
		path      string
		check     func(t *testing.T, path, src string)
	}{
		{"news", "信息化研讨会", "content/news/2026-11-27-xinxihua-yantaohui.md", func(t *testing.T, _, src string) {
			fm := frontMatter(t, src)
			if fm["title"] != "信息化研讨会" || fm["draft"] != false || fm["date"] == nil {
				t.Errorf("front matter %v", fm)
			}
			if d, ok := fm["date"].(time.Time); !ok || d.Format("2006-01-02") != "2026-11-27" {
				t.Errorf("date = %#v, want 2026-11-27", fm["date"])
			}
			if _, ok := fm["summary"]; !ok {
				t.Error("no summary field")
			}
		}},
		{"notice", `关于"会费"缴纳的通知`, "content/notices/2026-11-27-huifei-jiaona-tongzhi.md", func(t *testing.T, _, src string) {
			if fm := frontMatter(t, src); fm["title"] != `关于"会费"缴纳的通知` {
				t.Errorf("title = %q", fm["title"])
			}
		}},
		{"notice", "！！！", "content/notices/2026-11-27-notice.md", nil},
		{"activity", "2027年数字经济发展论坛", "data/activities/2026-11-27-2027-nian-shuzi-jingji.yaml", func(t *testing.T, path, src string) {
			a, diags := member.ParseActivity(msg.En, path, []byte(src))
			if diags.HasErrors() {
				t.Fatalf("not a valid activity:\n%v\n%s", diags, src)
			}
			if a.ID != "2026-11-27-2027-nian-shuzi-jingji" || a.Kind != "论坛" || a.Status != member.StatusPlanned {
				t.Errorf("activity %+v", a)
			}
			if a.Title != "2027年数字经济发展论坛" || a.Start.Format("2006-01-02 15:04") != "2026-11-27 09:00" {
				t.Errorf("title %q start %v", a.Title, a.Start)
			}
		}},
		{"member", "中原示例大学", "data/members/zhongyuan-shili-daxue.yaml", func(t *testing.T, path, src string) {
			m, diags := member.ParseMember(msg.En, path, []byte(src))
			if diags.HasErrors() {
				t.Fatalf("not a valid member:\n%v\n%s", diags, src)
			}

			if m.Name != "中原示例大学" || m.UnitType != "高校" || m.Region != "中原区" || m.Listed {
				t.Errorf("member %+v", m)
			}
			if m.Joined.Format("2006-01-02") != "2026-11-27" {
				t.Errorf("joined %v", m.Joined)
			}
		}},
		{"member", "acme-zz", "data/members/acme-zz.yaml", func(t *testing.T, path, src string) {
			if _, diags := member.ParseMember(msg.En, path, []byte(src)); diags.HasErrors() {
				t.Fatalf("not a valid member:\n%v", diags)
			}
		}},
		{"person", "张示甲", "data/people/zhang-shi-jia.yaml", func(t *testing.T, path, src string) {
			p, diags := member.ParsePerson(msg.En, path, []byte(src))
			if diags.HasErrors() {
				t.Fatalf("not a valid person:\n%v\n%s", diags, src)
			}
			if p.Name != "张示甲" || p.ID != "zhang-shi-jia" || p.Membership != nil {
				t.Errorf("person %+v", p)
			}
		}},
		{"journal", "2026-2", "content/journal/2026-2/_index.md", func(t *testing.T, _, src string) {
			fm := frontMatter(t, src)
			if fm["volume"] != 2026 || fm["number"] != 2 || fm["title"] != "会刊 2026年第2期" {
				t.Errorf("front matter %v", fm)
			}
			if _, ok := fm["columns"].([]any); !ok {
				t.Errorf("columns = %#v, want a list", fm["columns"])
			}
		}},
		{"whitepaper", "shuzi-jingji-2026", "content/whitepapers/shuzi-jingji-2026/index.md", func(t *testing.T, _, src string) {
			if fm := frontMatter(t, src); fm["title"] != "shuzi-jingji-2026" {
				t.Errorf("front matter %v", fm)
			}
		}},
		{"whitepaper", "郑州市数据安全白皮书", "content/whitepapers/zhengzhoushi-shuju-anquan/index.md", func(t *testing.T, _, src string) {
			if fm := frontMatter(t, src); fm["title"] != "郑州市数据安全白皮书" {
				t.Errorf("front matter %v", fm)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.kind+" "+tt.arg, func(t *testing.T) {
			site := t.TempDir()
			got, err := New(site, tt.kind, tt.arg, today)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.path {
				t.Fatalf("path = %s, want %s", got, tt.path)
			}
			full := filepath.Join(site, filepath.FromSlash(got))
			src, err := os.ReadFile(full)
			if err != nil {
				t.Fatal(err)
			}
			if tt.check != nil {
				tt.check(t, got, string(src))
			}

			// A second call refuses, naming the file, and leaves it alone.
			if err := os.WriteFile(full, []byte("edited"), 0o644); err != nil {
				t.Fatal(err)
			}
			_, err = New(site, tt.kind, tt.arg, today)
			if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), got) {
				t.Errorf("second New: %v, want ErrExists naming %s", err, got)
			}
			if b, _ := os.ReadFile(full); string(b) != "edited" {
				t.Error("the existing file was overwritten")
			}
		})
	}
}

// A new member comes with the person record of its 主代表, and the two
// load without a problem: the format press reads.
func TestNewMemberLoads(t *testing.T) {
	site := t.TempDir()
	if _, err := New(site, "member", "郑州示例科技有限公司", today); err != nil {
		t.Fatal(err)
	}
	ds, diags := member.Load(msg.En, site, today)
	if len(diags) != 0 {
		t.Fatalf("diagnostics: %v", diags)
	}
	m := ds.Members[0]
	if len(ds.Members) != 1 || len(m.Representatives) != 1 || m.Representatives[0].Person == nil || m.Representatives[0].Role != member.RoleMain {
		t.Errorf("member %+v", m)
	}
	// The person file is not overwritten by a second member of that id.
	if _, err := New(site, "member", "郑州示例科技有限公司", today); !errors.Is(err, ErrExists) {
		t.Errorf("second member: %v", err)
	}
}

func TestNewErrors(t *testing.T) {
	site := t.TempDir()
	for _, tt := range []struct{ kind, arg, want string }{
		{"blog", "x", "unknown kind"},
		{"news", "  ", "give the 标题"},
		{"journal", "2026", "not an issue"},
		{"journal", "2026-0", "out of range"},
		{"member", "……", "nothing to make an id"},
		{"news", "两行\n标题", "one-line"},
	} {
		if _, err := New(site, tt.kind, tt.arg, today); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("New(%s, %q) = %v, want an error with %q", tt.kind, tt.arg, err, tt.want)
		}
	}
	entries, _ := os.ReadDir(site)
	if len(entries) != 0 {
		t.Errorf("failed calls left files: %v", entries)
	}
}

func TestNewUsesZhengzhouDate(t *testing.T) {
	// 20:00 UTC on the 26th is already the 27th in Zhengzhou.
	late := time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC)
	got, err := New(t.TempDir(), "news", "通知", late)
	if err != nil {
		t.Fatal(err)
	}
	if got != "content/news/2026-11-27-tongzhi.md" {
		t.Errorf("path = %s, want the Zhengzhou date 2026-11-27", got)
	}
}
