package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/zzia/press/internal/testsite"
)

// TestMain lets the tests run press itself in a child process (to send it
// signals): PRESS_CLI_CHILD=1 makes the test binary behave as press.
func TestMain(m *testing.M) {
	if os.Getenv("PRESS_CLI_CHILD") == "1" {
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// slowSite is the minimal fixture with a home page that takes seconds to
// render, so that a signal reaches the build in the middle of Hugo's work.
func slowSite(t *testing.T) string {
	t.Helper()
	src := testsite.Copy(t, fixtureSite("minimal"))
	os.WriteFile(filepath.Join(src, "layouts", "home.html"), []byte(
		`{{ define "main" }}{{ $n := 0 }}{{ range seq 3000 }}{{ range seq 3000 }}{{ $n = add $n 1 }}{{ end }}{{ end }}<p>{{ $n }}</p>{{ end }}`), 0o644)
	return src
}

// TestInterruptRemovesTemporaryDirectories interrupts builds with SIGINT,
// SIGTERM and SIGHUP while Hugo renders: each exits as the signal says,
// leaves no temporary or staging directory, and the previous output stays.
func TestInterruptRemovesTemporaryDirectories(t *testing.T) {
	src := slowSite(t)
	cache := t.TempDir()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	if code, _, stderr := run(0, "build", "-s", fixtureSite("minimal"), "-d", out, "--cache-dir", cache); code != 0 {
		t.Fatalf("first build: %s", stderr)
	}
	before, _ := os.ReadFile(filepath.Join(out, "index.html"))

	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp := t.TempDir()
			cmd := exec.Command(os.Args[0], "build", "-s", src, "-d", out, "--cache-dir", cache)
			cmd.Env = append(os.Environ(), "PRESS_CLI_CHILD=1", "TMPDIR="+tmp, "LANG=C")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Hugo is at work once its config overlay exists.
			deadline := time.Now().Add(2 * time.Minute)
			for {
				m, _ := filepath.Glob(filepath.Join(tmp, "press-config-*"))
				st, _ := filepath.Glob(filepath.Join(dir, ".press-stage-public-*"))
				if len(m) > 0 && len(st) > 0 {
					break
				}
				if time.Now().After(deadline) {
					cmd.Process.Kill()
					t.Fatalf("the build never started Hugo: %s", stderr.String())
				}
				time.Sleep(5 * time.Millisecond)
			}
			cmd.Process.Signal(sig)
			err := cmd.Wait()
			var ee *exec.ExitError
			if !errors.As(err, &ee) || ee.ExitCode() != 128+int(sig) {
				t.Errorf("exit: %v; want status %d\n%s", err, 128+int(sig), stderr.String())
			}
			if !strings.Contains(stderr.String(), "interrupted") {
				t.Errorf("no word of the interruption:\n%s", stderr.String())
			}
			if left, _ := os.ReadDir(tmp); len(left) > 0 {
				var names []string
				for _, e := range left {
					names = append(names, e.Name())
				}
				t.Errorf("left in TMPDIR: %v", names)
			}
			if left, _ := filepath.Glob(filepath.Join(dir, ".press-stage-*")); len(left) > 0 {
				t.Errorf("left beside the output: %v", left)
			}
			if after, _ := os.ReadFile(filepath.Join(out, "index.html")); !bytes.Equal(before, after) {
				t.Errorf("the previous output changed")
			}
		})
	}
}
