package msg

// catalog maps a message key to its English and Chinese text.
var catalog = map[string][2]string{
	"error.prefix": {"error: ", "错误："},
	"usage.hint":   {"Run \"press help\" for usage.", "运行 \"press help\" 查看用法。"},
	"root.short":   {"Build the website, PDFs and feeds of 郑州市信息化促进会", "生成郑州市信息化促进会的网站、PDF 与订阅源"},
	"root.long": {`press turns the association's Markdown content and YAML data into its website,
print-ready PDFs and calendar feeds. The website is built by Hugo, embedded.

Exit codes: 0 success; 1 content or build errors; 2 wrong command line.`,
		`press 把协会的 Markdown 内容与 YAML 数据生成网站、印刷用 PDF 和日历订阅源。
网站由内嵌的 Hugo 生成。

退出码：0 成功；1 内容或构建错误；2 命令行用法错误。`},
	"root.example": {`  press build                  build the site in this directory into public/
  press build --source site --dest /tmp/out
  press serve                  preview at http://127.0.0.1:1313/ with live reload
  press help build             help for one command`,
		`  press build                  生成当前目录的网站到 public/
  press build --source site --dest /tmp/out
  press serve                  在 http://127.0.0.1:1313/ 实时预览
  press help build             查看某个命令的帮助`},
	"usage.template": {`Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

Commands:{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

Flags:
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

Global flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

Run "{{.CommandPath}} help [command]" for more about a command.{{end}}
`, `用法：{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [命令]{{end}}{{if gt (len .Aliases) 0}}

别名：
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

示例：
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}

命令：{{range .Commands}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}

选项：
{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableInheritedFlags}}

全局选项：
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasAvailableSubCommands}}

运行 "{{.CommandPath}} help [命令]" 查看某个命令的详细说明。{{end}}
`},
	"help.template": {"{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}\n\n{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}",
		"{{with (or .Long .Short)}}{{. | trimTrailingWhitespaces}}\n\n{{end}}{{if or .Runnable .HasSubCommands}}{{.UsageString}}{{end}}"},
	"help.short":   {"Help about any command", "查看命令的帮助"},
	"help.unknown": {"Unknown help topic %q.\n", "没有名为 %q 的命令。\n"},
	"flag.help":    {"help for this command", "显示帮助"},
	"flag.source":  {"site directory (the one holding hugo.toml)", "网站目录（含 hugo.toml 的目录）"},
	"flag.dest":    {"output directory (default: public/ in the site)", "输出目录（默认：网站目录下的 public/）"},
	"flag.baseurl": {"base URL of the published site, overriding the config", "发布地址，覆盖配置中的 baseURL"},
	"flag.today":   {"the date taken as today, YYYY-MM-DD (for reproducible builds)", "作为“今天”的日期，格式 YYYY-MM-DD（用于可重现的构建）"},
	"flag.cachedir": {"cache directory (default: the user's cache directory, never the site)",
		"缓存目录（默认：用户缓存目录，绝不写入网站目录）"},
	"flag.addr":     {"address and port to listen on", "监听的地址和端口"},
	"today.bad":     {"--today %q is not a date of the form YYYY-MM-DD", "--today %q 不是 YYYY-MM-DD 格式的日期"},
	"version.short": {"Print the version of press and of the embedded Hugo", "显示 press 与内嵌 Hugo 的版本"},
	"build.short":   {"Build the website into public/", "生成网站到 public/"},
	"build.long": {`Builds the site: validates the sources, renders every page with the embedded
Hugo into a staging directory, and replaces the output directory only when
everything succeeded. On errors it prints each one as file:line:col: message,
exits with status 1 and leaves the previous output untouched.`,
		`生成网站：先校验源文件，再用内嵌的 Hugo 把所有页面生成到临时目录，全部成功后才替换输出目录。
出错时逐条打印“文件:行:列: 说明”，以状态 1 退出，原有输出保持不变。`},
	"build.example": {`  press build
  press build --source ../other-site --dest /srv/www/site
  press build --today 2026-11-27 --base-url https://www.example.org/`,
		`  press build
  press build --source ../other-site --dest /srv/www/site
  press build --today 2026-11-27 --base-url https://www.example.org/`},
	"build.done":   {"Built %d pages (%d files) into %s in %v.", "已生成 %d 个页面（%d 个文件）到 %s，用时 %v。"},
	"build.failed": {"Build failed with %d error(s); the previous output is unchanged.", "构建失败，共 %d 个错误；原有输出未改动。"},
	"serve.short":  {"Preview the site with live reload", "实时预览网站（修改后自动刷新）"},
	"serve.long": {`Builds the site into memory and serves it on 127.0.0.1:1313. Every change to
content, data, layouts, static files or the config rebuilds the site and
reloads open browser tabs. A bad edit shows its errors in the terminal and in
the browser; the preview recovers when the edit is fixed. Stop with Ctrl-C.`,
		`把网站生成到内存中，并在 127.0.0.1:1313 提供预览。修改内容、数据、模板、静态文件或配置后会自动重新生成，
并刷新已打开的浏览器页面。编辑出错时，终端和浏览器都会显示错误；改正后预览自动恢复。按 Ctrl-C 停止。`},
	"serve.example": {`  press serve
  press serve --addr 127.0.0.1:8080
  press serve --source ../other-site`, `  press serve
  press serve --addr 127.0.0.1:8080
  press serve --source ../other-site`},
	"serve.listening": {"Preview at %s (Ctrl-C to stop)", "预览地址：%s（按 Ctrl-C 停止）"},
	"serve.stopped":   {"Preview stopped.", "预览已停止。"},
	"serve.built":     {"Built %d pages in %v.", "已生成 %d 个页面，用时 %v。"},
	"serve.failed":    {"Build failed; the browser shows the errors until they are fixed.", "构建失败；改正之前，浏览器中会显示这些错误。"},
	"serve.watcherr":  {"watching files: %v", "监视文件出错：%v"},
	"serve.errtitle":  {"The site could not be built", "网站生成失败"},
	"serve.errhint": {"Fix the errors below and save; this page reloads by itself.",
		"请改正下列错误并保存，本页面会自动刷新。"},
	"fm.json":          {"front matter is not valid JSON: %s", "front matter 不是有效的 JSON：%s"},
	"fm.syntax":        {"front matter: %s", "front matter 格式错误：%s"},
	"fm.date":          {"%s: %q is not a date", "%s：%q 不是有效日期"},
	"fm.date.hint":     {"write it as 2026-11-27 or 2026-11-27T09:30:00+08:00", "请写成 2026-11-27 或 2026-11-27T09:30:00+08:00"},
	"fm.unclosed":      {"front matter opened with %q is never closed", "以 %q 开始的 front matter 没有结束"},
	"fm.unclosed.hint": {"add a line with %q after the last front-matter field", "请在最后一个字段后加一行 %q"},
	"diag.warning":     {"warning: ", "警告："},
	"diag.hintsep":     {"; ", "；"},
	"check.short":      {"Check sources and the rendered site without writing output", "检查源文件和生成结果，不写入任何输出"},
	"check.long": {`Runs every check a build runs (front matter, data, templates) and renders the
site in memory, writing nothing. Reports every problem at once and exits 1 on
errors. --format json prints a machine-readable report; --format github prints
GitHub Actions workflow annotations.`, `执行构建时的全部检查（front matter、数据、模板），并在内存中生成网站，不写入任何文件。
一次报告所有问题，有错误时以状态 1 退出。--format json 输出机器可读的报告；--format github 输出 GitHub Actions 注释。`},
	"check.example": {`  press check
  press check --format json
  press check --format github   # in a GitHub Actions workflow`, `  press check
  press check --format json
  press check --format github   # 在 GitHub Actions 工作流中使用`},
	"check.ok":        {"No problems found.", "未发现问题。"},
	"check.badformat": {"--format %q: use human, json or github", "--format %q：只能是 human、json 或 github"},
	"flag.format":     {"report format: human, json or github", "报告格式：human、json 或 github"},
	"link.missing":    {"page %s links to %s, which does not exist", "页面 %s 链接到 %s，但该地址不存在"},
	"link.anchor":     {"page %s links to %s, but that page has no such anchor", "页面 %s 链接到 %s，但目标页面没有这个锚点"},
	"hint.didyoumean": {"did you mean %q?", "是否应为 %q？"},
	"pdf.short":       {"Typeset a Markdown file as a print-quality PDF", "把 Markdown 文件排版为印刷质量的 PDF"},
	"pdf.long": {`Typesets Markdown as PDF by the rules of Chinese text layout (W3C clreq):
line breaking with the prohibition rules, punctuation compression, Han-Latin
spacing, 2-em indents, footnotes at the foot of the page, tables, a contents
page and PDF bookmarks. Fonts are found on the system (see README) or given
with --font ROLE=FILE.ttf.`, `按中文排版规则（W3C clreq）把 Markdown 排成 PDF：避头尾断行、标点挤压、中西文间距、
段首缩进两字、页下脚注、表格、目录和 PDF 书签。字体自动在系统中查找（见 README），
也可用 --font 角色=字体文件.ttf 指定。`},
	"pdf.example": {`  press pdf report.md
  press pdf report.md -o report.pdf --size 16K --toc --numbering chinese
  press pdf notes.md --title "会议纪要" --author 秘书处 --date 2026-11-27`, `  press pdf report.md
  press pdf report.md -o report.pdf --size 16K --toc --numbering chinese
  press pdf notes.md --title "会议纪要" --author 秘书处 --date 2026-11-27`},
	"pdf.done":             {"Wrote %s (%d KB) in %v.", "已生成 %s（%d KB），用时 %v。"},
	"pdf.badsize":          {"--size %q: use A4, 16K or B5", "--size %q：只能是 A4、16K 或 B5"},
	"pdf.badnumbering":     {"--numbering %q: use chinese or decimal", "--numbering %q：只能是 chinese 或 decimal"},
	"pdf.baddate":          {"--date %q is not a date of the form YYYY-MM-DD", "--date %q 不是 YYYY-MM-DD 格式的日期"},
	"pdf.badfont":          {"--font %q: write ROLE=FILE.ttf, e.g. song=/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf", "--font %q：应写成 角色=字体文件.ttf，例如 song=/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf"},
	"flag.pdf.output":      {"output file (default: FILE.pdf beside the input)", "输出文件（默认：与输入同名的 .pdf）"},
	"flag.pdf.size":        {"page size: A4, 16K (185×260 mm) or B5", "纸张：A4、16K（185×260 毫米）或 B5"},
	"flag.pdf.toc":         {"add a table of contents", "生成目录"},
	"flag.pdf.numbering":   {"number headings: chinese (一、（一）1.) or decimal (1, 1.1)", "标题编号：chinese（一、（一）1.）或 decimal（1、1.1）"},
	"flag.pdf.title":       {"document title (default: the single level-1 heading)", "文档标题（默认：唯一的一级标题）"},
	"flag.pdf.author":      {"author in the PDF metadata", "PDF 元数据中的作者"},
	"flag.pdf.subject":     {"subject in the PDF metadata", "PDF 元数据中的主题"},
	"flag.pdf.keywords":    {"comma-separated keywords for the PDF metadata", "PDF 元数据中的关键词，用逗号分隔"},
	"flag.pdf.header":      {"running head (default: the title; \"-\" for none)", "页眉（默认：标题；\"-\" 表示不要页眉）"},
	"flag.pdf.footer":      {"running foot; {page} and {pages} are replaced (default: {page})", "页脚；{page}、{pages} 会被替换为页码和总页数（默认：{page}）"},
	"flag.pdf.date":        {"creation date written into the PDF, YYYY-MM-DD (default: none, for reproducible output)", "写入 PDF 的创建日期，格式 YYYY-MM-DD（默认不写，保证输出可重现）"},
	"flag.pdf.hanging":     {"hang a line-end full stop or comma (。，、) in the margin (front matter: hangingPunctuation: true)", "行末的句号、逗号、顿号（。，、）悬挂在版心之外（也可在 front matter 中写 hangingPunctuation: true）"},
	"flag.pdf.font":        {"font override ROLE=FILE.ttf (song, hei, kai, serif, sans, mono, …); repeatable", "指定字体 角色=文件.ttf（song、hei、kai、serif、sans、mono 等），可重复"},
	"flag.print":           {"make the printer's edition of the PDFs (3 mm bleed, crop marks)", "生成印刷版 PDF（3 毫米出血和裁切线）"},
	"report.short":         {"Internal reports for the secretariat (never published)", "秘书处内部报表（不会发布到网站）"},
	"report.members.short": {"Members' status, reasons, fees and attendance (HTML and CSV)", "会员状态、依据、会费与参加活动情况（HTML 与 CSV）"},
	"report.members.long": {`Applies the membership rules (会员管理办法) to the member and activity data as
of --today and writes an internal report, members.html and members.csv, with
each member's status and the reasons, fee status, attendance rate and contact
details. The files are private: they go to ./secretariat/ (or --out), never
into the public site.`, `按《会员管理办法》以 --today 为当天核算会员与活动数据，生成内部报表 members.html 和 members.csv：
每个会员的状态及依据、会费情况、参加活动比例和联系方式。报表含私密信息，写入 ./secretariat/（或 --out 指定的目录），
绝不进入公开网站。`},
	"report.members.example": {`  press report members
  press report members --today 2026-12-31 --out /srv/secretariat/2026`, `  press report members
  press report members --today 2026-12-31 --out /srv/secretariat/2026`},
	"report.wrote":        {"Wrote %s", "已写入 %s"},
	"report.nomembers":    {"no member data in %s", "%s 中没有会员数据"},
	"report.public":       {"--out %s is inside the public site's output; internal reports must stay out of it", "--out %s 位于公开网站的输出目录内；内部报表不能放在那里"},
	"flag.report.out":     {"directory for the internal files (default: secretariat/ in the site)", "内部文件的目录（默认：网站目录下的 secretariat/）"},
	"new.short":           {"Create a new news post, notice, activity, member, person, journal issue or white paper", "新建新闻、通知、活动、会员、人员、会刊或白皮书文件"},
	"new.long":            {"Creates a valid file with today's date and a readable slug (pinyin of the title).\nIt never overwrites a file.\n\nKinds:\n%s", "用今天的日期和可读的短名（标题的拼音）新建一个格式正确的文件，绝不覆盖已有文件。\n\n种类：\n%s"},
	"new.example":         {"  press new news 信息化研讨会在郑州召开\n  press new notice 关于召开理事会议的通知\n  press new journal 2027-1", "  press new news 信息化研讨会在郑州召开\n  press new notice 关于召开理事会议的通知\n  press new journal 2027-1"},
	"new.badkind":         {"unknown kind %q: use news, notice, activity, member, person, journal or whitepaper", "没有 %q 这种类型：可用 news、notice、activity、member、person、journal、whitepaper"},
	"new.exists":          {"%v; choose another title or edit that file", "%v；请换一个标题，或直接编辑该文件"},
	"new.done":            {"Created %s", "已创建 %s"},
	"hooks.short":         {"Git hooks for editors", "编辑用的 git 钩子"},
	"hooks.install.short": {"Install a pre-commit hook that runs press check on the staged content", "安装 pre-commit 钩子：提交前对暂存的内容运行 press check"},
	"hooks.install.long":  {"Writes .git/hooks/pre-commit so that every commit is checked first: the hook\ncopies the staged files aside and runs \"press check\" on them; a commit with\nerrors is refused. Installing again is safe.", "写入 .git/hooks/pre-commit，每次提交前先检查：钩子把暂存的文件复制到临时目录并运行 \"press check\"，\n有错误的提交会被拒绝。重复安装是安全的。"},
	"hooks.done":          {"Installed %s", "已安装 %s"},
	"hooks.foreign":       {"%v; use --force to replace it (it is kept as pre-commit.press-backup)", "%v；如需替换请加 --force（原钩子另存为 pre-commit.press-backup）"},
	"flag.hooks.command":  {"the press command the hook runs", "钩子运行的 press 命令"},
	"flag.hooks.force":    {"replace a pre-commit hook that is not press's", "替换不是 press 安装的 pre-commit 钩子"},
	"publish.short":       {"Build, then commit the output to the gh-pages branch and push it", "生成网站，并把结果提交到 gh-pages 分支后推送"},
	"publish.long": {`Builds the site, then commits the output to a branch (default gh-pages) — one
commit per publish, naming the source commit, none when nothing changed — and
pushes it to the remote. Credentials come from the environment: PRESS_GIT_TOKEN
or GITHUB_TOKEN for HTTPS remotes, the SSH agent for SSH remotes; they are never
printed. A failed build is never published, nor sources with uncommitted
changes unless --force. --dir PATH copies the output to a directory instead
(for an rsync or object-storage step).`, `先生成网站，再把结果提交到一个分支（默认 gh-pages）——每次发布一个提交，提交说明注明源提交；
没有变化时不提交——并推送到远程仓库。凭据取自环境变量：HTTPS 仓库用 PRESS_GIT_TOKEN 或 GITHUB_TOKEN，
SSH 仓库用 SSH agent；凭据绝不会打印出来。构建失败时不发布；源文件有未提交的修改时也不发布，除非加 --force。
--dir 路径 表示改为复制到一个目录（供 rsync 或对象存储上传）。`},
	"publish.example":      {"  press publish\n  press publish --remote https://git.example.org/zzia/site.git --branch pages\n  press publish --dir /srv/www/site", "  press publish\n  press publish --remote https://git.example.org/zzia/site.git --branch pages\n  press publish --dir /srv/www/site"},
	"publish.norepo":       {"cannot publish: %v (publishing needs the site's git repository; use --dir to copy to a directory)", "无法发布：%v（发布需要网站所在的 git 仓库；如只需复制到目录请用 --dir）"},
	"publish.dirty":        {"the sources have uncommitted changes (%s); commit them first, or use --force", "源文件有未提交的修改（%s）；请先提交，或加 --force"},
	"publish.dir":          {"Copied to %s: %d written, %d removed, %d unchanged.", "已复制到 %s：写入 %d 个，删除 %d 个，未变 %d 个。"},
	"publish.unchanged":    {"Nothing changed since the last publish; no commit made on %s.", "自上次发布以来没有变化，%s 上没有新提交。"},
	"publish.pushed":       {"Published %s at %s to %s.", "已发布：%s 分支 %s，已推送到 %s。"},
	"publish.committed":    {"Committed %s at %s (not pushed: no remote).", "已提交到 %s 分支 %s（没有远程仓库，未推送）。"},
	"flag.publish.branch":  {"branch to publish to", "发布到的分支"},
	"flag.publish.remote":  {"remote name, URL or path to push to (empty: commit only)", "推送到的远程仓库名称、URL 或路径（留空则只提交不推送）"},
	"flag.publish.message": {"first line of the commit message", "提交说明的第一行"},
	"flag.publish.author":  {"author name of the publish commit", "发布提交的作者名"},
	"flag.publish.email":   {"author e-mail of the publish commit", "发布提交的作者邮箱"},
	"flag.publish.dir":     {"copy the built site to this directory instead of committing", "不提交，改为把生成的网站复制到这个目录"},
	"flag.publish.force":   {"publish even if the sources have uncommitted changes", "即使源文件有未提交的修改也发布"},
	"history.failed":       {"page history unavailable, using dates from the content: %v", "无法读取页面历史，改用内容中的日期：%v"},
	"history.shallow":      {"this is a shallow git clone: pages last changed before its first commit show the dates in their front matter", "这是浅克隆（shallow clone）：最早提交之前修改的页面将显示 front matter 中的日期"},
	"history.shallow.hint": {"clone with full history (git fetch --unshallow, or fetch-depth: 0 in CI)", "请获取完整历史（git fetch --unshallow，或在 CI 中设置 fetch-depth: 0）"},
	"flag.timings":         {"print how long each stage of the build took", "打印构建各阶段的用时"},
	"print.short":          {"The secretariat's print jobs: roster, mailing labels, certificates, application form", "秘书处印制文件：会员名录、会刊邮寄标签、会员证书、入会申请表"},
	"print.long": {`Makes the secretariat's print jobs from the member data, as PDF (and CSV):

  roster        the internal member roster (会员名录, 会员通信联络表) with every contact
  labels        A4 label sheets for mailing the printed journal, and the distribution list (CSV)
  certificates  one membership certificate per active member unit whose fee is paid
  form          the membership application form (入会申请表; also published with the site)

The roster, labels and certificates hold private contact details: they are
written to --out (default: secretariat/ in the site), never inside the public
output or the site's content/ and static/ folders. Dates printed come from
--today (or PRESS_TODAY, SOURCE_DATE_EPOCH), so the files can be reproduced.`,
		`由会员数据生成秘书处的印制文件（PDF，另有 CSV）：

  roster        内部会员名录（会员通信联络表），含全部联络方式
  labels        会刊邮寄用 A4 不干胶标签，以及发放清单（CSV）
  certificates  会员证书：每个状态正常、已缴当年会费的会员单位一页
  form          入会申请表（网站也会发布）

会员名录、标签和证书含有不公开的联络方式：写入 --out（默认为网站目录下的
secretariat/），绝不写入公开网站的输出目录或网站的 content/、static/ 目录。
文件上的日期取自 --today（或 PRESS_TODAY、SOURCE_DATE_EPOCH），结果可重现。`},
	"print.example": {`  press print roster --today 2026-11-27
  press print labels --labels 2x7 --label-size 99.1x38.1 --copies 副会长单位=3,理事单位=2,普通会员单位=1
  press print labels --labels 3x8 --label-size 70x36 --label-gap 0,0 --outline
  press print certificates --year 2026
  press print certificates --only m00-zhongyuan,m01-erqi
  press print form --out 入会申请表.pdf`, `  press print roster --today 2026-11-27
  press print labels --labels 2x7 --label-size 99.1x38.1 --copies 副会长单位=3,理事单位=2,普通会员单位=1
  press print labels --labels 3x8 --label-size 70x36 --label-gap 0,0 --outline
  press print certificates --year 2026
  press print certificates --only m00-zhongyuan,m01-erqi
  press print form --out 入会申请表.pdf`},
	"print.roster.short":       {"Internal member roster with every contact (PDF)", "内部会员名录，含全部联络方式（PDF）"},
	"print.labels.short":       {"Mailing labels for the journal (PDF) and the distribution list (CSV)", "会刊邮寄标签（PDF）与发放清单（CSV）"},
	"print.labels.long":        {"One label per copy for every member with an address, by level and region; withdrawn members and members without an address are left out and listed as warnings.", "每个有通信地址的会员按份数各印一张标签，按级别、区域排列；视同退会的会员和没有通信地址的会员不印，并作为警告列出。"},
	"print.certificates.short": {"Membership certificates, one page per eligible member unit (PDF)", "会员证书，每个符合条件的会员单位一页（PDF）"},
	"print.certificates.long": {`One certificate (副会长单位证书, 理事单位证书, 会员单位证书) per member unit that is active
and has paid the fee of the year of validity; numbers are PREFIX-YEAR-CODE-NNN, CODE
FHZ/LS/HY by level, NNN by order of joining among all units of the level.`, `为每个状态正常、已缴有效年度会费的会员单位印一张证书（副会长单位证书、理事单位证书、
会员单位证书）；编号为 前缀-年度-级别代码-序号，级别代码 FHZ/LS/HY，序号按该级别全部
会员单位的入会先后排定。`},
	"print.form.short":           {"The membership application form (入会申请表, PDF)", "入会申请表（PDF）"},
	"print.skipped":              {"no label for %s (%s): %s", "不印标签：%s（%s）：%s"},
	"print.nocert":               {"no certificate for %s (%s): %s", "不发证书：%s（%s）：%s"},
	"print.labels.summary":       {"%d labels for %d addressees on %d sheets.", "共 %[1]d 张标签，%[2]d 个收件单位，%[3]d 页。"},
	"print.certificates.summary": {"%d certificates.", "共 %d 份证书。"},
	"print.public":               {"%s is inside %s, which the site publishes or is built from; the secretariat's files must stay out of it", "%s 位于网站的源文件或输出目录 %s 之内，会被发布；秘书处文件不能放在那里"},
	"print.badpair":              {"%s %q: want two numbers such as 2x7, 99.1x38.1 or 15,4.6", "%s %q：应为两个数，如 2x7、99.1x38.1 或 15,4.6"},
	"print.badcopies":            {"--copies %q: want LEVEL=N with a level among %s", "--copies %q：应为 级别=份数，级别为 %s 之一"},
	"print.unknownmember":        {"--only: no member with id %q", "--only：没有标识为 %q 的会员"},
	"flag.print.out":             {"directory for the files (default: secretariat/ in the site)", "输出目录（默认：网站目录下的 secretariat/）"},
	"flag.print.formout":         {"file to write (default: secretariat/application-form.pdf in the site)", "输出文件（默认：网站目录下的 secretariat/application-form.pdf）"},
	"flag.print.labels":          {"labels per A4 sheet, COLUMNSxROWS", "每张 A4 标签纸的标签数，列x行"},
	"flag.print.labelsize":       {"size of one label in millimetres, WIDTHxHEIGHT", "单张标签尺寸（毫米），宽x高"},
	"flag.print.margins":         {"margins to the first label in millimetres, TOP,LEFT (default: the grid centred)", "第一张标签距纸边的边距（毫米），上,左（默认居中）"},
	"flag.print.gap":             {"space between labels in millimetres, ACROSS,DOWN (default: 2.5,0 for 2x7 99.1 mm labels, else 0,0)", "标签之间的间距（毫米），横向,纵向（默认：2x7、99.1 毫米标签为 2.5,0，其余为 0,0）"},
	"flag.print.copies":          {"copies of the journal per level, LEVEL=N,…", "各级别会员的会刊份数，级别=份数,…"},
	"flag.print.outline":         {"draw the labels' outlines (for a trial print on plain paper)", "画出标签轮廓（用普通纸试印时）"},
	"flag.print.skipsuspended":   {"leave out suspended members too", "暂停会员权利的会员也不印"},
	"flag.print.year":            {"year of validity (default: the year of --today)", "有效年度（默认：--today 所在年份）"},
	"flag.print.prefix":          {"first part of the certificate numbers", "证书编号的前缀"},
	"flag.print.only":            {"print only these member ids (numbers stay those of the full run)", "只印这些会员标识的证书（编号不变）"},
	"pub.progress":               {"pdf [%d/%d] %s: %d pages, %s", "PDF [%d/%d] %s：%d 页，%s"},
	"pub.typeset":                {"typeset in %v", "排版用时 %v"},
	"pub.cached":                 {"cached", "未改动，使用缓存"},
	"build.baddest":              {"the output directory %s would replace the site or its sources", "输出目录 %s 会覆盖网站本身或其源文件"},
	"build.baddest.hint":         {"choose a directory of its own, such as public/ (the default)", "请另选一个专用目录，例如默认的 public/"},

	// The privacy scan of every build (internal/pipeline/privacy.go).
	"privacy.leak": {"contains the private %s of %s; the build refuses to publish private member data",
		"含有 %[2]s 的私密信息（%[1]s）；构建拒绝发布会员的私密信息"},
	"privacy.hint": {"remove it from whatever made this file (a page in content/, a file in static/, a template); it belongs only in the internal report",
		"请从生成此文件的源头（content/ 中的页面、static/ 中的文件或模板）删除；这类信息只能出现在内部报表中"},

	"privacy.phone":   {"phone number", "电话"},
	"privacy.mobile":  {"mobile number", "手机"},
	"privacy.fax":     {"fax number", "传真"},
	"privacy.email":   {"e-mail address", "电子邮件"},
	"privacy.address": {"postal address", "通信地址"},
	"privacy.notes":   {"secretariat's notes", "秘书处备注"},
	"privacy.feenote": {"fee note", "会费备注"},
}
