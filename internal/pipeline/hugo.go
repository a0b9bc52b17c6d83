package pipeline

import "github.com/zzia/press/internal/site"

// HugoVersion is the version of the Hugo the render stage embeds, e.g.
// "v0.165.0".
func HugoVersion() string {
	return site.HugoVersion()
}
