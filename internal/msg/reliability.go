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
	"build.destfile":      {"the output %s exists and is not a directory", "输出位置 %s 已存在，且不是目录"},
	"build.destfile.hint": {"give --dest a directory: a new one, an empty one, or one press made", "--dest 应为目录：新目录、空目录或 press 生成的目录"},
	"build.notours":       {"the output directory %s is not empty and was not made by press (it has no %s file): building would delete what is in it", "输出目录 %s 不是空目录，也不是 press 生成的（其中没有 %s 文件）；构建会删除其中的全部内容"},
	"build.notours.hint":  {"choose a new or empty directory, or pass --force to replace its contents", "请另选新目录或空目录；确需替换其内容时加 --force"},
	"build.locked":        {"the output %s is being written by another press build (%s)", "另一个 press 构建正在写入输出 %s（%s）"},
	"build.locked.hint":   {"wait for that build to finish, or build into another directory with --dest", "请等它结束，或用 --dest 指定另一个目录"},
	"build.lockholder":    {"pid %d on %s, since %s", "主机 %[2]s 上的进程 %[1]d，始于 %[3]s"},
	"build.recovered":     {"%s: restored the previous output, which an interrupted build had moved aside", "%s：已恢复被中断的构建移开的原有输出"},
	"site.duplicate": {"%s is written by both %s: one would silently replace the other; give each page its own address (url, aliases, slug or file name)",
		"%s 同时由 %s 生成：后者会悄悄覆盖前者；请让每个页面有自己的地址（url、aliases、slug 或文件名）"},
	"site.generatedexists": {"%s is a file press generates, but a page or static file is already there; give that page another address",
		"%s 是 press 生成的文件，但已有页面或静态文件占用该地址；请给那个页面换一个地址"},
	"site.duplicate.and":      {" and ", " 和 "},
	"site.generatedpage":      {"the %s page %s that Hugo makes", "Hugo 生成的 %s 页面 %s"},
	"content.notregular":      {"not a regular file but %s; press reads only regular files", "不是普通文件，而是%s；press 只读取普通文件"},
	"content.notregular.hint": {"replace it with the file itself, or remove it", "请换成文件本身，或删除它"},
	"content.toolarge":        {"larger than %d MiB, the most a content file may be", "超过内容文件的上限 %d MiB"},
	"content.toolarge.hint":   {"split the text, or put large files (PDF, images) beside it as resources", "请拆分文本；PDF、图片等大文件请作为资源放在旁边"},
	"content.kind.dir":        {"a directory", "目录"},
	"content.kind.fifo":       {"a named pipe (FIFO)", "命名管道（FIFO）"},
	"content.kind.socket":     {"a socket", "套接字"},
	"content.kind.device":     {"a device", "设备文件"},
	"content.kind.other":      {"a special file", "特殊文件"},
	"content.kind.link":       {"a symbolic link to %s (%s)", "指向 %s 的符号链接（%s）"},
	"serve.badhost": {"Host %q is not this preview server: open it at its address (127.0.0.1 or localhost)",
		"Host %q 不是本预览服务器：请用它的地址（127.0.0.1 或 localhost）打开"},
	"flag.build.force": {"replace the output directory even if press did not make it", "即使输出目录不是 press 生成的也替换"},
	"interrupted":      {"interrupted (%v); temporary files removed, the previous output is unchanged", "已中断（%v）；临时文件已删除，原有输出未改动"},
}

func init() {
	for k, v := range reliabilityCatalog {
		catalog[k] = v
	}
}
