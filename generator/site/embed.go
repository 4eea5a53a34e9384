package site

import (
	"fmt"
	"html"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
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

// An embed page must fit into the iframe of its snippet without resize.js,
// and text wraps most on a phone (390 px). Its height is estimated from
// the page's parts there: each text by its length, at about so many
// characters a line (a little fewer than fit, as words wrap), and each
// chart by its narrow drawing scaled to the phone's width; on a desktop
// the same page is lower. The pixel figures are measured in Chromium.
type textStyle struct{ perLine, line int }

var (
	bodyText   = textStyle{33, 27}
	chartText  = textStyle{30, 27}
	chartTitle = textStyle{25, 30}
	heading    = textStyle{21, 36}
	noticeText = textStyle{40, 23}
)

const (
	embedPadding = 48  // the page's padding, and some room to spare
	embedMore    = 16  // the margin above the link to the full page
	embedHeading = 8   // below the heading
	embedScore   = 84  // a field's score in large type
	embedPara    = 34  // the margins of a paragraph
	embedFigures = 200 // the overview's round and score
	embedChart   = 145 // a chart's frame, margins and the button of its table
	embedNotice  = 28  // the example notice's padding and margin
	phoneChart   = 330 // the width of a chart's drawing on a phone
)

// height estimates the height of text in style on a phone; right-to-left
// scripts take taller lines, and Cyrillic ones more of them.
func (s *Site) height(text string, st textStyle) int {
	// Cyrillic letters are wider than Latin ones in the usual fonts.
	n := 0
	for _, r := range text {
		n += 4
		if unicode.Is(unicode.Cyrillic, r) {
			n++
		}
	}
	n = (n + 3) / 4
	line := st.line
	if s.Lang.RTL() {
		line = line * 115 / 100
	}
	return max(1, (n+st.perLine-1)/st.perLine) * line
}

var svgHeight = regexp.MustCompile(`<svg class="chart-svg chart-svg-narrow"[^>]* width="(\d+)" height="([0-9.]+)"`)

// chartHeight estimates the height of a chart's figure in an embed page
// on a phone.
func (s *Site) chartHeight(c *ChartView) int {
	h := 0.0
	if m := svgHeight.FindStringSubmatch(string(c.SVG)); m != nil {
		w, _ := strconv.ParseFloat(m[1], 64)
		v, _ := strconv.ParseFloat(m[2], 64)
		if w > 0 {
			h = v * phoneChart / w
		}
	}
	return embedChart + s.height(c.Title, chartTitle) + s.height(c.Summary, chartText) + int(math.Ceil(h))
}

// frameHeight is what every embed page has besides its content: the
// padding, the example notice and the link to the full page.
func (s *Site) frameHeight() int {
	h := embedPadding + embedMore
	more, _ := s.Lang.Tf("embed_more", s.Config.Title)
	h += s.height(more, bodyText)
	if n := s.Config.ExampleNotice; n != "" {
		label, _ := s.Lang.T("example_notice")
		h += embedNotice + s.height(label+": "+n, noticeText)
	}
	return h
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
	switch p.Kind {
	case "home", "field", "round":
		return p.Charts && p.Site.Config.Embeds()
	}
	return false
}

func (s *Site) newEmbed(id, path, title string, height int) *Embed {
	return &Embed{ID: id, Path: path, URL: s.Config.AbsURL(path), Title: title + " – " + s.Config.Title, Height: height, Hosts: s.EmbedHosts()}
}

// setEmbeds gives the overview, every field and every chart its embed,
// when the site has [embed] and charts to show.
func (s *Site) setEmbeds(v *views) {
	if !s.Config.Embeds() || v.overview == nil {
		return
	}
	l := s.Lang
	latest := v.rounds[len(v.rounds)-1]
	frame := s.frameHeight()
	figures, _ := l.T("key_figures")
	h := frame + s.height(s.Config.Title, heading) + embedHeading + s.height(figures+": "+latest.Title, bodyText) + embedFigures + s.chartHeight(v.overview)
	v.overview.Embed = s.newEmbed(v.overview.ID+"-embed", s.embedPath(), s.Config.Title, h)
	for _, fv := range v.fields {
		sentence, _ := l.Tf("field_score_text", latest.Title, s.percentFormat(float64(fv.Now)))
		if fv.HasPrev {
			change, _ := l.Tf("change_since", fmt.Sprintf("%+d", fv.Delta), latest.Prev.Title)
			sentence += " " + change + "."
		}
		h := frame + s.height(fv.Title, heading) + embedHeading + embedScore + s.height(sentence, bodyText) + embedPara
		for _, c := range fv.Charts {
			c.Embed = s.newEmbed(c.ID+"-embed", s.embedPath(c.ID), c.Title, frame+s.chartHeight(c))
			h += s.chartHeight(c)
		}
		if fv.TrendNote != "" {
			h += s.height(fv.TrendNote, bodyText) + embedPara
		}
		fv.Embed = s.newEmbed("field-embed", s.embedPath(l.Paths.Fields, fv.Slug), fv.Title, h)
	}
	for _, rv := range v.rounds {
		for _, c := range rv.Charts {
			c.Embed = s.newEmbed(c.ID+"-embed", s.embedPath(c.ID), c.Title, frame+s.chartHeight(c))
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
