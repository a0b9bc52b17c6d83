package msg

// The messages of press deploy.
func init() {
	for k, v := range deployCatalog {
		catalog[k] = v
	}
}

var deployCatalog = map[string][2]string{
	"deploy.short": {"Build, then upload the changed files to object storage (OSS, COS, S3…) or the association's server (SFTP)",
		"生成网站，并把有变化的文件上传到对象存储（OSS、COS、S3 等）或协会自己的服务器（SFTP）"},
	"deploy.long": {`Builds the site, then deploys it to TARGET, a target of the [deployment]
section of hugo.toml (the first one when none is named):

  - object storage (s3://bucket?endpoint=…&region=…: Alibaba Cloud OSS, Tencent
    COS, Huawei OBS, AWS S3, MinIO; also gs://, azblob://, file://) with Hugo's
    own deploy: its matchers set Cache-Control, Content-Type and gzip, its
    order decides what goes first;
  - the association's own server (sftp://user@host/dir): each deploy is a new
    release directory, switched in atomically with the symbolic link dir/current.

Only changed files are uploaded (compared by content hash). A deploy that would
delete more files than maxDeletes is refused before anything changes. After a
deploy that changed files, the target's refreshCommand runs with the changed
URLs (a CDN refresh); CloudFront and Google Cloud CDN are invalidated by Hugo
(invalidateCDN). Credentials come from the environment and the clouds' usual
credential files (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, ~/.aws/credentials;
for SFTP the SSH agent, PRESS_SFTP_KEY, PRESS_SFTP_PASSWORD) and are never
printed. A failed build is never deployed, nor sources with uncommitted changes
unless --force. See docs/deploy.md.`,
		`先生成网站，再部署到 TARGET——hugo.toml 中 [deployment] 的一个目标（不指定时为第一个）：

  - 对象存储（s3://存储桶?endpoint=…&region=…：阿里云 OSS、腾讯云 COS、华为云 OBS、AWS S3、
    MinIO；也支持 gs://、azblob://、file://），使用 Hugo 自带的部署功能：matchers 设置
    Cache-Control、Content-Type 与 gzip，order 决定上传顺序；
  - 协会自己的服务器（sftp://用户@主机/目录）：每次部署生成一个新的版本目录，
    通过符号链接 目录/current 原子切换。

只上传有变化的文件（按内容哈希比较）。要删除的文件多于 maxDeletes 时拒绝部署，不做任何改动。
有文件变化时，部署后运行目标的 refreshCommand 并传入变化的网址（刷新 CDN）；CloudFront 与
Google Cloud CDN 由 Hugo 刷新（invalidateCDN）。凭据只取自环境变量和各云平台的常用凭据文件
（AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY、~/.aws/credentials；SFTP 用 SSH agent、
PRESS_SFTP_KEY、PRESS_SFTP_PASSWORD），绝不会打印出来。构建失败时不部署；源文件有未提交的
修改时也不部署，除非加 --force。详见 docs/deploy.md。`},
	"deploy.example": {"  press deploy --dry-run          show what would change on the first target\n  press deploy oss\n  press deploy server --max-deletes 500",
		"  press deploy --dry-run          查看第一个目标上将发生的变化\n  press deploy oss\n  press deploy server --max-deletes 500"},
	"deploy.norepo":        {"not a git repository (%v): cannot check for uncommitted changes", "不是 git 仓库（%v）：无法检查未提交的修改"},
	"deploy.dirty":         {"the sources have uncommitted changes (%s); commit them first, or use --force", "源文件有未提交的修改（%s）；请先提交，或加 --force"},
	"deploy.target":        {"Target %s (%s)", "目标 %s（%s）"},
	"deploy.upload":        {"  upload  %s  (%s, %s)", "  上传  %s（%s，%s）"},
	"deploy.delete":        {"  delete  %s", "  删除  %s"},
	"deploy.dryrun":        {"Dry run: %d to upload (%s), %d to delete; nothing was changed.", "试运行：将上传 %d 个（%s），删除 %d 个；未做任何改动。"},
	"deploy.done":          {"Deployed to %s: %d uploaded (%s), %d deleted, in %s.", "已部署到 %s：上传 %d 个（%s），删除 %d 个，用时 %s。"},
	"deploy.done.sftp":     {"Deployed to %s: %d uploaded (%s), %d deleted, %d unchanged; live release %s, in %s.", "已部署到 %s：上传 %d 个（%s），删除 %d 个，未变 %d 个；当前版本 %s，用时 %s。"},
	"deploy.nochange":      {"Nothing to deploy to %s: 0 uploaded, 0 deleted (everything is up to date), in %s.", "%s 无需部署：上传 0 个，删除 0 个（全部已是最新），用时 %s。"},
	"deploy.refreshed":     {"Ran %s with %d changed URLs (CDN refresh).", "已运行 %s，传入 %d 个变化的网址（刷新 CDN）。"},
	"deploy.wouldrefresh":  {"Would run %s with %d changed URLs (CDN refresh).", "将运行 %s，传入 %d 个变化的网址（刷新 CDN）。"},
	"deploy.warning":       {"warning: %s", "警告：%s"},
	"deploy.confirm":       {"%d to upload, %d to delete on %s. Continue? [y/N] ", "将在 %[3]s 上传 %[1]d 个、删除 %[2]d 个文件。继续吗？[y/N] "},
	"deploy.aborted":       {"deploy aborted: nothing was changed", "已取消部署：未做任何改动"},
	"deploy.notargets":     {"hugo.toml has no deployment targets: add a [[deployment.targets]] with a name and url (see docs/deploy.md)", "hugo.toml 中没有部署目标：请添加 [[deployment.targets]]，写明 name 与 url（见 docs/deploy.md）"},
	"deploy.unknown":       {"no deployment target %q; the configuration has: %s", "没有名为 %q 的部署目标；配置中有：%s"},
	"deploy.toomany":       {"the deploy to %s would delete %d files, more than maxDeletes (%d): refused, nothing was changed. If this is intended, raise maxDeletes in hugo.toml or pass --max-deletes %d", "部署到 %s 将删除 %d 个文件，超过 maxDeletes（%d）：已拒绝，未做任何改动。如确属预期，请调高 hugo.toml 中的 maxDeletes，或加 --max-deletes %d"},
	"deploy.auth":          {"%s refused the credentials; nothing was changed. %s (%v)", "%s 拒绝了凭据，未做任何改动。%s（%v）"},
	"deploy.refreshfailed": {"the site was deployed, but the refresh command %s failed: %v", "网站已部署，但刷新命令 %s 失败：%v"},
	"flag.deploy.dryrun":   {"show what would change, change nothing", "只显示将发生的变化，不做任何改动"},
	"flag.deploy.force":    {"deploy even if the sources have uncommitted changes", "即使源文件有未提交的修改也部署"},
	"flag.deploy.upload":   {"upload every file, changed or not", "上传全部文件，不论是否变化"},
	"flag.deploy.maxdel":   {"most files a deploy may delete (-1: no limit; default: maxDeletes in hugo.toml, else 256)", "一次部署最多删除的文件数（-1 不限；默认取 hugo.toml 的 maxDeletes，否则 256）"},
	"flag.deploy.confirm":  {"ask before changing the target (default: confirm in hugo.toml)", "改动目标前先询问（默认取 hugo.toml 的 confirm）"},
	"flag.deploy.cdn":      {"invalidate the target's CloudFront or Google Cloud CDN (default: invalidateCDN in hugo.toml, else true)", "刷新目标的 CloudFront 或 Google Cloud CDN（默认取 hugo.toml 的 invalidateCDN，否则为是）"},
	"flag.deploy.workers":  {"files transferred at once (default: workers in hugo.toml, else 10)", "同时传输的文件数（默认取 hugo.toml 的 workers，否则 10）"},
	"flag.deploy.verbose":  {"list every file uploaded or deleted", "列出每个上传或删除的文件"},
}
