package clock

import (
	"testing"
	"time"
)

func TestResolve(t *testing.T) {
	clockNow := time.Date(2026, 12, 31, 17, 30, 0, 0, time.UTC) // 2027-01-01 01:30 in Beijing
	now := func() time.Time { return clockNow }
	flag := time.Date(2026, 3, 15, 0, 0, 0, 0, Zone)
	for _, tc := range []struct {
		name  string
		given time.Time
		env   map[string]string
		day   string
		now   time.Time
		fixed bool
	}{
		{"the clock, in Beijing time", time.Time{}, nil, "2027-01-01", clockNow, false},
		{"--today wins", flag, map[string]string{"PRESS_TODAY": "2020-01-01", "SOURCE_DATE_EPOCH": "1"}, "2026-03-15", flag, true},
		{"PRESS_TODAY before SOURCE_DATE_EPOCH", time.Time{}, map[string]string{"PRESS_TODAY": "2020-02-29", "SOURCE_DATE_EPOCH": "1"}, "2020-02-29", time.Date(2020, 2, 29, 0, 0, 0, 0, Zone), true},
		{"SOURCE_DATE_EPOCH is an instant", time.Time{}, map[string]string{"SOURCE_DATE_EPOCH": "1900000000"}, "2030-03-18", time.Unix(1900000000, 0), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Resolve(tc.given, func(k string) string { return tc.env[k] }, now)
			if err != nil {
				t.Fatal(err)
			}
			if d := got.Day.Format(DayFormat); d != tc.day || !got.Day.Equal(Day(got.Day)) {
				t.Errorf("day %v, want %s at midnight", got.Day, tc.day)
			}
			if !got.Now.Equal(tc.now) || got.Fixed != tc.fixed {
				t.Errorf("now %v fixed %v, want %v %v", got.Now, got.Fixed, tc.now, tc.fixed)
			}
		})
	}
	for _, env := range []map[string]string{{"PRESS_TODAY": "15.3.2026"}, {"SOURCE_DATE_EPOCH": "-5"}, {"SOURCE_DATE_EPOCH": "1.5"}} {
		if _, err := Resolve(time.Time{}, func(k string) string { return env[k] }, now); err == nil {
			t.Errorf("%v: no error", env)
		}
	}
}
