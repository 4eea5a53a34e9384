package ical

import (
	"fmt"
	"slices"
	"time"
)

// zoneSpan is a named zone with the first and last time an event needs it
// for.
type zoneSpan struct {
	loc         *time.Location
	first, last time.Time
}

// transition is the moment a zone's offset, abbreviation or daylight
// saving changes.
type transition struct {
	at       time.Time // the instant, in UTC
	from, to int       // offsets from UTC in seconds before and after
	name     string    // the abbreviation after, such as "CEST"
	dst      bool      // whether daylight saving time begins
}

// wall is the transition's moment on the clocks before it, which is how a
// VTIMEZONE states an onset.
func (t transition) wall() time.Time {
	return t.at.Add(time.Duration(t.from) * time.Second).UTC()
}

// transitions returns, from Go's time zone database, every transition of
// loc from the one in force at from until before until. When no
// transition ever happened before from, the first is a pseudo transition
// at 1970-01-01 with the same offset before and after.
func transitions(loc *time.Location, from, until time.Time) []transition {
	at := func(t time.Time) transition {
		name, off := t.In(loc).Zone()
		_, before := t.Add(-time.Second).In(loc).Zone()
		return transition{at: t.UTC(), from: before, to: off, name: name, dst: t.In(loc).IsDST()}
	}
	start, _ := from.In(loc).ZoneBounds()
	var ts []transition
	if start.IsZero() {
		name, off := from.In(loc).Zone()
		epoch := time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC).Add(-time.Duration(off) * time.Second)
		if from.Before(epoch) {
			epoch = from
		}
		ts = append(ts, transition{at: epoch, from: off, to: off, name: name, dst: from.In(loc).IsDST()})
		_, end := from.In(loc).ZoneBounds()
		if end.IsZero() {
			return ts
		}
		start = end
	}
	for t := start; !t.IsZero() && t.Before(until); {
		// Past the database's last transition, Go ends a period at each
		// year's end too; such an end changes nothing and is no onset.
		tr := at(t)
		if n := len(ts); n == 0 || tr.from != tr.to || tr.name != ts[n-1].name || tr.dst != ts[n-1].dst {
			ts = append(ts, tr)
		}
		t = next(t, loc)
	}
	return ts
}

// next returns when the period of loc that t is in ends: the next
// transition, or the end of a year past the last transition of the
// database, where Go goes on by the zone's rule; zero when there is none.
//
// In a leap year past that last transition (2040, 2044 …) Go's ZoneBounds
// ends the year a day early, on 31 December, and from there gives that
// day again: the loop above went round for ever, and a build with an event
// in 2038 or later grew to 10 GB. Then the next year begins the next
// period.
func next(t time.Time, loc *time.Location) time.Time {
	_, end := t.In(loc).ZoneBounds()
	if !end.IsZero() && !end.After(t) {
		end = time.Date(t.UTC().Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return end
}

// observance is a STANDARD or DAYLIGHT component: one transition, or a run
// of transitions in consecutive years that one yearly rule describes.
type observance struct {
	first, last transition
	members     []transition
	byDay       string // the RRULE's BYDAY, such as "-1SU"; "" for one onset
}

// ruleKey is what the transitions of one yearly run share.
type ruleKey struct {
	from, to int
	name     string
	dst      bool
	month    time.Month
	weekday  time.Weekday
	clock    time.Duration
}

func keyOf(t transition) ruleKey {
	w := t.wall()
	return ruleKey{t.from, t.to, t.name, t.dst, w.Month(), w.Weekday(), w.Sub(civil(w))}
}

// weeks returns the BYDAY ordinals that describe the transition's day in
// its month: the nth weekday, and -1 when it is the last one.
func weeks(t transition) []int {
	w := t.wall()
	n := []int{(w.Day()-1)/7 + 1}
	if w.AddDate(0, 0, 7).Month() != w.Month() {
		n = append([]int{-1}, n...)
	}
	return n
}

func intersect(a, b []int) []int {
	var out []int
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
			}
		}
	}
	return out
}

var weekdays = [...]string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}

// observances groups transitions into yearly runs. A transition joins the
// run of its kind (offsets, name, month, weekday and time of day) when it
// falls in the year after the run's last one and the same ordinal weekday
// describes all of them.
func observances(ts []transition) []observance {
	type run struct {
		obs   observance
		weeks []int
	}
	var runs []*run
	open := map[ruleKey]*run{}
	for _, t := range ts {
		k := keyOf(t)
		if r := open[k]; r != nil && t.wall().Year() == r.obs.last.wall().Year()+1 {
			if w := intersect(r.weeks, weeks(t)); len(w) > 0 {
				r.obs.last, r.weeks = t, w
				r.obs.members = append(r.obs.members, t)
				continue
			}
		}
		r := &run{obs: observance{first: t, last: t, members: []transition{t}}, weeks: weeks(t)}
		runs = append(runs, r)
		open[k] = r
	}
	out := make([]observance, len(runs))
	for i, r := range runs {
		if len(r.obs.members) > 1 {
			r.obs.byDay = fmt.Sprintf("%d%s", r.weeks[0], weekdays[keyOf(r.obs.first).weekday])
		}
		out[i] = r.obs
	}
	return out
}

// writeZone writes the VTIMEZONE of z: every transition from the one in
// force at the first time an event needs until the end of the year of the
// last. A yearly run that goes on past that end is an RRULE; a run that
// ended before is written as its single onsets rather than with UNTIL,
// which RFC 5545 allows but python-dateutil, and so khal and other
// programs built on it, cannot read in a VTIMEZONE.
func writeZone(w *writer, z zoneSpan) {
	first := z.first.In(z.loc)
	last := z.last.In(z.loc)
	from := time.Date(first.Year(), 1, 1, 0, 0, 0, 0, z.loc)
	until := time.Date(last.Year()+1, 1, 1, 0, 0, 0, 0, z.loc)
	// Two years more show which runs go on after the span.
	ts := transitions(z.loc, from, until.AddDate(2, 0, 0))
	var parts []observance
	for _, o := range observances(ts) {
		switch {
		case !o.first.at.Before(until):
		case o.byDay != "" && o.last.at.Before(until):
			for _, t := range o.members {
				parts = append(parts, observance{first: t, last: t, members: []transition{t}})
			}
		default:
			parts = append(parts, o)
		}
	}
	slices.SortStableFunc(parts, func(a, b observance) int { return a.first.at.Compare(b.first.at) })
	w.line("BEGIN", "", "VTIMEZONE")
	w.line("TZID", "", text(zoneID(z.loc)))
	for _, o := range parts {
		kind := "STANDARD"
		if o.first.dst {
			kind = "DAYLIGHT"
		}
		w.line("BEGIN", "", kind)
		w.line("DTSTART", "", o.first.wall().Format(dateTimeFormat))
		if o.byDay != "" {
			w.line("RRULE", "", fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s", int(o.first.wall().Month()), o.byDay))
		}
		w.line("TZOFFSETFROM", "", offset(o.first.from))
		w.line("TZOFFSETTO", "", offset(o.first.to))
		if o.first.name != "" {
			w.line("TZNAME", "", text(o.first.name))
		}
		w.line("END", "", kind)
	}
	w.line("END", "", "VTIMEZONE")
}

// offset is a UTC offset in seconds as "+0100", or "+053328" when it has
// seconds.
func offset(s int) string {
	sign := '+'
	if s < 0 {
		sign, s = '-', -s
	}
	if s%60 != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%c%02d%02d", sign, s/3600, s/60%60)
}
