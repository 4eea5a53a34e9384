package site

import (
	"strings"
)

// ContentSecurityPolicy is the policy every published page works under:
// nothing from other hosts, no inline script, no plugins, no framing.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// headers is public/_headers, the format of Netlify, Cloudflare Pages and
// others; docs/betrieb.md shows the same for nginx and Apache.
func (s *Site) headers() []byte {
	var b strings.Builder
	b.WriteString("/*\n")
	b.WriteString("  Content-Security-Policy: " + ContentSecurityPolicy + "\n")
	b.WriteString("  X-Content-Type-Options: nosniff\n")
	b.WriteString("  Referrer-Policy: no-referrer\n")
	b.WriteString("  Permissions-Policy: interest-cohort=(), camera=(), microphone=(), geolocation=()\n")
	return []byte(b.String())
}

// Locale is the Open Graph locale of the site's language.
func (p *Page) Locale() string {
	if p.Site.Lang.Code == "en" {
		return "en_GB"
	}
	return "de_DE"
}

// JSONLD returns the schema.org description of the page, or nil.
func (p *Page) JSONLD() any {
	s := p.Site
	publisher := map[string]any{"@type": "GovernmentOrganization", "name": cmpOr(s.Config.Municipality, s.Config.Title), "url": s.Config.AbsURL("/")}
	switch p.Kind {
	case "home":
		return map[string]any{"@context": "https://schema.org", "@type": "WebSite", "name": s.Config.Title, "url": s.Config.AbsURL("/"), "inLanguage": s.Lang.Code, "publisher": publisher}
	case "article":
		d := p.Doc
		return map[string]any{
			"@context": "https://schema.org", "@type": "NewsArticle",
			"headline": d.Title, "description": d.Summary, "datePublished": d.Date.Format("2006-01-02T15:04:05Z07:00"),
			"url": s.Config.AbsURL(d.URL), "mainEntityOfPage": s.Config.AbsURL(d.URL), "inLanguage": s.Lang.Code,
			"author": publisher, "publisher": publisher, "keywords": strings.Join(d.Tags, ", "),
		}
	case "data":
		var dist []any
		var first, last string
		for _, r := range p.Rounds {
			dist = append(dist,
				map[string]any{"@type": "DataDownload", "name": r.Title + " (CSV)", "encodingFormat": "text/csv", "contentUrl": s.Config.AbsURL(r.CSV)},
				map[string]any{"@type": "DataDownload", "name": r.Title + " (JSON)", "encodingFormat": "application/json", "contentUrl": s.Config.AbsURL(r.JSON)})
			if first == "" {
				first = r.Date.ISO()
			}
			last = r.Date.ISO()
		}
		ld := map[string]any{
			"@context": "https://schema.org", "@type": "Dataset",
			"name": p.Title + ": " + s.Model.Instrument.Title, "description": p.Description,
			"url": s.Config.AbsURL(p.Path), "inLanguage": s.Lang.Code, "creator": publisher, "publisher": publisher,
			"isAccessibleForFree": true, "distribution": dist,
		}
		if first != "" {
			ld["temporalCoverage"] = first + "/" + last
		}
		return ld
	}
	return nil
}
