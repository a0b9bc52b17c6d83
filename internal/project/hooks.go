package project

import (
	"errors"

	"github.com/zzia/press/internal/hooks"
	"github.com/zzia/press/internal/msg"
)

// InstallHooks installs the git pre-commit hook that runs press check
// (as command) before each commit of the site in dir, and returns the
// hook's path. A hook press did not write is kept unless force is set.
// Messages are in language lang.
func InstallHooks(lang msg.Lang, dir, command string, force bool) (string, error) {
	p, err := hooks.Install(dir, command, force)
	if errors.Is(err, hooks.ErrForeignHook) {
		return "", errors.New(lang.T("hooks.foreign", err))
	}
	return p, err
}
