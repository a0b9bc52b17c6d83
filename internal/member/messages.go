package member

import (
	"fmt"
	"sync/atomic"
)

// Lang selects the language of diagnostics and derived reasons.
type Lang string

// Languages with a message table.
const (
	English Lang = "en"
	Chinese Lang = "zh"
)

var lang atomic.Value // of Lang

// SetLang selects the language of messages; the CLI sets it from the locale.
// Unknown languages fall back to English.
func SetLang(l Lang) {
	if l != Chinese {
		l = English
	}
	lang.Store(l)
}

// Language returns the language selected by SetLang (English by default).
func Language() Lang {
	if l, ok := lang.Load().(Lang); ok {
		return l
	}
	return English
}

// Msg is the key of a message in the tables below.
type Msg string

// Message keys. Each has an entry in every table of messages.
const (
	MsgSyntax           Msg = "syntax"
	MsgEmptyFile        Msg = "empty-file"
	MsgManyDocuments    Msg = "many-documents"
	MsgAlias            Msg = "alias"
	MsgUnknownField     Msg = "unknown-field"
	MsgMissingField     Msg = "missing-field"
	MsgWantMapping      Msg = "want-mapping"
	MsgWantSequence     Msg = "want-sequence"
	MsgWantString       Msg = "want-string"
	MsgWantInt          Msg = "want-int"
	MsgWantBool         Msg = "want-bool"
	MsgNotAllowed       Msg = "not-allowed"
	MsgBadDate          Msg = "bad-date"
	MsgBadDateTime      Msg = "bad-datetime"
	MsgBadSlug          Msg = "bad-slug"
	MsgIDNotFileName    Msg = "id-not-file-name"
	MsgDuplicateID      Msg = "duplicate-id"
	MsgBadURL           Msg = "bad-url"
	MsgBadEmail         Msg = "bad-email"
	MsgBadLogo          Msg = "bad-logo"
	MsgEmptyValue       Msg = "empty-value"
	MsgNegative         Msg = "negative"
	MsgOutOfRange       Msg = "out-of-range"
	MsgNoRepresentative Msg = "no-representative"
	MsgTooManyReps      Msg = "too-many-reps"
	MsgDuplicateRole    Msg = "duplicate-role"
	MsgDuplicateRepName Msg = "duplicate-rep-name"
	MsgLeftBeforeSince  Msg = "left-before-since"
	MsgLeftCityNoLeft   Msg = "left-city-without-left"
	MsgDuplicateFeeYear Msg = "duplicate-fee-year"
	MsgFeeAmount        Msg = "fee-amount"
	MsgPaymentNoDay     Msg = "payment-no-day"
	MsgDuplicateReceipt Msg = "duplicate-receipt"
	MsgEndBeforeStart   Msg = "end-before-start"
	MsgDeadlineAfter    Msg = "deadline-after-start"
	MsgMixedAllDay      Msg = "mixed-all-day"
	MsgAttendanceStatus Msg = "attendance-not-held"
	MsgUnknownMember    Msg = "unknown-member"
	MsgUnknownPerson    Msg = "unknown-person"
	MsgDuplicateAttend  Msg = "duplicate-attendance"
	MsgDuplicatePerson  Msg = "duplicate-person"
	MsgAttendBeforeJoin Msg = "attended-before-joining"
	MsgOverCapacity     Msg = "over-capacity"
	MsgEmptyAttendance  Msg = "empty-attendance"

	MsgTooLarge             Msg = "too-large"
	MsgUTF16                Msg = "utf16"
	MsgGBK                  Msg = "gbk"
	MsgNotUTF8              Msg = "not-utf8"
	MsgTabIndent            Msg = "tab-indent"
	MsgIdeographicIndent    Msg = "ideographic-indent"
	MsgFullColon            Msg = "full-width-colon"
	MsgNoSpaceAfterColon    Msg = "no-space-after-colon"
	MsgTooDeep              Msg = "too-deep"
	MsgUnclosedQuote        Msg = "unclosed-quote"
	MsgSymlinkOutside       Msg = "symlink-outside"
	MsgUnknownPersonID      Msg = "unknown-person-id"
	MsgRepNameMismatch      Msg = "rep-name-mismatch"
	MsgRepNeedsPerson       Msg = "rep-needs-person"
	MsgMovedToPerson        Msg = "moved-to-person"
	MsgIDTaken              Msg = "id-taken"
	MsgNoCurrentMain        Msg = "no-current-main"
	MsgNoCurrentRep         Msg = "no-current-rep"
	MsgLevelPost            Msg = "level-post"
	MsgFutureHeld           Msg = "future-held"
	MsgFutureJoined         Msg = "future-joined"
	MsgFutureApproval       Msg = "future-approval"
	MsgPostSinceNoPost      Msg = "post-since-without-post"
	MsgNoApproval           Msg = "no-approval"
	MsgNoSuchMember         Msg = "no-such-member"
	MsgMembershipField      Msg = "membership-field"
	MsgIndividualFile       Msg = "individual-in-members"
	MsgPersonNotMember      Msg = "person-not-member"
	MsgDuplicateInvited     Msg = "duplicate-invited"
	MsgDuplicateApproval    Msg = "duplicate-approval"
	MsgLeftCityBeforeJoined Msg = "left-city-before-joined"

	HintDidYouMean   Msg = "hint-did-you-mean"
	HintOneOf        Msg = "hint-one-of"
	HintQuote        Msg = "hint-quote"
	HintDateFormat   Msg = "hint-date"
	HintTimeFormat   Msg = "hint-datetime"
	HintSlug         Msg = "hint-slug"
	HintRename       Msg = "hint-rename"
	HintAlsoAt       Msg = "hint-also-at"
	HintOneDocument  Msg = "hint-one-document"
	HintNoAlias      Msg = "hint-no-alias"
	HintFeeStandard  Msg = "hint-fee-standard"
	HintAttendRep    Msg = "hint-attend-rep"
	HintSplitFile    Msg = "hint-split-file"
	HintSaveUTF8     Msg = "hint-save-utf8"
	HintSpaces       Msg = "hint-spaces"
	HintHalfSpaces   Msg = "hint-half-spaces"
	HintHalfColon    Msg = "hint-half-colon"
	HintColonSpace   Msg = "hint-colon-space"
	HintFlatten      Msg = "hint-flatten"
	HintCloseQuote   Msg = "hint-close-quote"
	HintDuplicateKey Msg = "hint-duplicate-key"
	HintQuoteColon   Msg = "hint-quote-colon"
	HintSymlink      Msg = "hint-symlink"
	HintNewPerson    Msg = "hint-new-person"
	HintRepPerson    Msg = "hint-rep-person"
	HintRenameID     Msg = "hint-rename-id"
	HintAddMain      Msg = "hint-add-main"
	HintLevelPosts   Msg = "hint-level-posts"
	HintPlanned      Msg = "hint-planned"
	HintFutureDate   Msg = "hint-future-date"
	HintRegister     Msg = "hint-register"
	HintApprovals    Msg = "hint-approvals"
	HintMoveToPeople Msg = "hint-move-to-people"
	HintAttendAsUnit Msg = "hint-attend-as-unit"
	HintPaidDay      Msg = "hint-paid-day"
)

var messages = map[Lang]map[Msg]string{
	English: {
		MsgTooLarge:             "the file is %d KB; a data file is at most %d KB",
		MsgUTF16:                "the file is UTF-16, not UTF-8",
		MsgGBK:                  "the file is not UTF-8 (it looks like GBK); save it as UTF-8",
		MsgNotUTF8:              "the file is not UTF-8 text; save it as UTF-8",
		MsgTabIndent:            "indented with a tab",
		MsgIdeographicIndent:    "indented with a full-width space (U+3000)",
		MsgFullColon:            "full-width colon \"：\" after a field name",
		MsgNoSpaceAfterColon:    "no space after the colon",
		MsgTooDeep:              "nested more than %d levels deep",
		MsgUnclosedQuote:        "the quote %s is not closed",
		MsgSymlinkOutside:       "%s is a symbolic link to %s, outside the site",
		MsgUnknownPersonID:      "unknown person %q",
		MsgRepNameMismatch:      "name %q differs from %q in %s",
		MsgRepNeedsPerson:       "a representative names a person record: person: <id>",
		MsgMovedToPerson:        "%s of a representative belongs in the person's file (data/people/)",
		MsgIDTaken:              "id %q is used both by %s and by %s",
		MsgNoCurrentMain:        "no current 主代表 on %s (Article 6)",
		MsgNoCurrentRep:         "no current representative on %s (Article 6)",
		MsgLevelPost:            "a representative of a %s cannot hold the post %s (Article 6)",
		MsgFutureHeld:           "status is held but the activity starts on %s, after today (%s)",
		MsgFutureJoined:         "%s %s is after today (%s)",
		MsgFutureApproval:       "the approval is dated %s, after today (%s)",
		MsgPostSinceNoPost:      "post_since is set but post is not",
		MsgNoApproval:           "post_since %s: the approval register has no entry for %s as %s of %s on that day",
		MsgNoSuchMember:         "unknown member %q",
		MsgMembershipField:      "membership needs %s: %s never represented a member unit",
		MsgIndividualFile:       "an individual member is a person: keep it in data/people/ with a membership section",
		MsgPersonNotMember:      "%q is a person, not a member",
		MsgDuplicateInvited:     "%q is invited twice",
		MsgDuplicateApproval:    "the approval of %s as %s of %s on %s is recorded twice",
		MsgLeftCityBeforeJoined: "left_city %s is before membership.joined %s",

		MsgSyntax:           "YAML syntax error: %s",
		MsgEmptyFile:        "the file is empty",
		MsgManyDocuments:    "the file holds %d YAML documents",
		MsgAlias:            "YAML aliases are not supported",
		MsgUnknownField:     "unknown field %q",
		MsgMissingField:     "missing required field %q (%s)",
		MsgWantMapping:      "%s: expected a mapping of fields, got %s",
		MsgWantSequence:     "%s: expected a list, got %s",
		MsgWantString:       "%s: expected text, got %s",
		MsgWantInt:          "%s: expected a whole number, got %s",
		MsgWantBool:         "%s: expected true or false, got %s",
		MsgNotAllowed:       "%s: %q is not an allowed value",
		MsgBadDate:          "%s: %q is not a valid date",
		MsgBadDateTime:      "%s: %q is not a valid date and time",
		MsgBadSlug:          "id %q is not a slug",
		MsgIDNotFileName:    "id %q does not match the file name %q",
		MsgDuplicateID:      "duplicate id %q",
		MsgBadURL:           "%s: %q is not an http(s) URL",
		MsgBadEmail:         "%s: %q is not an e-mail address",
		MsgBadLogo:          "logo %q must be a relative path to a .png, .jpg, .jpeg, .svg or .webp file",
		MsgEmptyValue:       "%s is empty",
		MsgNegative:         "%s must not be negative, got %d",
		MsgOutOfRange:       "%s: %d is outside %d–%d",
		MsgNoRepresentative: "a member needs at least one representative (会员单位代表, Article 6)",
		MsgTooManyReps:      "%d current representatives; a member has 1–2 (Article 6)",
		MsgDuplicateRole:    "a second current %s; a member has one 主代表 and at most one 副代表 (Article 6)",
		MsgDuplicateRepName: "representative %q is listed twice",
		MsgLeftBeforeSince:  "left %s is before since %s",
		MsgLeftCityNoLeft:   "left_city is set but left is not",
		MsgDuplicateFeeYear: "fee year %d is listed twice",
		MsgFeeAmount:        "fee of %d yuan for %d differs from the standard fee of %d yuan for %s",
		MsgPaymentNoDay:     "%s of the %d fee without the day it was paid (paid)",
		MsgDuplicateReceipt: "%s number %q is also that of %s",
		HintPaidDay:         "add paid: YYYY-MM-DD, the day the payment was received",
		MsgEndBeforeStart:   "end %s is before start %s",
		MsgDeadlineAfter:    "registration deadline %s is after the start %s",
		MsgMixedAllDay:      "start and end must both be dates or both be dates with times",
		MsgAttendanceStatus: "attendance is recorded but status is %q; only held activities have attendance",
		MsgUnknownMember:    "attendance names unknown member %q",
		MsgUnknownPerson:    "%q is not a representative of %s",
		MsgDuplicateAttend:  "member %q is listed twice in attendance",
		MsgDuplicatePerson:  "%q is listed twice",
		MsgAttendBeforeJoin: "member %q attended on %s, before joining on %s",
		MsgOverCapacity:     "%d people attended, more than the capacity of %d",
		MsgEmptyAttendance:  "attendance of %q lists no persons and no others",

		HintSplitFile:    "check that it is the right file",
		HintSaveUTF8:     "save it as UTF-8",
		HintSpaces:       "indent with spaces",
		HintHalfSpaces:   "indent with half-width spaces",
		HintHalfColon:    "write %s: with a half-width colon and a space",
		HintColonSpace:   "write %s: value, with a space after the colon",
		HintFlatten:      "data files are a few levels deep; check the indentation and brackets",
		HintCloseQuote:   "end the value with %s on the same line",
		HintDuplicateKey: "keep one of them",
		HintQuoteColon:   "put a value containing \": \" in quotes, or check the indentation",
		HintSymlink:      "copy the file into the site instead of linking to it",
		HintNewPerson:    "create data/people/%s.yaml (press new person NAME)",
		HintRepPerson:    "move the name and contact to data/people/<id>.yaml and write person: <id>",
		HintRenameID:     "rename one of them",
		HintAddMain:      "record the successor (with since:), or record that the 副代表 became 主代表",
		HintLevelPosts:   "a %s may hold: %s",
		HintPlanned:      "use status: planned until it has taken place",
		HintFutureDate:   "check the date, or pass --today",
		HintRegister:     "record the council's decision in data/approvals.yaml (date, meeting, member, person, post)",
		HintApprovals:    "recorded for this person: %s",
		HintMoveToPeople: "move it to data/people/<id>.yaml with name, contact and membership",
		HintAttendAsUnit: "write member: %s and the name under persons",
		HintDidYouMean:   "did you mean %q?",
		HintOneOf:        "allowed: %s",
		HintQuote:        "put the value in quotes: %s: \"%s\"",
		HintDateFormat:   "write a date as YYYY-MM-DD, e.g. 2026-03-15",
		HintTimeFormat:   "write YYYY-MM-DD HH:MM (Asia/Shanghai), e.g. 2026-03-15 14:30, or a date for an all-day activity",
		HintSlug:         "use lower-case letters a–z, digits and single hyphens, e.g. %q",
		HintRename:       "rename the file to %s or set id: %s",
		HintAlsoAt:       "also defined at %s",
		HintOneDocument:  "keep one document per file; remove the --- separators",
		HintNoAlias:      "write the value out",
		HintFeeStandard:  "set note: to explain a reduced or special fee",
		HintAttendRep:    "list only the unit's representatives under persons; count other staff under others",
	},
	Chinese: {
		MsgTooLarge:             "文件大小 %d KB，超过数据文件的上限 %d KB",
		MsgUTF16:                "文件是 UTF-16 编码，不是 UTF-8",
		MsgGBK:                  "文件不是 UTF-8 编码（疑似 GBK），请另存为 UTF-8",
		MsgNotUTF8:              "文件不是 UTF-8 编码的文本，请另存为 UTF-8",
		MsgTabIndent:            "用了制表符（Tab）缩进",
		MsgIdeographicIndent:    "用了全角空格缩进",
		MsgFullColon:            "字段名后用了全角冒号“：”",
		MsgNoSpaceAfterColon:    "冒号后缺少空格",
		MsgTooDeep:              "嵌套超过 %d 层",
		MsgUnclosedQuote:        "引号 %s 没有闭合",
		MsgSymlinkOutside:       "%s 是指向网站目录之外（%s）的符号链接",
		MsgUnknownPersonID:      "人员 %q 不存在",
		MsgRepNameMismatch:      "姓名 %q 与人员记录中的 %q 不一致（%s）",
		MsgRepNeedsPerson:       "会员单位代表须引用人员记录：person: 标识",
		MsgMovedToPerson:        "代表的 %s 应写在人员记录（data/people/）中",
		MsgIDTaken:              "标识 %q 同时被 %s 和 %s 使用",
		MsgNoCurrentMain:        "截至 %s 没有现任主代表（第六条）",
		MsgNoCurrentRep:         "截至 %s 没有现任会员单位代表（第六条）",
		MsgLevelPost:            "%s的代表不能担任%s（第六条）",
		MsgFutureHeld:           "活动于 %s 开始，晚于今天（%s），状态不能为 held（已举办）",
		MsgFutureJoined:         "%s %s 晚于今天（%s）",
		MsgFutureApproval:       "审批日期 %s 晚于今天（%s）",
		MsgPostSinceNoPost:      "填写了 post_since 但未填写 post",
		MsgNoApproval:           "post_since %s：审批登记中没有该日通过 %s 任%s（%s）的记录",
		MsgNoSuchMember:         "会员 %q 不存在",
		MsgMembershipField:      "membership 须填写 %s：%s 未曾担任会员单位代表",
		MsgIndividualFile:       "个人会员是自然人：请登记在 data/people/ 的人员记录中，写 membership",
		MsgPersonNotMember:      "%q 是人员标识，不是会员",
		MsgDuplicateInvited:     "受邀会员 %q 重复列出",
		MsgDuplicateApproval:    "%[4]s 通过 %[1]s 任%[2]s（%[3]s）的审批重复登记",
		MsgLeftCityBeforeJoined: "调离本市日期 %s 早于入会日期 %s",

		MsgSyntax:           "YAML 语法错误：%s",
		MsgEmptyFile:        "文件为空",
		MsgManyDocuments:    "文件包含 %d 个 YAML 文档",
		MsgAlias:            "不支持 YAML 别名",
		MsgUnknownField:     "未知字段 %q",
		MsgMissingField:     "缺少必填字段 %q（%s）",
		MsgWantMapping:      "%s：应为字段映射，实为%s",
		MsgWantSequence:     "%s：应为列表，实为%s",
		MsgWantString:       "%s：应为文本，实为%s",
		MsgWantInt:          "%s：应为整数，实为%s",
		MsgWantBool:         "%s：应为 true 或 false，实为%s",
		MsgNotAllowed:       "%s：%q 不是允许的取值",
		MsgBadDate:          "%s：%q 不是有效日期",
		MsgBadDateTime:      "%s：%q 不是有效的日期时间",
		MsgBadSlug:          "id %q 不是合法的标识（slug）",
		MsgIDNotFileName:    "id %q 与文件名 %q 不一致",
		MsgDuplicateID:      "id %q 重复",
		MsgBadURL:           "%s：%q 不是 http(s) 网址",
		MsgBadEmail:         "%s：%q 不是电子邮件地址",
		MsgBadLogo:          "logo %q 须为指向 .png、.jpg、.jpeg、.svg 或 .webp 文件的相对路径",
		MsgEmptyValue:       "%s 为空",
		MsgNegative:         "%s 不能为负数，实为 %d",
		MsgOutOfRange:       "%s：%d 超出范围 %d–%d",
		MsgNoRepresentative: "会员至少需要一名会员单位代表（第六条）",
		MsgTooManyReps:      "现任代表 %d 名；一个会员单位可设 1-2 名代表（第六条）",
		MsgDuplicateRole:    "出现第二名现任%s；会员单位设主代表一名、副代表至多一名（第六条）",
		MsgDuplicateRepName: "代表 %q 重复列出",
		MsgLeftBeforeSince:  "调离日期 %s 早于任职日期 %s",
		MsgLeftCityNoLeft:   "填写了 left_city 但未填写调离日期 left",
		MsgDuplicateFeeYear: "%d 年度会费重复列出",
		MsgFeeAmount:        "%[2]d 年度会费 %[1]d 元与%[4]s标准 %[3]d 元不符",
		MsgPaymentNoDay:     "%[2]d 年度会费记录了 %[1]s，却没有缴费日期（paid）",
		MsgDuplicateReceipt: "%s 号码「%s」与 %s 重复",
		HintPaidDay:         "请添加 paid: YYYY-MM-DD，即收到会费的日期",
		MsgEndBeforeStart:   "结束时间 %s 早于开始时间 %s",
		MsgDeadlineAfter:    "报名截止 %s 晚于活动开始 %s",
		MsgMixedAllDay:      "开始与结束须同为日期，或同为日期加时间",
		MsgAttendanceStatus: "记录了出席情况，但状态为 %q；只有已举办（held）的活动才有出席记录",
		MsgUnknownMember:    "出席记录中的会员 %q 不存在",
		MsgUnknownPerson:    "%q 不是 %s 的会员代表",
		MsgDuplicateAttend:  "会员 %q 在出席记录中重复",
		MsgDuplicatePerson:  "%q 重复列出",
		MsgAttendBeforeJoin: "会员 %q 于 %s 出席，早于入会日期 %s",
		MsgOverCapacity:     "出席 %d 人，超过容量 %d",
		MsgEmptyAttendance:  "%q 的出席记录既无 persons 也无 others",

		HintSplitFile:    "请确认是否放错了文件",
		HintSaveUTF8:     "请另存为 UTF-8",
		HintSpaces:       "请用空格缩进",
		HintHalfSpaces:   "请用半角空格缩进",
		HintHalfColon:    "请用半角冒号：%s: 值（冒号后加一个空格）",
		HintColonSpace:   "请写成 %s: 值（冒号后加一个空格）",
		HintFlatten:      "数据文件只有几层嵌套，请检查缩进和括号",
		HintCloseQuote:   "请在该行值的末尾补上 %s",
		HintDuplicateKey: "请只保留一个",
		HintQuoteColon:   "值中含有“: ”时请加引号，或检查缩进",
		HintSymlink:      "请把文件复制到网站目录中，不要用链接",
		HintNewPerson:    "请建立 data/people/%s.yaml（可用 press new person 姓名）",
		HintRepPerson:    "请把姓名和联系方式移到 data/people/标识.yaml，此处写 person: 标识",
		HintRenameID:     "请改用另一个标识",
		HintAddMain:      "请登记继任主代表（写 since:），或将副代表改任主代表",
		HintLevelPosts:   "%s的代表可担任：%s",
		HintPlanned:      "举办之前请写 status: planned",
		HintFutureDate:   "请核对日期，或用 --today 指定“今天”",
		HintRegister:     "请在 data/approvals.yaml 中登记理事会决议（date、meeting、member、person、post）",
		HintApprovals:    "该人员已登记的审批：%s",
		HintMoveToPeople: "请移到 data/people/标识.yaml，写 name、contact 和 membership",
		HintAttendAsUnit: "请写 member: %s，并在 persons 中写姓名",
		HintDidYouMean:   "是否应为 %q？",
		HintOneOf:        "可选值：%s",
		HintQuote:        "请加引号：%s: \"%s\"",
		HintDateFormat:   "日期格式为 YYYY-MM-DD，如 2026-03-15",
		HintTimeFormat:   "格式为 YYYY-MM-DD HH:MM（北京时间），如 2026-03-15 14:30；全天活动只写日期",
		HintSlug:         "只用小写字母 a–z、数字和单个连字符，如 %q",
		HintRename:       "将文件改名为 %s，或设 id: %s",
		HintAlsoAt:       "另见 %s",
		HintOneDocument:  "每个文件只写一个文档，删除 --- 分隔符",
		HintNoAlias:      "请直接写出取值",
		HintFeeStandard:  "如为减免或特殊标准，请在 note: 中说明",
		HintAttendRep:    "persons 只列本单位的会员代表，其他人员计入 others",
	},
}

// Text formats the message key in the selected language.
func Text(key Msg, args ...any) string {
	return TextIn(Language(), key, args...)
}

// TextIn formats the message key in the given language.
func TextIn(l Lang, key Msg, args ...any) string {
	format, ok := messages[l][key]
	if !ok {
		format = messages[English][key]
	}
	return fmt.Sprintf(format, args...)
}
