package a11y

import (
	"fmt"
	"net/url"
	"os"
	"slices"
	"testing"

	"offenbar/generator/audit"
	"offenbar/generator/browser"
	"offenbar/generator/browser/browsertest"
	"offenbar/generator/sitetest"
)

// TestMain gives the audit time on a busy machine: go test's default of
// 10 minutes becomes sitetest.SlowMachineTimeout, a liveness guard only.
func TestMain(m *testing.M) {
	sitetest.RaiseDefaultTimeout()
	os.Exit(m.Run())
}

// sitemapPaths returns the path of every URL in the built sitemap.
func sitemapPaths(t *testing.T, base string) []string {
	t.Helper()
	resp, err := httpGet(base + "/sitemap.xml")
	if err != nil {
		t.Fatal(err)
	}
	// On a site below a sub-path, base ends in it, and so do the URLs.
	bu, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	paths, err := audit.SitemapPaths(resp, bu.Path+"/")
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

// TestAccessibility visits every page, those of the sitemap and the
// fallback pages left out of it, and the 404 page, in light and dark mode,
// and runs axe-core with the WCAG 2.1 A and AA rules.
// It also checks that no page requests another host, logs an error or a
// Content-Security-Policy violation, or leaves a cookie or local storage.
func TestAccessibility(t *testing.T) {
	axe := browsertest.ReadAxe(t, "../../..")
	b := browser.New(t)
	base, dir := browsertest.ServeSiteDir(t, "../../..", os.DirFS("../../.."), nil)
	paths, err := audit.PagePaths(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	// Every URL of the sitemap is among them.
	for _, p := range sitemapPaths(t, base) {
		if !slices.Contains(paths, p) {
			t.Errorf("%s is in the sitemap but not a page of the build", p)
		}
	}
	paths = append(paths, "/404.html")
	if len(paths) < 20 {
		t.Fatalf("only %d pages", len(paths))
	}
	checked, total := auditPages(t, b, base, paths, axe)
	t.Logf("axe-core: %d page visits (%d URLs in light and dark mode), %d violations", checked, len(paths), total)
	fmt.Fprintf(os.Stderr, "accessibility: %d page visits, %d axe violations\n", checked, total)
}

// auditPages checks each path with the audit that `offenbar audit` runs
// (package audit) and reports what it finds as errors. It returns the page
// visits and the problems.
func auditPages(t *testing.T, b *browser.Browser, base string, paths []string, axe string) (visits, problems int) {
	t.Helper()
	visits, found := audit.Pages(t, b, base, paths, axe)
	for _, f := range found {
		t.Errorf("%s (%s): %v", f.Path, f.Scheme, f.Msg)
	}
	return visits, len(found)
}

// httpGet returns the body at u.
func httpGet(u string) ([]byte, error) { return browsertest.Get(u) }
