// Package rules applies the association's membership rules (会员管理办法,
// Articles 6–9) to the member and activity data: for every member its
// status (active, warned and suspended, treated as withdrawn), whether it is
// in arrears, each representative's effective association post, its
// attendance, and the reasons, as sentences citing the article.
//
// The rules never read the clock: "today" is an argument, so a build is
// reproducible. The readings of the ambiguous parts are in docs/rules.md.
package rules

import (
	"time"

	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/parallel"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/member"
)

// Thresholds of Article 9, named so a different reading is one edit.
const (
	// SuspendUnitMisses: 连续3次无人参加活动 → warned and suspended.
	SuspendUnitMisses = 3
	// SuspendRepMisses: 连续6次本人不参加活动 → warned and suspended.
	SuspendRepMisses = 6
	// WithdrawMisses: 6次以上不参加活动 → treated as withdrawn. "以上"
	// includes the number itself (《民法典》第一千二百五十九条), so 6 misses
	// in a row suffice.
	WithdrawMisses = 6
	// WithdrawYears: 连续1年不参加活动 → treated as withdrawn.
	WithdrawYears = 1
	// LeaderIdleMonths: 连续6个月不参与相应工作的会内领导 → relieved.
	LeaderIdleMonths = 6
)

// Status is a member's standing under Article 9.
type Status string

// Member statuses.
const (
	// Active: the member enjoys all rights.
	Active Status = "active"
	// Suspended: warned, all rights suspended, only the name of member kept
	// (第九条第2款 前段).
	Suspended Status = "suspended"
	// Withdrawn: treated as having withdrawn, no longer a member in name
	// either (第九条第2款 后段; 第七条 for individual members who left the city).
	Withdrawn Status = "withdrawn"
)

// Kind says what a reason is about.
type Kind string

// Kinds of reasons.
const (
	KindStatus  Kind = "status"  // why the member is suspended or withdrawn
	KindHistory Kind = "history" // a past warning that no longer applies
	KindFee     Kind = "fee"     // fees unpaid
	KindPost    Kind = "post"    // a representative's post was lost
)

// Reason is one finding, as a sentence that cites the article.
type Reason struct {
	Kind    Kind
	Article string // e.g. "第九条第2款"
	Date    time.Time

	sentence loc // the full sentence, starting with the article
}

// In returns the reason's sentence in the given language (the internal
// report is always Chinese, whatever the user's locale).
func (r Reason) In(lang msg.Lang) string {
	return r.sentence.in(lang)
}

// Result holds the derived state of every member on one day.
type Result struct {
	Today   time.Time
	Members []*MemberStatus // in the dataset's order (by id)

	byID map[string]*MemberStatus
	in   *inputs // what the statuses were derived from (DeriveAfter)
}

// Member returns the status of the member with the given id, or nil.
func (r *Result) Member(id string) *MemberStatus { return r.byID[id] }

// MemberStatus is what the rules say about one member.
type MemberStatus struct {
	ID     string
	Status Status
	// Since is the day the current status took effect; zero when active.
	Since time.Time
	// InArrears: the fee of the current year (Today's year) is unpaid.
	InArrears bool
	// UnpaidYears lists every year from joining to Today's year without a
	// paid fee, oldest first.
	UnpaidYears []int
	// Expected counts the held activities the member was expected at, up to
	// Today; Attended those at which anyone from the member was present.
	Expected, Attended int
	// LastAttended is the start of the last activity attended; zero if none.
	LastAttended time.Time
	// Representatives follows the order of the member's representatives.
	Representatives []*RepStatus
	// Posts are the distinct effective posts of current representatives,
	// highest first; [member.PostNone] when there is none.
	Posts   []string
	Reasons []Reason
}

// Rate returns the attendance rate (Attended/Expected) and whether there
// was any activity to attend.
func (s *MemberStatus) Rate() (float64, bool) {
	if s.Expected == 0 {
		return 0, false
	}
	return float64(s.Attended) / float64(s.Expected), true
}

// ReasonsOf returns the reasons of one kind.
func (s *MemberStatus) ReasonsOf(k Kind) []Reason {
	var out []Reason
	for _, r := range s.Reasons {
		if r.Kind == k {
			out = append(out, r)
		}
	}
	return out
}

// RepStatus is what the rules say about one representative.
type RepStatus struct {
	Name string
	Role string
	// Post is the post as recorded; EffectivePost what remains of it after
	// Articles 7, 8 and 9.3 ("" for none).
	Post          string
	EffectivePost string
	// Current: the representative had not left by Today.
	Current bool
	// Expected and Attended count the activities since the representative
	// took office and those attended in person.
	Expected, Attended int
	// Relieved is the day a leader was relieved under Article 9.3; zero if not.
	Relieved time.Time
}

// Derive applies the rules to every member of ds as of today (a day in
// Asia/Shanghai; the time of day is ignored).
func Derive(ds *member.Dataset, today time.Time) *Result {
	return DeriveAfter(nil, ds, today)
}

// DeriveAfter is Derive, taking from prev (nil: nothing) the status of each
// member whose inputs are the same: the preview's derive after one member
// file was edited walks that member again, and those it shares a person
// with, not the 5,000 others. prev's statuses are shared, not copied:
// neither result may be changed.
//
// A status is taken only when ds and prev's dataset were both loaded from
// files (member.Dataset.Files), on the same day, and no file changed but
// member units' own (data/members); then every member is walked again
// whose file changed, appeared or went, or that shares a person with such
// a member, before or after the change (see dependsOn).
func DeriveAfter(prev *Result, ds *member.Dataset, today time.Time) *Result {
	today = dayOf(today)
	in := newInputs(ds)
	res := &Result{Today: today, byID: make(map[string]*MemberStatus, len(ds.Members)), in: in}
	again := prev.again(in, ds, today)
	// Held activities up to today, in order; each member picks its share.
	var held []*member.Activity
	var days []time.Time
	for _, a := range ds.Activities {
		if d := dayOf(a.Start); a.Held() && !d.After(today) {
			held = append(held, a)
			days = append(days, d)
		}
	}
	// Who attended what, by member, so that each member's walk over the
	// activities looks attendance up instead of scanning every list.
	// Each member's map is made at its size: counted first.
	count := make(map[string]int, len(ds.Members))
	for _, a := range held {
		for i := range a.Attendance {
			if id := a.Attendance[i].Member; again.has(id) {
				count[id]++
			}
		}
	}
	attended := make(map[string]attendance, len(count))
	for _, a := range held {
		for i := range a.Attendance {
			at := &a.Attendance[i]
			if !again.has(at.Member) {
				continue
			}
			if attended[at.Member] == nil {
				attended[at.Member] = make(attendance, count[at.Member])
			}
			attended[at.Member][a] = at
		}
	}
	// Whom the held activities for invited members invite: for each member
	// the indexes in held, ascending, so that each member's walk needs no
	// look-up in the activities' lists (a.Invites).
	invitedTo := map[string][]int32{}
	for i, a := range held {
		for _, id := range a.Invited {
			if at := invitedTo[id]; len(at) == 0 || at[len(at)-1] != int32(i) {
				invitedTo[id] = append(at, int32(i))
			}
		}
	}
	if len(ds.Members) > 0 {
		res.Members = make([]*MemberStatus, len(ds.Members))
	}
	// Each member's walk only reads the data and the maps above, so the
	// members are shared out among the processors; each status lands at
	// its member's index, so the result does not depend on the order.
	parallel.Each(len(ds.Members), func(i int) {
		m := ds.Members[i]
		if !again.has(m.ID) {
			res.Members[i] = prev.byID[m.ID]
			return
		}
		res.Members[i] = deriveMember(m, held, days, invitedTo[m.ID], attended[m.ID], today, ds)
	})
	for _, s := range res.Members {
		res.byID[s.ID] = s
	}
	return res
}

// dayOf returns the start of t's day in Shanghai.
func dayOf(t time.Time) time.Time {
	y, mo, d := t.In(clock.Zone).Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, clock.Zone)
}

// Expects reports whether member m was expected at activity a: the
// activity counts for attendance, it had joined by the activity's day, and
// the activity was for it (its level, or the members invited).
func Expects(m *member.Member, a *member.Activity) bool {
	if dayOf(a.Start).Before(dayOf(m.Joined)) {
		return false
	}
	return countsFor(m, a)
}

// countsFor applies the activity's audience: it counts for attendance at
// all (counts), only for the members invited (invited), or only for the
// council's units (audience 理事会).
func countsFor(m *member.Member, a *member.Activity) bool {
	if a.Uncounted {
		return false
	}
	if len(a.Invited) > 0 {
		return a.Invites(m.ID)
	}
	if a.Audience == member.AudienceCouncil {
		return m.Level == member.LevelVicePresident || m.Level == member.LevelCouncil
	}
	return true
}

// attendance maps the activities a member attended to its record there.
type attendance map[*member.Activity]*member.Attendance

// person reports whether the named representative came to a in person.
func (att attendance) person(a *member.Activity, name string) bool {
	at := att[a]
	return at != nil && at.Person(name)
}

// deriveMember applies the rules to m. invited are the indexes in held of
// the activities for invited members that invite m, ascending.
func deriveMember(m *member.Member, held []*member.Activity, days []time.Time, invited []int32, att attendance, today time.Time, ds *member.Dataset) *MemberStatus {
	s := &MemberStatus{ID: m.ID, Status: Active}
	var expected []*member.Activity
	var came []bool
	joined := dayOf(m.Joined)
	for i, a := range held {
		// As Expects, with the days computed once and the invitations
		// looked up in invited.
		for len(invited) > 0 && invited[0] < int32(i) {
			invited = invited[1:]
		}
		if days[i].Before(joined) {
			continue
		}
		if len(a.Invited) > 0 && !a.Uncounted {
			if len(invited) == 0 || invited[0] != int32(i) {
				continue
			}
		} else if !countsFor(m, a) {
			continue
		}
		expected = append(expected, a)
		at := att[a] != nil
		came = append(came, at)
		if at {
			s.Attended++
			s.LastAttended = a.Start
		}
	}
	s.Expected = len(expected)

	withdrawn(s, m, expected, came, today)
	if s.Status != Withdrawn {
		suspended(s, m, expected, came, att, today)
	}
	fees(s, m, today)
	representatives(s, m, expected, att, today, ds)
	if m.Derived {
		r := m.Former
		s.add(KindStatus, "第七条", dayOf(m.Joined), msgDerived, m.Name, r.Member.Name, r.Role, date(r.Left))
	}
	return s
}

func (s *MemberStatus) add(k Kind, article string, date time.Time, key sentence, args ...any) {
	l := loc{key, args}
	s.Reasons = append(s.Reasons, Reason{Kind: k, Article: article, Date: date, sentence: l})
}

// withdraw marks the member withdrawn from day on, keeping the earliest.
func (s *MemberStatus) withdraw(on time.Time) bool {
	if s.Status == Withdrawn && !s.Since.After(on) {
		return false
	}
	s.Status, s.Since = Withdrawn, on
	return true
}

// withdrawn applies 第九条第2款 后段 (连续1年或6次以上不参加活动) and
// 第七条 for individual members who left the city. Withdrawal is final:
// attending later does not undo it (a member who is re-admitted gets a new
// joined date).
func withdrawn(s *MemberStatus, m *member.Member, expected []*member.Activity, came []bool, today time.Time) {
	type finding struct {
		on   time.Time
		key  sentence
		args []any
	}
	var found []finding
	// Six misses in a row.
	run := 0
	for i, a := range expected {
		if came[i] {
			run = 0
			continue
		}
		run++
		if run == WithdrawMisses {
			first := expected[i-WithdrawMisses+1]
			found = append(found, finding{dayOf(a.Start), msgWithdrawMisses, []any{WithdrawMisses, date(first.Start), date(a.Start)}})
			break
		}
	}
	// A year without attending, with at least one activity missed in it.
	anchor := dayOf(m.Joined)
	missed := 0
	yearFrom := func(t time.Time) time.Time { return t.AddDate(WithdrawYears, 0, 0) }
	for i, a := range expected {
		d := dayOf(a.Start)
		if !d.Before(yearFrom(anchor)) && missed > 0 {
			found = append(found, finding{yearFrom(anchor), msgWithdrawYear, []any{date(anchor), missed, date(yearFrom(anchor))}})
			missed = -1
			break
		}
		if came[i] {
			anchor, missed = d, 0
		} else if d.Before(yearFrom(anchor)) {
			missed++
		}
	}
	if missed > 0 && !today.Before(yearFrom(anchor)) {
		found = append(found, finding{yearFrom(anchor), msgWithdrawYear, []any{date(anchor), missed, date(yearFrom(anchor))}})
	}
	// Article 7: an individual member who left the city.
	if m.Individual() {
		for _, r := range m.Representatives {
			if r.LeftCity && r.HasLeft(today) {
				found = append(found, finding{dayOf(r.Left), msgIndividualLeftCity, []any{r.Name, date(r.Left)}})
			}
		}
	}
	for _, f := range found {
		s.withdraw(f.on)
	}
	for _, f := range found {
		article := "第九条第2款"
		if f.key == msgIndividualLeftCity {
			article = "第七条"
		}
		s.add(KindStatus, article, f.on, f.key, f.args...)
	}
}

// suspended applies 第九条第2款 前段: the member's trailing run of activities
// with nobody from it, or its main representative's trailing run of
// activities missed in person. Suspension lasts while the run does: the
// next activity attended ends it, and the earlier warning is kept as
// history.
func suspended(s *MemberStatus, m *member.Member, expected []*member.Activity, came []bool, att attendance, today time.Time) {
	// Past runs of SuspendUnitMisses or more that were ended by attending.
	run := 0
	for i := range expected {
		if !came[i] {
			run++
			continue
		}
		if run >= SuspendUnitMisses {
			first := expected[i-run]
			s.add(KindHistory, "第九条第2款", dayOf(expected[i-run+SuspendUnitMisses-1].Start), msgPastWarning,
				run, date(first.Start), date(expected[i].Start))
		}
		run = 0
	}
	if run >= SuspendUnitMisses {
		first := expected[len(expected)-run]
		on := dayOf(expected[len(expected)-run+SuspendUnitMisses-1].Start)
		s.Status, s.Since = Suspended, on
		s.add(KindStatus, "第九条第2款", on, msgSuspendUnit, run, date(first.Start))
	}
	// The main representative in person.
	for _, r := range m.Representatives {
		if r.Role != member.RoleMain || !isCurrent(r, today) {
			continue
		}
		from := laterOf(m.Joined, tookOffice(m, r, today))
		run, first := 0, time.Time{}
		var on time.Time
		for i, a := range expected {
			if dayOf(a.Start).Before(dayOf(from)) {
				continue
			}
			if came[i] && att.person(a, r.Name) {
				run = 0
				continue
			}
			run++
			if run == 1 {
				first = a.Start
			}
			if run == SuspendRepMisses {
				on = dayOf(a.Start)
			}
		}
		if run >= SuspendRepMisses {
			if s.Status != Suspended || on.Before(s.Since) {
				s.Status, s.Since = Suspended, on
			}
			s.add(KindStatus, "第九条第2款", on, msgSuspendRep, r.Name, run, date(first))
		}
	}
}

// fees: Article 9 names 欠缴会费 among the grounds for losing membership; the
// rules flag it (the secretariat decides) and list every unpaid year.
func fees(s *MemberStatus, m *member.Member, today time.Time) {
	paid := map[int]bool{}
	for _, f := range m.Fees {
		if !f.Paid.IsZero() && !dayOf(f.Paid).After(today) {
			paid[f.Year] = true
		}
	}
	if m.Joined.IsZero() {
		return
	}
	// Years before the fees were first recorded are not unpaid: counting
	// starts with fees_recorded_since, else the join year.
	first := max(m.Joined.In(clock.Zone).Year(), m.FeesRecordedSince)
	for y := first; y <= today.Year(); y++ {
		if !paid[y] {
			s.UnpaidYears = append(s.UnpaidYears, y)
		}
	}
	if !paid[today.Year()] && !dayOf(m.Joined).After(today) {
		s.InArrears = true
		s.add(KindFee, "第九条", today, msgArrears, today.Year())
	}
	for _, y := range s.UnpaidYears {
		if y != today.Year() {
			s.add(KindFee, "第九条", today, msgArrearsPast, y)
		}
	}
}

func isCurrent(r *member.Representative, today time.Time) bool { return r.CurrentOn(today) }

func laterOf(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

// representatives applies Article 7 (a representative who left loses the
// post), Article 8 (a successor does not hold a post without the council's
// approval, recorded in the register that post_since points to) and
// Article 9.3 (a leader six months without taking part is relieved).
func representatives(s *MemberStatus, m *member.Member, expected []*member.Activity, att attendance, today time.Time, ds *member.Dataset) {
	posts := map[string]bool{}
	for _, r := range m.Representatives {
		rs := &RepStatus{Name: r.Name, Role: r.Role, Post: r.Post, EffectivePost: r.Post, Current: isCurrent(r, today)}
		s.Representatives = append(s.Representatives, rs)
		from := laterOf(m.Joined, tookOffice(m, r, today))
		for _, a := range expected {
			if dayOf(a.Start).Before(dayOf(from)) || (!r.Left.IsZero() && !dayOf(a.Start).Before(dayOf(r.Left))) {
				continue
			}
			rs.Expected++
			if att.person(a, r.Name) {
				rs.Attended++
			}
		}
		if !rs.Current {
			rs.EffectivePost = ""
			if m.Individual() {
				continue // Article 7 for individuals is a matter of membership: see withdrawn
			}
			if r.Left.IsZero() || dayOf(r.Left).After(today) {
				continue // not in office yet
			}
			left(s, r, today, ds)
			continue
		}
		if r.Post == "" {
			continue
		}
		if s.Status == Withdrawn {
			rs.EffectivePost = ""
			s.add(KindPost, "第九条第2款", s.Since, msgPostWithdrawn, r.Name, r.Post)
			continue
		}
		if pred, inferred := Predecessor(m, r, today); pred != nil {
			if why, args := unapproved(r, today); why != "" {
				rs.EffectivePost = ""
				var since any = loc{msgSinceUnknown, nil}
				switch {
				case !r.Since.IsZero():
					since = date(r.Since)
				case inferred:
					since = loc{msgSinceInferred, []any{date(pred.Left)}}
				}
				s.add(KindPost, "第八条", laterOf(dayOf(pred.Left), dayOf(r.Since)), msgSuccessor,
					r.Name, r.Role, since, pred.Name, pred.Role, pred.Post, r.Post, loc{why, args})
				continue
			}
		}
		if member.LeaderPosts.Has(r.Post) {
			if on, missed, anchor := relieved(m, r, expected, att, today); !on.IsZero() {
				rs.EffectivePost = ""
				rs.Relieved = on
				s.add(KindPost, "第九条第3款", on, msgRelieved, r.Post, r.Name, date(anchor), LeaderIdleMonths, missed, date(on))
				continue
			}
		}
		posts[rs.EffectivePost] = true
	}
	for _, p := range member.HeldPosts {
		if posts[p.Value] {
			s.Posts = append(s.Posts, p.Value)
		}
	}
	if len(s.Posts) == 0 {
		s.Posts = []string{member.PostNone}
	}
}

// left says what Article 7 made of a representative who left the post in
// the unit: the post is void; still in Zhengzhou, the person is an
// ordinary individual member (named by the member press made), unless they
// took another position; having left the city, they are not a member.
func left(s *MemberStatus, r *member.Representative, today time.Time, ds *member.Dataset) {
	post := r.Post
	switch {
	case r.LeftCity && post != "":
		s.add(KindPost, "第七条", dayOf(r.Left), msgLeftPostCity, r.Name, date(r.Left), post)
		return
	case r.LeftCity:
		s.add(KindPost, "第七条", dayOf(r.Left), msgLeftCity, r.Name, date(r.Left))
		return
	}
	became := loc{msgBecameIndividual, nil}
	if p := r.Person; p != nil {
		if im := ds.Member(p.ID); im != nil && im.Individual() {
			became = loc{msgBecameMember, []any{im.ID}}
		} else {
			for _, q := range p.Positions {
				if q != r && q.CurrentOn(today) && q.Member != nil {
					became = loc{msgMoved, []any{q.Member.Name, q.Role}}
				}
			}
		}
	}
	if post != "" {
		s.add(KindPost, "第七条", dayOf(r.Left), msgLeftPost, r.Name, date(r.Left), post, became)
	} else {
		s.add(KindPost, "第七条", dayOf(r.Left), msgLeft, r.Name, date(r.Left), became)
	}
}

// Predecessor returns the representative whose post r took over, when r's
// post therefore needs the council's approval (Article 8), and whether r's
// start in office was inferred. Predecessors are the unit's representatives
// with a post who had left by today, other than r's own person; r is a
// successor when it took office on or after the predecessor left, when its
// since is not recorded and it holds the predecessor's role (there is one
// 主代表 at a time, so it came after), or when it holds the predecessor's
// very post (a 副代表 handed the departed 主代表's post).
func Predecessor(m *member.Member, r *member.Representative, today time.Time) (*member.Representative, bool) {
	var found *member.Representative
	inferred := false
	for _, p := range m.Representatives {
		if p == r || p.Post == "" || p.Left.IsZero() || dayOf(p.Left).After(today) {
			continue
		}
		if p.Person != nil && p.Person == r.Person {
			continue // the same person in another role keeps what was approved
		}
		after := !r.Since.IsZero() && !dayOf(r.Since).Before(dayOf(p.Left))
		sameRole := r.Since.IsZero() && r.Role == p.Role
		samePost := r.Post == p.Post
		if !after && !sameRole && !samePost {
			continue
		}
		if found == nil || p.Left.After(found.Left) {
			found, inferred = p, sameRole && !after
		}
	}
	return found, inferred
}

// unapproved says why a successor's post is not approved: no approval
// recorded, or one dated before the successor took office; "" when it is
// approved.
func unapproved(r *member.Representative, today time.Time) (sentence, []any) {
	const approved = sentence("")
	switch {
	case r.PostSince.IsZero():
		return msgNoApproval, []any{r.Post}
	case dayOf(r.PostSince).After(today):
		return msgApprovalLater, []any{date(r.PostSince)}
	case !r.Since.IsZero() && dayOf(r.PostSince).Before(dayOf(r.Since)):
		return msgApprovalBefore, []any{date(r.PostSince), date(r.Since)}
	}
	return approved, nil
}

// tookOffice is when r became the unit's representative: since, else,
// for a successor in the same role, the day the predecessor left (Article
// 6: one 主代表 at a time), else the unit's joining.
func tookOffice(m *member.Member, r *member.Representative, today time.Time) time.Time {
	if !r.Since.IsZero() {
		return r.Since
	}
	var t time.Time
	for _, p := range m.Representatives {
		if p != r && p.Role == r.Role && !p.Left.IsZero() && !dayOf(p.Left).After(today) && p.Left.After(t) {
			t = p.Left
		}
	}
	if t.IsZero() {
		return m.Joined
	}
	return t
}

// relieved applies Article 9.3 to a leader: the first span of six months,
// counted from taking the post or from the last activity attended in
// person, in which the leader missed at least one activity and attended
// none. It returns the day the leader was relieved (zero if never), the
// activities missed in that span and the day the span began.
func relieved(m *member.Member, r *member.Representative, expected []*member.Activity, att attendance, today time.Time) (time.Time, int, time.Time) {
	anchor := dayOf(laterOf(laterOf(m.Joined, tookOffice(m, r, today)), r.PostSince))
	idleUntil := func(t time.Time) time.Time { return t.AddDate(0, LeaderIdleMonths, 0) }
	missed := 0
	for _, a := range expected {
		d := dayOf(a.Start)
		if d.Before(anchor) {
			continue
		}
		if !d.Before(idleUntil(anchor)) && missed > 0 {
			return idleUntil(anchor), missed, anchor
		}
		if att.person(a, r.Name) {
			anchor, missed = d, 0
		} else if d.Before(idleUntil(anchor)) {
			missed++
		}
	}
	if missed > 0 && !today.Before(idleUntil(anchor)) {
		return idleUntil(anchor), missed, anchor
	}
	return time.Time{}, 0, time.Time{}
}

func date(t time.Time) string { return t.In(clock.Zone).Format("2006-01-02") }
