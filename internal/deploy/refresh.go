package deploy

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"
)

// refreshTimeout bounds the refresh command.
const refreshTimeout = 10 * time.Minute

// refresh runs the target's refresh command (a CDN's "refresh these URLs",
// e.g. aliyun cdn RefreshObjectCaches or tccli cdn PurgeUrlsCache) with the
// changed URLs, which it gets in four forms:
//   - an argument "{urls}" is replaced by the URLs, one per line, and
//     "{urls_json}" by a JSON array of them (inside longer arguments too);
//   - its standard input has the URLs, one per line;
//   - PRESS_DEPLOY_URLS_FILE names a file with the URLs, one per line;
//   - PRESS_DEPLOY_TARGET names the target.
//
// The command runs without a shell, in the site directory, with the
// process's environment (its own credentials are the cloud CLI's business).
func refresh(ctx context.Context, s *settings, res *Result) error {
	ctx, cancel := context.WithTimeout(ctx, refreshTimeout)
	defer cancel()
	lines := strings.Join(res.URLs, "\n") + "\n"
	js, err := json.Marshal(res.URLs)
	if err != nil {
		return err
	}
	args := expandRefresh(s.target.RefreshCommand, res.URLs, string(js))
	f, err := os.CreateTemp("", "press-deploy-urls-")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.WriteString(lines); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}

	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = s.opts.Source
	cmd.Env = append(append([]string(nil), s.opts.Environ...),
		"PRESS_DEPLOY_URLS_FILE="+f.Name(),
		"PRESS_DEPLOY_TARGET="+s.target.Name)
	cmd.Stdin = strings.NewReader(lines)
	out := s.opts.HookOutput
	if out == nil {
		out = io.Discard
	}
	w := s.red.Writer(out)
	defer w.Close()
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Run(); err != nil {
		if ctx.Err() == context.DeadlineExceeded {
			return fmt.Errorf("%s did not finish within %s", args[0], refreshTimeout)
		}
		return err
	}
	return nil
}

// expandRefresh replaces {urls} and {urls_json} in the command's words.
func expandRefresh(cmd, urls []string, js string) []string {
	lines := strings.Join(urls, "\n")
	out := make([]string, len(cmd))
	for i, a := range cmd {
		a = strings.ReplaceAll(a, "{urls_json}", js)
		out[i] = strings.ReplaceAll(a, "{urls}", lines)
	}
	return out
}
