package publish

import (
	"encoding/base64"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/transport"
	"github.com/go-git/go-git/v5/plumbing/transport/http"
	"github.com/go-git/go-git/v5/plumbing/transport/ssh"
)

// TokenVariables are the environment variables a token for HTTP remotes is
// read from, in order.
var TokenVariables = []string{"PRESS_GIT_TOKEN", "GITHUB_TOKEN"}

// TokenUser is the user name sent with a token (GitHub, Gitea and GitLab
// accept any name with a token; GitHub documents this one).
const TokenUser = "x-access-token"

// credentials are the auth method for a remote and the secrets that must
// never appear in output.
type credentials struct {
	auth    transport.AuthMethod
	secrets []string
}

// credentialsFor chooses the auth method for the endpoint from the
// environment: a token for HTTP(S), the SSH agent for SSH, none for local
// paths. Credentials written in the URL itself are left to go-git but are
// redacted from errors too.
func credentialsFor(ep *transport.Endpoint, getenv func(string) string) (credentials, error) {
	var c credentials
	if ep.Password != "" {
		c.secrets = append(c.secrets, secretForms(ep.Password, ep.User)...)
	}
	switch ep.Protocol {
	case "http", "https":
		for _, v := range TokenVariables {
			if tok := strings.TrimSpace(getenv(v)); tok != "" {
				c.auth = &http.BasicAuth{Username: TokenUser, Password: tok}
				c.secrets = append(c.secrets, secretForms(tok, TokenUser)...)
				break
			}
		}
		// Credentials over plain HTTP travel in clear text (Basic auth is
		// base64, not encryption): refuse rather than send them.
		if ep.Protocol == "http" && (c.auth != nil || ep.Password != "") {
			return c, ErrPlainHTTP
		}
	case "ssh":
		if getenv("SSH_AUTH_SOCK") == "" {
			return c, errors.New("an SSH remote needs an SSH agent: SSH_AUTH_SOCK is not set (in CI, start ssh-agent and add the deploy key)")
		}
		user := ep.User
		if user == "" {
			user = "git"
		}
		auth, err := ssh.NewSSHAgentAuth(user)
		if err != nil {
			return c, fmt.Errorf("SSH agent: %w", err)
		}
		c.auth = auth
	}
	return c, nil
}

// ErrPlainHTTP is the refusal to send credentials to an http:// remote.
var ErrPlainHTTP = errors.New("refusing to send credentials over plain http://: anyone on the way could read them; use an https:// remote (or ssh)")

// secretForms is every form in which the secret s, sent as the password of
// user, can appear in a message: as is, URL-encoded, and base64-encoded on
// its own or inside a Basic authorization header ("user:s"), at any offset
// within a longer encoded text.
func secretForms(s, user string) []string {
	forms := []string{s, url.QueryEscape(s), url.PathEscape(s), url.UserPassword(user, s).String()}
	for _, plain := range []string{s, user + ":" + s} {
		for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.URLEncoding} {
			forms = append(forms, strings.TrimRight(enc.EncodeToString([]byte(plain)), "="))
			forms = append(forms, base64Cores(enc, s)...)
		}
	}
	var out []string
	seen := map[string]bool{}
	for _, f := range forms {
		if len(f) >= 4 && !seen[f] && f != user && f != user+":" {
			seen[f] = true
			out = append(out, f)
		}
	}
	// Longest first, so that a form containing another is replaced whole.
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// base64Cores are the parts of the base64 encoding of s that are the same
// wherever s sits in a longer text: for each of the three alignments, the
// characters that depend on s alone.
func base64Cores(enc *base64.Encoding, s string) []string {
	var out []string
	for pad := range 3 {
		e := enc.EncodeToString(append(make([]byte, pad), s...))
		e = strings.TrimRight(e, "=")
		// Characters touched by the padding bytes before s, and the last
		// (partial) group, depend on the neighbours.
		start := (pad*8 + 5) / 6
		end := (pad + len(s)) / 3 * 4
		if end-start >= 8 {
			out = append(out, e[start:end])
		}
	}
	return out
}

var userinfo = regexp.MustCompile(`(?i)([a-z][a-z0-9+.-]*://)[^/@\s]+@`)

// redact removes the secrets, and any user:password in URLs, from err's text.
// The result still answers errors.Is for the errors err wraps, but does not
// unwrap to them, so their text cannot leak.
func (c credentials) redact(err error) error {
	if err == nil {
		return nil
	}
	msg := err.Error()
	for _, s := range c.secrets {
		if s != "" {
			msg = strings.ReplaceAll(msg, s, "***")
		}
	}
	msg = userinfo.ReplaceAllString(msg, "${1}***@")
	return &redactedError{msg: msg, err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }

// Is reports whether the original error matches target.
func (e *redactedError) Is(target error) bool { return errors.Is(e.err, target) }

// redactURL returns raw without user information.
func redactURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return userinfo.ReplaceAllString(raw, "${1}")
	}
	u.User = nil
	return u.String()
}
