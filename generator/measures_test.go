package main

import (
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offenbar/generator/sitetest"
)

// TestMeasuresToday builds a site with a measure due at the end of
// December 2026: twice on 25 November, byte for byte the same, when it is
// not overdue yet, and on 1 January 2027, when its pages say that it is.
func TestMeasuresToday(t *testing.T) {
	site := readArchive(t, "testdata/base.txtar")
	site = sitetest.Merge(site, sitetest.Parse([]byte(`-- content/measures/leitbild.md --
+++
title = "Leitbild schreiben"
fields = ["steuerung"]
recommendations = ["2021/steuerung/1"]
responsible = "Hauptamt"
start = "2026-01"
due = "2026-12"

[[updates]]
date = 2026-02-01
status = "in_progress"
text = "Der Entwurf ist in der Abstimmung."
+++
Ein Leitbild für die Gemeinde.
`)))
	// The round of 2021 says its recommendation is planned; the measure
	// that takes it up is in progress.
	round, _ := site.File("content/selfcheck/rounds/2021.toml")
	site = sitetest.Merge(site, &sitetest.Archive{Files: []sitetest.File{{Name: "content/selfcheck/rounds/2021.toml", Data: []byte(strings.Replace(string(round), `status = "planned"`, `status = "in_progress"`, 1))}}})
	dir := writeSite(t, site)

	t.Setenv("SOURCE_DATE_EPOCH", "1795564800") // 2026-11-25
	first, second := buildSite(t, dir), buildSite(t, dir)
	if len(first) != len(second) {
		t.Fatalf("two builds wrote %d and %d files", len(first), len(second))
	}
	for name, b := range first {
		if string(second[name]) != string(b) {
			t.Errorf("%s differs between two builds with the same SOURCE_DATE_EPOCH", name)
		}
	}
	page := string(first["massnahmen/leitbild/index.html"])
	overview := string(first["massnahmen/index.html"])
	for _, want := range []string{"Stand: 25. November 2026", "Dezember 2026"} {
		if !strings.Contains(page, want) {
			t.Errorf("the measure's page on 25 November 2026 lacks %q", want)
		}
	}
	if strings.Contains(page, `class="overdue"`) || !strings.Contains(overview, "0 von 1 Maßnahme umgesetzt, 0 überfällig") {
		t.Errorf("a measure due in December is overdue in November:\n%s", overview)
	}
	if !strings.Contains(string(first["index.html"]), "0 von 1 Maßnahme umgesetzt, 0 überfällig") {
		t.Error("the home page lacks the measures' figure")
	}
	field := string(first["handlungsfelder/steuerung/index.html"])
	if !strings.Contains(field, `href="/weltoffen/massnahmen/leitbild/"`) {
		t.Error("the field page does not list its measure")
	}
	// The feed, read as Atom: one entry per update, each with what RFC 4287
	// requires.
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		ID      string   `xml:"id"`
		Title   string   `xml:"title"`
		Updated string   `xml:"updated"`
		Entries []struct {
			ID      string `xml:"id"`
			Title   string `xml:"title"`
			Updated string `xml:"updated"`
			Link    struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(first["massnahmen/feed.xml"], &feed); err != nil {
		t.Fatalf("massnahmen/feed.xml: %v", err)
	}
	if len(feed.Entries) != 1 || feed.Entries[0].Title != "Leitbild schreiben: in Arbeit" || feed.Entries[0].Link.Href != "https://example.org/weltoffen/massnahmen/leitbild/#meldung-1" {
		t.Errorf("the feed has not one entry per update: %+v", feed)
	}
	for _, d := range []string{feed.Updated, feed.Entries[0].Updated} {
		if _, err := time.Parse(time.RFC3339, d); err != nil || feed.ID == "" || feed.Entries[0].ID == "" {
			t.Errorf("the feed lacks an ID or has a date %q that is no RFC 3339 date", d)
		}
	}
	if !strings.Contains(string(first["massnahmen/leitbild/index.html"]), `id="meldung-1"`) {
		t.Error("the feed links to an update that the measure's page has no anchor for")
	}

	t.Setenv("SOURCE_DATE_EPOCH", "1798761600") // 2027-01-01
	later := buildSite(t, dir)
	page = string(later["massnahmen/leitbild/index.html"])
	if !strings.Contains(page, `class="overdue"`) || !strings.Contains(page, "überfällig") || !strings.Contains(page, "Stand: 1. Januar 2027") {
		t.Errorf("on 1 January 2027 the measure's page does not say it is overdue:\n%s", page)
	}
	if !strings.Contains(string(later["massnahmen/index.html"]), "0 von 1 Maßnahme umgesetzt, 1 überfällig") {
		t.Error("on 1 January 2027 the overview does not count the measure as overdue")
	}
}

// TestMeasuresFeedNewest: the measures' feed carries the newest
// FeedEntries updates, not every update of every measure; a site of
// 10,000 measures wrote 20,000 entries (7 MB) in each language.
func TestMeasuresFeedNewest(t *testing.T) {
	var b strings.Builder
	b.WriteString("-- content/measures/leitbild.md --\n+++\ntitle = \"Leitbild schreiben\"\nfields = [\"steuerung\"]\nresponsible = \"Hauptamt\"\n")
	day := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 60 {
		fmt.Fprintf(&b, "[[updates]]\ndate = %s\nstatus = \"in_progress\"\ntext = \"Schritt %d.\"\n", day.AddDate(0, 0, i).Format(time.DateOnly), i+1)
	}
	b.WriteString("+++\nEin Leitbild.\n")
	site := sitetest.Merge(readArchive(t, "testdata/base.txtar"), sitetest.Parse([]byte(b.String())))
	t.Setenv("SOURCE_DATE_EPOCH", "1795564800")
	out := buildSite(t, writeSite(t, site))
	var feed struct {
		Entries []struct {
			Summary string `xml:"summary"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal(out["massnahmen/feed.xml"], &feed); err != nil {
		t.Fatalf("massnahmen/feed.xml: %v", err)
	}
	if len(feed.Entries) != 50 || feed.Entries[0].Summary != "Schritt 60." || feed.Entries[49].Summary != "Schritt 11." {
		t.Errorf("the feed has %d entries, want the 50 newest updates, newest first: %+v", len(feed.Entries), feed.Entries)
	}
}

// TestNewMeasure starts a measure as an editor would: the file has the
// site's first action field, today's start and a first update; build
// refuses it at the two blanks left to fill, the preview shows it, and
// once the blanks are filled in it is published.
func TestNewMeasure(t *testing.T) {
	dir := copyExample(t)
	code, stdout, stderr := runCmd(t, "new", "-s", dir, "measure", "Sprachcafé im Stadtteilzentrum")
	rel := "content/measures/sprachcafe-im-stadtteilzentrum.md"
	want := filepath.Join(dir, rel)
	if code != 0 || !strings.Contains(stdout, want) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	for _, key := range []string{`fields = ["management-und-steuerung"]`, "start = 2026-11-25", "[[updates]]", `status = "planned"`, "# [decision]", "# [indicator]"} {
		if !strings.Contains(string(b), key) {
			t.Errorf("the new measure lacks %s:\n%s", key, b)
		}
	}
	code, _, stderr = runCmd(t, "build", "-s", dir, "-d", filepath.Join(t.TempDir(), "public"), "--lang", "en")
	if code != 1 || strings.Count(stderr, rel+":") != 2 || !strings.Contains(stderr, "placeholder left") {
		t.Errorf("build of the blank measure: exit %d, want 1 with its two blanks:\n%s", code, stderr)
	}
	if files := buildSite(t, dir, "--preview"); files["massnahmen/sprachcafe-im-stadtteilzentrum/index.html"] == nil {
		t.Error("the new measure is not in the preview")
	}
	filled := sitetest.PlaceholderRE.ReplaceAll(b, []byte("Amt für Integration"))
	if err := os.WriteFile(want, filled, 0o644); err != nil {
		t.Fatal(err)
	}
	if files := buildSite(t, dir); files["massnahmen/sprachcafe-im-stadtteilzentrum/index.html"] == nil {
		t.Error("the filled-in measure is not published")
	}

	// A town fresh from init has its action fields but no questions yet,
	// and can start a measure all the same.
	town := filepath.Join(t.TempDir(), "musterstadt")
	if code, _, stderr := runCmd(t, "init", town); code != 0 {
		t.Fatalf("init: %s", stderr)
	}
	if code, stdout, stderr := runCmd(t, "new", "-s", town, "measure", "--bundle", "Sprachcafé"); code != 0 || !strings.Contains(stdout, filepath.Join(town, "content/measures/sprachcafe/index.md")) {
		t.Errorf("new measure in a town fresh from init: exit %d, %q, %q", code, stdout, stderr)
	}
}
