package catalog

import (
	"fmt"
	"time"
)

// IssueLine is how an issue is cited: 2026年第1期（总第1期）; serial 0
// leaves the running number out.
func IssueLine(year, number, serial int) string {
	s := fmt.Sprintf("%d年第%d期", year, number)
	if serial > 0 {
		s += fmt.Sprintf("（总第%d期）", serial)
	}
	return s
}

// IssueLine is how the newsletter issue is cited: 2026年第1期（总第3期）.
func (n *Newsletter) IssueLine() string { return IssueLine(n.Date.Year(), n.Number, n.Serial) }

// DateCN writes a publication date as it is printed: 2026年3月31日.
func DateCN(t time.Time) string { return t.Format("2006年1月2日") }
