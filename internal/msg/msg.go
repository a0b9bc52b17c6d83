// Package msg holds the messages of press in Chinese and English, in one
// catalogue, and picks the language from the locale: Chinese under a zh
// locale, English otherwise. The language is a value chosen once by the
// command line and handed to whatever writes a message; nothing here
// changes after start-up.
package msg

import (
	"fmt"
	"strings"
)

// Lang is a message language.
type Lang int

const (
	// En is English.
	En Lang = iota
	// Zh is Simplified Chinese.
	Zh
)

// FromEnv picks the language from PRESS_LANG, then LC_ALL, LC_MESSAGES,
// LANG and LANGUAGE, the way gettext does: the first one set decides.
func FromEnv(getenv func(string) string) Lang {
	if v := getenv("PRESS_LANG"); v != "" {
		return parse(v)
	}
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(k); v != "" {
			return parse(v)
		}
	}
	if v := getenv("LANGUAGE"); v != "" {
		return parse(strings.Split(v, ":")[0])
	}
	return En
}

func parse(v string) Lang {
	if strings.HasPrefix(strings.ToLower(v), "zh") {
		return Zh
	}
	return En
}

// T returns the message for key in language l, formatted with args. An
// unknown key is returned as is, so a missing message is visible.
func (l Lang) T(key string, args ...any) string {
	m, ok := catalog[key]
	if !ok {
		if len(args) > 0 {
			return key + " " + fmt.Sprint(args...)
		}
		return key
	}
	f := m[0]
	if l == Zh {
		f = m[1]
	}
	if len(args) == 0 {
		return f
	}
	return fmt.Sprintf(f, args...)
}
