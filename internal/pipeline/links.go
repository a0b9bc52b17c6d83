package pipeline

import (
	"bytes"
	"io/fs"
	"net/url"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/zzia/press/internal/content"
	"github.com/zzia/press/internal/diag"
	"github.com/zzia/press/internal/editdist"
	"github.com/zzia/press/internal/linkcheck"
	"github.com/zzia/press/internal/msg"
)

// checkLinks reports every broken internal link and image in the built site
// at the place in the source where it was written, when it can be found there.
// files are the site's files (listFiles).
func checkLinks(lang msg.Lang, out fs.FS, files []string, base string, sources map[string]string, srcDir string, scanned *linkcheck.Pages) (diag.List, error) {
	broken, err := linkcheck.CheckListed(out, files, base, scanned)
	if err != nil {
		return nil, err
	}
	return linkDiagnostics(lang, broken, sources, srcDir), nil
}

// linkDiagnostics are the diagnostics of broken links (see checkLinks):
// sources are the pages' content files by URL, relative to srcDir.
func linkDiagnostics(lang msg.Lang, broken []linkcheck.Broken, sources map[string]string, srcDir string) diag.List {
	if len(broken) == 0 {
		return nil
	}
	var known []string
	for u := range sources {
		known = append(known, u)
	}
	sort.Strings(known)
	cache := map[string][]byte{}
	var l diag.List
	for _, b := range broken {
		pageURL := "/" + strings.TrimSuffix(b.Page, "index.html")
		d := diag.Diagnostic{File: b.Page}
		// The reference as the editor wrote it: Hugo percent-encodes
		// Chinese and emoji in the pages it writes.
		written := b.Target
		if u, err := url.PathUnescape(b.Target); err == nil && utf8.ValidString(u) {
			written = u
		}
		if src, ok := sources[pageURL]; ok {
			d.File = src
			if _, seen := cache[src]; !seen {
				cache[src], _ = content.ReadFile(filepath.Join(srcDir, filepath.FromSlash(src)))
			}
			d.Line, d.Column = position(cache[src], b.Target, written)
		}
		if b.Reason == "missing anchor" {
			d.Message = lang.T("link.anchor", pageURL, written)
			if b.Near != "" {
				before, _, _ := strings.Cut(written, "#")
				d.Hint = lang.T("hint.didyoumean", before+"#"+b.Near)
			}
		} else {
			d.Message = lang.T("link.missing", pageURL, written)
			if s := suggest(b.Target, known); s != "" {
				d.Hint = lang.T("hint.didyoumean", s)
			}
		}
		l = append(l, d)
	}
	l.Sort()
	return l
}

// position finds the 1-based line and column (in characters) of target in
// src, or of written (target unescaped), or of target's path without the
// fragment; 0, 0 when none is there.
func position(src []byte, target, written string) (int, int) {
	for _, t := range []string{target, written, strings.SplitN(target, "#", 2)[0]} {
		if t == "" {
			continue
		}
		i := bytes.Index(src, []byte(t))
		if i < 0 {
			continue
		}
		line := bytes.Count(src[:i], []byte("\n")) + 1
		start := bytes.LastIndexByte(src[:i], '\n') + 1
		return line, utf8.RuneCount(src[start:i]) + 1
	}
	return 0, 0
}

// suggest returns the page URL closest to the broken target, if one is close.
func suggest(target string, known []string) string {
	u, err := url.Parse(target)
	if err != nil || u.Path == "" {
		return ""
	}
	p := u.Path
	if !strings.HasSuffix(p, "/") && !strings.Contains(p[strings.LastIndex(p, "/")+1:], ".") {
		p += "/"
	}
	best, bestD := "", len(p)/3+2
	for _, k := range known {
		if d := editdist.Distance(p, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// walkOrder returns the names of set (slash-separated file paths) in the
// order fs.WalkDir visits them: the names of each folder's entries
// compared, so that "a/b" comes before "a.txt" (a plain sort puts '.'
// before '/').
func walkOrder(set map[string]bool) []string {
	names := make([]string, 0, len(set))
	for n := range set {
		names = append(names, n)
	}
	slices.SortFunc(names, func(a, b string) int {
		for {
			ea, ra, _ := strings.Cut(a, "/")
			eb, rb, _ := strings.Cut(b, "/")
			if c := strings.Compare(ea, eb); c != 0 || (ra == "" && rb == "") {
				return c
			}
			a, b = ra, rb
		}
	})
	return names
}

// listFiles lists every file of out (slash-separated paths, in the order
// of fs.WalkDir; no directories): the one listing the search index and the
// link check share.
func listFiles(out fs.FS) ([]string, error) {
	var files []string
	err := fs.WalkDir(out, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}
