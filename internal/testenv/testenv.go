// Package testenv is how press's tests ask for what they need from the
// machine (poppler-utils, node, sh, fonts, a FIFO): present, the test runs;
// missing, it is skipped on a developer's machine but fails under CI (see CI),
// where make test has installed everything and a skip would hide a test
// that never ran. Only tests import it.
package testenv

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// CI reports whether the tests run under CI: CI set to anything but
// "false" or "0" (CI runners set CI=true).
func CI() bool {
	v := strings.ToLower(os.Getenv("CI"))
	return v != "" && v != "false" && v != "0"
}

// Missing ends the test for want of what: a failure under CI, a skip
// elsewhere.
func Missing(t testing.TB, what string) {
	t.Helper()
	if CI() {
		t.Fatal("CI=true and the test cannot run: " + what)
	}
	t.Skip(what)
}

// Tool returns the path of the program name, ending the test (see
// Missing) when it is not installed; how says how to install it.
func Tool(t testing.TB, name, how string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		Missing(t, name+" not found: "+how)
	}
	return p
}
