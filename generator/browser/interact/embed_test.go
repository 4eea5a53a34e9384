package interact

import (
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"offenbar/generator/browser"
)

// withFile is a site folder with one file replaced.
type withFile struct {
	fs.FS
	name string
	data []byte
}

func (w withFile) Open(name string) (fs.File, error) {
	if name == w.name {
		return fstest.MapFS{name: {Data: w.data}}.Open(name)
	}
	return w.FS.Open(name)
}

// TestEmbedOnAnotherOrigin embeds a field of the example as the town's
// main website would: a page on another origin (a second local port),
// under a strict Content-Security-Policy of its own that allows the site
// in frame-src and script-src, pastes the snippet that the field page
// offers and loads resize.js. The embed shows, tells its height, and the
// iframe grows to it; neither page logs an error or a
// Content-Security-Policy violation, and nothing is requested from a
// third host. The site is served with the headers of its _headers. A
// third origin, not in [embed] allowed, gets the same page, and the
// browser refuses the frame by frame-ancestors. With
// OFFENBAR_SCREENSHOTS=DIR it saves the embedding page at 390 and 1280 px.
func TestEmbedOnAnotherOrigin(t *testing.T) {
	b := browser.New(t)
	var hostPage, hostPolicy string
	serve := func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/favicon.ico":
			w.WriteHeader(http.StatusNoContent)
			return
		case "/":
		default:
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Security-Policy", hostPolicy)
		w.Write([]byte(hostPage))
	}
	town := httptest.NewServer(http.HandlerFunc(serve))
	defer town.Close()
	stranger := httptest.NewServer(http.HandlerFunc(serve))
	defer stranger.Close()

	cfg, err := os.ReadFile(root + "/site.toml")
	if err != nil {
		t.Fatal(err)
	}
	const allowed = `allowed = ["https://www.lindenbrueck.example"]`
	if !strings.Contains(string(cfg), allowed) {
		t.Fatalf("the example's site.toml has no %s", allowed)
	}
	cfg = []byte(strings.Replace(string(cfg), allowed, `allowed = ["https://www.lindenbrueck.example", "`+town.URL+`"]`, 1))
	base, dir := serveSiteDir(t, withFile{os.DirFS(root), "site.toml", cfg}, nil)

	field, err := os.ReadFile(filepath.Join(dir, "handlungsfelder/fairer-zugang/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<textarea id="field-embed"[^>]*>([^<]*)</textarea>`).FindSubmatch(field)
	if m == nil {
		t.Fatal("the field page offers no snippet")
	}
	// The snippet as the editor copies it, with the test server for the
	// site's address.
	snippet := strings.Replace(html.UnescapeString(string(m[1])), "https://weltoffen.lindenbrueck.example", base, 1)
	fixed := 0
	if h := regexp.MustCompile(` height="(\d+)"`).FindStringSubmatch(snippet); h != nil {
		fixed, _ = strconv.Atoi(h[1])
	}
	hostPage = `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Stadt Lindenbrück</title></head>
<body><main><h1>Weltoffene Kommune</h1><p>So steht die Stadt im Handlungsfeld Fairer Zugang:</p>
` + snippet + `
<script src="` + base + `/assets/resize.js" defer></script></main></body></html>`
	hostPolicy = "default-src 'self'; script-src 'self' " + base + "; frame-src " + base + "; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'self'"

	height := func(p *browser.Page) string {
		var h string
		p.Eval(t, `document.querySelector("iframe").style.height`, &h)
		return h
	}
	shots := os.Getenv("OFFENBAR_SCREENSHOTS")
	for _, width := range []int64{390, 1280} {
		p := b.Open(t, width, 900, true)
		p.Go(t, town.URL+"/")
		got := ""
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if got = height(p); got != "" {
				break
			}
		}
		if !strings.HasSuffix(got, "px") || got == "0px" {
			t.Errorf("%d px: the iframe's height is %q: the embed page did not tell it, or resize.js did not hear", width, got)
		} else if told, _ := strconv.Atoi(strings.TrimSuffix(got, "px")); told > fixed || told < fixed/2 {
			// Without resize.js the iframe keeps the snippet's height: the
			// embed must fit into it, without much room to spare.
			t.Errorf("%d px: the embed page is %d px high, the snippet's iframe %d px", width, told, fixed)
		} else {
			t.Logf("%d px: the embed page is %d px high, the snippet's iframe %d px", width, told, fixed)
		}
		v := p.Seen()
		for _, c := range v.Console {
			t.Errorf("%d px: the console says: %s", width, c)
		}
		for _, r := range v.Requests {
			if !strings.HasPrefix(r, base+"/") && !strings.HasPrefix(r, town.URL+"/") {
				t.Errorf("%d px: a request to a third host: %s", width, r)
			}
		}
		if !slices.ContainsFunc(v.Requests, func(r string) bool { return strings.HasPrefix(r, base+"/einbetten/handlungsfelder/fairer-zugang/") }) {
			t.Errorf("%d px: the embed page was not requested: %q", width, v.Requests)
		}
		if shots != "" {
			if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("embed-%d.png", width)), p.Screenshot(t), 0o644); err != nil {
				t.Error(err)
			}
		}
	}

	// On the field page, the copy button copies the snippet.
	p := b.Open(t, 390, 900, true)
	p.Go(t, base+"/handlungsfelder/fairer-zugang/")
	var ok bool
	p.Eval(t, `(() => {
		const d = document.querySelector("details.embed-code");
		const b = d && d.querySelector("button.embed-copy");
		if (!b) return false;
		d.open = true;
		b.focus();
		return true;
	})()`, &ok)
	if !ok {
		t.Fatal("the field page's snippet has no copy button")
	}
	p.Enter(t)
	status := ""
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && status == ""; time.Sleep(100 * time.Millisecond) {
		p.Eval(t, `document.querySelector("details.embed-code .embed-status").textContent`, &status)
	}
	if status != "Der Code ist kopiert." {
		t.Errorf("after the copy button, the status says %q", status)
	}
	for _, c := range p.Seen().Console {
		t.Errorf("field page: the console says: %s", c)
	}

	// Another website, not in allowed: the browser refuses to frame the page.
	p = b.Open(t, 1280, 900, true)
	p.Go(t, stranger.URL+"/")
	time.Sleep(time.Second)
	refused := false
	for _, c := range p.Seen().Console {
		if strings.Contains(c, "frame-ancestors") {
			refused = true
		}
	}
	if !refused {
		t.Errorf("a website not in allowed framed the embed page without a frame-ancestors refusal; console: %q", p.Seen().Console)
	}
	if h := height(p); h != "" {
		t.Errorf("the refused iframe was resized to %q", h)
	}
}
