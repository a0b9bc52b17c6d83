package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/zzia/press/internal/typeset/box"
	"github.com/zzia/press/internal/typeset/fonts"
)

// Info is the document metadata written into the PDF.
type Info struct {
	Title, Author, Subject string
	Keywords               []string
	Language               string    // BCP 47; empty: zh-CN
	CreationDate           time.Time // zero: no creation or modification date is written

	// Bleed, in millimetres, makes the printer's edition: every page grows
	// by Bleed on each side (the MediaBox and BleedBox), the laid-out page
	// becomes the TrimBox, and what is drawn beyond the page's edges (a
	// cover image) shows in the bleed. Zero: the screen edition, with no
	// BleedBox or TrimBox.
	Bleed float64
	// CropMarks draws crop marks at the corners of the trim, in the bleed.
	CropMarks bool
}

// markGap is the distance, in millimetres, between a crop mark and the
// trim: the marks stay clear of the page even when the cut is off a little.
const markGap = 1.0

// slant is the angle, in degrees, of synthesized italics.
const slant = 12

// Write draws laid-out pages with fpdf and returns the PDF: text runs in
// subsets of their TrueType faces, rules, images, links to URLs and to
// anchors, and the outline. The same document and info give the same bytes.
func Write(doc *box.Document, info Info) ([]byte, error) {
	if len(doc.Pages) == 0 {
		return nil, fmt.Errorf("pdf: the document has no pages")
	}
	first := doc.Pages[0]
	bleed := info.Bleed * mm
	if bleed < 0 {
		return nil, fmt.Errorf("pdf: negative bleed %gmm", info.Bleed)
	}
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: first.Width + 2*bleed, Ht: first.Height + 2*bleed}})
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCompression(true)
	f.SetCatalogSort(true) // fonts and images in key order, not map order
	f.SetCreator("press", true)
	f.SetProducer("press typesetter (fpdf)", true)
	info.Title, info.Author, info.Subject = strings.ToValidUTF8(info.Title, "\uFFFD"), strings.ToValidUTF8(info.Author, "\uFFFD"), strings.ToValidUTF8(info.Subject, "\uFFFD")
	for i, k := range info.Keywords {
		info.Keywords[i] = strings.ToValidUTF8(k, "\uFFFD")
	}
	if info.Title != "" {
		f.SetTitle(info.Title, true)
	}
	if info.Author != "" {
		f.SetAuthor(info.Author, true)
	}
	if info.Subject != "" {
		f.SetSubject(info.Subject, true)
	}
	if len(info.Keywords) > 0 {
		f.SetKeywords(strings.Join(info.Keywords, ", "), true)
	}
	lang := info.Language
	if lang == "" {
		lang = "zh-CN"
	}
	f.SetLang(lang)
	fixed := info.CreationDate
	if fixed.IsZero() {
		// fpdf writes the clock when no date is set; write a fixed one and
		// blank it out below.
		fixed = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	f.SetCreationDate(fixed)
	f.SetModificationDate(fixed)

	// Register the faces the runs use, in role order.
	var used [32]bool
	for _, p := range doc.Pages {
		for _, b := range p.Boxes {
			if t, ok := b.(*box.Text); ok {
				used[t.Role] = true
			}
		}
	}
	if doc.Fonts == nil {
		return nil, fmt.Errorf("pdf: the document has no font set")
	}
	var anyRole fonts.Role = -1
	for _, r := range doc.Fonts.Roles() {
		if used[r] || r == fonts.Song {
			// fpdf's subsetter rewrites composite glyphs in the bytes it
			// is given: hand it a copy, so the cached font stays pristine
			// and every render starts from the same bytes.
			f.AddUTF8FontFromBytes(r.String(), "", bytes.Clone(doc.Fonts.Face(r).Data))
			if anyRole < 0 || r == fonts.Song {
				anyRole = r
			}
		}
	}
	// Internal links: one fpdf link per anchor.
	links := make(map[string]int)
	for i, p := range doc.Pages {
		for _, b := range p.Boxes {
			if a, ok := b.(*box.Anchor); ok {
				if _, dup := links[a.Name]; !dup {
					id := f.AddLink()
					f.SetLink(id, a.Y+bleed, i+1)
					links[a.Name] = id
				}
			}
		}
	}
	images := make(map[string]bool)
	d := drawer{f: f, ox: bleed, oy: bleed}
	for _, p := range doc.Pages {
		f.AddPageFormat("P", fpdf.SizeType{Wd: p.Width + 2*bleed, Ht: p.Height + 2*bleed})
		if bleed > 0 {
			f.SetPageBox("BleedBox", 0, 0, p.Width+2*bleed, p.Height+2*bleed)
			f.SetPageBox("TrimBox", bleed, bleed, p.Width, p.Height)
		}
		d.page()
		for _, b := range p.Boxes {
			switch b := b.(type) {
			case *box.Text:
				d.text(b)
			case *box.Rect:
				d.fill(b.Color)
				f.Rect(b.X+bleed, b.Y+bleed, b.W, b.H, "F")
			case *box.Image:
				if !images[b.Name] {
					if err := registerImage(f, b); err != nil {
						return nil, err
					}
					images[b.Name] = true
				}
				if b.Clip != nil {
					f.ClipRect(b.Clip.X+bleed, b.Clip.Y+bleed, b.Clip.W, b.Clip.H, false)
				}
				f.ImageOptions(b.Name, b.X+bleed, b.Y+bleed, b.W, b.H, false, fpdf.ImageOptions{ImageType: b.Type}, 0, "")
				if b.Clip != nil {
					f.ClipEnd()
				}
			case *box.Link:
				if b.URL != "" {
					f.LinkString(b.X+bleed, b.Y+bleed, b.W, b.H, b.URL)
				} else if id, ok := links[b.Dest]; ok {
					f.Link(b.X+bleed, b.Y+bleed, b.W, b.H, id)
				}
			case *box.Bookmark:
				if !d.fontSet {
					// A bookmark needs a UTF-8 font to be current.
					f.SetFont(anyRole.String(), "", 10)
					d.fontSet = true
				}
				f.Bookmark(b.Title, b.Level, b.Y+bleed)
			}
		}
		if info.CropMarks && bleed > 0 {
			d.cropMarks(p.Width, p.Height, bleed)
		}
		if err := f.Error(); err != nil {
			return nil, fmt.Errorf("pdf: %w", err)
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	out, err := orderImages(buf.Bytes())
	if err != nil {
		return nil, err
	}
	// fpdf writes a page's boxes in map order: put them in one order, so
	// the same document gives the same bytes. Swapping two lines of the
	// same page object leaves every offset in the cross-reference right.
	out = boxPair.ReplaceAllFunc(out, func(m []byte) []byte {
		sub := boxPair.FindSubmatch(m)
		if bytes.HasPrefix(sub[1], []byte("/TrimBox")) {
			return append(append([]byte{}, sub[2]...), sub[1]...)
		}
		return m
	})
	if info.CreationDate.IsZero() {
		// Blank the dates with spaces of the same length, so the
		// cross-reference offsets stay right.
		out = dateEntry.ReplaceAllFunc(out, func(m []byte) []byte { return bytes.Repeat([]byte{' '}, len(m)) })
	}
	return out, nil
}

// registerImage hands an image to fpdf, which panics on some malformed
// files: that becomes an error naming the image.
func registerImage(f *fpdf.Fpdf, b *box.Image) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdf: image %s is malformed: %v", b.Name, r)
		}
	}()
	f.RegisterImageOptionsReader(b.Name, fpdf.ImageOptions{ImageType: b.Type}, bytes.NewReader(b.Data))
	if f.Err() {
		return fmt.Errorf("pdf: image %s: %w", b.Name, f.Error())
	}
	return nil
}

var dateEntry = regexp.MustCompile(`/(Creation|Mod)Date \(D:20000101000000\)`)

// boxPair is a page's BleedBox and TrimBox entries, in either order.
var boxPair = regexp.MustCompile(`(/(?:Bleed|Trim)Box \[[0-9. ]+\]\n)(/(?:Bleed|Trim)Box \[[0-9. ]+\]\n)`)

// mm is one millimetre in points.
const mm = 72 / 25.4

// cropMarks draws the crop marks of a w×h trim set bleed in from the media
// edges: at each corner, a hairline along each trim edge, from the media
// edge to markGap short of the trim, in registration black.
func (d *drawer) cropMarks(w, h, bleed float64) {
	f := d.f
	f.SetDrawColor(0, 0, 0)
	f.SetLineWidth(0.25)
	d.drawSet, d.drawCol, d.lineW = true, box.Black, 0.25
	l := bleed - markGap*mm
	if l <= 0 {
		return
	}
	x0, x1 := bleed, bleed+w
	y0, y1 := bleed, bleed+h
	W, H := w+2*bleed, h+2*bleed
	for _, y := range []float64{y0, y1} {
		f.Line(0, y, l, y)
		f.Line(W-l, y, W, y)
	}
	for _, x := range []float64{x0, x1} {
		f.Line(x, 0, x, l)
		f.Line(x, H-l, x, H)
	}
}

// drawer tracks the graphics state fpdf does not, to write each operator
// only when it changes.
type drawer struct {
	f        *fpdf.Fpdf
	ox, oy   float64 // offset of the trimmed page in the media (the bleed)
	tc       float64
	fill0    box.Color
	fillSet  bool
	text0    box.Color
	textSet  bool
	fontSet  bool
	mode     int
	drawCol  box.Color
	drawSet  bool
	lineW    float64
	role     fonts.Role
	fontSize float64
}

// page resets the state at the start of a page, where PDF resets it.
func (d *drawer) page() {
	d.tc = 0
	d.mode = 0
	d.fillSet, d.textSet, d.drawSet, d.fontSet = false, false, false, false
	d.lineW = -1
}

func (d *drawer) fill(c box.Color) {
	if !d.fillSet || c != d.fill0 {
		d.f.SetFillColor(int(c.R), int(c.G), int(c.B))
		d.fill0, d.fillSet = c, true
	}
}

func (d *drawer) text(t *box.Text) {
	f := d.f
	if !d.fontSet || t.Role != d.role || t.Size != d.fontSize {
		f.SetFont(t.Role.String(), "", t.Size)
		d.role, d.fontSize, d.fontSet = t.Role, t.Size, true
	}
	if !d.textSet || t.Color != d.text0 {
		f.SetTextColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
		d.text0, d.textSet = t.Color, true
	}
	if t.CharSpacing != d.tc {
		f.RawWriteStr(fmt.Sprintf("%.4f Tc", t.CharSpacing))
		d.tc = t.CharSpacing
	}
	mode := 0
	if t.SynthBold {
		mode = 2
		if !d.drawSet || d.drawCol != t.Color {
			f.SetDrawColor(int(t.Color.R), int(t.Color.G), int(t.Color.B))
			d.drawCol, d.drawSet = t.Color, true
		}
		if w := t.Size * 0.035; w != d.lineW {
			f.SetLineWidth(w)
			d.lineW = w
		}
	}
	if t.Invisible {
		mode = 3
	}
	if mode != d.mode {
		f.SetTextRenderingMode(mode)
		d.mode = mode
	}
	x, y := t.X+d.ox, t.Y+d.oy
	if t.SynthItalic {
		f.TransformBegin()
		f.TransformSkewX(-slant, x, y)
		f.Text(x, y, t.Text)
		f.TransformEnd()
		return
	}
	f.Text(x, y, t.Text)
}
