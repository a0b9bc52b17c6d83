package msg

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestCatalogueComplete checks that every key has both texts and that they
// take the same arguments: a Chinese text may put them in another order,
// but must use each with the same verb.
func TestCatalogueComplete(t *testing.T) {
	if len(catalog) < 100 {
		t.Fatalf("catalogue of %d keys", len(catalog))
	}
	for key, m := range catalog {
		en, zh := m[0], m[1]
		if strings.TrimSpace(en) == "" || strings.TrimSpace(zh) == "" {
			t.Errorf("%s: an empty text (en %q, zh %q)", key, en, zh)
			continue
		}
		ve, err := verbs(en)
		if err != nil {
			t.Errorf("%s (en): %v", key, err)
		}
		vz, err := verbs(zh)
		if err != nil {
			t.Errorf("%s (zh): %v", key, err)
		}
		if !slices.Equal(ve, vz) {
			t.Errorf("%s: English takes %v, Chinese %v", key, ve, vz)
		}
	}
}

// verbs returns the verb each argument of a format is used with, by
// argument number, as "1s", "2d"… (%q counts as %s, as Chinese quotes its
// strings with “” where English uses %q).
func verbs(format string) ([]string, error) {
	used := map[int]byte{}
	arg := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed [ in %q", format)
			}
			if _, err := fmt.Sscanf(format[i+1:i+end], "%d", &arg); err != nil {
				return nil, fmt.Errorf("bad argument index in %q", format)
			}
			i += end + 1
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			return nil, fmt.Errorf("%% at the end of %q", format)
		}
		if format[i] == '%' {
			continue
		}
		verb := format[i]
		if verb == 'q' { // “%s” in Chinese is %q in English
			verb = 's'
		}
		if v, ok := used[arg]; ok && v != verb {
			return nil, fmt.Errorf("argument %d used as %%%c and %%%c in %q", arg, v, verb, format)
		}
		used[arg] = verb
		arg++
	}
	var out []string
	for n := 1; n <= len(used); n++ {
		v, ok := used[n]
		if !ok {
			return nil, fmt.Errorf("argument %d unused in %q", n, format)
		}
		out = append(out, fmt.Sprintf("%d%c", n, v))
	}
	return out, nil
}

func TestVerbs(t *testing.T) {
	for _, tt := range []struct {
		format string
		want   string
	}{
		{"plain", ""},
		{"%d files in %s (100%%)", "1d 2s"},
		{"主机 %[2]s 上的进程 %[1]d", "1d 2s"},
		{"%[1]s (%[2]s) succeeds %[5]s %[4]s; %[3]s%[6]s%[7]s%[8]s", "1s 2s 3s 4s 5s 6s 7s 8s"},
		{"%s %s took %[4]d months from %[3]s (%[5]d)", "1s 2s 3s 4d 5d"},
		{"%-14s %5.1f", "1s 2f"},
	} {
		got, err := verbs(tt.format)
		if err != nil || strings.Join(got, " ") != tt.want {
			t.Errorf("verbs(%q) = %v, %v; want %q", tt.format, got, err, tt.want)
		}
	}
	if _, err := verbs("%s and %[3]s"); err == nil {
		t.Error("a format that skips argument 2 passed")
	}
}

func TestFromEnv(t *testing.T) {
	for _, tt := range []struct {
		env  map[string]string
		want Lang
	}{
		{map[string]string{"LANG": "zh_CN.UTF-8"}, Zh},
		{map[string]string{"LANG": "en_US.UTF-8"}, En},
		{map[string]string{"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, Zh},
		{map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, Zh},
		{map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, En},
		{map[string]string{"LANGUAGE": "zh_CN:en"}, Zh},
		{map[string]string{"PRESS_LANG": "en", "LANG": "zh_CN.UTF-8"}, En},
		{map[string]string{}, En},
	} {
		if got := FromEnv(func(k string) string { return tt.env[k] }); got != tt.want {
			t.Errorf("FromEnv(%v) = %v, want %v", tt.env, got, tt.want)
		}
	}
}

func TestT(t *testing.T) {
	if got := Zh.T("build.lockholder", 42, "host", "2026-12-01"); got != "主机 host 上的进程 42，始于 2026-12-01" {
		t.Errorf("Zh.T = %q", got)
	}
	if got := En.T("build.lockholder", 42, "host", "2026-12-01"); got != "pid 42 on host, since 2026-12-01" {
		t.Errorf("En.T = %q", got)
	}
	if got := En.T("no.such.key", 1); got != "no.such.key 1" {
		t.Errorf("unknown key = %q", got)
	}
}
