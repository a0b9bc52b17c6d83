package pipeline

import (
	"crypto/sha256"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/testenv"
	"github.com/zzia/press/internal/testpdf"
	"github.com/zzia/press/internal/typeset"
)

// The matcher finds what strings.Contains finds, for many patterns at once.
func TestMatcherAgreesWithContains(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "b", "0", "1", "-", "郑", "州", "市"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		return b.String()
	}
	for round := range 200 {
		set := map[string]bool{}
		for range 1 + r.IntN(30) {
			set[word(1+r.IntN(5))] = true
		}
		var patterns []string
		for p := range set {
			patterns = append(patterns, p)
		}
		sort.Strings(patterns)
		m := newMatcher(patterns)
		text := word(r.IntN(60))
		found := map[int]bool{}
		m.find([]byte(text), func(id, end int) {
			if !strings.HasSuffix(text[:end], patterns[id]) {
				t.Fatalf("round %d: %q reported at %d in %q", round, patterns[id], end, text)
			}
			found[id] = true
		})
		for i, p := range patterns {
			if strings.Contains(text, p) != found[i] {
				t.Fatalf("round %d: %q in %q: contains %v, found %v (%s)", round, p, text, strings.Contains(text, p), found[i], m)
			}
		}
	}
}

// secretsOf loads one member with private values.
func secretsOf(t *testing.T) *secrets {
	t.Helper()
	fsys := fstest.MapFS{
		"data/members/m1.yaml": {Data: []byte("id: m1\nname: 郑州示例甲科技有限公司\nlevel: 理事单位\nunit_type: 企业\nregion: 金水区\nindustry: 互联网\n" +
			"joined: 2025-01-01\nlisted: true\nrepresentatives:\n  - person: zhang\n    role: 主代表\ncontact:\n  phone: \"0371-55550001\"\n" +
			"  address: 郑州市金水区示例路1号（虚构）\nnotes: |\n  会费发票需寄送财务部王会计。\n  短备注\n" +
			"fees:\n  - year: 2026\n    amount: 5000\n    note: 经理事会同意减半收取会费\n")},
		"data/people/zhang.yaml": {Data: []byte("id: zhang\nname: 张示甲\ncontact:\n  mobile: \"155-5555-0101\"\n  email: Zhang.Shijia@Example.com\n")},
	}
	ds, l := member.LoadFS(msg.En, fsys, time.Date(2026, 11, 27, 0, 0, 0, 0, clock.Zone))
	if l.HasErrors() {
		t.Fatal(l)
	}
	return collectSecrets(msg.En, ds, nil)
}

func TestPrivacyViews(t *testing.T) {
	s := secretsOf(t)
	tests := []struct {
		name, file, content string
		want                string // what is found, "" for nothing
	}{
		{"a phone as written", "a/index.html", "<p>电话：0371-55550001</p>", "phone number of m1"},
		{"a phone with spaces", "a/index.html", "<p>电话：0371 5555 0001</p>", "phone number of m1"},
		{"a phone as digits", "search/index.json", `{"t":"037155550001"}`, "phone number of m1"},
		{"a mobile split by a tag", "a/index.html", "155-<b>5555</b>-0101", "mobile number of zhang"},
		{"an e-mail in entities", "a/index.html", "Zhang.Shijia&#64;Example.com", "e-mail address of zhang"},
		{"an e-mail in lower case", "a/index.xml", "zhang.shijia@example.com", "e-mail address of zhang"},
		{"an address escaped in JSON", "data.json", `"\u90d1\u5dde\u5e02金水区示例路1号（虚构）"`, "postal address of m1"},
		{"an address folded in a calendar", "cal/all.ics", "LOCATION:郑州市金水区示\r\n 例路1号（虚构）\r\n", "postal address of m1"},
		{"a line of the notes", "x.csv", "\ufeff会费发票需寄送财务部王会计。", "secretariat's notes of m1"},
		{"a fee note", "a/index.html", "经理事会同意减半收取会费", "fee note of m1"},
		{"a short note is ordinary text", "a/index.html", "短备注", ""},
		{"a date is not a phone", "a/index.html", "2026-11-27 03:71", ""},
		{"an image is not read", "logo.png", "0371-55550001", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := s.check(fstest.MapFS{tt.file: {Data: []byte(tt.content)}})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("found %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.file+":") || !strings.Contains(err.Error(), "contains the private "+tt.want)):
				t.Errorf("got %v, want %s in %s", err, tt.want, tt.file)
			}
			if err != nil && strings.Contains(err.Error(), "5555") {
				t.Errorf("the message shows the private value: %v", err)
			}
		})
	}
}

// The text of a PDF press typesets is read, even when a value is broken
// over two lines.
func TestPrivacyPDF(t *testing.T) {
	s := secretsOf(t)
	md := "# 通讯录摘录\n\n" + strings.Repeat("这是一段很长的说明文字，用来把后面的地址挤到行尾。", 3) +
		"联系地址：郑州市金水区示例路1号（虚构），电话 0371-55550001。\n"
	b, _, err := typeset.Render([]byte(md), "x.md", typeset.Options{})
	if err != nil {
		testenv.Missing(t, "no fonts to typeset with (make deps installs them): "+err.Error())
	}
	err = s.check(fstest.MapFS{"journal/x.pdf": {Data: b}})
	if err == nil || !strings.Contains(err.Error(), "journal/x.pdf: contains the private postal address of m1") ||
		!strings.Contains(err.Error(), "phone number of m1") {
		t.Errorf("got %v", err)
	}
	// pdfText reads what poppler reads.
	want := strings.Join(strings.Fields(testpdf.Run(t, b, "pdftotext")), "")
	got := string(pdfText(b))
	for _, r := range want {
		if !strings.ContainsRune(got, r) {
			t.Errorf("pdftotext reads %q, which the scan does not", r)
			break
		}
	}
	if err := s.check(fstest.MapFS{"clean.pdf": {Data: func() []byte {
		b, _, _ := typeset.Render([]byte("# 标题\n\n正文。\n"), "c.md", typeset.Options{})
		return b
	}()}}); err != nil {
		t.Errorf("a clean PDF: %v", err)
	}
}

// The scan of many values stays small: the automaton of 50,000 values.
func TestMatcherSize(t *testing.T) {
	var patterns []string
	for i := range 50000 {
		patterns = append(patterns, fmt.Sprintf("郑州市示例路%d号（虚构）", i), fmt.Sprintf("0371-%08d", i))
	}
	sort.Strings(patterns)
	m := newMatcher(patterns)
	if len(m.out) > 2_000_000 {
		t.Errorf("%s", m)
	}
}

// The preview's cache of clean contents: a file with the same bytes is not
// scanned again under the same values, but a changed file is, and every
// file is when the values change.
func TestPrivacyCleanCache(t *testing.T) {
	s := secretsOf(t)
	cache := newCleanFiles()
	out := fstest.MapFS{"a/index.html": {Data: []byte("<p>电话：0371-5555-9999</p>")}}
	if err := s.checkCached(out, cache); err != nil {
		t.Fatalf("clean page: %v", err)
	}
	out["a/index.html"] = &fstest.MapFile{Data: []byte("<p>电话：0371-55550001</p>")}
	if err := s.checkFilesCached(out, []string{"a/index.html"}, cache); err == nil {
		t.Fatal("a page changed to hold a phone number was not scanned again")
	}
	// The first bytes again: clean under the same values.
	out["a/index.html"] = &fstest.MapFile{Data: []byte("<p>电话：0371-5555-9999</p>")}
	if err := s.checkFilesCached(out, []string{"a/index.html"}, cache); err != nil {
		t.Fatalf("clean page again: %v", err)
	}
	// New values that the unchanged page holds: it is scanned again.
	other := collectSecrets(msg.En, &member.Dataset{Members: []*member.Member{{ID: "m2", Contact: member.Contact{Phone: "0371-5555-9999"}}}}, nil)
	if err := other.checkFilesCached(out, []string{"a/index.html"}, cache); err == nil || !strings.Contains(err.Error(), "phone number of m2") {
		t.Fatalf("after the private values changed, an unchanged page gave %v", err)
	}
}

// The build's verdicts kept in its cache folder: the next build under the
// same values does not scan the clean bytes again, a changed file is
// scanned, other values start from nothing, and only the last build's
// clean files are kept.
func TestPrivacyCleanFilesKept(t *testing.T) {
	s := secretsOf(t)
	path := filepath.Join(t.TempDir(), "privacy", "clean")
	out := fstest.MapFS{
		"a/index.html": {Data: []byte("<p>电话：0371-5555-9999</p>")},
		"b/index.html": {Data: []byte("<p>另一页</p>")},
	}
	c := loadCleanFiles(path, s.key)
	if err := s.checkCached(out, c); err != nil {
		t.Fatalf("clean pages: %v", err)
	}
	c.save(path)
	if st, err := os.Stat(path); err != nil || st.Size() != 3*sha256.Size {
		t.Fatalf("kept: %v, %v (want the key and 2 sums)", st, err)
	}

	c = loadCleanFiles(path, s.key)
	if !c.seen(scanSum("a/index.html", out["a/index.html"].Data)) {
		t.Error("a clean page of the last build is not known clean")
	}
	out["b/index.html"] = &fstest.MapFile{Data: []byte("<p>电话：0371-55550001</p>")}
	if err := s.checkCached(out, c); err == nil {
		t.Fatal("a page changed to hold a phone number was not scanned")
	}
	delete(out, "b/index.html")
	c = loadCleanFiles(path, s.key)
	if err := s.checkCached(out, c); err != nil {
		t.Fatal(err)
	}
	c.save(path)
	if st, _ := os.Stat(path); st.Size() != 2*sha256.Size {
		t.Errorf("kept %d bytes, want the key and the one file of the last build", st.Size())
	}

	other := collectSecrets(msg.En, &member.Dataset{Members: []*member.Member{{ID: "m2", Contact: member.Contact{Phone: "0371-5555-9999"}}}}, nil)
	c = loadCleanFiles(path, other.key)
	if c.seen(scanSum("a/index.html", out["a/index.html"].Data)) {
		t.Error("verdicts kept under other private values were used")
	}
	if err := other.checkCached(out, c); err == nil || !strings.Contains(err.Error(), "phone number of m2") {
		t.Fatalf("under new values, an unchanged page gave %v", err)
	}
}

// The cache knows a file by its bytes and by how they are read: a PDF's
// bytes found clean under a name read as plain text (the text is in
// compressed streams) are scanned again, and found, under a .pdf name.
func TestPrivacyCleanCacheByKind(t *testing.T) {
	s := secretsOf(t)
	b, _, err := typeset.Render([]byte("# 通讯录\n\n电话 0371-55550001。\n"), "x.md", typeset.Options{})
	if err != nil {
		testenv.Missing(t, "no fonts to typeset with (make deps installs them): "+err.Error())
	}
	cache := newCleanFiles()
	if err := s.checkCached(fstest.MapFS{"files/x.bin": {Data: b}}, cache); err != nil {
		t.Fatalf("the compressed bytes read as text: %v", err)
	}
	if err := s.checkCached(fstest.MapFS{"journal/x.pdf": {Data: b}}, cache); err == nil || !strings.Contains(err.Error(), "phone number of m1") {
		t.Errorf("the same bytes as a PDF: got %v, want the phone number found", err)
	}
}

// The preview's next load keeps the matcher of the same private values,
// with the owners of this load, and builds one for other values.
func TestPrivacyMatcherKept(t *testing.T) {
	one := func(id, phone string) *member.Dataset {
		return &member.Dataset{Members: []*member.Member{{ID: id, Contact: member.Contact{Phone: phone}}}}
	}
	first := collectSecrets(msg.En, one("m1", "0371-5555-9999"), nil)
	same := collectSecrets(msg.En, one("m2", "0371-5555-9999"), first)
	if same.matcher != first.matcher {
		t.Error("the same values built a new matcher")
	}
	if err := same.checkFiles(fstest.MapFS{"a.html": {Data: []byte("037155559999")}}, []string{"a.html"}); err == nil || !strings.Contains(err.Error(), "phone number of m2") {
		t.Errorf("with the kept matcher: %v, want m2's phone number found", err)
	}
	other := collectSecrets(msg.En, one("m1", "0371-5555-8888"), first)
	if other.matcher == first.matcher {
		t.Fatal("other values kept the matcher of the first")
	}
	if err := other.checkFiles(fstest.MapFS{"a.html": {Data: []byte("0371-5555-8888")}}, []string{"a.html"}); err == nil {
		t.Error("the new value was not found")
	}
}

// The preview's next load keeps the secrets themselves while the private
// values and their owners are the same (an edit of a name, an
// introduction), and makes new ones when a value, an owner or the language
// changes.
func TestPrivacySecretsKept(t *testing.T) {
	ds := func(name, phone, notes, owner string) *member.Dataset {
		return &member.Dataset{Members: []*member.Member{
			{ID: owner, Name: name, Contact: member.Contact{Phone: phone}, Notes: notes},
			{ID: "m9", Name: "另一家单位", Contact: member.Contact{Email: "office@example.org"}},
		}}
	}
	first := collectSecrets(msg.En, ds("第一个名字", "0371-5555-9999", "秘书处内部备注一二三", "m1"), nil)
	if got := collectSecrets(msg.En, ds("改过的名字😀𠀾", "0371-5555-9999", "秘书处内部备注一二三", "m1"), first); got != first {
		t.Error("a new name (not private) made new secrets")
	}
	for what, d := range map[string]*member.Dataset{
		"another phone": ds("第一个名字", "0371-5555-8888", "秘书处内部备注一二三", "m1"),
		"another note":  ds("第一个名字", "0371-5555-9999", "秘书处内部备注四五六", "m1"),
		"another owner": ds("第一个名字", "0371-5555-9999", "秘书处内部备注一二三", "m2"),
	} {
		got := collectSecrets(msg.En, d, first)
		if got == first {
			t.Errorf("%s: the secrets were kept", what)
			continue
		}
		if want := collectSecrets(msg.En, d, nil); !slices.Equal(got.list, want.list) || got.key != want.key {
			t.Errorf("%s: the secrets differ from those made anew", what)
		}
	}
	if got := collectSecrets(msg.Zh, ds("第一个名字", "0371-5555-9999", "秘书处内部备注一二三", "m1"), first); got == first || got.list[0].what == first.list[0].what {
		t.Error("another language: the secrets (and their messages) were kept")
	}
}
