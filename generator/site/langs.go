package site

import (
	"html/template"
	"strings"

	"golang.org/x/text/cases"
	"golang.org/x/text/language/display"

	"offenbar/generator/config"
)

// alternates links every page to the same page in the other languages, or
// to a language's home page where it has no such page.
func alternates(sites []*Site, pagesOf [][]*Page) {
	if len(sites) < 2 {
		return
	}
	byKey := make([]map[string]*Page, len(sites))
	for i, ps := range pagesOf {
		byKey[i] = map[string]*Page{}
		for _, p := range ps {
			byKey[i][p.Key] = p
		}
	}
	for i, ps := range pagesOf {
		for _, p := range ps {
			// An embed page has no language switcher and no hreflang links.
			if p.Kind == "404" || p.Kind == "embed" {
				continue
			}
			for j, ls := range sites {
				a := Alternate{Lang: ls.Lang.Code, Name: ls.Lang.Name(), Current: i == j, RTL: ls.Lang.RTL()}
				if q := byKey[j][p.Key]; q != nil {
					a.Path, a.Href, a.Fallback = q.Path, q.Canonical, q.Fallback
				} else {
					a.Path, a.Href, a.Home = ls.Prefix+"/", ls.Config.AbsURL(ls.Prefix+"/"), true
				}
				p.Alternates = append(p.Alternates, a)
			}
			p.HeadLinks, p.LanguageNav = sites[i].alternatesHTML(p)
		}
	}
}

// alternatesHTML writes a page's hreflang links and its language switcher.
// They are written here rather than by a template: every page of every
// language has them, and a template's reflection costs several times as
// much.
func (s *Site) alternatesHTML(p *Page) (template.HTML, template.HTML) {
	var head, nav strings.Builder
	esc := template.HTMLEscapeString
	for _, a := range p.Hreflang() {
		head.WriteString("\n<link rel=\"alternate\" hreflang=\"" + esc(a.Lang) + "\" href=\"" + esc(a.Href) + "\">")
	}
	if x := p.XDefault(); x != "" {
		head.WriteString("\n<link rel=\"alternate\" hreflang=\"x-default\" href=\"" + esc(x) + "\">")
	}
	label, _ := s.Lang.T("languages")
	nav.WriteString("\n<nav class=\"languages\" aria-label=\"" + esc(label) + "\">\n  <ul class=\"wrap\">")
	for _, a := range p.Alternates {
		// Every name is isolated: on an Arabic page, "Türkçe" keeps its
		// own direction, as "العربية" does on a German one.
		dir := "ltr"
		if a.RTL {
			dir = "rtl"
		}
		nav.WriteString("\n    <li><a href=\"" + esc(s.Config.URL(a.Path)) + "\" lang=\"" + esc(a.Lang) + "\" hreflang=\"" + esc(a.Lang) + "\" dir=\"" + dir + "\"")
		if a.Current {
			nav.WriteString(" aria-current=\"page\"")
		}
		nav.WriteString(">" + esc(a.Name) + "</a></li>")
	}
	nav.WriteString("\n  </ul>\n</nav>")
	return template.HTML(head.String()), template.HTML(nav.String())
}

// Name is the language's name in the language itself, such as "Türkçe" or
// "العربية".
func (l *Lang) Name() string {
	return cases.Title(l.Tag).String(display.Self.Name(l.Tag))
}

// Menu is the main navigation in the site's language: a link to a section
// of the default language leads to the same section in this one, named by
// its UI text unless site.toml gives the entry a title for the language.
func (s *Site) Menu() []config.Link {
	root := s.Root()
	if root == s {
		return s.Config.Menu
	}
	sections := map[string]string{}
	for key, seg := range map[string]string{"fields": root.Lang.Paths.Fields, "rounds": root.Lang.Paths.Rounds, "articles": root.Lang.Paths.Articles, "data": root.Lang.Paths.Data, "method": root.Lang.Paths.Method, "search": root.Lang.Paths.Search, "measures": root.Lang.Paths.Measures, "events": root.Lang.Paths.Events, "tags": root.Lang.Paths.Tags} {
		sections["/"+seg+"/"] = key
	}
	own := map[string]string{"fields": s.Lang.Paths.Fields, "rounds": s.Lang.Paths.Rounds, "articles": s.Lang.Paths.Articles, "data": s.Lang.Paths.Data, "method": s.Lang.Paths.Method, "search": s.Lang.Paths.Search, "measures": s.Lang.Paths.Measures, "events": s.Lang.Paths.Events, "tags": s.Lang.Paths.Tags}
	var menu []config.Link
	for _, m := range s.Config.Menu {
		l := config.Link{Title: m.Title, URL: m.URL}
		if key, ok := sections[m.URL]; ok {
			l.URL = s.Prefix + "/" + own[key] + "/"
			l.Title, _ = s.Lang.T(key)
		}
		if t := m.Titles[s.Lang.Code]; t != "" {
			l.Title = t
		}
		menu = append(menu, l)
	}
	return menu
}

// contentText writes s, a text of the content, marked with the content's
// language and direction where the page has another.
func (s *Site) contentText(text string) template.HTML { return s.marked(text, s.isGerman(text)) }

// marked writes text, in a span with the content's language where german.
func (s *Site) marked(text string, german bool) template.HTML {
	esc := template.HTMLEscapeString(text)
	if !german {
		return template.HTML(esc)
	}
	return template.HTML("<span" + string(s.ContentLang()) + ">" + esc + "</span>")
}

// germanText writes a text of site.toml, marked as German on other
// languages' pages unless site.toml translates it.
func (s *Site) germanText(text string) template.HTML {
	return s.marked(text, s.root != nil && strings.TrimSpace(text) != "" && !s.Config.Translated(s.Lang.Code, text))
}

// isGerman reports whether a text of the content is shown untranslated on
// a page of another language.
func (s *Site) isGerman(text string) bool {
	if s.root == nil || strings.TrimSpace(text) == "" {
		return false
	}
	return s.german == nil || s.german[text]
}

// langOf is the lang attribute for an element holding the Markdown of
// text: set where text is shown untranslated.
func (s *Site) langOf(text string) template.HTMLAttr {
	if !s.isGerman(text) {
		return ""
	}
	return s.ContentLang()
}

// PartlyGerman reports whether the self-check pages of this language show
// texts in German, and SelfcheckTranslation how the others were
// translated: "", "human" or "machine"; SelfcheckStale whether the German
// texts changed since.
func (s *Site) PartlyGerman() bool {
	return s.root != nil && (s.german == nil || len(s.german) > 0)
}

// SelfcheckTranslation is "machine" when the self-check's texts in this
// language were translated by machine.
func (s *Site) SelfcheckTranslation() string {
	if s.translation == nil {
		return ""
	}
	return s.translation.Kind
}

// SelfcheckStale reports whether the German texts of the self-check changed
// since this language's translation.
func (s *Site) SelfcheckStale() bool { return s.stale }

// ContentLang is the lang and dir attributes for an element that holds
// content of the default language on a page of another; empty on the
// default language's pages. The dir attribute isolates the text even where
// both languages run the same way, so that its punctuation stays with it
// wherever the element sits.
func (s *Site) ContentLang() template.HTMLAttr {
	root := s.Root()
	if root == s {
		return ""
	}
	return template.HTMLAttr(` lang="` + root.Lang.Code + `" dir="` + root.Lang.Dir() + `"`)
}

// Dir is the language's direction: "rtl" or "ltr".
func (l *Lang) Dir() string {
	if l.RTL() {
		return "rtl"
	}
	return "ltr"
}

// docLanguage says in the site's language that a text is in the default
// language, such as "Dil: Almanca" on a Turkish page.
func (s *Site) docLanguage() (string, error) {
	root := s.Root()
	return s.Lang.Tf("doc_language", display.Tags(s.Lang.Tag).Name(root.Lang.Tag))
}
