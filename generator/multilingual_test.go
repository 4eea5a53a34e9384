package main

import (
	"bytes"
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/text/language"

	"offenbar/generator/sitetest"
)

// multilingualSite is the base test site with English and Arabic added,
// and an English translation of the imprint.
func multilingualSite(t *testing.T) map[string][]byte {
	a := readArchive(t, "testdata/base.txtar")
	cfg, _ := a.File("site.toml")
	cfg = bytes.Replace(cfg, []byte("base_url"), []byte("languages = [\"en\", \"ar\"]\nbase_url"), 1)
	imprint := []byte("+++\ntitle = \"Imprint\"\n+++\nThe municipality of Testdorf.\n")
	return buildSite(t, writeSite(t, sitetest.Merge(a, &sitetest.Archive{Files: []sitetest.File{{Name: "site.toml", Data: cfg}, {Name: "content/pages/impressum.en.md", Data: imprint}}})))
}

// TestHreflang: every page of every language links to itself in the others
// and to the German page as x-default; the links are reciprocal; every lang
// and dir attribute is a valid BCP 47 tag with the right direction. A
// fallback page, which shows an untranslated original under another
// language's navigation, is no alternate: it names the original as its
// canonical address, has and gets no hreflang link, and is not in the
// sitemap; an original with no translation has no hreflang links at all.
func TestHreflang(t *testing.T) {
	files := multilingualSite(t)
	const base = "https://example.org/weltoffen/"
	links := map[string]map[string]string{} // page URL -> hreflang -> href
	canonical := map[string]string{}        // page URL -> rel=canonical
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue
		}
		pages++
		url := base + strings.TrimSuffix(name, "index.html")
		doc, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		alt := map[string]string{}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				attr := map[string]string{}
				for _, a := range n.Attr {
					attr[a.Key] = a.Val
				}
				if n.Data == "link" && attr["rel"] == "alternate" && attr["hreflang"] != "" {
					alt[attr["hreflang"]] = attr["href"]
				}
				if n.Data == "link" && attr["rel"] == "canonical" {
					canonical[url] = attr["href"]
				}
				if l, ok := attr["lang"]; ok {
					tag, err := language.Parse(l)
					if err != nil {
						t.Errorf("%s: <%s lang=%q>: %v", name, n.Data, l, err)
					}
					script, _ := tag.Script()
					rtl := script.String() == "Arab"
					if d, ok := attr["dir"]; ok && (d == "rtl") != rtl {
						t.Errorf("%s: <%s lang=%q dir=%q>", name, n.Data, l, d)
					}
					if n.Data == "html" && rtl && attr["dir"] != "rtl" {
						t.Errorf("%s: an Arabic page without dir=\"rtl\"", name)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		links[url] = alt
	}
	if pages < 40 {
		t.Fatalf("only %d pages in three languages", pages)
	}
	// Articles and pages without a translation, and their fallbacks.
	fallbacks := map[string]string{
		base + "en/news/ergebnis/":    base + "artikel/ergebnis/",
		base + "ar/akhbar/ergebnis/":  base + "artikel/ergebnis/",
		base + "en/datenschutz/":      base + "datenschutz/",
		base + "ar/datenschutz/":      base + "datenschutz/",
		base + "ar/impressum/":        base + "impressum/",
		base + "en/barrierefreiheit/": base + "barrierefreiheit/",
		base + "ar/barrierefreiheit/": base + "barrierefreiheit/",
		// A tag whose articles are all untranslated lists German titles
		// only: its pages in further languages are fallback pages.
		base + "en/topics/selbstcheck/": base + "themen/selbstcheck/",
		base + "ar/mawadi/selbstcheck/": base + "themen/selbstcheck/",
	}
	untranslated := map[string]bool{base + "artikel/ergebnis/": true, base + "datenschutz/": true, base + "barrierefreiheit/": true, base + "themen/selbstcheck/": true}
	for url, want := range fallbacks {
		if canonical[url] != want {
			t.Errorf("the fallback page %s has canonical %q, want the original %s", url, canonical[url], want)
		}
	}
	for url, alt := range links {
		if _, ok := canonical[url]; !ok {
			t.Errorf("%s has no rel=canonical", url)
		}
		if _, fallback := fallbacks[url]; fallback || untranslated[url] {
			if len(alt) > 0 {
				t.Errorf("%s shows content in no other language, but has hreflang links %v", url, alt)
			}
			continue
		}
		if canonical[url] != url {
			t.Errorf("%s has canonical %q", url, canonical[url])
		}
		if alt["x-default"] == "" || !strings.HasPrefix(alt["x-default"], base) || strings.Contains(alt["x-default"], "/en/") || strings.Contains(alt["x-default"], "/ar/") {
			t.Errorf("%s: x-default %q", url, alt["x-default"])
		}
		for lang, href := range alt {
			if lang == "x-default" {
				continue
			}
			back, ok := links[href]
			if !ok {
				t.Errorf("%s links to %s (%s), which is not a page of the site", url, href, lang)
				continue
			}
			if _, fallback := fallbacks[href]; fallback {
				t.Errorf("%s names the fallback page %s as its %s alternate", url, href, lang)
			}
			found := false
			for _, h := range back {
				found = found || h == url
			}
			if !found {
				t.Errorf("%s links to %s (%s), which does not link back", url, href, lang)
			}
		}
	}
	if len(links[base+"en/fields/steuerung/"]) != 4 {
		t.Errorf("the English field page has hreflang links %v, want de, en, ar and x-default", links[base+"en/fields/steuerung/"])
	}
	// The sitemap lists the alternates too.
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Lang string `xml:"hreflang,attr"`
				Href string `xml:"href,attr"`
			} `xml:"http://www.w3.org/1999/xhtml link"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	if len(links[base+"impressum/"]) != 3 || links[base+"impressum/"]["en"] != base+"en/impressum/" || links[base+"en/impressum/"]["de"] != base+"impressum/" {
		t.Errorf("the imprint, translated into English only, has hreflang links %v, its translation %v; want de, en and x-default", links[base+"impressum/"], links[base+"en/impressum/"])
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		listed[u.Loc] = true
		want := 3
		switch {
		case untranslated[u.Loc]:
			want = 0
		case strings.HasSuffix(u.Loc, "/impressum/"):
			want = 2
		}
		if len(u.Links) != want {
			t.Errorf("sitemap: %s has %d alternates, want %d", u.Loc, len(u.Links), want)
		}
		for _, l := range u.Links {
			if _, fallback := fallbacks[l.Href]; fallback {
				t.Errorf("sitemap: %s names the fallback page %s", u.Loc, l.Href)
			}
		}
	}
	for url := range fallbacks {
		if listed[url] {
			t.Errorf("sitemap lists the fallback page %s", url)
		}
	}
	if !listed[base+"en/impressum/"] || !listed[base+"artikel/ergebnis/"] || !listed[base+"en/fields/steuerung/"] {
		t.Error("the sitemap lacks a page with content of its own")
	}
	// Untranslated content on an Arabic page is marked German, left to right.
	page := string(files["ar/majalat/steuerung/index.html"])
	if !strings.Contains(page, `<h1><span lang="de" dir="ltr">Steuerung</span></h1>`) || !strings.Contains(page, `class="translation-notice german-parts"`) {
		t.Errorf("the Arabic field page does not mark its German parts:\n%.3000s", page)
	}
	for _, f := range []string{"en/feed.xml", "ar/feed.xml", "en/search/index.json"} {
		if files[f] == nil {
			t.Errorf("%s was not built", f)
		}
	}
}

// TestStaleTranslation: when an original changes after its translation
// was made, check says so for every translation, with both paths, and the
// site still builds, each translated page saying it may be out of date.
func TestStaleTranslation(t *testing.T) {
	dir := copyExample(t)
	orig := filepath.Join(dir, "content/articles/2024-05-06-zweite-runde.md")
	b, err := os.ReadFile(orig)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(orig, append(b, "\nNachtrag: Der Bericht liegt jetzt vor.\n"...), 0o644)
	args := buildArgs(dir)
	args[0] = "check"
	code, _, stderr := runCmd(t, args...)
	if code != 0 {
		t.Fatalf("check: exit %d\n%s", code, stderr)
	}
	for _, l := range []string{"en", "tr", "ar", "uk"} {
		want := "content/articles/2024-05-06-zweite-runde." + l + ".md:"
		if !strings.Contains(stderr, want) || !strings.Contains(stderr, "warning: translation may be outdated: content/articles/2024-05-06-zweite-runde.md has changed") {
			t.Errorf("check does not report the %s translation as outdated:\n%s", l, stderr)
		}
	}
	files := buildSite(t, dir)
	if page := string(files["en/news/zweite-runde/index.html"]); !strings.Contains(page, "This translation may be out of date") {
		t.Error("the English page does not say that its translation may be out of date")
	}
	if page := string(files["uk/novyny/zweite-runde/index.html"]); !strings.Contains(page, "перекладено машинно") {
		t.Error("the Ukrainian page does not say that it was translated by machine")
	}
}

// TestExampleSelfcheckTranslated: in the example, the field pages of every
// language show no German part and so no notice of one; the first round's
// summary, left German on purpose in tr, ar and uk, is marked and noticed.
func TestExampleSelfcheckTranslated(t *testing.T) {
	files := exampleSite(t)
	main := func(page string) string {
		_, rest, _ := strings.Cut(page, "<main")
		body, _, _ := strings.Cut(rest, "</main>")
		return body
	}
	for _, l := range []string{"en", "tr", "ar", "uk"} {
		var field, first string
		for name, b := range files {
			switch {
			case strings.HasPrefix(name, l+"/") && strings.HasSuffix(name, "/fairer-zugang/index.html"):
				field = string(b)
			case strings.HasPrefix(name, l+"/") && strings.HasSuffix(name, "/2021/index.html"):
				first = string(b)
			}
		}
		if field == "" || first == "" {
			t.Fatalf("%s: no field page or no page of the round 2021", l)
		}
		// Its list of articles marks an untranslated one, and says so, in
		// each entry (TestUntranslatedArticlesMarkedInLists); measures are
		// no texts of the self-check and have translations of their own,
		// and their lists mark an untranslated one. So do events, whose
		// places are German on every language's pages, marked as such.
		if germanOutside(t, field, "article-list", "measure-list", "rec-measures", "measure-meta", "massnahmen", "event-list", "termine") {
			t.Errorf("%s: the field page shows German parts of the self-check", l)
		}
		// A page that says parts are German shows some outside its lists
		// of articles. (Where the self-check is translated whole, measures
		// left German get no such notice; each is marked as German.)
		if german, noticed := germanOutside(t, field, "article-list"), strings.Contains(field, "german-parts"); noticed && !german {
			t.Errorf("%s: the field page shows German parts: %v, says so: %v", l, german, noticed)
		}
		// Who answered and how the workshop went are no texts that a
		// translation of the self-check covers: they are German on every
		// language's pages, marked as such (TestForeignTextIsMarked).
		m := main(first)
		if i, j := strings.Index(m, `<ul class="respondents">`), strings.Index(m, `<div class="prose workshop"`); i >= 0 && j > i {
			k := strings.Index(m[j:], "</div>")
			m = m[:i] + m[j+k:]
		}
		// Nor are the round's events, listed with their German places.
		if i := strings.Index(m, `<section aria-labelledby="termine">`); i >= 0 {
			k := strings.Index(m[i:], "</section>")
			m = m[:i] + m[i+k:]
		}
		german := strings.Contains(m, ` lang="de"`)
		if noticed := strings.Contains(first, "german-parts"); noticed != german || german != (l != "en") {
			t.Errorf("%s: the round 2021 shows German parts: %v, says so: %v", l, german, noticed)
		}
	}
}

// TestSkippedQuestionsPlural: the chart summary counts skipped questions
// with the plural form of the count, in German ("1 Frage wurde
// übersprungen", not "1 Fragen wurden") and in Arabic.
func TestSkippedQuestionsPlural(t *testing.T) {
	files := exampleSite(t)
	var one, wrong, arabicOne int
	for name, b := range files {
		page := string(b)
		if strings.HasPrefix(name, "handlungsfelder/") {
			one += strings.Count(page, "1 Frage wurde übersprungen.")
			wrong += strings.Count(page, " 1 Fragen wurden übersprungen")
		}
		if strings.HasPrefix(name, "ar/") {
			arabicOne += strings.Count(page, "تم تخطي سؤال واحد.")
		}
	}
	if one == 0 || wrong > 0 || arabicOne == 0 {
		t.Errorf("German singular %d times, wrong plural %d times, Arabic singular %d times", one, wrong, arabicOne)
	}
}

// TestSiteTextsTranslated: [translations.en] of site.toml gives the site's
// title, description and example notice on the English pages; Arabic, which
// it does not translate, shows the German ones marked as German, and the
// German pages keep theirs.
func TestSiteTextsTranslated(t *testing.T) {
	a := readArchive(t, "testdata/base.txtar")
	cfg, _ := a.File("site.toml")
	cfg = bytes.Replace(cfg, []byte("base_url"), []byte("languages = [\"en\", \"ar\"]\nexample_notice = \"Ein Beispiel.\"\nbase_url"), 1)
	cfg = append(cfg, "\n[translations.en]\ntitle = \"Testdorf open\"\ndescription = \"Where Testdorf stands.\"\nexample_notice = \"An example.\"\n"...)
	files := buildSite(t, writeSite(t, sitetest.Merge(a, &sitetest.Archive{Files: []sitetest.File{{Name: "site.toml", Data: cfg}}})))
	de, en, ar := string(files["index.html"]), string(files["en/index.html"]), string(files["ar/index.html"])
	for _, want := range []string{`<span class="site-name">Testdorf open</span>`, `<title>Testdorf open</title>`, `<meta property="og:site_name" content="Testdorf open">`, `content="Where Testdorf stands."`, `</strong> An example.</p>`} {
		if !strings.Contains(en, want) {
			t.Errorf("en/index.html lacks %s", want)
		}
	}
	if strings.Contains(en, "Ein Beispiel.") {
		t.Errorf("en/index.html shows the German example notice")
	}
	for _, page := range []string{de, ar} {
		if strings.Contains(page, "Testdorf open") || strings.Contains(page, "An example.") {
			t.Errorf("a German or Arabic page shows the English texts")
		}
	}
	if !strings.Contains(ar, `<span class="site-name"><span lang="de"`) {
		t.Errorf("ar/index.html does not mark the untranslated site title as German")
	}
	if strings.Contains(de, `<span class="site-name"><span lang="de"`) {
		t.Errorf("index.html marks the site title as German on a German page")
	}
}

// TestGermanPartsOnListPages: the home page and the field list of a
// language without a translation of the self-check say that parts are in
// German, as the field pages do, and mark the field names, the round's
// title and the names in the charts' tables as German, left to right.
func TestGermanPartsOnListPages(t *testing.T) {
	files := multilingualSite(t)
	for _, name := range []string{"ar/index.html", "ar/majalat/index.html", "en/index.html", "en/fields/index.html"} {
		page := string(files[name])
		if !strings.Contains(page, `class="translation-notice german-parts"`) {
			t.Errorf("%s does not say that parts of it are in German", name)
		}
		// Isolated in either direction, so that its punctuation stays
		// with it.
		mark := `<span lang="de" dir="ltr">`
		if !strings.Contains(page, mark+"Steuerung</span></a>") {
			t.Errorf("%s does not mark the field name as German", name)
		}
	}
	home := string(files["ar/index.html"])
	for _, want := range []string{`<a href="/weltoffen/ar/jawlat/2024/"><span lang="de" dir="ltr">Runde 2024</span></a></h2>`, `<th scope="col"><span lang="de" dir="ltr">Runde 2024</span></th>`, `<th scope="row"><span lang="de" dir="ltr">Steuerung</span></th>`} {
		if !strings.Contains(home, want) {
			t.Errorf("the Arabic home page lacks %s", want)
		}
	}
	// German pages mark nothing.
	if page := string(files["index.html"]); strings.Contains(page, `lang="de"><`) || strings.Contains(page, "german-parts") {
		t.Error("the German home page marks German parts")
	}
}

// germanOutside reports whether the main content of a page marks a text
// as German outside the elements of the classes (or labelled by the IDs)
// skip.
func germanOutside(t *testing.T, page string, skip ...string) bool {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	other := func(n *html.Node) bool {
		for _, a := range n.Attr {
			if (a.Key == "class" || a.Key == "aria-labelledby") && slices.Contains(skip, a.Val) {
				return true
			}
		}
		return false
	}
	var walk func(n *html.Node, inMain bool) bool
	walk = func(n *html.Node, inMain bool) bool {
		if n.Type == html.ElementNode {
			if other(n) {
				return false
			}
			inMain = inMain || n.Data == "main"
			for _, a := range n.Attr {
				if inMain && a.Key == "lang" && a.Val == "de" {
					return true
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if walk(c, inMain) {
				return true
			}
		}
		return false
	}
	return walk(doc, false)
}
