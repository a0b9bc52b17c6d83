package msg

// The messages of the secretariat's spreadsheets, imports, exports and fees.
func init() {
	for k, v := range secretariatCatalog {
		catalog[k] = v
	}
}

var secretariatCatalog = map[string][2]string{
	"sheet.where":         {"%s, sheet %q", "%s 工作表「%s」"},
	"sheet.row":           {"row %d", "第 %d 行"},
	"sheet.cell":          {"row %d, column %s", "第 %d 行 %s 列"},
	"sheet.sep":           {", ", ""},
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
}
