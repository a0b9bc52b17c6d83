package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"sort"
	"strconv"
)

// fpdf writes image objects sorted by pixel width only, and images of the
// same width in map order: two runs over the same document number them
// differently. orderImages renumbers the image objects into one order (by
// their dictionary and data), rewrites the references to them, and rebuilds
// the cross-reference table, so that the same document gives the same bytes.

var (
	xrefEntry  = regexp.MustCompile(`^(\d{10}) 00000 n $`)
	imageHead  = []byte("<</Type /XObject\n/Subtype /Image\n")
	objRef     = regexp.MustCompile(`(/SMask |/Indexed /DeviceRGB \d+ |/I[0-9a-f]+ )(\d+) 0 R`)
	objHeader  = regexp.MustCompile(`^(\d+) 0 obj\n`)
	startxrefR = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
)

type pdfObject struct {
	num        int
	start, end int // byte span in the file
}

func orderImages(pdf []byte) ([]byte, error) {
	m := startxrefR.FindSubmatch(pdf)
	if m == nil {
		return nil, fmt.Errorf("pdf: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	lines := bytes.Split(pdf[xref:], []byte("\n"))
	if len(lines) < 3 || string(lines[0]) != "xref" {
		return nil, fmt.Errorf("pdf: no cross-reference table at %d", xref)
	}
	var count int
	if _, err := fmt.Sscanf(string(lines[1]), "0 %d", &count); err != nil {
		return nil, fmt.Errorf("pdf: cross-reference table: %v", err)
	}
	objs := make([]pdfObject, count)
	for i := 1; i < count; i++ {
		e := xrefEntry.FindSubmatch(lines[2+i])
		if e == nil {
			return nil, fmt.Errorf("pdf: cross-reference entry %d: %q", i, lines[2+i])
		}
		off, _ := strconv.Atoi(string(e[1]))
		objs[i] = pdfObject{num: i, start: off}
	}
	byOffset := append([]pdfObject(nil), objs[1:]...)
	sort.Slice(byOffset, func(i, j int) bool { return byOffset[i].start < byOffset[j].start })
	for k := range byOffset {
		end := xref
		if k+1 < len(byOffset) {
			end = byOffset[k+1].start
		}
		byOffset[k].end = end
		objs[byOffset[k].num].end = end
	}
	body := func(o pdfObject) []byte {
		b := pdf[o.start:o.end]
		if h := objHeader.Find(b); h != nil {
			return b[len(h):]
		}
		return b
	}
	// The image objects: one group per image, its main object followed by
	// its soft mask and palette.
	isImage := func(n int) bool { return n > 0 && n < count && bytes.HasPrefix(body(objs[n]), imageHead) }
	child := map[int]bool{}
	lo, hi := 0, 0
	for n := 1; n < count; n++ {
		if !isImage(n) && !child[n] {
			continue
		}
		if lo == 0 {
			lo = n
		}
		hi = n
		dict := body(objs[n])
		if i := bytes.Index(dict, []byte("stream\n")); i >= 0 {
			dict = dict[:i]
		}
		for _, r := range objRef.FindAllSubmatch(dict, -1) {
			k, _ := strconv.Atoi(string(r[2]))
			child[k] = true
		}
	}
	if lo == 0 {
		return pdf, nil
	}
	type group struct {
		objs []int
		key  []byte
	}
	var groups []group
	for n := lo; n <= hi; n++ {
		if !isImage(n) && !child[n] {
			return pdf, nil // not one run of image objects: leave it
		}
		if child[n] && len(groups) > 0 {
			g := &groups[len(groups)-1]
			g.objs = append(g.objs, n)
			continue
		}
		groups = append(groups, group{objs: []int{n}, key: normalRefs(body(objs[n]))})
	}
	if len(groups) < 2 {
		return pdf, nil
	}
	sort.SliceStable(groups, func(i, j int) bool { return bytes.Compare(groups[i].key, groups[j].key) < 0 })
	renum := map[int]int{}
	next := lo
	var order []int
	for _, g := range groups {
		for _, n := range g.objs {
			renum[n] = next
			order = append(order, n)
			next++
		}
	}
	remap := func(b []byte) []byte {
		return objRef.ReplaceAllFunc(b, func(r []byte) []byte {
			s := objRef.FindSubmatch(r)
			k, _ := strconv.Atoi(string(s[2]))
			if nk, ok := renum[k]; ok {
				k = nk
			}
			return append(append([]byte{}, s[1]...), []byte(strconv.Itoa(k)+" 0 R")...)
		})
	}
	// Rewrite: every object in file order; the image objects in their new
	// order in the place of the old run; references remapped in
	// dictionaries (never inside streams).
	var out bytes.Buffer
	offsets := make([]int, count)
	out.Write(pdf[:byOffset[0].start])
	imagesDone := false
	for _, o := range byOffset {
		if o.num >= lo && o.num <= hi {
			if imagesDone {
				continue
			}
			imagesDone = true
			for _, n := range order {
				offsets[renum[n]] = out.Len()
				writeObject(&out, renum[n], body(objs[n]), remap)
			}
			continue
		}
		offsets[o.num] = out.Len()
		writeObject(&out, o.num, body(o), remap)
	}
	x := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", count)
	for i := 1; i < count; i++ {
		fmt.Fprintf(&out, "%010d 00000 n \n", offsets[i])
	}
	// The trailer as it was, then where the table now is.
	rest := pdf[xref:]
	t := bytes.Index(rest, []byte("trailer\n"))
	s := bytes.LastIndex(rest, []byte("startxref\n"))
	if t < 0 || s < 0 {
		return nil, fmt.Errorf("pdf: no trailer")
	}
	out.Write(rest[t:s])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", x)
	return out.Bytes(), nil
}

// writeObject writes object num with body b, its dictionary's references
// remapped (the stream, if any, is copied as it is).
func writeObject(out *bytes.Buffer, num int, b []byte, remap func([]byte) []byte) {
	fmt.Fprintf(out, "%d 0 obj\n", num)
	if i := bytes.Index(b, []byte("stream\n")); i >= 0 {
		out.Write(remap(b[:i]))
		out.Write(b[i:])
		return
	}
	out.Write(remap(b))
}

// normalRefs is an image object's bytes with its references blanked, a key
// that does not depend on how the objects were numbered.
func normalRefs(b []byte) []byte {
	return objRef.ReplaceAll(b, []byte("${1}0 0 R"))
}
