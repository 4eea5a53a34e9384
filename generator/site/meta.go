package site

import (
	"cmp"
	"path"
	"strings"

	"golang.org/x/text/language"

	"offenbar/generator/opendata"
)

// ContentSecurityPolicy is the policy every published page works under:
// nothing from other hosts, no inline script, no plugins, no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// EmbedPolicy is the policy of the embed pages: ContentSecurityPolicy,
// except that the site itself and origins, the [embed] allowed of
// site.toml, may frame them.
func EmbedPolicy(origins []string) string {
	return strings.Replace(ContentSecurityPolicy, "frame-ancestors 'none'", "frame-ancestors 'self' "+strings.Join(origins, " "), 1)
}

// headers is public/_headers, the format of Netlify, Cloudflare Pages and
// others; docs/betrieb.md shows the same for nginx and Apache. calendars
// are the site paths of the calendar files, which get their media type.
func (s *Site) headers(calendars []string) []byte {
	var b strings.Builder
	b.WriteString("/*\n")
	b.WriteString("  Content-Security-Policy: " + ContentSecurityPolicy + "\n")
	b.WriteString("  X-Content-Type-Options: nosniff\n")
	b.WriteString("  Referrer-Policy: no-referrer\n")
	b.WriteString("  Permissions-Policy: interest-cohort=(), camera=(), microphone=(), geolocation=()\n")
	// The embed pages of every language may be framed by the origins of
	// [embed], and no other page may. Their rule comes after "/*": where
	// two rules name a header, Netlify and serve send the later one
	// (docs/betrieb.md has what Cloudflare Pages, nginx and Apache need).
	if s.Config.Embeds() && s.Charted() {
		for _, ls := range append([]*Site{s}, s.Others...) {
			b.WriteString(s.Config.URL(ls.embedPath()) + "*\n")
			b.WriteString("  Content-Security-Policy: " + EmbedPolicy(s.Config.Embed.Allowed) + "\n")
			b.WriteString("  X-Robots-Tag: noindex\n")
		}
	}
	// Harvesters of data portals read the catalogue by its media type.
	if u := s.CatalogURL(); u != "" {
		dir := path.Dir(u)
		b.WriteString(s.Config.URL(dir+"/"+opendata.CatalogTTL) + "\n  Content-Type: text/turtle; charset=utf-8\n")
		b.WriteString(s.Config.URL(dir+"/"+opendata.CatalogRDF) + "\n  Content-Type: application/rdf+xml; charset=utf-8\n")
	}
	// Calendar programs and phones open a calendar by its media type.
	for _, name := range calendars {
		b.WriteString(s.Config.URL(name) + "\n  Content-Type: text/calendar; charset=utf-8\n")
	}
	return []byte(b.String())
}

// Locale is the Open Graph locale of the site's language, language and
// territory such as "tr_TR": the region its tag names, or else the one
// where the language is most likely used ("ar" gives "ar_EG"). English is
// British, the English of German public bodies.
func (p *Page) Locale() string {
	tag := p.Site.Lang.Tag
	base, _ := tag.Base()
	if base.String() == "en" {
		if r, conf := tag.Region(); conf == language.Exact {
			return "en_" + r.String()
		}
		return "en_GB"
	}
	region, _ := tag.Region()
	return base.String() + "_" + region.String()
}

// JSONLD returns the schema.org description of the page, or nil.
func (p *Page) JSONLD() any {
	s := p.Site
	publisher := organization{Type: "GovernmentOrganization", Name: cmp.Or(s.Config.Municipality, s.Config.Title), URL: s.Config.AbsURL("/")}
	switch p.Kind {
	case "home":
		return map[string]any{"@context": "https://schema.org", "@type": "WebSite", "name": s.Config.Title, "url": s.Config.AbsURL("/"), "inLanguage": s.Lang.Code, "publisher": publisher}
	case "article":
		// A struct, not a map: there are thousands of articles, and a struct
		// encodes several times faster. Its fields are in the order of the
		// keys, as a map would sort them.
		d := p.Doc
		return newsArticle{
			Context: "https://schema.org", Type: "NewsArticle",
			Author: publisher, DatePublished: d.Date.Format("2006-01-02T15:04:05Z07:00"), Description: d.Summary,
			Headline: d.Title, InLanguage: s.Lang.Code, Keywords: strings.Join(d.Tags, ", "),
			MainEntityOfPage: p.Canonical, Publisher: publisher, URL: p.Canonical,
		}
	case "data":
		return s.datasetLD(p, publisher)
	case "event":
		return s.eventJSONLD(p.Event, p.Canonical, publisher)
	}
	return nil
}

// newsArticle is the schema.org NewsArticle of an article page.
type newsArticle struct {
	Context          string       `json:"@context"`
	Type             string       `json:"@type"`
	Author           organization `json:"author"`
	DatePublished    string       `json:"datePublished"`
	Description      string       `json:"description"`
	Headline         string       `json:"headline"`
	InLanguage       string       `json:"inLanguage"`
	Keywords         string       `json:"keywords"`
	MainEntityOfPage string       `json:"mainEntityOfPage"`
	Publisher        organization `json:"publisher"`
	URL              string       `json:"url"`
}

// organization is the schema.org GovernmentOrganization that publishes the
// site; its fields are in key order too.
type organization struct {
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}
