package audit

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"

	"offenbar/generator/browser"
	"offenbar/generator/diag"
)

// Site audits the built site in dir, published below basePath, with the
// axe-core script axe. It returns the page visits and the problems found,
// each at the page's path, or an error when the audit could not run.
func Site(dir, basePath, axe string) (visits int, problems diag.List, err error) {
	if browser.Path() == "" {
		return 0, problems, diag.Messagef("Chromium is not installed: install it, such as with apt-get install chromium")
	}
	sitemap, err := os.ReadFile(filepath.Join(dir, "sitemap.xml"))
	if err != nil {
		return 0, problems, diag.Messagef("%s has no sitemap.xml: build the site first", dir)
	}
	paths, err := SitemapPaths(sitemap, basePath)
	if err != nil {
		return 0, problems, err
	}
	if _, err := os.Stat(filepath.Join(dir, "404.html")); err == nil {
		paths = append(paths, "/404.html")
	}
	h, err := Handler(dir)
	if err != nil {
		return 0, problems, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, problems, err
	}
	mux := http.NewServeMux()
	prefix := basePath[:len(basePath)-1]
	if prefix == "" {
		mux.Handle("/", h)
	} else {
		mux.Handle(basePath, http.StripPrefix(prefix, h))
	}
	srv := &http.Server{Handler: mux}
	go srv.Serve(ln)
	defer srv.Close()
	base := "http://" + ln.Addr().String() + prefix

	var found []Finding
	err = run(func(t browser.T) {
		visits, found = Pages(t, browser.New(t), base, paths, axe)
	})
	for _, f := range found {
		problems.Errorf(diag.Pos{Path: f.Path}, "%s mode: %v", schemeName(f.Scheme), f.Msg)
	}
	return visits, problems, err
}

func schemeName(s string) *diag.Message {
	if s == "dark" {
		return diag.Messagef("dark")
	}
	return diag.Messagef("light")
}

// runner gives the browser what a test would: a failure ends the run with
// an error, and cleanups run at its end.
type runner struct {
	dir      string
	cleanups []func()
}

type stop struct{ err error }

func (r *runner) Helper()                           {}
func (r *runner) Fatal(args ...any)                 { panic(stop{fmt.Errorf("%s", fmt.Sprint(args...))}) }
func (r *runner) Fatalf(format string, args ...any) { panic(stop{fmt.Errorf(format, args...)}) }
func (r *runner) Cleanup(f func())                  { r.cleanups = append(r.cleanups, f) }

// Skip is a failure: an audit that cannot run has not passed. (Site makes
// sure first that Chromium is there.)
func (r *runner) Skip(args ...any) {
	panic(stop{fmt.Errorf("%s", fmt.Sprint(args...))})
}

func (r *runner) TempDir() string {
	if r.dir == "" {
		d, err := os.MkdirTemp("", "offenbar-audit-")
		if err != nil {
			r.Fatal(err)
		}
		r.dir = d
		r.Cleanup(func() { os.RemoveAll(d) })
	}
	return r.dir
}

// run calls f with a runner and returns the error that stopped it, if any.
func run(f func(t browser.T)) (err error) {
	r := &runner{}
	defer func() {
		for _, c := range slices.Backward(r.cleanups) {
			c()
		}
	}()
	defer func() {
		if v := recover(); v != nil {
			s, ok := v.(stop)
			if !ok {
				panic(v)
			}
			err = s.err
		}
	}()
	f(r)
	return nil
}
