package deploy

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/zzia/press/internal/deploy/deploytest"
	"github.com/zzia/press/internal/pipeline"
)

// TestDeployFigures measures press deploy of the bundled site beside its
// anchors in the same run: Hugo's own `hugo deploy` of the same files to the
// same S3 server (SeaweedFS), and rsync over SSH to the same OpenSSH server.
// Each round deploys to a fresh bucket and directory: the site as built,
// the same again (unchanged), then the site with one news article's text
// edited. It prints the median of the rounds and the ratios; it asserts the
// counts, never a time. Opt-in: PRESS_DEPLOY_BENCH=1 and PRESS_HUGO (a Hugo
// built with withdeploy), as make bench sets them.
func TestDeployFigures(t *testing.T) {
	if os.Getenv("PRESS_DEPLOY_BENCH") == "" {
		t.Skip("set PRESS_DEPLOY_BENCH=1 and PRESS_HUGO (make bench does) to measure press deploy beside hugo deploy and rsync")
	}
	requireDeployTag(t)
	hugo := os.Getenv("PRESS_HUGO")
	if hugo == "" {
		t.Fatal("PRESS_HUGO must name a Hugo built with -tags withdeploy (make hugo)")
	}
	if hugo, _ = filepath.Abs(hugo); hugo == "" {
		t.Fatal("PRESS_HUGO")
	}
	rsync, err := exec.LookPath("rsync")
	if err != nil {
		t.Fatal("rsync is the SFTP anchor: install it (scripts/debian-packages-bench.txt, make bench does)")
	}
	const rounds = 3

	// The bundled site, built as is (a) and with one article edited (b).
	src := t.TempDir()
	cfg := deploytest.BundledSite(t, src)
	today := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	cache := t.TempDir()
	buildTo := func(dest string) {
		if _, err := pipeline.Build(pipeline.Options{Source: src, Dest: dest, CacheDir: cache, Today: today}); err != nil {
			t.Fatalf("build: %v", err)
		}
	}
	siteA, siteB := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
	os.WriteFile(filepath.Join(src, "hugo.toml"), cfg, 0o644)
	buildTo(siteA)
	article := filepath.Join(src, "content", "news", "2026-10-23-data-security-training.md")
	text, _ := os.ReadFile(article)
	os.WriteFile(article, append(text, "\n培训资料已发至各会员单位联系人邮箱。\n"...), 0o644)
	buildTo(siteB)

	s3srv := deploytest.StartS3(t)
	sshd := deploytest.StartSSH(t)
	var targets strings.Builder
	for r := 0; r < rounds; r++ {
		for _, who := range []string{"press", "hugo"} {
			bucket := fmt.Sprintf("%s-%d", who, r)
			s3srv.CreateBucket(t, bucket)
			fmt.Fprintf(&targets, "\n[[deployment.targets]]\nname = %q\nurl = %q\n", bucket, s3srv.URL(bucket))
		}
		fmt.Fprintf(&targets, "\n[[deployment.targets]]\nname = \"server-%d\"\nurl = \"sftp://%s@%s%s\"\n", r, sshd.User, sshd.Addr, filepath.Join(t.TempDir(), "www"))
	}
	os.WriteFile(filepath.Join(src, "hugo.toml"), []byte(string(cfg)+targets.String()), 0o644)
	home := t.TempDir()
	env := s3Env(t, s3srv, s3srv.SecretKey)
	env[KeyVar], env[KnownHostsVar], env["HOME"] = sshd.KeyFile, sshd.KnownHosts, home
	t.Setenv("HOME", home) // Hugo's cache

	press := func(target, dir string) (time.Duration, int, int) {
		getenv, environ := testEnv(env)
		start := time.Now()
		res, err := Run(context.Background(), Options{Source: src, Dir: dir, Target: target, Getenv: getenv, Environ: environ})
		d := time.Since(start)
		if err != nil {
			t.Fatalf("press deploy %s: %v", target, err)
		}
		return d, len(res.Uploads), len(res.Deletes)
	}
	hugoDeploy := func(target, dir string) time.Duration {
		cmd := exec.Command(hugo, "deploy", "--source", src, "--destination", dir, "--target", target, "--noBuildLock", "--maxDeletes", "-1")
		start := time.Now()
		out, err := cmd.CombinedOutput()
		d := time.Since(start)
		if err != nil {
			t.Fatalf("hugo deploy %s: %v\n%s", target, err, out)
		}
		return d
	}
	rsyncTo := func(dir, remote string) time.Duration {
		os.MkdirAll(remote, 0o755)
		ssh := fmt.Sprintf("ssh -p %d -i %s -o UserKnownHostsFile=%s -o StrictHostKeyChecking=yes -o IdentitiesOnly=yes -o BatchMode=yes", sshd.Port, sshd.KeyFile, sshd.KnownHosts)
		cmd := exec.Command(rsync, "-a", "--checksum", "--delete", "-e", ssh, dir+"/", fmt.Sprintf("%s@127.0.0.1:%s/", sshd.User, remote))
		start := time.Now()
		out, err := cmd.CombinedOutput()
		d := time.Since(start)
		if err != nil {
			t.Fatalf("rsync: %v\n%s", err, out)
		}
		return d
	}

	steps := []string{"first deploy", "unchanged", "one article changed"}
	dirs := []string{siteA, siteA, siteB}
	times := map[string][]time.Duration{}
	counts := map[string]string{}
	for r := 0; r < rounds; r++ {
		rsyncDir := filepath.Join(t.TempDir(), "rsync")
		for i, step := range steps {
			// Alternate who goes first, so neither always meets a warm server.
			order := []string{"press", "anchor"}
			if r%2 == 1 {
				order = []string{"anchor", "press"}
			}
			for _, who := range order {
				if who == "press" {
					d, up, del := press(fmt.Sprintf("press-%d", r), dirs[i])
					times["s3 press "+step] = append(times["s3 press "+step], d)
					counts["s3 "+step] = fmt.Sprintf("%d uploaded, %d deleted", up, del)
					d, up, del = press(fmt.Sprintf("server-%d", r), dirs[i])
					times["sftp press "+step] = append(times["sftp press "+step], d)
					counts["sftp "+step] = fmt.Sprintf("%d uploaded, %d deleted", up, del)
				} else {
					times["s3 hugo "+step] = append(times["s3 hugo "+step], hugoDeploy(fmt.Sprintf("hugo-%d", r), dirs[i]))
					times["sftp rsync "+step] = append(times["sftp rsync "+step], rsyncTo(dirs[i], rsyncDir))
				}
			}
		}
	}
	if counts["s3 unchanged"] != "0 uploaded, 0 deleted" || counts["sftp unchanged"] != "0 uploaded, 0 deleted" {
		t.Errorf("unchanged deploys: %v", counts)
	}
	median := func(ds []time.Duration) time.Duration {
		s := append([]time.Duration(nil), ds...)
		sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
		return s[len(s)/2]
	}
	t.Logf("bundled site: %d files; median of %d rounds, whole deploy (press in-process, hugo and rsync as processes)", deploytest.CountFiles(siteA), rounds)
	for _, step := range steps {
		p, h := median(times["s3 press "+step]), median(times["s3 hugo "+step])
		t.Logf("object storage  %-19s press %-28s %8s   hugo deploy %8s   ratio %.2f", step, counts["s3 "+step], p.Round(time.Millisecond), h.Round(time.Millisecond), float64(p)/float64(h))
	}
	for _, step := range steps {
		p, r := median(times["sftp press "+step]), median(times["sftp rsync "+step])
		t.Logf("SFTP            %-19s press %-28s %8s   rsync       %8s   ratio %.2f", step, counts["sftp "+step], p.Round(time.Millisecond), r.Round(time.Millisecond), float64(p)/float64(r))
	}
}
