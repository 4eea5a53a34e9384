// Package ical writes calendars in the iCalendar format (RFC 5545) that
// calendar programs import once or subscribe to. It knows nothing of the
// site's content: a Calendar is made of plain values, and Marshal turns it
// into the bytes of a .ics file.
//
// What a calendar program gets:
//
//   - a VCALENDAR with PRODID, VERSION:2.0, CALSCALE:GREGORIAN and
//     METHOD:PUBLISH, the calendar's name as X-WR-CALNAME and NAME
//     (RFC 7986), its description, its time zone as X-WR-TIMEZONE, and how
//     often a subscriber should fetch it again (REFRESH-INTERVAL and
//     X-PUBLISHED-TTL);
//   - a VTIMEZONE for every time zone an event's times are in, generated
//     from Go's time zone database for the years the events span: one
//     STANDARD or DAYLIGHT observance per run of yearly transitions that
//     follow the same rule and go on (an RRULE such as the last Sunday in
//     March at 02:00), and a single onset for every other transition;
//   - a VEVENT per event, with UID, DTSTAMP, SEQUENCE, DTSTART and DTEND
//     with TZID (or in UTC for a time with a bare offset), all-day events as
//     DATE values, SUMMARY, DESCRIPTION ending with the event's URL,
//     LOCATION, GEO, URL, STATUS and CATEGORIES.
//
// The file has CRLF line endings, and every line longer than 75 octets is
// folded without splitting a UTF-8 character. Text is escaped (backslash,
// semicolon, comma and line breaks); other control characters and invalid
// UTF-8 never reach the file.
//
// Nothing in a calendar comes from the clock: DTSTAMP is the event's
// Stamp, which the caller derives from content, so that the same content
// gives the same bytes.
package ical

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Calendar is one .ics file.
type Calendar struct {
	// ProdID names the program that wrote the file, such as
	// "-//offenbar//offenbar//DE".
	ProdID string
	// Name is the calendar's name in a subscriber's calendar list.
	Name string
	// Description says what the calendar holds; it may be empty.
	Description string
	// URL is the web page of the calendar, Source the address of the .ics
	// file itself; either may be empty.
	URL, Source string
	// TimeZone is the calendar's own time zone (X-WR-TIMEZONE); nil for none.
	TimeZone *time.Location
	// Refresh is how often a subscriber should fetch the calendar again;
	// zero for no advice.
	Refresh time.Duration
	// Events are written in this order.
	Events []Event
}

// Status is an event's STATUS.
type Status int

// The statuses of an event; the zero value is Confirmed.
const (
	Confirmed Status = iota
	Tentative
	Cancelled
)

func (s Status) String() string {
	switch s {
	case Tentative:
		return "TENTATIVE"
	case Cancelled:
		return "CANCELLED"
	}
	return "CONFIRMED"
}

// Event is one VEVENT.
type Event struct {
	// UID identifies the event for good, across builds and calendars, such
	// as "2021-10-07-dialogforum@lindenbrueck.example".
	UID string
	// Sequence is raised each time the event changes, so that a calendar
	// that holds an older copy replaces it.
	Sequence int
	// Stamp is the DTSTAMP. It must not come from the clock: the same
	// content must give the same calendar.
	Stamp time.Time
	// Start and End are the event's times, each written in its own
	// location: with TZID for a named zone such as Europe/Berlin, in UTC
	// otherwise. End is exclusive; zero for an event without an end.
	//
	// For an AllDay event only the dates of Start and End count, in their
	// own locations, and End is the last day, inclusive (zero for one day);
	// the file holds the day after as DTEND, as RFC 5545 wants.
	Start, End time.Time
	AllDay     bool
	// Summary is the title, Description the text. The writer appends URL
	// to the description, after a blank line, so that every calendar
	// program shows a link to the event's page.
	Summary, Description string
	// Location is where the event takes place, in words; Geo its
	// coordinates, nil when not known.
	Location string
	Geo      *Geo
	URL      string
	Status   Status
	// Categories are words such as the kind of event.
	Categories []string
}

// Geo is a position in WGS 84 degrees.
type Geo struct{ Lat, Lon float64 }

const (
	dateFormat     = "20060102"
	dateTimeFormat = "20060102T150405"
	utcFormat      = "20060102T150405Z"
)

// Marshal returns the calendar as the bytes of a .ics file.
func Marshal(c *Calendar) ([]byte, error) {
	w := &writer{}
	w.line("BEGIN", "", "VCALENDAR")
	w.line("PRODID", "", text(cmp.Or(c.ProdID, "-//offenbar//offenbar//DE")))
	w.line("VERSION", "", "2.0")
	w.line("CALSCALE", "", "GREGORIAN")
	w.line("METHOD", "", "PUBLISH")
	if c.Name != "" {
		w.line("NAME", "", text(c.Name))
		w.line("X-WR-CALNAME", "", text(c.Name))
	}
	if c.Description != "" {
		w.line("DESCRIPTION", "", text(c.Description))
		w.line("X-WR-CALDESC", "", text(c.Description))
	}
	if name := zoneID(c.TimeZone); name != "" {
		w.line("X-WR-TIMEZONE", "", text(name))
	}
	if u := uri(c.URL); u != "" {
		w.line("URL", ";VALUE=URI", u)
	}
	if u := uri(c.Source); u != "" {
		w.line("SOURCE", ";VALUE=URI", u)
	}
	if c.Refresh > 0 {
		d := duration(c.Refresh)
		w.line("REFRESH-INTERVAL", ";VALUE=DURATION", d)
		w.line("X-PUBLISHED-TTL", "", d)
	}
	zones, err := usedZones(c.Events)
	if err != nil {
		return nil, err
	}
	for _, z := range zones {
		writeZone(w, z)
	}
	for i := range c.Events {
		if err := writeEvent(w, &c.Events[i]); err != nil {
			return nil, err
		}
	}
	w.line("END", "", "VCALENDAR")
	return w.b.Bytes(), nil
}

func writeEvent(w *writer, e *Event) error {
	switch {
	case e.UID == "":
		return fmt.Errorf("event %q has no UID", e.Summary)
	case e.Stamp.IsZero():
		return fmt.Errorf("event %q has no stamp", e.UID)
	case e.Start.IsZero():
		return fmt.Errorf("event %q has no start", e.UID)
	case e.Sequence < 0:
		return fmt.Errorf("event %q has a negative sequence %d", e.UID, e.Sequence)
	}
	w.line("BEGIN", "", "VEVENT")
	w.line("UID", "", text(e.UID))
	w.line("DTSTAMP", "", e.Stamp.UTC().Format(utcFormat))
	w.line("SEQUENCE", "", strconv.Itoa(e.Sequence))
	if e.AllDay {
		first := civil(e.Start)
		last := first
		if !e.End.IsZero() {
			last = civil(e.End)
		}
		if last.Before(first) {
			return fmt.Errorf("event %q ends before it starts", e.UID)
		}
		w.line("DTSTART", ";VALUE=DATE", first.Format(dateFormat))
		w.line("DTEND", ";VALUE=DATE", last.AddDate(0, 0, 1).Format(dateFormat))
	} else {
		if !e.End.IsZero() && e.End.Before(e.Start) {
			return fmt.Errorf("event %q ends before it starts", e.UID)
		}
		w.line(dateTime("DTSTART", e.Start))
		if !e.End.IsZero() {
			w.line(dateTime("DTEND", e.End))
		}
	}
	w.line("SUMMARY", "", text(e.Summary))
	link := uri(e.URL)
	desc := e.Description
	if link != "" {
		desc = strings.TrimRight(desc, " \t\r\n")
		if desc != "" {
			desc += "\n\n"
		}
		desc += link
	}
	if desc != "" {
		w.line("DESCRIPTION", "", text(desc))
	}
	if e.Location != "" {
		w.line("LOCATION", "", text(e.Location))
	}
	if e.Geo != nil {
		w.line("GEO", "", strconv.FormatFloat(e.Geo.Lat, 'f', -1, 64)+";"+strconv.FormatFloat(e.Geo.Lon, 'f', -1, 64))
	}
	if link != "" {
		w.line("URL", ";VALUE=URI", link)
	}
	w.line("STATUS", "", e.Status.String())
	if len(e.Categories) > 0 {
		cs := make([]string, len(e.Categories))
		for i, c := range e.Categories {
			cs[i] = text(c)
		}
		w.line("CATEGORIES", "", strings.Join(cs, ","))
	}
	w.line("CLASS", "", "PUBLIC")
	if e.Status == Cancelled {
		w.line("TRANSP", "", "TRANSPARENT")
	} else {
		w.line("TRANSP", "", "OPAQUE")
	}
	w.line("END", "", "VEVENT")
	return nil
}

// civil is the date of t in its own location, at midnight UTC.
func civil(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dateTime returns the property name, its parameters and its value for t:
// local time with TZID in a named zone, UTC otherwise.
func dateTime(name string, t time.Time) (string, string, string) {
	if id := zoneID(t.Location()); id != "" {
		return name, ";TZID=" + param(id), t.Format(dateTimeFormat)
	}
	return name, "", t.UTC().Format(utcFormat)
}

// zoneID is the TZID of a location from the time zone database, or "" for
// UTC and for a bare offset, whose times are written in UTC.
func zoneID(loc *time.Location) string {
	if loc == nil {
		return ""
	}
	name := loc.String()
	if name == "" || name == "UTC" || name == "Local" || strings.ContainsAny(name[:1], "+-0123456789") {
		return ""
	}
	return name
}

// usedZones returns every named zone that an event's times are in, sorted
// by name, with the span of times it must cover.
func usedZones(events []Event) ([]zoneSpan, error) {
	spans := map[string]*zoneSpan{}
	add := func(t time.Time) error {
		id := zoneID(t.Location())
		if id == "" || t.IsZero() {
			return nil
		}
		z := spans[id]
		if z == nil {
			spans[id] = &zoneSpan{loc: t.Location(), first: t, last: t}
			return nil
		}
		if z.loc != t.Location() && !sameZone(z.loc, t.Location(), t) {
			return fmt.Errorf("two different time zones are named %q", id)
		}
		if t.Before(z.first) {
			z.first = t
		}
		if t.After(z.last) {
			z.last = t
		}
		return nil
	}
	for _, e := range events {
		if e.AllDay {
			continue
		}
		if err := errors.Join(add(e.Start), add(e.End)); err != nil {
			return nil, err
		}
	}
	var zones []zoneSpan
	for _, id := range slices.Sorted(maps.Keys(spans)) {
		zones = append(zones, *spans[id])
	}
	return zones, nil
}

// sameZone reports whether two locations loaded separately under one name
// agree at t.
func sameZone(a, b *time.Location, t time.Time) bool {
	an, ao := t.In(a).Zone()
	bn, bo := t.In(b).Zone()
	return an == bn && ao == bo
}

// duration is d as an RFC 5545 DURATION, such as "PT12H".
func duration(d time.Duration) string {
	s := int64(d / time.Second)
	out := "P"
	if days := s / 86400; days > 0 && s%86400 == 0 {
		return out + strconv.FormatInt(days, 10) + "D"
	}
	out += "T"
	if h := s / 3600; h > 0 {
		out += strconv.FormatInt(h, 10) + "H"
	}
	if m := s / 60 % 60; m > 0 {
		out += strconv.FormatInt(m, 10) + "M"
	}
	if sec := s % 60; sec > 0 || out == "PT" {
		out += strconv.FormatInt(sec, 10) + "S"
	}
	return out
}

// writer collects content lines, each folded and ended with CRLF.
type writer struct{ b bytes.Buffer }

// line writes the content line name+params+":"+value; params and value
// are already escaped.
func (w *writer) line(name, params, value string) {
	fold(&w.b, name+params+":"+value)
}
