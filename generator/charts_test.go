package main

import (
	"regexp"
	"strings"
	"testing"

	"offenbar/generator/sitetest"
)

// TestChartTables: the first column of each chart's table is headed by
// what its rows are, the chart's title is shown once (the table's caption
// only names it for screen readers), and a field with one round has no
// trend chart, which would be a single dot, but a sentence.
func TestChartTables(t *testing.T) {
	files := buildSite(t, writeSite(t, readArchive(t, "testdata/base.txtar")))
	heads := map[string][]string{
		"index.html":                           {"Handlungsfeld"},
		"handlungsfelder/zugang/index.html":    {"Thema", "Runde"},
		"handlungsfelder/steuerung/index.html": {"Antwort", "Runde"},
		"runden/2024/index.html":               {"Handlungsfeld"},
	}
	headRE := regexp.MustCompile(`<table class="chart-table">\s*<caption [^>]*>[^<]*</caption>\s*<thead><tr><th scope="col">([^<]*)</th>`)
	for name, want := range heads {
		page := string(files[name])
		var got []string
		for _, m := range headRE.FindAllStringSubmatch(page, -1) {
			got = append(got, m[1])
		}
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("%s: tables headed %q, want %q", name, got, want)
		}
		if n, hidden := strings.Count(page, `<table class="chart-table">`), strings.Count(page, `-caption" class="visually-hidden">`); n == 0 || hidden != n {
			t.Errorf("%s: %d of %d chart captions hidden; the title above the chart names the table", name, hidden, n)
		}
	}

	// One round: the 2021 round alone.
	a := readArchive(t, "testdata/base.txtar")
	var kept []sitetest.File
	for _, f := range a.Files {
		if f.Name != "content/selfcheck/rounds/2024.toml" {
			kept = append(kept, f)
		}
	}
	a.Files = kept
	files = buildSite(t, writeSite(t, a))
	page := string(files["handlungsfelder/zugang/index.html"])
	if strings.Contains(page, "chart-zugang-trend") {
		t.Error("a field with one round has a trend chart")
	}
	if !strings.Contains(page, "<p class=\"trend-note\">Bisher gibt es eine Runde: „Runde 2021“ mit 50\u00a0%. Wie sich der Wert entwickelt, zeigt ein Diagramm, sobald eine zweite Runde dazukommt.</p>") {
		t.Errorf("a field with one round does not say why there is no trend chart:\n%s", page)
	}
}
