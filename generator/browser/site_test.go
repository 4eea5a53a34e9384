package browser_test

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"offenbar/generator/audit"
	"offenbar/generator/browser"
	"offenbar/generator/browser/browsertest"
	"offenbar/generator/site"
	"offenbar/generator/sitetest"
)

// serveExample serves the example site on 127.0.0.1, built once for the
// package.
func serveExample(t *testing.T) string { return browsertest.ServeExample(t, "../..") }

// serveSite builds the site in src and serves it on 127.0.0.1.
func serveSite(t *testing.T, src fs.FS, templates fs.FS) string {
	t.Helper()
	base, _ := serveSiteDir(t, src, templates)
	return base
}

// serveSiteDir is serveSite, and also returns the directory it serves.
func serveSiteDir(t *testing.T, src fs.FS, templates fs.FS) (string, string) {
	t.Helper()
	return browsertest.ServeSiteDir(t, "../..", src, templates)
}

// TestChartsRender opens the pages with charts at phone and desktop width and
// checks that every chart is there as the SVG the build drew, that the chart
// runtime is not loaded until a visitor asks for the interactive version, and
// that the interactive version draws every chart. Nothing may come from
// another host and nothing may be logged as an error. With
// OFFENBAR_SCREENSHOTS=DIR it saves screenshots there for a person to look
// at, before and after the switch.
func TestChartsRender(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	shots := os.Getenv("OFFENBAR_SCREENSHOTS")
	for _, view := range []struct {
		width  int64
		scheme string
	}{{390, "light"}, {1280, "light"}, {390, "dark"}, {1280, "dark"}} {
		width := view.width
		p := b.Open(t, width, 900, true)
		p.Media(t, "prefers-color-scheme", view.scheme)
		for _, path := range []string{"/", "/handlungsfelder/fairer-zugang/", "/handlungsfelder/management-und-steuerung/", "/runden/2024/", "/artikel/zweite-runde/", "/ar/majalat/fairer-zugang/"} {
			v := p.Go(t, base+path)
			name := strings.Trim(strings.ReplaceAll(path, "/", "-"), "-")
			if name == "" {
				name = "home"
			}
			shot := func(suffix string) {
				if shots != "" {
					os.WriteFile(filepath.Join(shots, name+"-"+itoa(width)+"-"+view.scheme+suffix+".png"), p.Screenshot(t), 0o644)
				}
			}
			for _, r := range v.Requests {
				if strings.Contains(r, "echarts") {
					t.Errorf("%s: loads the chart runtime before anyone asked: %s", path, r)
				}
			}
			var charts, drawn, buttons int
			p.Eval(t, `document.querySelectorAll("[data-chart]").length`, &charts)
			// Exactly one of the two layouts shows, at its full width.
			p.Eval(t, `[...document.querySelectorAll("[data-chart]")].filter(el => [...el.querySelectorAll("svg")].filter(s => s.getBoundingClientRect().height > 100 && s.getBoundingClientRect().width > 0.8 * Math.min(el.clientWidth, 720)).length === 1).length`, &drawn)
			// Each button names its chart through the chart's title.
			p.Eval(t, `[...document.querySelectorAll("button.chart-interactive")].filter(b => { const d = document.getElementById(b.getAttribute("aria-describedby")); return d && d.tagName === "FIGCAPTION" && d.textContent.length > 5 }).length`, &buttons)
			if drawn != charts || buttons != charts {
				t.Errorf("%s at %d px: %d charts, %d drawn as SVG, %d buttons for the interactive version", path, width, charts, drawn, buttons)
			}
			if path != "/artikel/zweite-runde/" && charts == 0 {
				t.Errorf("%s: no charts", path)
			}
			shot("")
			if charts > 0 {
				if n := p.Interactive(t); n != charts {
					t.Errorf("%s: %d of %d charts interactive", path, n, charts)
				}
				// Each chart shows a tooltip, drawn inside its SVG; a chart
				// of percentages says "%" in it, not a bare number.
				var grown, percent, percentCharts int
				p.EvalAsync(t, `(async () => {
					const els = [...document.querySelectorAll("[data-chart]")];
					const signs = s => (s.match(/[%٪]/g) || []).length;
					let grown = 0, percent = 0;
					for (const el of els) {
						const before = el.textContent.length, signsBefore = signs(el.textContent);
						echarts.getInstanceByDom(el).dispatchAction({type: "showTip", seriesIndex: 0, dataIndex: 0});
						// ECharts draws the tooltip on a later frame; a busy
						// machine may take a while, so wait for it (liveness only).
						for (let i = 0; i < 600 && el.textContent.length <= before; i++) await new Promise(r => setTimeout(r, 50));
						if (el.textContent.length > before) grown++;
						if (el.getAttribute("data-unit") === "%" && signs(el.textContent) > signsBefore) percent++;
					}
					return [grown, percent];
				})()`, &[]*int{&grown, &percent})
				if grown != charts {
					t.Errorf("%s: %d of %d charts showed a tooltip", path, grown, charts)
				}
				p.Eval(t, `document.querySelectorAll("[data-chart][data-unit='%']").length`, &percentCharts)
				if percent != percentCharts {
					t.Errorf("%s: %d of %d tooltips of charts of percentages say %%", path, percent, percentCharts)
				}
				// Right to left, the interactive bar and line charts are
				// mirrored as the SVG is: their value axes stand on the right.
				var rtl, mirrored int
				p.Eval(t, `(() => {
					const cs = [...document.querySelectorAll("[data-chart]")].map(el => echarts.getInstanceByDom(el).getOption()).filter(o => o.yAxis && o.yAxis.length);
					return [document.documentElement.dir === "rtl" ? cs.length : 0, cs.filter(o => o.yAxis[0].position === "right" && o.xAxis[0].inverse).length];
				})()`, &[]*int{&rtl, &mirrored})
				if rtl > 0 && mirrored != rtl {
					t.Errorf("%s: %d of %d interactive charts mirrored right to left", path, mirrored, rtl)
				}
				if strings.HasPrefix(path, "/ar/") && rtl == 0 {
					t.Errorf("%s: no interactive bar or line chart found right to left", path)
				}
				// The interactive charts write numbers as the page does:
				// Arabic-Indic digits on an Arabic page.
				var arabic bool
				p.Eval(t, `[...document.querySelectorAll("[data-chart].is-live")].every(el => /[٠-٩]/.test(el.textContent))`, &arabic)
				if strings.HasPrefix(path, "/ar/") && !arabic {
					t.Errorf("%s: an interactive chart writes no Arabic-Indic digits", path)
				}
				shot("-interactive")
			}
			seen := p.Seen()
			if f := browser.Foreign(seen.Requests, base); len(f) > 0 {
				t.Errorf("%s: requests to other hosts: %v", path, f)
			}
			if len(seen.Console) > 0 {
				t.Errorf("%s at %d px: console: %v", path, width, seen.Console)
			}
		}
	}
}

// TestWithoutJavaScript loads pages with JavaScript off: every chart shows as
// SVG with its summary and table, and no button offers what needs a script.
func TestWithoutJavaScript(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	p := b.Open(t, 390, 900, false)
	for _, path := range []string{"/", "/handlungsfelder/fairer-zugang/", "/runden/2024/"} {
		p.Go(t, base+path)
		var figures, tables, summaries, visibleCharts, buttons int
		p.Eval(t, `document.querySelectorAll("figure.chart").length`, &figures)
		p.Eval(t, `Array.from(document.querySelectorAll("figure.chart table")).filter(t => t.offsetHeight > 0 && t.rows.length > 1).length`, &tables)
		p.Eval(t, `Array.from(document.querySelectorAll("figure.chart .chart-summary")).filter(s => s.offsetHeight > 0 && s.textContent.length > 20).length`, &summaries)
		p.Eval(t, `Array.from(document.querySelectorAll("[data-chart] svg")).filter(el => el.getBoundingClientRect().height > 100).length`, &visibleCharts)
		p.Eval(t, `document.querySelectorAll("button").length`, &buttons)
		if figures == 0 || tables != figures || summaries != figures || visibleCharts != figures {
			t.Errorf("%s: %d charts, %d visible tables, %d visible summaries, %d visible SVG charts", path, figures, tables, summaries, visibleCharts)
		}
		if buttons != 0 {
			t.Errorf("%s: %d buttons without JavaScript", path, buttons)
		}
	}
}

func httpGet(u string) ([]byte, error) { return browsertest.Get(u) }

func itoa(n int64) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	for ; n > 0; n /= 10 {
		b = append([]byte{byte('0' + n%10)}, b...)
	}
	return string(b)
}

// TestHostileContentRunsNoScript opens every page of the hostile test site
// and fails if any dialog opens.
func TestHostileContentRunsNoScript(t *testing.T) {
	b := browser.New(t)
	read := func(name string) *sitetest.Archive {
		data, err := os.ReadFile("../testdata/" + name)
		if err != nil {
			t.Fatal(err)
		}
		return sitetest.Parse(data)
	}
	src := sitetest.Merge(read("base.txtar"), read("security.txtar")).FS()
	base := serveSite(t, src, os.DirFS("../../templates"))
	p := b.Open(t, 1280, 900, true)
	for _, path := range []string{"/", "/artikel/ergebnis/", "/handlungsfelder/steuerung/", "/handlungsfelder/zugang/", "/runden/2024/", "/methode/", "/artikel/"} {
		v := p.Go(t, base+path)
		if len(v.Dialogs) > 0 {
			t.Errorf("%s: dialogs opened: %q", path, v.Dialogs)
		}
		if len(v.Console) > 0 {
			t.Errorf("%s: console: %v", path, v.Console)
		}
	}
}

// TestDialogDetection proves that the dialog check above can fail: a page
// that does open a dialog is caught.
func TestDialogDetection(t *testing.T) {
	b := browser.New(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!DOCTYPE html><title>x</title><body><script>setTimeout(function(){alert("caught")}, 10)</script>`))
	}))
	defer srv.Close()
	p := b.Open(t, 800, 600, true)
	v := p.Go(t, srv.URL)
	if len(v.Dialogs) != 1 || v.Dialogs[0] != "caught" {
		t.Errorf("dialogs = %q, want the one the page opened", v.Dialogs)
	}
}

// TestCSPViolationDetection proves that a Content-Security-Policy violation
// fails the audit: an inline script under the site's policy, served from a
// built folder below a sub-path as `offenbar audit` serves it, is reported
// in light and in dark mode.
func TestCSPViolationDetection(t *testing.T) {
	browser.New(t) // skips without Chromium, outside CI
	dir := t.TempDir()
	for name, body := range map[string]string{
		"index.html":  `<!DOCTYPE html><html lang="de"><title>x</title><main><h1>x</h1><script>document.title = "ran"</script></main>`,
		"_headers":    "/*\n  Content-Security-Policy: " + site.ContentSecurityPolicy + "\n",
		"sitemap.xml": `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/sub/</loc></url></urlset>`,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	visits, problems, err := audit.Site(dir, "/sub/", browsertest.ReadAxe(t, "../.."))
	if err != nil {
		t.Fatal(err)
	}
	if visits != 2 {
		t.Errorf("%d visits, want 2 (light and dark)", visits)
	}
	csp := 0
	for _, p := range problems.Problems() {
		if p.Pos.Path == "/" && strings.Contains(p.Msg, "Content Security Policy") {
			csp++
		}
	}
	if csp != 2 {
		t.Errorf("problems = %v, want a Content Security Policy violation in each mode", problems.Problems())
	}
}

// TestSearch searches as a citizen would, with German word forms, and finds
// articles and questions without any request to another host.
func TestSearch(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	p := b.Open(t, 390, 900, true)
	for q, want := range map[string]string{
		"Wohnraumbörse":     "Runder Tisch Wohnen",          // umlaut, article
		"wohnraumboerse":    "Runder Tisch Wohnen",          // folded spelling
		"Dolmetscher":       "FZ-18",                        // a question's comment
		"Runden":            "Zweite Runde 2024",            // a plural finds the singular
		"Leitbild Stadtrat": "Stadtrat beschließt Leitbild", // all words must match
	} {
		v := p.Go(t, base+"/suche/?q="+url.QueryEscape(q))
		if f := browser.Foreign(v.Requests, base); len(f) > 0 {
			t.Errorf("%q: requests to other hosts: %v", q, f)
		}
		var text string
		p.Eval(t, `document.getElementById("suchergebnisse").innerText`, &text)
		if !strings.Contains(text, want) {
			t.Errorf("search for %q does not find %q:\n%s", q, want, text)
		}
	}
	// Other scripts: Arabic with and without vowel marks, Ukrainian in
	// capitals.
	for _, c := range []struct{ path, q, want string }{
		{"/ar/bahth/", "التماسك", "التماسك واللقاء"},
		{"/ar/bahth/", "التَّماسُك", "التماسك واللقاء"},
		{"/uk/poshuk/", "ЗГУРТОВАНІСТЬ", "Згуртованість і зустрічі"},
		{"/tr/arama/", "şenliği", "Kültürler Şenliği"},
	} {
		p.Go(t, base+c.path+"?q="+url.QueryEscape(c.q))
		var text string
		p.Eval(t, `document.getElementById("suchergebnisse").innerText`, &text)
		if !strings.Contains(text, c.want) {
			t.Errorf("search on %s for %q does not find %q:\n%s", c.path, c.q, c.want, text)
		}
	}
	p.Go(t, base+"/suche/?q=xylophonorchester")
	var text string
	p.Eval(t, `document.getElementById("suchergebnisse").innerText`, &text)
	if !strings.Contains(text, "Keine Treffer") {
		t.Errorf("a search without hits says %q", text)
	}
}

// TestPrint prints a field page as for a council meeting: no navigation, no
// chart boxes, every chart's table.
func TestPrint(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	p := b.Open(t, 1024, 900, true)
	p.Print(t)
	p.Go(t, base+"/handlungsfelder/fairer-zugang/")
	var r struct {
		Nav, Canvas, Tables, Footer int
	}
	p.Eval(t, `({
		nav: [...document.querySelectorAll(".main-nav, .breadcrumbs, .site-footer")].filter(e => e.offsetHeight > 0).length,
		canvas: [...document.querySelectorAll(".chart-canvas")].filter(e => e.offsetHeight > 0).length,
		tables: [...document.querySelectorAll("figure.chart table")].filter(e => e.offsetHeight > 0).length,
		footer: 0})`, &r)
	if r.Nav != 0 || r.Canvas != 0 || r.Tables < 2 {
		t.Errorf("printed page: %d navigation blocks, %d chart boxes, %d tables; want 0, 0 and every chart's table", r.Nav, r.Canvas, r.Tables)
	}
}

// TestResponsiveImages: a phone loads the 480 px file of a photo, a desktop
// the 960 px one, and neither the original. With OFFENBAR_SCREENSHOTS=DIR
// it saves what the phone shows.
func TestResponsiveImages(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	for _, view := range []struct {
		width int64
		want  string
	}{{390, "-480w.jpg"}, {1280, "-960w.jpg"}} {
		p := b.Open(t, view.width, 900, true)
		for _, page := range []string{"/artikel/fest-der-kulturen/", "/artikel/runder-tisch-wohnen/"} {
			v := p.Go(t, base+page)
			var got struct {
				Src      string
				Complete bool
				Natural  int
				Bytes    []float64
				Pages    float64
			}
			p.Eval(t, `(() => {
				const img = document.querySelector('.prose img');
				const res = performance.getEntriesByType('resource').filter(e => e.initiatorType === 'img');
				const nav = performance.getEntriesByType('navigation')[0];
				return {Src: img.currentSrc, Complete: img.complete, Natural: img.naturalWidth,
					Bytes: res.map(e => e.encodedBodySize), Pages: nav.encodedBodySize};
			})()`, &got)
			if !strings.HasSuffix(got.Src, view.want) || !got.Complete || got.Natural == 0 {
				t.Errorf("%d px, %s: the photo loaded %s (complete %v, %d px), want the file ending in %s", view.width, page, got.Src, got.Complete, got.Natural, view.want)
			}
			var images []string
			for _, r := range v.Requests {
				if strings.HasSuffix(r, ".jpg") {
					images = append(images, r)
				}
			}
			if len(images) != 1 {
				t.Errorf("%d px, %s: %d photos requested, want 1: %q", view.width, page, len(images), images)
			}
			t.Logf("%4d px %-32s photo %s: %v bytes; page HTML %v bytes", view.width, page, got.Src[strings.LastIndex(got.Src, "/")+1:], got.Bytes, got.Pages)
			if dir := os.Getenv("OFFENBAR_SCREENSHOTS"); dir != "" {
				name := strings.Trim(strings.ReplaceAll(page, "/", "-"), "-")
				os.WriteFile(filepath.Join(dir, name+"-"+strconv.Itoa(int(view.width))+".png"), p.Screenshot(t), 0o644)
			}
		}
	}
}

// TestSignLanguage: the page in German Sign Language shows its video with
// controls and captions, plays nothing by itself, offers the download, and
// every page's header leads to it.
func TestSignLanguage(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	p := b.Open(t, 390, 900, true)
	v := p.Go(t, base+"/gebaerdensprache/")
	var got struct {
		Controls, Autoplay, Paused bool
		Tracks                     int
		Kind, Lang                 string
		Cues                       int
		Ready                      int
		Download                   string
	}
	p.EvalAsync(t, `(async () => {
		const v = document.querySelector('.sign-video video');
		const t = v.textTracks[0];
		t.mode = 'showing';
		for (let i = 0; i < 300 && (!t.cues || t.cues.length === 0 || v.readyState < 1); i++) await new Promise(r => setTimeout(r, 100));
		const a = document.querySelector('.sign-video a[download]');
		return {Controls: v.controls, Autoplay: v.autoplay, Paused: v.paused, Tracks: v.textTracks.length,
			Kind: t.kind, Lang: t.language, Cues: t.cues ? t.cues.length : 0, Ready: v.readyState, Download: a ? a.getAttribute('href') : ''};
	})()`, &got)
	if !got.Controls || got.Autoplay || !got.Paused {
		t.Errorf("video controls %v, autoplay %v, paused %v", got.Controls, got.Autoplay, got.Paused)
	}
	if got.Tracks != 1 || got.Kind != "captions" || got.Lang != "de" || got.Cues != 3 {
		t.Errorf("captions: %+v", got)
	}
	if got.Ready < 1 || !strings.HasSuffix(got.Download, ".webm") {
		t.Errorf("the video did not load or has no download link: %+v", got)
	}
	if f := browser.Foreign(v.Requests, base); len(f) > 0 {
		t.Errorf("requests to other hosts: %q", f)
	}
	home := p.Go(t, base+"/")
	_ = home
	var link string
	p.Eval(t, `(document.querySelector('.site-header a.sign-language') || {}).textContent || ''`, &link)
	if strings.TrimSpace(link) != "Gebärdensprache" {
		t.Errorf("the header's sign-language link says %q", link)
	}
	if dir := os.Getenv("OFFENBAR_SCREENSHOTS"); dir != "" {
		p.Go(t, base+"/gebaerdensprache/")
		os.WriteFile(filepath.Join(dir, "gebaerdensprache-390.png"), p.Screenshot(t), 0o644)
	}
}

// TestLayoutAtPhoneAndDesktop: on a phone and a desktop, the date of the
// home page's key figures keeps to one line, and the breadcrumb of a field
// with a long name wraps without leaving a separator alone: each item
// stays on one line with the "›" after it, and only the last one wraps.
func TestLayoutAtPhoneAndDesktop(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	for _, width := range []int64{390, 1280} {
		p := b.Open(t, width, 900, true)
		p.Go(t, base+"/")
		var dateLines int
		p.Eval(t, `document.querySelector(".key-figures time").getClientRects().length`, &dateLines)
		if dateLines != 1 {
			t.Errorf("%d px: the key figures' date takes %d lines", width, dateLines)
		}
		p.Go(t, base+"/handlungsfelder/fairer-zugang/")
		var r struct {
			Items, Split int
			After        string
		}
		p.Eval(t, `(() => {
			const items = [...document.querySelectorAll(".breadcrumbs li")];
			return {
				items: items.length,
				split: items.slice(0, -1).filter(li => new Set([...li.getClientRects()].map(r => Math.round(r.bottom))).size != 1).length,
				after: getComputedStyle(items[0], "::after").content,
			};
		})()`, &r)
		if r.Items != 3 || r.Split != 0 || r.After != "\"\u00a0›\"" {
			t.Errorf("%d px: breadcrumb of %d items, %d of them split over lines, separator %q", width, r.Items, r.Split, r.After)
		}
	}
}

// TestCompactHeader: on a phone, the menu and the languages are behind two
// buttons that work without JavaScript, and the content starts in the top
// third of the screen (before, at 449 px of 844); on a desktop, the menu and the languages show as
// before, without the buttons. A long field page lists its topics with
// jump links.
func TestCompactHeader(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	type header struct {
		Main     float64 `json:"main"`
		Buttons  int     `json:"buttons"`
		MenuOpen bool    `json:"menuOpen"`
		NavLinks int     `json:"navLinks"`
		Langs    int     `json:"langs"`
	}
	const probe = `({
		main: document.querySelector("main").getBoundingClientRect().top,
		buttons: [...document.querySelectorAll(".menu > summary, .language-menu > summary")].filter(s => s.checkVisibility()).length,
		menuOpen: document.querySelector(".menu").open,
		navLinks: [...document.querySelectorAll(".main-nav a")].filter(a => a.checkVisibility()).length,
		langs: [...document.querySelectorAll(".languages a")].filter(a => a.checkVisibility()).length,
	})`
	for _, path := range []string{"/", "/handlungsfelder/fairer-zugang/", "/ar/majalat/fairer-zugang/"} {
		phone := b.Open(t, 390, 844, false)
		phone.Go(t, base+path)
		var h header
		phone.Eval(t, probe, &h)
		if h.Buttons != 2 || h.NavLinks != 0 || h.Langs != 0 || h.Main > 844/3 {
			t.Errorf("%s at 390 px: %+v; want two buttons, menu and languages hidden, the content in the top third", path, h)
		}
		// A click on the button opens the menu, without JavaScript.
		phone.Eval(t, `(() => { document.querySelector(".menu > summary").click(); return true; })()`, new(bool))
		phone.Eval(t, probe, &h)
		if !h.MenuOpen || h.NavLinks < 5 {
			t.Errorf("%s at 390 px: the menu button opens %d links", path, h.NavLinks)
		}
		desktop := b.Open(t, 1280, 900, true)
		desktop.Go(t, base+path)
		desktop.Eval(t, probe, &h)
		if h.Buttons != 0 || h.NavLinks < 5 || h.Langs != 5 {
			t.Errorf("%s at 1280 px: %+v; want the menu and five languages shown, no buttons", path, h)
		}
	}
	// The jump list of a field page leads to its topics.
	p := b.Open(t, 390, 844, true)
	p.Go(t, base+"/handlungsfelder/fairer-zugang/")
	var topics int
	p.Eval(t, `document.querySelectorAll(".jump-list a[href^='#thema-']").length`, &topics)
	if topics != 9 {
		t.Errorf("the jump list of Fairer Zugang has %d topics, want 9", topics)
	}
	var top float64
	p.Eval(t, `(() => { document.querySelector(".jump-list a[href='#thema-wohnen']").click(); return document.getElementById("thema-wohnen").getBoundingClientRect().top; })()`, &top)
	if top < 0 || top > 100 {
		t.Errorf("after the jump link, the topic Wohnen is %g px from the top", top)
	}
}
