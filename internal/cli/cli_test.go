package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/testenv"
	"github.com/zzia/press/internal/testpdf"
)

func run(lang msg.Lang, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(lang, args, &out, &errb)
	return code, out.String(), errb.String()
}

func fixtureSite(name string) string { return filepath.Join("..", "..", "testdata", "sites", name) }

func TestExitCodesAndMessages(t *testing.T) {
	tmp := t.TempDir()
	cases := []struct {
		name     string
		lang     msg.Lang
		args     []string
		code     int
		out, err string // substrings expected in stdout and stderr
	}{
		{"unknown command", msg.En, []string{"bogus"}, ExitUsage, "", `unknown command "bogus"`},
		{"unknown flag", msg.En, []string{"build", "--nope"}, ExitUsage, "", "unknown flag: --nope"},
		{"bad today", msg.Zh, []string{"build", "--today", "2026-13-01"}, ExitUsage, "", "不是 YYYY-MM-DD 格式的日期"},
		{"extra argument", msg.En, []string{"build", "extra"}, ExitUsage, "", "unknown command"},
		{"build ok", msg.En, []string{"build", "--source", fixtureSite("minimal"), "--dest", filepath.Join(tmp, "ok"), "--cache-dir", filepath.Join(tmp, "c")}, ExitOK, "Built 4 pages", ""},
		{"build ok zh", msg.Zh, []string{"build", "--source", fixtureSite("minimal"), "--dest", filepath.Join(tmp, "ok"), "--cache-dir", filepath.Join(tmp, "c")}, ExitOK, "已生成 4 个页面", ""},
		{"build error", msg.En, []string{"build", "--source", fixtureSite("badfrontmatter"), "--dest", filepath.Join(tmp, "bad"), "--cache-dir", filepath.Join(tmp, "c")}, ExitBuild, "", "content/posts/second.md:3:7: front matter: sequence end token ']' not found"},
		{"build error zh", msg.Zh, []string{"build", "--source", fixtureSite("badfrontmatter"), "--dest", filepath.Join(tmp, "bad"), "--cache-dir", filepath.Join(tmp, "c")}, ExitBuild, "", "构建失败，共 1 个错误；原有输出未改动。"},
		{"no site", msg.En, []string{"build", "--source", tmp, "--dest", filepath.Join(tmp, "x")}, ExitBuild, "", "no site configuration (hugo.toml) found"},
		{"version", msg.En, []string{"version"}, ExitOK, "hugo v0.165.0", ""},
		{"help en", msg.En, []string{"help"}, ExitOK, "Exit codes: 0 success; 1 content or build errors; 2 wrong command line.", ""},
		{"help zh", msg.Zh, []string{"help", "build"}, ExitOK, "示例：", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(c.lang, c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d\nstdout: %s\nstderr: %s", code, c.code, out, errs)
			}
			if !strings.Contains(out, c.out) {
				t.Errorf("stdout lacks %q:\n%s", c.out, out)
			}
			if !strings.Contains(errs, c.err) {
				t.Errorf("stderr lacks %q:\n%s", c.err, errs)
			}
		})
	}
}

func TestPDFCommand(t *testing.T) {
	testenv.Tool(t, "pdftotext", "install poppler-utils (make deps)")
	out := filepath.Join(t.TempDir(), "rules.pdf")
	src := filepath.Join("..", "..", "content", "membership", "rules.md")
	code, stdout, stderr := run(msg.En, "pdf", src, "-o", out, "--size", "16K", "--toc")
	if code != ExitOK {
		t.Fatalf("exit %d: %s %s", code, stdout, stderr)
	}
	info := testpdf.RunFile(t, out, "pdfinfo")
	for _, want := range []string{"Title:           会员管理办法", "Page size:       524.41 x 737.01 pts"} {
		if !strings.Contains(info, want) {
			t.Errorf("pdfinfo lacks %q:\n%s", want, info)
		}
	}
	text := testpdf.RunFile(t, out, "pdftotext", "-layout")
	for _, want := range []string{"目", "第九条", "视同自动退会处理"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF text lacks %q", want)
		}
	}
	if strings.Contains(text, "weight:") {
		t.Error("front matter was typeset as text")
	}
	if code, _, stderr := run(msg.En, "pdf", src, "--size", "A3"); code != ExitUsage || !strings.Contains(stderr, "use A4, 16K or B5") {
		t.Errorf("bad size: exit %d, %s", code, stderr)
	}
}

// Hanging punctuation is asked for with a flag or in the front matter; the
// flag wins.
func TestPDFHangingPunctuation(t *testing.T) {
	dir := t.TempDir()
	body := strings.Repeat("郑州市信息化促进会成立于二零零五年是一家行业组织，", 8) + "全文完。\n"
	write := func(name, fm string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(fm+body), 0o644)
		return p
	}
	plain := write("plain.md", "")
	hung := write("hung.md", "---\nhangingPunctuation: true\n---\n")
	pdf := func(args ...string) []byte {
		t.Helper()
		out := filepath.Join(dir, "out.pdf")
		if code, stdout, stderr := run(msg.En, append([]string{"pdf", "-o", out}, args...)...); code != ExitOK {
			t.Fatalf("exit %d: %s %s", code, stdout, stderr)
		}
		b, _ := os.ReadFile(out)
		return b
	}
	without, flag, fm := pdf(plain), pdf(plain, "--hanging-punctuation"), pdf(hung)
	if bytes.Equal(without, flag) {
		t.Error("--hanging-punctuation changes nothing")
	}
	if !bytes.Equal(flag, fm) {
		t.Error("hangingPunctuation: true in the front matter sets the text otherwise than the flag")
	}
	if off := pdf(hung, "--hanging-punctuation=false"); !bytes.Equal(off, without) {
		t.Error("--hanging-punctuation=false does not override the front matter")
	}
}

func TestCheckJSONListsBrokenLink(t *testing.T) {
	site := siteRepo(t) // a copy of the minimal fixture
	os.WriteFile(filepath.Join(site, "content", "posts", "links.md"), []byte("---\ntitle: L\n---\n见[会费](/membership/fee/)。\n"), 0o644)
	code, out, errs := run(msg.En, "check", "--source", site, "--format", "json", "--cache-dir", t.TempDir())
	if code != ExitBuild {
		t.Fatalf("exit %d, want 1\n%s\n%s", code, out, errs)
	}
	var rep struct {
		Errors   int
		Problems []struct {
			File, Message, Severity string
			Line, Column            int
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if rep.Errors != 1 || len(rep.Problems) != 1 {
		t.Fatalf("want one problem, got %+v", rep)
	}
	p := rep.Problems[0]
	if p.File != "content/posts/links.md" || p.Line != 4 || !strings.Contains(p.Message, "/posts/links/") || !strings.Contains(p.Message, "/membership/fee/") {
		t.Errorf("problem does not name the page and the target: %+v", p)
	}
	if _, err := os.Stat(filepath.Join(site, "public")); err == nil {
		t.Error("check wrote output")
	}
	code, out, _ = run(msg.En, "check", "--source", site, "--format", "github", "--cache-dir", t.TempDir())
	if code != ExitBuild || !strings.HasPrefix(out, "::error file=content/posts/links.md,line=4,col=") {
		t.Errorf("github format: exit %d\n%s", code, out)
	}
}

// TestPDFFromGBKFile: press pdf on a file Notepad saved as GBK exits 1
// with the file, line and column, names GBK in Chinese under a zh locale,
// says no PDF was written, and leaves an existing PDF of that name as it
// was.
func TestPDFFromGBKFile(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "通知.md"), filepath.Join(dir, "通知.pdf")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("# 关于年会的通知\n\n各会员单位：\n")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, []byte(gbk), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("earlier PDF"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := run(msg.Zh, "pdf", in, "-o", out)
	if code != ExitBuild || !strings.Contains(stderr, "通知.md:1:3") || !strings.Contains(stderr, "GBK") || !strings.Contains(stderr, "未生成 PDF") {
		t.Errorf("exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(out); string(b) != "earlier PDF" {
		t.Errorf("the earlier PDF was changed: %q", b)
	}
}
