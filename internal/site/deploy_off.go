//go:build !withdeploy

package site

import "context"

// DeploySupported reports whether this press was built with Hugo's deploy
// feature (the withdeploy build tag, which make sets).
const DeploySupported = false

// DeployHugo would run Hugo's deploy; this press was built without it.
func DeployHugo(context.Context, HugoDeployOptions) (*HugoDeployResult, error) {
	return nil, ErrDeployUnsupported
}
