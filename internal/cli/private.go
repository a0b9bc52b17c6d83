package cli

import (
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/pipeline"
	"github.com/zzia/press/internal/project"
)

// defaultInternalDir and private remain only for privateOut (build.go),
// which no command calls any more: the secretariat commands ask the
// project (project.OutDir, Project.Private). They go with it.
const defaultInternalDir = project.InternalDir

// private refuses an output path inside the site of opts (see
// Project.Private).
func private(lang msg.Lang, path string, opts pipeline.Options) error {
	p, err := project.Open(lang, opts.Source, opts.Today)
	if err != nil {
		return err
	}
	if err := p.Private(path); err != nil {
		return usageError{err}
	}
	return nil
}
