package serve

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// testServer serves a small built site below base, listening on port 8080.
func testServer(base string) *server {
	s := &server{cfg: Config{BasePath: func() string { return base }}, port: "8080"}
	s.files = map[string][]byte{
		"index.html":         []byte("<html><body>home</body></html>"),
		"artikel/index.html": []byte("<html><body>news</body></html>"),
		"daten/catalog.ttl":  []byte("@prefix dcat: <http://www.w3.org/ns/dcat#> ."),
		"404.html":           []byte("<html><body>missing</body></html>"),
		"_headers": []byte("/*\n  Content-Security-Policy: default-src 'self'\n  X-Content-Type-Options: nosniff\n" +
			strings.TrimSuffix(base, "/") + "/daten/catalog.ttl\n  Content-Type: text/turtle; charset=utf-8\n"),
	}
	return s
}

func request(h http.Handler, host, target string) *httptest.ResponseRecorder {
	r := httptest.NewRequest("GET", "/", nil)
	u, err := url.ParseRequestURI(target)
	if err != nil {
		return nil
	}
	r.URL, r.RequestURI, r.Host = u, target, host
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, r)
	return rec
}

// TestServeAnswersOnlyLoopback: a page on another host that points its own
// name at 127.0.0.1 (DNS rebinding) gets no drafts and no error lines.
func TestServeAnswersOnlyLoopback(t *testing.T) {
	h := testServer("/").handler()
	for host, want := range map[string]int{
		"127.0.0.1:8080":        http.StatusOK,
		"localhost:8080":        http.StatusOK,
		"LOCALHOST:8080":        http.StatusOK,
		"[::1]:8080":            http.StatusOK,
		"evil.example:8080":     http.StatusMisdirectedRequest,
		"127.0.0.1.nip.io:8080": http.StatusMisdirectedRequest,
		"localhost.:8080":       http.StatusMisdirectedRequest,
		"127.0.0.1:9999":        http.StatusMisdirectedRequest,
		"127.0.0.1":             http.StatusMisdirectedRequest,
		"":                      http.StatusMisdirectedRequest,
	} {
		if got := request(h, host, "/").Code; got != want {
			t.Errorf("Host %q: status %d, want %d", host, got, want)
		}
	}
}

// TestServeRedirectsStayOnSite: "//artikel" names the folder artikel, not
// the host artikel.
func TestServeRedirectsStayOnSite(t *testing.T) {
	for _, base := range []string{"/", "/weltoffen/"} {
		h := testServer(base).handler()
		pre := strings.TrimSuffix(base, "/")
		for _, target := range []string{pre + "/artikel", pre + "//artikel", "//artikel", "///artikel", pre + "/./artikel", pre + "/x/../artikel"} {
			rec := request(h, "127.0.0.1:8080", target)
			loc := rec.Header().Get("Location")
			if rec.Code/100 == 3 && loc != base+"artikel/" {
				t.Errorf("base %s: GET %s redirects to %q, want %q", base, target, loc, base+"artikel/")
			}
		}
	}
}

// TestServeSendsSiteHeaders: the preview sends what _headers promises, so
// that a page that breaks the Content-Security-Policy breaks here first.
func TestServeSendsSiteHeaders(t *testing.T) {
	for _, base := range []string{"/", "/weltoffen/"} {
		h := testServer(base).handler()
		for target, want := range map[string]string{
			base:                       "text/html; charset=utf-8",
			base + "artikel/":          "text/html; charset=utf-8",
			base + "nichts/":           "text/html; charset=utf-8",
			base + "daten/catalog.ttl": "text/turtle; charset=utf-8",
		} {
			rec := request(h, "localhost:8080", target)
			if got := rec.Header().Get("Content-Type"); got != want {
				t.Errorf("GET %s: Content-Type %q, want %q", target, got, want)
			}
			if rec.Header().Get("Content-Security-Policy") != "default-src 'self'" || rec.Header().Get("X-Content-Type-Options") != "nosniff" {
				t.Errorf("GET %s: headers %v lack those of _headers", target, rec.Header())
			}
		}
	}
	// The error page shows source lines: it is neither framed nor sniffed.
	s := testServer("/")
	s.err = errTest
	rec := request(s.handler(), "localhost:8080", "/")
	if csp := rec.Header().Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(rec.Body.String(), "<style") {
		t.Errorf("error page: Content-Security-Policy %q, inline style %v", csp, strings.Contains(rec.Body.String(), "<style"))
	}
}

var errTest = &testError{}

type testError struct{}

func (*testError) Error() string { return "broken" }

// TestServeWatchesOnlyBuildInputs: "serve > serve.log" in the site folder
// must not rebuild on every line it logs.
func TestServeWatchesOnlyBuildInputs(t *testing.T) {
	s := &server{cfg: Config{Source: "/site"}}
	for name, want := range map[string]bool{
		"/site/site.toml":                          true,
		"/site/content/articles/a.md":              true,
		"/site/content":                            true,
		"/site/templates/i18n/de.toml":             true,
		"/site/serve.log":                          false,
		"/site/content/serve.log":                  false,
		"/site/content/static/bericht.pdf":         true,
		"/site/content/articles/fest/bild.jpg":     true,
		"/site/content/selfcheck/rounds/2024.toml": true,
		"/site/content/articles/neuer-ordner":      true,
		"/site/public/index.html":                  false,
		"/site/node_modules/x.js":                  false,
		"/site/.git/index":                         false,
		"/site/content/articles/.a.md.swp":         false,
		"/site/content/articles/a.md~":             false,
		"/site/site.toml.bak":                      false,
		"/elsewhere/content/articles/a.md":         false,
		"/site/contentx/a.md":                      false,
		"/site/templates/../serve.log":             false,
		"/site/content/../../other/site.toml":      false,
	} {
		if got := s.watched(name); got != want {
			t.Errorf("watched(%q) = %v, want %v", name, got, want)
		}
	}
}

// FuzzServeRequest: whatever the path and Host, serve does not panic,
// redirects only within the site, and answers only with the site's own
// files, its error page or its reload script.
func FuzzServeRequest(f *testing.F) {
	for _, seed := range []string{"/", "//artikel", "/artikel", "/\\evil.example", "/weltoffen//evil.example", "/%2F%2Fevil", "/../../etc/passwd", "/_offenbar/reload", "/daten/catalog.ttl"} {
		f.Add("127.0.0.1:8080", seed, false)
	}
	f.Add("evil.example", "/", true)
	f.Fuzz(func(t *testing.T, host, target string, sub bool) {
		base := "/"
		if sub {
			base = "/weltoffen/"
		}
		s := testServer(base)
		if target == reloadPath {
			return // an endless stream
		}
		rec := request(s.handler(), host, target)
		if rec == nil {
			return
		}
		if loc := rec.Header().Get("Location"); loc != "" {
			if !strings.HasPrefix(loc, base) || strings.HasPrefix(loc, "//") || strings.HasPrefix(loc, "/\\") || strings.Contains(loc, "://") {
				t.Fatalf("Host %q, GET %q redirects to %q, off the site", host, target, loc)
			}
			return
		}
		body := strings.TrimSuffix(strings.Replace(rec.Body.String(), reloadScript, "", 1), "\n")
		known := body == reloadJS || body == overlayCSS || strings.HasPrefix(body, "offenbar serve answers only to")
		for _, b := range s.files {
			known = known || body == string(b)
		}
		if !known {
			t.Fatalf("Host %q, GET %q answered %d with %.200q, no file of the site", host, target, rec.Code, body)
		}
	})
}

// TestServeLogInSiteFolder: "serve > serve.log" run in the site folder
// writes a line per rebuild; that line must not start the next rebuild.
func TestServeLogInSiteFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "site.toml"), []byte("title = \"x\"\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "content"), 0o755)
	logFile, err := os.Create(filepath.Join(dir, "serve.log"))
	if err != nil {
		t.Fatal(err)
	}
	defer logFile.Close()
	var builds atomic.Int32
	stop := make(chan os.Signal, 1)
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(Config{
			Source: dir, Port: 0, Log: logFile, Stop: stop,
			Build: func() (map[string][]byte, error) {
				builds.Add(1)
				return map[string][]byte{"index.html": []byte("x")}, nil
			},
			Ready: func(addr string) { ready <- addr },
		})
	}()
	select {
	case <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(30 * time.Second):
		t.Fatal("server did not start within 30 s")
	}
	// A change to content/ rebuilds once, and the line it logs does not
	// rebuild again.
	os.WriteFile(filepath.Join(dir, "content", "a.md"), []byte("x"), 0o644)
	deadline := time.Now().Add(30 * time.Second)
	for builds.Load() < 2 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(500 * time.Millisecond) // time for a rebuild the log would start
	stop <- os.Interrupt
	<-done
	if n := builds.Load(); n != 2 {
		t.Errorf("%d builds, want 2: the first and the one for content/a.md", n)
	}
}

// TestSiteHeadersEmbedRule: the rule of the embed pages comes after "/*"
// in _headers and replaces its policy on those pages only, as Netlify does;
// the other headers of "/*" stay.
func TestSiteHeadersEmbedRule(t *testing.T) {
	rules := []byte("/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n" +
		"/einbetten/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'self' https://www.musterstadt.de\n  X-Robots-Tag: noindex\n")
	for p, want := range map[string]string{
		"/einbetten/":                        "default-src 'self'; frame-ancestors 'self' https://www.musterstadt.de",
		"/einbetten/handlungsfelder/wohnen/": "default-src 'self'; frame-ancestors 'self' https://www.musterstadt.de",
		"/handlungsfelder/wohnen/":           "default-src 'self'; frame-ancestors 'none'",
		"/en/embed/fields/wohnen/":           "default-src 'self'; frame-ancestors 'none'",
		"/artikel/einbetten/":                "default-src 'self'; frame-ancestors 'none'",
	} {
		h := siteHeaders(rules, p)
		if got := h.Get("Content-Security-Policy"); got != want {
			t.Errorf("%s: Content-Security-Policy %q, want %q", p, got, want)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: headers %v lack those of /*", p, h)
		}
	}
}
