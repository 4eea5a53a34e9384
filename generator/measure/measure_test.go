package measure

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

const sozialticket = `+++
title = "Sozialticket"
fields = ["zugang"]
responsible = "Amt für Soziales"
start = "2024-09"
due = 2025-06-30
progress = 40

[[updates]]
date = 2024-07-11
status = "planned"
text = "Beschlossen."

[[updates]]
date = 2025-02-03
status = "in_progress"
text = "Tarif steht."
+++

Der Text.
`

func TestLoad(t *testing.T) {
	fsys := fstest.MapFS{
		"content/measures/sozialticket.md":    {Data: []byte(sozialticket)},
		"content/measures/sozialticket.tr.md": {Data: []byte("+++\ntitle = \"Sosyal bilet\"\nupdates = [\"Kabul edildi.\"]\n+++\nMetin.\n")},
		"content/measures/fest/index.md":      {Data: []byte("+++\ntitle = \"Fest\"\nfields = [\"zugang\"]\nresponsible = \"Kulturamt\"\n+++\n")},
		"content/measures/fest/plakat.pdf":    {Data: []byte("%PDF")},
	}
	ms, errs := Load(fsys)
	if errs.Len() > 0 {
		t.Fatalf("errors: %v", errs.Problems())
	}
	if len(ms) != 2 || ms[0].ID != "fest" || ms[1].ID != "sozialticket" {
		t.Fatalf("got %d measures", len(ms))
	}
	fest, m := ms[0], ms[1]
	if fest.Bundle != "content/measures/fest" || strings.Join(fest.Files, ",") != "plakat.pdf" {
		t.Errorf("bundle %q with %q", fest.Bundle, fest.Files)
	}
	if fest.Status() != Planned {
		t.Errorf("a measure without updates is %q, want planned", fest.Status())
	}
	if m.Status() != InProgress {
		t.Errorf("status %q, want the newest update's in_progress", m.Status())
	}
	if !m.Start.Month || m.Start.ISO() != "2024-09" || m.Due.ISO() != "2025-06-30" {
		t.Errorf("start %q (month %v), due %q", m.Start.ISO(), m.Start.Month, m.Due.ISO())
	}
	if tr := m.Translations["tr"]; tr == nil || tr.Title != "Sosyal bilet" {
		t.Errorf("translation: %+v", m.Translations)
	}
	// Overdue from the day after the due day on, and never when done.
	due := time.Date(2025, 6, 30, 12, 0, 0, 0, time.UTC)
	if m.Overdue(due) {
		t.Error("overdue on its due day")
	}
	if !m.Overdue(due.AddDate(0, 0, 1)) {
		t.Error("not overdue the day after its due day")
	}
	if m.Stale(time.Date(2025, 8, 3, 0, 0, 0, 0, time.UTC), 6) || !m.Stale(time.Date(2025, 8, 4, 0, 0, 0, 0, time.UTC), 6) {
		t.Error("stale not from six months after the newest update")
	}
}

func TestWhenMonthEnds(t *testing.T) {
	var w When
	if err := w.UnmarshalText([]byte("2024-02")); err != nil {
		t.Fatal(err)
	}
	if got := w.Last().Format(time.DateOnly); got != "2024-02-29" {
		t.Errorf("last day of 2024-02 is %s", got)
	}
	for _, bad := range []string{"2024-13", "2024", "24-02", "2024-02-30"} {
		if err := w.UnmarshalText([]byte(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

func TestValidate(t *testing.T) {
	src := `+++
title = "Kaputt"
fields = ["zugang"]
responsible = "Amt"
start = 2025-01-01
due = "2024-12"
progress = 120

[[updates]]
date = 2025-02-01
status = "done"

[[updates]]
date = 2025-01-01
status = "erledigt"

[indicator]
name = "Tickets"
target = 100
+++
`
	_, errs := Load(fstest.MapFS{"content/measures/kaputt.md": {Data: []byte(src)}})
	var got []string
	for _, p := range errs.Problems() {
		got = append(got, p.String())
	}
	want := []string{
		`content/measures/kaputt.md:6:7: due 2024-12 is before start 2025-01-01: correct one of them`,
		`content/measures/kaputt.md:7:12: progress 120 is out of range, want a percentage from 0 to 100`,
		`content/measures/kaputt.md:14:8: updates are not in date order: 2025-01-01 follows 2025-02-01; list the history oldest first`,
		`content/measures/kaputt.md:15:10: unknown measure status "erledigt", want one of: planned, in_progress, done, delayed, stopped`,
		`content/measures/kaputt.md:19:10: the indicator's target has no unit: add unit = "Tickets", or whatever it counts, to [indicator]`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestLimits: a measure with more than MaxUpdates updates or
// MaxMilestones milestones is an error at the first one too many.
func TestLimits(t *testing.T) {
	var b strings.Builder
	b.WriteString("+++\ntitle = \"Endlos\"\nfields = [\"zugang\"]\nresponsible = \"Amt\"\nmilestones = [\n")
	for range MaxMilestones + 1 {
		b.WriteString("  {date = 2025-01-01, title = \"Schritt\"},\n")
	}
	b.WriteString("]\nupdates = [\n")
	day := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range MaxUpdates + 2 {
		fmt.Fprintf(&b, "  {date = %s, status = \"in_progress\", text = \"Weiter.\"},\n", day.AddDate(0, 0, i).Format(time.DateOnly))
	}
	b.WriteString("]\n+++\n")
	_, errs := Load(fstest.MapFS{"content/measures/endlos.md": {Data: []byte(b.String())}})
	var got []string
	for _, p := range errs.Problems() {
		got = append(got, p.String())
	}
	want := []string{
		`content/measures/endlos.md:1006:4: 1001 milestones; the limit is 1000 per measure: keep the milestones that still matter, or split the measure`,
		`content/measures/endlos.md:2009:4: 1002 updates; the limit is 1000 per measure: sum up the oldest in one update`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
