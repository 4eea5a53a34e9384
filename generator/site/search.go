package site

import (
	"bytes"
	"encoding/json"
	"html/template"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"

	"offenbar/generator/workers"
)

// searchEntry is one document of the search index, /suche/index.json. Keys
// are short because the index travels to every visitor who searches.
type searchEntry struct {
	Title string `json:"t"`
	URL   string `json:"u"`
	Kind  string `json:"k"`
	Text  string `json:"x"`
}

// maxSearchText bounds the text indexed per document, which keeps the index
// small enough for slow connections.
const maxSearchText = 600

// markdownText returns the beginning of a Markdown text without its markup,
// which is all the search index needs and far cheaper than reading HTML.
func markdownText(md []byte) string {
	// Read as much source as the limit allows, with markup as blanks; then
	// collapse blanks (unicode.IsSpace) to single spaces, as strings.Fields
	// and strings.Join would, in one pass.
	raw := make([]byte, 0, min(len(md), 2*maxSearchText))
	inURL := 0
	for i := 0; i < len(md) && len(raw) < 2*maxSearchText; i++ {
		c := md[i]
		switch {
		case inURL > 0:
			if c == '(' {
				inURL++
			} else if c == ')' {
				inURL--
			}
		case c == ']' && i+1 < len(md) && md[i+1] == '(':
			inURL = 1
			i++
		case markupByte[c]:
			raw = append(raw, ' ')
		default:
			raw = append(raw, c)
		}
	}
	out := make([]byte, 0, len(raw))
	blank := false
	for i := 0; i < len(raw); {
		c, size := raw[i], 1
		space := asciiSpace[c]
		if c >= utf8.RuneSelf {
			var r rune
			r, size = utf8.DecodeRune(raw[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			blank = len(out) > 0
		} else {
			if blank {
				out = append(out, ' ')
				blank = false
			}
			out = append(out, raw[i:i+size]...)
		}
		i += size
	}
	return string(out)
}

var markupByte, asciiSpace [256]bool

func init() {
	for _, c := range []byte("*_#>|`[]!\\") {
		markupByte[c] = true
	}
	for _, c := range []byte("\t\n\v\f\r ") {
		asciiSpace[c] = true
	}
}

// plainText returns the text of an HTML fragment, with blanks collapsed. It
// stops reading once it has enough text for the search index.
func plainText(h template.HTML) string {
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(string(h)))
	for b.Len() < 2*maxSearchText {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			b.Write(z.Text())
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
	}
	for cut > 0 && cut < len(s) && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + " …"
}

// searchIndex lists articles, pages, fields, questions and rounds.
func (s *Site) searchIndex(v *views) []byte {
	text := func(key string) string { t, _ := s.Lang.T(key); return t }
	var entries []searchEntry
	add := func(title, url, kind, body string) {
		entries = append(entries, searchEntry{Title: title, URL: s.Config.URL(url), Kind: kind, Text: clip(body, maxSearchText)})
	}
	for _, fv := range v.fields {
		body := fv.Description
		if fv.Result != nil {
			body += " " + plainText(fv.Result.Assessment)
		}
		add(fv.Title, fv.URL, text("search_kind_field"), body)
		for _, g := range fv.Groups {
			for _, q := range g.Questions {
				add(q.ID+" "+q.Text, q.URL, fv.Title, q.Label+" "+q.Comment)
			}
		}
	}
	for _, rv := range v.rounds {
		add(rv.Title, rv.URL, text("search_kind_round"), plainText(rv.SummaryHTML))
	}
	texts := make([]string, len(v.articles))
	workers.ForEach(len(v.articles), func(i int) { texts[i] = markdownText(v.articles[i].Body) })
	for i, a := range v.articles {
		add(a.Title, a.URL, text("search_kind_article")+" · "+s.Lang.Date(a.Date.Time), a.Summary+" "+texts[i])
	}
	for _, p := range v.pages {
		add(p.Title, p.URL, text("search_kind_page"), plainText(p.HTML()))
	}
	if v.measures != nil {
		for _, m := range v.measures.All {
			add(m.Title, m.URL, text("search_kind_measure")+" · "+m.StatusLabel, m.Summary+" "+plainText(m.Responsible)+" "+markdownText(m.body))
		}
	}
	for _, e := range v.events {
		add(e.Title, e.URL, text("search_kind_event")+" · "+e.Day(), e.Summary+" "+markdownText(e.Body))
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	_ = enc.Encode(entries)
	return buf.Bytes()
}
