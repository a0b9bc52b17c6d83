package membersheet

import (
	"bytes"
	"github.com/zzia/press/internal/msg"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/zzia/press/internal/member"
	"github.com/zzia/press/internal/member/membertest"
	"github.com/zzia/press/internal/rules"
	"github.com/zzia/press/internal/sheet"
)

var (
	benchOnce sync.Once
	benchDir  string
	benchBook string
	benchDS   *member.Dataset
	benchErr  error
)

// benchSheet writes, once per process, a synthetic association of 5,000
// members and its exported 会员通信联络表 with one cell changed.
func benchSheet(b *testing.B) (string, string, *member.Dataset) {
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "press-sheet-bench-")
		if benchErr != nil {
			return
		}
		if benchErr = membertest.Synthetic(benchDir, 5000, 100, 1, today); benchErr != nil {
			return
		}
		ds, l := member.Load(msg.En, benchDir, today)
		if l.HasErrors() {
			benchErr = l.Errors()
			return
		}
		benchDS = ds
		var buf bytes.Buffer
		t := Table(ds, rules.Derive(ds, today), Filter{})
		t.Rows[2500][20] = "0371-66668888" // 固定电话 of one member
		if benchErr = sheet.WriteXLSX(&buf, t); benchErr != nil {
			return
		}
		benchBook = filepath.Join(benchDir, "联络表.xlsx")
		benchErr = os.WriteFile(benchBook, buf.Bytes(), 0o644)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchDir, benchBook, benchDS
}

// BenchmarkReadSheet reads the 5,000-row workbook under the 联络表's
// columns, with every cell checked. Its anchor is BenchmarkExcelizeRows.
func BenchmarkReadSheet(b *testing.B) {
	_, book, _ := benchSheet(b)
	for b.Loop() {
		in, ps := sheet.Read(msg.En, book, "", Columns)
		if len(ps) > 0 || len(in.Records) < 5000 {
			b.Fatal(len(in.Records), ps)
		}
	}
}

// BenchmarkExcelizeRows is the anchor: excelize's own read of the same
// workbook (open, every row as text), with no mapping and no checks.
func BenchmarkExcelizeRows(b *testing.B) {
	_, book, _ := benchSheet(b)
	for b.Loop() {
		f, err := excelize.OpenFile(book)
		if err != nil {
			b.Fatal(err)
		}
		rows, err := f.GetRows(SheetName)
		if err != nil || len(rows) < 5001 {
			b.Fatal(err, len(rows))
		}
		f.Close()
	}
}

// BenchmarkImportMembers is the whole import of the 5,000-row workbook
// with one changed cell: reading, comparing every row with the data,
// editing the file and loading the site again with the change to check it
// (what press import members does after its own load of the data).
func BenchmarkImportMembers(b *testing.B) {
	dir, book, ds := benchSheet(b)
	for b.Loop() {
		in, _ := sheet.Read(msg.En, book, "", Columns)
		plan, ps := PlanMembers(dir, ds, in)
		if len(ps) > 0 || len(plan.Changes) != 1 {
			b.Fatal(ps, plan)
		}
	}
}

// BenchmarkExportMembers writes the 5,000-row workbook.
func BenchmarkExportMembers(b *testing.B) {
	_, _, ds := benchSheet(b)
	res := rules.Derive(ds, today)
	for b.Loop() {
		var buf bytes.Buffer
		if err := sheet.WriteXLSX(&buf, Table(ds, res, Filter{})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadData is the second anchor of BenchmarkImportMembers: one
// load and check of the same 5,000-member site, which the import repeats
// with its change applied before it writes anything.
func BenchmarkLoadData(b *testing.B) {
	dir, _, _ := benchSheet(b)
	for b.Loop() {
		if _, l := member.Load(msg.En, dir, today); l.HasErrors() {
			b.Fatal(l.Errors()[0])
		}
	}
}
