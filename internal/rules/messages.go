package rules

import "github.com/zzia/press/internal/msg"

// sentence is the key of a reason's sentence in press's message catalogue
// (package msg), which holds it in English and Chinese.
type sentence string

const (
	msgWithdrawMisses     sentence = "rules.withdraw-misses"
	msgWithdrawYear       sentence = "rules.withdraw-year"
	msgIndividualLeftCity sentence = "rules.individual-left-city"
	msgSuspendUnit        sentence = "rules.suspend-unit"
	msgSuspendRep         sentence = "rules.suspend-rep"
	msgPastWarning        sentence = "rules.past-warning"
	msgArrears            sentence = "rules.arrears"
	msgArrearsPast        sentence = "rules.arrears-past"
	msgLeftPost           sentence = "rules.left-post"
	msgLeftPostCity       sentence = "rules.left-post-city"
	msgLeft               sentence = "rules.left"
	msgLeftCity           sentence = "rules.left-city"
	msgPostWithdrawn      sentence = "rules.post-withdrawn"
	msgSuccessor          sentence = "rules.successor"
	msgRelieved           sentence = "rules.relieved"
	msgDerived            sentence = "rules.derived"
	msgBecameIndividual   sentence = "rules.became-individual"
	msgBecameMember       sentence = "rules.became-member"
	msgMoved              sentence = "rules.moved"
	msgNoApproval         sentence = "rules.no-approval"
	msgApprovalLater      sentence = "rules.approval-later"
	msgApprovalBefore     sentence = "rules.approval-before"
	msgSinceUnknown       sentence = "rules.since-unknown"
	msgSinceInferred      sentence = "rules.since-inferred"
)

// loc is a part of a reason that is itself a sentence to translate.
type loc struct {
	key  sentence
	args []any
}

func (l loc) in(lang msg.Lang) string {
	args := make([]any, len(l.args))
	for i, a := range l.args {
		if inner, ok := a.(loc); ok {
			a = inner.in(lang)
		}
		args[i] = a
	}
	return lang.T(string(l.key), args...)
}
