package spreadsheet_test

import (
	"testing"
	"time"

	"offenbar/generator/diag"
	"offenbar/generator/measure"
	"offenbar/generator/spreadsheet"
)

// TestAppendUpdate: an update goes after the last one, or at the end of
// the front matter, and every other byte stays where it was: comments,
// the order of keys, line ends and the body.
func TestAppendUpdate(t *testing.T) {
	sixty := 60
	u := spreadsheet.MeasureUpdate{Date: time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC), Status: "in_progress", Progress: &sixty, Text: `Zweiter Kurs "Deutsch im Alltag" läuft`}
	for _, c := range []struct {
		name string
		src  string
		at   int
		want string
	}{
		{"no update yet", "+++\ntitle = \"Sprachcafé\" # kurz\nstatus = \"planned\"\n+++\n\nText.\n", 0,
			"+++\ntitle = \"Sprachcafé\" # kurz\nstatus = \"planned\"\n\n[[updates]]\ndate = 2026-11-02\nstatus = \"in_progress\"\ntext = \"Zweiter Kurs \\\"Deutsch im Alltag\\\" läuft\"\n+++\n\nText.\n"},
		{"after the last update, before the indicator and its comment", "+++\ntitle = \"x\"\n\n[[updates]]\ndate = 2026-01-10\nstatus = \"planned\"\ntext = \"\"\"\nZwei\nZeilen\"\"\"\n\n# Die Kennzahl\n[indicator]\nname = \"Teilnehmende\"\n+++\nBody\n", 12,
			"+++\ntitle = \"x\"\n\n[[updates]]\ndate = 2026-01-10\nstatus = \"planned\"\ntext = \"\"\"\nZwei\nZeilen\"\"\"\n\n[[updates]]\ndate = 2026-11-02\nstatus = \"in_progress\"\ntext = \"Zweiter Kurs \\\"Deutsch im Alltag\\\" läuft\"\n\n# Die Kennzahl\n[indicator]\nname = \"Teilnehmende\"\n+++\nBody\n"},
		{"CRLF line ends", "+++\r\ntitle = \"x\"\r\n+++\r\n", 0,
			"+++\r\ntitle = \"x\"\r\n\r\n[[updates]]\r\ndate = 2026-11-02\r\nstatus = \"in_progress\"\r\ntext = \"Zweiter Kurs \\\"Deutsch im Alltag\\\" läuft\"\r\n+++\r\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := string(spreadsheet.AppendUpdate([]byte(c.src), c.at, u))
			if got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
	multi := u
	multi.Text = "Erste Zeile\nzweite Zeile"
	got := string(spreadsheet.AppendUpdate([]byte("+++\ntitle = \"x\"\n+++\n"), 0, multi))
	want := "+++\ntitle = \"x\"\n\n[[updates]]\ndate = 2026-11-02\nstatus = \"in_progress\"\ntext = \"\"\"\nErste Zeile\nzweite Zeile\"\"\"\n+++\n"
	if got != want {
		t.Errorf("multi-line text:\n%s\nwant:\n%s", got, want)
	}
}

// TestSetProgress: a new progress replaces the old value where it stands,
// comment and all around it, or comes in above the first table of the
// front matter, with the comments that lead to that table left below it.
func TestSetProgress(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"replaced", "+++\ntitle = \"x\"\nresponsible = \"Amt\"\nprogress = 40 # geschätzt\n\n[[updates]]\ndate = 2026-01-10\nstatus = \"in_progress\"\n+++\n",
			"+++\ntitle = \"x\"\nresponsible = \"Amt\"\nprogress = 75 # geschätzt\n\n[[updates]]\ndate = 2026-01-10\nstatus = \"in_progress\"\n+++\n"},
		{"added above the first table", "+++\ntitle = \"x\"\nresponsible = \"Amt\"\n\n# Beschluss\n[decision]\nby = \"Stadtrat\"\n\n[[updates]]\ndate = 2026-01-10\nstatus = \"in_progress\"\n+++\n",
			"+++\ntitle = \"x\"\nresponsible = \"Amt\"\nprogress = 75\n\n# Beschluss\n[decision]\nby = \"Stadtrat\"\n\n[[updates]]\ndate = 2026-01-10\nstatus = \"in_progress\"\n+++\n"},
		{"added at the end", "+++\ntitle = \"x\"\nresponsible = \"Amt\"\n+++\nText\n", "+++\ntitle = \"x\"\nresponsible = \"Amt\"\nprogress = 75\n+++\nText\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var errs diag.List
			m := measure.Parse("content/measures/x.md", []byte(c.src), &errs)
			if m == nil || errs.HasErrors() {
				t.Fatal(errs.Err())
			}
			if got := string(spreadsheet.SetProgress([]byte(c.src), m, 75)); got != c.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, c.want)
			}
		})
	}
}
