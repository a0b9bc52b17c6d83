// Package pinyin spells a Chinese character in pinyin without tones: its
// first reading in go-pinyin's Normal style (行 xing, 绿 lv), from a table
// made from go-pinyin's dictionary (readings.txt, written by ./gen and
// checked against go-pinyin by the tests). The table is searched where it
// lies in the program, so a command that links the package pays nothing
// until it looks a character up; go-pinyin itself builds a map of its
// 41,000 characters as every command starts (1.8 MB that stay for the
// whole build).
//
// The data is go-pinyin's (MIT License, Copyright (c) 2016 mozillazg;
// LICENSE.go-pinyin), itself from the Unicode Han database.
package pinyin

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
)

//go:generate go run ./gen -o readings.txt

// readings is the table: records of a five-digit hex code point, a
// syllable padded to six bytes and a newline, in code point order.
//
//go:embed readings.txt
var readings string

// record is the length of a record.
const record = 5 + 6 + 1

// Of returns the first reading of r without tones, and false for a rune
// that has none (not a Chinese character, or one go-pinyin does not know).
func Of(r rune) (string, bool) {
	n := len(readings) / record
	i := sort.Search(n, func(i int) bool { return codePoint(i) >= r })
	if i == n || codePoint(i) != r {
		return "", false
	}
	return strings.TrimRight(readings[i*record+5:i*record+11], " "), true
}

// codePoint is the code point of record i.
func codePoint(i int) rune {
	v, _ := strconv.ParseUint(readings[i*record:i*record+5], 16, 32)
	return rune(v)
}
