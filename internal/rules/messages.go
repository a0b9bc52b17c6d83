package rules

import (
	"fmt"

	"github.com/zzia/press/internal/member"
)

// msg is the key of a reason's sentence in the tables below.
type msg int

const (
	msgWithdrawMisses msg = iota
	msgWithdrawYear
	msgIndividualLeftCity
	msgSuspendUnit
	msgSuspendRep
	msgPastWarning
	msgArrears
	msgArrearsPast
	msgLeftPost
	msgLeftPostCity
	msgLeft
	msgLeftCity
	msgPostWithdrawn
	msgSuccessor
	msgRelieved
	msgDerived
	msgBecameIndividual
	msgBecameMember
	msgMoved
	msgNoApproval
	msgApprovalLater
	msgApprovalBefore
	msgSinceUnknown
	msgSinceInferred
	msgCount
)

// reasons holds the sentences in each language, selected by
// member.SetLang. Chinese is what the secretariat reads.
var reasons = map[member.Lang][msgCount]string{
	member.Chinese: {
		msgWithdrawMisses:     "第九条第2款：连续%d次活动无人参加（%s 至 %s），视同自动退会，不再享有会员名誉",
		msgWithdrawYear:       "第九条第2款：自 %s 起连续1年未参加活动（期间 %d 次活动无人参加），于 %s 视同自动退会，不再享有会员名誉",
		msgIndividualLeftCity: "第七条：个人会员%s于 %s 调离本市，普通会员资格自动取消",
		msgSuspendUnit:        "第九条第2款：连续%d次活动无人参加（%s 起），给予警告，停止享受会内一切会员权利和待遇，只保留会员名誉",
		msgSuspendRep:         "第九条第2款：会员单位代表%s连续%d次本人未参加活动（%s 起），给予警告，停止享受会内一切会员权利和待遇，只保留会员名誉",
		msgPastWarning:        "第九条第2款：曾连续%d次活动无人参加（%s 起），已于 %s 恢复参加",
		msgArrears:            "第九条：%d年度会费未缴纳（欠缴会费）",
		msgArrearsPast:        "第九条：%d年度会费未缴纳",
		msgLeftPost:           "第七条：会员单位代表%s于 %s 调离工作岗位，其会内职务（%s）自动取消；%s",
		msgLeftPostCity:       "第七条：会员单位代表%s于 %s 调离工作岗位，其会内职务（%s）自动取消；已调离本市，普通会员资格也自动取消",
		msgLeft:               "第七条：会员单位代表%s于 %s 调离工作岗位；%s",
		msgLeftCity:           "第七条：会员单位代表%s于 %s 调离工作岗位并调离本市，普通会员资格自动取消",
		msgPostWithdrawn:      "第九条第2款：会员视同退会，代表%s的会内职务（%s）随之取消",
		msgSuccessor:          "第八条：%[1]s（%[2]s，任职日期%[3]s）接替已调离的%[5]s%[4]s，不能直接代理其会内职务（%[6]s）：%[8]s；须经协会考核、本人同意并经理事会讨论通过，方能接任原职或就任新职（%[7]s），通过后在 data/approvals.yaml 登记并在 post_since 填写审批日期",
		msgRelieved:           "第九条第3款：%s%s自 %s 起连续%d个月未参与会内工作（期间 %d 次活动本人均未参加），于 %s 做自动离职处理；恢复原职需重新审定资格并经理事会表决通过",
		msgDerived:            "第七条：%s原为%s%s，于 %s 调离工作岗位，仍在本市，自动成为普通个人会员",
		msgBecameIndividual:   "仍在本市，自动降为普通个人会员",
		msgBecameMember:       "仍在本市，自动降为普通个人会员（%s）",
		msgMoved:              "现任%s%s",
		msgNoApproval:         "审批登记中没有理事会通过其任%s的记录",
		msgApprovalLater:      "审批日期 %s 晚于今天",
		msgApprovalBefore:     "post_since %s 早于其任职日期 %s，该审批不是对本次任职的批准",
		msgSinceUnknown:       "未填写",
		msgSinceInferred:      "未填写，按接任处理，自 %s 起",
	},
	member.English: {
		msgWithdrawMisses:     "Article 9(2): nobody attended %d activities in a row (%s to %s); treated as withdrawn, no longer a member in name",
		msgWithdrawYear:       "Article 9(2): no activity attended for a year from %s (%d activities with nobody present); treated as withdrawn on %s, no longer a member in name",
		msgIndividualLeftCity: "Article 7: individual member %s left Zhengzhou on %s; membership cancelled",
		msgSuspendUnit:        "Article 9(2): nobody attended %d activities in a row (since %s); warned, all member rights suspended, only the name of member kept",
		msgSuspendRep:         "Article 9(2): representative %s missed %d activities in a row in person (since %s); warned, all member rights suspended, only the name of member kept",
		msgPastWarning:        "Article 9(2): nobody attended %d activities in a row (since %s); attending again on %s",
		msgArrears:            "Article 9: the fee for %d is unpaid (in arrears)",
		msgArrearsPast:        "Article 9: the fee for %d is unpaid",
		msgLeftPost:           "Article 7: representative %s left the post in the unit on %s and loses the association post (%s); %s",
		msgLeftPostCity:       "Article 7: representative %s left the post in the unit on %s and loses the association post (%s); having left Zhengzhou, no longer a member",
		msgLeft:               "Article 7: representative %s left the post in the unit on %s; %s",
		msgLeftCity:           "Article 7: representative %s left the post in the unit and Zhengzhou on %s; no longer a member",
		msgPostWithdrawn:      "Article 9(2): the member is treated as withdrawn; representative %s loses the association post (%s)",
		msgSuccessor:          "Article 8: %[1]s (%[2]s, in office since %[3]s) succeeds %[5]s %[4]s, who left, and does not hold the post (%[6]s) by that: %[8]s; taking up the former or a new post (%[7]s) needs assessment, consent and the council's approval, recorded in data/approvals.yaml with its date in post_since",
		msgRelieved:           "Article 9(3): %s %s took no part in the association's work for %[4]d months from %[3]s (%[5]d activities missed in person); relieved on %[6]s; reinstatement needs a new review and the council's vote",
		msgDerived:            "Article 7: %s, formerly %[3]s of %[2]s, left the post on %[4]s and, still in Zhengzhou, is an ordinary individual member",
		msgBecameIndividual:   "still in Zhengzhou, an ordinary individual member now",
		msgBecameMember:       "still in Zhengzhou, an ordinary individual member now (%s)",
		msgMoved:              "now %[2]s of %[1]s",
		msgNoApproval:         "the approval register has no record of the council approving them as %s",
		msgApprovalLater:      "the approval of %s is after today",
		msgApprovalBefore:     "post_since %s is before they took office on %s: that approval is not for this office",
		msgSinceUnknown:       "not recorded",
		msgSinceInferred:      "not recorded, taken as from %s",
	},
}

// loc is a part of a reason that is itself a sentence to translate.
type loc struct {
	key  msg
	args []any
}

func (l loc) in(lang member.Lang) string {
	args := make([]any, len(l.args))
	for i, a := range l.args {
		if inner, ok := a.(loc); ok {
			a = inner.in(lang)
		}
		args[i] = a
	}
	return fmt.Sprintf(reasons[lang][l.key], args...)
}

func text(key msg, args ...any) string { return loc{key, args}.in(member.Language()) }
