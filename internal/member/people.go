package member

import (
	"crypto/sha256"
	"github.com/zzia/press/internal/msg"
	"slices"
	"sort"
	"strings"

	"github.com/zzia/press/internal/diag"
)

var personSchema = &schema{
	fields:   []string{"id", "name", "contact", "left_city", "notes", "membership"},
	required: []string{"id", "name"},
	labels:   map[string]string{"id": "标识", "name": "姓名"},
}

var membershipSchema = &schema{
	fields: []string{"joined", "region", "industry", "listed", "website", "intro", "fees", "fees_recorded_since"},
}

var approvalsSchema = &schema{
	fields:   []string{"approvals"},
	required: []string{"approvals"},
	labels:   map[string]string{"approvals": "审批登记"},
}

var approvalSchema = &schema{
	fields:   []string{"date", "meeting", "member", "person", "post", "note"},
	required: []string{"date", "meeting", "member", "person", "post"},
	labels: map[string]string{"date": "日期", "meeting": "会议", "member": "会员标识",
		"person": "人员标识", "post": "会内职务"},
}

// ParsePerson reads one person's file. name is the file's path relative to
// the site (data/people/<id>.yaml). The positions the person holds in
// member units are filled in by Assemble.
func ParsePerson(lang msg.Lang, name string, src []byte) (*Person, diag.List) {
	return parseCached(lang, name, src, [sha256.Size]byte{}, nil, decodePerson)
}

// clone is a copy of p, as decoded from its file, that Assemble can change
// without changing p: the membership and its fees are copied, and so is the
// list of positions.
func (p *Person) clone() *Person {
	c := *p
	if p.Membership != nil {
		ms := *p.Membership
		ms.Fees = slices.Clone(ms.Fees)
		if ms.Listed != nil {
			l := *ms.Listed
			ms.Listed = &l
		}
		c.Membership = &ms
	}
	c.Positions = slices.Clone(p.Positions)
	return &c
}

// decodePerson decodes the person file name (bytes src).
func decodePerson(lang msg.Lang, name string, src []byte, c *ParseCache) (*Person, diag.List) {
	d, fs, ok := openFileCached(lang, name, src, "person", personSchema, c)
	if !ok {
		return nil, d.diags
	}
	p := &Person{}
	p.ID, p.Pos = d.id(fs, name)
	p.Name = strings.TrimSpace(d.text(fs, "name"))
	p.Contact = d.contact(fs)
	p.LeftCity, _ = d.date(fs, "left_city")
	p.Notes = d.optText(fs, "notes")
	if f, has := fs["membership"]; has && f.value != nil {
		if mfs, ok := d.object(f.value, "membership", f.keyPos, membershipSchema); ok {
			ms := &Membership{Pos: f.keyPos}
			ms.Joined, _ = d.date(mfs, "joined")
			if g := mfs["region"]; g.value != nil {
				ms.Region = d.choice(mfs, "region", Regions)
			}
			if g := mfs["industry"]; g.value != nil {
				ms.Industry = d.choice(mfs, "industry", Industries)
			}
			if g := mfs["listed"]; g.value != nil {
				if b, ok := d.boolean(mfs, "listed"); ok {
					ms.Listed = &b
				}
			}
			ms.Website = d.url(mfs, "website")
			ms.Intro = d.optText(mfs, "intro")
			ms.Fees = d.fees(mfs, LevelIndividual)
			ms.FeesRecordedSince, _ = d.integer(mfs, "fees_recorded_since", 1990, 2200)
			p.Membership = ms
		}
	}
	return p, d.diags
}

// ParseApprovals reads the approval register, data/approvals.yaml: a
// mapping with an approvals list of {date, meeting, member, person, post,
// note}. Whether the member, the person and the post exist is checked by
// Assemble.
func ParseApprovals(lang msg.Lang, name string, src []byte) ([]*Approval, diag.List) {
	d, fs, ok := openFile(lang, name, src, "approvals", approvalsSchema)
	if !ok {
		return nil, d.diags
	}
	var out []*Approval
	for _, item := range d.list(fs, "approvals") {
		afs, ok := d.object(item, "approval", d.pos(item), approvalSchema)
		if !ok {
			continue
		}
		a := &Approval{Pos: d.pos(item)}
		a.Date, _ = d.date(afs, "date")
		a.Meeting = d.text(afs, "meeting")
		a.Member = strings.TrimSpace(d.text(afs, "member"))
		a.Person = strings.TrimSpace(d.text(afs, "person"))
		a.Post = d.choice(afs, "post", HeldPosts)
		a.Note = d.optText(afs, "note")
		if a.Date.IsZero() || a.Member == "" || a.Person == "" || a.Post == "" {
			continue
		}
		out = append(out, a)
	}
	sortApprovals(out)
	return out, d.diags
}

func sortApprovals(as []*Approval) {
	sort.SliceStable(as, func(i, j int) bool {
		a, b := as[i], as[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.Before(b.Date)
		}
		if a.Member != b.Member {
			return a.Member < b.Member
		}
		if a.Person != b.Person {
			return a.Person < b.Person
		}
		return Posts.Index(a.Post) < Posts.Index(b.Post)
	})
}
