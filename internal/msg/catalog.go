package msg

// catalog maps every message key to its English and Chinese text, in that
// order. Keys are grouped by the package or command that shows them.
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
	"pdf.failed":   {"No PDF written: %d error(s); an existing PDF of that name is unchanged.", "未生成 PDF：共 %d 个错误；已有的同名 PDF 未改动。"},
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
	"report.wrote":          {"Wrote %s", "已写入 %s"},
	"report.nomembers":      {"no member data in %s", "%s 中没有会员数据"},
	"report.public":         {"--out %s is inside the public site's output; internal reports must stay out of it", "--out %s 位于公开网站的输出目录内；内部报表不能放在那里"},
	"flag.report.out":       {"directory for the internal files (default: secretariat/ in the site)", "内部文件的目录（默认：网站目录下的 secretariat/）"},
	"new.short":             {"Create a new news post, notice, activity, member, person, journal issue or white paper", "新建新闻、通知、活动、会员、人员、会刊或白皮书文件"},
	"new.long":              {"Creates a valid file with today's date and a readable slug (pinyin of the title).\nIt never overwrites a file.\n\nKinds:\n%s", "用今天的日期和可读的短名（标题的拼音）新建一个格式正确的文件，绝不覆盖已有文件。\n\n种类：\n%s"},
	"new.example":           {"  press new news 信息化研讨会在郑州召开\n  press new notice 关于召开理事会议的通知\n  press new journal 2027-1", "  press new news 信息化研讨会在郑州召开\n  press new notice 关于召开理事会议的通知\n  press new journal 2027-1"},
	"new.badkind":           {"unknown kind %q: use news, notice, activity, member, person, journal or whitepaper", "没有 %q 这种类型：可用 news、notice、activity、member、person、journal、whitepaper"},
	"new.exists":            {"%v; choose another title or edit that file", "%v；请换一个标题，或直接编辑该文件"},
	"new.done":              {"Created %s", "已创建 %s"},
	"hooks.short":           {"Git hooks for editors", "编辑用的 git 钩子"},
	"hooks.install.short":   {"Install a pre-commit hook that runs press check on the staged content", "安装 pre-commit 钩子：提交前对暂存的内容运行 press check"},
	"hooks.install.example": {"  press hooks install\n  press hooks install --command ./bin/press", "  press hooks install\n  press hooks install --command ./bin/press"},
	"hooks.install.long":    {"Writes .git/hooks/pre-commit so that every commit is checked first: the hook\ncopies the staged files aside and runs \"press check\" on them; a commit with\nerrors is refused. Installing again is safe.", "写入 .git/hooks/pre-commit，每次提交前先检查：钩子把暂存的文件复制到临时目录并运行 \"press check\"，\n有错误的提交会被拒绝。重复安装是安全的。"},
	"hooks.done":            {"Installed %s", "已安装 %s"},
	"hooks.foreign":         {"%v; use --force to replace it (it is kept as pre-commit.press-backup)", "%v；如需替换请加 --force（原钩子另存为 pre-commit.press-backup）"},
	"flag.hooks.command":    {"the press command the hook runs", "钩子运行的 press 命令"},
	"flag.hooks.force":      {"replace a pre-commit hook that is not press's", "替换不是 press 安装的 pre-commit 钩子"},
	"publish.short":         {"Build, then commit the output to the gh-pages branch and push it", "生成网站，并把结果提交到 gh-pages 分支后推送"},
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
	"flag.publish.force":   {"publish even if the sources have uncommitted changes, or into a --dir that press did not make", "即使源文件有未提交的修改也发布；--dir 指向的目录不是 press 生成的也照样覆盖"},
	"publish.notours":      {"%s holds %d entries and was not made by press (it has no .press-output file): copying the site there would delete them; choose a new or empty directory, or use --force to replace its contents", "%s 中已有 %d 项内容，且不是 press 生成的（其中没有 .press-output 文件）；复制网站会删除这些内容。请另选新目录或空目录；确需替换其内容时加 --force"},
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

	// The build's safety checks: the destination, its lock and marker, a hung
	// Hugo, and the preview server's host check.
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
	"build.scancache":     {"page scans taken from the cache: %d of %d", "页面扫描取自缓存：%d / %d"},
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

	// The public facts check (package facts): what the site still shows as 待公布.
	"facts.pending": {"[%s] %s (%s) is not filled in yet: %s",
		"[%s] %s（%s）尚未填写：%s"},
	"facts.unreal": {"[%s] %s (%s) %q does not look real: %s",
		"[%s] %s（%s）“%s”不像真实信息：%s"},
	"facts.shown": {"the site shows 待公布 in its place",
		"网站上显示“待公布”"},
	"facts.icp.hidden": {"the footer shows no ICP number and no link",
		"页脚不显示 ICP 备案号及链接"},
	"facts.hint": {"fill it in when the secretariat publishes it, e.g. %s",
		"秘书处公布后在此填写，例如 %s"},

	// The secretariat's spreadsheets, imports, exports and fees.
	"sheet.where":         {"%s, sheet %q", "%s 工作表「%s」"},
	"sheet.row":           {"row %d", "第 %d 行"},
	"sheet.cell":          {"row %d, column %s", "第 %d 行 %s 列"},
	"sheet.wherecell":     {"%s, sheet %q, %s", "%s 工作表「%s」%s"},
	"sheet.colon":         {": ", "："},
	"sheet.empty":         {"the sheet is empty: the first row must hold the column headers", "工作表是空的：第一行应为列标题"},
	"sheet.unknownheader": {"unknown column %q; the columns are: %s (see press import members --template)", "不认识的列「%s」；可用的列：%s（模板见 press import members --template）"},
	"sheet.dupheader":     {"column %q appears twice (first in column %s); delete one", "列「%s」出现了两次（第一次在 %s 列）；请删去一列"},
	"sheet.missingheader": {"the header row has no column %q; add it (see press import members --template)", "标题行缺少「%s」列；请补上（模板见 press import members --template）"},
	"sheet.emptyrow":      {"empty row between data rows; delete it (rows below it may belong to another table)", "数据行之间有空行；请删除该空行（空行以下可能是另一张表）"},
	"sheet.serialdate":    {"date %s is an Excel serial number (%s); format the column as text and write the date as 2026-01-31", "日期 %s 是 Excel 的日期序列号（即 %s）；请把该列设为文本格式，按 2026-01-31 填写"},
	"sheet.baddate":       {"%q is not a date; write it as 2026-01-31", "「%s」不是日期；请按 2026-01-31 填写"},
	"sheet.widedigits":    {"%q is written with full-width digits; write %s", "「%s」用了全角数字；请写成 %s"},
	"sheet.badnumber":     {"%q is not a whole number; write digits only (no units)", "「%s」不是整数；只写数字，不带单位"},
	"sheet.phonenumber":   {"%s is stored as a number (leading zeros and digits get lost); format the column as text and type it again", "%s 存成了数值（开头的 0 和后几位会丢失）；请把该列设为文本格式后重新输入"},
	"sheet.merged":        {"merged cells %s; unmerge them and put one value in each cell", "合并单元格 %s；请取消合并，每个单元格各填一个值"},
	"sheet.notxlsx":       {"%s is not an .xlsx workbook (an old .xls? save it as .xlsx or CSV)", "%s 不是 .xlsx 工作簿（旧的 .xls？请另存为 .xlsx 或 CSV）"},
	"sheet.nosheet":       {"%s has no sheet", "%s 中没有工作表"},
	"sheet.nosuchsheet":   {"no sheet %q; the workbook has: %s", "没有工作表「%s」；工作簿中有：%s"},
	"sheet.toolarge":      {"the file is %d MB; at most %d MB is read", "文件有 %d MB；最多读取 %d MB"},
	"sheet.encoding":      {"the file is neither UTF-8 nor GBK text; save it as CSV UTF-8", "文件既不是 UTF-8 也不是 GBK 文本；请另存为 “CSV UTF-8” 格式"},

	"import.noid":       {"the id is empty; for a new member first create its file with press new member, then put its id here", "标识为空；新会员请先用 press new member 建立文件，再把标识填入此列"},
	"import.unknownid":  {"no member with id %q; for a new member first create its file with press new member", "没有标识为「%s」的会员；新会员请先用 press new member 建立文件"},
	"import.dupid":      {"id %q repeats row %d", "标识「%s」与第 %d 行重复"},
	"import.dupname":    {"unit name %q repeats row %d", "单位名称「%s」与第 %d 行重复"},
	"import.nametaken":  {"unit name %q is already the name of member %s", "单位名称「%s」已是会员 %s 的名称"},
	"import.required":   {"%s must not be empty", "「%s」不能为空"},
	"import.listed":     {"%s: write 是 or 否, not %q", "「%s」应填 是 或 否，而不是「%s」"},
	"import.tounit":     {"a unit does not become an individual member in a sheet; change %s by hand", "单位不能在表格中改为个人会员；请手工修改 %s"},
	"import.repchange":  {"representatives are not replaced from a sheet (Article 8: the council approves); edit %s, or correct a name in the person's file under data/people/", "不能在表格中更换代表（会员管理办法第八条须经理事会审议）：请编辑 %s；更正姓名请编辑 data/people/ 下该人员的文件"},
	"import.norep":      {"the unit has no current %s; record one in %s first", "该单位没有在任的%s；请先在 %s 中登记"},
	"import.individual": {"%s of an individual member is not changed from a sheet; edit %s", "个人会员的「%s」不能在表格中修改；请编辑 %s"},
	"import.derived":    {"%s is an individual member by Article 7 and has no membership entry; add one in %s", "%s 按第七条成为个人会员，没有单独的入会登记；请在 %s 中添加 membership"},
	"import.cannotedit": {"cannot change %s: %v", "无法修改 %s：%v"},
	"import.hint":       {" (%s)", "（%s）"},

	"attend.noname":        {"no name", "姓名为空"},
	"attend.nomatch":       {"%s (%s) is no current representative of a member: not counted; add the person to the member's data, or write the attendance by hand", "%s（%s）不是任何会员的在任代表：未计入；请先在会员数据中登记此人，或手工填写出席记录"},
	"attend.ambiguous":     {"%s is the name of representatives of several members (%s): fill in the unit column", "%s 是多个会员（%s）的代表的姓名：请填写“单位”列"},
	"attend.notinvited":    {"%s: member %s was not invited to this activity; not counted", "%s：会员 %s 不在本次活动的邀请名单中，未计入"},
	"import.short":         {"Read the secretariat's spreadsheets into the data (members, sign-in sheets)", "把秘书处的表格导入数据（会员登记表、签到表）"},
	"import.members.short": {"Update data/members and data/people from a 会员通信联络表 (.xlsx or CSV)", "用会员通信联络表（.xlsx 或 CSV）更新 data/members 与 data/people"},
	"import.members.long": {`Reads a roster sheet whose columns are named by the Chinese headers of the
template (press import members --template 会员登记表.xlsx writes it; press export
members writes the current data in the same form), compares each row with the
member's data and changes, in place, exactly the fields whose cells differ.
Columns the sheet lacks and members it does not list are left alone.

Without --write nothing is written: the changes are shown as a diff. Every
problem of the sheet is reported at once, with its sheet, row and column, and
then nothing is written.`, `读取一张以模板中文列标题为列名的会员表（press import members --template
会员登记表.xlsx 生成模板；press export members 按同样的格式导出现有数据），逐行与会员数据比较，
只在原文件中就地修改单元格有变化的字段。表中没有的列、没有列出的会员一概不动。

不加 --write 不写入任何文件，只以差异形式显示将要做的修改。表格中的所有问题一次列出，
注明工作表、行与列；有问题时什么也不写入。`},
	"import.members.example": {`  press export members
  press import members secretariat/会员通信联络表.xlsx
  press import members secretariat/会员通信联络表.xlsx --write
  press import members --template 会员登记表.xlsx`, `  press export members
  press import members secretariat/会员通信联络表.xlsx
  press import members secretariat/会员通信联络表.xlsx --write
  press import members --template 会员登记表.xlsx`},
	"import.attendance.short": {"Record an activity's attendance from its sign-in sheet (签到表)", "根据签到表登记活动出席情况"},
	"import.attendance.long": {`Reads a sign-in sheet (columns 姓名 and 单位; 序号, 职务, 电话, 签名, 签到时间
and 备注 are allowed and ignored) and matches each name to the representatives
current on the activity's day. Names that match no representative are listed,
not guessed; someone of a listed unit who is not one of its representatives
counts among the unit's other people. The result is merged into the activity's
attendance; without --write it is only shown.`, `读取签到表（列：姓名、单位；序号、职务、电话、签名、签到时间、备注可有可无，不读取），
把每个姓名与活动当天在任的会员代表对应。对应不上的姓名逐一列出，不做猜测；
单位能对应、但本人不是该单位代表的，计为该单位的其他参加人员。结果并入活动的出席记录；
不加 --write 只显示、不写入。`},
	"import.attendance.example": {"  press import attendance 签到表.xlsx --activity 2026-11-20-forum\n  press import attendance 签到表.xlsx --activity 2026-11-20-forum --write",
		"  press import attendance 签到表.xlsx --activity 2026-11-20-forum\n  press import attendance 签到表.xlsx --activity 2026-11-20-forum --write"},
	"import.nochange":        {"The sheet agrees with the data: nothing to change.", "表格与现有数据一致，无需修改。"},
	"import.dryrun":          {"%d changes in %d files, not written (dry run); add --write to write them.", "共 %d 处修改，涉及 %d 个文件；未写入（试运行），确认无误后加 --write 写入。"},
	"import.written":         {"Wrote %d changes in %d files.", "已写入 %d 处修改，涉及 %d 个文件。"},
	"import.failed":          {"%d problems; nothing was written.", "共 %d 个问题；未写入任何文件。"},
	"import.unmatched":       {"%d names not matched (listed above); they are not counted.", "%d 个姓名未能对应（见上），未计入。"},
	"import.templateargs":    {"--template writes the empty template; give no file to import with it", "--template 用于生成空白模板，不能同时指定要导入的文件"},
	"import.nofile":          {"name the spreadsheet to import (.xlsx or .csv), or --template FILE to write the template", "请指定要导入的表格（.xlsx 或 .csv），或用 --template 文件名 生成模板"},
	"import.noactivity":      {"--activity ID is required: the activity the sign-in sheet is of", "必须用 --activity 指定签到表所属的活动标识"},
	"import.unknownactivity": {"no activity %q in %s", "%[2]s 中没有标识为「%[1]s」的活动"},
	"flag.import.sheet":      {"the sheet to read (default: the first)", "要读取的工作表（默认第一张）"},
	"flag.import.write":      {"write the changes (default: only show them)", "写入修改（默认只显示）"},
	"flag.import.dryrun":     {"only show the changes (the default)", "只显示修改（默认）"},
	"flag.import.template":   {"write the empty 会员登记表 template to this .xlsx file", "把空白会员登记表模板写入此 .xlsx 文件"},
	"flag.import.activity":   {"the activity's id (file name under data/activities/)", "活动标识（data/activities/ 下的文件名）"},
	"export.short":           {"Export the member data as spreadsheets for the secretariat (never published)", "导出会员数据表格，供秘书处内部使用（不会发布）"},
	"export.members.short":   {"The 会员通信联络表 (xlsx, csv or vcf), all members or one classification", "会员通信联络表（xlsx、csv 或 vcf），全部会员或按分类筛选"},
	"export.members.long": {`Writes the internal 会员通信联络表 (会员管理办法第四条: unit, job titles, phones,
mobiles, faxes, e-mails, addresses) into secretariat/, never into the site:
as an .xlsx workbook (every cell text, so that phone numbers keep their zeros),
a CSV file (UTF-8 with BOM, for Excel) or vCards for a phone's address book.
--post, --unit-type, --region and --industry select one class of each of the
four classifications of 第二条; --level one level. The workbook is also the form
press import members reads back.`, `把内部的会员通信联络表（会员管理办法第四条：单位、职务、固定电话、手机、传真、
电子信箱、地址）写入 secretariat/，绝不写入网站：可为 .xlsx 工作簿（所有单元格均为文本，
电话号码开头的 0 不会丢失）、CSV（带 BOM 的 UTF-8，Excel 可直接打开）或 vCard 通讯录。
--post、--unit-type、--region、--industry 按第二条的四种分类筛选，--level 按会员级别筛选。
导出的工作簿也就是 press import members 读回的格式。`},
	"export.members.example": {`  press export members
  press export members --format csv --region 金水区
  press export members --post 理事 --format vcf`, `  press export members
  press export members --format csv --region 金水区
  press export members --post 理事 --format vcf`},
	"export.badformat":     {"--format %q: use xlsx, csv or vcf", "--format %q：可用 xlsx、csv、vcf"},
	"export.badvalue":      {"%s %q: use one of %s", "%s %q：应为以下之一：%s"},
	"export.wrote":         {"Wrote %s (%d members)", "已写入 %s（%d 个会员）"},
	"flag.export.format":   {"xlsx, csv or vcf", "xlsx、csv 或 vcf"},
	"flag.export.post":     {"only members whose representatives hold this association post (会内职务)", "只导出代表担任此会内职务的会员"},
	"flag.export.unittype": {"only members of this unit type (单位类型)", "只导出此单位类型的会员"},
	"flag.export.region":   {"only members in this region (区域)", "只导出此区域的会员"},
	"flag.export.industry": {"only members in this industry (行业)", "只导出此行业的会员"},
	"flag.export.level":    {"only members of this level (会员级别)", "只导出此级别的会员"},

	"report.fees.short": {"Fees: arrears, upcoming renewals, totals by level and year, reminder letters (xlsx, PDF)", "会费：欠缴、即将续缴、分级别年度汇总与缴费通知（xlsx、PDF）"},
	"report.fees.long": {`Accounts for the membership fees recorded in the member data as of --today:
the members in arrears (every unpaid year, as Article 9 counts them, at the
recorded amount or the fee standard), the renewals falling due within --within
days (a fee is due on 1 January of the year it pays for), and, by level and
year, how many members owed and paid and what was due and received. Writes
会费报表.xlsx and one reminder letter per unit in arrears (会费缴纳通知.pdf, with
the fee standard and the bank account of data/fees.yaml) into secretariat/.`, `按 --today 当天统计会员数据中记录的会费：欠缴会费的会员（按第九条逐年计算，金额取记录的金额，
否则按会费标准）、--within 天内到期的续缴（会费于所缴年度的 1 月 1 日到期），以及按级别、年度
统计的应缴与已缴会员数、应收与实收金额。写入 secretariat/ 下的 会费报表.xlsx，并为每个欠费单位
生成一页缴费通知（会费缴纳通知.pdf，含 data/fees.yaml 中的会费标准与收款账户）。`},
	"report.fees.example":   {"  press report fees --today 2026-11-27\n  press report fees --within 90 --letters=false", "  press report fees --today 2026-11-27\n  press report fees --within 90 --letters=false"},
	"report.fees.arrears":   {"In arrears: %d members, %d yuan in all", "欠缴会费：%d 个会员，合计 %d 元"},
	"report.fees.renewals":  {"Renewals for %d (due %s): %d members, %d yuan", "即将续缴 %d 年度会费（%s 到期）：%d 个会员，合计 %d 元"},
	"report.fees.totals":    {"By year and level (paid/liable, received, due):", "分年度、级别汇总（已缴/应缴会员数，实收，应收）："},
	"report.fees.letters":   {"Wrote %s (%d letters)", "已写入 %s（%d 份通知）"},
	"report.fees.noletters": {"No unit is in arrears: no reminder letters.", "没有欠费单位，不生成缴费通知。"},
	"flag.fees.within":      {"list the renewals due within this many days", "列出此天数内到期的续缴"},
	"flag.fees.letters":     {"write the reminder letters (PDF)", "生成缴费通知（PDF）"},

	"privacy.receipt": {"a receipt or invoice number of a fee", "会费收据或发票号码"},

	"certreg.nomember":    {"no member with id %q", "没有标识为「%s」的会员"},
	"certreg.issued":      {"%s  %s  %s  issued %s (register)", "%s  %s  %s  已发（登记于 %s）"},
	"certreg.new":         {"%s  %s  %s  new", "%s  %s  %s  新发"},
	"certreg.notrecorded": {"%d new numbers are not in the register; add --record when the certificates are issued", "%d 个新编号尚未登记；证书发出时请加 --record 登记"},
	"certreg.recorded":    {"Recorded %d certificates in %s", "已在 %[2]s 登记 %[1]d 份证书"},
	"flag.print.record":   {"record the new certificate numbers in data/certificates.yaml as issued today", "把新发证书的编号登记到 data/certificates.yaml（发放日期为当天）"},

	// press deploy.
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

	// The member data (package member): its diagnostics and hints.
	"member.syntax": {"YAML syntax error: %s",
		"YAML 语法错误：%s"},
	"member.empty-file": {"the file is empty",
		"文件为空"},
	"member.many-documents": {"the file holds %d YAML documents",
		"文件包含 %d 个 YAML 文档"},
	"member.alias": {"YAML aliases are not supported",
		"不支持 YAML 别名"},
	"member.unknown-field": {"unknown field %q",
		"未知字段 %q"},
	"member.missing-field": {"missing required field %q (%s)",
		"缺少必填字段 %q（%s）"},
	"member.want-mapping": {"%s: expected a mapping of fields, got %s",
		"%s：应为字段映射，实为%s"},
	"member.want-sequence": {"%s: expected a list, got %s",
		"%s：应为列表，实为%s"},
	"member.want-string": {"%s: expected text, got %s",
		"%s：应为文本，实为%s"},
	"member.want-int": {"%s: expected a whole number, got %s",
		"%s：应为整数，实为%s"},
	"member.want-bool": {"%s: expected true or false, got %s",
		"%s：应为 true 或 false，实为%s"},
	"member.not-allowed": {"%s: %q is not an allowed value",
		"%s：%q 不是允许的取值"},
	"member.bad-date": {"%s: %q is not a valid date",
		"%s：%q 不是有效日期"},
	"member.bad-datetime": {"%s: %q is not a valid date and time",
		"%s：%q 不是有效的日期时间"},
	"member.bad-slug": {"id %q is not a slug",
		"id %q 不是合法的标识（slug）"},
	"member.id-not-file-name": {"id %q does not match the file name %q",
		"id %q 与文件名 %q 不一致"},
	"member.duplicate-id": {"duplicate id %q",
		"id %q 重复"},
	"member.bad-url": {"%s: %q is not an http(s) URL",
		"%s：%q 不是 http(s) 网址"},
	"member.bad-email": {"%s: %q is not an e-mail address",
		"%s：%q 不是电子邮件地址"},
	"member.bad-logo": {"logo %q must be a relative path to a .png, .jpg, .jpeg, .svg or .webp file",
		"logo %q 须为指向 .png、.jpg、.jpeg、.svg 或 .webp 文件的相对路径"},
	"member.empty-value": {"%s is empty",
		"%s 为空"},
	"member.negative": {"%s must not be negative, got %d",
		"%s 不能为负数，实为 %d"},
	"member.out-of-range": {"%s: %d is outside %d–%d",
		"%s：%d 超出范围 %d–%d"},
	"member.no-representative": {"a member needs at least one representative (会员单位代表, Article 6)",
		"会员至少需要一名会员单位代表（第六条）"},
	"member.too-many-reps": {"%d current representatives; a member has 1–2 (Article 6)",
		"现任代表 %d 名；一个会员单位可设 1-2 名代表（第六条）"},
	"member.duplicate-role": {"a second current %s; a member has one 主代表 and at most one 副代表 (Article 6)",
		"出现第二名现任%s；会员单位设主代表一名、副代表至多一名（第六条）"},
	"member.duplicate-rep-name": {"representative %q is listed twice",
		"代表 %q 重复列出"},
	"member.left-before-since": {"left %s is before since %s",
		"调离日期 %s 早于任职日期 %s"},
	"member.left-city-without-left": {"left_city is set but left is not",
		"填写了 left_city 但未填写调离日期 left"},
	"member.duplicate-fee-year": {"fee year %d is listed twice",
		"%d 年度会费重复列出"},
	"member.fee-amount": {"fee of %d yuan for %d differs from the standard fee of %d yuan for %s",
		"%[2]d 年度会费 %[1]d 元与%[4]s标准 %[3]d 元不符"},
	"member.payment-no-day": {"%s of the %d fee without the day it was paid (paid)",
		"%[2]d 年度会费记录了 %[1]s，却没有缴费日期（paid）"},
	"member.duplicate-receipt": {"%s number %q is also that of %s",
		"%s 号码「%s」与 %s 重复"},
	"member.end-before-start": {"end %s is before start %s",
		"结束时间 %s 早于开始时间 %s"},
	"member.deadline-after-start": {"registration deadline %s is after the start %s",
		"报名截止 %s 晚于活动开始 %s"},
	"member.mixed-all-day": {"start and end must both be dates or both be dates with times",
		"开始与结束须同为日期，或同为日期加时间"},
	"member.attendance-not-held": {"attendance is recorded but status is %q; only held activities have attendance",
		"记录了出席情况，但状态为 %q；只有已举办（held）的活动才有出席记录"},
	"member.unknown-member": {"attendance names unknown member %q",
		"出席记录中的会员 %q 不存在"},
	"member.unknown-person": {"%q is not a representative of %s",
		"%q 不是 %s 的会员代表"},
	"member.duplicate-attendance": {"member %q is listed twice in attendance",
		"会员 %q 在出席记录中重复"},
	"member.duplicate-person": {"%q is listed twice",
		"%q 重复列出"},
	"member.attended-before-joining": {"member %q attended on %s, before joining on %s",
		"会员 %q 于 %s 出席，早于入会日期 %s"},
	"member.over-capacity": {"%d people attended, more than the capacity of %d",
		"出席 %d 人，超过容量 %d"},
	"member.empty-attendance": {"attendance of %q lists no persons and no others",
		"%q 的出席记录既无 persons 也无 others"},
	"member.too-large": {"the file is %d KB; a data file is at most %d KB",
		"文件大小 %d KB，超过数据文件的上限 %d KB"},
	"member.utf16": {"the file is UTF-16, not UTF-8",
		"文件是 UTF-16 编码，不是 UTF-8"},
	"member.gbk": {"the file is not UTF-8 (it looks like GBK); save it as UTF-8",
		"文件不是 UTF-8 编码（疑似 GBK），请另存为 UTF-8"},
	"member.not-utf8": {"the file is not UTF-8 text; save it as UTF-8",
		"文件不是 UTF-8 编码的文本，请另存为 UTF-8"},
	"member.tab-indent": {"indented with a tab",
		"用了制表符（Tab）缩进"},
	"member.ideographic-indent": {"indented with a full-width space (U+3000)",
		"用了全角空格缩进"},
	"member.full-width-colon": {"full-width colon \"：\" after a field name",
		"字段名后用了全角冒号“：”"},
	"member.no-space-after-colon": {"no space after the colon",
		"冒号后缺少空格"},
	"member.too-deep": {"nested more than %d levels deep",
		"嵌套超过 %d 层"},
	"member.unclosed-quote": {"the quote %s is not closed",
		"引号 %s 没有闭合"},
	"member.symlink-outside": {"%s is a symbolic link to %s, outside the site",
		"%s 是指向网站目录之外（%s）的符号链接"},
	"member.unknown-person-id": {"unknown person %q",
		"人员 %q 不存在"},
	"member.rep-name-mismatch": {"name %q differs from %q in %s",
		"姓名 %q 与人员记录中的 %q 不一致（%s）"},
	"member.rep-needs-person": {"a representative names a person record: person: <id>",
		"会员单位代表须引用人员记录：person: 标识"},
	"member.moved-to-person": {"%s of a representative belongs in the person's file (data/people/)",
		"代表的 %s 应写在人员记录（data/people/）中"},
	"member.id-taken": {"id %q is used both by %s and by %s",
		"标识 %q 同时被 %s 和 %s 使用"},
	"member.no-current-main": {"no current 主代表 on %s (Article 6)",
		"截至 %s 没有现任主代表（第六条）"},
	"member.no-current-rep": {"no current representative on %s (Article 6)",
		"截至 %s 没有现任会员单位代表（第六条）"},
	"member.level-post": {"a representative of a %s cannot hold the post %s (Article 6)",
		"%s的代表不能担任%s（第六条）"},
	"member.future-held": {"status is held but the activity starts on %s, after today (%s)",
		"活动于 %s 开始，晚于今天（%s），状态不能为 held（已举办）"},
	"member.future-joined": {"%s %s is after today (%s)",
		"%s %s 晚于今天（%s）"},
	"member.future-approval": {"the approval is dated %s, after today (%s)",
		"审批日期 %s 晚于今天（%s）"},
	"member.post-since-without-post": {"post_since is set but post is not",
		"填写了 post_since 但未填写 post"},
	"member.no-approval": {"post_since %s: the approval register has no entry for %s as %s of %s on that day",
		"post_since %s：审批登记中没有该日通过 %s 任%s（%s）的记录"},
	"member.no-such-member": {"unknown member %q",
		"会员 %q 不存在"},
	"member.membership-field": {"membership needs %s: %s never represented a member unit",
		"membership 须填写 %s：%s 未曾担任会员单位代表"},
	"member.individual-in-members": {"an individual member is a person: keep it in data/people/ with a membership section",
		"个人会员是自然人：请登记在 data/people/ 的人员记录中，写 membership"},
	"member.person-not-member": {"%q is a person, not a member",
		"%q 是人员标识，不是会员"},
	"member.duplicate-invited": {"%q is invited twice",
		"受邀会员 %q 重复列出"},
	"member.duplicate-approval": {"the approval of %s as %s of %s on %s is recorded twice",
		"%[4]s 通过 %[1]s 任%[2]s（%[3]s）的审批重复登记"},
	"member.left-city-before-joined": {"left_city %s is before membership.joined %s",
		"调离本市日期 %s 早于入会日期 %s"},
	"member.hint-did-you-mean": {"did you mean %q?",
		"是否应为 %q？"},
	"member.hint-one-of": {"allowed: %s",
		"可选值：%s"},
	"member.hint-quote": {"put the value in quotes: %s: \"%s\"",
		"请加引号：%s: \"%s\""},
	"member.hint-date": {"write a date as YYYY-MM-DD, e.g. 2026-03-15",
		"日期格式为 YYYY-MM-DD，如 2026-03-15"},
	"member.hint-datetime": {"write YYYY-MM-DD HH:MM (Asia/Shanghai), e.g. 2026-03-15 14:30, or a date for an all-day activity",
		"格式为 YYYY-MM-DD HH:MM（北京时间），如 2026-03-15 14:30；全天活动只写日期"},
	"member.hint-slug": {"use lower-case letters a–z, digits and single hyphens, e.g. %q",
		"只用小写字母 a–z、数字和单个连字符，如 %q"},
	"member.hint-rename": {"rename the file to %s or set id: %s",
		"将文件改名为 %s，或设 id: %s"},
	"member.hint-also-at": {"also defined at %s",
		"另见 %s"},
	"member.hint-one-document": {"keep one document per file; remove the --- separators",
		"每个文件只写一个文档，删除 --- 分隔符"},
	"member.hint-no-alias": {"write the value out",
		"请直接写出取值"},
	"member.hint-fee-standard": {"set note: to explain a reduced or special fee",
		"如为减免或特殊标准，请在 note: 中说明"},
	"member.hint-attend-rep": {"list only the unit's representatives under persons; count other staff under others",
		"persons 只列本单位的会员代表，其他人员计入 others"},
	"member.hint-split-file": {"check that it is the right file",
		"请确认是否放错了文件"},
	"member.hint-save-utf8": {"save it as UTF-8",
		"请另存为 UTF-8"},
	"member.hint-spaces": {"indent with spaces",
		"请用空格缩进"},
	"member.hint-half-spaces": {"indent with half-width spaces",
		"请用半角空格缩进"},
	"member.hint-half-colon": {"write %s: with a half-width colon and a space",
		"请用半角冒号：%s: 值（冒号后加一个空格）"},
	"member.hint-colon-space": {"write %s: value, with a space after the colon",
		"请写成 %s: 值（冒号后加一个空格）"},
	"member.hint-flatten": {"data files are a few levels deep; check the indentation and brackets",
		"数据文件只有几层嵌套，请检查缩进和括号"},
	"member.hint-close-quote": {"end the value with %s on the same line",
		"请在该行值的末尾补上 %s"},
	"member.hint-duplicate-key": {"keep one of them",
		"请只保留一个"},
	"member.hint-quote-colon": {"put a value containing \": \" in quotes, or check the indentation",
		"值中含有“: ”时请加引号，或检查缩进"},
	"member.hint-symlink": {"copy the file into the site instead of linking to it",
		"请把文件复制到网站目录中，不要用链接"},
	"member.hint-new-person": {"create data/people/%s.yaml (press new person NAME)",
		"请建立 data/people/%s.yaml（可用 press new person 姓名）"},
	"member.hint-rep-person": {"move the name and contact to data/people/<id>.yaml and write person: <id>",
		"请把姓名和联系方式移到 data/people/标识.yaml，此处写 person: 标识"},
	"member.hint-rename-id": {"rename one of them",
		"请改用另一个标识"},
	"member.hint-add-main": {"record the successor (with since:), or record that the 副代表 became 主代表",
		"请登记继任主代表（写 since:），或将副代表改任主代表"},
	"member.hint-level-posts": {"a %s may hold: %s",
		"%s的代表可担任：%s"},
	"member.hint-planned": {"use status: planned until it has taken place",
		"举办之前请写 status: planned"},
	"member.hint-future-date": {"check the date, or pass --today",
		"请核对日期，或用 --today 指定“今天”"},
	"member.hint-register": {"record the council's decision in data/approvals.yaml (date, meeting, member, person, post)",
		"请在 data/approvals.yaml 中登记理事会决议（date、meeting、member、person、post）"},
	"member.hint-approvals": {"recorded for this person: %s",
		"该人员已登记的审批：%s"},
	"member.hint-move-to-people": {"move it to data/people/<id>.yaml with name, contact and membership",
		"请移到 data/people/标识.yaml，写 name、contact 和 membership"},
	"member.hint-attend-as-unit": {"write member: %s and the name under persons",
		"请写 member: %s，并在 persons 中写姓名"},
	"member.hint-paid-day": {"add paid: YYYY-MM-DD, the day the payment was received",
		"请添加 paid: YYYY-MM-DD，即收到会费的日期"},

	"member.node.null":    {"null", "空值"},
	"member.node.mapping": {"mapping", "字段映射"},
	"member.node.list":    {"list", "列表"},
	"member.node.number":  {"number %s", "数字 %s"},
	"member.node.boolean": {"boolean %s", "布尔值 %s"},
	"member.node.text":    {"text", "文本"},
	"member.node.other":   {"%s", "其他内容（%s）"},

	// The membership rules (package rules): the reasons they give, citing the
	// articles of the association's membership regulations.
	"rules.withdraw-misses": {"Article 9(2): nobody attended %d activities in a row (%s to %s); treated as withdrawn, no longer a member in name",
		"第九条第2款：连续%d次活动无人参加（%s 至 %s），视同自动退会，不再享有会员名誉"},
	"rules.withdraw-year": {"Article 9(2): no activity attended for a year from %s (%d activities with nobody present); treated as withdrawn on %s, no longer a member in name",
		"第九条第2款：自 %s 起连续1年未参加活动（期间 %d 次活动无人参加），于 %s 视同自动退会，不再享有会员名誉"},
	"rules.individual-left-city": {"Article 7: individual member %s left Zhengzhou on %s; membership cancelled",
		"第七条：个人会员%s于 %s 调离本市，普通会员资格自动取消"},
	"rules.suspend-unit": {"Article 9(2): nobody attended %d activities in a row (since %s); warned, all member rights suspended, only the name of member kept",
		"第九条第2款：连续%d次活动无人参加（%s 起），给予警告，停止享受会内一切会员权利和待遇，只保留会员名誉"},
	"rules.suspend-rep": {"Article 9(2): representative %s missed %d activities in a row in person (since %s); warned, all member rights suspended, only the name of member kept",
		"第九条第2款：会员单位代表%s连续%d次本人未参加活动（%s 起），给予警告，停止享受会内一切会员权利和待遇，只保留会员名誉"},
	"rules.past-warning": {"Article 9(2): nobody attended %d activities in a row (since %s); attending again on %s",
		"第九条第2款：曾连续%d次活动无人参加（%s 起），已于 %s 恢复参加"},
	"rules.arrears": {"Article 9: the fee for %d is unpaid (in arrears)",
		"第九条：%d年度会费未缴纳（欠缴会费）"},
	"rules.arrears-past": {"Article 9: the fee for %d is unpaid",
		"第九条：%d年度会费未缴纳"},
	"rules.left-post": {"Article 7: representative %s left the post in the unit on %s and loses the association post (%s); %s",
		"第七条：会员单位代表%s于 %s 调离工作岗位，其会内职务（%s）自动取消；%s"},
	"rules.left-post-city": {"Article 7: representative %s left the post in the unit on %s and loses the association post (%s); having left Zhengzhou, no longer a member",
		"第七条：会员单位代表%s于 %s 调离工作岗位，其会内职务（%s）自动取消；已调离本市，普通会员资格也自动取消"},
	"rules.left": {"Article 7: representative %s left the post in the unit on %s; %s",
		"第七条：会员单位代表%s于 %s 调离工作岗位；%s"},
	"rules.left-city": {"Article 7: representative %s left the post in the unit and Zhengzhou on %s; no longer a member",
		"第七条：会员单位代表%s于 %s 调离工作岗位并调离本市，普通会员资格自动取消"},
	"rules.post-withdrawn": {"Article 9(2): the member is treated as withdrawn; representative %s loses the association post (%s)",
		"第九条第2款：会员视同退会，代表%s的会内职务（%s）随之取消"},
	"rules.successor": {"Article 8: %[1]s (%[2]s, in office since %[3]s) succeeds %[5]s %[4]s, who left, and does not hold the post (%[6]s) by that: %[8]s; taking up the former or a new post (%[7]s) needs assessment, consent and the council's approval, recorded in data/approvals.yaml with its date in post_since",
		"第八条：%[1]s（%[2]s，任职日期%[3]s）接替已调离的%[5]s%[4]s，不能直接代理其会内职务（%[6]s）：%[8]s；须经协会考核、本人同意并经理事会讨论通过，方能接任原职或就任新职（%[7]s），通过后在 data/approvals.yaml 登记并在 post_since 填写审批日期"},
	"rules.relieved": {"Article 9(3): %s %s took no part in the association's work for %[4]d months from %[3]s (%[5]d activities missed in person); relieved on %[6]s; reinstatement needs a new review and the council's vote",
		"第九条第3款：%s%s自 %s 起连续%d个月未参与会内工作（期间 %d 次活动本人均未参加），于 %s 做自动离职处理；恢复原职需重新审定资格并经理事会表决通过"},
	"rules.derived": {"Article 7: %s, formerly %[3]s of %[2]s, left the post on %[4]s and, still in Zhengzhou, is an ordinary individual member",
		"第七条：%s原为%s%s，于 %s 调离工作岗位，仍在本市，自动成为普通个人会员"},
	"rules.became-individual": {"still in Zhengzhou, an ordinary individual member now",
		"仍在本市，自动降为普通个人会员"},
	"rules.became-member": {"still in Zhengzhou, an ordinary individual member now (%s)",
		"仍在本市，自动降为普通个人会员（%s）"},
	"rules.moved": {"now %[2]s of %[1]s",
		"现任%s%s"},
	"rules.no-approval": {"the approval register has no record of the council approving them as %s",
		"审批登记中没有理事会通过其任%s的记录"},
	"rules.approval-later": {"the approval of %s is after today",
		"审批日期 %s 晚于今天"},
	"rules.approval-before": {"post_since %s is before they took office on %s: that approval is not for this office",
		"post_since %s 早于其任职日期 %s，该审批不是对本次任职的批准"},
	"rules.since-unknown": {"not recorded",
		"未填写"},
	"rules.since-inferred": {"not recorded, taken as from %s",
		"未填写，按接任处理，自 %s 起"},

	// Text files an editor saved in another encoding (textenc).
	"text.gbk": {"the file is not UTF-8: it looks like GBK, what Windows editors save by default",
		"文件不是 UTF-8 编码：看起来是 Windows 编辑器默认保存的 GBK 编码"},
	"text.utf16":   {"the file is UTF-16, not UTF-8", "文件是 UTF-16 编码，不是 UTF-8"},
	"text.notutf8": {"a byte here is not UTF-8 text", "此处有不是 UTF-8 文字的字节"},
	"text.save-utf8": {"open it and save it again as UTF-8 (Notepad: Save As, Encoding UTF-8; VS Code: the encoding in the status bar, Save with Encoding, UTF-8)",
		"用编辑器打开后重新保存为 UTF-8：记事本“另存为”时“编码”选 UTF-8；VS Code 点状态栏右下角的编码，选“通过编码保存”→ UTF-8"},
	"text.retype": {"save the file as UTF-8, or type the character here again", "请把文件保存为 UTF-8，或重新输入此处的字符"},

	"publication.cache": {"PDF cache: %v", "PDF 缓存：%v"},

	// The typesetter's warnings (typeset, typeset/mdtree, typeset/layout).
	"typeset.binary":      {"a binary file, not Markdown text", "这是二进制文件，不是 Markdown 文本"},
	"typeset.binary.hint": {"give the Markdown (.md) file, saved as UTF-8 text", "请给出以 UTF-8 保存的 Markdown（.md）文件"},
	"typeset.empty":       {"the document is empty: the PDF has one blank page", "文档是空的：PDF 只有一页空白页"},
	"typeset.empty.hint":  {"write some Markdown text", "请写入 Markdown 正文"},
	"typeset.nofont": {"character %q (U+%04X) is in none of the fonts; it prints as %c",
		"字符 %q（U+%04X）在所有字体中都没有，印作 %c"},
	"typeset.nofont.hint": {"install a font that has it and name it in the configuration ([params.publications.fonts]), or replace the character",
		"请安装含有该字的字体并在配置中指定（[params.publications.fonts]），或换掉这个字符"},
	"typeset.fallback": {"character %q (U+%04X) is not in the main face %s; it is drawn in %s (%s)",
		"字符 %q（U+%04X）不在正文字体 %s 中，改用 %s（%s）排出"},
	"typeset.fallback.hint": {"to set it in the face of its text, name a font that has it for that role in the configuration ([params.publications.fonts]), or replace the character",
		"若要与上下文同一字体，请在配置中为该角色指定含有此字的字体（[params.publications.fonts]），或换掉这个字符"},
	"typeset.widetable": {"table of %d columns is too wide for the page even in smaller type; its widest cells are broken inside",
		"%d 列的表格即使缩小字号也超出版心，最宽的单元格只能在词中断行"},
	"typeset.widetable.hint": {"split the table, shorten its longest unbreakable entries, or turn it (rows as columns)",
		"请拆分表格、缩短最长的不可断开的内容，或行列互换"},
	"typeset.noref": {"reference %s to no figure or table", "引用 %s 找不到对应的图或表"},
	"typeset.noref.hint": {"label a figure ![…](a.png \"title {#fig:x}\") or a table title \"表：title {#tab:x}\", and turn on numbered captions",
		"请给图加标签 ![…](a.png \"标题 {#fig:x}\")，或给表题加标签 \"表：标题 {#tab:x}\"，并开启图表编号"},
	"typeset.image":         {"image %q: %v", "图片 %q：%v"},
	"typeset.image.alt":     {"its alt text is printed instead", "改为印出图片的替代文字"},
	"typeset.image.missing": {"image %q not found", "找不到图片 %q"},
	"typeset.image.special": {"image %q is not a regular file (%s)", "图片 %q 不是普通文件（%s）"},
	"typeset.image.special.hint": {"link an image file; its alt text is printed instead",
		"请链接一个图片文件；现改为印出替代文字"},
	"typeset.image.remote": {"remote image %q not embedded in the PDF", "网络图片 %q 未嵌入 PDF"},
	"typeset.image.remote.hint": {"download it next to the Markdown file and link it by a relative path",
		"请把图片下载到 Markdown 文件旁，用相对路径链接"},
	"typeset.footnote":       {"footnote [^%s] is not defined; it prints as %q", "脚注 [^%s] 没有定义，原样印作 %q"},
	"typeset.footnote.hint":  {"add a line \"[^%s]: …\" with the note's text", "请加一行 \"[^%s]: …\" 写出脚注内容"},
	"typeset.htmlblock":      {"raw HTML block %s skipped in the PDF", "PDF 中略去了 HTML 块 %s"},
	"typeset.htmlblock.hint": {"write it in Markdown to have it printed", "改用 Markdown 书写即可印出"},
	"typeset.html":           {"raw HTML %s skipped in the PDF", "PDF 中略去了 HTML %s"},
}
