package site

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"

	"offenbar/generator/content"
)

// searchEntry is one document of the search index, /suche/index.json. Keys
// are short because the index travels to every visitor who searches.
type searchEntry struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Kind  string `json:"k"`
	// Text is the beginning of the page's text, which a hit shows, and
	// Words every further word of the page that Text does not have, once:
	// the search compares words, so the order and repetitions of the rest
	// of a long page would only make the index heavier.
	Text  string `json:"x"`
	Words string `json:"w,omitempty"`
}

// searchExcerpt is how much of a page's text, in characters, a hit shows.
const searchExcerpt = 200

// Indexed reports whether the search index has an entry for the page: every
// kind of page has, so that a new kind is found without further ado, except
// the lists of other pages (whose entries are the pages themselves), the
// search page, the page for a missing address and the embed pages, which
// are for other websites.
func (p *Page) Indexed() bool {
	switch p.Kind {
	case "home", "fields", "rounds", "articles", "tags", "tag", "measures", "events", "search", "404", "embed":
		return false
	}
	return true
}

// index keeps what the search index needs of the rendered page b: the
// beginning of its text and its further words. It runs as each page is
// rendered, on every core, and keeps far less than the page.
func (p *Page) index(b []byte) {
	if p.Indexed() {
		p.excerpt, p.words = splitText(searchText(b), searchExcerpt)
	}
}

// searchText returns the text that a rendered page shows in its main
// element, with blanks collapsed. It leaves out what is not the page's own
// text: the h1, which is the entry's title, navigation, charts drawn as SVG,
// scripts, and every element that a template marks with data-nosearch, such
// as the questions of a field page, which have entries of their own, and
// lists of other pages.
func searchText(page []byte) string {
	start := bytes.Index(page, []byte("<main"))
	if start < 0 {
		return ""
	}
	end := bytes.LastIndex(page, []byte("</main>"))
	if end < start {
		end = len(page)
	}
	z := html.NewTokenizer(bytes.NewReader(page[start:end]))
	var b strings.Builder
	skip := 0 // depth inside a left-out element
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
				b.WriteByte(' ')
			}
		case html.StartTagToken:
			name, hasAttr := z.TagName()
			if voidElement[string(name)] {
				continue
			}
			if skip > 0 {
				skip++
				continue
			}
			if leftOut[string(name)] || hasAttr && noSearch(z) {
				skip = 1
			}
		case html.EndTagToken:
			if skip > 0 {
				skip--
			}
		}
	}
}

// plainText returns the text of an HTML fragment, with blanks collapsed.
func plainText(h template.HTML) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(string(h)))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			b.Write(z.Text())
			b.WriteByte(' ')
		}
	}
}

// noSearch reports whether the tag that z has just read has the attribute
// data-nosearch.
func noSearch(z *html.Tokenizer) bool {
	for {
		key, _, more := z.TagAttr()
		if string(key) == "data-nosearch" {
			return true
		}
		if !more {
			return false
		}
	}
}

// leftOut are the elements whose text searchText leaves out.
var leftOut = map[string]bool{"h1": true, "nav": true, "svg": true, "script": true, "style": true, "template": true, "noscript": true}

// voidElement are the elements without an end tag.
var voidElement = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// splitText returns the beginning of text, at most n characters up to a
// word's end, and every further word that the beginning does not have,
// once, in the order of their first use. Words are compared without regard
// to case.
func splitText(text string, n int) (excerpt, words string) {
	if utf8.RuneCountInString(text) <= n {
		return text, ""
	}
	end := 0 // the end of the n-th character
	for range n {
		_, size := utf8.DecodeRuneInString(text[end:])
		end += size
	}
	cut := strings.LastIndexByte(text[:end], ' ')
	if cut < end/2 {
		cut = end
	}
	excerpt = text[:cut]
	seen := map[string]bool{}
	for _, w := range strings.Fields(excerpt) {
		seen[strings.ToLower(w)] = true
	}
	var b strings.Builder
	for _, w := range strings.Fields(text[cut:]) {
		if k := strings.ToLower(w); !seen[k] {
			seen[k] = true
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return excerpt + " …", b.String()
}

// searchKind is what a hit says the page is: the UI text search_kind_<kind>
// where there is one, else the section above the page, with an article's
// date.
func (s *Site) searchKind(p *Page) string {
	kind, err := s.Lang.T("search_kind_" + p.Kind)
	if err != nil {
		if len(p.Crumbs) > 1 {
			kind = p.Crumbs[len(p.Crumbs)-1].Title
		} else {
			kind, _ = s.Lang.T("search_kind_page")
		}
	}
	if p.Doc != nil && p.Doc.Kind == content.Article {
		kind += " · " + s.Lang.Date(p.Doc.Date.Time)
	}
	if p.Measure != nil {
		kind += " · " + p.Measure.StatusLabel
	}
	if p.Event != nil {
		kind += " · " + p.Event.Day()
	}
	return kind
}

// searchIndex lists every page that the search finds (see Indexed), with
// the text it shows, and each question of the self-check, which leads to
// its anchor on the field page.
func (s *Site) searchIndex(pages []*Page) []byte {
	var entries []searchEntry
	for _, p := range pages {
		if !p.Indexed() {
			continue
		}
		entries = append(entries, searchEntry{Title: p.Title, URL: s.Config.URL(p.Path), Kind: s.searchKind(p), Text: p.excerpt, Words: p.words})
		if fv := p.Field; fv != nil {
			for _, g := range fv.Groups {
				for _, q := range g.Questions {
					e := searchEntry{Title: q.ID + " " + q.Text, URL: s.Config.URL(q.URL), Kind: fv.Title}
					e.Text, e.Words = splitText(strings.TrimSpace(q.Label+" "+q.Comment), searchExcerpt)
					entries = append(entries, e)
				}
			}
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // a JSON file, never inlined into HTML
	_ = enc.Encode(entries)
	return buf.Bytes()
}
