package site

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Embed pages show the overview, an action field or one chart on another
// website, such as the town's main website, in an iframe: without header,
// menu and footer, with the chart as SVG, its summary, its table and a link
// to the full page. They exist only when site.toml has [embed], are left
// out of the sitemap, the search index and the feeds, and only the origins
// of [embed] allowed may frame them (see headers).

// Embed is what a page offers to show one of its charts, or its field, on
// another website: the embed page and the HTML snippet that frames it.
type Embed struct {
	ID     string // the snippet's text area on the page that offers it
	Path   string // the embed page, a site path
	URL    string // the embed page, absolute
	Title  string // the iframe's title, which names it for screen readers
	Height int    // the iframe's height in CSS pixels
	Hosts  string // the origins that may frame it, for the text above the snippet
}

// Code is the snippet to paste into another website: an iframe that works
// as it is, without script or style attribute, so that it holds under a
// strict Content-Security-Policy there too.
func (e *Embed) Code() string {
	return fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="%d" loading="lazy"></iframe>`, html.EscapeString(e.URL), html.EscapeString(e.Title), e.Height)
}

// Heights of what an embed page shows besides its charts, in CSS pixels at
// the width of a phone (390 px), where text wraps most: a field's heading,
// score and link to the full page, and a chart's frame, title, summary and
// the closed table.
const (
	embedFrame      = 150 // heading, the link to the full page and the margins
	embedFieldScore = 130 // a field's score and its sentence
	embedOverview   = 60  // the overview's round and score
	embedChart      = 210 // a chart's frame, title, summary and table button
	embedTrendNote  = 110 // the sentence in place of a trend of one round
	embedNotice     = 90  // the example notice, when the site has one
)

var svgHeight = regexp.MustCompile(`<svg class="chart-svg chart-svg-(narrow|wide)"[^>]* width="(\d+)" height="([0-9.]+)"`)

// chartHeight is the height that a chart's figure takes up in an embed
// page: the taller of its two drawings as the page shows them, the narrow
// one on a phone, scaled to about 320 px, the wide one at its width.
func chartHeight(c *ChartView) int {
	h := 0.0
	for _, m := range svgHeight.FindAllStringSubmatch(string(c.SVG), -1) {
		w, _ := strconv.ParseFloat(m[2], 64)
		v, _ := strconv.ParseFloat(m[3], 64)
		if m[1] == "narrow" && w > 0 {
			v *= 320 / w
		}
		h = math.Max(h, v)
	}
	return embedChart + int(math.Ceil(h))
}

// embedPath is the site path of an embed page, such as
// "/einbetten/handlungsfelder/fairer-zugang/".
func (s *Site) embedPath(parts ...string) string {
	p := s.Prefix + "/" + s.Lang.Paths.Embed + "/"
	for _, x := range parts {
		p += x + "/"
	}
	return p
}

// EmbedOrigins are the origins that may frame the embed pages, separated by
// spaces, for embed.js: it tells its height only to one of them.
func (s *Site) EmbedOrigins() string { return strings.Join(s.Config.Embed.Allowed, " ") }

// EmbedHosts names the websites that may frame the embed pages, for the
// text above a snippet.
func (s *Site) EmbedHosts() string { return strings.Join(s.Config.Embed.Allowed, ", ") }

// Embeds reports whether the page offers snippets to embed its charts:
// embed.js adds a copy button to each.
func (p *Page) Embeds() bool {
	return p.Charts && p.Kind != "embed" && p.Site.Config.Embeds()
}

func (s *Site) newEmbed(id, path, title string, height int) *Embed {
	if s.Config.ExampleNotice != "" {
		height += embedNotice
	}
	return &Embed{ID: id, Path: path, URL: s.Config.AbsURL(path), Title: title + " – " + s.Config.Title, Height: height, Hosts: s.EmbedHosts()}
}

// setEmbeds gives the overview, every field and every chart its embed,
// when the site has [embed] and charts to show.
func (s *Site) setEmbeds(v *views) {
	if !s.Config.Embeds() || v.overview == nil {
		return
	}
	v.overview.Embed = s.newEmbed(v.overview.ID+"-embed", s.embedPath(), s.Config.Title, embedFrame+embedOverview+chartHeight(v.overview))
	for _, fv := range v.fields {
		h := embedFrame + embedFieldScore
		for _, c := range fv.Charts {
			c.Embed = s.newEmbed(c.ID+"-embed", s.embedPath(c.ID), c.Title, embedFrame+chartHeight(c))
			h += chartHeight(c)
		}
		if fv.TrendNote != "" {
			h += embedTrendNote
		}
		fv.Embed = s.newEmbed("field-embed", s.embedPath(s.Lang.Paths.Fields, fv.Slug), fv.Title, h)
	}
	for _, rv := range v.rounds {
		for _, c := range rv.Charts {
			c.Embed = s.newEmbed(c.ID+"-embed", s.embedPath(c.ID), c.Title, embedFrame+chartHeight(c))
		}
	}
}

// embedPages are the embed pages of the overview, every field and every
// chart; add completes each as it does every page.
func (s *Site) embedPages(v *views, latest *RoundView, add func(*Page)) {
	if v.overview == nil || v.overview.Embed == nil {
		return
	}
	embed := func(e *Embed, p *Page) {
		p.Kind, p.Path = "embed", e.Path
		add(p)
	}
	embed(v.overview.Embed, &Page{Key: "embed", Title: s.Config.Title, Full: s.Prefix + "/", Overview: v.overview, Latest: latest})
	for _, fv := range v.fields {
		embed(fv.Embed, &Page{Key: "embed/field/" + fv.Slug, Title: fv.Title, Full: fv.URL, Field: fv, Latest: latest})
		for _, c := range fv.Charts {
			embed(c.Embed, &Page{Key: "embed/" + c.ID, Title: c.Title, Full: fv.URL + "#" + c.ID + "-figure", Chart: c})
		}
	}
	for _, rv := range v.rounds {
		for _, c := range rv.Charts {
			embed(c.Embed, &Page{Key: "embed/" + c.ID, Title: c.Title, Full: rv.URL + "#" + c.ID + "-figure", Chart: c})
		}
	}
}
