// Package sheet reads and writes the spreadsheets press exchanges with
// spreadsheet programs: CSV files (UTF-8 with BOM and CRLF, formula cells
// defused) for the directory and the reports, and the secretariat's .xlsx
// workbooks (through excelize) and CSV files in UTF-8 or GBK, read as tables
// of text cells under Chinese column headers, every problem reported at
// once with its file, sheet, row and column ("第 12 行 E 列").
package sheet

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"github.com/zzia/press/internal/msg"
)

// Kind says what a column holds, and so what reading checks in its cells.
type Kind int

const (
	// Text is free text.
	Text Kind = iota
	// Date is a day written 2026-01-31 (2026/1/31 and 2026年1月31日 are
	// read too); an Excel serial number is refused.
	Date
	// Number is a whole number written with ASCII digits.
	Number
	// Phone is a telephone or fax number: text, so that leading zeros and
	// long numbers survive; a cell stored as a number is refused.
	Phone
)

// Column is one column of a table.
type Column struct {
	Header   string   // the Chinese header, e.g. 单位名称
	Aliases  []string // other headers read as this column, e.g. 单位
	Kind     Kind
	Width    float64 // in Excel's character widths; 0: 12
	Required bool    // reading fails when the header is missing
	Note     string  // what the column holds, for the template's second sheet
}

// Table is a sheet to write: its name, columns and rows of text cells.
type Table struct {
	Name    string
	Columns []Column
	Rows    [][]string
}

// Problem is a problem in a spreadsheet, at a row and column when known.
type Problem struct {
	File    string
	Sheet   string
	Row     int // 1-based; 0 when the whole sheet
	Col     int // 1-based; 0 when the whole row
	Message string
	Lang    msg.Lang // the language of Message, and of the position String writes
}

// ColumnName returns the spreadsheet's letter name of the 1-based column n
// (1 → A, 27 → AA).
func ColumnName(n int) string {
	s, err := excelize.ColumnNumberToName(n)
	if err != nil {
		return strconv.Itoa(n)
	}
	return s
}

// Cell returns the position as the secretariat reads it: "第 12 行 E 列"
// (Chinese) or "row 12, column E".
func (p Problem) Cell() string {
	switch {
	case p.Row == 0:
		return ""
	case p.Col == 0:
		return p.Lang.T("sheet.row", p.Row)
	}
	return p.Lang.T("sheet.cell", p.Row, ColumnName(p.Col))
}

// String formats the problem: file, sheet, cell and message.
func (p Problem) String() string {
	where := p.Lang.T("sheet.where", p.File, p.Sheet)
	if c := p.Cell(); c != "" {
		where = p.Lang.T("sheet.wherecell", p.File, p.Sheet, c)
	}
	return where + p.Lang.T("sheet.colon") + p.Message
}

// Problems is a list of problems; as an error it reads as one per line.
type Problems []Problem

// Error implements error.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Err returns ps as an error, or nil when empty.
func (ps Problems) Err() error {
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// Sort sorts the problems by row, then column (problems of the whole
// sheet first), keeping the order of those at the same cell.
func (ps Problems) Sort() {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Row != ps[j].Row {
			return ps[i].Row < ps[j].Row
		}
		return ps[i].Col < ps[j].Col
	})
}

// at appends a problem at a cell.
func (ps *Problems) at(l msg.Lang, file, sheet string, row, col int, format string, args ...any) {
	*ps = append(*ps, Problem{File: file, Sheet: sheet, Row: row, Col: col, Message: fmt.Sprintf(format, args...), Lang: l})
}
