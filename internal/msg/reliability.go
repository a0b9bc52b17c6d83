package msg

// The messages of the build's safety checks: the destination, its lock and
// marker, a hung Hugo, and the preview server's host check.
var reliabilityCatalog = map[string][2]string{
	"site.hung": {"Hugo stopped after errors on many pages and did not finish (a known Hugo v0.165.0 hang); the errors below are what it reported",
		"Hugo 在许多页面出错后停止，但未能结束（Hugo v0.165.0 的已知卡死问题）；以下是它报告的错误"},
	"site.private": {"%s is private: templates, content adapters and mounts cannot read member data, activities, .git or the secretariat's files (use the public data press derives, hugo.Data.press)",
		"%s 是私有文件：模板、内容适配器和挂载都不能读取会员数据、活动数据、.git 或秘书处文件（请使用 press 生成的公开数据 hugo.Data.press）"},
	"site.cacheinside": {"the cache directory %s is inside the site, where templates could read it; choose one outside the site (--cache-dir)",
		"缓存目录 %s 在网站目录内，模板可能读取其中内容；请另选网站以外的目录（--cache-dir）"},
}

func init() {
	for k, v := range reliabilityCatalog {
		catalog[k] = v
	}
}
