// Package deploytest starts the real servers the deploy tests run against,
// on loopback and as the test's own child processes: SeaweedFS's S3
// gateway (weed server -s3) and OpenSSH's sshd with a throw-away host key
// and user key. A server that is not installed fails the test under CI=true;
// elsewhere the test is skipped with what to install.
package deploytest

import (
	"bufio"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/knownhosts"
)

// WeedVar names the weed binary to use; make test sets it.
const WeedVar = "PRESS_WEED"

// missing fails the test under CI (a tool the tests need must be there) and
// skips it elsewhere, saying what to install.
func missing(t testing.TB, what string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatalf("%s (under CI=true a missing test server fails the test)", what)
	}
	t.Skip(what)
}

// WeedPath finds SeaweedFS's weed: $PRESS_WEED, the tools directory make
// builds it into, or PATH.
func WeedPath(t testing.TB) string {
	t.Helper()
	if p := os.Getenv(WeedVar); p != "" {
		if _, err := os.Stat(p); err != nil {
			missing(t, fmt.Sprintf("%s=%s: %v; run make test-servers", WeedVar, p, err))
		}
		return p
	}
	if m, _ := filepath.Glob(filepath.Join(ToolsDir(), "weed-*")); len(m) > 0 {
		sort.Strings(m)
		return m[len(m)-1]
	}
	if p, err := exec.LookPath("weed"); err == nil {
		return p
	}
	missing(t, "SeaweedFS's weed (the S3 server of the deploy tests) is not installed: run make test-servers, which builds github.com/seaweedfs/seaweedfs/weed into "+ToolsDir()+" (once, several minutes), or set "+WeedVar)
	return ""
}

// ToolsDir is where make test-servers puts the test servers it builds:
// $XDG_CACHE_HOME/press/tools, else ~/.cache/press/tools.
func ToolsDir() string {
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "press", "tools")
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, ".cache", "press", "tools")
}

// FreePort returns a loopback TCP port nobody listens on now.
func FreePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// child starts cmd as a child that dies with the test process and is
// stopped (SIGTERM, then SIGKILL) when the test ends. Its output goes to
// log, which the test prints when it fails. The channel it returns is
// closed when the child has exited.
func child(t testing.TB, cmd *exec.Cmd, log *logBuffer) <-chan struct{} {
	t.Helper()
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL, Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start %s: %v", cmd.Path, err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-done
		}
		if t.Failed() {
			t.Logf("output of %s:\n%s", filepath.Base(cmd.Path), log.String())
		}
	})
	return done
}

// portTaken reports whether a child that exited did so because a port
// chosen by FreePort was taken by another process in the meantime (the
// packages' tests run in parallel and each starts its own servers).
func portTaken(done <-chan struct{}, log *logBuffer) bool {
	select {
	case <-done:
		return strings.Contains(strings.ToLower(log.String()), "address already in use")
	default:
		return false
	}
}

// startAttempts is how many times a server is started on fresh ports when
// one of its ports was taken before it could bind it.
const startAttempts = 5

// logBuffer collects a child's output, safe for concurrent writes.
type logBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// S3 is a running S3 server.
type S3 struct {
	// Endpoint is its URL (http://127.0.0.1:PORT).
	Endpoint string
	// AccessKey and SecretKey are the credentials it accepts.
	AccessKey, SecretKey string
	// Region is the region clients sign for.
	Region string
	// Client is an S3 client with the credentials, for checking what the
	// server holds independently of the code under test.
	Client *s3.Client
}

// StartS3 starts SeaweedFS (master, volume, filer and S3 gateway in one
// process) on loopback ports with a data directory of the test's own and
// one identity whose keys are made up for this run.
func StartS3(t testing.TB) *S3 {
	t.Helper()
	weed := WeedPath(t)
	dir := t.TempDir()
	srv := &S3{AccessKey: "press" + randomHex(6), SecretKey: "secret-" + randomHex(16), Region: "us-east-1"}
	cfg := fmt.Sprintf(`{"identities":[{"name":"press","credentials":[{"accessKey":%q,"secretKey":%q}],"actions":["Admin","Read","Write","List","Tagging"]}]}`, srv.AccessKey, srv.SecretKey)
	if err := os.WriteFile(filepath.Join(dir, "s3.json"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	for attempt := 1; ; attempt++ {
		started, done, log, err := startWeed(t, weed, dir, srv)
		if err == nil {
			return started
		}
		if attempt < startAttempts && portTaken(done, log) {
			t.Logf("SeaweedFS: a port was taken before it could bind it; starting again on other ports")
			continue
		}
		t.Fatalf("SeaweedFS did not start: %v\n%s", err, log.String())
	}
}

// startWeed starts one SeaweedFS process on fresh ports and waits until it
// answers S3 requests with srv's credentials, or exits, or 90 s pass. Its
// data and sockets are in a directory of its own; the identities are in
// dir/s3.json.
func startWeed(t testing.TB, weed, dir string, srv *S3) (*S3, <-chan struct{}, *logBuffer, error) {
	t.Helper()
	run := t.TempDir()
	data := filepath.Join(run, "data")
	if err := os.Mkdir(data, 0o755); err != nil {
		t.Fatal(err)
	}
	s3Port := FreePort(t)
	args := []string{"server",
		"-dir=" + data, "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
		"-master.port=" + strconv.Itoa(FreePort(t)), "-master.port.grpc=" + strconv.Itoa(FreePort(t)),
		"-volume.port=" + strconv.Itoa(FreePort(t)), "-volume.port.grpc=" + strconv.Itoa(FreePort(t)),
		"-filer.port=" + strconv.Itoa(FreePort(t)), "-filer.port.grpc=" + strconv.Itoa(FreePort(t)),
		"-filer.localSocket=" + filepath.Join(run, "filer.sock"),
		"-s3", "-s3.port=" + strconv.Itoa(s3Port), "-s3.port.grpc=" + strconv.Itoa(FreePort(t)),
		"-s3.port.iceberg=0", "-s3.port.lance=0", "-s3.localSocket=" + filepath.Join(run, "s3.sock"),
		"-s3.config=" + filepath.Join(dir, "s3.json"),
		"-volume.max=0", "-master.volumeSizeLimitMB=64",
	}
	cmd := exec.Command(weed, args...)
	cmd.Dir = run
	log := &logBuffer{}
	done := child(t, cmd, log)
	s := *srv
	srv = &s
	srv.Endpoint = "http://127.0.0.1:" + strconv.Itoa(s3Port)
	srv.Client = s3.New(s3.Options{
		BaseEndpoint: aws.String(srv.Endpoint),
		Region:       srv.Region,
		UsePathStyle: true,
		Credentials:  credentials.NewStaticCredentialsProvider(srv.AccessKey, srv.SecretKey, ""),
	})
	// Ready when it answers S3 requests with the credentials.
	deadline := time.Now().Add(90 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err := srv.Client.ListBuckets(ctx, &s3.ListBucketsInput{})
		cancel()
		if err == nil {
			break
		}
		select {
		case <-done:
			return srv, done, log, err
		default:
		}
		if time.Now().After(deadline) {
			return srv, done, log, err
		}
		time.Sleep(300 * time.Millisecond)
	}
	return srv, done, log, nil
}

// CreateBucket creates a bucket, retrying while the gateway's storage is
// still starting.
func (s *S3) CreateBucket(t testing.TB, name string) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		_, err := s.Client.CreateBucket(context.Background(), &s3.CreateBucketInput{Bucket: aws.String(name)})
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("create bucket %s: %v", name, err)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// URL is a Go CDK bucket URL for Hugo's deploy to bucket on this server.
func (s *S3) URL(bucket string) string {
	return fmt.Sprintf("s3://%s?endpoint=%s&region=%s&use_path_style=true&disable_https=true", bucket, s.Endpoint, s.Region)
}

// Object is what the server holds under a key.
type Object struct {
	Size int64
	ETag string
}

// Objects lists a bucket: key → size and ETag.
func (s *S3) Objects(t testing.TB, bucket string) map[string]Object {
	t.Helper()
	out := map[string]Object{}
	p := s3.NewListObjectsV2Paginator(s.Client, &s3.ListObjectsV2Input{Bucket: aws.String(bucket)})
	for p.HasMorePages() {
		page, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatalf("list %s: %v", bucket, err)
		}
		for _, o := range page.Contents {
			out[aws.ToString(o.Key)] = Object{Size: aws.ToInt64(o.Size), ETag: aws.ToString(o.ETag)}
		}
	}
	return out
}

// SSH is a running sshd.
type SSH struct {
	// Addr is host:port; Port the port.
	Addr string
	Port int
	// User is the login (the user running the tests).
	User string
	// KeyFile is the user's private key, authorized on the server.
	KeyFile string
	// KnownHosts is a known_hosts file with the server's host key.
	KnownHosts string
}

// StartSSH starts Debian's OpenSSH server (package openssh-server) on a
// loopback port with a new host key and one authorized user key, SFTP by
// its built-in server; passwords are asked for and refused (no user has one
// that the tests know).
func StartSSH(t testing.TB) *SSH {
	t.Helper()
	sshd, err := exec.LookPath("sshd")
	if err != nil {
		sshd = "/usr/sbin/sshd"
		if _, err := os.Stat(sshd); err != nil {
			missing(t, "OpenSSH's sshd (the SSH server of the deploy tests) is not installed: run make test-packages (Debian package openssh-server, in scripts/debian-packages-test.txt)")
		}
	}
	dir := t.TempDir()
	u, err := user.Current()
	if err != nil {
		t.Fatal(err)
	}
	hostPub := writeKey(t, filepath.Join(dir, "host_ed25519"))
	userPub := writeKey(t, filepath.Join(dir, "user_ed25519"))
	if err := os.WriteFile(filepath.Join(dir, "authorized_keys"), ssh.MarshalAuthorizedKey(userPub), 0o600); err != nil {
		t.Fatal(err)
	}
	if os.Geteuid() == 0 {
		// sshd's privilege separation directory, made by the service's
		// unit file when sshd runs as a service.
		os.MkdirAll("/run/sshd", 0o755)
	}
	var port int
	for attempt := 1; ; attempt++ {
		var done <-chan struct{}
		var log *logBuffer
		port, done, log = startSSHD(t, sshd, dir)
		err := waitSSHD(port, done, log)
		if err == nil {
			break
		}
		if attempt < startAttempts && portTaken(done, log) {
			t.Logf("sshd: port %d was taken before it could bind it; starting again on another port", port)
			continue
		}
		t.Fatalf("sshd did not start: %v\n%s", err, log.String())
	}
	addr := "127.0.0.1:" + strconv.Itoa(port)
	kh := filepath.Join(dir, "known_hosts")
	line := knownhosts.Line([]string{knownhosts.Normalize(addr)}, hostPub)
	if err := os.WriteFile(kh, []byte(line+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return &SSH{Addr: addr, Port: port, User: u.Username, KeyFile: filepath.Join(dir, "user_ed25519"), KnownHosts: kh}
}

// startSSHD starts sshd with a configuration in dir on a fresh loopback
// port and returns the port, the channel closed when the process exits and
// its output.
func startSSHD(t testing.TB, sshd, dir string) (int, <-chan struct{}, *logBuffer) {
	t.Helper()
	port := FreePort(t)
	cfg := strings.Join([]string{
		"Port " + strconv.Itoa(port),
		"ListenAddress 127.0.0.1",
		"HostKey " + filepath.Join(dir, "host_ed25519"),
		"PidFile " + filepath.Join(dir, "sshd.pid"),
		"AuthorizedKeysFile " + filepath.Join(dir, "authorized_keys"),
		"StrictModes no",
		"UsePAM no",
		"PubkeyAuthentication yes",
		"PasswordAuthentication yes",
		"KbdInteractiveAuthentication no",
		"PermitRootLogin prohibit-password",
		"Subsystem sftp internal-sftp",
		"LogLevel VERBOSE",
		"",
	}, "\n")
	if err := os.WriteFile(filepath.Join(dir, "sshd_config"), []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	log := &logBuffer{}
	done := child(t, exec.Command(sshd, "-D", "-e", "-f", filepath.Join(dir, "sshd_config")), log)
	return port, done, log
}

// waitSSHD waits until the sshd started on port answers there, or exits,
// or 20 s pass. The answer must come from this sshd: it has said it
// listens on the port (another test's server on a reused port also greets
// with SSH-2.0).
func waitSSHD(port int, done <-chan struct{}, log *logBuffer) error {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	listening := fmt.Sprintf("Server listening on 127.0.0.1 port %d.", port)
	deadline := time.Now().Add(20 * time.Second)
	for {
		select {
		case <-done:
			return errors.New("sshd exited")
		default:
		}
		if strings.Contains(log.String(), listening) && banner(addr) {
			return nil
		}
		if time.Now().After(deadline) {
			return errors.New("no answer within 20 s")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// banner reports whether an SSH server answers at addr.
func banner(addr string) bool {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return false
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(2 * time.Second))
	line, err := bufio.NewReader(c).ReadString('\n')
	return err == nil && strings.HasPrefix(line, "SSH-2.0-")
}

// NewKey writes a new ed25519 private key (OpenSSH format) to path and
// returns its public key; the key is authorized nowhere.
func NewKey(t testing.TB, path string) ssh.PublicKey {
	t.Helper()
	return writeKey(t, path)
}

func writeKey(t testing.TB, path string) ssh.PublicKey {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(priv, "")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pem.EncodeToMemory(block), 0o600); err != nil {
		t.Fatal(err)
	}
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

func randomHex(n int) string {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	return fmt.Sprintf("%x", b)
}

// BundledSite copies the repository's own site (its content, layouts,
// assets, static files, translations and data) into dir, for a test of a
// package two folders below the repository, and returns the text of its
// hugo.toml, which it leaves to the test to write.
func BundledSite(t testing.TB, dir string) []byte {
	t.Helper()
	root := filepath.Join("..", "..")
	for _, d := range []string{"content", "layouts", "assets", "static", "i18n", "data"} {
		if err := os.CopyFS(filepath.Join(dir, d), os.DirFS(filepath.Join(root, d))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, err := os.ReadFile(filepath.Join(root, "hugo.toml"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// CountFiles returns how many regular files there are below dir.
func CountFiles(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(_ string, e os.DirEntry, err error) error {
		if err == nil && e.Type().IsRegular() {
			n++
		}
		return nil
	})
	return n
}
