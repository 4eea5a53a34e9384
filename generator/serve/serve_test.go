package serve

import (
	"bufio"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"offenbar/generator/content"
	"offenbar/generator/site"
)

// exampleSite copies the example site to a new directory and returns it
// with a build function, as the serve command wires them.
func exampleSite(t *testing.T) (string, func() (map[string][]byte, error)) {
	t.Helper()
	dir := t.TempDir()
	for _, p := range []string{"content", "templates"} {
		if err := os.CopyFS(filepath.Join(dir, p), os.DirFS(filepath.Join("../..", p))); err != nil {
			t.Fatal(err)
		}
	}
	cfg, _ := os.ReadFile("../../site.toml")
	os.WriteFile(filepath.Join(dir, "site.toml"), cfg, 0o644)
	runtime := site.FindRuntime("../..")
	return dir, func() (map[string][]byte, error) {
		out, errs := site.Build(os.DirFS(dir), site.Options{Runtime: runtime, Visibility: content.Visibility{Drafts: true, Now: time.Now()}})
		if errs.HasErrors() {
			return nil, errs.Err()
		}
		return out.Files, nil
	}
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// waitFor polls url until its body contains want. The deadline guards
// liveness only: a rebuild on a busy machine may take seconds.
func waitFor(t *testing.T, url, want string) string {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	var body string
	for time.Now().Before(deadline) {
		_, body = get(t, url)
		if strings.Contains(body, want) {
			return body
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("%s did not show %q within 60 s; last body:\n%s", url, want, body)
	return ""
}

func TestServeRebuildsAndShowsErrors(t *testing.T) {
	dir, build := exampleSite(t)
	page := filepath.Join(dir, "content/articles/2024-09-16-fest-der-kulturen/index.md")
	orig, _ := os.ReadFile(page)
	edit := func(old, new string) {
		os.WriteFile(page, []byte(strings.Replace(string(orig), old, new, 1)), 0o644)
	}
	const url = "artikel/fest-der-kulturen/"

	stop := make(chan os.Signal, 1)
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- Run(Config{
			Source: dir, Port: 0, Build: build, Stop: stop, Log: io.Discard,
			Src:   func(p string) ([]byte, error) { return os.ReadFile(filepath.Join(dir, p)) },
			Ready: func(addr string) { ready <- addr },
		})
	}()
	var base string
	select {
	case base = <-ready:
	case err := <-done:
		t.Fatal(err)
	case <-time.After(60 * time.Second):
		t.Fatal("server did not start")
	}

	body := waitFor(t, base+url, "Fest der Kulturen kehrt auf den Marktplatz zurück")
	if !strings.Contains(body, "/_offenbar/reload.js") {
		t.Error("preview pages lack the reload script")
	}
	if code, _ := get(t, base+"missing/"); code != http.StatusNotFound {
		t.Errorf("missing page: status %d", code)
	}

	// An edit shows up.
	edit("Nach einem Jahr Pause", "Nach zwei Jahren Pause")
	waitFor(t, base+url, "Nach zwei Jahren Pause")

	// A broken file gives the error overlay with the source line.
	edit("date = 2024-09-16", "date = 16.09.2024")
	body = waitFor(t, base+url, "could not be built")
	for _, want := range []string{"content/articles/2024-09-16-fest-der-kulturen/index.md:3:8", "invalid TOML", "3 | date = 16.09.2024"} {
		if !strings.Contains(body, want) {
			t.Errorf("overlay lacks %q:\n%s", want, body)
		}
	}

	// The next good save brings the page back.
	edit("Nach einem Jahr Pause", "Wieder gut")
	waitFor(t, base+url, "Wieder gut")

	// Open tabs hear about rebuilds.
	resp, err := http.Get(base + "_offenbar/reload")
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewReader(resp.Body)
	first, _ := r.ReadString('\n')
	edit("Nach einem Jahr Pause", "Noch einmal")
	r.ReadString('\n') // the blank line after the first event
	second, _ := r.ReadString('\n')
	resp.Body.Close()
	if !strings.HasPrefix(first, "data: ") || !strings.HasPrefix(second, "data: ") || first == second {
		t.Errorf("reload events %q then %q", first, second)
	}

	stop <- os.Interrupt
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("server did not stop on interrupt")
	}
}

// TestServeUnderBasePath serves a site published below a sub-path there, so
// that its links work in the preview; a path without the base path, as
// typed or bookmarked, redirects to its page below it.
func TestServeUnderBasePath(t *testing.T) {
	s := &server{cfg: Config{BasePath: func() string { return "/weltoffen/" }}}
	s.files = map[string][]byte{"index.html": []byte("home"), "artikel/index.html": []byte("news"), "artikel/fest/index.html": []byte("fest"),
		"assets/site.css": []byte("css"), "404.html": []byte("missing")}
	for path, want := range map[string]string{
		"/":                          "302 /weltoffen/",
		"/weltoffen":                 "302 /weltoffen/",
		"/weltoffen/":                "200 home",
		"/weltoffen/artikel/":        "200 news",
		"/weltoffen/artikel/fest/":   "200 fest",
		"/weltoffen/artikel/fest":    "301 /weltoffen/artikel/fest/",
		"/weltoffen/assets/site.css": "200 css",
		"/artikel/":                  "302 /weltoffen/artikel/",
		"/artikel/fest/":             "302 /weltoffen/artikel/fest/",
		"/suche/?q=fest":             "302 /weltoffen/suche/?q=fest",
		"/assets/site.css":           "302 /weltoffen/assets/site.css",
		"//example.org/":             "302 /weltoffen/example.org/",
		"/../weltoffen/x":            "302 /weltoffen/x",
		"/weltoffen/nichts/":         "404 missing",
	} {
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, httptest.NewRequest("GET", path, nil))
		got := fmt.Sprintf("%d %s", rec.Code, strings.TrimSuffix(rec.Body.String(), reloadScript))
		if rec.Code == http.StatusFound || rec.Code == http.StatusMovedPermanently {
			got = fmt.Sprintf("%d %s", rec.Code, rec.Header().Get("Location"))
		}
		if !strings.HasPrefix(got, want) {
			t.Errorf("GET %s = %q, want %q", path, got, want)
		}
	}
}
