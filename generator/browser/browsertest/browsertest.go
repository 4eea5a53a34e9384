// Package browsertest builds a site and serves it on 127.0.0.1 for the
// tests that open it in Chromium (packages browser and browser/a11y), with
// the headers that the build writes into _headers.
package browsertest

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offenbar/generator/audit"
	"offenbar/generator/content"
	"offenbar/generator/publish"
	"offenbar/generator/site"
)

// ServeSiteDir builds the site in src, with the chart runtime that npm ci
// installed below root (the repository), and serves it; it returns the
// address and the directory it serves. A site whose base URL is below
// /weltoffen/ is served there.
func ServeSiteDir(t testing.TB, root string, src fs.FS, templates fs.FS) (string, string) {
	t.Helper()
	runtime := site.FindRuntime(root)
	if runtime == nil {
		t.Fatal("echarts is not installed: run npm ci")
	}
	out, errs := site.Build(src, site.Options{
		Runtime:    runtime,
		Templates:  templates,
		Visibility: content.Visibility{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)},
	})
	if errs.HasErrors() {
		t.Fatal(errs.Err())
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := publish.Publish(dir, out.Files, publish.Options{}); err != nil {
		t.Fatal(err)
	}
	// Serve every file with the headers the build recommends in _headers,
	// so that the tests see what a strict Content-Security-Policy allows.
	files, err := audit.Handler(dir)
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := fs.ReadFile(src, "site.toml"); err == nil && strings.Contains(string(cfg), "/weltoffen/") {
		mux := http.NewServeMux()
		mux.Handle("/weltoffen/", http.StripPrefix("/weltoffen", files))
		srv := httptest.NewServer(mux)
		t.Cleanup(srv.Close)
		return srv.URL + "/weltoffen", dir
	}
	srv := httptest.NewServer(files)
	t.Cleanup(srv.Close)
	return srv.URL, dir
}

// ReadAxe returns the axe-core script that npm ci installed below root.
func ReadAxe(t testing.TB, root string) string {
	t.Helper()
	axe := audit.FindAxe(root)
	if axe == nil {
		t.Fatal("axe-core is not installed: run npm ci")
	}
	return string(axe)
}

// Get returns the body at u.
func Get(u string) ([]byte, error) {
	resp, err := http.Get(u)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	return io.ReadAll(resp.Body)
}
