package e2e

import "testing"

// keyPages are one page of each kind the site has.
var keyPages = []string{
	"/", "/about/", "/organization/", "/organization/administration/",
	"/membership/", "/membership/guide/", "/membership/fees/", "/membership/rules/",
	"/news/", "/news/2026-11-12-journal-new-issue/", "/notices/", "/notices/2026-11-02-membership-fees/",
	"/members/", "/members/m03-jinshui/", "/members/p64-individual/", "/members/regions/", "/members/regions/jinshui/",
	"/activities/", "/activities/2026-11-22-training/", "/activities/2027-01-12-training-camp/",
	"/activities/archive/", "/activities/archive/2026/", "/activities/calendar/", "/activities/calendar/2027-01/",
	"/chronicle/", "/journal/", "/journal/2026-2/", "/journal/2026-1/jishu-ai-zhijian/",
	"/whitepapers/", "/whitepapers/2026-zhongxiao-qiye-shuzihua/", "/newsletter/", "/newsletter/2026-03/",
	"/contact/", "/search/", "/404.html",
	"/gallery/", "/gallery/2026-10-22-seminar/", "/about/charter/", "/notices/2026-09-25-data-security-training-registration/",
}

// TestPagesAccessible opens one page of each kind on a desktop screen and
// runs axe-core on it; the tab fails the test on console errors and
// requests to other hosts.
func TestPagesAccessible(t *testing.T) {
	tb := openTab(t, false)
	for _, p := range keyPages {
		tb.open(p)
		tb.axe("")
	}
}
