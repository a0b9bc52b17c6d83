package publish

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
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
		c.secrets = append(c.secrets, ep.Password)
	}
	switch ep.Protocol {
	case "http", "https":
		for _, v := range TokenVariables {
			if tok := strings.TrimSpace(getenv(v)); tok != "" {
				c.auth = &http.BasicAuth{Username: TokenUser, Password: tok}
				c.secrets = append(c.secrets, tok)
				break
			}
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
