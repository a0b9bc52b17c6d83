package pipeline

import (
	"errors"
	"strings"

	"github.com/zzia/press/internal/clock"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/history"
)

// pageVersion is what templates learn of a source file's history
// (hugo.Data.press.history, keyed by the path relative to the site): when it
// last changed, and the commit, which pages show only when the site's config
// asks for it (params.pageHistory.commit). Who made the change and the
// commit message stay out: they are the editors' business, not the readers'.
type pageVersion struct {
	Date     string `json:"date"`     // 2026-11-27, in the association's time zone
	DateTime string `json:"datetime"` // RFC 3339
	Commit   string `json:"commit"`   // abbreviated hash
	Hash     string `json:"hash"`
}

// pageHistory reads the site's git history in one pass and adds each
// content and data file's last change to gen. A site outside git has no
// history; a shallow clone gives a warning and the pages fall back to the
// dates in their front matter.
func pageHistory(opts Options, gen *generated) (*history.History, diag.List) {
	h, err := history.Load(opts.Source)
	if errors.Is(err, history.ErrNoRepository) {
		return nil, nil
	}
	if err != nil {
		return nil, diag.List{{Severity: diag.Warning, Message: opts.Lang.T("history.failed", err)}}
	}
	var l diag.List
	for _, w := range h.Warnings {
		l = append(l, diag.Diagnostic{Severity: diag.Warning, Message: w})
	}
	if h.Shallow {
		l = append(l, diag.Diagnostic{Severity: diag.Warning, Message: opts.Lang.T("history.shallow"), Hint: opts.Lang.T("history.shallow.hint")})
	}
	versions := map[string]pageVersion{}
	for _, p := range h.Paths() {
		if !strings.HasPrefix(p, "content/") && !strings.HasPrefix(p, "data/") {
			continue
		}
		f, _ := h.File(p)
		versions[p] = pageVersion{
			Date:     f.Modified.In(clock.Zone).Format("2006-01-02"),
			DateTime: f.Modified.In(clock.Zone).Format("2006-01-02T15:04:05-07:00"),
			Commit:   short(f.Last.Hash),
			Hash:     f.Last.Hash,
		}
	}
	gen.addData("history", versions)
	return h, l
}

func short(h string) string {
	if len(h) > 7 {
		return h[:7]
	}
	return h
}
