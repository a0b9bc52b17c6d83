package member

import "strings"

// Term is one allowed value of a closed list, with the ASCII slug used in
// URLs and file names.
type Term struct {
	Value string // as editors write it, e.g. "金水区"
	Slug  string // e.g. "jinshui"
}

// Vocabulary is an ordered closed list of allowed values. The order is the
// display order (levels from the highest, regions as the city lists them).
type Vocabulary []Term

// Has reports whether v is one of the allowed values.
func (voc Vocabulary) Has(v string) bool { return voc.Index(v) >= 0 }

// Index returns the position of v in the list, or -1.
func (voc Vocabulary) Index(v string) int {
	for i, t := range voc {
		if t.Value == v {
			return i
		}
	}
	return -1
}

// Slug returns the slug of v, or "" when v is not in the list.
func (voc Vocabulary) Slug(v string) string {
	if i := voc.Index(v); i >= 0 {
		return voc[i].Slug
	}
	return ""
}

// Suggest returns the allowed value an editor most likely meant by v, or
// "" when there is no good guess: first the names Zhengzhou people use
// (高新区 for 郑州高新技术产业开发区, 理事会员 for 理事单位), then a close
// spelling (see nearest).
func (voc Vocabulary) Suggest(v string) string {
	v = strings.TrimSpace(v)
	if t, ok := aliases[v]; ok && voc.Has(t) {
		return t
	}
	return nearest(v, voc.Values())
}

// aliases are the other names in common use for allowed values: the short
// names of Zhengzhou's development zones and districts, and the names of
// the member levels in the fee table (理事会员 …). They are only ever
// suggested, never accepted: the data keeps one spelling per value.
var aliases = map[string]string{
	"高新区": "郑州高新技术产业开发区", "郑州高新区": "郑州高新技术产业开发区", "高新技术开发区": "郑州高新技术产业开发区",
	"高新技术产业开发区": "郑州高新技术产业开发区", "高开区": "郑州高新技术产业开发区", "郑州高新技术开发区": "郑州高新技术产业开发区",
	"经开区": "郑州经济技术开发区", "郑州经开区": "郑州经济技术开发区", "经济技术开发区": "郑州经济技术开发区",
	"经济开发区": "郑州经济技术开发区", "郑州经济开发区": "郑州经济技术开发区", "经济区": "郑州经济技术开发区",
	"航空港区": "郑州航空港经济综合实验区", "航空港": "郑州航空港经济综合实验区", "郑州航空港区": "郑州航空港经济综合实验区",
	"空港区": "郑州航空港经济综合实验区", "港区": "郑州航空港经济综合实验区", "航空港实验区": "郑州航空港经济综合实验区",
	"郑州航空港": "郑州航空港经济综合实验区", "航空港经济综合实验区": "郑州航空港经济综合实验区",
	"郑东": "郑东新区", "郑东新城": "郑东新区", "管城区": "管城回族区", "管城": "管城回族区",
	"中牟": "中牟县", "巩义": "巩义市", "荥阳": "荥阳市", "新密": "新密市", "新郑": "新郑市", "登封": "登封市",
	"理事会员": "理事单位", "理事": "理事单位", "理事会员单位": "理事单位",
	"副会长会员": "副会长单位", "副会长会员单位": "副会长单位",
	"普通会员": "普通会员单位", "一般会员": "普通会员单位", "一般会员单位": "普通会员单位",
	"个人": "个人会员", "个人会员单位": "个人会员",
	"公司": "企业", "民营企业": "企业", "国有企业": "企业", "国企": "企业",
	"大学": "高校", "学院": "高校", "高等院校": "高校", "院校": "高校",
	"研究院": "科研院所", "研究所": "科研院所", "科研单位": "科研院所",
	"政府": "政府机关", "政府部门": "政府机关", "机关": "政府机关", "行政机关": "政府机关",
	"协会": "社会组织", "学会": "社会组织", "社团": "社会组织", "商会": "社会组织", "联盟": "社会组织",
	"IT": "软件和信息技术服务业", "软件": "软件和信息技术服务业", "信息技术": "软件和信息技术服务业", "软件业": "软件和信息技术服务业",
	"AI": "人工智能", "电信": "通信", "物流": "现代物流", "医疗": "医疗健康", "金融": "金融科技",
}

// Values returns the allowed values in order.
func (voc Vocabulary) Values() []string {
	out := make([]string, len(voc))
	for i, t := range voc {
		out[i] = t.Value
	}
	return out
}

// Member levels (会员级别). Article 6: 理事 and above are unit members;
// 个人会员 are natural persons (Article 7 speaks of them).
const (
	LevelVicePresident = "副会长单位"
	LevelCouncil       = "理事单位"
	LevelOrdinary      = "普通会员单位"
	LevelIndividual    = "个人会员"
)

// Levels lists the member levels from the highest.
var Levels = Vocabulary{
	{LevelVicePresident, "vice-president"},
	{LevelCouncil, "council"},
	{LevelOrdinary, "ordinary"},
	{LevelIndividual, "individual"},
}

// UnitTypes lists the kinds of member unit (单位类型, Article 2 classification 2).
var UnitTypes = Vocabulary{
	{"企业", "enterprise"},
	{"高校", "university"},
	{"科研院所", "research-institute"},
	{"政府机关", "government"},
	{"事业单位", "public-institution"},
	{"社会组织", "social-organization"},
	{"个人", "individual"},
}

// Regions lists Zhengzhou's districts, county, county-level cities and
// development zones (区域, Article 2 classification 3).
var Regions = Vocabulary{
	{"中原区", "zhongyuan"},
	{"二七区", "erqi"},
	{"管城回族区", "guancheng"},
	{"金水区", "jinshui"},
	{"上街区", "shangjie"},
	{"惠济区", "huiji"},
	{"中牟县", "zhongmou"},
	{"巩义市", "gongyi"},
	{"荥阳市", "xingyang"},
	{"新密市", "xinmi"},
	{"新郑市", "xinzheng"},
	{"登封市", "dengfeng"},
	{"郑东新区", "zhengdong"},
	{"郑州经济技术开发区", "jingkai"},
	{"郑州高新技术产业开发区", "gaoxin"},
	{"郑州航空港经济综合实验区", "hangkonggang"},
}

// Industries lists the industries (行业, Article 2 classification 4).
var Industries = Vocabulary{
	{"软件和信息技术服务业", "software"},
	{"电子信息制造业", "electronics"},
	{"通信", "telecom"},
	{"互联网", "internet"},
	{"人工智能", "ai"},
	{"网络安全", "security"},
	{"智能制造", "smart-manufacturing"},
	{"金融科技", "fintech"},
	{"智慧城市", "smart-city"},
	{"教育", "education"},
	{"医疗健康", "health"},
	{"现代物流", "logistics"},
	{"能源", "energy"},
	{"文化传媒", "media"},
	{"农业信息化", "agriculture"},
	{"公共管理", "public-administration"},
	{"其他", "other"},
}

// Association posts (会内职务, Article 2 classification 1).
const (
	PostPresident     = "会长"
	PostVicePresident = "副会长"
	PostSecretaryGen  = "秘书长"
	PostDeputySecGen  = "副秘书长"
	PostCouncil       = "理事"
	// PostNone is the classification value of a member none of whose
	// representatives holds a post.
	PostNone = "会员"
)

// Posts lists the association posts a representative can hold, highest
// first, followed by PostNone, the classification value for members
// without a post.
var Posts = Vocabulary{
	{PostPresident, "president"},
	{PostVicePresident, "vice-president"},
	{PostSecretaryGen, "secretary-general"},
	{PostDeputySecGen, "deputy-secretary-general"},
	{PostCouncil, "council-member"},
	{PostNone, "member"},
}

// HeldPosts lists the posts an editor may write in a representative's post
// field (all of Posts but PostNone).
var HeldPosts = Posts[:len(Posts)-1]

// LeaderPosts are the posts Article 9.3 calls 会内领导.
var LeaderPosts = Vocabulary{
	{PostPresident, "president"},
	{PostVicePresident, "vice-president"},
	{PostSecretaryGen, "secretary-general"},
}

// Representative roles (Article 6).
const (
	RoleMain   = "主代表"
	RoleDeputy = "副代表"
)

// Roles lists the representative roles.
var Roles = Vocabulary{{RoleMain, "main"}, {RoleDeputy, "deputy"}}

// Activity kinds.
var Kinds = Vocabulary{
	{"研讨会", "seminar"},
	{"论坛", "forum"},
	{"讲座", "lecture"},
	{"培训", "training"},
	{"会议", "meeting"},
	{"其他", "other"},
}

// Departments lists the four departments of the secretariat.
var Departments = Vocabulary{
	{"会员发展部", "membership"},
	{"信息编辑部", "editorial"},
	{"行政人事部", "administration"},
	{"咨询培训部", "consulting-training"},
}

// Activity statuses.
const (
	StatusPlanned   = "planned"
	StatusHeld      = "held"
	StatusCancelled = "cancelled"
)

// ActivityStatuses lists the activity statuses.
var ActivityStatuses = Vocabulary{
	{StatusPlanned, "planned"},
	{StatusHeld, "held"},
	{StatusCancelled, "cancelled"},
}

// Audiences: who is expected at an activity.
const (
	AudienceAll     = "全体会员"
	AudienceCouncil = "理事会"
)

// Audiences lists who an activity is for. 理事会 activities expect only
// 副会长单位 and 理事单位.
var Audiences = Vocabulary{{AudienceAll, "all"}, {AudienceCouncil, "council"}}

// AssessmentKinds are what an assessment record is about (第五条: 参加活动,
// 缴纳会费, 交流与合作, 社会表现).
var AssessmentKinds = Vocabulary{
	{"参加活动", "activities"}, {"缴纳会费", "fees"}, {"交流合作", "cooperation"}, {"社会表现", "conduct"}, {"其他", "other"},
}

// PaymentMethods are the ways a fee is paid (缴费方式).
var PaymentMethods = Vocabulary{
	{"银行转账", "transfer"}, {"现金", "cash"}, {"支票", "cheque"}, {"微信", "wechat"}, {"支付宝", "alipay"}, {"其他", "other"},
}

// StandardFee is the yearly fee in yuan for each unit level, from the
// secretariat's fee table (会费标准). Individual members have none listed.
var StandardFee = map[string]int{
	LevelVicePresident: 30000,
	LevelCouncil:       10000,
	LevelOrdinary:      2000,
}
