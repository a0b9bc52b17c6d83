package membersheet

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"github.com/zzia/press/internal/msg"
	"github.com/zzia/press/internal/sheet"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestMalformedSheets: each malformed sheet of the issue gets a problem
// naming its sheet, row and column, and no plan (nothing to write).
func TestMalformedSheets(t *testing.T) {
	for _, tc := range []struct {
		name   string
		change func(t *testing.T, f *excelize.File)
		want   string // the problem, as printed
	}{
		{"missing header", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetName, "A1", ""))
		}, "联络表.xlsx 工作表「会员通信联络表」第 1 行：标题行缺少「标识」列"},
		{"merged cells", func(t *testing.T, f *excelize.File) {
			must(t, f.MergeCell(SheetName, "B3", "C3"))
		}, "第 3 行 B 列：合并单元格 B3:C3"},
		{"date as an Excel serial number", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellInt(SheetName, "H4", 43101))
		}, "第 4 行 H 列：日期 43101 是 Excel 的日期序列号（即 2018-01-01）"},
		{"phone stored as a number", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellInt(SheetName, cellAt(t, f, 5, ColPhone), 37155550000))
		}, "列：37155550000 存成了数值"},
		{"empty row", func(t *testing.T, f *excelize.File) {
			must(t, f.InsertRows(SheetName, 6, 1))
		}, "第 6 行：数据行之间有空行"},
		{"duplicate unit name", func(t *testing.T, f *excelize.File) {
			v, _ := f.GetCellValue(SheetName, "B2")
			must(t, f.SetCellStr(SheetName, "B7", v))
		}, "第 7 行 B 列：单位名称「"},
		{"unknown id", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetName, "A8", "m99-nowhere"))
		}, "第 8 行 A 列：没有标识为「m99-nowhere」的会员"},
		{"value the data model refuses", func(t *testing.T, f *excelize.File) {
			must(t, f.SetCellStr(SheetName, cellAt(t, f, 9, ColLevel), "常务理事单位"))
		}, "第 9 行 D 列：level：\"常务理事单位\" 不是允许的取值"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir, ds := site(t)
			path := export(t, dir, ds)
			f, err := excelize.OpenFile(path)
			must(t, err)
			// A valid change in the same sheet is not written either.
			must(t, f.SetCellStr(SheetName, cellAt(t, f, 2, ColFax), "0371-1"))
			tc.change(t, f)
			must(t, f.Save())
			f.Close()
			in, _ := sheet.Read(msg.Zh, path, "", Columns)
			plan, ps := PlanMembers(dir, ds, in)
			if plan != nil {
				t.Error("a plan despite problems")
			}
			var all []string
			for _, p := range ps {
				all = append(all, p.String())
			}
			if !strings.Contains(strings.Join(all, "\n"), tc.want) {
				t.Errorf("problems:\n%s\nwant one containing %q", strings.Join(all, "\n"), tc.want)
			}
		})
	}
}

// cellAt returns the cell of the 1-based row under header.
func cellAt(t *testing.T, f *excelize.File, row int, header string) string {
	t.Helper()
	for j, c := range Columns {
		if c.Header == header {
			name, err := excelize.CoordinatesToCellName(j+1, row)
			must(t, err)
			return name
		}
	}
	t.Fatalf("no column %s", header)
	return ""
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestGBKCSV: a CSV saved by Excel for Chinese Windows (GBK) imports like
// the workbook.
func TestGBKCSV(t *testing.T) {
	dir, ds := site(t)
	var lines []string
	lines = append(lines, "标识,单位名称,固定电话")
	m := ds.Member("m05-huiji")
	lines = append(lines, "m05-huiji,"+m.Name+",0371-66668888")
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(strings.Join(lines, "\r\n") + "\r\n")
	must(t, err)
	path := filepath.Join(dir, "联络表.csv")
	must(t, os.WriteFile(path, []byte(gbk), 0o644))
	in, ps := sheet.Read(msg.En, path, "", Columns)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	plan, ps := PlanMembers(dir, ds, in)
	if len(ps) > 0 {
		t.Fatal(ps)
	}
	if len(plan.Changes) != 1 || plan.Changes[0].Column != ColPhone || plan.Changes[0].New != "0371-66668888" {
		t.Errorf("changes %+v", plan.Changes)
	}
}
