package deploy

import (
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/crypto/ssh"
	"golang.org/x/crypto/ssh/agent"
	"golang.org/x/crypto/ssh/knownhosts"
)

// sshCredentials are the SSH auth methods found and where they came from.
type sshCredentials struct {
	methods []ssh.AuthMethod
	sources []string // "SSH agent", "key ~/.ssh/id_ed25519", "password (PRESS_SFTP_PASSWORD)"
}

// sshAuth collects the SSH credentials of the environment, in the order
// OpenSSH tries them: the agent (SSH_AUTH_SOCK), a key file (PRESS_SFTP_KEY,
// else ~/.ssh/id_ed25519, id_ecdsa, id_rsa; its passphrase in
// PRESS_SFTP_KEY_PASSPHRASE), then a password (PRESS_SFTP_PASSWORD).
func sshAuth(getenv func(string) string, red *Redactor) (*sshCredentials, error) {
	c := &sshCredentials{}
	if sock := getenv("SSH_AUTH_SOCK"); sock != "" {
		if conn, err := net.Dial("unix", sock); err == nil {
			c.methods = append(c.methods, ssh.PublicKeysCallback(agent.NewClient(conn).Signers))
			c.sources = append(c.sources, "the SSH agent (SSH_AUTH_SOCK)")
		}
	}
	var keyFiles []string
	explicit := getenv(KeyVar)
	if explicit != "" {
		keyFiles = []string{explicit}
	} else if home := getenv("HOME"); home != "" {
		for _, n := range []string{"id_ed25519", "id_ecdsa", "id_rsa"} {
			p := filepath.Join(home, ".ssh", n)
			if _, err := os.Stat(p); err == nil {
				keyFiles = append(keyFiles, p)
			}
		}
	}
	passphrase := getenv(PassphraseVar)
	red.Add(passphrase)
	var signers []ssh.Signer
	for _, p := range keyFiles {
		b, err := os.ReadFile(p)
		if err != nil {
			if p == explicit {
				return nil, fmt.Errorf("%s: %w", KeyVar, err)
			}
			continue
		}
		s, err := ssh.ParsePrivateKey(b)
		var missing *ssh.PassphraseMissingError
		if errors.As(err, &missing) {
			if passphrase == "" {
				if p == explicit {
					return nil, fmt.Errorf("the key %s is encrypted: set %s (or load it into ssh-agent)", p, PassphraseVar)
				}
				continue
			}
			s, err = ssh.ParsePrivateKeyWithPassphrase(b, []byte(passphrase))
		}
		if err != nil {
			if p == explicit {
				return nil, fmt.Errorf("read the key %s: %v", p, red.String(err.Error()))
			}
			continue
		}
		signers = append(signers, s)
		c.sources = append(c.sources, "the key "+p)
	}
	if len(signers) > 0 {
		c.methods = append(c.methods, ssh.PublicKeys(signers...))
	}
	if pw := getenv(PasswordVar); pw != "" {
		red.Add(pw)
		c.methods = append(c.methods, ssh.Password(pw))
		c.sources = append(c.sources, "the password in "+PasswordVar)
	}
	if len(c.methods) == 0 {
		return nil, fmt.Errorf("no SSH credentials: start ssh-agent with the deploy key (SSH_AUTH_SOCK), set %s to a private key file, or set %s", KeyVar, PasswordVar)
	}
	return c, nil
}

// hostKeyCallback checks the server's host key against known_hosts
// (PRESS_SFTP_KNOWN_HOSTS, else ~/.ssh/known_hosts and
// /etc/ssh/ssh_known_hosts). An unknown server is refused.
func hostKeyCallback(getenv func(string) string) (ssh.HostKeyCallback, error) {
	var files []string
	if v := getenv(KnownHostsVar); v != "" {
		files = filepath.SplitList(v)
	} else {
		if home := getenv("HOME"); home != "" {
			files = append(files, filepath.Join(home, ".ssh", "known_hosts"))
		}
		files = append(files, "/etc/ssh/ssh_known_hosts")
	}
	var existing []string
	for _, f := range files {
		if _, err := os.Stat(f); err == nil {
			existing = append(existing, f)
		} else if getenv(KnownHostsVar) != "" {
			return nil, fmt.Errorf("%s: %w", KnownHostsVar, err)
		}
	}
	if len(existing) == 0 {
		return nil, fmt.Errorf("no known_hosts file (%s): add the server's host key, e.g. ssh-keyscan -p PORT HOST >> ~/.ssh/known_hosts, after checking its fingerprint", strings.Join(files, ", "))
	}
	cb, err := knownhosts.New(existing...)
	if err != nil {
		return nil, fmt.Errorf("read known_hosts: %w", err)
	}
	return cb, nil
}

// classifySSH explains a failed SSH handshake.
func classifySSH(t *sftpTarget, creds *sshCredentials, err error) error {
	var ke *knownhosts.KeyError
	if errors.As(err, &ke) {
		if len(ke.Want) == 0 {
			return fmt.Errorf("the SSH server %s is not in known_hosts: add its host key (ssh-keyscan -p %s %s >> ~/.ssh/known_hosts, after checking its fingerprint, or set %s)", t.addr(), t.port, t.host, KnownHostsVar)
		}
		return fmt.Errorf("the SSH server %s presented a host key that differs from known_hosts (%s:%d): refusing to connect; if the server's key really changed, update known_hosts", t.addr(), ke.Want[0].Filename, ke.Want[0].Line)
	}
	if strings.Contains(err.Error(), "unable to authenticate") {
		return &AuthError{
			Target: fmt.Sprintf("the SSH server %s (user %s)", t.addr(), t.user),
			Hint:   fmt.Sprintf("Tried %s. Check that the server accepts them for this user (authorized_keys).", strings.Join(creds.sources, ", ")),
			Err:    err,
		}
	}
	return fmt.Errorf("SSH to %s: %w", t.addr(), err)
}
