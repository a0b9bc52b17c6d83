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
		msgLeftPost:           "第七条：会员单位代表%s于 %s 调离工作岗位，其会内职务（%s）自动取消；仍在本市，自动降为普通个人会员",
		msgLeftPostCity:       "第七条：会员单位代表%s于 %s 调离工作岗位，其会内职务（%s）自动取消；已调离本市，普通会员资格也自动取消",
		msgLeft:               "第七条：会员单位代表%s于 %s 调离工作岗位；仍在本市，自动降为普通个人会员",
		msgLeftCity:           "第七条：会员单位代表%s于 %s 调离工作岗位并调离本市，普通会员资格自动取消",
		msgPostWithdrawn:      "第九条第2款：会员视同退会，代表%s的会内职务（%s）随之取消",
		msgSuccessor:          "第八条：新任代表%s不能直接代理原代表%s的会内职务（%s），须经协会考核、本人同意并经理事会讨论通过（通过后在 post_since 填写日期）",
		msgRelieved:           "第九条第3款：%s%s自 %s 起连续%d个月未参与会内工作（期间 %d 次活动本人均未参加），于 %s 做自动离职处理；恢复原职需重新审定资格并经理事会表决通过",
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
		msgLeftPost:           "Article 7: representative %s left the post in the unit on %s and loses the association post (%s); still in Zhengzhou, an ordinary individual member now",
		msgLeftPostCity:       "Article 7: representative %s left the post in the unit on %s and loses the association post (%s); having left Zhengzhou, no longer a member",
		msgLeft:               "Article 7: representative %s left the post in the unit on %s; still in Zhengzhou, an ordinary individual member now",
		msgLeftCity:           "Article 7: representative %s left the post in the unit and Zhengzhou on %s; no longer a member",
		msgPostWithdrawn:      "Article 9(2): the member is treated as withdrawn; representative %s loses the association post (%s)",
		msgSuccessor:          "Article 8: new representative %s does not inherit the post of former representative %s (%s) without assessment, consent and the council's approval (then record post_since)",
		msgRelieved:           "Article 9(3): %s %s took no part in the association's work for %[4]d months from %[3]s (%[5]d activities missed in person); relieved on %[6]s; reinstatement needs a new review and the council's vote",
	},
}

func text(key msg, args ...any) string {
	return fmt.Sprintf(reasons[member.Language()][key], args...)
}
