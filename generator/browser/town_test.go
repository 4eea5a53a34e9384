package browser

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"offenbar/generator/scaffold"
	"offenbar/generator/sitetest"
)

// TestTownFromInit builds a town's site as init writes it, with its blanks
// filled in, with the built-in theme and no templates folder, and checks
// every page as the example is checked: axe-core in light and dark mode,
// no request to another host, no console message (a CSP violation shows
// there), nothing stored in the browser.
func TestTownFromInit(t *testing.T) {
	axe := readAxe(t)
	b := New(t)
	dir := filepath.Join(t.TempDir(), "musterstadt")
	if _, err := scaffold.Init(dir, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := sitetest.FillTown(dir); err != nil {
		t.Fatal(err)
	}
	base := serveSite(t, os.DirFS(dir), nil)
	paths := append(sitemapPaths(t, base), "/404.html")
	if len(paths) < 15 {
		t.Fatalf("only %d URLs in the sitemap", len(paths))
	}
	_, violations := auditPages(t, b, base, paths, axe)
	t.Logf("town from init: %d URLs in light and dark mode, %d axe violations", len(paths), violations)
}
