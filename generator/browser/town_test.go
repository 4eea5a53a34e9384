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
	violations := 0
	for _, scheme := range []string{"light", "dark"} {
		p := b.Open(t, 1280, 900, true)
		p.Media(t, "prefers-color-scheme", scheme)
		for _, path := range paths {
			v := p.Go(t, base+path)
			if f := Foreign(v.Requests, base); len(f) > 0 {
				t.Errorf("%s: requests to other hosts: %v", path, f)
			}
			if len(v.Console) > 0 {
				t.Errorf("%s: console: %v", path, v.Console)
			}
			violations += runAxe(t, p, axe, path+" ("+scheme+")")
			var stored string
			p.Eval(t, `document.cookie + localStorage.length + sessionStorage.length`, &stored)
			if stored != "00" {
				t.Errorf("%s: stored data: %q", path, stored)
			}
		}
	}
	t.Logf("town from init: %d URLs in light and dark mode, %d axe violations", len(paths), violations)
}
