package browsertest

import (
	"fmt"
	"net/url"
	"os"
	"slices"
	"testing"

	"offenbar/generator/audit"
	"offenbar/generator/browser"
)

// Parts is how many test binaries share the accessibility audit of the
// example: each audits every Parts-th page, so that none comes near the
// time after which go test kills a test binary on a busy machine.
const Parts = 4

// AuditPart builds the example in the repository at root, serves it, and
// visits the pages of one part (0 to Parts-1) of all its pages, those of the
// sitemap and the fallback pages left out of it, and the 404 page, in
// light and dark mode. On each it runs axe-core with the WCAG 2.1 A and
// AA rules and checks that no page requests another host, logs an error or
// a Content-Security-Policy violation, or leaves a cookie or local
// storage. Part 0 also checks that every URL of the sitemap is a page.
func AuditPart(t *testing.T, root string, part int) {
	axe := ReadAxe(t, root)
	b := browser.New(t)
	base, dir := ServeSiteDir(t, root, os.DirFS(root), nil)
	paths, err := audit.PagePaths(os.DirFS(dir))
	if err != nil {
		t.Fatal(err)
	}
	if part == 0 {
		for _, p := range sitemapPaths(t, base) {
			if !slices.Contains(paths, p) {
				t.Errorf("%s is in the sitemap but not a page of the build", p)
			}
		}
	}
	paths = append(paths, "/404.html")
	if len(paths) < 20 {
		t.Fatalf("only %d pages", len(paths))
	}
	var mine []string
	for i, p := range paths {
		if i%Parts == part {
			mine = append(mine, p)
		}
	}
	visits, found := audit.Pages(t, b, base, mine, axe)
	for _, f := range found {
		t.Errorf("%s (%s): %v", f.Path, f.Scheme, f.Msg)
	}
	t.Logf("axe-core: %d page visits (%d of %d URLs in light and dark mode), %d violations", visits, len(mine), len(paths), len(found))
	fmt.Fprintf(os.Stderr, "accessibility, part %d of %d: %d page visits, %d axe violations\n", part+1, Parts, visits, len(found))
}

// sitemapPaths returns the path of every URL in the built sitemap.
func sitemapPaths(t *testing.T, base string) []string {
	t.Helper()
	resp, err := Get(base + "/sitemap.xml")
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
