package tomldoc

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"offenbar/generator/diag"
)

// Date is a calendar date, optionally with a time of day, as written in
// content: 2024-05-17 or 2024-05-17T09:30:00+02:00. It never depends on the
// time zone of the machine that builds the site.
type Date struct {
	time.Time
	HasClock bool // the source gave a time of day
}

// UnmarshalText accepts YYYY-MM-DD and RFC 3339 date-times; a date-time
// without an offset is read as UTC.
func (d *Date) UnmarshalText(b []byte) error {
	s := string(b)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		*d = Date{Time: t}
		return nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05"} {
		if t, err := time.Parse(layout, s); err == nil {
			*d = Date{Time: t, HasClock: true}
			return nil
		}
	}
	if m := impossibleDate(s); m != nil {
		return m
	}
	return diag.Messagef("invalid date %q, want a date such as 2024-05-17 or 2024-05-17T09:30:00+02:00", s)
}

var dateLike = regexp.MustCompile(`^(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)`)

// impossibleDate says what is wrong with s when it is written as a date,
// year-month-day, but names no day of the calendar, such as 2026-02-30;
// it returns nil otherwise.
func impossibleDate(s string) *diag.Message {
	m := dateLike.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	year, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	day, _ := strconv.Atoi(m[3])
	if month < 1 || month > 12 {
		return diag.Messagef("%q is no date: the month is %s, want 01 to 12; write year-month-day, such as 2024-05-17", s, m[2])
	}
	last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if day < 1 || day > last {
		return diag.Messagef("%q is no date: month %s of %d has days 01 to %d; write a day that exists, such as %s", s, m[2], year, last, fmt.Sprintf("%s-%s-%02d", m[1], m[2], last))
	}
	return nil
}

// DateProblem says what is wrong with s, the text of a TOML date or
// date-time that the parser refused, in words for editors.
func DateProblem(s string) *diag.Message {
	if m := impossibleDate(s); m != nil {
		return m
	}
	return diag.Messagef("%q is no date: write year-month-day with 4, 2 and 2 digits, such as 2024-05-17, or a date and time, such as 2024-05-17T09:30:00+02:00", s)
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// ISO formats d as YYYY-MM-DD.
func (d Date) ISO() string { return d.Format(time.DateOnly) }
