package hooks

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/zzia/press/internal/testenv"
	"github.com/zzia/press/internal/testgit"
)

func newRepo(t *testing.T) (root, site string) {
	t.Helper()
	root = t.TempDir()
	testgit.Init(t, root)
	site = filepath.Join(root, "site dir")
	if err := os.MkdirAll(site, 0o755); err != nil {
		t.Fatal(err)
	}
	return root, site
}

func TestInstall(t *testing.T) {
	root, site := newRepo(t)
	path, err := Install(site, "press", false)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, ".git", "hooks", "pre-commit"); path != want {
		t.Errorf("path = %s, want %s", path, want)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm()&0o111 == 0 {
		t.Errorf("hook mode %v is not executable", fi.Mode())
	}
	b, _ := os.ReadFile(path)
	for _, want := range []string{Marker, "git checkout-index --all", `press check --source "$tmp"/'site dir'`} {
		if !bytes.Contains(b, []byte(want)) {
			t.Errorf("hook lacks %q:\n%s", want, b)
		}
	}

	// Installing again, with another command, replaces our own hook.
	if _, err := Install(site, "go run ./cmd/press", false); err != nil {
		t.Fatalf("reinstall: %v", err)
	}
	b, _ = os.ReadFile(path)
	if !bytes.Contains(b, []byte("if ! go run ./cmd/press check")) {
		t.Errorf("reinstalled hook:\n%s", b)
	}
	if _, err := os.Stat(path + ".press-backup"); err == nil {
		t.Error("our own hook was backed up as if foreign")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".pre-commit.press-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}
}

func TestInstallKeepsForeignHook(t *testing.T) {
	root, site := newRepo(t)
	path := filepath.Join(root, ".git", "hooks", "pre-commit")
	foreign := []byte("#!/bin/sh\nexec lint-staged\n")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, foreign, 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Install(site, "press", false)
	if !errors.Is(err, ErrForeignHook) || !strings.Contains(err.Error(), path) {
		t.Fatalf("Install over a foreign hook: %v, want ErrForeignHook naming %s", err, path)
	}
	if b, _ := os.ReadFile(path); !bytes.Equal(b, foreign) {
		t.Error("the foreign hook was changed without force")
	}
	if _, err := Install(site, "press", true); err != nil {
		t.Fatalf("forced install: %v", err)
	}
	if b, _ := os.ReadFile(path + ".press-backup"); !bytes.Equal(b, foreign) {
		t.Errorf("backup = %q, want the foreign hook", b)
	}
	if b, _ := os.ReadFile(path); !bytes.Contains(b, []byte(Marker)) {
		t.Error("forced install did not write our hook")
	}
}

func TestInstallHonoursHooksPath(t *testing.T) {
	root, site := newRepo(t)
	repo := testgit.Open(t, root)
	cfg, _ := repo.Config()
	cfg.Raw.Section("core").SetOption("hooksPath", ".githooks")
	if err := repo.SetConfig(cfg); err != nil {
		t.Fatal(err)
	}
	path, err := Install(site, "press", false)
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(root, ".githooks", "pre-commit"); path != want {
		t.Errorf("path = %s, want %s", path, want)
	}
}

func TestInstallOutsideRepository(t *testing.T) {
	if _, err := Install(t.TempDir(), "press", false); err == nil {
		t.Error("Install outside a repository succeeded")
	}
}

// TestHookRuns runs the installed hook with stand-ins for git (which
// exports a fixture as the index) and press (which records what it was
// asked to check and fails on demand).
func TestHookRuns(t *testing.T) {
	sh := testenv.Tool(t, "sh", "a POSIX shell runs the hook")
	root, site := newRepo(t)
	bin := t.TempDir()
	index := t.TempDir() // what the stand-in git exports as the staged files
	if err := os.MkdirAll(filepath.Join(index, "site dir", "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(index, "site dir", "content", "a.md"), []byte("staged"), 0o644); err != nil {
		t.Fatal(err)
	}
	fakeGit := "#!/bin/sh\n" +
		"[ \"$1\" = checkout-index ] || exit 97\n" +
		"prefix=${3#--prefix=}\n" +
		"mkdir -p \"$prefix\" && cp -R \"$FAKE_INDEX/.\" \"$prefix\"\n"
	fakePress := "#!/bin/sh\n" +
		"echo \"$@\" > \"$PRESS_LOG\"\n" +
		"cat \"$3/content/a.md\" >> \"$PRESS_LOG\"\n" +
		"exit \"$PRESS_EXIT\"\n"
	for name, script := range map[string]string{"git": fakeGit, "fakepress": fakePress} {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	hook, err := Install(site, filepath.Join(bin, "fakepress"), false)
	if err != nil {
		t.Fatal(err)
	}
	log := filepath.Join(t.TempDir(), "press.log")
	tmpdir := t.TempDir()
	run := func(exit string) (string, error) {
		cmd := exec.Command(sh, hook)
		cmd.Dir = root
		cmd.Env = append(os.Environ(), "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"),
			"FAKE_INDEX="+index, "PRESS_LOG="+log, "PRESS_EXIT="+exit, "TMPDIR="+tmpdir)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		return stderr.String(), err
	}

	if stderr, err := run("0"); err != nil {
		t.Fatalf("hook failed on a passing check: %v\n%s", err, stderr)
	}
	b, _ := os.ReadFile(log)
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "check --source "+tmpdir) || !strings.HasSuffix(lines[0], "/site dir") || lines[1] != "staged" {
		t.Errorf("press was run as %q", lines)
	}
	if entries, _ := os.ReadDir(tmpdir); len(entries) != 0 {
		t.Errorf("the hook left %d temporary entries", len(entries))
	}

	stderr, err := run("1")
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != 1 {
		t.Fatalf("hook on a failing check: %v, want exit status 1", err)
	}
	if !strings.Contains(stderr, "--no-verify") {
		t.Errorf("stderr %q does not explain how to proceed", stderr)
	}
}
