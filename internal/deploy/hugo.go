package deploy

import (
	"context"
	"fmt"

	"errors"
	"strings"

	"github.com/aws/smithy-go"
	"github.com/zzia/press/internal/site"
	"gocloud.dev/gcerrors"
)

// hugoDeployer deploys to object storage with Hugo's own deploy.
type hugoDeployer struct {
	s *settings
}

func (h *hugoDeployer) options(dryRun bool, maxDeletes int) site.HugoDeployOptions {
	return site.HugoDeployOptions{
		Source:        h.s.opts.Source,
		Dir:           h.s.opts.Dir,
		Environment:   h.s.opts.Environment,
		Target:        h.s.target.Name,
		DryRun:        dryRun,
		ForceUpload:   h.s.force,
		MaxDeletes:    maxDeletes,
		InvalidateCDN: h.s.invalidate,
		Workers:       h.s.workers,
	}
}

// plan is Hugo's dry run with no limit on deletes (so that every delete is
// listed; the limit is press's to apply).
func (h *hugoDeployer) plan(ctx context.Context) (*Result, error) {
	hr, err := site.DeployHugo(ctx, h.options(true, -1))
	if err != nil {
		return nil, h.classify(err)
	}
	r := &Result{Unchanged: -1, UploadSize: hr.UploadSize, Deletes: hr.Deletes, Warnings: hr.Warnings}
	for _, u := range hr.Uploads {
		r.Uploads = append(r.Uploads, Change{Path: u.Path, Size: u.Size, Reason: u.Reason})
	}
	return r, nil
}

// apply runs Hugo's deploy for real. Hugo reports only counts; the files
// are the plan's, which the counts must match.
func (h *hugoDeployer) apply(ctx context.Context, plan *Result) (*Result, error) {
	hr, err := site.DeployHugo(ctx, h.options(false, h.s.maxDeletes))
	if err != nil {
		return nil, h.classify(err)
	}
	res := *plan
	res.Warnings = append(append([]string(nil), plan.Warnings...), hr.Warnings...)
	res.UploadSize = hr.UploadSize
	if hr.NumUploads != len(plan.Uploads) || hr.NumDeletes != len(plan.Deletes) {
		res.Warnings = append(res.Warnings, fmt.Sprintf("the target changed during the deploy: planned %d uploads and %d deletes, made %d and %d", len(plan.Uploads), len(plan.Deletes), hr.NumUploads, hr.NumDeletes))
	}
	return &res, nil
}

func (h *hugoDeployer) close() {}

// deniedCodes are the S3 error codes (AWS and its imitators) for refused
// or missing credentials.
var deniedCodes = map[string]bool{
	"AccessDenied": true, "Forbidden": true, "InvalidAccessKeyId": true,
	"SignatureDoesNotMatch": true, "InvalidToken": true, "ExpiredToken": true,
	"InvalidSecurity": true, "AuthFailure": true, "AccountProblem": true,
}

// classify turns refused or missing credentials into an AuthError.
func (h *hugoDeployer) classify(err error) error {
	var ae smithy.APIError
	denied := gcerrors.Code(err) == gcerrors.PermissionDenied ||
		(errors.As(err, &ae) && deniedCodes[ae.ErrorCode()]) ||
		strings.Contains(err.Error(), "failed to retrieve credentials") ||
		strings.Contains(err.Error(), "failed to refresh cached credentials")
	if denied {
		return &AuthError{
			Target: fmt.Sprintf("deployment target %q", h.s.target.Name),
			Hint:   "Object storage credentials come from the environment (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, also for OSS, COS and OBS) or the cloud's credential file (~/.aws/credentials, a profile= in the target URL); check them and the bucket's permissions.",
			Err:    err,
		}
	}
	return fmt.Errorf("deploy to %q: %w", h.s.target.Name, err)
}
