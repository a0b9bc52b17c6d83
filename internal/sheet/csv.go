package sheet

// CSV files press makes for spreadsheet programs (the public directory, the
// secretariat's report and distribution list): UTF-8 with a byte order mark
// and CRLF line ends, so that Excel and WPS read the Chinese text, and no
// cell a spreadsheet would run as a formula.

import (
	"bytes"
	"encoding/csv"
	"strings"
)

// CSV is a CSV file being written.
type CSV struct {
	buf bytes.Buffer
	w   *csv.Writer
}

// New starts a CSV file with the header row.
func New(header []string) *CSV {
	c := &CSV{}
	c.buf.WriteString("\ufeff")
	c.w = csv.NewWriter(&c.buf)
	c.w.UseCRLF = true
	c.Row(header...)
	return c
}

// Row adds a row, its cells made safe (see Safe).
func (c *CSV) Row(cells ...string) {
	row := make([]string, len(cells))
	for i, s := range cells {
		row[i] = Safe(s)
	}
	_ = c.w.Write(row) // writes to memory: no error
}

// Bytes ends the file and returns it.
func (c *CSV) Bytes() []byte {
	c.w.Flush()
	return c.buf.Bytes()
}

// Safe neutralises a spreadsheet formula: a cell starting with = + - @, a
// tab or a carriage return gets a leading apostrophe.
func Safe(cell string) string {
	if cell != "" && strings.ContainsRune("=+-@\t\r", rune(cell[0])) {
		return "'" + cell
	}
	return cell
}
