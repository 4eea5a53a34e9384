package scaffold

import (
	"strings"
	"testing"

	"offenbar/generator/content"
	"offenbar/generator/measure"
	"offenbar/generator/tomldoc"
)

// TestTranslationOfMeasure: new translation of a measure lists the texts
// that a measure's translation has, milestones and updates as lists in
// the original's order, and the file decodes as one; the titles of the
// milestones are no second title.
func TestTranslationOfMeasure(t *testing.T) {
	src := `+++
title = "Sozialticket"
summary = "Ein Satz."
fields = ["fairer-zugang"]
responsible = "Amt für Soziales"
partners = ["Stadtwerke", "Jobcenter"]
budget = 180000
budget_note = "je Jahr"

[[milestones]]
date = 2025-01-01
title = "Tarif vereinbart"
done = true

[[updates]]
date = 2024-07-11
status = "planned"
text = "Beschlossen."

[[updates]]
date = 2025-02-03
status = "in_progress"
text = """
Der Tarif steht: 19 "Euro" im Monat.
Mehr dazu \\ bald."""

[indicator]
name = "Ausgegebene Sozialtickets"
unit = "Tickets"
target = 1200
+++
Text.
`
	out, b, err := Translation("content/measures/sozialticket.md", []byte(src), "tr")
	if err != nil {
		t.Fatal(err)
	}
	if out != "content/measures/sozialticket.tr.md" {
		t.Errorf("path %s", out)
	}
	front, _, errs := content.Split(out, b)
	var tr measure.TranslationFront
	_, derrs := tomldoc.Decode(out, front, 1, &tr)
	errs.Add(derrs)
	if errs.HasErrors() {
		t.Fatalf("%v\n%s", errs.Err(), b)
	}
	want := measure.TranslationFront{Title: "Sozialticket", Summary: "Ein Satz.", Responsible: "Amt für Soziales", Partners: []string{"Stadtwerke", "Jobcenter"}, BudgetNote: "je Jahr",
		Milestones: []string{"Tarif vereinbart"}, Updates: []string{"Beschlossen.", "Der Tarif steht: 19 \"Euro\" im Monat.\nMehr dazu \\ bald."}, Indicator: "Ausgegebene Sozialtickets", Translation: "human", Source: content.SourceHash([]byte(src))}
	if strings.Join(tr.Updates, "|") != strings.Join(want.Updates, "|") || strings.Join(tr.Milestones, "|") != strings.Join(want.Milestones, "|") || strings.Join(tr.Partners, "|") != strings.Join(want.Partners, "|") ||
		tr.Title != want.Title || tr.Summary != want.Summary || tr.Responsible != want.Responsible || tr.BudgetNote != want.BudgetNote || tr.Indicator != want.Indicator || tr.Translation != want.Translation || tr.Source != want.Source {
		t.Errorf("got %+v\nwant %+v\n%s", tr, want, b)
	}
}

// TestTranslationOfArticle: a summary over several lines is copied whole.
func TestTranslationOfArticle(t *testing.T) {
	src := "+++\ntitle = \"Fest\"\ndate = 2024-09-16\nsummary = \"\"\"\nZwei Zeilen,\nnicht eine.\"\"\"\ntags = [\"Fest\", \"Kultur\"]\n+++\nText.\n"
	out, b, err := Translation("content/articles/2024-09-16-fest.md", []byte(src), "en")
	if err != nil {
		t.Fatal(err)
	}
	front, _, errs := content.Split(out, b)
	var f content.Front
	_, derrs := tomldoc.Decode(out, front, 1, &f)
	errs.Add(derrs)
	if errs.HasErrors() {
		t.Fatalf("%v\n%s", errs.Err(), b)
	}
	if f.Title != "Fest" || f.Summary != "Zwei Zeilen,\nnicht eine." || strings.Join(f.Tags, ",") != "Fest,Kultur" || !strings.HasSuffix(string(b), "+++\nText.\n") {
		t.Errorf("got %+v\n%s", f, b)
	}
}
