// Package clock is press's sense of time: the association's time zone
// (Beijing time) and the day a run of press takes as today, resolved once
// from --today, PRESS_TODAY, SOURCE_DATE_EPOCH or, failing those, the
// system clock. Everything that needs "today" or "now" takes it from a
// resolved Today, so that a build given a day is reproducible.
package clock

import (
	"fmt"
	"strconv"
	"time"
)

// Zone is the association's time zone, Beijing time (UTC+8 all year, no
// daylight saving time; the IANA name is Asia/Shanghai). Dates without a
// zone, in data and on the command line, are read in it.
var Zone = time.FixedZone("CST", 8*60*60)

// ZoneName is the IANA name of Zone, for the outputs that name it
// (iCalendar's TZID).
const ZoneName = "Asia/Shanghai"

// DayFormat is how press writes a day: 2026-11-27.
const DayFormat = "2006-01-02"

// Day returns the day of t in Zone, at midnight.
func Day(t time.Time) time.Time {
	t = t.In(Zone)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, Zone)
}

// ParseDay reads a day written YYYY-MM-DD, in Zone.
func ParseDay(s string) (time.Time, error) {
	return time.ParseInLocation(DayFormat, s, Zone)
}

// Today is a resolved "today".
type Today struct {
	// Day is the day the membership rules and every dated output take as
	// today: midnight, Beijing time.
	Day time.Time
	// Now is the instant templates see as "now": midnight of Day for a
	// given day, the instant of SOURCE_DATE_EPOCH, or the clock's.
	Now time.Time
	// Fixed says that the day was given (flag or environment), not read
	// from the clock: the same sources then give the same output.
	Fixed bool
}

// Resolve resolves today: the day given (a --today flag; zero when there
// is none), else PRESS_TODAY (YYYY-MM-DD), else SOURCE_DATE_EPOCH
// (seconds since 1970, the reproducible-builds convention), else now().
// getenv and now are os.Getenv and time.Now outside tests.
func Resolve(given time.Time, getenv func(string) string, now func() time.Time) (Today, error) {
	if !given.IsZero() {
		d := Day(given)
		return Today{Day: d, Now: d, Fixed: true}, nil
	}
	if v := getenv("PRESS_TODAY"); v != "" {
		d, err := ParseDay(v)
		if err != nil {
			return Today{}, fmt.Errorf("PRESS_TODAY=%s: write the day as YYYY-MM-DD", v)
		}
		return Today{Day: d, Now: d, Fixed: true}, nil
	}
	if v := getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseUint(v, 10, 63)
		if err != nil {
			return Today{}, fmt.Errorf("SOURCE_DATE_EPOCH=%s: must be seconds since 1970", v)
		}
		t := time.Unix(int64(sec), 0).In(Zone)
		return Today{Day: Day(t), Now: t, Fixed: true}, nil
	}
	t := now().In(Zone)
	return Today{Day: Day(t), Now: t}, nil
}
