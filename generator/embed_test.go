package main

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"offenbar/generator/site"
)

// TestEmbedPages builds the example, whose site.toml has [embed]: the
// overview, every field and every chart have an embed page in every
// language, without header, menu or footer, with the chart, its table in a
// <details> and a link to the full page that says it opens a new window;
// only they may be framed, only by the allowed origin; they are in no
// sitemap, search index or feed; and every field and chart offers the
// snippet, an iframe of its embed page.
func TestEmbedPages(t *testing.T) {
	files := exampleSite(t)
	var embeds []string
	for name := range files {
		for _, dir := range []string{"einbetten/", "en/embed/", "tr/yerlestir/", "ar/tadmin/", "uk/vbuduvaty/"} {
			if strings.HasPrefix(name, dir) && strings.HasSuffix(name, "index.html") {
				embeds = append(embeds, name)
			}
		}
	}
	// 1 overview, 7 fields, 7 + 7 field charts and 2 round charts, in 5 languages.
	if len(embeds) != 24*5 {
		t.Errorf("%d embed pages, want %d", len(embeds), 24*5)
	}
	for _, name := range []string{"einbetten/index.html", "einbetten/handlungsfelder/fairer-zugang/index.html", "einbetten/chart-fairer-zugang-topics/index.html", "einbetten/chart-round-2024/index.html", "en/embed/fields/fairer-zugang/index.html", "ar/tadmin/majalat/fairer-zugang/index.html"} {
		page := string(files[name])
		if page == "" {
			t.Errorf("%s is missing", name)
			continue
		}
		for _, want := range []string{`<meta name="robots" content="noindex">`, `<figure class="chart"`, `<details class="chart-details">`, `<table class="chart-table">`, `class="embed-more"`, `target="_blank" rel="noopener"`, `<span class="visually-hidden"> (`, `/assets/embed.js?v=`, `data-origins="https://www.lindenbrueck.example"`} {
			if !strings.Contains(page, want) {
				t.Errorf("%s lacks %s", name, want)
			}
		}
		for _, unwanted := range []string{"<header", "<footer", "<nav", `rel="canonical"`, "hreflang", "site.js", "echarts"} {
			if strings.Contains(page, unwanted) {
				t.Errorf("%s has %s", name, unwanted)
			}
		}
	}
	if page := string(files["einbetten/handlungsfelder/fairer-zugang/index.html"]); !strings.Contains(page, `Mehr auf Weltoffenes Lindenbrück`) || !strings.Contains(page, `href="/handlungsfelder/fairer-zugang/"`) {
		t.Errorf("the field's embed page does not link to the field page with \"Mehr auf Weltoffenes Lindenbrück\"")
	}
	for _, f := range []string{"sitemap.xml", "feed.xml", "suche/index.json", "en/search/index.json", "en/feed.xml"} {
		for _, seg := range []string{"/einbetten/", "/embed/"} {
			if strings.Contains(string(files[f]), seg) {
				t.Errorf("%s names an embed page (%s)", f, seg)
			}
		}
	}

	headers := string(files["_headers"])
	policy := site.EmbedPolicy([]string{"https://www.lindenbrueck.example"})
	for _, rule := range []string{"/einbetten/*", "/en/embed/*", "/tr/yerlestir/*", "/ar/tadmin/*", "/uk/vbuduvaty/*"} {
		if !strings.Contains(headers, rule+"\n  Content-Security-Policy: "+policy+"\n  X-Robots-Tag: noindex\n") {
			t.Errorf("_headers has no rule %s that lets the allowed origin frame the embed pages:\n%s", rule, headers)
		}
	}
	if !strings.HasPrefix(headers, "/*\n  Content-Security-Policy: "+site.ContentSecurityPolicy+"\n") || !strings.HasSuffix(site.ContentSecurityPolicy, "frame-ancestors 'none'") {
		t.Errorf("every other page is no longer kept out of frames:\n%s", headers)
	}
	if strings.Count(headers, "frame-ancestors 'self' https://www.lindenbrueck.example") != 5 {
		t.Errorf("_headers lets more than the embed pages of 5 languages be framed:\n%s", headers)
	}

	// Every field page offers the field and each of its charts; the
	// snippet is an iframe of an embed page of the build.
	snippet := regexp.MustCompile(`(?s)<textarea id="([^"]+)" class="embed-snippet" rows="4" readonly spellcheck="false" autocomplete="off" dir="ltr" translate="no">(.*?)</textarea>`)
	iframe := regexp.MustCompile(`^<iframe src="https://weltoffen\.lindenbrueck\.example/([^"]*)" title="([^"]+) – (?:Weltoffenes|Welcoming) Lindenbrück" width="100%" height="(\d+)" loading="lazy"></iframe>$`)
	for _, name := range []string{"handlungsfelder/fairer-zugang/index.html", "handlungsfelder/management-und-steuerung/index.html", "index.html", "runden/2024/index.html", "en/fields/fairer-zugang/index.html"} {
		page := string(files[name])
		if !strings.Contains(page, `/assets/embed.js?v=`) || !strings.Contains(page, `data-copy="`) {
			t.Errorf("%s does not load embed.js for its copy buttons", name)
		}
		ms := snippet.FindAllStringSubmatch(page, -1)
		want := strings.Count(page, `<figure class="chart"`)
		if strings.Contains(name, "handlungsfelder/") || strings.Contains(name, "fields/") {
			want++
		}
		if len(ms) != want || want < 1 {
			t.Errorf("%s offers %d snippets, want %d", name, len(ms), want)
		}
		for _, m := range ms {
			code := html.UnescapeString(m[2])
			f := iframe.FindStringSubmatch(code)
			if f == nil {
				t.Errorf("%s: snippet %s is not the iframe it should be: %s", name, m[1], code)
				continue
			}
			if _, ok := files[f[1]+"index.html"]; !ok {
				t.Errorf("%s: snippet %s frames %s, which the build does not have", name, m[1], f[1])
			}
		}
	}
}

// TestNoEmbedsWithoutConfig: a site without [embed] has no embed pages, no
// snippets, no embed.js on its pages, and no page that may be framed.
func TestNoEmbedsWithoutConfig(t *testing.T) {
	files := buildSite(t, writeSite(t, readArchive(t, "testdata/base.txtar")))
	pages := 0
	for name, b := range files {
		if strings.HasPrefix(name, "embed/") || strings.HasPrefix(name, "einbetten/") {
			t.Errorf("%s was built", name)
		}
		if strings.HasSuffix(name, ".html") {
			pages++
			if strings.Contains(string(b), "embed") {
				t.Errorf("%s mentions embed", name)
			}
		}
	}
	if pages < 10 {
		t.Errorf("only %d pages", pages)
	}
	if h := string(files["_headers"]); strings.Contains(h, "frame-ancestors 'self'") || !strings.Contains(h, "frame-ancestors 'none'") {
		t.Errorf("_headers lets a page be framed:\n%s", h)
	}
}
