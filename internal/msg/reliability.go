package msg

// The messages of the build's safety checks: the destination, its lock and
// marker, a hung Hugo, and the preview server's host check.
var reliabilityCatalog = map[string][2]string{
	"site.hung": {"Hugo stopped after errors on many pages and did not finish (a known Hugo v0.165.0 hang); the errors below are what it reported",
		"Hugo 在许多页面出错后停止，但未能结束（Hugo v0.165.0 的已知卡死问题）；以下是它报告的错误"},
}

func init() {
	for k, v := range reliabilityCatalog {
		catalog[k] = v
	}
}
