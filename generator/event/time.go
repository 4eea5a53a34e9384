package event

import (
	"time"

	"offenbar/generator/tomldoc"
)

// Time is a day or a point in time as written in an event's front matter:
// 2025-03-12, 2025-03-12T18:00:00 in the site's time zone, or
// 2025-03-12T18:00:00+01:00 with an explicit offset. Once loaded, Time
// holds it in the site's time zone.
type Time struct {
	time.Time
	Clock  bool // a time of day was given
	Offset bool // an offset (+01:00, Z) was given
}

// UnmarshalText accepts a date, a local date-time and an RFC 3339
// date-time; it keeps the local values' wall clock for resolve.
func (t *Time) UnmarshalText(b []byte) error {
	s := string(b)
	if v, err := time.Parse(time.DateOnly, s); err == nil {
		*t = Time{Time: v}
		return nil
	}
	if v, err := time.Parse(time.RFC3339, s); err == nil {
		*t = Time{Time: v, Clock: true, Offset: true}
		return nil
	}
	for _, layout := range []string{"2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02 15:04"} {
		if v, err := time.Parse(layout, s); err == nil {
			*t = Time{Time: v, Clock: true}
			return nil
		}
	}
	return tomldoc.DateProblem(s)
}

// resolve places t in the time zone loc: a wall-clock time is read there,
// and a time with an offset is the same instant, shown there. It reports
// false when t had an offset other than loc's at that moment, so that the
// event shows at another time of day than written.
func (t *Time) resolve(loc *time.Location) bool {
	if t.IsZero() {
		return true
	}
	if t.Offset {
		_, written := t.Zone()
		t.Time = t.In(loc)
		_, there := t.Zone()
		return written == there
	}
	v := t.Time
	t.Time = time.Date(v.Year(), v.Month(), v.Day(), v.Hour(), v.Minute(), v.Second(), 0, loc)
	return true
}
