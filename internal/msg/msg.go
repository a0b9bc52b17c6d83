// Package msg holds the command-line messages of press in Chinese and
// English and picks the language from the locale: Chinese under a zh locale,
// English otherwise.
package msg

import (
	"fmt"
	"os"
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

// Current is the language of this process, read from the environment once.
var Current = FromEnv(os.Getenv)

// T returns the message for key in the current language, formatted with args.
// An unknown key is returned as is, so a missing translation is visible.
func T(key string, args ...any) string {
	return Current.T(key, args...)
}

// T returns the message for key in language l, formatted with args.
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
