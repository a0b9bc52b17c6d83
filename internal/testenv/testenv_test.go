package testenv

import (
	"os"
	"runtime"
	"testing"
)

// TestMissingFailsUnderCI: under CI=true a missing tool is a failure, not
// a skip; elsewhere it is a skip.
func TestMissingFailsUnderCI(t *testing.T) {
	for _, ci := range []string{"true", ""} {
		t.Setenv("CI", ci)
		r := &recorder{}
		done := make(chan struct{})
		go func() {
			defer close(done)
			Tool(r, "press-no-such-tool-xyz", "install nothing")
		}()
		<-done
		if r.failed != (ci == "true") || r.skipped != (ci != "true") {
			t.Errorf("CI=%q: failed %v skipped %v", ci, r.failed, r.skipped)
		}
	}
	if p := Tool(t, os.Args[0], "it is this test"); p == "" {
		t.Error("the test binary is not found by its path")
	}
}

// recorder is a testing.TB that records how the test ended.
type recorder struct {
	testing.TB
	failed, skipped bool
}

func (r *recorder) Helper()      {}
func (r *recorder) Fatal(...any) { r.failed = true; runtime.Goexit() }
func (r *recorder) Skip(...any)  { r.skipped = true; runtime.Goexit() }
