package tomldoc

import (
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
	return diag.Messagef("invalid date %q, want a date such as 2024-05-17 or 2024-05-17T09:30:00+02:00", s)
}

// IsZero reports whether no date was given.
func (d Date) IsZero() bool { return d.Time.IsZero() }

// ISO formats d as YYYY-MM-DD.
func (d Date) ISO() string { return d.Format(time.DateOnly) }
