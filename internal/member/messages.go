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
	MsgIndividualReps   Msg = "individual-reps"
	MsgIndividualPost   Msg = "individual-post"
	MsgDuplicateRepName Msg = "duplicate-rep-name"
	MsgLeftBeforeSince  Msg = "left-before-since"
	MsgLeftCityNoLeft   Msg = "left-city-without-left"
	MsgDuplicateFeeYear Msg = "duplicate-fee-year"
	MsgFeeAmount        Msg = "fee-amount"
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

	HintDidYouMean  Msg = "hint-did-you-mean"
	HintOneOf       Msg = "hint-one-of"
	HintQuote       Msg = "hint-quote"
	HintDateFormat  Msg = "hint-date"
	HintTimeFormat  Msg = "hint-datetime"
	HintSlug        Msg = "hint-slug"
	HintRename      Msg = "hint-rename"
	HintAlsoAt      Msg = "hint-also-at"
	HintOneDocument Msg = "hint-one-document"
	HintNoAlias     Msg = "hint-no-alias"
	HintFeeStandard Msg = "hint-fee-standard"
	HintAttendRep   Msg = "hint-attend-rep"
)

var messages = map[Lang]map[Msg]string{
	English: {
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
		MsgIndividualReps:   "an individual member (个人会员) has exactly one representative entry, the person, got %d",
		MsgIndividualPost:   "an individual member cannot hold the post %s: 理事 and above are unit members (Article 6)",
		MsgDuplicateRepName: "representative %q is listed twice",
		MsgLeftBeforeSince:  "left %s is before since %s",
		MsgLeftCityNoLeft:   "left_city is set but left is not",
		MsgDuplicateFeeYear: "fee year %d is listed twice",
		MsgFeeAmount:        "fee of %d yuan for %d differs from the standard fee of %d yuan for %s",
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

		HintDidYouMean:  "did you mean %q?",
		HintOneOf:       "allowed: %s",
		HintQuote:       "put the value in quotes: %s: \"%s\"",
		HintDateFormat:  "write a date as YYYY-MM-DD, e.g. 2026-03-15",
		HintTimeFormat:  "write YYYY-MM-DD HH:MM (Asia/Shanghai), e.g. 2026-03-15 14:30, or a date for an all-day activity",
		HintSlug:        "use lower-case letters a–z, digits and single hyphens, e.g. %q",
		HintRename:      "rename the file to %s or set id: %s",
		HintAlsoAt:      "also defined at %s",
		HintOneDocument: "keep one document per file; remove the --- separators",
		HintNoAlias:     "write the value out",
		HintFeeStandard: "set note: to explain a reduced or special fee",
		HintAttendRep:   "list only the unit's representatives under persons; count other staff under others",
	},
	Chinese: {
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
		MsgIndividualReps:   "个人会员只能有一条代表记录（即本人），实有 %d 条",
		MsgIndividualPost:   "个人会员不能担任%s：理事及理事以上会员均为单位会员（第六条）",
		MsgDuplicateRepName: "代表 %q 重复列出",
		MsgLeftBeforeSince:  "调离日期 %s 早于任职日期 %s",
		MsgLeftCityNoLeft:   "填写了 left_city 但未填写调离日期 left",
		MsgDuplicateFeeYear: "%d 年度会费重复列出",
		MsgFeeAmount:        "%[2]d 年度会费 %[1]d 元与%[4]s标准 %[3]d 元不符",
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

		HintDidYouMean:  "是否应为 %q？",
		HintOneOf:       "可选值：%s",
		HintQuote:       "请加引号：%s: \"%s\"",
		HintDateFormat:  "日期格式为 YYYY-MM-DD，如 2026-03-15",
		HintTimeFormat:  "格式为 YYYY-MM-DD HH:MM（北京时间），如 2026-03-15 14:30；全天活动只写日期",
		HintSlug:        "只用小写字母 a–z、数字和单个连字符，如 %q",
		HintRename:      "将文件改名为 %s，或设 id: %s",
		HintAlsoAt:      "另见 %s",
		HintOneDocument: "每个文件只写一个文档，删除 --- 分隔符",
		HintNoAlias:     "请直接写出取值",
		HintFeeStandard: "如为减免或特殊标准，请在 note: 中说明",
		HintAttendRep:   "persons 只列本单位的会员代表，其他人员计入 others",
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
