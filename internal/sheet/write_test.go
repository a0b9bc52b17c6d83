package sheet

import (
	"archive/zip"
	"bytes"
	"fmt"
	"testing"
)

// A workbook of several sheets is the same bytes every time it is written
// (excelize alone writes its streamed sheets in a map's order), with the
// worksheets first in their order and every part readable.
func TestWriteXLSXIsDeterministic(t *testing.T) {
	var tables []*Table
	for i := 1; i <= 12; i++ {
		tables = append(tables, &Table{
			Name:    fmt.Sprintf("表%d", i),
			Columns: []Column{{Header: "标识"}, {Header: "名称", Width: 30}},
			Rows:    [][]string{{fmt.Sprintf("m%02d", i), "郑州示例单位"}},
		})
	}
	var first []byte
	for run := 0; run < 20; run++ {
		var b bytes.Buffer
		if err := WriteXLSX(&b, tables...); err != nil {
			t.Fatal(err)
		}
		if run == 0 {
			first = b.Bytes()
			continue
		}
		if !bytes.Equal(b.Bytes(), first) {
			t.Fatalf("run %d wrote other bytes than run 0", run)
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range zr.File[:len(tables)] {
		if want := fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1); f.Name != want {
			t.Errorf("part %d is %s, want %s", i, f.Name, want)
		}
	}
	if len(zr.File) <= len(tables) {
		t.Fatalf("only %d parts", len(zr.File))
	}
}
