package ical

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	goical "github.com/emersion/go-ical"
)

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatalf("time zone database: %v", err)
	}
	return loc
}

// example is a calendar with an event in summer and one in winter in
// Berlin, an all-day event, one with a bare offset, a cancelled one and
// texts that need escaping and folding.
func example(t testing.TB) *Calendar {
	berlin := mustLoad(t, "Europe/Berlin")
	stamp := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	return &Calendar{
		ProdID:      "-//offenbar//offenbar//DE",
		Name:        "Termine – Weltoffenes Lindenbrück",
		Description: "Workshops, Runde Tische und Dialogforen der Stadt Lindenbrück",
		URL:         "https://lindenbrueck.example/termine/",
		Source:      "https://lindenbrueck.example/termine.ics",
		TimeZone:    berlin,
		Refresh:     12 * time.Hour,
		Events: []Event{
			{
				UID: "2026-07-09-dialogforum@lindenbrueck.example", Sequence: 2, Stamp: stamp,
				Start:       time.Date(2026, 7, 9, 18, 30, 0, 0, berlin),
				End:         time.Date(2026, 7, 9, 21, 0, 0, 0, berlin),
				Summary:     "Dialogforum: Wie gelingt Zusammenhalt in Lindenbrück?",
				Description: "Alle sind eingeladen; wir sprechen über Begegnung, Sprache und Arbeit.\nMit Gebärdensprachdolmetschung (DGS), Übersetzung ins Türkische und Arabische, Kinderbetreuung.\\",
				Location:    "Rathaus, Großer Sitzungssaal, Marktplatz 1, 87600 Lindenbrück",
				Geo:         &Geo{Lat: 47.880931, Lon: 10.622468},
				URL:         "https://lindenbrueck.example/termine/2026-07-09-dialogforum/",
				Categories:  []string{"Dialogforum", "Beteiligung, offen"},
			},
			{
				UID: "2026-12-03-runder-tisch@lindenbrueck.example", Stamp: stamp,
				Start:   time.Date(2026, 12, 3, 17, 0, 0, 0, berlin),
				End:     time.Date(2026, 12, 3, 19, 0, 0, 0, berlin),
				Summary: "Runder Tisch Wohnen", URL: "https://lindenbrueck.example/termine/2026-12-03-runder-tisch/",
				Status: Cancelled,
			},
			{
				UID: "2026-10-03-fest@lindenbrueck.example", Stamp: stamp,
				Start: time.Date(2026, 10, 3, 0, 0, 0, 0, berlin), End: time.Date(2026, 10, 4, 0, 0, 0, 0, berlin), AllDay: true,
				Summary: "Fest der Kulturen",
			},
			{
				UID: "2026-11-05-online@lindenbrueck.example", Stamp: stamp,
				Start:   time.Date(2026, 11, 5, 19, 0, 0, 0, time.FixedZone("", 3600)),
				End:     time.Date(2026, 11, 5, 20, 0, 0, 0, time.FixedZone("", 3600)),
				Summary: "Online-Sprechstunde", Location: "online: https://lindenbrueck.example/meet", Status: Tentative,
			},
		},
	}
}

// checkLines checks the physical form of a calendar: CRLF line endings
// only, no line longer than 75 octets, and no UTF-8 character split
// between two lines.
func checkLines(t testing.TB, b []byte) {
	t.Helper()
	if !bytes.HasSuffix(b, []byte("\r\n")) {
		t.Fatalf("calendar does not end with CRLF")
	}
	lines := bytes.Split(b[:len(b)-2], []byte("\r\n"))
	for i, l := range lines {
		if bytes.ContainsAny(l, "\r\n") {
			t.Fatalf("line %d holds a bare CR or LF: %q", i+1, l)
		}
		if len(l) > maxLine {
			t.Fatalf("line %d has %d octets, more than %d: %q", i+1, len(l), maxLine, l)
		}
		if !utf8.Valid(l) {
			t.Fatalf("line %d is not valid UTF-8 on its own (a character split by folding?): %q", i+1, l)
		}
		if len(l) == 0 {
			t.Fatalf("line %d is empty", i+1)
		}
	}
}

// decode parses a calendar with go-ical and encodes it again with go-ical,
// whose encoder checks which properties a component must have and may
// have once only.
func decode(t testing.TB, b []byte) *goical.Calendar {
	t.Helper()
	cal, err := goical.NewDecoder(bytes.NewReader(b)).Decode()
	if err != nil {
		t.Fatalf("go-ical cannot read the calendar: %v\n%s", err, b)
	}
	if err := goical.NewEncoder(&bytes.Buffer{}).Encode(cal); err != nil {
		t.Fatalf("go-ical finds the calendar invalid: %v", err)
	}
	return cal
}

func propText(t testing.TB, c *goical.Component, name string) string {
	t.Helper()
	p := c.Props.Get(name)
	if p == nil {
		t.Fatalf("%s has no %s", c.Name, name)
	}
	s, err := p.Text()
	if err != nil {
		t.Fatalf("%s %s: %v", c.Name, name, err)
	}
	return s
}

// onset is when an observance of a VTIMEZONE begins and the offset it
// brings.
type onset struct {
	at     time.Time
	offset int
}

// zoneRules evaluates a VTIMEZONE independently of the writer: every
// onset of every STANDARD and DAYLIGHT observance until the end of the
// year until, expanded by rrule-go.
func zoneRules(t testing.TB, tz *goical.Component, until time.Time) []onset {
	t.Helper()
	var out []onset
	for _, o := range tz.Children {
		if o.Name != "STANDARD" && o.Name != "DAYLIGHT" {
			t.Fatalf("VTIMEZONE holds a %s", o.Name)
		}
		from := parseOffset(t, o.Props.Get("TZOFFSETFROM").Value)
		to := parseOffset(t, o.Props.Get("TZOFFSETTO").Value)
		// DTSTART is local time on the clocks before the onset.
		loc := time.FixedZone("", from)
		start, err := o.Props.DateTime("DTSTART", loc)
		if err != nil {
			t.Fatal(err)
		}
		if o.Props.Get("RRULE") == nil {
			out = append(out, onset{start, to})
			continue
		}
		set, err := o.RecurrenceSet(loc)
		if err != nil {
			t.Fatal(err)
		}
		for _, at := range set.Between(start, until, true) {
			out = append(out, onset{at, to})
		}
	}
	slices.SortFunc(out, func(a, b onset) int { return a.at.Compare(b.at) })
	return out
}

// offsetAt is the offset that the onsets give at instant at.
func offsetAt(t testing.TB, onsets []onset, at time.Time) int {
	t.Helper()
	i, found := slices.BinarySearchFunc(onsets, at, func(o onset, at time.Time) int { return o.at.Compare(at) })
	if !found {
		i--
	}
	if i < 0 {
		t.Fatalf("%s lies before the first onset of the VTIMEZONE", at)
	}
	return onsets[i].offset
}

// resolve turns a local time of a TZID into an instant with the
// VTIMEZONE's onsets, as a calendar program does.
func resolve(t testing.TB, onsets []onset, local time.Time) time.Time {
	t.Helper()
	seen := map[int]bool{}
	for _, o := range onsets {
		if seen[o.offset] {
			continue
		}
		seen[o.offset] = true
		at := local.Add(-time.Duration(o.offset) * time.Second)
		if offsetAt(t, onsets, at) == o.offset {
			return at.UTC()
		}
	}
	t.Fatalf("local time %s does not exist in the VTIMEZONE", local)
	return time.Time{}
}

func parseOffset(t testing.TB, s string) int {
	t.Helper()
	if len(s) != 5 && len(s) != 7 || s[0] != '+' && s[0] != '-' {
		t.Fatalf("malformed UTC offset %q", s)
	}
	n := 0
	for i, unit := range []int{3600, 60, 1} {
		if 1+2*i >= len(s) {
			break
		}
		v, err := strconv.Atoi(s[1+2*i : 3+2*i])
		if err != nil {
			t.Fatalf("malformed UTC offset %q", s)
		}
		n += v * unit
	}
	if s[0] == '-' {
		n = -n
	}
	return n
}

func timezones(t testing.TB, cal *goical.Calendar) map[string]*goical.Component {
	t.Helper()
	out := map[string]*goical.Component{}
	for _, c := range cal.Children {
		if c.Name == "VTIMEZONE" {
			out[propText(t, c, "TZID")] = c
		}
	}
	return out
}

// instant is the time of a DTSTART or DTEND as the calendar says it: UTC,
// or local time resolved with the calendar's own VTIMEZONE.
func instant(t testing.TB, cal *goical.Calendar, ev *goical.Event, name string) time.Time {
	t.Helper()
	p := ev.Props.Get(name)
	if p == nil {
		t.Fatalf("event has no %s", name)
	}
	tzid := p.Params.Get("TZID")
	if tzid == "" {
		if !strings.HasSuffix(p.Value, "Z") {
			t.Fatalf("%s %q is neither UTC nor has a TZID", name, p.Value)
		}
		at, err := p.DateTime(time.UTC)
		if err != nil {
			t.Fatal(err)
		}
		return at
	}
	tz := timezones(t, cal)[tzid]
	if tz == nil {
		t.Fatalf("no VTIMEZONE for TZID %q", tzid)
	}
	local, err := time.ParseInLocation(dateTimeFormat, p.Value, time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	return resolve(t, zoneRules(t, tz, local.AddDate(1, 0, 0)), local)
}

func TestMarshal(t *testing.T) {
	c := example(t)
	b, err := Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	checkLines(t, b)
	again, _ := Marshal(example(t))
	if !bytes.Equal(b, again) {
		t.Fatal("two calendars of the same content differ")
	}
	cal := decode(t, b)
	for name, want := range map[string]string{
		"VERSION": "2.0", "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH", "PRODID": c.ProdID,
		"X-WR-CALNAME": c.Name, "NAME": c.Name, "X-WR-TIMEZONE": "Europe/Berlin",
		"X-WR-CALDESC": c.Description, "X-PUBLISHED-TTL": "PT12H",
	} {
		if got := propText(t, cal.Component, name); got != want {
			t.Errorf("calendar %s = %q, want %q", name, got, want)
		}
	}
	for name, want := range map[string]string{"REFRESH-INTERVAL": "PT12H", "SOURCE": c.Source, "URL": c.URL} {
		if p := cal.Props.Get(name); p == nil || p.Value != want {
			t.Errorf("calendar %s = %v, want %q", name, p, want)
		}
	}
	if got := len(timezones(t, cal)); got != 1 {
		t.Errorf("%d VTIMEZONEs, want 1 (Europe/Berlin)", got)
	}
	events := cal.Events()
	if len(events) != len(c.Events) {
		t.Fatalf("%d events, want %d", len(events), len(c.Events))
	}
	for i, want := range c.Events {
		ev := &events[i]
		if got := propText(t, ev.Component, "UID"); got != want.UID {
			t.Errorf("UID = %q, want %q", got, want.UID)
		}
		if got := propText(t, ev.Component, "SUMMARY"); got != want.Summary {
			t.Errorf("SUMMARY = %q, want %q", got, want.Summary)
		}
		if got := ev.Props.Get("DTSTAMP").Value; got != "20260301T090000Z" {
			t.Errorf("%s: DTSTAMP = %q, want the event's stamp 20260301T090000Z", want.UID, got)
		}
		if got := ev.Props.Get("SEQUENCE").Value; got != strconv.Itoa(want.Sequence) {
			t.Errorf("%s: SEQUENCE = %q, want %d", want.UID, got, want.Sequence)
		}
		status, err := ev.Status()
		if err != nil || string(status) != want.Status.String() {
			t.Errorf("%s: STATUS = %q (%v), want %s", want.UID, status, err, want.Status)
		}
		if want.URL != "" {
			wantDesc := want.URL
			if want.Description != "" {
				wantDesc = want.Description + "\n\n" + want.URL
			}
			if desc := propText(t, ev.Component, "DESCRIPTION"); desc != wantDesc {
				t.Errorf("%s: DESCRIPTION = %q, want the description and then the URL: %q", want.UID, desc, wantDesc)
			}
			if got := ev.Props.Get("URL").Value; got != want.URL {
				t.Errorf("%s: URL = %q, want %q", want.UID, got, want.URL)
			}
		}
		if want.Location != "" {
			if got := propText(t, ev.Component, "LOCATION"); got != want.Location {
				t.Errorf("%s: LOCATION = %q, want %q", want.UID, got, want.Location)
			}
		}
		if want.AllDay {
			for name, day := range map[string]string{"DTSTART": "20261003", "DTEND": "20261005"} {
				p := ev.Props.Get(name)
				if p.Value != day || p.ValueType() != goical.ValueDate {
					t.Errorf("%s: %s = %q (%s), want the date %s", want.UID, name, p.Value, p.ValueType(), day)
				}
			}
			continue
		}
		for name, want := range map[string]time.Time{"DTSTART": want.Start, "DTEND": want.End} {
			if got := instant(t, cal, ev, name); !got.Equal(want) {
				t.Errorf("%s %s = %s, want %s", ev.Props.Get("UID").Value, name, got, want.UTC())
			}
		}
	}
	first := &events[0]
	if got := first.Props.Get("DTSTART"); got.Value != "20260709T183000" || got.Params.Get("TZID") != "Europe/Berlin" {
		t.Errorf("summer DTSTART = %q with TZID %q, want 20260709T183000 in Europe/Berlin", got.Value, got.Params.Get("TZID"))
	}
	if geo := first.Props.Get("GEO").Value; geo != "47.880931;10.622468" {
		t.Errorf("GEO = %q, want 47.880931;10.622468", geo)
	}
	cats, err := first.Props.Get("CATEGORIES").TextList()
	if err != nil || !slices.Equal(cats, c.Events[0].Categories) {
		t.Errorf("CATEGORIES = %q, want %q", cats, c.Events[0].Categories)
	}
	if got := events[3].Props.Get("DTSTART").Value; got != "20261105T180000Z" {
		t.Errorf("a time with a bare offset: DTSTART = %q, want it in UTC, 20261105T180000Z", got)
	}
}

// TestSummerAndWinter checks the times of an event in summer and in
// winter against Go's time zone database, as a calendar program that
// knows the TZID reads them, and as one that knows only the VTIMEZONE.
func TestSummerAndWinter(t *testing.T) {
	b, err := Marshal(example(t))
	if err != nil {
		t.Fatal(err)
	}
	cal := decode(t, b)
	events := cal.Events()
	for _, tc := range []struct {
		ev       *goical.Event
		want     string
		wantZone string
	}{
		{&events[0], "2026-07-09T16:30:00Z", "CEST"},
		{&events[1], "2026-12-03T16:00:00Z", "CET"},
	} {
		byName, err := tc.ev.DateTimeStart(nil)
		if err != nil {
			t.Fatal(err)
		}
		byRules := instant(t, cal, tc.ev, "DTSTART")
		if got := byName.UTC().Format(time.RFC3339); got != tc.want {
			t.Errorf("with Go's zone: %s, want %s", got, tc.want)
		}
		if got := byRules.UTC().Format(time.RFC3339); got != tc.want {
			t.Errorf("with the VTIMEZONE: %s, want %s", got, tc.want)
		}
		if zone, _ := byName.Zone(); zone != tc.wantZone {
			t.Errorf("zone %s, want %s", zone, tc.wantZone)
		}
	}
}

// TestZones checks the VTIMEZONE of zones with and without daylight
// saving time, with rules that changed, with half-hour steps and with
// transitions that follow no weekday rule, at every hour across the
// years and at every second around a transition, against Go's database.
func TestZones(t *testing.T) {
	for _, tc := range []struct {
		zone         string
		first, last  int
		observations int // at most, after the rules are grouped
	}{
		{"Europe/Berlin", 2021, 2027, 2},
		{"Europe/Berlin", 1995, 1997, 4},
		// Past the database's last transition, across the leap year 2040,
		// where Go's ZoneBounds ends the year on 31 December.
		{"Europe/Berlin", 2039, 2042, 2},
		{"America/New_York", 2043, 2045, 3}, // and the period in force, from a year's end
		{"America/New_York", 2005, 2009, 7},
		{"Australia/Lord_Howe", 2024, 2026, 2},
		{"Europe/Dublin", 2024, 2025, 2},
		{"Europe/Istanbul", 2014, 2018, 12},
		{"Africa/Casablanca", 2024, 2025, 8},
		{"Asia/Tehran", 2021, 2023, 6},
		{"America/Sao_Paulo", 2017, 2020, 6},
		{"Asia/Kolkata", 2026, 2026, 1},
		{"Pacific/Apia", 2011, 2012, 6},
		{"Etc/GMT-3", 2026, 2026, 1},
		{"Pacific/Chatham", 2026, 2026, 2},
	} {
		t.Run(fmt.Sprintf("%s/%d-%d", tc.zone, tc.first, tc.last), func(t *testing.T) {
			loc := mustLoad(t, tc.zone)
			first := time.Date(tc.first, 1, 1, 0, 30, 0, 0, loc)
			last := time.Date(tc.last, 12, 31, 23, 0, 0, 0, loc)
			b, err := Marshal(&Calendar{Events: []Event{
				{UID: "a@x", Stamp: first, Start: first, End: first.Add(time.Hour)},
				{UID: "b@x", Stamp: first, Start: last, End: last.Add(30 * time.Minute)},
			}})
			if err != nil {
				t.Fatal(err)
			}
			checkLines(t, b)
			cal := decode(t, b)
			tz := timezones(t, cal)[tc.zone]
			if tz == nil {
				t.Fatalf("no VTIMEZONE %s in\n%s", tc.zone, b)
			}
			if len(tz.Children) > tc.observations {
				t.Errorf("%d observances, want at most %d:\n%s", len(tz.Children), tc.observations, b)
			}
			onsets := zoneRules(t, tz, last.AddDate(1, 0, 0))
			check := func(at time.Time) {
				_, want := at.In(loc).Zone()
				if got := offsetAt(t, onsets, at); got != want {
					t.Fatalf("at %s the VTIMEZONE says %s, Go says %s:\n%s", at.UTC(), offset(got), offset(want), b)
				}
			}
			for at := first; at.Before(last); at = at.Add(time.Hour) {
				check(at)
			}
			for at := first; !at.IsZero() && at.Before(last); {
				end := next(at, loc)
				if end.IsZero() || end.After(last) {
					break
				}
				check(end.Add(-time.Second))
				check(end)
				at = end
			}
			for _, ev := range cal.Events() {
				start := instant(t, cal, &ev, "DTSTART")
				local, _ := time.ParseInLocation(dateTimeFormat, ev.Props.Get("DTSTART").Value, loc)
				if !start.Equal(local) {
					t.Errorf("DTSTART %s is %s with the VTIMEZONE, %s with Go", ev.Props.Get("DTSTART").Value, start, local.UTC())
				}
			}
		})
	}
}

func TestBerlinRules(t *testing.T) {
	berlin := mustLoad(t, "Europe/Berlin")
	at := time.Date(2026, 7, 9, 18, 30, 0, 0, berlin)
	b, err := Marshal(&Calendar{Events: []Event{{UID: "a@x", Stamp: at, Start: at}}})
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"BEGIN:VTIMEZONE",
		"TZID:Europe/Berlin",
		"BEGIN:STANDARD",
		"DTSTART:20251026T030000",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
		"TZOFFSETFROM:+0200",
		"TZOFFSETTO:+0100",
		"TZNAME:CET",
		"END:STANDARD",
		"BEGIN:DAYLIGHT",
		"DTSTART:20260329T020000",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
		"TZOFFSETFROM:+0100",
		"TZOFFSETTO:+0200",
		"TZNAME:CEST",
		"END:DAYLIGHT",
		"END:VTIMEZONE",
	}, "\r\n")
	if !bytes.Contains(b, []byte(want)) {
		t.Errorf("the VTIMEZONE of Europe/Berlin in 2026 is not\n%s\nin\n%s", want, b)
	}
}

func TestMarshalErrors(t *testing.T) {
	at := time.Date(2026, 7, 9, 18, 30, 0, 0, time.UTC)
	for _, tc := range []struct {
		ev   Event
		want string
	}{
		{Event{Stamp: at, Start: at, Summary: "x"}, `event "x" has no UID`},
		{Event{UID: "a@x", Start: at}, `event "a@x" has no stamp`},
		{Event{UID: "a@x", Stamp: at}, `event "a@x" has no start`},
		{Event{UID: "a@x", Stamp: at, Start: at, End: at.Add(-time.Minute)}, `event "a@x" ends before it starts`},
		{Event{UID: "a@x", Stamp: at, Start: at, End: at.AddDate(0, 0, -1), AllDay: true}, `event "a@x" ends before it starts`},
	} {
		_, err := Marshal(&Calendar{Events: []Event{tc.ev}})
		if err == nil || err.Error() != tc.want {
			t.Errorf("Marshal(%+v) = %v, want %s", tc.ev, err, tc.want)
		}
	}
}

func TestFold(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"A:b", "A:b\r\n"},
		{strings.Repeat("x", 75), strings.Repeat("x", 75) + "\r\n"},
		{strings.Repeat("x", 76), strings.Repeat("x", 75) + "\r\n x\r\n"},
		// ü is two octets: it may not be split at octet 75.
		{strings.Repeat("x", 74) + "ü", strings.Repeat("x", 74) + "\r\n ü\r\n"},
		{strings.Repeat("x", 73) + "ü", strings.Repeat("x", 73) + "ü\r\n"},
		{strings.Repeat("x", 149), strings.Repeat("x", 75) + "\r\n " + strings.Repeat("x", 74) + "\r\n"},
	} {
		var b bytes.Buffer
		fold(&b, tc.in)
		if b.String() != tc.want {
			t.Errorf("fold(%q) = %q, want %q", tc.in, b.String(), tc.want)
		}
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"Runder Tisch; Wohnen, Arbeit": `Runder Tisch\; Wohnen\, Arbeit`,
		`C:\Pfad`:                      `C:\\Pfad`,
		"a\r\nb\rc\nd":                 `a\nb\nc\nd`,
		"tab\tbell\a":                  "tab\tbell",
		"bad \xff utf-8":               "bad \uFFFD utf-8",
	} {
		if got := text(in); got != want {
			t.Errorf("text(%q) = %q, want %q", in, got, want)
		}
	}
	if got := param("Europe/Berlin"); got != "Europe/Berlin" {
		t.Errorf("param = %q", got)
	}
	if got := param(`a:b"c`); got != `"a:bc"` {
		t.Errorf("param = %q", got)
	}
}

// sanitized is what text promises to keep of s: valid UTF-8, line breaks
// as LF, no control characters but tab.
func sanitized(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r < ' ' && r != '\t' && r != '\n' || r == 0x7f {
			return -1
		}
		return r
	}, s)
}

// FuzzText writes any text as a summary, location and description, and
// reads it back with go-ical: every line is CRLF-terminated, at most 75
// octets and valid UTF-8, and the text comes back as it went in, but for
// what no calendar may hold.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "Dialogforum", "a;b,c\\d\ne", strings.Repeat("ü", 60), strings.Repeat("x", 73) + "€€",
		strings.Repeat("😀", 40), "\r\n\r\r\n", "\xff\xfe", "ende\\", strings.Repeat(";", 80), "\t\x00\x1f\x7f",
		strings.Repeat("a", 74) + "\t" + strings.Repeat("b", 80),
	} {
		f.Add(s, s)
	}
	at := time.Date(2026, 7, 9, 18, 30, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s, loc string) {
		b, err := Marshal(&Calendar{Name: s, Events: []Event{{
			UID: "a@x", Stamp: at, Start: at, Summary: s, Description: loc, Location: loc, Categories: []string{s, loc},
			URL: "https://example.org/" + loc,
		}}})
		if err != nil {
			t.Fatal(err)
		}
		checkLines(t, b)
		cal := decode(t, b)
		ev := cal.Events()[0]
		if got, want := propText(t, ev.Component, "SUMMARY"), sanitized(s); got != want {
			t.Errorf("SUMMARY = %q, want %q", got, want)
		}
		if loc != "" {
			if got, want := propText(t, ev.Component, "LOCATION"), sanitized(loc); got != want {
				t.Errorf("LOCATION = %q, want %q", got, want)
			}
		}
		cats, err := ev.Props.Get("CATEGORIES").TextList()
		if err != nil || !slices.Equal(cats, []string{sanitized(s), sanitized(loc)}) {
			t.Errorf("CATEGORIES = %q (%v), want %q and %q", cats, err, sanitized(s), sanitized(loc))
		}
		if s != "" && propText(t, cal.Component, "X-WR-CALNAME") != sanitized(s) {
			t.Errorf("X-WR-CALNAME = %q, want %q", propText(t, cal.Component, "X-WR-CALNAME"), sanitized(s))
		}
		desc := propText(t, ev.Component, "DESCRIPTION")
		if !strings.HasSuffix(desc, ev.Props.Get("URL").Value) {
			t.Errorf("DESCRIPTION %q does not end with the URL %q", desc, ev.Props.Get("URL").Value)
		}
	})
}

// TestKhal reads the example with khal, Debian's calendar program, on a
// machine in New York: every event must show at its time there. khal
// knows Europe/Berlin itself; under a name it cannot know, it has only the
// calendar's VTIMEZONE to go by, and must show the same times. So must it,
// on a machine in Berlin, for New York's events around New York's change
// of rules in 2007.
func TestKhal(t *testing.T) {
	khal, err := exec.LookPath("khal")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("khal is not installed; .ci/run installs it")
		}
		t.Skip("khal is not installed")
	}
	dir := t.TempDir()
	config := filepath.Join(dir, "config")
	ny := mustLoad(t, "America/New_York")
	// shows checks what khal shows of c on a machine in local, with the
	// name of zone replaced by tzid.
	shows := func(c *Calendar, local *time.Location, zone, tzid string) {
		t.Helper()
		os.WriteFile(config, []byte("[calendars]\n[[test]]\npath = "+filepath.Join(dir, "cal")+"\n"+
			"[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"+
			"datetimeformat = %Y-%m-%dT%H:%M\nlongdatetimeformat = %Y-%m-%dT%H:%M\n"+
			"local_timezone = "+local.String()+"\ndefault_timezone = "+local.String()+"\n"), 0o644)
		var want []string
		for _, e := range c.Events {
			if e.AllDay {
				want = append(want, fmt.Sprintf("%s|%s|%s|%s", e.Start.Format("2006-01-02"), e.End.Format("2006-01-02"), e.Summary, e.Status))
				continue
			}
			want = append(want, fmt.Sprintf("%s|%s|%s|%s", e.Start.In(local).Format("2006-01-02T15:04"), e.End.In(local).Format("2006-01-02T15:04"), e.Summary, e.Status))
		}
		slices.Sort(want)
		b, err := Marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "calendar.ics")
		os.WriteFile(file, bytes.ReplaceAll(b, []byte(zone), []byte(tzid)), 0o644)
		out, err := exec.Command(khal, "-c", config, "printics", "--format", "{start}|{end}|{title}|{status}", file).CombinedOutput()
		if err != nil {
			t.Fatalf("khal: %v\n%s", err, out)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			if strings.Contains(l, "|") {
				got = append(got, strings.TrimSpace(l))
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("with TZID %s khal shows\n%s\nwant\n%s", tzid, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	shows(example(t), ny, "Europe/Berlin", "Europe/Berlin")
	shows(example(t), ny, "Europe/Berlin", "Lindenbrueck")
	c := &Calendar{}
	for i, at := range []time.Time{
		time.Date(2005, 1, 1, 0, 30, 0, 0, ny),
		time.Date(2006, 7, 1, 12, 0, 0, 0, ny),
		time.Date(2006, 10, 30, 12, 0, 0, 0, ny),
		time.Date(2007, 3, 20, 12, 0, 0, 0, ny),
		time.Date(2007, 11, 2, 12, 0, 0, 0, ny),
		time.Date(2009, 12, 31, 23, 0, 0, 0, ny),
	} {
		c.Events = append(c.Events, Event{UID: fmt.Sprint(i), Stamp: at, Start: at, End: at.Add(time.Hour), Summary: fmt.Sprint(i)})
	}
	shows(c, mustLoad(t, "Europe/Berlin"), "America/New_York", "Somewhere")
}
