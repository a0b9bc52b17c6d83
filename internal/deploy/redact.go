package deploy

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// secretNames are the environment variables whose values are credentials:
// the clouds' own (AWS and the S3 gateways of OSS, COS, OBS read the AWS
// ones), Google and Azure, and press's SFTP ones. Any variable whose name
// contains one of secretWords counts too.
var secretNames = []string{
	"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
	"ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN",
	"TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SESSION_TOKEN",
	"AZURE_STORAGE_KEY", "AZURE_STORAGE_SAS_TOKEN", "AZURE_CLIENT_SECRET", "AZURE_STORAGE_CONNECTION_STRING",
	PasswordVar, PassphraseVar,
}

var secretWords = []string{"SECRET", "TOKEN", "PASSWORD", "PASSPHRASE", "ACCESS_KEY", "PRIVATE_KEY"}

// credentialFileKey finds the values in an AWS-style credentials file.
var credentialFileKey = regexp.MustCompile(`(?mi)^\s*(?:aws_access_key_id|aws_secret_access_key|aws_session_token)\s*=\s*(\S+)`)

// Redactor removes credentials from text: the values of the credential
// variables of the environment and of the AWS credentials file.
type Redactor struct {
	secrets []string // longest first, so a secret containing another goes whole
}

// NewRedactor collects the secrets to hide from the environment (getenv
// and environ; nil means the process's own).
func NewRedactor(getenv func(string) string, environ []string) *Redactor {
	if getenv == nil {
		getenv = os.Getenv
	}
	if environ == nil {
		environ = os.Environ()
	}
	seen := map[string]bool{}
	r := &Redactor{}
	add := func(v string) {
		v = strings.TrimSpace(v)
		// Short values ("1", "true") are settings, not secrets, and hiding
		// them would garble every message.
		if len(v) < 6 || seen[v] {
			return
		}
		seen[v] = true
		r.secrets = append(r.secrets, v)
	}
	for _, n := range secretNames {
		add(getenv(n))
	}
	for _, kv := range environ {
		name, value, ok := strings.Cut(kv, "=")
		if !ok {
			continue
		}
		upper := strings.ToUpper(name)
		for _, w := range secretWords {
			if strings.Contains(upper, w) {
				add(value)
				break
			}
		}
	}
	credFile := getenv("AWS_SHARED_CREDENTIALS_FILE")
	if credFile == "" {
		if home, err := os.UserHomeDir(); err == nil {
			credFile = filepath.Join(home, ".aws", "credentials")
		}
	}
	if b, err := os.ReadFile(credFile); err == nil {
		for _, m := range credentialFileKey.FindAllStringSubmatch(string(b), -1) {
			add(m[1])
		}
	}
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
	return r
}

// Add makes r hide s as well (e.g. a passphrase read from a file).
func (r *Redactor) Add(s string) {
	if len(strings.TrimSpace(s)) < 6 {
		return
	}
	r.secrets = append(r.secrets, s)
	sort.Slice(r.secrets, func(i, j int) bool { return len(r.secrets[i]) > len(r.secrets[j]) })
}

// userinfo matches user:password@ in URLs.
var userinfo = regexp.MustCompile(`(?i)([a-z][a-z0-9+.-]*://[^/@\s:]*):[^/@\s]*@`)

// String returns s without the secrets ("***" in their place) and without
// passwords in URLs.
func (r *Redactor) String(s string) string {
	for _, sec := range r.secrets {
		s = strings.ReplaceAll(s, sec, "***")
	}
	return userinfo.ReplaceAllString(s, "${1}:***@")
}

// Error returns err with its text redacted. The result still answers
// errors.Is and errors.As for what err wraps, but its text, and the text
// of Unwrap's result, cannot carry a secret: Unwrap is not offered.
func (r *Redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	return &redactedError{msg: r.String(err.Error()), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }

// Is reports whether the original error matches target.
func (e *redactedError) Is(target error) bool { return errors.Is(e.err, target) }

// As finds the first error in the original chain that matches target.
func (e *redactedError) As(target any) bool { return errors.As(e.err, target) }

// Writer returns a writer that passes whole lines on to w, redacted.
// Close flushes an unfinished last line.
func (r *Redactor) Writer(w io.Writer) io.WriteCloser {
	return &redactWriter{r: r, w: w}
}

type redactWriter struct {
	mu  sync.Mutex
	r   *Redactor
	w   io.Writer
	buf bytes.Buffer
}

func (rw *redactWriter) Write(p []byte) (int, error) {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	rw.buf.Write(p)
	for {
		i := bytes.IndexByte(rw.buf.Bytes(), '\n')
		if i < 0 {
			break
		}
		line := rw.buf.Next(i + 1)
		if _, err := io.WriteString(rw.w, rw.r.String(string(line))); err != nil {
			return len(p), err
		}
	}
	return len(p), nil
}

func (rw *redactWriter) Close() error {
	rw.mu.Lock()
	defer rw.mu.Unlock()
	if rw.buf.Len() == 0 {
		return nil
	}
	_, err := io.WriteString(rw.w, rw.r.String(rw.buf.String()))
	rw.buf.Reset()
	return err
}
