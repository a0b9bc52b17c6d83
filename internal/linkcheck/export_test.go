package linkcheck

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"slices"

	"golang.org/x/net/html"

	"github.com/zzia/press/internal/htmlscan"
)

// ScanDiff scans src with the link check's visitor in one htmlscan.Scan
// with before and after (other readers of the page) and alone (scanHTML),
// and compares what each found with oldScanHTML's; "" when all agree.
func ScanDiff(src []byte, before, after []htmlscan.Visitor) string {
	var in interner
	want, werr := oldScanHTML(bytes.NewReader(src), &in)
	ps := NewPages()
	vs := append(append(slices.Clone(before), ps.Visitor("p")), after...)
	htmlscan.Scan(bytes.NewReader(src), vs...)
	shared := ps.get("p")
	alone, aerr := scanHTML(bytes.NewReader(src), &in)
	if werr != nil {
		if shared != nil || aerr == nil {
			return fmt.Sprintf("separate scan failed (%v), shared scan did not", werr)
		}
		return ""
	}
	for _, c := range []struct {
		how string
		pg  *page
	}{{"shared", shared}, {"alone", alone}} {
		if c.pg == nil {
			return c.how + ": no page"
		}
		if !reflect.DeepEqual(c.pg.ids, want.ids) {
			return fmt.Sprintf("%s: ids %v, want %v", c.how, c.pg.ids, want.ids)
		}
		if !slices.Equal(c.pg.refs, want.refs) {
			return fmt.Sprintf("%s: refs %q, want %q", c.how, c.pg.refs, want.refs)
		}
	}
	return ""
}

// oldScanHTML is scanHTML as it was before the scan was shared (its own
// tokenizer pass; each attribute read by page.attr, as the shared scan
// reads it): the reference the shared scan must agree with.
func oldScanHTML(r io.Reader, refs *interner) (*page, error) {
	pg := &page{}
	var ids []string
	z := html.NewTokenizer(r)
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				pg.ids = newIDSet(ids)
				return pg, nil
			}
			return nil, z.Err()
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			attrs := refAttrs[string(name)]
			isA := string(name) == "a"
			for hasAttr {
				var k, v []byte
				k, v, hasAttr = z.TagAttr()
				pg.attr(k, v, isA, attrs, refs, &ids)
			}
		}
	}
}
