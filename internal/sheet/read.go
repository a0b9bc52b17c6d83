package sheet

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"github.com/zzia/press/internal/msg"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// Record is one data row of a sheet read under known columns.
type Record struct {
	Row   int               // 1-based row number in the sheet (the line for CSV)
	Cells map[string]string // by the column's Header; a missing column is absent
	// Bad holds the headers of the cells that had a problem when read.
	Bad map[string]bool
}

// Input is a sheet read under known columns.
type Input struct {
	File    string         // the file's base name, for messages
	Sheet   string         // the sheet's name (the file's for CSV)
	Lang    msg.Lang       // the language of the problems' messages
	Col     map[string]int // 1-based column of each Header found
	Records []Record
	// Problems are those found while reading; PlanMembers reports them
	// with its own.
	Problems Problems
}

// Problem returns a problem at the record's row and the column of header.
func (in *Input) Problem(r Record, header, format string, args ...any) Problem {
	var ps Problems
	ps.at(in.Lang, in.File, in.Sheet, r.Row, in.Col[header], format, args...)
	return ps[0]
}

// rawSheet is a sheet's cells as text, before the columns are known.
type rawSheet struct {
	name  string
	rows  [][]string
	lines []int // for CSV: the line each row starts on; nil for xlsx
	// number reports whether the cell at the 1-based row and column is
	// stored as a number (always false for CSV).
	number func(row, col int) bool
}

// Read reads the first sheet of an .xlsx file (or the sheet named sheet,
// when not empty) or a CSV file (UTF-8, with or without BOM, or GBK) and
// maps its columns by header. The header row is the first row that is not
// empty. Every problem is returned: missing required headers, unknown or
// repeated headers, merged cells, empty rows between data rows, Excel
// serial numbers in date columns, numbers stored as text in number columns,
// phone numbers stored as numbers. Cell text is trimmed of spaces
// (including U+3000). Problems are written in language l.
func Read(l msg.Lang, path, sheet string, cols []Column) (*Input, Problems) {
	in := &Input{File: filepath.Base(path), Col: map[string]int{}, Lang: l}
	ps := read(in, path, sheet, cols)
	in.Problems = ps
	return in, ps
}

func read(in *Input, path, sheet string, cols []Column) Problems {
	l := in.Lang
	var ps Problems
	var raw *rawSheet
	var err error
	if strings.EqualFold(filepath.Ext(path), ".csv") {
		raw, err = readCSV(l, path)
	} else {
		raw, ps, err = readXLSX(l, path, sheet, in.File)
	}
	if err != nil {
		ps.at(l, in.File, "", 0, 0, "%v", err)
		return ps
	}
	in.Sheet = raw.name
	for i := range ps {
		ps[i].Sheet = raw.name
	}
	headerRow := -1
	for i, r := range raw.rows {
		if !blank(r) {
			headerRow = i
			break
		}
	}
	if headerRow < 0 {
		ps.at(l, in.File, in.Sheet, 0, 0, "%s", l.T("sheet.empty"))
		return ps
	}
	rowNo := func(i int) int {
		if raw.lines != nil {
			return raw.lines[i]
		}
		return i + 1
	}
	byHeader := map[string]*Column{}
	for i := range cols {
		byHeader[normHeader(cols[i].Header)] = &cols[i]
		for _, a := range cols[i].Aliases {
			byHeader[normHeader(a)] = &cols[i]
		}
	}
	kinds := map[int]Kind{}
	for j, h := range raw.rows[headerRow] {
		h = normHeader(h)
		if h == "" {
			continue
		}
		c, ok := byHeader[h]
		if !ok {
			ps.at(l, in.File, in.Sheet, rowNo(headerRow), j+1, "%s", l.T("sheet.unknownheader", h, headerList(cols)))
			continue
		}
		if prev, dup := in.Col[c.Header]; dup {
			ps.at(l, in.File, in.Sheet, rowNo(headerRow), j+1, "%s", l.T("sheet.dupheader", c.Header, ColumnName(prev)))
			continue
		}
		in.Col[c.Header] = j + 1
		kinds[j] = c.Kind
	}
	for _, c := range cols {
		if _, ok := in.Col[c.Header]; !ok && c.Required {
			ps.at(l, in.File, in.Sheet, rowNo(headerRow), 0, "%s", l.T("sheet.missingheader", c.Header))
		}
	}
	// Trailing empty rows are no problem; an empty row with data below it
	// is (what follows may be another table, or rows the secretary meant
	// to delete).
	last := len(raw.rows) - 1
	for last > headerRow && blank(raw.rows[last]) {
		last--
	}
	for i := headerRow + 1; i <= last; i++ {
		row := raw.rows[i]
		n := rowNo(i)
		if blank(row) {
			ps.at(l, in.File, in.Sheet, n, 0, "%s", l.T("sheet.emptyrow"))
			continue
		}
		rec := Record{Row: n, Cells: map[string]string{}}
		for _, c := range cols {
			j, ok := in.Col[c.Header]
			if !ok {
				continue
			}
			v := ""
			if j-1 < len(row) {
				v = trim(row[j-1])
				if raw.lines != nil && len(v) > 1 && v[0] == '\'' && strings.ContainsRune("=+-@", rune(v[1])) {
					v = v[1:] // a formula neutralised by WriteCSV
				}
			}
			// Only a phone cell that looks like a number is asked its
			// type: asking every cell costs more than reading the sheet.
			stored := c.Kind == Phone && raw.number != nil && numericRe.MatchString(v) && raw.number(n, j)
			v, problem := check(l, c.Kind, v, stored)
			if problem != "" {
				ps.at(l, in.File, in.Sheet, n, j, "%s", problem)
				if rec.Bad == nil {
					rec.Bad = map[string]bool{}
				}
				rec.Bad[c.Header] = true
			}
			rec.Cells[c.Header] = v
		}
		in.Records = append(in.Records, rec)
	}
	return ps
}

var (
	serialRe  = regexp.MustCompile(`^[0-9]{1,6}(\.[0-9]+)?$`)
	dateRe    = regexp.MustCompile(`^([0-9]{4})\s*[-/.年]\s*([0-9]{1,2})\s*[-/.月]\s*([0-9]{1,2})\s*日?$`)
	numericRe = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)
	intRe     = regexp.MustCompile(`^[0-9]+$`)
	wideDigit = regexp.MustCompile(`[０-９]`)
)

// check checks and normalises one cell by its column's kind; it returns
// the value and, when the cell is wrong, what is wrong and what to do.
func check(l msg.Lang, k Kind, v string, storedAsNumber bool) (string, string) {
	if v == "" {
		return v, ""
	}
	switch k {
	case Date:
		if serialRe.MatchString(v) {
			f, _ := strconv.ParseFloat(v, 64)
			hint := ""
			if t, err := excelize.ExcelDateToTime(f, false); err == nil && f >= 1 {
				hint = t.Format("2006-01-02")
			}
			return v, l.T("sheet.serialdate", v, hint)
		}
		m := dateRe.FindStringSubmatch(v)
		if m == nil {
			return v, l.T("sheet.baddate", v)
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Year() != y || int(t.Month()) != mo || t.Day() != d {
			return v, l.T("sheet.baddate", v)
		}
		return t.Format("2006-01-02"), ""
	case Number:
		if intRe.MatchString(v) {
			return v, ""
		}
		if w := wideDigit.ReplaceAllStringFunc(v, func(s string) string {
			r, _ := utf8.DecodeRuneInString(s)
			return string('0' + (r - '０'))
		}); intRe.MatchString(w) {
			return v, l.T("sheet.widedigits", v, w)
		}
		return v, l.T("sheet.badnumber", v)
	case Phone:
		if storedAsNumber && numericRe.MatchString(v) {
			return v, l.T("sheet.phonenumber", v)
		}
		if strings.ContainsAny(v, "eE") && numericRe.MatchString(v) {
			return v, l.T("sheet.phonenumber", v)
		}
	}
	return v, ""
}

func headerList(cols []Column) string {
	hs := make([]string, len(cols))
	for i, c := range cols {
		hs[i] = c.Header
	}
	return strings.Join(hs, "、")
}

// normHeader drops spaces, line breaks, a required-mark asterisk and
// full-width brackets' differences from a header.
func normHeader(h string) string {
	h = strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\t', '\n', '\r', '\u3000', '*', '＊':
			return -1
		case '（':
			return '('
		case '）':
			return ')'
		}
		return r
	}, h)
	return h
}

func trim(s string) string { return strings.Trim(s, " \t\r\n\u3000\u00a0") }

func blank(row []string) bool {
	for _, c := range row {
		if trim(c) != "" {
			return false
		}
	}
	return true
}

func readXLSX(l msg.Lang, path, sheet, file string) (*rawSheet, Problems, error) {
	f, err := excelize.OpenFile(path)
	if err != nil {
		if errors.Is(err, excelize.ErrWorkbookFileFormat) || strings.Contains(err.Error(), "zip") {
			return nil, nil, errors.New(l.T("sheet.notxlsx", file))
		}
		return nil, nil, err
	}
	defer f.Close()
	list := f.GetSheetList()
	if len(list) == 0 {
		return nil, nil, errors.New(l.T("sheet.nosheet", file))
	}
	name := list[0]
	if sheet != "" {
		found := false
		for _, s := range list {
			if s == sheet {
				found = true
			}
		}
		if !found {
			return nil, nil, errors.New(l.T("sheet.nosuchsheet", sheet, strings.Join(list, "、")))
		}
		name = sheet
	}
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, nil, err
	}
	var ps Problems
	var merged []excelize.MergeCell
	if mayMerge(f) {
		if merged, err = f.GetMergeCells(name, true); err != nil {
			return nil, nil, err
		}
	}
	for _, m := range merged {
		col, row, err := excelize.CellNameToCoordinates(m.GetStartAxis())
		if err != nil {
			continue
		}
		ps.at(l, file, name, row, col, "%s", l.T("sheet.merged", m.GetStartAxis()+":"+m.GetEndAxis()))
	}
	number := func(row, col int) bool {
		cell, err := excelize.CoordinatesToCellName(col, row)
		if err != nil {
			return false
		}
		t, err := f.GetCellType(name, cell)
		// A cell without a type is a number in OOXML.
		return err == nil && (t == excelize.CellTypeNumber || t == excelize.CellTypeUnset)
	}
	return &rawSheet{name: name, rows: rows, number: number}, ps, nil
}

// MaxCSV is the largest CSV file read, in bytes.
const MaxCSV = 64 << 20

func readCSV(l msg.Lang, path string) (*rawSheet, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if len(src) > MaxCSV {
		return nil, errors.New(l.T("sheet.toolarge", len(src)>>20, MaxCSV>>20))
	}
	src = bytes.TrimPrefix(src, []byte{0xEF, 0xBB, 0xBF})
	if !utf8.Valid(src) {
		// Excel for Chinese Windows saves CSV in GBK (code page 936).
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(src)
		if err != nil || !utf8.Valid(dec) {
			return nil, errors.New(l.T("sheet.encoding"))
		}
		src = dec
	}
	r := csv.NewReader(bytes.NewReader(src))
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	var rows [][]string
	var lines []int
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		line, _ := r.FieldPos(0)
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return &rawSheet{name: name, rows: rows, lines: lines}, nil
}

// mayMerge reports whether a worksheet of the workbook may have merged
// cells. Asking excelize for them parses the whole sheet into memory, which
// costs more than reading its rows; a workbook whose worksheet parts (as
// read from the file) never mention a merged cell has none.
func mayMerge(f *excelize.File) bool {
	found, seen := false, false
	f.Pkg.Range(func(k, v any) bool {
		name, _ := k.(string)
		if !strings.HasPrefix(name, "xl/worksheets/") || !strings.HasSuffix(name, ".xml") {
			return true
		}
		seen = true
		if b, ok := v.([]byte); !ok || bytes.Contains(b, []byte("<mergeCell")) {
			found = true
			return false
		}
		return true
	})
	return found || !seen
}
