// Command gen writes the pinyin package's table, readings.txt, from
// go-pinyin's dictionary: for every character it knows, the first reading
// in go-pinyin's Normal style (no tones), as SinglePinyin gives it. Run it
// with go generate after updating go-pinyin.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"
	"strings"

	gopinyin "github.com/mozillazg/go-pinyin"
)

// width is a syllable's room in a record, in bytes ("zhuang").
const width = 6

func main() {
	out := flag.String("o", "readings.txt", "the file to write")
	flag.Parse()
	b, err := Table()
	if err == nil {
		err = os.WriteFile(*out, b, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// Table is readings.txt: a record a character, in code point order, each
// the code point in five hex digits and the syllable padded with spaces to
// six bytes, then a newline.
func Table() ([]byte, error) {
	cps := make([]int, 0, len(gopinyin.PinyinDict))
	for cp := range gopinyin.PinyinDict {
		cps = append(cps, cp)
	}
	slices.Sort(cps)
	args := gopinyin.NewArgs()
	var b strings.Builder
	for _, cp := range cps {
		s := gopinyin.SinglePinyin(rune(cp), args)
		if len(s) == 0 || s[0] == "" {
			continue
		}
		if cp > 0xFFFFF || len(s[0]) > width || strings.ContainsAny(s[0], " \n") {
			return nil, fmt.Errorf("U+%04X %q does not fit a record", cp, s[0])
		}
		fmt.Fprintf(&b, "%05X%s%s\n", cp, s[0], strings.Repeat(" ", width-len(s[0])))
	}
	return []byte(b.String()), nil
}
