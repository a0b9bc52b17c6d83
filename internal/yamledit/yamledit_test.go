package yamledit

import (
	"testing"
)

const member = `id: m00
name: 示例 # 全称
level: 理事单位
listed: true
intro: |
  第一段。

  第二段。
representatives:
  - person: zhang
    role: 主代表
    title: 总经理
  - person: li
    role: 副代表
fees:
  - year: 2025
    amount: 10000
notes: 备注
`

var order = []string{"id", "name", "short_name", "level", "listed", "intro", "representatives", "person", "role", "title", "post", "contact", "phone", "mobile", "fax", "email", "fees", "notes"}

func TestSet(t *testing.T) {
	for _, tc := range []struct {
		name  string
		path  Path
		value string
		want  string
		line  int
	}{
		{"replace keeps comment", Path{"name"}, "新名称", "id: m00\nname: 新名称 # 全称\n", 2},
		{"replace in list item", Path{"representatives", 0, "title"}, "董事长", "    title: 董事长\n", 12},
		{"add to list item", Path{"representatives", 1, "title"}, "经理", "    role: 副代表\n    title: 经理\nfees:", 0},
		{"add in order", Path{"short_name"}, "示例", "name: 示例 # 全称\nshort_name: 示例\nlevel:", 3},
		{"add parent before fees", Path{"contact", "phone"}, "0371-1", "    role: 副代表\ncontact:\n  phone: 0371-1\nfees:", 16},
		{"remove", Path{"notes"}, "", "    amount: 10000\n", 0},
		{"remove missing", Path{"contact", "fax"}, "", member, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := New([]byte(member))
			d.Order = order
			line, err := d.Set(tc.path, tc.value)
			if err != nil {
				t.Fatal(err)
			}
			got := string(d.Bytes())
			if !contains(got, tc.want) {
				t.Errorf("got\n%s\nwant it to contain\n%s", got, tc.want)
			}
			if tc.line != 0 && line != tc.line {
				t.Errorf("line %d, want %d", line, tc.line)
			}
		})
	}
}

func contains(s, sub string) bool { return len(sub) == 0 || indexOf(s, sub) >= 0 }

func indexOf(s, sub string) int {
	for i := 0; i+len(sub) <= len(s); i++ {
		if s[i:i+len(sub)] == sub {
			return i
		}
	}
	return -1
}

func TestSetRefusesBlockText(t *testing.T) {
	d := New([]byte(member))
	if _, err := d.Set(Path{"intro"}, "x"); err == nil {
		t.Fatal("a block text was replaced")
	}
}

func TestNullParent(t *testing.T) {
	d := New([]byte("id: a\ncontact:\nnotes: x\n"))
	if _, err := d.Set(Path{"contact", "email"}, "a@b.cn"); err != nil {
		t.Fatal(err)
	}
	if got, want := string(d.Bytes()), "id: a\ncontact:\n  email: a@b.cn\nnotes: x\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSetBlock(t *testing.T) {
	d := New([]byte(member))
	if _, err := d.SetBlock("fees", "fees:\n  - year: 2026\n"); err != nil {
		t.Fatal(err)
	}
	if got := string(d.Bytes()); !contains(got, "    role: 副代表\nfees:\n  - year: 2026\nnotes: 备注\n") {
		t.Errorf("got\n%s", got)
	}
	if _, err := d.SetBlock("attendance", "attendance:\n  - member: m01\n"); err != nil {
		t.Fatal(err)
	}
	if got := string(d.Bytes()); !contains(got, "notes: 备注\nattendance:\n  - member: m01\n") {
		t.Errorf("got\n%s", got)
	}
}
