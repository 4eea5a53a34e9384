// Package browsertest builds a site and serves it on 127.0.0.1 for the
// tests that open it in Chromium (packages browser, browser/interact and
// browser/a11y), with
// the headers that the build writes into _headers.
package browsertest

import (
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"offenbar/generator/audit"
	"offenbar/generator/content"
	"offenbar/generator/publish"
	"offenbar/generator/site"
	"offenbar/generator/sitetest"
)

// ServeSiteDir builds the site in src, with the chart runtime that npm ci
// installed below root (the repository), and serves it; it returns the
// address and the directory it serves. A site whose base URL is below
// /weltoffen/ is served there.
func ServeSiteDir(t testing.TB, root string, src fs.FS, templates fs.FS) (string, string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "public")
	base, stop, err := serve(root, src, templates, dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stop)
	return base, dir
}

// Main runs the tests of a Chromium test binary, from its TestMain: go
// test's default timeout of 10 minutes becomes sitetest.SlowMachineTimeout,
// a liveness guard only on a busy machine, and the example that
// ServeExample served is stopped at the end.
func Main(m *testing.M) {
	sitetest.RaiseDefaultTimeout()
	code := m.Run()
	StopExample()
	os.Exit(code)
}

// example is the example site, built and served once for the tests of a
// test binary that only read it.
var example struct {
	sync.Once
	base, tmp string
	stop      func()
	err       error
}

// ServeExample builds the example in the repository at root once per test
// binary, serves it, and returns its address. Tests must not change what
// it serves; call StopExample from TestMain after m.Run.
func ServeExample(t testing.TB, root string) string {
	t.Helper()
	example.Do(func() {
		if example.tmp, example.err = os.MkdirTemp("", "offenbar-example-"); example.err != nil {
			return
		}
		example.base, example.stop, example.err = serve(root, os.DirFS(root), nil, filepath.Join(example.tmp, "public"))
	})
	if example.err != nil {
		t.Fatal(example.err)
	}
	return example.base
}

// StopExample stops the server of ServeExample and removes its files.
func StopExample() {
	if example.stop != nil {
		example.stop()
	}
	if example.tmp != "" {
		os.RemoveAll(example.tmp)
	}
}

// serve builds the site in src into dir and serves it until stop.
func serve(root string, src fs.FS, templates fs.FS, dir string) (base string, stop func(), err error) {
	runtime := site.FindRuntime(root)
	if runtime == nil {
		return "", nil, errors.New("echarts is not installed: run npm ci")
	}
	out, errs := site.Build(src, site.Options{
		Runtime:    runtime,
		Templates:  templates,
		Visibility: content.Visibility{Now: time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC)},
	})
	if errs.HasErrors() {
		return "", nil, errs.Err()
	}
	if err := publish.Publish(dir, out.Files, publish.Options{}); err != nil {
		return "", nil, err
	}
	// Serve every file with the headers the build recommends in _headers,
	// so that the tests see what a strict Content-Security-Policy allows.
	files, err := audit.Handler(dir)
	if err != nil {
		return "", nil, err
	}
	if cfg, err := fs.ReadFile(src, "site.toml"); err == nil && strings.Contains(string(cfg), "/weltoffen/") {
		mux := http.NewServeMux()
		mux.Handle("/weltoffen/", http.StripPrefix("/weltoffen", files))
		srv := httptest.NewServer(mux)
		return srv.URL + "/weltoffen", srv.Close, nil
	}
	srv := httptest.NewServer(files)
	return srv.URL, srv.Close, nil
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
