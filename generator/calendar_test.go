package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"
)

// readCalendar checks the form of a published calendar (CRLF only, lines
// of at most 75 octets, each valid UTF-8) and reads it with go-ical, whose
// encoder then checks which properties each component must have.
func readCalendar(t *testing.T, name string, b []byte) *goical.Calendar {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatalf("%s does not end with CRLF", name)
	}
	for i, l := range bytes.Split(b[:len(b)-2], []byte("\r\n")) {
		if bytes.ContainsAny(l, "\r\n") || len(l) > 75 || !utf8.Valid(l) {
			t.Fatalf("%s: line %d is not a content line of at most 75 octets: %q", name, i+1, l)
		}
	}
	cal, err := goical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("%s: go-ical: %v", name, err)
	}
	if err := goical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
		t.Fatalf("%s: go-ical finds it invalid: %v", name, err)
	}
	return cal
}

// calendarEvents are a calendar's events by UID.
func calendarEvents(t *testing.T, cal *goical.Calendar) map[string]*goical.Event {
	t.Helper()
	out := map[string]*goical.Event{}
	for _, e := range cal.Events() {
		uid, err := e.Props.Text("UID")
		if err != nil {
			t.Fatal(err)
		}
		out[uid] = &e
	}
	return out
}

func eventText(t *testing.T, e *goical.Event, name string) string {
	t.Helper()
	s, err := e.Props.Text(name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return s
}

// TestExampleCalendars builds the example and reads every calendar it
// publishes with go-ical: the calendar to subscribe to in each language,
// with its texts, and the file of each event that its page links. The
// times of an event in summer and one in winter are checked against Go's
// time zone database, and the calendars do not change with the day the
// site is built.
func TestExampleCalendars(t *testing.T) {
	files := exampleSite(t)
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	const host = "@weltoffen.lindenbrueck.example"
	headers := string(files["_headers"])
	n := 0
	for name, b := range files {
		if !strings.HasSuffix(name, ".ics") {
			continue
		}
		n++
		readCalendar(t, name, b)
		if !strings.Contains(headers, "\n/"+name+"\n  Content-Type: text/calendar; charset=utf-8\n") {
			t.Errorf("_headers does not serve /%s as text/calendar; charset=utf-8", name)
		}
	}
	// Eight events, each with a calendar of its own, and the calendar of
	// all in each of five languages.
	if n != 5*(8+1) {
		t.Errorf("%d calendars, want %d", n, 5*(8+1))
	}

	de := readCalendar(t, "termine.ics", files["termine.ics"])
	for name, want := range map[string]string{"X-WR-CALNAME": "Termine – Weltoffenes Lindenbrück", "X-WR-TIMEZONE": "Europe/Berlin", "METHOD": "PUBLISH"} {
		if got, _ := de.Props.Text(name); got != want {
			t.Errorf("termine.ics %s = %q, want %q", name, got, want)
		}
	}
	events := calendarEvents(t, de)
	if len(events) != 8 {
		t.Errorf("termine.ics holds %d events, want 8", len(events))
	}
	// Summer time in 2021, winter time in 2027: the calendar's local time
	// with its TZID is the moment Go's time zone database gives.
	for id, want := range map[string]time.Time{
		"2021-10-07-erstes-dialogforum": time.Date(2021, 10, 7, 18, 30, 0, 0, berlin),
		"2027-02-25-dialogforum":        time.Date(2027, 2, 25, 18, 0, 0, 0, berlin),
	} {
		e := events[id+host]
		if e == nil {
			t.Fatalf("termine.ics has no event %s%s", id, host)
		}
		start, err := e.DateTimeStart(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !start.Equal(want) || e.Props.Get("DTSTART").Params.Get("TZID") != "Europe/Berlin" {
			t.Errorf("%s starts at %s (%s), want %s", id, start.UTC(), e.Props.Get("DTSTART").Value, want.UTC())
		}
		url := "https://weltoffen.lindenbrueck.example/termine/" + id + "/"
		if desc := eventText(t, e, "DESCRIPTION"); !strings.HasSuffix(desc, "\n\n"+url) {
			t.Errorf("%s: the description does not end with the event's address %s:\n%s", id, url, desc)
		}
		if !strings.Contains(string(files["termine/"+id+"/index.html"]), `href="/termine/`+id+`.ics"`) {
			t.Errorf("the page of %s does not link its calendar file", id)
		}
	}
	fest := events["2024-09-14-fest-der-kulturen"+host]
	if s, e := fest.Props.Get("DTSTART"), fest.Props.Get("DTEND"); s.Value != "20240914" || e.Value != "20240916" || s.ValueType() != goical.ValueDate {
		t.Errorf("the two-day festival is %s to %s, want the dates 20240914 to 20240916", s.Value, e.Value)
	}
	cancelled := events["2026-12-03-runder-tisch-sprache"+host]
	if status, _ := cancelled.Status(); status != goical.EventCancelled || !strings.HasPrefix(eventText(t, cancelled, "SUMMARY"), "Abgesagt: ") {
		t.Errorf("the cancelled round table is %s, %q", status, eventText(t, cancelled, "SUMMARY"))
	}
	if seq := cancelled.Props.Get("SEQUENCE"); seq == nil || seq.Value != "1" {
		t.Errorf("the cancelled round table has SEQUENCE %v, want its sequence = 1", seq)
	}
	forum := events["2027-02-25-dialogforum"+host]
	if geo := forum.Props.Get("GEO"); geo == nil || geo.Value != "49.4521;11.0767" {
		t.Errorf("the forum's GEO is %v, want 49.4521;11.0767", geo)
	}
	if loc := eventText(t, forum, "LOCATION"); !strings.Contains(loc, "Webergasse 4") {
		t.Errorf("the forum's LOCATION is %q", loc)
	}

	// The English calendar: English texts where the event is translated,
	// the same UIDs, and its own pages' addresses.
	en := readCalendar(t, "en/events.ics", files["en/events.ics"])
	if got, _ := en.Props.Text("X-WR-CALNAME"); got != "Events – Welcoming Lindenbrück" {
		t.Errorf("en/events.ics is named %q", got)
	}
	enForum := calendarEvents(t, en)["2027-02-25-dialogforum"+host]
	if enForum == nil {
		t.Fatal("en/events.ics lacks the forum under the same UID")
	}
	if got := eventText(t, enForum, "SUMMARY"); got != "Dialogue forum 2027: living together at Lindenhang" {
		t.Errorf("the English forum is called %q", got)
	}
	if desc := eventText(t, enForum, "DESCRIPTION"); !strings.HasSuffix(desc, "\n\nhttps://weltoffen.lindenbrueck.example/en/events/2027-02-25-dialogforum/") || !strings.Contains(desc, "\nRegistration:\n") {
		t.Errorf("the English forum's description:\n%s", desc)
	}

	// An event's own file holds that event only.
	one := calendarEvents(t, readCalendar(t, "termine/2027-02-25-dialogforum.ics", files["termine/2027-02-25-dialogforum.ics"]))
	if len(one) != 1 || one["2027-02-25-dialogforum"+host] == nil {
		t.Errorf("termine/2027-02-25-dialogforum.ics holds %d events", len(one))
	}

	// DTSTAMP comes from the content: a build on another day writes the
	// same calendars.
	t.Setenv("SOURCE_DATE_EPOCH", "1800000000") // 2027-01-15
	later := buildSite(t, "..")
	for name, b := range files {
		if strings.HasSuffix(name, ".ics") && !bytes.Equal(b, later[name]) {
			t.Errorf("%s changes with the day of the build", name)
		}
	}
}

// TestCalendarUIDsBelowASubPath: two towns on one host, such as two
// GitLab Pages projects of one group, never share an event's UID: below a
// sub-path, the UID holds the path.
func TestCalendarUIDsBelowASubPath(t *testing.T) {
	files := buildSite(t, "..", "--base-url", "https://gruppe.gitlab.io/weltoffen/")
	events := calendarEvents(t, readCalendar(t, "termine.ics", files["termine.ics"]))
	if len(events) == 0 {
		t.Fatal("termine.ics has no events")
	}
	for uid := range events {
		if !strings.HasSuffix(uid, "@gruppe.gitlab.io/weltoffen") {
			t.Errorf("UID %q does not name the site's host and path", uid)
		}
	}
}
