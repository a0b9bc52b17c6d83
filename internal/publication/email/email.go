// Package email makes the e-mail edition of a newsletter (简讯): one HTML
// file with its CSS inlined and absolute links, in the table layout mail
// clients draw, and its plain-text alternative.
package email

import (
	"bytes"
	"fmt"
	"html/template"
	"net/url"
	"strings"

	"github.com/zzia/press/internal/publication/catalog"

	"github.com/vanng822/go-premailer/premailer"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Limit is the most an e-mail edition may weigh: larger messages are
// clipped by mail clients (Gmail at 102 KB) or refused.
const Limit = 100 * 1024

// emailMarkdown renders a newsletter's Markdown for e-mail as Hugo renders
// it for the web: GFM, footnotes, East-Asian line breaks, no raw HTML.
var emailMarkdown = goldmark.New(
	goldmark.WithExtensions(extension.GFM, extension.Footnote,
		extension.NewCJK(extension.WithEastAsianLineBreaks(), extension.WithEscapedSpace())),
	goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	goldmark.WithRendererOptions(html.WithXHTML()),
)

// emailCSS is the e-mail edition's style sheet; premailer copies each rule
// into the style attributes of the elements it matches, for clients that
// ignore <style>. Only the media query stays in the head.
const emailCSS = `
body { margin: 0; padding: 0; background: #eef1f5; }
table { border-collapse: collapse; }
.outer { background: #eef1f5; }
.main { background: #ffffff; width: 600px; }
.masthead { background: #0b4a8b; color: #ffffff; padding: 22px 32px 18px; font-family: "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif; }
.org { font-size: 14px; color: #e8f0f9; letter-spacing: 2px; }
.name { font-size: 30px; font-weight: bold; letter-spacing: 8px; color: #ffffff; line-height: 1.4; }
.issue { font-size: 14px; color: #e8f0f9; }
.bar { background: #a4400b; height: 4px; line-height: 4px; font-size: 0; }
.content { padding: 24px 32px 8px; font-family: "PingFang SC", "Microsoft YaHei", "Hiragino Sans GB", sans-serif; font-size: 16px; line-height: 1.8; color: #1a1a1a; }
.content h1 { font-size: 22px; line-height: 1.4; margin: 0 0 16px; color: #1a1a1a; }
.content h2 { font-size: 18px; line-height: 1.4; margin: 24px 0 8px; padding: 0 0 4px 10px; border-left: 4px solid #0b4a8b; border-bottom: 1px solid #c9d3de; color: #073566; }
.content h3 { font-size: 16px; margin: 18px 0 6px; color: #1a1a1a; }
.content p { margin: 0 0 12px; }
.content a { color: #0b4a8b; }
.content ul, .content ol { margin: 0 0 12px; padding-left: 24px; }
.content li { margin: 0 0 4px; }
.content img { max-width: 100%; height: auto; border: 0; }
.content table { width: 100%; margin: 0 0 12px; font-size: 14px; }
.content th { background: #e8f0f9; border: 1px solid #c9d3de; padding: 6px 8px; text-align: left; }
.content td { border: 1px solid #c9d3de; padding: 6px 8px; }
.content blockquote { margin: 0 0 12px; padding: 8px 12px; background: #f4f6f9; border-left: 4px solid #c9d3de; }
.links { padding: 8px 32px 24px; font-family: sans-serif; font-size: 14px; color: #4a4a4a; }
.links a { color: #0b4a8b; }
.footer { background: #18263a; color: #f2f4f7; padding: 18px 32px; font-family: sans-serif; font-size: 13px; line-height: 1.7; }
.footer a { color: #cfe2ff; }
.preheader { display: none; font-size: 1px; color: #eef1f5; line-height: 1px; max-height: 0; overflow: hidden; }
`

// emailResponsive is left in the head: it narrows the message on phones.
const emailResponsive = `@media only screen and (max-width: 620px) { .main { width: 100% !important; } .content, .masthead, .links, .footer { padding-left: 16px !important; padding-right: 16px !important; } }`

var emailPage = template.Must(template.New("email").Parse(`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting" content="yes">
<title>{{ .Subject }}</title>
<style>{{ .CSS }}</style>
<style>{{ .Responsive }}</style>
</head>
<body>
<div class="preheader">{{ .Summary }}</div>
<table role="presentation" class="outer" width="100%" cellpadding="0" cellspacing="0" border="0">
<tr><td align="center" style="padding: 16px 0;">
<table role="presentation" class="main" width="600" cellpadding="0" cellspacing="0" border="0" align="center">
<tr><td class="masthead">
<div class="org">{{ .Publisher }}</div>
<div class="name">简讯</div>
<div class="issue">{{ .Issue }}　{{ .Date }}</div>
</td></tr>
<tr><td class="bar">&nbsp;</td></tr>
<tr><td class="content">
<h1>{{ .Title }}</h1>
{{ .Body }}
</td></tr>
<tr><td class="links">
<a href="{{ .WebURL }}">在网站上阅读</a>{{ with .PDFURL }}　·　<a href="{{ . }}">下载 PDF 版{{ with $.PDFSize }}（{{ . }}）{{ end }}</a>{{ end }}{{ with .Archive }}　·　<a href="{{ . }}">往期简讯</a>{{ end }}
</td></tr>
<tr><td class="footer">
{{ .Publisher }}{{ with .Office }}　{{ . }}{{ end }}<br>
{{ with .Address }}地址：{{ . }}{{ end }}{{ with .Postcode }}　邮编：{{ . }}{{ end }}<br>
{{ with .Phone }}电话：{{ . }}{{ end }}{{ with .Email }}　电子邮箱：<a href="mailto:{{ . }}">{{ . }}</a>{{ end }}<br>
您收到本邮件，是因为您所在单位是{{ .Publisher }}会员或订阅了简讯。如需退订，请回复本邮件告知秘书处。
</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
`))

// emailText is the e-mail edition as simple HTML, for its text alternative.
var emailText = template.Must(template.New("text").Parse(`<html><body>
<p>{{ .Publisher }}　简讯　{{ .Issue }}　{{ .Date }}</p>
<h1>{{ .Title }}</h1>
{{ .Body }}
<p>在网站上阅读：{{ .WebURL }}<br>{{ with .PDFURL }}PDF 版{{ with $.PDFSize }}（{{ . }}）{{ end }}：{{ . }}<br>{{ end }}{{ with .Archive }}往期简讯：{{ . }}{{ end }}</p>
<p>{{ .Publisher }}{{ with .Office }}　{{ . }}{{ end }}<br>
{{ with .Address }}地址：{{ . }}{{ end }}{{ with .Postcode }}　邮编：{{ . }}{{ end }}<br>
{{ with .Phone }}电话：{{ . }}{{ end }}{{ with .Email }}　电子邮箱：{{ . }}{{ end }}<br>
您收到本邮件，是因为您所在单位是{{ .Publisher }}会员或订阅了简讯。如需退订，请回复本邮件告知秘书处。</p>
</body></html>`))

// Edition makes the e-mail edition of newsletter n of the site configured
// by cfg: one HTML file with its CSS inlined, a 600-pixel table layout, and
// absolute links and images; and its plain-text alternative. pdf is the
// newsletter's PDF (relative to the site root) and size its size for
// readers; an empty pdf leaves the PDF's link out.
func Edition(cfg catalog.Config, n *catalog.Newsletter, pdf, size string) (htmlOut, text []byte, err error) {
	base, err := url.Parse(strings.TrimRight(cfg.BaseURL, "/") + "/")
	if err != nil || !base.IsAbs() {
		return nil, nil, fmt.Errorf("the site's baseURL %q is not an absolute URL: the e-mail edition's links need it", cfg.BaseURL)
	}
	page := base.ResolveReference(&url.URL{Path: strings.TrimPrefix(n.Path, "/") + "/"})
	var body bytes.Buffer
	if err := emailMarkdown.Convert(n.Body, &body); err != nil {
		return nil, nil, err
	}
	abs, err := absolutize(body.String(), page)
	if err != nil {
		return nil, nil, err
	}
	ct := cfg.Contact
	data := map[string]any{
		"Subject":    cfg.Publisher + "简讯 " + n.IssueLine() + "：" + n.Title,
		"CSS":        template.CSS(emailCSS),
		"Responsive": template.CSS(emailResponsive),
		"Summary":    n.Summary,
		"Publisher":  cfg.Publisher,
		"Issue":      n.IssueLine(),
		"Date":       catalog.DateCN(n.Date),
		"Title":      n.Title,
		"Body":       template.HTML(abs),
		"WebURL":     page.String(),
		"Archive":    base.ResolveReference(&url.URL{Path: path0(n.Path) + "/"}).String(),
		"Office":     ct.Office,
		"Address":    ct.Address,
		"Postcode":   ct.Postcode,
		"Phone":      ct.Phone,
		"Email":      ct.Email,
	}
	if pdf != "" {
		data["PDFURL"] = base.ResolveReference(&url.URL{Path: pdf}).String()
		data["PDFSize"] = size
	}
	var doc bytes.Buffer
	if err := emailPage.Execute(&doc, data); err != nil {
		return nil, nil, err
	}
	pm, err := premailer.NewPremailerFromString(doc.String(), premailer.NewOptions(premailer.WithRemoveClasses(true)))
	if err != nil {
		return nil, nil, err
	}
	out, err := pm.Transform()
	if err != nil {
		return nil, nil, err
	}
	// The text alternative from the same parts without the layout tables,
	// so that the newsletter's own tables can be drawn as text tables.
	var plain bytes.Buffer
	if err := emailText.Execute(&plain, data); err != nil {
		return nil, nil, err
	}
	tp, err := premailer.NewPremailerFromString(plain.String(), premailer.NewOptions())
	if err != nil {
		return nil, nil, err
	}
	txt, err := tp.TransformText(premailer.WithPrettyTables(true))
	if err != nil {
		return nil, nil, err
	}
	if len(out) > Limit {
		return nil, nil, fmt.Errorf("the e-mail edition is %d KB, over the %d KB mail clients accept: shorten the newsletter or move tables into the PDF", len(out)/1024, Limit/1024)
	}
	return []byte(out), []byte(plainText(txt)), nil
}

// path0 is the section of a page path: "/newsletter/2026-01" → "newsletter".
func path0(p string) string {
	p = strings.TrimPrefix(p, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return p
}

// absolutize makes every link and image in an HTML fragment absolute,
// resolved against the page's own URL as a browser would.
func absolutize(fragment string, page *url.URL) (string, error) {
	nodes, err := xhtml.ParseFragment(strings.NewReader(fragment), &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return "", err
	}
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode {
			for i, a := range n.Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				u, err := url.Parse(strings.TrimSpace(a.Val))
				if err != nil || u.Scheme == "mailto" || u.Scheme == "tel" {
					continue
				}
				if strings.HasPrefix(a.Val, "#") {
					// In-page references (footnotes) work in the message itself.
					continue
				}
				n.Attr[i].Val = page.ResolveReference(u).String()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	var b strings.Builder
	for _, n := range nodes {
		walk(n)
		if err := xhtml.Render(&b, n); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

// plainText tidies the text alternative: no trailing spaces, no runs of
// blank lines, CRLF line ends as mail wants.
func plainText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	var out []string
	blankRun := 0
	for _, l := range lines {
		l = strings.TrimRight(l, " \t\u00a0")
		if l == "" {
			blankRun++
			if blankRun > 1 {
				continue
			}
		} else {
			blankRun = 0
		}
		out = append(out, l)
	}
	return strings.TrimSpace(strings.Join(out, "\r\n")) + "\r\n"
}
