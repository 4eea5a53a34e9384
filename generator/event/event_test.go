package event

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
	_ "time/tzdata"
)

func berlin(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

const valid = `+++
title = "Runder Tisch Wohnen"
kind = "round_table"
start = 2025-03-12T18:00:00
end = 2025-03-12T20:00:00

[location]
name = "Rathaus"
city = "Lindenbrück"
+++
Text.
`

// TestLocalTimes: a time without offset is the wall clock of the site's
// zone, in winter and in summer; a time with the zone's offset is the
// same moment.
func TestLocalTimes(t *testing.T) {
	loc := berlin(t)
	for _, c := range []struct{ start, utc string }{
		{"2025-03-12T18:00:00", "2025-03-12T17:00:00Z"},
		{"2025-07-02T18:00:00", "2025-07-02T16:00:00Z"},
		{"2025-07-02T18:00:00+02:00", "2025-07-02T16:00:00Z"},
		{"2025-07-02T16:00:00Z", "2025-07-02T16:00:00Z"},
	} {
		src := strings.Replace(valid, "2025-03-12T18:00:00", c.start, 1)
		src = strings.Replace(src, "2025-03-12T20:00:00", c.start[:10]+"T23:00:00", 1)
		e, _, errs := Parse(Dir+"/2025-03-12-runder-tisch.md", []byte(src), loc)
		if errs.HasErrors() || e == nil {
			t.Fatalf("%s: %v", c.start, errs.Err())
		}
		if got := e.Begins().UTC().Format(time.RFC3339); got != c.utc {
			t.Errorf("%s begins at %s, want %s", c.start, got, c.utc)
		}
		if e.Begins().Location() != loc {
			t.Errorf("%s: location %v, want %v", c.start, e.Begins().Location(), loc)
		}
		if e.Begins().Hour() != 18 {
			t.Errorf("%s shows at %d o'clock, want 18", c.start, e.Begins().Hour())
		}
	}
}

func TestAllDay(t *testing.T) {
	src := `+++
title = "Fest"
kind = "other"
start = 2025-09-13
end = 2025-09-14
all_day = true
[location]
name = "Marktplatz"
+++
`
	e, _, errs := Parse(Dir+"/fest.md", []byte(src), berlin(t))
	if errs.Len() > 0 {
		t.Fatal(errs.Err())
	}
	if got := e.Ends().Format(time.RFC3339); got != "2025-09-15T00:00:00+02:00" {
		t.Errorf("ends %s, want the start of the day after the last", got)
	}
	if e.OneDay() || e.Attendance() != Offline || e.Status != Scheduled {
		t.Errorf("one day %v, attendance %s, status %s", e.OneDay(), e.Attendance(), e.Status)
	}
}

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		Dir + "/2025-03-12-runder-tisch.md":    {Data: []byte(valid)},
		Dir + "/2025-03-12-runder-tisch.tr.md": {Data: []byte("+++\ntitle = \"Yuvarlak masa\"\n+++\nMetin.\n")},
		Dir + "/2024-01-10-forum/index.md":     {Data: []byte(strings.Replace(valid, "2025", "2024", 2))},
		Dir + "/2024-01-10-forum/plakat.pdf":   {Data: []byte("%PDF")},
	}
	events, errs := Load(fsys, berlin(t))
	if errs.Len() > 0 {
		t.Fatal(errs.Err())
	}
	if len(events) != 2 || events[0].ID != "2024-01-10-forum" || events[1].ID != "2025-03-12-runder-tisch" {
		t.Fatalf("events %v", events)
	}
	if f := events[0].Files; len(f) != 1 || f[0] != "plakat.pdf" {
		t.Errorf("bundle files %v", f)
	}
	if tr := events[1].Translations["tr"]; tr == nil || tr.Title != "Yuvarlak masa" {
		t.Errorf("translation %v", events[1].Translations)
	}
}

func TestCheckWarnsWithoutReport(t *testing.T) {
	e, _, _ := Parse(Dir+"/x.md", []byte(valid), berlin(t))
	now := time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC)
	errs := Check([]*Event{e}, Refs{}, nil, now)
	if errs.HasErrors() || errs.Len() != 1 {
		t.Fatalf("want one warning, got %v", errs.Problems())
	}
	errs = Check([]*Event{e}, Refs{}, nil, now.AddDate(0, -1, 0))
	if errs.Len() != 0 {
		t.Errorf("warned before 30 days: %v", errs.Problems())
	}
}
