package site

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// ErrDeployUnsupported is returned by DeployHugo in a press built without
// Hugo's deploy feature (the withdeploy build tag).
var ErrDeployUnsupported = errors.New("this press was built without Hugo's deploy feature: build it with make press (or go build -tags withdeploy ./cmd/press)")

// HugoDeployOptions says what DeployHugo deploys, where and how.
type HugoDeployOptions struct {
	// Source is the site directory: its deployment configuration is used.
	Source string
	// Dir is the built site to upload.
	Dir string
	// Environment is the Hugo environment of the configuration; "" is production.
	Environment string
	// Target is the name of a deployment target; "" means the first.
	Target string
	// DryRun reports what would change and changes nothing.
	DryRun bool
	// ForceUpload uploads every file, changed or not.
	ForceUpload bool
	// MaxDeletes is the most files this deploy may delete; -1 means no limit.
	MaxDeletes int
	// InvalidateCDN invalidates the target's CloudFront or Google Cloud CDN.
	InvalidateCDN bool
	// Workers is the number of parallel transfers; 0 keeps the configuration's.
	Workers int
}

// HugoDeployResult is what Hugo's deploy found and did.
type HugoDeployResult struct {
	// Uploads and Deletes list the changes, for a dry run only (Hugo lists
	// them only then).
	Uploads []DeployUpload
	Deletes []string
	// NumUploads and NumDeletes are Hugo's counts (a dry run's: what it
	// would do).
	NumUploads, NumDeletes int
	// UploadSize is Hugo's total of the bytes to upload ("1.2 MB").
	UploadSize string
	// Warnings are the warnings Hugo printed (e.g. deletes it skipped).
	Warnings []string
}

// DeployUpload is a file Hugo uploads.
type DeployUpload struct {
	// Path is the file's path in the site, slash-separated ("news/index.html").
	Path string
	// Size is Hugo's rendering of the bytes sent ("12 kB"), gzipped when a
	// matcher says so.
	Size string
	// Reason is why: "not found at target", "size differs", "md5 differs",
	// "--force", "remote md5 missing".
	Reason string
}

var (
	// Hugo's fileToUpload.String: `path (size[, header: "value"]…): reason`.
	dryUpload = regexp.MustCompile(`^\[DRY RUN\] Would upload: (.+) \((\d+(?:\.\d+)? [kMGTPE]?B)(?:, .*)?\): (not found at target|size differs|md5 differs|remote md5 missing|--force|unknown)$`)
	dryDelete = regexp.MustCompile(`^\[DRY RUN\] Would delete (.+)$`)
	summary   = regexp.MustCompile(`^Identified (\d+) file\(s\) to upload, totaling (.+), and (\d+) file\(s\) to delete\.$`)
)

// parseDeployOutput reads the report Hugo's deployer printed. It fails when
// the report is not what this version of Hugo prints, rather than guess.
func parseDeployOutput(stdout, stderr string, dryRun bool) (*HugoDeployResult, error) {
	res := &HugoDeployResult{}
	sawSummary, noChanges := false, false
	for _, line := range strings.Split(stdout, "\n") {
		line = strings.TrimRight(line, "\r")
		switch {
		case line == "No changes required.":
			noChanges = true
		case summary.MatchString(line):
			m := summary.FindStringSubmatch(line)
			res.NumUploads, _ = strconv.Atoi(m[1])
			res.UploadSize = m[2]
			res.NumDeletes, _ = strconv.Atoi(m[3])
			sawSummary = true
		case strings.HasPrefix(line, "[DRY RUN] Would upload: "):
			m := dryUpload.FindStringSubmatch(line)
			if m == nil {
				return nil, fmt.Errorf("unexpected line in Hugo's deploy report: %q", line)
			}
			res.Uploads = append(res.Uploads, DeployUpload{Path: m[1], Size: m[2], Reason: m[3]})
		case strings.HasPrefix(line, "[DRY RUN] Would delete "):
			res.Deletes = append(res.Deletes, dryDelete.FindStringSubmatch(line)[1])
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			res.Warnings = append(res.Warnings, line)
		}
	}
	if !sawSummary && !noChanges {
		return res, fmt.Errorf("Hugo's deploy printed no summary (%q)", strings.TrimSpace(stdout))
	}
	if dryRun && (len(res.Uploads) != res.NumUploads || len(res.Deletes) != res.NumDeletes) {
		return res, fmt.Errorf("Hugo's deploy report lists %d uploads and %d deletes but counts %d and %d", len(res.Uploads), len(res.Deletes), res.NumUploads, res.NumDeletes)
	}
	return res, nil
}
