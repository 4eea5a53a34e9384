package main

import (
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestUnderstandingTheNumbers: the example says what its numbers mean. A
// change has its unit, the home page shows where the town came from, the
// interactive charts know their values are percentages, the data page
// describes the scores' skipped column as the count it is, and each field
// page names an office to ask.
func TestUnderstandingTheNumbers(t *testing.T) {
	files := exampleSite(t)
	home := string(files["index.html"])
	for _, want := range []string{
		// A change in percentage points says so, the arrow is decoration.
		`<span aria-hidden="true">▲</span> &#43;`,
		" Prozentpunkte</span>",
		// From the first round to the latest, to the eye and to the ear.
		`<dt>Seit der ersten Runde</dt><dd><span aria-hidden="true">`,
		`<span class="visually-hidden">von `,
		` data-unit="%"`,
	} {
		if !strings.Contains(home, want) {
			t.Errorf("the home page lacks %s", want)
		}
	}
	if m := regexp.MustCompile(`<span aria-hidden="true">(\d+)\x{a0}% → (\d+)\x{a0}%</span>`).FindStringSubmatch(home); m == nil {
		t.Error(`the home page does not show the score of the first round and of the latest as "47 % → 62 %"`)
	} else if m[1] == m[2] {
		t.Errorf("the home page shows %s %% → %s %%", m[1], m[2])
	}
	if ar := string(files["ar/index.html"]); !strings.Contains(ar, "٪ ← ") || !strings.Contains(ar, "نقطة مئوية") && !strings.Contains(ar, "نقاط مئوية") {
		t.Error("the Arabic home page does not show the way from the first round right to left, or the unit of a change")
	}

	data := string(files["daten/index.html"])
	if !strings.Contains(data, "Anzahl der übersprungenen Fragen") || !strings.Contains(data, "true, wenn die Frage übersprungen wurde") {
		t.Error("the data page does not describe the scores' skipped column as a count and the answers' as true or false")
	}

	field := string(files["handlungsfelder/fairer-zugang/index.html"])
	for _, want := range []string{`<h2 id="kontakt">Fragen zu diesem Handlungsfeld</h2>`, "Sozialamt der Stadt Lindenbrück", `href="tel:09999123460"`, `href="mailto:sozialamt@lindenbrueck.example"`} {
		if !strings.Contains(field, want) {
			t.Errorf("the field page of Fairer Zugang lacks %s", want)
		}
	}
	if other := string(files["handlungsfelder/engagement-und-beteiligung/index.html"]); !strings.Contains(other, "Integrationsbüro der Stadt Lindenbrück") {
		t.Error("a field without an office of its own does not name the one of [contact]")
	}
	if ar := string(files["ar/majalat/fairer-zugang/index.html"]); !strings.Contains(ar, "مكتب الشؤون الاجتماعية") || !strings.Contains(ar, `dir="ltr" translate="no">09999 123-460</a>`) {
		t.Error("the Arabic field page does not name the office in Arabic with its phone number left to right")
	}
}

// TestEasyLanguageResults: the page in Leichte Sprache lists, from the
// model, the fields that got better and worse since the previous round:
// each field it names as better has a rising score on its own page.
func TestEasyLanguageResults(t *testing.T) {
	files := exampleSite(t)
	name := "leichte-sprache/index.html"
	page := string(files[name])
	if !strings.Contains(page, `<section class="easy-results" aria-labelledby="ergebnisse-leicht">`) || !strings.Contains(page, "Die Stadt hat die Fragen noch einmal beantwortet. Das war im Jahr 2024. Davor war es im Jahr 2021.") {
		t.Fatalf("%s shows no results in Leichte Sprache", name)
	}
	var group string
	counts := map[string]int{}
	for n := range elements(t, name, files[name]) {
		if n.Data == "p" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
			group = n.FirstChild.Data
		}
		href := attrOf(n, "href")
		want := map[string]string{"Das ist besser geworden:": `class="delta up"`, "Das ist schlechter geworden:": `class="delta down"`, "Das ist gleich geblieben:": `class="delta same"`}[group]
		if n.Data != "a" || want == "" || !strings.HasPrefix(href, "/handlungsfelder/") || href == "/handlungsfelder/" {
			continue
		}
		field := string(files[strings.TrimPrefix(href, "/")+"index.html"])
		if !strings.Contains(field, want) {
			t.Errorf("%s names %s under %q, but its page has no %s", name, href, group, want)
		}
		counts[group]++
	}
	if counts["Das ist besser geworden:"] == 0 || counts["Das ist besser geworden:"]+counts["Das ist schlechter geworden:"]+counts["Das ist gleich geblieben:"] != 7 {
		t.Errorf("%s sorts the fields as %v, want each of the 7 in one group", name, counts)
	}
}

// TestLanguagesOwnTheirTexts: the example banner speaks each language, the
// Open Graph locale names it, and a chart's data link on a translated page
// says that the file is German.
func TestLanguagesOwnTheirTexts(t *testing.T) {
	files := exampleSite(t)
	locales := map[string]string{"": "de_DE", "en/": "en_GB", "tr/": "tr_TR", "ar/": "ar_EG", "uk/": "uk_UA"}
	for prefix, locale := range locales {
		page := string(files[prefix+"index.html"])
		if !strings.Contains(page, `<meta property="og:locale" content="`+locale+`">`) {
			t.Errorf("%sindex.html: og:locale is not %s", prefix, locale)
		}
		_, notice, _ := strings.Cut(page, `<p class="example-notice">`)
		notice, _, _ = strings.Cut(notice, "</p>")
		if notice == "" || (prefix != "" && strings.Contains(notice, `lang="de"`)) {
			t.Errorf("%sindex.html: the example banner is not in the page's language: %s", prefix, notice)
		}
	}
	ar := string(files["ar/majalat/fairer-zugang/index.html"])
	if !strings.Contains(ar, `.csv">نزّل بيانات هذا الرسم البياني (CSV، اللغة: الألمانية)</a></p>`) {
		t.Error("the Arabic field page does not say that its chart's data are in German")
	}
}
