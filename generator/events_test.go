package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// jsonLD returns the JSON-LD object of a page.
func jsonLD(t *testing.T, name string, page []byte) map[string]any {
	t.Helper()
	m := regexp.MustCompile(`(?s)<script type="application/ld\+json">(.*?)</script>`).FindSubmatch(page)
	if m == nil {
		t.Fatalf("%s has no JSON-LD", name)
	}
	var v map[string]any
	if err := json.Unmarshal(m[1], &v); err != nil {
		t.Fatalf("%s: JSON-LD: %v", name, err)
	}
	return v
}

// TestExampleEvents builds the example, whose "today" is 2026-11-25
// (TestMain), and reads its events where citizens meet them: the list,
// upcoming before past, each by year; the event pages with their times in
// winter and in summer, the place as a link, what is offered, and
// schema.org's Event; the home page's next three; the pages of fields and
// rounds; and another language's list.
func TestExampleEvents(t *testing.T) {
	files := exampleSite(t)
	list := string(files["termine/index.html"])
	if list == "" {
		t.Fatal("no /termine/")
	}
	order := []string{"Kommende Termine", "2026-12-03-runder-tisch-sprache", "2026-12-09-jugendworkshop", "2027-01-21-runder-tisch-sprache", "2027-02-25-dialogforum",
		"Vergangene Termine", "2024-09-14-fest-der-kulturen", "2024-04-25-workshop-zweite-runde", "2023-03-13-runder-tisch-wohnen", "2021-10-07-erstes-dialogforum"}
	at := 0
	for _, want := range order {
		i := strings.Index(list[at:], want)
		if i < 0 {
			t.Fatalf("/termine/ lists %q out of order or not at all", want)
		}
		at += i
	}
	for _, want := range []string{`<h3 id="kommende-2027">2027</h3>`, `<h3 id="vergangene-2021">2021</h3>`, "Abgesagt</strong>: ", `href="/artikel/dialogforum/"`} {
		if !strings.Contains(list, want) {
			t.Errorf("/termine/ lacks %s", want)
		}
	}

	forum := files["termine/2027-02-25-dialogforum/index.html"]
	ld := jsonLD(t, "forum", forum)
	for key, want := range map[string]any{"@type": "Event", "eventStatus": "https://schema.org/EventScheduled", "eventAttendanceMode": "https://schema.org/MixedEventAttendanceMode",
		"isAccessibleForFree": true, "inLanguage": "de", "startDate": "2027-02-25T18:00:00+01:00", "endDate": "2027-02-25T20:30:00+01:00"} {
		if ld[key] != want {
			t.Errorf("forum JSON-LD %s = %v, want %v", key, ld[key], want)
		}
	}
	if places, ok := ld["location"].([]any); !ok || len(places) != 2 || places[0].(map[string]any)["@type"] != "Place" || places[1].(map[string]any)["@type"] != "VirtualLocation" {
		t.Errorf("a hybrid event's location is a Place and a VirtualLocation, got %v", ld["location"])
	}
	for _, want := range []string{"25. Februar 2027, 18:00 bis 20:30 Uhr", `href="https://www.openstreetmap.org/?mlat=49.45210&amp;mlon=11.07670#map=18/49.45210/11.07670"`,
		"Dolmetschen in Deutsche Gebärdensprache (DGS)", "Dolmetschen in: Türkisch, Arabisch, Ukrainisch", "Anmeldeschluss: 18. Februar 2027", "Die Teilnahme ist kostenlos."} {
		if !strings.Contains(string(forum), want) {
			t.Errorf("the forum's page lacks %s", want)
		}
	}
	// Summer time in 2021, winter time in 2027, from wall-clock times.
	if old := string(files["termine/2021-10-07-erstes-dialogforum/index.html"]); !strings.Contains(old, `datetime="2021-10-07T18:30:00&#43;02:00"`) || !strings.Contains(old, "Dieser Termin ist vorbei.") {
		t.Error("the 2021 forum is not at 18:30 summer time, or not marked as past")
	}
	cancelled := files["termine/2026-12-03-runder-tisch-sprache/index.html"]
	if ld := jsonLD(t, "cancelled", cancelled); ld["eventStatus"] != "https://schema.org/EventCancelled" || ld["eventAttendanceMode"] != "https://schema.org/OfflineEventAttendanceMode" {
		t.Errorf("cancelled round table: %v, %v", ld["eventStatus"], ld["eventAttendanceMode"])
	}
	if ld := jsonLD(t, "online", files["termine/2026-12-09-jugendworkshop/index.html"]); ld["eventAttendanceMode"] != "https://schema.org/OnlineEventAttendanceMode" || ld["location"].(map[string]any)["@type"] != "VirtualLocation" {
		t.Errorf("online workshop: %v", ld)
	}
	if fest := string(files["termine/2024-09-14-fest-der-kulturen/index.html"]); !strings.Contains(fest, "14. September 2024 bis 15. September 2024") || !strings.Contains(fest, `datetime="2024-09-14"`) {
		t.Error("the all-day festival does not show its two days")
	}

	home := string(files["index.html"])
	next := regexp.MustCompile(`(?s)id="naechste-termine".*?</section>`).FindString(home)
	if n := strings.Count(next, `class="event-item`); n != 3 || !strings.Contains(next, "2026-12-03-runder-tisch-sprache") || strings.Contains(next, "2027-02-25") {
		t.Errorf("the home page lists %d events, want the next three:\n%s", n, next)
	}
	if field := string(files["handlungsfelder/fairer-zugang/index.html"]); !strings.Contains(field, "/termine/2027-01-21-runder-tisch-sprache/") || !strings.Contains(field, "/termine/2023-03-13-runder-tisch-wohnen/") {
		t.Error("the field page does not list its events")
	}
	if m := string(files["massnahmen/begegnungsort-lindenhang/index.html"]); !strings.Contains(m, `id="termine"`) || !strings.Contains(m, "/termine/2027-02-25-dialogforum/") {
		t.Error("the measure's page does not list its event")
	}
	if !strings.Contains(string(forum), `href="/massnahmen/begegnungsort-lindenhang/"`) {
		t.Error("the event's page does not link its measure")
	}
	if round := string(files["runden/2021/index.html"]); !strings.Contains(round, "/termine/2021-10-07-erstes-dialogforum/") {
		t.Error("the round page does not list its events")
	}

	// Another language: its own paths, the translation where there is one,
	// the German original with a notice and its canonical address where not.
	en := files["en/events/2027-02-25-dialogforum/index.html"]
	if ld := jsonLD(t, "en", en); ld["inLanguage"] != "en" || ld["name"] != "Dialogue forum 2027: living together at Lindenhang" {
		t.Errorf("English forum: %v %v", ld["inLanguage"], ld["name"])
	}
	if !strings.Contains(string(en), "February 25, 2027") && !strings.Contains(string(en), "25 February 2027") {
		t.Errorf("the English page writes its date in German")
	}
	fallback := string(files["en/events/2027-01-21-runder-tisch-sprache/index.html"])
	if !strings.Contains(fallback, `<link rel="canonical" href="https://weltoffen.lindenbrueck.example/termine/2027-01-21-runder-tisch-sprache/">`) || !strings.Contains(fallback, `<h1 lang="de" dir="ltr">Runder Tisch Sprache</h1>`) || !strings.Contains(fallback, `<div class="prose" lang="de" dir="ltr">`) {
		t.Error("an untranslated event is not marked German with the original as canonical")
	}
	sitemap := string(files["sitemap.xml"])
	if !strings.Contains(sitemap, "/en/events/2027-02-25-dialogforum/") || strings.Contains(sitemap, "/en/events/2027-01-21-runder-tisch-sprache/") {
		t.Error("the sitemap lists the translated event and leaves out the fallback")
	}
	if !strings.Contains(string(files["suche/index.json"]), `"u":"/termine/2027-02-25-dialogforum/"`) {
		t.Error("the search index lacks the events")
	}
	if !strings.Contains(string(files["tr/etkinlikler/index.html"]), "Yaklaşan etkinlikler") {
		t.Error("the Turkish list is not Turkish")
	}
}

// TestNewEvent: new event starts a draft that check accepts, named after
// the day given, and a preview shows it.
func TestNewEvent(t *testing.T) {
	dir := copyExample(t)
	code, stdout, stderr := runCmd(t, "new", "-s", dir, "event", "--date", "2027-03-10", "Runder Tisch Wohnen")
	want := filepath.Join(dir, "content/events/2027-03-10-runder-tisch-wohnen.md")
	if code != 0 || !strings.Contains(stdout, want) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	b, _ := os.ReadFile(want)
	for _, key := range []string{"start = 2027-03-10T18:00:00", "draft = true", "[accessibility]", "sign_language = false"} {
		if !strings.Contains(string(b), key) {
			t.Errorf("the new event lacks %s", key)
		}
	}
	if code, _, stderr := runCmd(t, "check", "-s", dir); code != 0 {
		t.Errorf("check refuses the new event: %s", stderr)
	}
	if files := buildSite(t, dir, "--drafts"); files["termine/2027-03-10-runder-tisch-wohnen/index.html"] == nil {
		t.Error("the draft is not in the preview")
	}
	if code, _, stderr := runCmd(t, "new", "-s", dir, "event", "--date", "10.03.2027", "Forum"); code != 2 || !strings.Contains(stderr, "10.03.2027") {
		t.Errorf("a German date: exit %d, %q", code, stderr)
	}
}

// TestEventListMarksUntranslated: as the news list does, the events list
// of another language says "In German" at an event shown untranslated,
// and not at a translated one.
func TestEventListMarksUntranslated(t *testing.T) {
	files := exampleSite(t)
	list := string(files["en/events/index.html"])
	items := regexp.MustCompile(`(?s)<li class="event-item.*?</li>`).FindAllString(list, -1)
	found := 0
	for _, it := range items {
		switch {
		case strings.Contains(it, "/en/events/2027-01-21-runder-tisch-sprache/"):
			found++
			if !strings.Contains(it, `<span class="doc-lang">In German</span>`) {
				t.Errorf("the untranslated event is not marked In German:\n%s", it)
			}
		case strings.Contains(it, "/en/events/2027-02-25-dialogforum/"):
			found++
			if strings.Contains(it, `doc-lang`) {
				t.Errorf("the translated event is marked as German:\n%s", it)
			}
		}
	}
	if found != 2 {
		t.Fatalf("found %d of the 2 events in the English list", found)
	}
}

// TestMeasureListMarksUntranslated: the measures list of another language
// says "In German" at a measure shown untranslated, and not at a
// translated one.
func TestMeasureListMarksUntranslated(t *testing.T) {
	list := string(exampleSite(t)["en/measures/index.html"])
	items := regexp.MustCompile(`(?s)<li class="measure-item">.*?</li>`).FindAllString(list, -1)
	found := 0
	for _, it := range items {
		switch {
		case strings.Contains(it, "/en/measures/gruendungsberatung/"):
			found++
			if !strings.Contains(it, `<span class="doc-lang">In German</span>`) {
				t.Errorf("the untranslated measure is not marked In German:\n%s", it)
			}
		case strings.Contains(it, "/en/measures/sozialticket/"):
			found++
			if strings.Contains(it, `doc-lang`) {
				t.Errorf("the translated measure is marked as German:\n%s", it)
			}
		}
	}
	if found < 2 {
		t.Fatalf("found %d of the 2 measures in the English list", found)
	}
}
