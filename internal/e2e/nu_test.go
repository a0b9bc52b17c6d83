package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// nuMessage is one message of the Nu HTML checker's JSON output.
type nuMessage struct {
	Type      string `json:"type"`    // error, info, non-document-error
	SubType   string `json:"subType"` // warning, fatal, io, …
	URL       string `json:"url"`
	LastLine  int    `json:"lastLine"`
	FirstCol  int    `json:"firstColumn"`
	Message   string `json:"message"`
	Extract   string `json:"extract"`
	LastCol   int    `json:"lastColumn"`
	FirstLine int    `json:"firstLine"`
}

// nuKnown are errors that are known and accepted, each with the reason:
// the file (a suffix of its path), a part of the message and a part of the
// extract that must all match. There are none now; an entry needs a reason
// a reviewer would accept.
var nuKnown = []struct{ file, message, extract, why string }{}

func (m nuMessage) known() string {
	for _, k := range nuKnown {
		if strings.HasSuffix(m.URL, k.file) && strings.Contains(m.Message, k.message) && strings.Contains(m.Extract, k.extract) {
			return k.why
		}
	}
	return ""
}

// TestHTMLValid runs the Nu HTML checker (vnu.jar, the W3C's checker) once
// over every HTML file of the built site; each error fails the test with
// its file, line and message.
func TestHTMLValid(t *testing.T) {
	paths := need(t, toolJava, toolVnu)
	java, jar := paths[0], paths[1]
	dir, _ := site(t)
	var pages int
	filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ".html") {
			pages++
		}
		return nil
	})
	if pages < 100 {
		t.Fatalf("the built site has only %d HTML files", pages)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	runErr := cmd.Run()
	// The checker writes its report to stderr and exits 1 when it found errors.
	out := stderr.Bytes()
	if len(bytes.TrimSpace(out)) == 0 {
		out = stdout.Bytes()
	}
	var report struct {
		Messages []nuMessage `json:"messages"`
	}
	if err := json.Unmarshal(out, &report); err != nil {
		t.Fatalf("the Nu HTML checker (%v) gave no JSON report: %v\n%s\n%s", runErr, err, stdout.String(), stderr.String())
	}
	t.Logf("the Nu HTML checker read %d HTML files in %v", pages, time.Since(start).Round(time.Second))
	// Each message once, with every file and line it is found at: one
	// template error shows on many pages.
	var order []string
	at := map[string][]string{}
	accepted := map[string]int{}
	for _, m := range report.Messages {
		if m.Type == "info" {
			continue
		}
		file := strings.TrimPrefix(m.URL, "file:")
		if rel, err := filepath.Rel(dir, file); err == nil {
			file = filepath.ToSlash(rel)
		}
		if why := m.known(); why != "" {
			accepted[why]++
			continue
		}
		key := m.Message + "\n\t" + strings.ReplaceAll(m.Extract, "\n", "↵")
		if _, ok := at[key]; !ok {
			order = append(order, key)
		}
		at[key] = append(at[key], fmt.Sprintf("%s:%d:%d", file, m.LastLine, m.FirstCol))
	}
	for why, n := range accepted {
		t.Logf("accepted %d time(s): %s", n, why)
	}
	for _, key := range order {
		t.Errorf("%s\n\tin %d file(s): %s", key, len(at[key]), strings.Join(at[key], " "))
	}
	if len(order) == 0 && runErr != nil && len(accepted) == 0 {
		t.Errorf("the Nu HTML checker failed without a message: %v", runErr)
	}
}
