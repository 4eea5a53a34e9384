package audit

import (
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"offenbar/generator/browser"
)

// TestInLanguage: axe-core is set up with the locale of the editor's
// language where it has one, and left in English otherwise.
func TestInLanguage(t *testing.T) {
	if FindAxe("../..") == nil {
		t.Skip("axe-core is not installed: run npm ci")
	}
	axe := []byte("/* axe */")
	if got := InLanguage(axe, "de", "../.."); !strings.HasPrefix(got, "/* axe */;axe.configure({locale: ") || !strings.Contains(got, `"lang": "de"`) {
		t.Errorf("de: %.80q", got)
	}
	for _, code := range []string{"", "en", "xx", "../de", "de/../de"} {
		if got := InLanguage(axe, code, "../.."); got != "/* axe */" {
			t.Errorf("%q: %.80q, want the script as it is", code, got)
		}
	}
}

func TestSitemapPaths(t *testing.T) {
	sm := []byte(`<urlset><url><loc>https://example.org/weltoffen/</loc></url><url><loc>https://example.org/weltoffen/en/fields/x/</loc></url></urlset>`)
	got, err := SitemapPaths(sm, "/weltoffen/")
	if err != nil || strings.Join(got, " ") != "/ /en/fields/x/" {
		t.Errorf("SitemapPaths = %q, %v", got, err)
	}
}

// TestFailureInATab: a page that cannot load stops the audit with an error
// from either tab's goroutine, and the browser is cleaned up.
func TestFailureInATab(t *testing.T) {
	if browser.Path() == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("chromium is not installed; .ci/run installs it")
		}
		t.Skip("chromium is not installed")
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + ln.Addr().String()
	ln.Close()
	err = run(func(t browser.T) {
		Pages(t, browser.New(t), closed, []string{"/"}, "")
	})
	if err == nil || !strings.Contains(err.Error(), "loading "+closed) {
		t.Errorf("err = %v, want the page that did not load", err)
	}
}

// TestPagePaths: every index.html of a build is a page to audit, the
// fallback pages that the sitemap leaves out included.
func TestPagePaths(t *testing.T) {
	got, err := PagePaths(fstest.MapFS{
		"index.html":                      {},
		"sitemap.xml":                     {},
		"tr/haberler/ergebnis/index.html": {},
		"artikel/ergebnis/index.html":     {},
		"404.html":                        {},
		"assets/site.css":                 {},
	})
	want := []string{"/", "/artikel/ergebnis/", "/tr/haberler/ergebnis/"}
	if err != nil || !slices.Equal(got, want) {
		t.Errorf("PagePaths = %q, %v; want %q", got, err, want)
	}
}

// TestHandlerHeaders: the handler sends the headers of "/*" everywhere and
// those of the embed pages' rule below it, also when the site is served
// below its base path by http.StripPrefix.
func TestHandlerHeaders(t *testing.T) {
	dir := t.TempDir()
	rules := "/*\n  Content-Security-Policy: frame-ancestors 'none'\n  X-Content-Type-Options: nosniff\n" +
		"/weltoffen/einbetten/*\n  Content-Security-Policy: frame-ancestors 'self' https://www.musterstadt.de\n"
	for name, body := range map[string]string{"_headers": rules, "index.html": "<p>home", "einbetten/index.html": "<p>embed"} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	h, err := Handler(dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.StripPrefix("/weltoffen", h))
	defer srv.Close()
	for p, want := range map[string]string{
		"/weltoffen/":           "frame-ancestors 'none'",
		"/weltoffen/einbetten/": "frame-ancestors 'self' https://www.musterstadt.de",
	} {
		resp, err := http.Get(srv.URL + p)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Content-Security-Policy"); got != want || resp.Header.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("%s: Content-Security-Policy %q, want %q; headers %v", p, got, want, resp.Header)
		}
	}
}
