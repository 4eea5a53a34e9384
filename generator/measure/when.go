package measure

import (
	"regexp"
	"strconv"
	"time"

	"offenbar/generator/diag"
)

// When is a day or a whole month, as start and due are written:
// 2025-03-31 or "2025-03".
type When struct {
	time.Time      // the first day
	Month     bool // a whole month, not a day
}

var monthRE = regexp.MustCompile(`^(\d{4})-(\d{2})$`)

// UnmarshalText accepts YYYY-MM-DD and YYYY-MM.
func (w *When) UnmarshalText(b []byte) error {
	s := string(b)
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		*w = When{Time: t}
		return nil
	}
	if m := monthRE.FindStringSubmatch(s); m != nil {
		if n, _ := strconv.Atoi(m[2]); n < 1 || n > 12 {
			return diag.Messagef("%q is no month: the month is %s, want 01 to 12", s, m[2])
		}
		t, _ := time.Parse("2006-01", s)
		*w = When{Time: t, Month: true}
		return nil
	}
	return diag.Messagef("invalid date %q, want a day such as 2025-03-31 or a month such as \"2025-03\"", s)
}

// IsZero reports whether nothing was given.
func (w When) IsZero() bool { return w.Time.IsZero() }

// First is the first day that w covers.
func (w When) First() time.Time { return w.Time }

// Last is the last day that w covers: the day, or the month's last day.
func (w When) Last() time.Time {
	if w.Month {
		return w.Time.AddDate(0, 1, -1)
	}
	return w.Time
}

// ISO is w as written: 2025-03-31, or 2025-03 for a month.
func (w When) ISO() string {
	if w.Month {
		return w.Format("2006-01")
	}
	return w.Format(time.DateOnly)
}

func itoa(n int) string { return strconv.Itoa(n) }
