package main

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/BurntSushi/toml"
	"golang.org/x/net/html"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"offenbar/generator/config"
)

// textNode is a text of a page with what its elements say about it.
type textNode struct {
	text     string
	lang     string // of the nearest element that names one
	isolated bool   // an element at or below that one has dir, or is <bdi>
	noTrans  bool   // an element around it has translate="no": an ID, a file or format name, a number to dial
	// drawn is a label of a chart's SVG, which is hidden from assistive
	// technology (its table beside it names the same, marked); each label
	// is laid out on its own, isolated by the SVG's direction.
	drawn bool
	path  string // the elements around it, for messages
}

// textNodes yields the texts of a page's body, without scripts and styles.
func textNodes(t *testing.T, name string, data []byte) []textNode {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []textNode
	for n := range doc.Descendants() {
		if n.Type != html.TextNode || strings.TrimSpace(n.Data) == "" {
			continue
		}
		tn := textNode{text: strings.Join(strings.Fields(n.Data), " ")}
		inBody, skip, langFound := false, false, false
		var names []string
		for a := n.Parent; a != nil; a = a.Parent {
			if a.Type != html.ElementNode {
				continue
			}
			names = append(names, a.Data)
			switch a.Data {
			case "script", "style", "head", "template":
				skip = true
			case "body":
				inBody = true
			}
			attr := map[string]string{}
			for _, x := range a.Attr {
				attr[x.Key] = x.Val
			}
			if attr["translate"] == "no" {
				tn.noTrans = true
			}
			if a.Data == "svg" && attr["aria-hidden"] == "true" {
				tn.drawn = true
			}
			if !langFound && a.Data != "html" {
				// An SVG's direction isolates each of its texts, which are
				// laid out one by one.
				_, dir := attr["dir"]
				_, svgDir := attr["direction"]
				if dir || svgDir || a.Data == "bdi" {
					tn.isolated = true
				}
			}
			if l, ok := attr["lang"]; ok && !langFound {
				tn.lang, langFound = l, true
			}
		}
		if skip || !inBody {
			continue
		}
		slices.Reverse(names)
		tn.path = strings.Join(names, " > ")
		out = append(out, tn)
	}
	return out
}

// normalText is a text without the punctuation and spaces at its ends, so
// that "Telefon:" and "Telefon" compare equal.
func normalText(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) || r == '·' })
}

// wordy reports whether a text has a word of four letters or more: a text in
// a language, not a number, a sign or an abbreviation.
var wordy = regexp.MustCompile(`\p{L}{4,}`)

// uiTexts are the values of a language's built-in UI texts.
func uiTexts(t *testing.T, code string) map[string]bool {
	t.Helper()
	var f struct {
		Months []string          `toml:"months"`
		Text   map[string]any    `toml:"text"`
		Status map[string]string `toml:"status"`
	}
	if _, err := toml.DecodeFile("../templates/i18n/"+code+".toml", &f); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	add := func(s string) {
		for part := range strings.SplitSeq(s, "{") {
			_, after, found := strings.Cut(part, "}")
			if !found {
				after = part
			}
			out[normalText(after)] = true
		}
		out[normalText(s)] = true
	}
	for _, v := range f.Text {
		switch v := v.(type) {
		case string:
			add(v)
		case map[string]any:
			for _, form := range v {
				add(form.(string))
			}
		}
	}
	for _, v := range f.Status {
		add(v)
	}
	for _, v := range f.Months {
		add(v)
	}
	return out
}

// ownTexts are the texts of the example that are written in language l:
// its UI texts, its translation of the self-check, the front matter of
// its translations of articles and pages, and its texts in site.toml. A
// word such as "Transport" may be English and German alike.
func ownTexts(t *testing.T, l string) map[string]bool {
	t.Helper()
	out := uiTexts(t, l)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out[normalText(v)] = true
		case []any:
			for _, x := range v {
				walk(x)
			}
		case []map[string]any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	decode := func(src string) {
		var v map[string]any
		if _, err := toml.Decode(src, &v); err != nil {
			t.Fatal(err)
		}
		walk(v)
	}
	if b, err := os.ReadFile("../content/selfcheck/i18n/" + l + ".toml"); err == nil {
		decode(string(b))
	}
	docs, _ := filepath.Glob("../content/*/*." + l + ".md")
	more, _ := filepath.Glob("../content/*/*/index." + l + ".md")
	for _, name := range append(docs, more...) {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, front, ok := strings.Cut(string(b), "+++\n"); ok {
			front, _, _ = strings.Cut(front, "+++")
			decode(front)
		}
	}
	var cfg map[string]any
	if _, err := toml.DecodeFile("../site.toml", &cfg); err != nil {
		t.Fatal(err)
	}
	if tr, ok := cfg["translations"].(map[string]any); ok {
		walk(tr[l])
	}
	var offices func(v any)
	offices = func(v any) {
		if m, ok := v.(map[string]any); ok {
			for k, x := range m {
				if o, ok := x.(map[string]any); ok && k == "offices" {
					walk(o[l])
				} else {
					offices(x)
				}
			}
		}
	}
	offices(cfg["contact"])
	return out
}

// exampleLanguages are the example site's further languages.
func exampleLanguages(t *testing.T) []string {
	t.Helper()
	cfg, errs := config.Load(os.DirFS(".."))
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	return cfg.Languages
}

// languageOf is the language of a built page, by its path.
func languageOf(name string, langs []string) string {
	for _, l := range langs {
		if strings.HasPrefix(name, l+"/") {
			return l
		}
	}
	return "de"
}

// TestForeignTextIsMarked: on every page of every language of the example,
// a text in German on a page of another language (one that German pages
// show as German and that is none of the language's own texts) names its
// language and is isolated (WCAG 3.1.2), so that its punctuation stays
// with it; on a right-to-left page, every text in Latin letters alone is
// isolated.
func TestForeignTextIsMarked(t *testing.T) {
	files := exampleSite(t)
	langs := exampleLanguages(t)
	german := map[string]bool{}
	pages := map[string][]textNode{}
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		nodes := textNodes(t, name, data)
		pages[name] = nodes
		if languageOf(name, langs) == "de" {
			for _, n := range nodes {
				if s := normalText(n.text); wordy.MatchString(s) && n.lang == "de" {
					german[s] = true
				}
			}
		}
	}
	own := map[string]map[string]bool{}
	for _, l := range langs {
		own[l] = ownTexts(t, l)
	}
	rtl := map[string]bool{}
	for _, l := range langs {
		script, _ := language.Make(l).Script()
		rtl[l] = script.String() == "Arab" || script.String() == "Hebr"
	}
	latin, rtlLetters := regexp.MustCompile(`\p{Latin}{2}`), regexp.MustCompile(`[\p{Arabic}\p{Hebrew}]`)
	digits := regexp.MustCompile(`[0-9]+`)
	problems := 0
	report := func(name string, n textNode, what string) {
		problems++
		if problems <= 40 {
			t.Errorf("%s: %q (%s) %s", name, n.text, n.path, what)
		}
	}
	for _, name := range slices.Sorted(maps.Keys(pages)) {
		l := languageOf(name, langs)
		if l == "de" {
			continue
		}
		for _, n := range pages[name] {
			s := normalText(n.text)
			// "September 2024" is English as well as German.
			bare := normalText(digits.ReplaceAllString(s, ""))
			if german[s] && !own[l][s] && !own[l][bare] && !n.noTrans {
				if n.lang != "de" && !n.drawn {
					report(name, n, `is German but not marked lang="de"`)
				} else if !n.isolated {
					report(name, n, "is German but not isolated by dir or <bdi>")
				}
			}
			if rtl[l] && latin.MatchString(n.text) && !rtlLetters.MatchString(n.text) && !n.isolated {
				report(name, n, "is in Latin letters on a right-to-left page but not isolated by dir or <bdi>")
			}
		}
	}
	if problems > 40 {
		t.Errorf("… and %d more", problems-40)
	}
}

// TestOneDigitSystem: every page of the example writes the numbers of its
// own language's texts with one digit system, the language's own: Arabic
// pages with Arabic-Indic digits, the others with Latin ones. A number kept
// as written (a question's ID, a phone number, a file name) stands in an
// element with translate="no"; a number in a text of another language,
// such as a German summary on an Arabic page, is that language's.
func TestOneDigitSystem(t *testing.T) {
	files := exampleSite(t)
	langs := exampleLanguages(t)
	latin := regexp.MustCompile(`[0-9]`)
	arabic := regexp.MustCompile(`[٠-٩۰-۹]`)
	problems := 0
	for _, name := range slices.Sorted(maps.Keys(files)) {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		l := languageOf(name, langs)
		zero := message.NewPrinter(language.Make(l)).Sprint(0)
		wrong, want := arabic, "Latin"
		if zero != "0" {
			wrong, want = latin, "Arabic-Indic"
		}
		for _, n := range textNodes(t, name, files[name]) {
			// A drawn label in Latin letters on an Arabic page is a text
			// of another language (see textNode.drawn).
			if n.noTrans || (n.lang != "" && n.lang != l) || (n.drawn && zero != "0" && !regexp.MustCompile(`\p{Arabic}`).MatchString(n.text)) {
				continue
			}
			if wrong.MatchString(n.text) {
				problems++
				if problems <= 40 {
					t.Errorf("%s: %q (%s) mixes digits: want %s digits in %s", name, n.text, n.path, want, l)
				}
			}
		}
	}
	if problems > 40 {
		t.Errorf("… and %d more", problems-40)
	}
}

// TestUntranslatedArticlesMarkedInLists: in the news list of every
// language, each article without a translation into it shows its German
// title and summary marked as German and isolated, and says in the reader's
// language that it is in German; a translated one says nothing of the sort.
func TestUntranslatedArticlesMarkedInLists(t *testing.T) {
	files := exampleSite(t)
	entries, err := os.ReadDir("../content/articles")
	if err != nil {
		t.Fatal(err)
	}
	translated := func(name, l string) bool {
		if _, err := os.Stat("../content/articles/" + name + "/index." + l + ".md"); err == nil {
			return true
		}
		_, err := os.Stat("../content/articles/" + strings.TrimSuffix(name, ".md") + "." + l + ".md")
		return err == nil
	}
	for _, l := range exampleLanguages(t) {
		want := 0
		for _, e := range entries {
			if base := strings.TrimSuffix(e.Name(), ".md"); e.IsDir() || !strings.Contains(base, ".") {
				if !translated(e.Name(), l) {
					want++
				}
			}
		}
		var f struct {
			Paths struct{ Articles string } `toml:"paths"`
		}
		if _, err := toml.DecodeFile("../templates/i18n/"+l+".toml", &f); err != nil {
			t.Fatal(err)
		}
		name := l + "/" + f.Paths.Articles + "/index.html"
		page, ok := files[name]
		if !ok {
			t.Fatalf("no %s", name)
		}
		marked, items := 0, 0
		for n := range elements(t, name, page) {
			if n.Data != "article" || n.Parent == nil || n.Parent.Parent == nil || !strings.Contains(attrOf(n.Parent.Parent, "class"), "article-list") {
				continue
			}
			items++
			var heading, note, summary bool
			for c := range n.Descendants() {
				switch {
				case c.Type != html.ElementNode:
				case c.Data == "h2" && attrOf(c, "lang") == "de" && attrOf(c, "dir") == "ltr":
					heading = true
				case c.Data == "span" && attrOf(c, "class") == "doc-lang":
					note = true
				case c.Data == "p" && attrOf(c, "class") == "" && attrOf(c, "lang") == "de" && attrOf(c, "dir") == "ltr":
					summary = true
				}
			}
			if heading != note || heading != summary {
				t.Errorf("%s: an entry marks its title as German: %v, its summary: %v, says it is German: %v", name, heading, summary, note)
			}
			if heading {
				marked++
			}
		}
		if marked != want || items == 0 {
			t.Errorf("%s: %d of %d articles marked as German, want %d", name, marked, items, want)
		}
	}
}

// attrOf is the value of an element's attribute key, or "".
func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
