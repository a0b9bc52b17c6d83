package directory

import (
	"testing"

	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/rules"
)

// TestLogoOnlyWhenPublic: a member's logo (or photo) reaches the public
// directory only when marked logo_public.
func TestLogoOnlyWhenPublic(t *testing.T) {
	for _, public := range []bool{false, true} {
		m := &member.Member{ID: "m1", Name: "甲", Level: member.LevelOrdinary, Logo: "images/members/m1.png", LogoPublic: public}
		got := publicMember(m, &rules.MemberStatus{ID: "m1", Status: rules.Active}).Logo
		if want := map[bool]string{false: "", true: "images/members/m1.png"}[public]; got != want {
			t.Errorf("logo_public %v: logo %q, want %q", public, got, want)
		}
	}
}
