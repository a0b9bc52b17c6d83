package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// fixedTime is the creation and modification time written into every
// workbook, so that the same tables give the same bytes.
var fixedTime = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.RFC3339)

// WriteXLSX writes the tables as the sheets of one workbook, in order: a
// bold, frozen header row, every cell stored as text (so that phone numbers
// keep their leading zeros and dates are not turned into serial numbers),
// and every column formatted as text so that what the secretary types
// stays text too.
func WriteXLSX(w io.Writer, tables ...*Table) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return &orderedZip{w: w} })
	if err := f.SetDocProps(&excelize.DocProperties{
		Created: fixedTime, Modified: fixedTime, Creator: "press", LastModifiedBy: "press",
	}); err != nil {
		return err
	}
	textStyle, err := f.NewStyle(&excelize.Style{NumFmt: 49}) // "@": text
	if err != nil {
		return err
	}
	headStyle, err := f.NewStyle(&excelize.Style{
		NumFmt: 49,
		Font:   &excelize.Font{Bold: true},
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE6F0"}},
		Border: []excelize.Border{{Type: "bottom", Color: "555555", Style: 1}},
	})
	if err != nil {
		return err
	}
	for i, t := range tables {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", t.Name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(t.Name); err != nil {
			return err
		}
		sw, err := f.NewStreamWriter(t.Name)
		if err != nil {
			return err
		}
		for j, c := range t.Columns {
			w := c.Width
			if w == 0 {
				w = 12
			}
			if err := sw.SetColWidth(j+1, j+1, w); err != nil {
				return err
			}
		}
		if len(t.Columns) > 0 {
			if err := sw.SetColStyle(1, len(t.Columns), textStyle); err != nil {
				return err
			}
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		head := make([]any, len(t.Columns))
		for j, c := range t.Columns {
			head[j] = excelize.Cell{Value: c.Header, StyleID: headStyle}
		}
		if err := sw.SetRow("A1", head); err != nil {
			return err
		}
		for r, row := range t.Rows {
			cells := make([]any, len(row))
			for j, v := range row {
				cells[j] = excelize.Cell{Value: v, StyleID: textStyle}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+2)
			if err := sw.SetRow(cell, cells); err != nil {
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	_, err = f.WriteTo(w)
	return err
}

// orderedZip is the zip writer of a workbook. excelize writes the sheets
// of its stream writers in the order of a Go map, which changes from run
// to run; orderedZip holds the parts until Close and then writes the
// worksheets first, by number, and the other parts in the order excelize
// gave them, so that the same tables give the same bytes.
type orderedZip struct {
	w     io.Writer
	parts []*zipPart
}

// zipPart is one part of the workbook: its name in the archive and its
// bytes.
type zipPart struct {
	name string
	data bytes.Buffer
}

// Create starts a part; its bytes are written at Close.
func (z *orderedZip) Create(name string) (io.Writer, error) {
	p := &zipPart{name: name}
	z.parts = append(z.parts, p)
	return &p.data, nil
}

// AddFS is not used by excelize's writer and not supported.
func (z *orderedZip) AddFS(fs.FS) error {
	return errors.New("sheet: adding a file system to a workbook is not supported")
}

// Close writes the parts, worksheets first, and ends the archive.
func (z *orderedZip) Close() error {
	sort.SliceStable(z.parts, func(i, j int) bool {
		a, aok := worksheetNumber(z.parts[i].name)
		b, bok := worksheetNumber(z.parts[j].name)
		if aok != bok {
			return aok
		}
		return aok && a < b
	})
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		w, err := zw.Create(p.name)
		if err != nil {
			return err
		}
		if _, err := w.Write(p.data.Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

// worksheetNumber returns N of a part named xl/worksheets/sheetN.xml.
func worksheetNumber(name string) (int, bool) {
	dir, file := path.Split(name)
	if dir != "xl/worksheets/" || !strings.HasPrefix(file, "sheet") || !strings.HasSuffix(file, ".xml") {
		return 0, false
	}
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(file, "sheet"), ".xml"))
	return n, err == nil
}

// WriteCSV writes the table as a CSV file (New): formula cells are
// defused (Safe), and Read takes the apostrophe off again.
func WriteCSV(w io.Writer, t *Table) error {
	head := make([]string, len(t.Columns))
	for j, c := range t.Columns {
		head[j] = c.Header
	}
	c := New(head)
	for _, row := range t.Rows {
		c.Row(row...)
	}
	_, err := w.Write(c.Bytes())
	return err
}
