package member

import (
	"github.com/zzia/press/internal/msg"
	"sort"
	"strings"
	"time"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/diag"
)

// Sources are the parsed files of a site's data, before Assemble joins
// them.
type Sources struct {
	Members    []*Member // member units (data/members)
	People     []*Person // data/people
	Approvals  []*Approval
	Activities []*Activity
	Chronicle  []Milestone
	// Unread are the ids (file names without extension) of data files
	// that gave no record: their own errors say why, and references to
	// them are not reported again (one file saved as GBK would otherwise
	// bury its error under every attendance naming it).
	Unread []string
	// UnreadUnit: a member unit's file is among them. Who of the people
	// is an individual member by Article 7 then depends on a file not
	// read: a reference to a person is not reported either.
	UnreadUnit bool
}

// UnitPosts lists, for each unit level, the association posts its
// representatives may hold (Article 6 with the fee table's levels): 会长 and
// 副会长 come from 副会长单位; 理事 and 秘书长 from 理事单位 and above; a
// 普通会员单位 or an individual member holds at most 副秘书长 (理事及理事以上会员
// 均视为单位会员).
var UnitPosts = map[string][]string{
	LevelVicePresident: {PostPresident, PostVicePresident, PostSecretaryGen, PostDeputySecGen, PostCouncil},
	LevelCouncil:       {PostSecretaryGen, PostDeputySecGen, PostCouncil},
	LevelOrdinary:      {PostDeputySecGen},
	LevelIndividual:    {PostDeputySecGen},
}

// PostAllowed reports whether a representative of a member of level may
// hold post.
func PostAllowed(level, post string) bool {
	for _, p := range UnitPosts[level] {
		if p == post {
			return true
		}
	}
	return false
}

// CurrentOn reports whether the representative holds the position on day:
// since (if recorded) is not after it and left (if recorded) is after it.
func (r *Representative) CurrentOn(day time.Time) bool {
	return (r.Since.IsZero() || !dayOf(r.Since).After(day)) && (r.Left.IsZero() || dayOf(r.Left).After(day))
}

// dayOf returns the start of t's day in clock.Zone.
func dayOf(t time.Time) time.Time {
	y, mo, d := t.In(clock.Zone).Date()
	return time.Date(y, mo, d, 0, 0, 0, 0, clock.Zone)
}

type assembler struct {
	ds    *Dataset
	lang  msg.Lang  // the language of the diagnostics
	today time.Time // zero: the checks that depend on the day are skipped
	diags diag.List
	// unread are the ids of files that gave no record (Sources.Unread);
	// unreadUnit is Sources.UnreadUnit.
	unread     map[string]bool
	unreadUnit bool
}

func (a *assembler) errorAt(p Pos, hint string, key Msg, args ...any) {
	a.diags = append(a.diags, diag.Diagnostic{File: p.File, Line: p.Line, Column: p.Column,
		Message: a.tr(key, args...), Hint: hint})
}

// refError reports a reference to id that names nothing, unless id is a
// file that could not be read (Sources.Unread), whose own error says so,
// or a person's while a unit's file could not be read (UnreadUnit).
func (a *assembler) refError(id string, p Pos, hint string, key Msg, args ...any) {
	if a.unread[id] || (a.unreadUnit && a.ds.personByID[id] != nil) {
		return
	}
	a.errorAt(p, hint, key, args...)
}

func (a *assembler) warnAt(p Pos, hint string, key Msg, args ...any) {
	a.diags = append(a.diags, diag.Diagnostic{File: p.File, Line: p.Line, Column: p.Column,
		Severity: diag.Warning, Message: a.tr(key, args...), Hint: hint})
}

// Assemble builds a dataset from parsed files as of today and runs the
// checks that span files or depend on the day:
//
//   - duplicate ids (naming both files); a person's id may not be a unit's;
//   - representatives name known people; post_since points to an entry of
//     the approval register, whose members and people exist;
//   - Article 6 as of today: each unit has exactly one current 主代表 and
//     at most one 副代表, whose posts agree with the unit's level;
//   - nothing dated after today that says it happened: a held activity, a
//     joining, an approval;
//   - attendance and invitations name known members, and persons who are
//     the member's representatives.
//
// It also makes the individual members: people with a membership, and,
// by Article 7, people who left their post in a member unit by today, hold
// no other, and are still in Zhengzhou.
//
// A zero today skips the checks that depend on the day and makes no
// Article 7 members (for tests of single files). Diagnostics are in
// language l.
func Assemble(l msg.Lang, src Sources, today time.Time) (*Dataset, diag.List) {
	a := &assembler{lang: l, today: today, unread: make(map[string]bool, len(src.Unread)), unreadUnit: src.UnreadUnit}
	for _, id := range src.Unread {
		a.unread[id] = true
	}
	if !today.IsZero() {
		a.today = dayOf(today)
	}
	ds := &Dataset{
		Today:        a.today,
		memberByID:   make(map[string]*Member, len(src.Members)+len(src.People)),
		personByID:   make(map[string]*Person, len(src.People)),
		activityByID: make(map[string]*Activity, len(src.Activities)),
		Chronicle:    src.Chronicle,
	}
	a.ds = ds
	a.people(src.People)
	a.units(src.Members)
	a.approvals(src.Approvals)
	a.positions()
	a.individuals()
	sort.Slice(ds.Members, func(i, j int) bool { return ds.Members[i].ID < ds.Members[j].ID })
	if !a.today.IsZero() {
		for _, m := range ds.Members {
			a.article6(m)
		}
	}
	a.receipts()
	a.activities(src.Activities)
	return ds, a.diags
}

// receipts checks that no receipt or invoice number is used twice: each is
// the number of one document the association issued.
func (a *assembler) receipts() {
	type key struct{ kind, number string }
	seen := map[key]Pos{}
	for _, m := range a.ds.Members {
		for _, f := range m.Fees {
			for _, k := range []struct {
				kind, number string
				pos          Pos
			}{{"receipt", f.Receipt, f.receiptPos}, {"invoice", f.Invoice, f.invoicePos}} {
				if k.number == "" {
					continue
				}
				kk := key{k.kind, k.number}
				if prev, dup := seen[kk]; dup {
					if prev != k.pos {
						a.errorAt(k.pos, "", MsgDuplicateReceipt, k.kind, k.number, formatPos(prev))
					}
					continue
				}
				seen[kk] = k.pos
			}
		}
	}
}

// distinct indexes list in byID, in the order of its files, and returns
// the items indexed: an item without an id is left out, and so is one
// whose id an earlier file has (an error naming both) or that keep (when
// not nil) refuses.
func distinct[T any](a *assembler, list []T, key func(T) (string, Pos), byID map[string]T, keep func(T) bool) []T {
	file := func(x T) string { _, p := key(x); return p.File }
	sort.SliceStable(list, func(i, j int) bool { return file(list[i]) < file(list[j]) })
	var out []T
	for _, x := range list {
		id, pos := key(x)
		if id == "" {
			continue
		}
		if prev, dup := byID[id]; dup {
			_, at := key(prev)
			a.errorAt(pos, a.tr(HintAlsoAt, formatPos(at)), MsgDuplicateID, id)
			continue
		}
		if keep != nil && !keep(x) {
			continue
		}
		byID[id] = x
		out = append(out, x)
	}
	return out
}

func (a *assembler) people(people []*Person) {
	ds := a.ds
	ds.People = distinct(a, people, func(p *Person) (string, Pos) { return p.ID, p.Pos }, ds.personByID, nil)
	sort.Slice(ds.People, func(i, j int) bool { return ds.People[i].ID < ds.People[j].ID })
}

func (a *assembler) units(members []*Member) {
	ds := a.ds
	// Individual members are reached by their person's id: one namespace
	// for the directory's addresses.
	notPerson := func(m *Member) bool {
		if p := ds.personByID[m.ID]; p != nil {
			a.errorAt(p.Pos, a.tr(HintRenameID), MsgIDTaken, m.ID, m.Pos.File, p.Pos.File)
			return false
		}
		return true
	}
	units := distinct(a, members, func(m *Member) (string, Pos) { return m.ID, m.Pos }, ds.memberByID, notPerson)
	ds.Members = append(ds.Members, units...)
	for _, m := range units {
		if !a.today.IsZero() && !m.Joined.IsZero() && dayOf(m.Joined).After(a.today) {
			a.errorAt(m.Pos, a.tr(HintFutureDate), MsgFutureJoined, "joined", day(m.Joined), day(a.today))
		}
	}
}

type approvalKey struct {
	date                 string
	member, person, post string
}

func (a *assembler) approvals(list []*Approval) {
	ds := a.ds
	seen := map[approvalKey]bool{}
	for _, ap := range list {
		ok := true
		if ds.memberByID[ap.Member] == nil {
			a.refError(ap.Member, ap.Pos, a.memberHint(ap.Member), MsgNoSuchMember, ap.Member)
			ok = false
		}
		if ds.personByID[ap.Person] == nil {
			a.refError(ap.Person, ap.Pos, a.personHint(ap.Person), MsgUnknownPersonID, ap.Person)
			ok = false
		}
		if !a.today.IsZero() && dayOf(ap.Date).After(a.today) {
			a.errorAt(ap.Pos, a.tr(HintFutureDate), MsgFutureApproval, day(ap.Date), day(a.today))
			ok = false
		}
		k := approvalKey{day(ap.Date), ap.Member, ap.Person, ap.Post}
		if seen[k] {
			a.errorAt(ap.Pos, "", MsgDuplicateApproval, ap.Person, ap.Post, ap.Member, day(ap.Date))
			ok = false
		}
		seen[k] = true
		if ok {
			ds.Approvals = append(ds.Approvals, ap)
		}
	}
	sortApprovals(ds.Approvals)
}

func (a *assembler) memberHint(id string) string {
	if near := nearest(id, sortedKeys(a.ds.memberByID)); near != "" {
		return a.tr(HintDidYouMean, near)
	}
	return ""
}

func (a *assembler) personHint(id string) string {
	if near := nearest(id, sortedKeys(a.ds.personByID)); near != "" {
		return a.tr(HintDidYouMean, near)
	}
	return a.tr(HintNewPerson, id)
}

// positions joins the units' representative entries to their people and
// their post_since to the approval register.
func (a *assembler) positions() {
	ds := a.ds
	register := map[approvalKey]*Approval{}
	byPerson := map[string][]*Approval{}
	for _, ap := range ds.Approvals {
		register[approvalKey{day(ap.Date), ap.Member, ap.Person, ap.Post}] = ap
		byPerson[ap.Person] = append(byPerson[ap.Person], ap)
	}
	for _, m := range ds.Members {
		for _, r := range m.Representatives {
			r.Member = m
			if r.PersonID == "" {
				continue // built in Go (tests), or reported by ParseMember
			}
			p := ds.personByID[r.PersonID]
			if p == nil {
				a.refError(r.PersonID, r.Pos, a.personHint(r.PersonID), MsgUnknownPersonID, r.PersonID)
				continue
			}
			if r.Name != "" && r.Name != p.Name {
				a.errorAt(r.Pos, "", MsgRepNameMismatch, r.Name, p.Name, p.Pos.File)
			}
			r.Person, r.Name, r.Contact = p, p.Name, p.Contact
			r.LeftCity = !p.LeftCity.IsZero() && (a.today.IsZero() || !dayOf(p.LeftCity).After(a.today))
			p.Positions = append(p.Positions, r)
			if r.PostSince.IsZero() || r.Post == "" {
				continue
			}
			if ap := register[approvalKey{day(r.PostSince), m.ID, p.ID, r.Post}]; ap != nil {
				r.Approval = ap
				continue
			}
			hint := a.tr(HintRegister)
			if list := byPerson[p.ID]; len(list) > 0 {
				var parts []string
				for _, ap := range list {
					parts = append(parts, day(ap.Date)+" "+ap.Post+"（"+ap.Member+"，"+ap.Meeting+"）")
				}
				hint = a.tr(HintApprovals, strings.Join(parts, "；"))
			}
			a.errorAt(r.postSincePos, hint, MsgNoApproval, day(r.PostSince), p.Name, r.Post, m.ID)
		}
	}
	for _, p := range ds.People {
		sort.SliceStable(p.Positions, func(i, j int) bool {
			return startOf(p.Positions[i]).Before(startOf(p.Positions[j]))
		})
	}
}

// startOf is when a position began: since, else the unit's joining.
func startOf(r *Representative) time.Time {
	if !r.Since.IsZero() || r.Member == nil {
		return r.Since
	}
	return r.Member.Joined
}

// individuals makes the individual members: people with a membership
// joined on a given day, and, by Article 7, people who left their post in a
// member unit by today, hold no other position today and had not left
// Zhengzhou when they left the post. The latter are members from the day
// they left the post, with the region, industry and listing of the unit
// unless their membership says otherwise.
func (a *assembler) individuals() {
	ds := a.ds
	for _, p := range ds.People {
		ms := p.Membership
		explicit := ms != nil && !ms.Joined.IsZero()
		var from *Representative
		if !a.today.IsZero() {
			current := false
			for _, r := range p.Positions {
				if r.CurrentOn(a.today) {
					current = true
				}
				if r.HasLeft(a.today) && (from == nil || r.Left.After(from.Left)) {
					from = r
				}
			}
			if current || (from != nil && !p.LeftCity.IsZero() && !dayOf(p.LeftCity).After(dayOf(from.Left))) {
				from = nil
			}
		}
		if !explicit && from == nil {
			if ms != nil && len(p.Positions) == 0 {
				a.errorAt(ms.Pos, "", MsgMembershipField, "joined", p.Name)
			}
			continue
		}
		if other := ds.memberByID[p.ID]; other != nil {
			continue // reported by units
		}
		m := &Member{ID: p.ID, Pos: p.Pos, Name: p.Name, Level: LevelIndividual, UnitType: "个人",
			Person: p, Contact: p.Contact, Notes: p.Notes}
		var unit *Member
		if from != nil {
			unit = from.Member
		} else if n := len(p.Positions); n > 0 {
			unit = p.Positions[n-1].Member
		}
		if explicit {
			m.Joined = ms.Joined
			if !a.today.IsZero() && dayOf(ms.Joined).After(a.today) {
				a.errorAt(ms.Pos, a.tr(HintFutureDate), MsgFutureJoined, "membership.joined", day(ms.Joined), day(a.today))
			}
			if !p.LeftCity.IsZero() && p.LeftCity.Before(ms.Joined) {
				a.errorAt(ms.Pos, "", MsgLeftCityBeforeJoined, day(p.LeftCity), day(ms.Joined))
			}
		} else {
			m.Joined, m.Derived, m.Former = dayOf(from.Left), true, from
		}
		var listed *bool
		if ms != nil {
			m.Region, m.Industry, listed = ms.Region, ms.Industry, ms.Listed
			m.Website, m.Intro, m.Fees, m.FeesRecordedSince = ms.Website, ms.Intro, ms.Fees, ms.FeesRecordedSince
		}
		if unit != nil {
			if m.Region == "" {
				m.Region = unit.Region
			}
			if m.Industry == "" {
				m.Industry = unit.Industry
			}
			if listed == nil {
				listed = &unit.Listed
			}
		}
		where := p.Pos
		if ms != nil {
			where = ms.Pos
		}
		for _, f := range []struct {
			key     string
			missing bool
		}{{"region", m.Region == ""}, {"industry", m.Industry == ""}, {"listed", listed == nil}} {
			if f.missing {
				a.errorAt(where, "", MsgMembershipField, f.key, p.Name)
			}
		}
		if listed != nil {
			m.Listed = *listed
		}
		rep := &Representative{Pos: p.Pos, Role: RoleMain, PersonID: p.ID, Person: p, Member: m, Name: p.Name,
			Since: m.Joined, Contact: p.Contact}
		if !p.LeftCity.IsZero() {
			rep.Left, rep.LeftCity = dayOf(p.LeftCity), true
		}
		m.Representatives = []*Representative{rep}
		ds.memberByID[m.ID] = m
		ds.Members = append(ds.Members, m)
	}
}

// article6 checks a unit's representatives as of today: exactly one
// current 主代表, at most one 副代表, and posts the unit's level allows.
func (a *assembler) article6(m *Member) {
	if m.Individual() || len(m.Representatives) == 0 || m.badReps {
		return
	}
	for _, r := range m.Representatives {
		if r.PersonID != "" && r.Person == nil {
			return // an unknown person, reported
		}
	}
	var cur []*Representative
	for _, r := range m.Representatives {
		if r.Role != "" && r.CurrentOn(a.today) {
			cur = append(cur, r)
		}
	}
	if len(cur) == 0 {
		a.errorAt(m.Representatives[len(m.Representatives)-1].Pos, a.tr(HintAddMain), MsgNoCurrentRep, day(a.today))
		return
	}
	roles := map[string]int{}
	for _, r := range cur {
		roles[r.Role]++
		if roles[r.Role] == 2 {
			a.errorAt(r.Pos, "", MsgDuplicateRole, r.Role)
		}
		if r.Post != "" && m.Level != "" && !PostAllowed(m.Level, r.Post) {
			p := r.postPos
			if p.File == "" {
				p = r.Pos
			}
			a.errorAt(p, a.tr(HintLevelPosts, m.Level, strings.Join(UnitPosts[m.Level], "、")), MsgLevelPost, m.Level, r.Post)
		}
	}
	if roles[RoleMain] == 0 {
		a.errorAt(cur[0].Pos, a.tr(HintAddMain), MsgNoCurrentMain, day(a.today))
	}
}

// activities indexes the activities and checks what they say of members:
// a held activity is not in the future; attendance and invitations name
// members, and persons who are their representatives.
func (a *assembler) activities(list []*Activity) {
	ds := a.ds
	ds.Activities = distinct(a, list, func(act *Activity) (string, Pos) { return act.ID, act.Pos }, ds.activityByID, nil)
	sort.SliceStable(ds.Activities, func(i, j int) bool {
		x, y := ds.Activities[i], ds.Activities[j]
		if !x.Start.Equal(y.Start) {
			return x.Start.Before(y.Start)
		}
		return x.ID < y.ID
	})
	for _, act := range ds.Activities {
		if !a.today.IsZero() && act.Held() && !act.Start.IsZero() && dayOf(act.Start).After(a.today) {
			p := act.statusPos
			if p.File == "" {
				p = act.Pos
			}
			a.errorAt(p, a.tr(HintPlanned), MsgFutureHeld, day(act.Start), day(a.today))
		}
		if len(act.Invited) > 0 {
			act.invited = make(map[string]bool, len(act.Invited))
		}
		for i, id := range act.Invited {
			act.invited[id] = true
			if ds.memberByID[id] == nil {
				p := act.Pos
				if i < len(act.invitedPos) {
					p = act.invitedPos[i]
				}
				a.refError(id, p, a.memberHint(id), MsgNoSuchMember, id)
			}
		}
		for ai := range act.Attendance {
			at := &act.Attendance[ai]
			m := ds.memberByID[at.Member]
			if m == nil {
				if p := ds.personByID[at.Member]; p != nil {
					hint := ""
					for _, r := range p.Positions {
						if r.Member != nil && (act.Start.IsZero() || r.CurrentOn(dayOf(act.Start))) {
							hint = a.tr(HintAttendAsUnit, r.Member.ID)
						}
					}
					a.refError(at.Member, at.Pos, hint, MsgPersonNotMember, at.Member)
					continue
				}
				a.refError(at.Member, at.Pos, a.memberHint(at.Member), MsgUnknownMember, at.Member)
				continue
			}
			if !m.Joined.IsZero() && !act.Start.IsZero() && act.Start.Before(m.Joined) {
				a.warnAt(at.Pos, "", MsgAttendBeforeJoin, at.Member, day(act.Start), day(m.Joined))
			}
			for i, p := range at.Persons {
				if m.hasRepresentative(p) {
					continue
				}
				if ps := ds.personByID[p]; ps != nil && m.hasRepresentative(ps.Name) {
					at.Persons[i] = ps.Name // the person's id instead of the name
					continue
				}
				names := make([]string, len(m.Representatives))
				for j, r := range m.Representatives {
					names[j] = r.Name
				}
				hint := a.tr(HintAttendRep)
				if near := nearest(p, names); near != "" {
					hint = a.tr(HintDidYouMean, near)
				}
				a.errorAt(at.personPos[i], hint, MsgUnknownPerson, p, m.ID)
			}
		}
	}
}

// hasRepresentative reports whether one of m's representatives is named name.
func (m *Member) hasRepresentative(name string) bool {
	for _, r := range m.Representatives {
		if r.Name == name {
			return true
		}
	}
	return false
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
