package sheet

import (
	"encoding/csv"
	"strings"
	"testing"
)

func TestCSV(t *testing.T) {
	c := New([]string{"名称", "电话"})
	c.Row("郑州市\"信息\"公司", "=HYPERLINK(\"x\")")
	c.Row("-1", "0371-1")
	b := c.Bytes()
	if !strings.HasPrefix(string(b), "\ufeff名称,电话\r\n") {
		t.Errorf("no BOM or CRLF: %q", b)
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"名称", "电话"}, {"郑州市\"信息\"公司", "'=HYPERLINK(\"x\")"}, {"'-1", "0371-1"}}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, rows[i], want[i])
		}
	}
}
