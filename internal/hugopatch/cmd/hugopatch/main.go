// Command hugopatch makes the Hugo that make builds press with: a copy of
// the module version go.mod requires, with press's fixes (package hugopatch),
// in the folder given (default .build), and beside it press.mod and
// press.sum: go.mod and go.sum with the module replaced by the copy, for
// GOFLAGS=-modfile. Run it from the repository's root without -modfile.
package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"

	"github.com/zzia/press/internal/hugopatch"
)

func main() {
	dir := ".build"
	if len(os.Args) > 1 {
		dir = os.Args[1]
	}
	if err := run(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(dir string) error {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return err
	}
	gomod, err := os.ReadFile("go.mod")
	if err != nil {
		return err
	}
	f, err := modfile.Parse("go.mod", gomod, nil)
	if err != nil {
		return err
	}
	var version string
	for _, r := range f.Require {
		if r.Mod.Path == hugopatch.Module {
			version = r.Mod.Version
		}
	}
	if version == "" {
		return fmt.Errorf("hugopatch: go.mod does not require %s", hugopatch.Module)
	}
	src, err := hugopatch.ModuleDir(version)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	patched, err := hugopatch.Make(src, version, dir)
	if err != nil {
		return err
	}
	if err := f.AddReplace(hugopatch.Module, "", patched, ""); err != nil {
		return err
	}
	mod, err := f.Format()
	if err != nil {
		return err
	}
	sum, err := os.ReadFile("go.sum")
	if err != nil {
		return err
	}
	if err := writeIfChanged(filepath.Join(dir, "press.mod"), mod); err != nil {
		return err
	}
	return writeIfChanged(filepath.Join(dir, "press.sum"), sum)
}

// writeIfChanged writes b to name unless it holds b already, so that its
// time tells make when it last changed.
func writeIfChanged(name string, b []byte) error {
	if old, err := os.ReadFile(name); err == nil && bytes.Equal(old, b) {
		return nil
	}
	return os.WriteFile(name, b, 0o644)
}
