package project

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/zzia/press/internal/deploy"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/testgit"
	"github.com/zzia/press/internal/testsite"
)

func open(t *testing.T, lang msg.Lang, dir string) *Project {
	t.Helper()
	p, err := Open(lang, dir, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// A site outside git is not published to a branch, and one with
// uncommitted changes not at all: both are refused before the build, so
// no output appears.
func TestPublishRefusesBeforeBuilding(t *testing.T) {
	dir := testsite.Copy(t, testsite.Fixture("minimal"))
	dest := filepath.Join(t.TempDir(), "public")
	p := open(t, msg.En, dir)
	_, err := p.Publish(context.Background(), PublishOptions{Build: BuildOptions{Dest: dest}})
	if err == nil || !strings.Contains(err.Error(), "publishing needs the site's git repository; use --dir") {
		t.Errorf("outside git: %v", err)
	}

	testgit.Init(t, dir).Commit(t, "sources", "编辑甲", time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	os.WriteFile(filepath.Join(dir, "content", "draft.md"), []byte("---\ntitle: 草稿\n---\n"), 0o644)
	p = open(t, msg.Zh, dir)
	_, err = p.Publish(context.Background(), PublishOptions{Build: BuildOptions{Dest: dest}, Dir: filepath.Join(t.TempDir(), "mirror")})
	if err == nil || !strings.Contains(err.Error(), "源文件有未提交的修改（content/draft.md）") {
		t.Errorf("dirty sources: %v", err)
	}
	_, err = p.Deploy(context.Background(), DeployOptions{Build: BuildOptions{Dest: dest}})
	if err == nil || !strings.Contains(err.Error(), "源文件有未提交的修改（content/draft.md）") {
		t.Errorf("dirty sources, deploy: %v", err)
	}
	if _, err := os.Stat(dest); !os.IsNotExist(err) {
		t.Error("a refused publish built the site")
	}
}

// A deploy's errors come in the project's language; a failed refresh
// comes with the deploy that did succeed.
func TestDeployErrorsInLanguage(t *testing.T) {
	p := &Project{site: &pipeline.Site{Lang: msg.Zh}}
	cases := []struct {
		err  error
		want string
	}{
		{deploy.ErrNoTargets, "hugo.toml 中没有部署目标"},
		{deploy.ErrAborted, ""},
		{&deploy.UnknownTargetError{Name: "nope", Known: []string{"oss", "server"}}, `没有名为 "nope" 的部署目标；配置中有：oss, server`},
		{&deploy.TooManyDeletesError{Target: "oss", Deletes: 12, Max: 5}, "部署到 oss 将删除 12 个文件，超过 maxDeletes（5）"},
	}
	for _, c := range cases {
		r, err := p.deployError(c.err)
		if r != nil || err == nil || err.Error() == c.err.Error() || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: got %v, %v", c.err, r, err)
		}
	}
	done := &deploy.Result{Target: "oss"}
	r, err := p.deployError(&deploy.RefreshError{Command: "cdn-refresh", Err: errors.New("exit status 1"), Result: done})
	if r != done || err == nil || !strings.Contains(err.Error(), "网站已部署，但刷新命令 cdn-refresh 失败") {
		t.Errorf("refresh failed: got %v, %v", r, err)
	}
	other := errors.New("connection refused")
	if r, err := p.deployError(other); r != nil || err != other {
		t.Errorf("another error changed: %v, %v", r, err)
	}
}

// New dates a file with the given day, refuses to overwrite it in the
// caller's language, and reports a malformed PRESS_TODAY as a TodayError.
func TestNew(t *testing.T) {
	dir := t.TempDir()
	day := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	rel, err := New(msg.En, dir, "news", "信息化研讨会在郑州召开", day)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(rel, "content/news/2026-12-03-") {
		t.Errorf("path %s is not dated with the given day", rel)
	}
	b, _ := os.ReadFile(filepath.Join(dir, filepath.FromSlash(rel)))
	if !strings.Contains(string(b), "2026-12-03") {
		t.Errorf("front matter lacks the day:\n%s", b)
	}
	if _, err := New(msg.Zh, dir, "news", "信息化研讨会在郑州召开", day); err == nil || !strings.Contains(err.Error(), "请换一个标题，或直接编辑该文件") {
		t.Errorf("second time: %v", err)
	}
	t.Setenv("PRESS_TODAY", "2026-13-01")
	_, err = New(msg.En, dir, "notice", "通知", time.Time{})
	var te *TodayError
	if !errors.As(err, &te) || !strings.Contains(err.Error(), "PRESS_TODAY=2026-13-01") {
		t.Errorf("bad PRESS_TODAY: %v", err)
	}
}

// A Markdown file whose front matter is broken is an *Error naming the
// line, and no PDF is written.
func TestPDFBadFrontMatter(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "doc.md")
	os.WriteFile(in, []byte("---\ntitle: 文档\ntags: [a, b\n---\n正文。\n"), 0o644)
	_, _, err := PDF(msg.En, PDFOptions{In: in, PageSize: "A4"})
	var e *Error
	if !errors.As(err, &e) || len(e.Diagnostics) == 0 || e.Diagnostics[0].Line != 3 {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "doc.pdf")); !os.IsNotExist(err) {
		t.Error("a PDF was written")
	}
}

// A Markdown file saved as GBK by a Windows editor (its title in the
// front matter too) is one error at its first Chinese character, naming
// GBK in the editor's language, and no PDF is written.
func TestPDFFromGBK(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "gbk.md")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("---\ntitle: 会刊\n---\n\n正文。\n")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(in, []byte(gbk), 0o644)
	_, _, err = PDF(msg.Zh, PDFOptions{In: in, PageSize: "A4"})
	var e *Error
	if !errors.As(err, &e) || len(e.Diagnostics) != 1 || e.Diagnostics[0].Line != 2 || e.Diagnostics[0].Column != 8 ||
		!strings.Contains(e.Diagnostics[0].Message, "GBK") {
		t.Fatalf("got %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "gbk.pdf")); !os.IsNotExist(err) {
		t.Error("a PDF was written")
	}
}
