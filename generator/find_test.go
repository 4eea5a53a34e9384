package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// indexWords returns, by URL, the words that the search index holds for
// each entry, folded to lower case, as search.js compares them.
func indexWords(t *testing.T, index []byte) map[string]map[string]bool {
	t.Helper()
	var entries []struct{ T, U, K, X, W string }
	if err := json.Unmarshal(index, &entries); err != nil {
		t.Fatalf("search index: %v", err)
	}
	words := map[string]map[string]bool{}
	for _, e := range entries {
		if words[e.U] == nil {
			words[e.U] = map[string]bool{}
		}
		for _, w := range strings.FieldsFunc(strings.ToLower(e.T+" "+e.K+" "+e.X+" "+e.W), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			words[e.U][w] = true
		}
	}
	return words
}

// lastWord is the last word of at least five letters in the text of a
// Markdown file, leaving out link addresses.
func lastWord(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`\]\([^)]*\)`).ReplaceAllString(string(b), "]")
	words := regexp.MustCompile(`\p{L}{5,}`).FindAllString(text, -1)
	return words[len(words)-1]
}

// TestFindingThings builds the example and checks what a resident meets
// when looking for something: the search finds every text a page shows,
// the rounds are listed newest first, and each tag has a page of its own.
func TestFindingThings(t *testing.T) {
	files := exampleSite(t)

	t.Run("search finds the whole text", func(t *testing.T) {
		words := indexWords(t, files["suche/index.json"])
		// The end of the longest article, which an index of the first
		// few hundred characters misses.
		longest, size := "", 0
		paths, _ := filepath.Glob("../content/articles/*.md")
		more, _ := filepath.Glob("../content/articles/*/index.md")
		for _, p := range append(paths, more...) {
			if st, err := os.Stat(p); err == nil && st.Size() > int64(size) && strings.Count(filepath.Base(p), ".") == 1 {
				longest, size = p, int(st.Size())
			}
		}
		slug := strings.TrimSuffix(filepath.Base(longest), ".md")
		if slug == "index" {
			slug = filepath.Base(filepath.Dir(longest))
		}
		slug = slug[len("2006-01-02-"):]
		last := strings.ToLower(lastWord(t, longest))
		if u := "/artikel/" + slug + "/"; !words[u][last] {
			t.Errorf("the index lacks %q, the last word of %s, for %s", last, longest, u)
		}
		// Recommendations, shown on the home page and the field pages,
		// and a word from the end of an article.
		for word, page := range map[string]string{
			"sozialticket":      "handlungsfelder/fairer-zugang/",
			"pflegeberatung":    "handlungsfelder/fairer-zugang/",
			"gründungsberatung": "handlungsfelder/arbeit-und-wirtschaft/",
			"merkblatt":         "artikel/runder-tisch-wohnen/",
		} {
			if u := "/" + page; !words[u][word] {
				t.Errorf("the index lacks %q for %s", word, u)
			}
		}
		// The index of each language has the text of its own pages.
		if !indexWords(t, files["en/search/index.json"])["/en/fields/fairer-zugang/"]["ticket"] {
			t.Errorf("the English index lacks the recommendation of a social ticket")
		}
	})

	t.Run("rounds newest first", func(t *testing.T) {
		page := string(files["runden/index.html"])
		newer, older := strings.Index(page, "Zweite Runde 2024"), strings.Index(page, "Erste Runde 2021")
		if newer < 0 || older < 0 || newer > older || !strings.Contains(page, `<ol class="round-list" reversed>`) {
			t.Errorf("/runden/ does not list the rounds newest first in a reversed list:\n%s", page)
		}
	})

	t.Run("tag pages", func(t *testing.T) {
		tag := string(files["themen/workshop/index.html"])
		for _, want := range []string{"/artikel/zweite-runde/", "/artikel/selbstcheck-ergebnis/"} {
			if !strings.Contains(tag, `href="`+want+`"`) {
				t.Errorf("/themen/workshop/ does not list %s", want)
			}
		}
		if !strings.Contains(string(files["themen/index.html"]), `href="/themen/fest-der-kulturen/"`) {
			t.Errorf("/themen/ does not link the tag „Fest der Kulturen“")
		}
		if !strings.Contains(string(files["artikel/zweite-runde/index.html"]), `<li><a href="/themen/workshop/">Workshop</a></li>`) {
			t.Errorf("the chips of an article do not link their tag pages")
		}
		// Every language has its tags, with its own path, and a tag in
		// another script has an address in it.
		if files["en/topics/workshop/index.html"] == nil || files["tr/konular/çalıştay/index.html"] == nil {
			t.Errorf("the English or Turkish tag pages are missing")
		}
		ar := string(files["ar/akhbar/zweite-runde/index.html"])
		if !strings.Contains(strings.ToLower(ar), strings.ToLower(`href="/ar/mawadi/`+url.PathEscape("ورشة-عمل")+`/"`)) || files["ar/mawadi/ورشة-عمل/index.html"] == nil {
			t.Errorf("the Arabic tag „ورشة عمل“ has no page or no link")
		}
		sitemap := string(files["sitemap.xml"])
		if !strings.Contains(sitemap, "<loc>https://weltoffen.lindenbrueck.example/themen/workshop/</loc>") || !strings.Contains(sitemap, "/ar/mawadi/"+url.PathEscape("ورشة-عمل")+"/</loc>") {
			t.Errorf("the sitemap lacks the tag pages")
		}
		// An untranslated article's tags are German: their pages in
		// another language name the German one as canonical and stay out
		// of the sitemap.
		tr := string(files["tr/konular/selbstcheck/index.html"])
		if !strings.Contains(tr, `<link rel="canonical" href="https://weltoffen.lindenbrueck.example/themen/selbstcheck/">`) || strings.Contains(sitemap, "/tr/konular/selbstcheck/") {
			t.Errorf("the Turkish page of a German tag is not a fallback of the German one")
		}
	})
}
