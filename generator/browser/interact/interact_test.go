package interact

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"offenbar/generator/audit"
	"offenbar/generator/browser"
	"offenbar/generator/browser/browsertest"
)

// readAxe returns the axe-core script that npm ci installed.
func readAxe(t *testing.T) string {
	t.Helper()
	return browsertest.ReadAxe(t, root)
}

// runAxe reports each violation on the page as an error, at where; it
// returns their number.
func runAxe(t *testing.T, p *browser.Page, axe, where string) int {
	t.Helper()
	vs := audit.Axe(t, p, axe)
	for _, x := range vs {
		t.Errorf("%s: %s [%s, %s]\n\t%s", where, x.Help, x.ID, x.Impact, strings.Join(x.Nodes, "\n\t"))
	}
	return len(vs)
}

// TestAxeDetection proves that the accessibility check can fail: a page with
// an image without text alternative and grey-on-white text is caught.
func TestAxeDetection(t *testing.T) {
	axe := readAxe(t)
	b := browser.New(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(`<!DOCTYPE html><html lang="de"><title>x</title><main><h1>x</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><p style="color:#bbb">kaum lesbar</p></main>`))
	}))
	defer srv.Close()
	p := b.Open(t, 800, 600, true)
	p.Go(t, srv.URL)
	vs := audit.Axe(t, p, axe)
	ids := map[string]bool{}
	for _, v := range vs {
		ids[v.ID] = true
	}
	if !ids["image-alt"] || !ids["color-contrast"] {
		t.Errorf("violations = %+v, want image-alt and color-contrast", vs)
	}
}

// TestKeyboard walks a field page with the Tab key: the first stop is the
// skip link, it becomes visible, and every stop shows a focus outline.
func TestKeyboard(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	p := b.Open(t, 1280, 900, true)
	p.Go(t, base+"/handlungsfelder/fairer-zugang/")
	type focus struct {
		Text    string  `json:"text"`
		Class   string  `json:"class"`
		Outline float64 `json:"outline"`
		Top     float64 `json:"top"`
	}
	const probe = `(() => { const e = document.activeElement; const s = getComputedStyle(e);
		return {text: (e.innerText || e.getAttribute("aria-label") || "").slice(0, 40), class: e.className,
			outline: parseFloat(s.outlineWidth) * (s.outlineStyle === "none" ? 0 : 1), top: e.getBoundingClientRect().top}; })()`
	for i := range 40 {
		p.Tab(t)
		var f focus
		p.Eval(t, probe, &f)
		if i == 0 && (f.Class != "skip-link" || f.Top < 0) {
			t.Errorf("first Tab stop is %+v, want the visible skip link", f)
		}
		if f.Outline < 2 {
			t.Errorf("Tab stop %d (%q, class %q) has no visible focus outline", i+1, f.Text, f.Class)
		}
	}
}

// TestSearchByKeyboard walks the search page with the keyboard, on a phone
// and a desktop: the first Tab stop, visible, leads to the search field,
// Enter puts the focus there, and a word typed and sent with Enter finds
// the page that shows it.
func TestSearchByKeyboard(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	for _, width := range []int64{390, 1280} {
		p := b.Open(t, width, 844, true)
		p.Go(t, base+"/suche/")
		p.Tab(t)
		var first struct {
			Href string  `json:"href"`
			Top  float64 `json:"top"`
		}
		p.Eval(t, `(() => { const e = document.activeElement; return {href: e.getAttribute("href") || "", top: e.getBoundingClientRect().top}; })()`, &first)
		if first.Href != "#suchbegriff" || first.Top < 0 {
			t.Errorf("%d px: first Tab stop is %+v, want a visible link to the search field", width, first)
		}
		p.Keys(t, "\r")
		var focus string
		p.Eval(t, `document.activeElement.id`, &focus)
		if focus != "suchbegriff" {
			t.Fatalf("%d px: after Enter on the first Tab stop, the focus is on %q, want the search field", width, focus)
		}
		p.Keys(t, "Sozialticket\r")
		var text string
		p.EvalAsync(t, `new Promise(resolve => {
			const box = document.getElementById("suchergebnisse");
			const poll = () => box.querySelector("p") ? resolve(box.innerText) : setTimeout(poll, 50);
			poll();
		})`, &text)
		if !strings.Contains(text, "Fairer Zugang") {
			t.Errorf("%d px: searching for a recommendation by keyboard finds:\n%s", width, text)
		}
	}
}

// TestReducedMotion checks that charts do not animate for visitors who ask
// for reduced motion.
func TestReducedMotion(t *testing.T) {
	b := browser.New(t)
	base := serveExample(t)
	p := b.Open(t, 1280, 900, true)
	p.Media(t, "prefers-reduced-motion", "reduce")
	p.Go(t, base+"/")
	p.Interactive(t)
	var animated []bool
	p.Eval(t, `[...document.querySelectorAll("[data-chart]")].map(el => echarts.getInstanceByDom(el).getOption().animation)`, &animated)
	if len(animated) == 0 {
		t.Fatal("no charts")
	}
	for i, a := range animated {
		if a {
			t.Errorf("chart %d animates although the visitor prefers reduced motion", i)
		}
	}
}

// TestInteractiveAccessibility runs axe-core on the pages with charts after
// a visitor switched every chart to its interactive version.
func TestInteractiveAccessibility(t *testing.T) {
	axe := readAxe(t)
	b := browser.New(t)
	base := serveExample(t)
	for _, scheme := range []string{"light", "dark"} {
		p := b.Open(t, 1280, 900, true)
		p.Media(t, "prefers-color-scheme", scheme)
		for _, path := range []string{"/", "/handlungsfelder/fairer-zugang/", "/handlungsfelder/management-und-steuerung/", "/runden/2024/", "/ar/majalat/fairer-zugang/"} {
			p.Go(t, base+path)
			if n := p.Interactive(t); n == 0 {
				t.Fatalf("%s: no charts", path)
			}
			runAxe(t, p, axe, path+" ("+scheme+", interactive)")
			if seen := p.Seen(); len(seen.Console) > 0 {
				t.Errorf("%s: console: %v", path, seen.Console)
			}
		}
	}
}
